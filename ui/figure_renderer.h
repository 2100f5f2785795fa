// FigureRenderer: draws the head grid (or one panel) as a figure for articles: PNG, SVG or PDF.
#pragma once

#include "heatmap_style.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QTextOption>

#include <memory>
#include <optional>
#include <string>

class QIODevice;
class QPainter;
class QTextLayout;

namespace attnviz::ui {

class AttentionSession;
class HeatmapView;
class ModelThumbnails;
struct SessionSnapshot;

struct FigureOptions {
    // Model: every layer × head as thumbnails on one scale (the window's model view).
    enum class Part { Grid, Head, Mean, Model };
    Part part = Part::Grid;
    int head = 0;          // 0-based, for Part::Head
    int layer = -1;        // a model's layer for Grid, Head and Mean (0-based); −1: the shown one
    int columns = 0;       // 0: the balanced grid of the window
    QSize size{1600, 900}; // logical pixels, 1/96 inch (sizeFromInches() converts)
    double scale = 1.0;    // PNG pixels per logical pixel: DPI / 96
    bool caption = false;  // the sentence and the configuration under the figure
    bool meanPanel = false;  // with Part::Grid: append the mean panel as the window does
    bool roleBadges = false; // each head's role badge under its title, as the window shows it
    double fontPoints = 0;   // text size in points; 0: the desktop's font size
    // Names the loaded weights in the caption ("mha.safetensors, module attn"); empty for random
    // weights, where the caption names the seed. figureWeightsName() makes it.
    QString weightsName;
    HeatmapStyle style;

    static constexpr int kMinSide = 200, kMaxSide = 10000;
    static constexpr int kMinDpi = 96, kMaxDpi = 600;
    static constexpr double kMinFontPoints = 4, kMaxFontPoints = 72;
    // A PNG above this many pixels would need more memory than a figure deserves (4 bytes each).
    static constexpr qint64 kMaxPixels = 100'000'000;

    // Physical presets for articles and slides.
    enum class Preset { SingleColumn, DoubleColumn, Slide16x9 };
    // Width × height in inches: single column 3.3 × 2.5, double column 7 × 3.5, slide 13.33 × 7.5.
    static QSizeF presetInches(Preset preset);
    static QSize sizeFromInches(const QSizeF &inches); // to logical pixels (96 per inch)

    // Throws InputError naming the limit when the sides, DPI, font size or the PNG's pixel count
    // are out of range. FigureRenderer calls it, so the dialog and the command line share it.
    void validate(bool png) const;
};

// A length with its unit ("3.3in", "84mm", "8.5cm", "240pt", "320px"; a bare number is pixels)
// in inches. Throws InputError naming the accepted units when the text is not a positive length.
double parseLength(const QString &text);

// "mha.safetensors, module encoder.attn": the loaded file's name (never its folder) and module.
QString figureWeightsName(const QString &weightsPath, const std::string &module = {});
// The session's loaded weights as above, or empty for random weights.
QString figureWeightsName(const AttentionSession &session);

// "“The cat sat.” — 4 heads, d_model 64, dk 16, dv 16, causal, seed 42, random weights", or with
// "weights mha.safetensors, module attn" instead of the seed when weights were loaded.
QString figureCaption(const SessionSnapshot &snapshot, const QString &weightsName = {});

// Builds its own hidden views with a light print palette, so the window is untouched. Text stays
// text; cells are rectangles in SVG and PDF up to MatrixPlot::kMaxVectorCells a side, and above it
// one lossless image per heatmap (one pixel per cell, scaled without smoothing).
class FigureRenderer {
public:
    FigureRenderer(const SessionSnapshot &snapshot, const FigureOptions &options);
    ~FigureRenderer();

    QSize pixelSize() const; // of the PNG
    // Heatmaps drawn: the grid's panels, or layers × heads for Part::Model.
    int panelCount() const;
    const QList<HeatmapView *> &panels() const { return m_panels; }
    // Where the last paint put each panel, in logical pixels (square: a heatmap is N × N).
    const QList<QRect> &panelRects() const { return m_panelRects; }
    QString caption() const { return m_caption; }
    // In logical coordinates, options.size; heatmaps are vectors when the painter came from
    // MatrixPlot::figurePainter().
    void paint(QPainter &painter);
    QImage toImage();
    // Writes by the file's extension (.png, .svg, .pdf) through QSaveFile, so a failure keeps
    // any previous file. Throws InputError naming the problem ("No space left on device").
    void save(const QString &path);
    // Writes one format ("png", "svg", "pdf") to a device, checking every write. Throws
    // InputError with the device's own error when a write fails; `name` is used in messages.
    void write(QIODevice &device, const QString &format, const QString &name);

    // "png", "svg" or "pdf" for a supported path, else empty.
    static QString formatOf(const QString &path);
    // How captions are laid out: one paragraph in the user interface's direction, wrapped.
    static QTextOption captionTextOption();

private:
    QRect captionRect() const;
    void paintColorBar(QPainter &painter, const QRect &bar) const;
    void paintCaption(QPainter &painter) const;
    qreal layoutCaption(QTextLayout &layout, qreal width) const;
    QFont textFont() const;
    int colorBarWidth() const;

    FigureOptions m_options;
    std::unique_ptr<SessionSnapshot> m_layerSnapshot; // another layer than the one shown
    std::unique_ptr<ModelThumbnails> m_thumbnails;    // Part::Model
    QString m_caption;
    QList<HeatmapView *> m_panels;
    QList<QRect> m_panelRects;
    bool m_showColorBar = true;
    bool m_masked = false;
    double m_upper = 1.0; // top of the shared colour scale
};

} // namespace attnviz::ui
