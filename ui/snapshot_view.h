// SnapshotView: the one seam between MainWindow and a view of the attention (like Tiled's
// Editor). A view shows a snapshot and the selected head, offers its widget and tab texts, says
// what a figure of it needs, and sends the user's requests through ViewRequests. MainWindow keeps
// a list of views and feeds them all the same way.
#pragma once

#include "figure_renderer.h"
#include "heatmap_style.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QWidget;

namespace attnviz::ui {

struct SessionSnapshot;

// What the user asks of any view; MainWindow answers.
class ViewRequests : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void layerRequested(int layer);               // show this layer (0-based) in the heads
    void headStepsRequested(int layer, int head); // open one head's steps
    void notAHeadActivated();                     // a mean or baseline panel has no steps
};

// The control panel's choices that views draw with.
struct ViewOptions {
    HeatmapStyle style;
    bool meanPanel = false;
};

class SnapshotView {
public:
    virtual ~SnapshotView() = default;

    virtual QWidget *viewWidget() = 0;
    virtual QString tabTitle() const = 0; // translated, with its mnemonic
    virtual QString tabToolTip() const = 0;
    // `run` is the session's snapshot; `shown` the same with the tokens grouped as the view
    // options ask (what heatmaps draw).
    virtual void showRun(const std::shared_ptr<const SessionSnapshot> &run,
                         const SessionSnapshot &shown) = 0;
    virtual void setViewOptions(const ViewOptions &) {}
    // Rings one head (−1: none) where the view can.
    virtual void selectHead(int) {}
    // The figure of this view for export and the clipboard (its weights name left empty);
    // std::nullopt when it has none.
    virtual std::optional<FigureOptions> figureOptions() const { return std::nullopt; }
    // Connects the view's own signals to `requests` (called once by MainWindow).
    virtual void connectRequests(ViewRequests *) {}
};

} // namespace attnviz::ui
