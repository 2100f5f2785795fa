#include "heatmap_plot.h"

#include "colormaps.h"
#include "heatmap_style.h"

namespace attnviz::ui {

namespace {
const QColor kMaskedFill(0xF2, 0xEE, 0xE6);
const QColor kMaskedHatch(0xB8, 0xB0, 0xA4);
constexpr double kMinHatchedCell = 5.0;
} // namespace

void HeatmapPlot::paintEvent(QPaintEvent *event) {
    QCustomPlot::paintEvent(event);
    ++m_paintCount;
    emit painted();
}

BadgeElement::BadgeElement(QCustomPlot *plot)
    : QCPTextElement(plot) {
    setMargins(QMargins(7, 1, 7, 3)); // room for the box around the text
}

void BadgeElement::draw(QCPPainter *painter) {
    if (mText.isEmpty())
        return;
    painter->setFont(mainFont());
    const QRectF text = painter->fontMetrics().boundingRect(mRect, mTextFlags, mText);
    const QRectF box = text.adjusted(-5, 0, 5, 0);
    const bool tinted = m_color.isValid();
    QColor fill = Qt::transparent;
    if (tinted) { // 30 % of the colour over white: light enough for dark text
        fill = QColor::fromRgbF(0.7f + 0.3f * m_color.redF(), 0.7f + 0.3f * m_color.greenF(),
                                0.7f + 0.3f * m_color.blueF());
    }
    painter->save();
    painter->setAntialiasing(true);
    painter->setPen(QPen(tinted ? m_color.darker(130) : mainTextColor(), 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setPen(tinted ? QColor(0x20, 0x20, 0x20) : mainTextColor());
    painter->drawText(mRect, mTextFlags, mText, &mTextBoundingRect);
    painter->restore();
}

void paintMaskedArea(QPainter &painter, const QPainterPath &area, const QPainterPath &hatching) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kMaskedFill);
    painter.drawPath(area);
    if (!hatching.isEmpty()) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(kMaskedHatch, 0.8));
        painter.drawPath(hatching);
    }
    painter.restore();
}

QRectF AttentionColorMap::cellRect(int row, int column) const {
    const QPointF topLeft = coordsToPixels(column - 0.5, row - 0.5);
    const QPointF bottomRight = coordsToPixels(column + 0.5, row + 0.5);
    return QRectF(topLeft, bottomRight).normalized();
}

// Figures at small N: one rectangle per cell, so SVG and PDF hold no raster image. A hairline
// outline in the cell's own colour covers the seams that viewers' antialiasing leaves.
void AttentionColorMap::drawVectorCells(QCPPainter *painter, int n) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column) {
            if (isMasked(row, column))
                continue;
            const QColor color = colorOf(data()->cell(column, row));
            QPen outline(color, 0.6);
            outline.setJoinStyle(Qt::MiterJoin);
            painter->setPen(outline);
            painter->setBrush(color);
            painter->drawRect(cellRect(row, column));
        }
    painter->restore();
}

// Figures at large N: rectangles stop being useful (500 tokens × 16 heads are 4 million), so the
// cells become one lossless image, one pixel per cell, scaled up without smoothing.
void AttentionColorMap::drawCellImage(QCPPainter *painter, int n) {
    QImage image(n, n, QImage::Format_RGB32);
    for (int row = 0; row < n; ++row) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(row));
        for (int column = 0; column < n; ++column)
            line[column] = isMasked(row, column) ? kMaskedFill.rgb()
                                                 : colorOf(data()->cell(column, row)).rgb();
    }
    const QRectF target = cellRect(0, 0).united(cellRect(n - 1, n - 1));
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->setRenderHint(QPainter::LosslessImageRendering, true); // PDF: Flate, not JPEG
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->drawImage(target, image);
    painter->restore();
}

void AttentionColorMap::drawMaskedCells(QCPPainter *painter, int n) {
    QPainterPath area, hatching;
    const bool hatch = cellRect(0, 0).width() >= kMinHatchedCell;
    for (int row = 0; row + 1 < n; ++row) {
        area.addRect(cellRect(row, row + 1).united(cellRect(row, n - 1)));
        if (!hatch)
            continue;
        for (int column = row + 1; column < n; ++column) {
            const QRectF cell = cellRect(row, column);
            hatching.moveTo(cell.bottomLeft());
            hatching.lineTo(cell.topRight());
        }
    }
    paintMaskedArea(*painter, area, hatching);
}

void AttentionColorMap::draw(QCPPainter *painter) {
    const int n = data()->keySize();
    const bool vectorized = painter->modes().testFlag(QCPPainter::pmVectorized) && colorOf;
    if (vectorized && n > HeatmapStyle::kMaxTokensForVectorCells)
        drawCellImage(painter, n);
    else if (vectorized)
        drawVectorCells(painter, n);
    else
        QCPColorMap::draw(painter);
    if (m_causal && n > 1 &&
        !(vectorized && n > HeatmapStyle::kMaxTokensForVectorCells &&
          cellRect(0, 0).width() < kMinHatchedCell))
        drawMaskedCells(painter, n);
    if (m_showValues && colorOf && n > 0) {
        painter->setFont(m_valueFont);
        const QFontMetricsF metrics(m_valueFont);
        const QRectF probe = cellRect(0, 0);
        // Two decimals ("0.31") when they fit; the cell is left clean when nothing would, and
        // masked cells hold no number: they are not zeros.
        if (metrics.horizontalAdvance(QStringLiteral("0.00")) + 4 <= probe.width() &&
            metrics.height() <= probe.height()) {
            for (int row = 0; row < n; ++row) {
                for (int column = 0; column < n; ++column) {
                    if (isMasked(row, column))
                        continue;
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
