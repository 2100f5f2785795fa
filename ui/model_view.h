// ModelView: every layer × head of a model as a thumbnail heatmap on one shared colour scale;
// hover names the cell, a click opens that layer in the head grid, a double click that head's
// steps.
#pragma once

#include "heatmap_style.h"
#include "model_thumbnails.h"
#include "snapshot_view.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QTimer;

namespace attnviz::ui {

struct SessionSnapshot;

class ModelView : public QWidget, public SnapshotView {
    Q_OBJECT
public:
    explicit ModelView(QWidget *parent = nullptr);

    // SnapshotView: the window's "Model" tab; a click asks for a layer, a double click for steps.
    QWidget *viewWidget() override { return this; }
    QString tabTitle() const override;
    QString tabToolTip() const override;
    void showRun(const std::shared_ptr<const SessionSnapshot> &,
                 const SessionSnapshot &shown) override {
        showSnapshot(shown);
    }
    void setViewOptions(const ViewOptions &options) override { setStyle(options.style); }
    std::optional<FigureOptions> figureOptions() const override;
    void connectRequests(ViewRequests *requests) override;

    // Draws every layer's heads of the snapshot's run (a one-layer run for the random module).
    void showSnapshot(const SessionSnapshot &snapshot);
    void setStyle(const HeatmapStyle &style);

    int layerCount() const { return m_thumbnails.layerCount(); }
    int headCount() const { return m_thumbnails.headCount(); }
    // Where a thumbnail is drawn, in widget coordinates.
    QRect thumbnailRect(int layer, int head) const;
    // "Layer 2, head 3 · query ‘cat’ → key ‘sat’: 0.312", or empty outside every thumbnail.
    QString toolTipAt(const QPoint &pos) const;
    // "2 special tokens hidden: rows sum to less than 1. …", or empty with every token shown.
    QString note() const { return m_note; }
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
    QRect thumbnailArea() const; // the widget less a margin and the note's line
    ModelThumbnails m_thumbnails;
    HeatmapStyle m_style; // the thumbnails' style, for a figure of this view
    QStringList m_tokens;
    int m_currentLayer = 0;
    bool m_rowsPartial = false; // special tokens hidden: rows sum to less than 1
    QString m_note;             // what the view options did to the tokens, under the thumbnails
    quint64 m_paints = 0;
    QTimer *m_clickTimer;
    Hit m_clicked; // waits for m_clickTimer
};

} // namespace attnviz::ui
