// HeatmapStyle: how attention matrices are drawn, shared by every heatmap of a window or figure.
#pragma once

#include "colormaps.h"

namespace attnviz::ui {

// How attention values map to colours.
enum class ColorScale {
    SharedUnit, // every heatmap 0 … 1: weights comparable across heads and sentences
    SharedMax,  // every heatmap 0 … the largest weight shown: comparable, with more contrast
    PerHead     // each heatmap 0 … its own largest weight, with its own colour bar
};

struct HeatmapStyle {
    Colormap colormap = Colormap::Viridis;
    ColorScale scale = ColorScale::SharedUnit;
    bool showValues = true; // print each weight in its cell (only where N ≤ kMaxTokensForValues)
    static constexpr int kMaxTokensForValues = 12;

    bool operator==(const HeatmapStyle &) const = default;
};

} // namespace attnviz::ui
