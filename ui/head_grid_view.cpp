#include "head_grid_view.h"

#include "attention_session.h"
#include "color_bar_view.h"
#include "heatmap_view.h"
#include "panel_specs.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QStyle>

#include <algorithm>

namespace attnviz::ui {

HeadGridView::HeadGridView(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
    , m_panelArea(new QWidget)
    , m_grid(new QGridLayout(m_panelArea))
    , m_colorBar(new ColorBarView(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_grid->setSpacing(6);
    m_grid->setContentsMargins(0, 0, 0, 0);
    // The panels fill the view; only when their minimum sizes (at least a pixel per cell, room
    // for labels) do not fit does the area scroll, instead of squeezing or clipping them.
    m_scroll->setWidget(m_panelArea);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_colorBar);
    // The grid adapts to the window, never the reverse: an explicit minimum keeps the panels'
    // minimum sizes (which depend on the arrangement) from growing the window past the screen.
    setMinimumSize(320, 240);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

int HeadGridView::balancedColumns(int panels, int width, int height) {
    if (panels <= 1)
        return 1;
    constexpr double labelOverhead = 70; // axis labels and title around each square of cells
    int best = 1;
    double bestSide = -1;
    for (int columns = 1; columns <= panels; ++columns) {
        const int rows = (panels + columns - 1) / columns;
        const double side = std::min(width / double(columns) - labelOverhead,
                                     height / double(rows) - labelOverhead);
        if (side > bestSide + 0.5) {
            bestSide = side;
            best = columns;
        }
    }
    return best;
}

void HeadGridView::showSnapshot(const SessionSnapshot &snapshot) {
    m_headCount = static_cast<int>(snapshot.result.attention.heads.size());
    setCausalMask(snapshot.options.attention.causal);
    if (m_tokenCount != snapshot.tokens.size()) {
        m_tokenCount = static_cast<int>(snapshot.tokens.size());
        m_columns = 0; // the panels' minimum size changes
    }
    const QList<PanelSpec> specs = gridPanels(snapshot, m_showMean);
    ensurePanelCount(static_cast<int>(specs.size()));
    for (qsizetype i = 0; i < specs.size(); ++i) {
        HeatmapView *view = m_panels[i];
        view->setTitle(specs[i].title, specs[i].tooltipName);
        view->setBadge(specs[i].badge, specs[i].badgeToolTip, specs[i].badgeColor);
        view->setTokens(snapshot.tokens);
        view->setRowsPartial(snapshot.hiddenTokens > 0);
        view->setMatrix(*specs[i].matrix);
    }
    updateSharedUpper();
    if (m_highlightedRow >= snapshot.tokens.size())
        m_highlightedRow = -1;
    for (HeatmapView *view : std::as_const(m_panels))
        view->setHighlightedRow(m_highlightedRow);
    if (m_selectedHead >= m_headCount)
        m_selectedHead = -1;
    for (qsizetype i = 0; i < m_panels.size(); ++i)
        m_panels[i]->setSelected(i == m_selectedHead);
}

void HeadGridView::setSelectedHead(int head) {
    m_selectedHead = head >= 0 && head < m_headCount ? head : -1;
    for (qsizetype i = 0; i < m_panels.size(); ++i)
        m_panels[i]->setSelected(i == m_selectedHead);
    if (m_selectedHead >= 0)
        m_scroll->ensureWidgetVisible(m_panels[m_selectedHead], 0, 0);
}

void HeadGridView::setStyle(const HeatmapStyle &style) {
    m_style = style;
    m_colorBar->setColormap(style.colormap);
    m_colorBar->setVisible(style.scale != ColorScale::PerHead);
    m_colorBar->setMaskedLegendVisible(m_causal && style.scale != ColorScale::PerHead);
    for (HeatmapView *view : std::as_const(m_panels))
        view->setStyle(style);
    updateSharedUpper();
}

void HeadGridView::updateSharedUpper() {
    const double upper =
        m_style.scale == ColorScale::SharedMax ? HeatmapView::largestValue(m_panels) : 1.0;
    m_colorBar->setUpper(upper);
    for (HeatmapView *view : std::as_const(m_panels))
        view->setSharedUpper(upper);
}

void HeadGridView::setCausalMask(bool causal) {
    m_causal = causal;
    m_colorBar->setMaskedLegendVisible(causal && m_style.scale != ColorScale::PerHead);
    for (HeatmapView *view : std::as_const(m_panels))
        view->setCausalMask(causal);
}

void HeadGridView::setMeanPanelVisible(bool visible) {
    m_showMean = visible;
}

void HeadGridView::setHighlightedRow(int row) {
    m_highlightedRow = row;
    for (HeatmapView *view : std::as_const(m_panels))
        view->setHighlightedRow(row);
}

void HeadGridView::toggleRow(int row) {
    setHighlightedRow(row == m_highlightedRow ? -1 : row);
}

void HeadGridView::ensurePanelCount(int count) {
    if (count == m_panels.size())
        return;
    while (m_panels.size() > count)
        delete m_panels.takeLast();
    while (m_panels.size() < count) {
        auto *view = new HeatmapView(this);
        view->setStyle(m_style);
        view->setCausalMask(m_causal);
        connect(view, &HeatmapView::rowClicked, this, &HeadGridView::toggleRow);
        connect(view, &HeatmapView::doubleClicked, this, [this, view] {
            const auto index = static_cast<int>(m_panels.indexOf(view));
            emit headDoubleClicked(index < m_headCount ? index : -1);
        });
        m_panels.append(view);
    }
    m_columns = 0; // force a new arrangement
    arrange();
}

void HeadGridView::arrange() {
    const int barWidth = m_colorBar->isVisible() ? m_colorBar->sizeHint().width() : 0;
    // Room for the vertical scroll bar is kept, so showing it never makes the grid scroll sideways.
    const int scrollBar =
        m_scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_scroll);
    const int available = std::max(width() - barWidth - 12 - scrollBar, 1);
    // At least one pixel per cell plus the labels' room: below that the grid scrolls, and it
    // scrolls down (never sideways) by keeping to the columns that fit the width.
    const int side = std::max(110, m_tokenCount + 90);
    const int fitting = std::max(1, (available + m_grid->spacing()) / (side + m_grid->spacing()));
    const int balanced = balancedColumns(static_cast<int>(m_panels.size()),
                                         std::max(width() - barWidth, 1), std::max(height(), 1));
    const int columns = std::min(fitting, balanced);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (HeatmapView *view : std::as_const(m_panels))
        view->setMinimumSize(side, side);
    for (HeatmapView *view : std::as_const(m_panels))
        m_grid->removeWidget(view);
    for (int i = 0; i < m_panels.size(); ++i)
        m_grid->addWidget(m_panels[i], i / columns, i % columns);
    const int rows = (static_cast<int>(m_panels.size()) + columns - 1) / columns;
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, r < rows ? 1 : 0);
}

void HeadGridView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    arrange();
}

