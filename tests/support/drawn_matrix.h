// The matrix a step view draws for one step, or a fatal test error when it omits it.
#pragma once

#include <step_view.h>

#include <QtGlobal>

namespace attnviz::ui::testing {

inline const Eigen::MatrixXf &drawn(const StepView &view, StepMatrix which) {
    const Eigen::MatrixXf *m = view.diagram().matrix(which);
    if (!m)
        qFatal("the step view omits a matrix the test expects");
    return *m;
}

} // namespace attnviz::ui::testing
