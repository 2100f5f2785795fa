// MatrixPlot's painting outside a plot: the cells of a matrix as an image (the step diagram's
// matrices) and the masked area, drawn alike in the heatmaps, the step diagram and figures.
#include "matrix_plot.h"

#include "plot_parts.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace attnviz::ui {

void MatrixPlot::paintMaskedArea(QPainter &painter, const QPainterPath &area,
                                 const QPainterPath &hatching) {
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

QImage MatrixPlot::cellImage(const Eigen::MatrixXf &values, const MatrixScale &scale) {
    const auto rows = static_cast<int>(values.rows());
    const auto columns = static_cast<int>(values.cols());
    if (rows == 0 || columns == 0)
        return {};
    const auto [low, high] = scale.rangeFor(values);
    QImage image(columns, rows, QImage::Format_RGB32);
    for (int r = 0; r < rows; ++r) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(r));
        for (int c = 0; c < columns; ++c) {
            const double value = values(r, c);
            line[c] =
                std::isfinite(value) ? scale.colorOf(value, low, high).rgb() : kMaskedFill.rgb();
        }
    }
    return image;
}

void MatrixPlot::paintCells(QPainter &painter, const QRectF &cells, const QImage &image,
                            const Eigen::MatrixXf &values) {
    const auto rows = static_cast<int>(values.rows());
    const auto columns = static_cast<int>(values.cols());
    if (image.isNull() || rows == 0 || columns == 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // every cell a sharp square
    painter.drawImage(cells, image);
    // Masked cells get the heatmaps' hatching where they are large enough to show it.
    const double cellWidth = cells.width() / columns, cellHeight = cells.height() / rows;
    if (cellWidth >= kMinHatchedCell) {
        QPainterPath hatching;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                if (!std::isfinite(values(r, c))) {
                    const QRectF cell(cells.left() + c * cellWidth, cells.top() + r * cellHeight,
                                      cellWidth, cellHeight);
                    hatching.moveTo(cell.bottomLeft());
                    hatching.lineTo(cell.topRight());
                }
        if (!hatching.isEmpty())
            paintMaskedArea(painter, QPainterPath(), hatching);
    }
    painter.restore();
}

} // namespace attnviz::ui
