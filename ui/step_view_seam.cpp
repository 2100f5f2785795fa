#include "step_view_seam.h"

#include "step_view.h"

namespace attnviz::ui {

QWidget *StepViewSeam::viewWidget() {
    return m_view;
}

QString StepViewSeam::tabTitle() const {
    return tr("&Steps of one head");
}

QString StepViewSeam::tabToolTip() const {
    return tr("One head's computation, matrix by matrix, in the article's notation");
}

void StepViewSeam::showRun(const std::shared_ptr<const SessionSnapshot> &run,
                           const SessionSnapshot &) {
    if (run == m_run)
        return;
    m_run = run;
    m_view->setSnapshot(run);
}

} // namespace attnviz::ui
