// HeatmapStyle: how attention matrices are drawn, shared by every heatmap of a window or figure.
#pragma once

#include "colormaps.h"

namespace attnviz::ui {

struct HeatmapStyle {
    Colormap colormap = Colormap::Viridis;
    bool autoScale = false;  // each heatmap spans its own 0 … max instead of the shared 0 … 1
    bool showValues = true;  // print each weight in its cell (only where N ≤ kMaxTokensForValues)
    static constexpr int kMaxTokensForValues = 12;

    bool operator==(const HeatmapStyle &) const = default;
};

} // namespace attnviz::ui
