// MatrixScale: how a matrix plot maps values to colours, in Qt types only (the plot module turns
// it into the plotting library's gradient).
#pragma once

#include "colormaps.h"

#include <Eigen/Core>

#include <QColor>
#include <QList>
#include <QPair>

namespace attnviz::ui {

// The colour of t ∈ [0, 1] on a blue–white–red diverging scale: 0.5 is white (a difference of
// 0), 0 strong blue, 1 strong red (the end colours of ColorBrewer's RdBu, reversed).
QColor divergingColorAt(double t);

struct MatrixScale {
    enum class Kind {
        Sequential, // [low, high] through a perceptual colour map
        Diverging,  // [−limit, +limit] through divergingColorAt, 0 white
    };
    Kind kind = Kind::Sequential;
    Colormap colormap = Colormap::Viridis; // sequential only
    // The range; automatic takes it from the matrix shown (sequential: 0 … its largest value,
    // diverging: ± its largest |value|).
    bool automatic = false;
    double low = 0.0, high = 1.0;

    static MatrixScale sequential(Colormap map, double low, double high);
    static MatrixScale sequentialAutomatic(Colormap map);
    // limit ≤ 0: ± the matrix's largest |value|.
    static MatrixScale diverging(double limit = 0);

    // The range shown for `values` (never empty; non-finite values are left out).
    QPair<double, double> rangeFor(const Eigen::MatrixXf &values) const;
    // The colour of `value` over [low, high] as resolved by rangeFor.
    QColor colorOf(double value, double low, double high) const;
    // Evenly spaced colour stops over [0, 1] (what the gradient interpolates in RGB).
    QList<QPair<double, QColor>> stops() const;

    bool operator==(const MatrixScale &) const = default;
};

} // namespace attnviz::ui
