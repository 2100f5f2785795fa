// FigureRenderer: draws the head grid (or one panel) as a figure for articles: PNG, SVG or PDF.
#pragma once

#include "heatmap_style.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

class QCPPainter;
class QPainter;

namespace attnviz::ui {

class HeatmapView;
struct SessionSnapshot;

struct FigureOptions {
    enum class Part { Grid, Head, Mean };
    Part part = Part::Grid;
    int head = 0;           // 0-based, for Part::Head
    int columns = 0;        // 0: the balanced grid of the window
    QSize size{1600, 900};  // logical pixels, 1/96 inch
    double scale = 1.0;     // PNG pixels per logical pixel: DPI / 96
    bool caption = false;   // the sentence and the configuration under the figure
    bool meanPanel = false; // with Part::Grid: append the mean panel as the window does
    HeatmapStyle style;

    static constexpr int kMinSide = 200, kMaxSide = 10000;
    static constexpr int kMinDpi = 96, kMaxDpi = 600;
};

// "“The cat sat.” — 4 heads, d_model 64, dk 16, dv 16, causal, seed 42, random weights"
QString figureCaption(const SessionSnapshot &snapshot);

// Builds its own hidden views with a light print palette, so the window is untouched. Text stays
// text and every cell is a rectangle in SVG and PDF.
class FigureRenderer {
public:
    FigureRenderer(const SessionSnapshot &snapshot, const FigureOptions &options);
    ~FigureRenderer();

    QSize pixelSize() const; // of the PNG
    int panelCount() const { return static_cast<int>(m_panels.size()); }
    void paint(QCPPainter &painter); // in logical coordinates, options.size
    QImage toImage();
    // Writes by the file's extension (.png, .svg, .pdf) through QSaveFile, so a failure keeps
    // any previous file. Throws InputError naming the problem.
    void save(const QString &path);

    // "png", "svg" or "pdf" for a supported path, else empty.
    static QString formatOf(const QString &path);

private:
    QRect captionRect() const;
    void paintColorBar(QPainter &painter, const QRect &bar) const;
    static constexpr int kColorBarWidth = 110;

    FigureOptions m_options;
    QString m_caption;
    QList<HeatmapView *> m_panels;
    bool m_showColorBar = true;
    double m_upper = 1.0; // top of the shared colour scale
};

} // namespace attnviz::ui
