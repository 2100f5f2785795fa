// Plot pieces behind HeatmapView: a QCustomPlot that reports its paints, and a colour map that
// also draws cell values, masked cells and the highlighted query row on its own (buffered) layer.
#pragma once

#include <qcustomplot.h>

namespace attnviz::ui {

class HeatmapPlot : public QCustomPlot {
    Q_OBJECT
public:
    using QCustomPlot::QCustomPlot;
    quint64 paintCount() const { return m_paintCount; }
    // Lays the plot out for its current viewport now (margins from the current tick labels).
    void layoutNow() { updateLayout(); }

signals:
    void painted();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    quint64 m_paintCount = 0;
};

// A head's role under its title: the text in a rounded box tinted with the role's colour (an
// outline only when the colour is invalid). Text stays dark on the light tint in every theme.
class BadgeElement : public QCPTextElement {
    Q_OBJECT
public:
    explicit BadgeElement(QCustomPlot *plot);
    void setColor(const QColor &color) { m_color = color; }
    QColor color() const { return m_color; }

protected:
    void draw(QCPPainter *painter) override;

private:
    QColor m_color;
};

// Fills `area` as masked cells look: a warm neutral blank (in no colour map), then draws the
// light diagonal `hatching` over it (empty when cells are too small to show it).
void paintMaskedArea(QPainter &painter, const QPainterPath &area, const QPainterPath &hatching);

class AttentionColorMap : public QCPColorMap {
    Q_OBJECT
public:
    using QCPColorMap::QCPColorMap;

    void setValueLabels(bool show, const QFont &font) {
        m_showValues = show;
        m_valueFont = font;
    }
    void setHighlight(int row, const QColor &color) {
        m_highlightRow = row;
        m_highlightColor = color;
    }
    // Causal: key columns after the query row are masked (never attended, not a real zero).
    void setCausalMask(bool causal) { m_causal = causal; }
    bool isMasked(int row, int column) const { return m_causal && column > row; }
    // Maps a value to its cell colour for the text contrast (the gradient and range in use).
    std::function<QColor(double)> colorOf;

protected:
    void draw(QCPPainter *painter) override;

private:
    QRectF cellRect(int row, int column) const;
    void drawVectorCells(QCPPainter *painter, int n);
    void drawCellImage(QCPPainter *painter, int n);
    void drawMaskedCells(QCPPainter *painter, int n);

    bool m_showValues = false;
    bool m_causal = false;
    QFont m_valueFont;
    int m_highlightRow = -1;
    QColor m_highlightColor;
};

} // namespace attnviz::ui
