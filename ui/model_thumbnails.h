// ModelThumbnails: every layer × head of a run as small heatmap images on one colour scale, and
// how they are laid out and labelled. The model view and exported figures draw the same grid.
#pragma once

#include "heatmap_style.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QImage>
#include <QRect>

#include <vector>

class QFontMetrics;
class QPainter;

namespace attnviz::ui {

struct SessionSnapshot;

class ModelThumbnails {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::ModelThumbnails)
public:
    static constexpr int kGap = 4;
    static const QColor kMaskedColor; // keys after the query under a causal mask

    // Every layer's heads of the snapshot's run (a one-layer run for a single module).
    void setSnapshot(const SessionSnapshot &snapshot);
    void setStyle(const HeatmapStyle &style);

    int layerCount() const { return static_cast<int>(m_layers.size()); }
    int headCount() const { return m_layers.empty() ? 0 : static_cast<int>(m_layers[0].size()); }
    bool causal() const { return m_causal; }
    const Eigen::MatrixXf &matrix(int layer, int head) const;
    const QImage &image(int layer, int head) const;
    // The top of the shared scale: 1 for the unit scale, else the largest weight of any head
    // (thumbnails are never scaled one by one: they are compared with each other).
    double upper() const { return m_upper; }

    // Room for the "L12" labels on the left (width) and the "H12" labels on top (height).
    QSize labelRoom(const QFontMetrics &metrics) const;
    // The side of a square thumbnail when the grid, labels included, fills `area`.
    int sideFor(const QSize &area, const QSize &labels) const;
    // Where thumbnail (layer, head) sits when the grid, labels included, starts at `origin`.
    static QRect rectAt(const QPoint &origin, int side, const QSize &labels, int layer, int head);
    // Draws "H1…" above the columns, "L1…" left of the rows and every thumbnail (one sharp
    // block per cell) into `area`; returns the rectangle the thumbnails cover.
    QRect paint(QPainter &painter, const QRect &area, const QColor &text) const;

private:
    void rebuildImages();

    std::vector<std::vector<Eigen::MatrixXf>> m_layers; // [layer][head] N × N
    std::vector<std::vector<QImage>> m_images;
    HeatmapStyle m_style;
    bool m_causal = false;
    double m_upper = 1.0;
};

} // namespace attnviz::ui
