#include "model_thumbnails.h"

#include "attention_session.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace attnviz::ui {

const QColor ModelThumbnails::kMaskedColor(0xD8, 0xD8, 0xD8);

void ModelThumbnails::setSnapshot(const SessionSnapshot &snapshot) {
    m_layers.clear();
    if (snapshot.run) {
        for (const LayerTrace &layer : snapshot.run->trace.layers) {
            std::vector<Eigen::MatrixXf> heads;
            for (const HeadResult &head : layer.attention.heads)
                heads.push_back(head.weights);
            m_layers.push_back(std::move(heads));
        }
        m_causal = snapshot.model && snapshot.model->model.spec.causal;
    } else {
        std::vector<Eigen::MatrixXf> heads;
        for (const HeadResult &head : snapshot.result.attention.heads)
            heads.push_back(head.weights);
        m_layers.push_back(std::move(heads));
        m_causal = snapshot.options.attention.causal;
    }
    rebuildImages();
}

void ModelThumbnails::setStyle(const HeatmapStyle &style) {
    if (style == m_style)
        return;
    m_style = style;
    rebuildImages();
}

const Eigen::MatrixXf &ModelThumbnails::matrix(int layer, int head) const {
    return m_layers[static_cast<std::size_t>(layer)][static_cast<std::size_t>(head)];
}

const QImage &ModelThumbnails::image(int layer, int head) const {
    return m_images[static_cast<std::size_t>(layer)][static_cast<std::size_t>(head)];
}

void ModelThumbnails::rebuildImages() {
    m_upper = 1.0;
    if (m_style.scale != ColorScale::SharedUnit) { // thumbnails always share one scale
        float largest = 0;
        for (const auto &layer : m_layers)
            for (const Eigen::MatrixXf &m : layer)
                largest = std::max(largest, m.size() ? m.maxCoeff() : 0.0f);
        m_upper = largest > 0 ? largest : 1.0;
    }
    // One lookup table per rebuild instead of a colour computation per cell.
    QList<QRgb> table(256);
    for (int i = 0; i < 256; ++i)
        table[i] = colorAt(m_style.colormap, i / 255.0).rgb();
    m_images.clear();
    for (const auto &layer : m_layers) {
        std::vector<QImage> images;
        for (const Eigen::MatrixXf &m : layer) {
            const int rows = static_cast<int>(m.rows()), columns = static_cast<int>(m.cols());
            QImage image(columns, rows, QImage::Format_RGB32);
            for (int i = 0; i < rows; ++i) {
                auto *line = reinterpret_cast<QRgb *>(image.scanLine(i));
                for (int j = 0; j < columns; ++j) {
                    if (m_causal && j > i) {
                        line[j] = kMaskedColor.rgb();
                        continue;
                    }
                    const double t = std::clamp(m(i, j) / m_upper, 0.0, 1.0);
                    line[j] = table[static_cast<int>(t * 255.0 + 0.5)];
                }
            }
            images.push_back(std::move(image));
        }
        m_images.push_back(std::move(images));
    }
}

QSize ModelThumbnails::labelRoom(const QFontMetrics &metrics) const {
    return {metrics.horizontalAdvance(tr("L%1").arg(std::max(1, layerCount()))) + 2 * kGap,
            metrics.height() + kGap};
}

int ModelThumbnails::sideFor(const QSize &area, const QSize &labels) const {
    if (m_layers.empty())
        return 0;
    const int byWidth = (area.width() - labels.width()) / std::max(1, headCount()) - kGap;
    const int byHeight = (area.height() - labels.height()) / std::max(1, layerCount()) - kGap;
    return std::max(4, std::min(byWidth, byHeight));
}

QRect ModelThumbnails::rectAt(const QPoint &origin, int side, const QSize &labels, int layer,
                              int head) {
    return {origin.x() + labels.width() + head * (side + kGap),
            origin.y() + labels.height() + layer * (side + kGap), side, side};
}

QRect ModelThumbnails::paint(QPainter &painter, const QRect &area, const QColor &text) const {
    if (m_layers.empty())
        return {};
    const QSize labels = labelRoom(QFontMetrics(painter.font()));
    const int side = sideFor(area.size(), labels);
    painter.save();
    painter.setPen(text);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // one sharp block per cell
    QRect covered;
    for (int h = 0; h < headCount(); ++h) {
        const QRect r = rectAt(area.topLeft(), side, labels, 0, h);
        painter.drawText(QRect(r.left(), area.top(), r.width(), labels.height() - kGap / 2),
                         Qt::AlignHCenter | Qt::AlignBottom, tr("H%1").arg(h + 1));
    }
    for (int l = 0; l < layerCount(); ++l) {
        const QRect first = rectAt(area.topLeft(), side, labels, l, 0);
        painter.drawText(QRect(area.left(), first.top(), labels.width() - kGap, first.height()),
                         Qt::AlignRight | Qt::AlignVCenter, tr("L%1").arg(l + 1));
        for (int h = 0; h < headCount(); ++h) {
            const QRect r = rectAt(area.topLeft(), side, labels, l, h);
            painter.drawImage(r, image(l, h));
            covered = covered.united(r);
        }
    }
    painter.restore();
    return covered;
}

} // namespace attnviz::ui
