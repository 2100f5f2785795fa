// HeadGridView: one heatmap per head in a balanced grid, optional mean and baseline panels, and
// the shared colour bar. The grid scrolls when its cells would be smaller than a pixel.
#pragma once

#include "heatmap_style.h"
#include "snapshot_view.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QScrollArea;

namespace attnviz::ui {

class ColorBarView;
class HeatmapView;
struct SessionSnapshot;

class HeadGridView : public QWidget, public SnapshotView {
    Q_OBJECT
public:
    explicit HeadGridView(QWidget *parent = nullptr);

    // SnapshotView: the window's "Heads" tab. New tokens clear the highlighted query row.
    QWidget *viewWidget() override { return this; }
    QString tabTitle() const override;
    QString tabToolTip() const override;
    void showRun(const std::shared_ptr<const SessionSnapshot> &run,
                 const SessionSnapshot &shown) override;
    void setViewOptions(const ViewOptions &options) override;
    void selectHead(int head) override { setSelectedHead(head); }
    std::optional<FigureOptions> figureOptions() const override;
    void connectRequests(ViewRequests *requests) override;

    // Shows a result. Heatmaps are created or removed only when the panel count changes.
    void showSnapshot(const SessionSnapshot &snapshot);
    void setStyle(const HeatmapStyle &style);
    HeatmapStyle style() const { return m_style; }
    void setMeanPanelVisible(bool visible);
    bool meanPanelVisible() const { return m_showMean; }

    int headCount() const { return m_headCount; }
    // Every panel in grid order: heads first, then mean, then baseline.
    QList<HeatmapView *> panels() const { return m_panels; }
    HeatmapView *headView(int head) const { return m_panels.value(head); }
    int columnCount() const { return m_columns; }
    int highlightedRow() const { return m_highlightedRow; }
    ColorBarView *colorBar() const { return m_colorBar; }
    QScrollArea *scrollArea() const { return m_scroll; }
    // Draws masked (causal) cells distinctly with a legend entry. showSnapshot() sets it from
    // the snapshot's own causal option; call it only to override that.
    void setCausalMask(bool causal);
    void setHighlightedRow(int row);
    // Rings one head's panel (−1: none) and scrolls it into view; kept while the head exists.
    void setSelectedHead(int head);
    int selectedHead() const { return m_selectedHead; }

    // Balanced grid: the column count that gives each of `panels` square-ish cells the largest
    // side in a width × height area (8 panels in a landscape window → 4 × 2).
    static int balancedColumns(int panels, int width, int height);

signals:
    // A panel was double-clicked: its head (0-based), or −1 for the mean and baseline panels,
    // which are no head of the model.
    void headDoubleClicked(int head);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void ensurePanelCount(int count);
    void arrange();
    void toggleRow(int row);
    void updateSharedUpper();

    QScrollArea *m_scroll;
    QWidget *m_panelArea;
    QGridLayout *m_grid;
    ColorBarView *m_colorBar;
    QList<HeatmapView *> m_panels;
    HeatmapStyle m_style;
    int m_headCount = 0;
    int m_columns = 0;
    int m_highlightedRow = -1;
    int m_selectedHead = -1;
    bool m_showMean = false;
    bool m_causal = false;
    int m_tokenCount = 0;
    QStringList m_shownTokens; // a highlighted query row belongs to these tokens
    int m_shownLayer = 0;      // the layer whose heads are shown
};

} // namespace attnviz::ui
