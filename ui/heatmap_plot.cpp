#include "heatmap_plot.h"

#include "colormaps.h"

namespace attnviz::ui {

void HeatmapPlot::paintEvent(QPaintEvent *event) {
    QCustomPlot::paintEvent(event);
    ++m_paintCount;
    emit painted();
}

QRectF AttentionColorMap::cellRect(int row, int column) const {
    const QPointF topLeft = coordsToPixels(column - 0.5, row - 0.5);
    const QPointF bottomRight = coordsToPixels(column + 0.5, row + 0.5);
    return QRectF(topLeft, bottomRight).normalized();
}

void AttentionColorMap::draw(QCPPainter *painter) {
    const int n = data()->keySize();
    if (painter->modes().testFlag(QCPPainter::pmVectorized) && colorOf) {
        // Figures: one rectangle per cell, so SVG and PDF hold no raster image. A hairline
        // outline in the cell's own colour covers the seams that viewers' antialiasing leaves.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        for (int row = 0; row < n; ++row)
            for (int column = 0; column < n; ++column) {
                const QColor color = colorOf(data()->cell(column, row));
                QPen outline(color, 0.6);
                outline.setJoinStyle(Qt::MiterJoin);
                painter->setPen(outline);
                painter->setBrush(color);
                painter->drawRect(cellRect(row, column));
            }
        painter->restore();
    } else {
        QCPColorMap::draw(painter);
    }
    if (m_showValues && colorOf && n > 0) {
        painter->setFont(m_valueFont);
        const QFontMetricsF metrics(m_valueFont);
        const QRectF probe = cellRect(0, 0);
        // Two decimals ("0.31") when they fit; the cell is left clean when nothing would.
        if (metrics.horizontalAdvance(QStringLiteral("0.00")) + 4 <= probe.width() &&
            metrics.height() <= probe.height()) {
            for (int row = 0; row < n; ++row) {
                for (int column = 0; column < n; ++column) {
                    const double value = data()->cell(column, row);
                    painter->setPen(contrastingTextColor(colorOf(value)));
                    painter->drawText(cellRect(row, column), Qt::AlignCenter,
                                      QString::number(value, 'f', 2));
                }
            }
        }
    }
    if (m_highlightRow >= 0 && m_highlightRow < n) {
        const QRectF row = cellRect(m_highlightRow, 0).united(cellRect(m_highlightRow, n - 1));
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(m_highlightColor, 3.0));
        painter->drawRect(row.adjusted(1.5, 1.5, -1.5, -1.5));
    }
}

} // namespace attnviz::ui
