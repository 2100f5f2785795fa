// HeatmapView: one attention matrix as a heatmap with token labels, a title and a tooltip.
#pragma once

#include "heatmap_style.h"

#include <Eigen/Core>

#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPTextElement;
class QCPColorScale;
class QCPAxisTickerText;

namespace attnviz::ui {

class AttentionColorMap;
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

    void setTokens(const QStringList &tokens);
    QStringList tokens() const { return m_tokens; }

    // An [N × N] matrix, N = tokens().size(); values are attention weights in [0, 1].
    void setMatrix(const Eigen::MatrixXf &matrix);
    const Eigen::MatrixXf &matrix() const { return m_matrix; }

    void setStyle(const HeatmapStyle &style);
    // The top of the colour range in the shared scales (1 for SharedUnit). Data-only repaint.
    void setSharedUpper(double upper);
    void setHighlightedRow(int row); // −1 clears
    int highlightedRow() const { return m_highlightedRow; }

    // "query ‘cat’ → key ‘sat’: 0.312 (head 3)", or empty outside the matrix.
    QString cellToolTip(int query, int key) const;
    // The tick labels currently drawn on the key (horizontal) or query (vertical) axis.
    QStringList axisLabels(Qt::Orientation orientation) const;
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
    void painted();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void updateTicks();
    void updateScale();
    void relayout() { layoutFor(size()); }
    void showToolTip(QMouseEvent *event);
    void handlePress(QMouseEvent *event);

    HeatmapPlot *m_plot;
    QCPTextElement *m_title;
    AttentionColorMap *m_map;
    QCPColorScale *m_scale;
    QSharedPointer<QCPAxisTickerText> m_keyTicker, m_queryTicker;
    QString m_tooltipName;
    QStringList m_tokens;
    Eigen::MatrixXf m_matrix;
    HeatmapStyle m_style;
    int m_highlightedRow = -1;
    bool m_scaleShown = false;
    double m_sharedUpper = 1.0;
};

} // namespace attnviz::ui
