// ModelView: every layer × head of a model as a thumbnail heatmap on one shared colour scale;
// hover names the cell, a click opens that layer in the head grid, a double click that head's
// steps.
#pragma once

#include "heatmap_style.h"

#include <Eigen/Core>

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QTimer;

namespace attnviz::ui {

struct SessionSnapshot;

class ModelView : public QWidget {
    Q_OBJECT
public:
    explicit ModelView(QWidget *parent = nullptr);

    // Draws every layer's heads of the snapshot's run (a one-layer run for the random module).
    void showSnapshot(const SessionSnapshot &snapshot);
    void setStyle(const HeatmapStyle &style);

    int layerCount() const { return static_cast<int>(m_layers.size()); }
    int headCount() const { return m_layers.empty() ? 0 : static_cast<int>(m_layers[0].size()); }
    // Where a thumbnail is drawn, in widget coordinates.
    QRect thumbnailRect(int layer, int head) const;
    // "Layer 2, head 3 · query ‘cat’ → key ‘sat’: 0.312", or empty outside every thumbnail.
    QString toolTipAt(const QPoint &pos) const;
    // Number of paints (tests, benchmarks).
    quint64 paintCount() const { return m_paints; }

signals:
    // A click, once the double-click interval has passed without a second one (so a double click
    // never also opens the layer first and lands on the view behind).
    void headActivated(int layer, int head);
    void headDoubleClicked(int layer, int head);
    void painted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Hit {
        int layer = -1, head = -1, query = -1, key = -1;
    };
    Hit hitAt(const QPoint &pos) const;
    void rebuildImages();
    int thumbnailSide() const;

    std::vector<std::vector<Eigen::MatrixXf>> m_layers; // [layer][head] N × N
    std::vector<std::vector<QImage>> m_images;
    QStringList m_tokens;
    HeatmapStyle m_style;
    bool m_causal = false;
    int m_currentLayer = 0;
    double m_upper = 1.0;
    quint64 m_paints = 0;
    QTimer *m_clickTimer;
    Hit m_clicked; // waits for m_clickTimer
};

} // namespace attnviz::ui
