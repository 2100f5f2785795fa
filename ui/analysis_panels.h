// installAnalysisPanels: puts the metrics table, head similarity, difference, head-count sweep
// and cost panels into a main window as docks, with View-menu toggles.
#pragma once

class QDockWidget;
class QMainWindow;
class QMenu;

namespace attnviz::ui {

class AttentionSession;
class CostPanel;
class DifferenceView;
class HeadCountSweepView;
class HeadSimilarityView;
class MetricsDock;

// The installed panels; the window owns them (through their docks).
struct AnalysisPanels {
    MetricsDock *metrics = nullptr;
    QDockWidget *similarityDock = nullptr;
    HeadSimilarityView *similarity = nullptr;
    QDockWidget *differenceDock = nullptr;
    DifferenceView *difference = nullptr;
    QDockWidget *sweepDock = nullptr;
    HeadCountSweepView *sweep = nullptr;
    QDockWidget *costDock = nullptr;
    CostPanel *cost = nullptr;
};

// Adds the five panels as docks on the right, tabified, the metrics tab in front and shown, the
// others hidden until their View-menu action (added to `viewMenu` when non-null) shows them.
// The similarity and sweep panels compute only while visible.
AnalysisPanels installAnalysisPanels(QMainWindow *window, AttentionSession *session,
                                     QMenu *viewMenu);

} // namespace attnviz::ui
