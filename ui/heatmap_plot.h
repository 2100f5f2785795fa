// Plot pieces behind HeatmapView: a QCustomPlot that reports its paints, and a colour map that
// also draws cell values and the highlighted query row on its own (buffered) layer.
#pragma once

#include <qcustomplot.h>

namespace attnviz::ui {

class HeatmapPlot : public QCustomPlot {
    Q_OBJECT
public:
    using QCustomPlot::QCustomPlot;
    quint64 paintCount() const { return m_paintCount; }

signals:
    void painted();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    quint64 m_paintCount = 0;
};

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
    // Maps a value to its cell colour for the text contrast (the gradient and range in use).
    std::function<QColor(double)> colorOf;

protected:
    void draw(QCPPainter *painter) override;

private:
    QRectF cellRect(int row, int column) const;

    bool m_showValues = false;
    QFont m_valueFont;
    int m_highlightRow = -1;
    QColor m_highlightColor;
};

} // namespace attnviz::ui
