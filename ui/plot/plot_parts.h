// The plotting library's pieces behind MatrixPlot and ColorBar; private to the plot module.
#pragma once

#include "matrix_scale.h"

#include <qcustomplot.h>

#include <functional>

namespace attnviz::ui {

// Masked (causal) cells: a pale fill, hatched where a cell is wide enough to show it.
inline const QColor kMaskedFill(0xF2, 0xEE, 0xE6);
inline const QColor kMaskedHatch(0xB8, 0xB0, 0xA4);
constexpr double kMinHatchedCell = 5.0;

// The plot widget: reports its paints.
class PlotCanvas : public QCustomPlot {
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

// A title that takes no line while it is empty (panels with a caption instead).
class TitleElement : public QCPTextElement {
    Q_OBJECT
public:
    using QCPTextElement::QCPTextElement;

protected:
    QSize minimumOuterSizeHint() const override {
        return mText.isEmpty() ? QSize(0, 0) : QCPTextElement::minimumOuterSizeHint();
    }
    QSize maximumOuterSizeHint() const override {
        return mText.isEmpty() ? QSize(QWIDGETSIZE_MAX, 0) : QCPTextElement::maximumOuterSizeHint();
    }
};

// A role under a title: the text in a rounded box tinted with the role's colour (an outline
// only when the colour is invalid). Text stays dark on the light tint in every theme.
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

// The gradient the plotting library draws `scale` with (the same stops, interpolated in RGB).
QCPColorGradient gradientOf(const MatrixScale &scale);

// The cells of a [rows × columns] matrix (cell (row, column) is data cell (column, row)); also
// draws cell values, masked cells and the highlighted row on its own buffered layer.
class CellMap : public QCPColorMap {
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
    void setCausalMask(bool causal) { m_causal = causal; }
    bool isMasked(int row, int column) const { return m_causal && column > row; }
    void setMaxVectorCells(int cells) { m_maxVectorCells = cells; }
    // Maps a value to its cell colour (the scale and range in use).
    std::function<QColor(double)> colorOf;
    QRectF cellRect(int row, int column) const;

protected:
    void draw(QCPPainter *painter) override;

private:
    void drawVectorCells(QCPPainter *painter, int rows, int columns);
    void drawCellImage(QCPPainter *painter, int rows, int columns);
    void drawMaskedCells(QCPPainter *painter, int rows, int columns);

    bool m_showValues = false;
    bool m_causal = false;
    int m_maxVectorCells = 64;
    QFont m_valueFont;
    int m_highlightRow = -1;
    QColor m_highlightColor;
};

} // namespace attnviz::ui