QString HeadGridView::tabTitle() const {
    return tr("&Heads");
}

QString HeadGridView::tabToolTip() const {
    return tr("One heatmap per head: rows are queries, columns are keys");
}

void HeadGridView::showRun(const std::shared_ptr<const SessionSnapshot> &,
                           const SessionSnapshot &shown) {
    // An outlined query row means a token: new tokens make it mean nothing.
    if (shown.tokens != m_shownTokens) {
        m_shownTokens = shown.tokens;
        setHighlightedRow(-1);
    }
    m_shownLayer = shown.layer;
    showSnapshot(shown);
}

void HeadGridView::setViewOptions(const ViewOptions &options) {
    setStyle(options.style);
    setMeanPanelVisible(options.meanPanel);
}

std::optional<FigureOptions> HeadGridView::figureOptions() const {
    FigureOptions options;
    options.style = m_style;
    options.meanPanel = m_showMean;
    options.roleBadges = true; // the grid shows them
    options.columns = m_columns;
    return options;
}

void HeadGridView::connectRequests(ViewRequests *requests) {
    connect(this, &HeadGridView::headDoubleClicked, requests, [this, requests](int head) {
        if (head >= 0)
            emit requests->headStepsRequested(m_shownLayer, head);
        else
            emit requests->notAHeadActivated();
    });
}

} // namespace attnviz::ui
