// Colormaps: the perceptual colour scales attnviz offers (the plot module makes gradients of them).
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace attnviz::ui {

enum class Colormap { Viridis, Magma, Cividis, Grayscale };

// Display names in menu order ("Viridis", "Magma", "Cividis (colour-blind safe)", "Grayscale").
QStringList colormapDisplayNames();
// Command-line / file names: "viridis", "magma", "cividis", "grayscale".
QString colormapName(Colormap map);
// Parses a file name; returns false for an unknown name.
bool parseColormap(const QString &name, Colormap *map);

// The colour of value t ∈ [0, 1], interpolated in RGB between 17 evenly spaced stops sampled
// from the published 256-entry tables (matplotlib's viridis and magma by van der Walt & Smith,
// cividis by Nuñez et al. 2018), and a text colour readable on top of it.
QColor colorAt(Colormap map, double t);
QColor contrastingTextColor(const QColor &background);

} // namespace attnviz::ui
