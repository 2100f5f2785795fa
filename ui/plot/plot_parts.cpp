#include "plot_parts.h"

#include "matrix_plot.h"

namespace attnviz::ui {

void PlotCanvas::paintEvent(QPaintEvent *event) {
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

QCPColorGradient gradientOf(const MatrixScale &scale) {
    QMap<double, QColor> colorStops;
    for (const auto &[position, color] : scale.stops())
        colorStops.insert(position, color);
    QCPColorGradient gradient;
    gradient.setColorStops(colorStops);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(256);
    return gradient;
}

QRectF CellMap::cellRect(int row, int column) const {
    const QPointF topLeft = coordsToPixels(column - 0.5, row - 0.5);
    const QPointF bottomRight = coordsToPixels(column + 0.5, row + 0.5);
    return QRectF(topLeft, bottomRight).normalized();
}

// Figures with few cells: one rectangle per cell, so SVG and PDF hold no raster image. A
// hairline outline in the cell's own colour covers the seams that viewers' antialiasing leaves.
void CellMap::drawVectorCells(QCPPainter *painter, int rows, int columns) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column) {
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

// Figures with many cells: rectangles stop being useful (500 tokens × 16 heads are 4 million),
// so the cells become one lossless image, one pixel per cell, scaled up without smoothing.
void CellMap::drawCellImage(QCPPainter *painter, int rows, int columns) {
    QImage image(columns, rows, QImage::Format_RGB32);
    for (int row = 0; row < rows; ++row) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(row));
        for (int column = 0; column < columns; ++column)
            line[column] = isMasked(row, column) ? kMaskedFill.rgb()
                                                 : colorOf(data()->cell(column, row)).rgb();
    }
    const QRectF target = cellRect(0, 0).united(cellRect(rows - 1, columns - 1));
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->setRenderHint(QPainter::LosslessImageRendering, true); // PDF: Flate, not JPEG
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->drawImage(target, image);
    painter->restore();
}

void CellMap::drawMaskedCells(QCPPainter *painter, int rows, int columns) {
    QPainterPath area, hatching;
    const bool hatch = cellRect(0, 0).width() >= kMinHatchedCell;
    for (int row = 0; row < rows && row + 1 < columns; ++row) {
        area.addRect(cellRect(row, row + 1).united(cellRect(row, columns - 1)));
        if (!hatch)
            continue;
        for (int column = row + 1; column < columns; ++column) {
            const QRectF cell = cellRect(row, column);
            hatching.moveTo(cell.bottomLeft());
            hatching.lineTo(cell.topRight());
        }
    }
    // QCPPainter shifts antialiased raster drawing by half a pixel; the cell image is not
    // shifted, so the mask must not be either, or a line of cell colour shows along its top.
    const bool antialiased = painter->antialiasing();
    painter->setAntialiasing(false);
    MatrixPlot::paintMaskedArea(*painter, area, hatching);
    painter->setAntialiasing(antialiased);
}

void CellMap::draw(QCPPainter *painter) {
    const int columns = data()->keySize();
    const int rows = data()->valueSize();
    const int largest = std::max(rows, columns);
    const bool vectorized = painter->modes().testFlag(QCPPainter::pmVectorized) && colorOf;
    if (vectorized && largest > m_maxVectorCells)
        drawCellImage(painter, rows, columns);
    else if (vectorized)
        drawVectorCells(painter, rows, columns);
    else
        QCPColorMap::draw(painter);
    if (m_causal && columns > 1 &&
        !(vectorized && largest > m_maxVectorCells && cellRect(0, 0).width() < kMinHatchedCell))
        drawMaskedCells(painter, rows, columns);
    if (m_showValues && colorOf && rows > 0 && columns > 0) {
        painter->setFont(m_valueFont);
        const QFontMetricsF metrics(m_valueFont);
        const QRectF probe = cellRect(0, 0);
        // Two decimals ("0.31") when they fit; the cell is left clean when nothing would, and
        // masked cells hold no number: they are not zeros.
        if (metrics.horizontalAdvance(QStringLiteral("0.00")) + 4 <= probe.width() &&
            metrics.height() <= probe.height()) {
            for (int row = 0; row < rows; ++row) {
                for (int column = 0; column < columns; ++column) {
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
    if (m_highlightRow >= 0 && m_highlightRow < rows && columns > 0) {
        const QRectF row =
            cellRect(m_highlightRow, 0).united(cellRect(m_highlightRow, columns - 1));
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(m_highlightColor, 3.0));
        painter->drawRect(row.adjusted(1.5, 1.5, -1.5, -1.5));
    }
}

} // namespace attnviz::ui
