#include "matrix_scale.h"

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Five stops of RdBu (reversed so that positive is red): deep blue, light blue, white, light
// red, deep red.
const QColor kDiverging[] = {QColor(33, 102, 172), QColor(146, 197, 222), QColor(247, 247, 247),
                             QColor(244, 165, 130), QColor(178, 24, 43)};

} // namespace

QColor divergingColorAt(double t) {
    if (!std::isfinite(t))
        return kDiverging[2];
    t = std::clamp(t, 0.0, 1.0);
    const double scaled = t * 4.0;
    const int i = std::min(3, static_cast<int>(scaled));
    return mix(kDiverging[i], kDiverging[i + 1], scaled - i);
}

MatrixScale MatrixScale::sequential(Colormap map, double low, double high) {
    MatrixScale scale;
    scale.colormap = map;
    scale.low = low;
    scale.high = high > low ? high : low + 1;
    return scale;
}

MatrixScale MatrixScale::sequentialAutomatic(Colormap map) {
    MatrixScale scale;
    scale.colormap = map;
    scale.automatic = true;
    return scale;
}

MatrixScale MatrixScale::diverging(double limit) {
    MatrixScale scale;
    scale.kind = Kind::Diverging;
    scale.automatic = limit <= 0;
    scale.low = limit > 0 ? -limit : -1.0;
    scale.high = limit > 0 ? limit : 1.0;
    return scale;
}

QPair<double, double> MatrixScale::rangeFor(const Eigen::MatrixXf &values) const {
    if (!automatic)
        return {low, high};
    double largest = 0, largestAbs = 0;
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        const double v = values.data()[i];
        if (!std::isfinite(v))
            continue;
        largest = std::max(largest, v);
        largestAbs = std::max(largestAbs, std::abs(v));
    }
    if (kind == Kind::Diverging) {
        // An all-zero difference still needs a scale; ±1 shows it as plain white.
        const double limit = largestAbs > 0 ? largestAbs : 1.0;
        return {-limit, limit};
    }
    return {0.0, std::max(largest, 1e-6)}; // a range, never empty
}

QColor MatrixScale::colorOf(double value, double lo, double hi) const {
    const double t = (value - lo) / (hi - lo);
    return kind == Kind::Diverging ? divergingColorAt(t)
                                   : colorAt(colormap, std::clamp(t, 0.0, 1.0));
}

QList<QPair<double, QColor>> MatrixScale::stops() const {
    QList<QPair<double, QColor>> result;
    if (kind == Kind::Diverging) {
        for (int i = 0; i < 5; ++i)
            result.append({i / 4.0, kDiverging[i]});
        return result;
    }
    for (int i = 0; i <= 16; ++i)
        result.append({i / 16.0, colorAt(colormap, i / 16.0)});
    return result;
}

} // namespace attnviz::ui
