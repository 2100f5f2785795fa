// StepViewSeam: the step view behind the SnapshotView seam, as an adapter so the step view's own
// files stay as they are. It follows the session's run (not the grouped tokens: the steps are the
// core's own intermediates).
#pragma once

#include "snapshot_view.h"

#include <QCoreApplication>

namespace attnviz::ui {

class StepView;

class StepViewSeam : public SnapshotView {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::StepViewSeam)
public:
    explicit StepViewSeam(StepView *view)
        : m_view(view) {}

    QWidget *viewWidget() override;
    QString tabTitle() const override;
    QString tabToolTip() const override;
    // A new run only: the same one again (a view option changed) keeps the steps drawn.
    void showRun(const std::shared_ptr<const SessionSnapshot> &run,
                 const SessionSnapshot &shown) override;

private:
    StepView *m_view;
    std::shared_ptr<const SessionSnapshot> m_run;
};

} // namespace attnviz::ui
