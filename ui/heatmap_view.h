// HeatmapView: one attention matrix as a heatmap with token labels, a title and a tooltip.
#pragma once

#include "heatmap_style.h"
#include "plot/matrix_plot.h"

#include <Eigen/Core>

#include <QStringList>

namespace attnviz::ui {

// Queries are rows, top to bottom in reading order; keys are columns, left to right. A heatmap
// is the generic matrix plot with tokens on both axes and the window's heatmap style.
class HeatmapView : public MatrixPlot {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr);
    ~HeatmapView() override;

    // Title shown above ("Head 3") and the name used in tooltips ("head 3").
    void setTitle(const QString &title, const QString &tooltipName);
    // The role badge under the title (empty text: none) and its tooltip (rich text with the
    // numbers behind the role); `color` tints it (invalid: an outline).
    void setBadge(const QString &text, const QString &toolTip, const QColor &color);
    QString badgeToolTip() const { return m_badgeToolTip; }

    void setTokens(const QStringList &tokens);
    QStringList tokens() const { return m_tokens; }

    // An [N × N] matrix, N = tokens().size(); values are attention weights in [0, 1].
    void setMatrix(const Eigen::MatrixXf &matrix);

    void setStyle(const HeatmapStyle &style);
    // The top of the colour range in the shared scales (1 for SharedUnit). Data-only repaint.
    void setSharedUpper(double upper);
    // The legend entry for masked cells: "masked (causal)".
    static QString maskedLegendText();

    // "query ‘cat’ → key ‘sat’: 0.312 (head 3)", or empty outside the matrix; with hidden
    // tokens also what the row adds up to.
    QString cellToolTip(int query, int key) const;
    // Tokens are hidden from the matrix, so its rows sum to less than 1 (the tooltip says so).
    void setRowsPartial(bool partial) { m_rowsPartial = partial; }

    // The largest value shown by any of the views (the top of a shared 0 … max scale).
    static double largestValue(const QList<HeatmapView *> &views);

protected:
    QString cellToolTipAt(int row, int column) const override { return cellToolTip(row, column); }
    QString badgeToolTipText() const override { return m_badgeToolTip; }

private:
    using MatrixPlot::setBadge;
    using MatrixPlot::setTitle;
    void applyStyle();

    QString m_badgeToolTip;
    QString m_tooltipName;
    bool m_rowsPartial = false;
    QStringList m_tokens;
    HeatmapStyle m_style;
    double m_sharedUpper = 1.0;
};

} // namespace attnviz::ui
