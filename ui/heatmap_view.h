// HeatmapView: one attention matrix as a heatmap with token labels, a title and a tooltip.
#pragma once

#include "fonts.h"
#include "heatmap_style.h"

#include <Eigen/Core>

#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPTextElement;
class QCPLayoutGrid;
class QCPColorScale;
class QCPAxisTickerText;

namespace attnviz::ui {

class AttentionColorMap;
class BadgeElement;
class HeatmapPlot;

// Queries are rows, top to bottom in reading order; keys are columns, left to right. The plot
// library stays inside: only data, labels and style go in. Data-only updates repaint just the
// buffered heat layer; labels and axes are laid out again only when tokens, size or style change.
class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(QWidget *parent = nullptr);
    ~HeatmapView() override;

    // Title shown above ("Head 3") and the name used in tooltips ("head 3").
    void setTitle(const QString &title, const QString &tooltipName);
    QString title() const;
    // The role badge under the title (empty text: none) and its tooltip (rich text with the
    // numbers behind the role); `color` tints it (invalid: an outline).
    void setBadge(const QString &text, const QString &toolTip, const QColor &color);
    QString badgeText() const { return m_badgeText; }
    QString badgeToolTip() const { return m_badgeToolTip; }
    // Where the badge is drawn, in widget coordinates (empty without a badge).
    QRect badgeRect() const;

    void setTokens(const QStringList &tokens);
    QStringList tokens() const { return m_tokens; }

    // An [N × N] matrix, N = tokens().size(); values are attention weights in [0, 1].
    void setMatrix(const Eigen::MatrixXf &matrix);
    const Eigen::MatrixXf &matrix() const { return m_matrix; }

    void setStyle(const HeatmapStyle &style);
    // Figures draw emoji from an outline face (see fonts.h); the window in colour.
    void setFontTarget(FontTarget target);
    // The top of the colour range in the shared scales (1 for SharedUnit). Data-only repaint.
    void setSharedUpper(double upper);
    void setHighlightedRow(int row); // −1 clears
    // Causal attention: cells right of the diagonal are masked, drawn as a hatched blank with no
    // value (not as zeros). The mask is told, never guessed from the values.
    void setCausalMask(bool causal);
    bool causalMask() const { return m_causal; }
    // The legend entry for masked cells: "masked (causal)".
    static QString maskedLegendText();
    int highlightedRow() const { return m_highlightedRow; }
    // Rings the whole panel in the highlight colour (the head picked in the metrics table).
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }

    // "query ‘cat’ → key ‘sat’: 0.312 (head 3)", or empty outside the matrix; with hidden
    // tokens also what the row adds up to.
    QString cellToolTip(int query, int key) const;
    // Tokens are hidden from the matrix, so its rows sum to less than 1 (the tooltip says so).
    void setRowsPartial(bool partial) { m_rowsPartial = partial; }
    // The tick labels currently drawn on the key (horizontal) or query (vertical) axis.
    QStringList axisLabels(Qt::Orientation orientation) const;
    // Where those labels are drawn after the last layoutFor(), in plot pixels (measured with the
    // label font; rotated key labels are as wide as a line is high).
    QList<QRectF> labelRects(Qt::Orientation orientation) const;
    // The font tick labels are drawn with: the widget's font with the faces fonts.h chooses for
    // the tokens, shrunk (never below kMinLabelPoints) before labels are thinned out.
    QFont labelFont() const { return m_labelFont; }
    static constexpr double kMinLabelPoints = 6.0;
    // Width of the ring a selected panel gets, kept free around the plot in every panel.
    static constexpr int kSelectionRing = 3;
    // The cell under a widget position, or (−1, −1).
    QPoint cellAt(const QPoint &widgetPos) const;

    // Chooses labels, their stride and rotation for a plot of this size (the widget's own size
    // on screen; a figure's panel size when exporting).
    void layoutFor(const QSize &size);

    QCustomPlot *plot() const;
    // The largest value shown by any of the views (the top of a shared 0 … max scale).
    static double largestValue(const QList<HeatmapView *> &views);
    // Number of times the plot has been painted; for tests and benchmarks.
    quint64 paintCount() const;

signals:
    void rowClicked(int row);
    void doubleClicked(); // the left button, anywhere on the plot
    void painted();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyPalette();
    void updateTicks();
    void updateScale();
    void relayout();
    // Puts labels on both axes for the current layout, thinned by their measured extent; returns
    // true when every token got its label on both axes.
    bool placeLabels(const QFont &font);
    void showToolTip(QMouseEvent *event);
    void handlePress(QMouseEvent *event);

    HeatmapPlot *m_plot;
    QCPTextElement *m_title;
    QCPLayoutGrid *m_header; // the title, and the badge under it when there is one
    BadgeElement *m_badge;   // in m_header only while it has text
    QString m_badgeText, m_badgeToolTip;
    AttentionColorMap *m_map;
    QCPColorScale *m_scale;
    QSharedPointer<QCPAxisTickerText> m_keyTicker, m_queryTicker;
    QString m_tooltipName;
    bool m_rowsPartial = false;
    QStringList m_tokens;
    Eigen::MatrixXf m_matrix;
    HeatmapStyle m_style;
    int m_highlightedRow = -1;
    bool m_scaleShown = false;
    bool m_causal = false;
    bool m_selected = false;
    FontTarget m_fontTarget = FontTarget::Screen;
    bool m_rotated = false, m_stacked = false;
    QFont m_labelFont;
    double m_sharedUpper = 1.0;
};

} // namespace attnviz::ui
