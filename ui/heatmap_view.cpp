#include "heatmap_view.h"

#include <algorithm>

namespace attnviz::ui {

HeatmapView::HeatmapView(QWidget *parent)
    : MatrixPlot(parent) {
    applyStyle();
}

HeatmapView::~HeatmapView() = default;

double HeatmapView::largestValue(const QList<HeatmapView *> &views) {
    double largest = 1e-6; // a range, never empty
    for (const HeatmapView *view : views)
        if (view->matrix().size() > 0)
            largest = std::max(largest, static_cast<double>(view->matrix().maxCoeff()));
    return largest;
}

void HeatmapView::setTitle(const QString &title, const QString &tooltipName) {
    m_tooltipName = tooltipName;
    MatrixPlot::setTitle(title);
}

void HeatmapView::setBadge(const QString &text, const QString &toolTip, const QColor &color) {
    m_badgeToolTip = toolTip;
    MatrixPlot::setBadge(text, color);
}

void HeatmapView::setTokens(const QStringList &tokens) {
    if (tokens == m_tokens)
        return;
    m_tokens = tokens;
    setHighlightedRow(-1);
    setCellValuesShown(m_style.showValues && tokens.size() <= HeatmapStyle::kMaxTokensForValues);
    setLabels(tokens, tokens);
}

void HeatmapView::setMatrix(const Eigen::MatrixXf &matrix) {
    MatrixPlot::setMatrix(matrix);
}

void HeatmapView::setStyle(const HeatmapStyle &style) {
    if (style == m_style)
        return;
    m_style = style;
    applyStyle();
}

void HeatmapView::setSharedUpper(double upper) {
    if (upper == m_sharedUpper)
        return;
    m_sharedUpper = upper;
    if (m_style.scale == ColorScale::SharedMax)
        applyStyle();
}

// Shared scales have a fixed range (the colour bar beside the grid shows it); a per-head scale
// follows the head's own largest weight and has its own bar.
void HeatmapView::applyStyle() {
    const Colormap map = m_style.colormap;
    switch (m_style.scale) {
    case ColorScale::SharedUnit:
        setScale(MatrixScale::sequential(map, 0.0, 1.0));
        break;
    case ColorScale::SharedMax:
        setScale(MatrixScale::sequential(map, 0.0, m_sharedUpper));
        break;
    case ColorScale::PerHead:
        setScale(MatrixScale::sequentialAutomatic(map));
        break;
    }
    setColorBarVisible(m_style.scale == ColorScale::PerHead);
    setCellValuesShown(m_style.showValues && m_tokens.size() <= HeatmapStyle::kMaxTokensForValues);
}

QString HeatmapView::maskedLegendText() {
    return tr("masked (causal)");
}

QString HeatmapView::cellToolTip(int query, int key) const {
    const Eigen::MatrixXf &m = matrix();
    if (query < 0 || key < 0 || query >= m.rows() || key >= m.cols() || query >= m_tokens.size() ||
        key >= m_tokens.size())
        return {};
    const QString cell = tr("query ‘%1’ → key ‘%2’: %3 (%4)")
                             .arg(m_tokens[query], m_tokens[key])
                             .arg(static_cast<double>(m(query, key)), 0, 'f', 3)
                             .arg(m_tooltipName);
    if (!m_rowsPartial)
        return cell;
    return tr("%1\nThis row sums to %2: special tokens are hidden.")
        .arg(cell)
        .arg(static_cast<double>(m.row(query).sum()), 0, 'f', 3);
}

} // namespace attnviz::ui
