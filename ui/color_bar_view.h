// ColorBarView: the shared 0–1 colour scale beside the head grid, and the masked cells' legend.
#pragma once

#include "colormaps.h"

#include <QWidget>

class QCustomPlot;
class QCPColorScale;
class QLabel;

namespace attnviz::ui {

class ColorBarView : public QWidget {
    Q_OBJECT
public:
    explicit ColorBarView(QWidget *parent = nullptr);
    void setColormap(Colormap map);
    void setUpper(double upper); // the range is 0 … upper
    // Shows "masked (causal)" with the masked cells' pattern under the scale.
    void setMaskedLegendVisible(bool visible);
    bool maskedLegendVisible() const;
    QSize sizeHint() const override;
    // The bar never collapses: at least this tall (and as wide as its labels), however many
    // heads share the window.
    static constexpr int kMinimumHeight = 180;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QCustomPlot *m_plot;
    QCPColorScale *m_scale;
    QWidget *m_maskedLegend;
    QLabel *m_maskedSwatch;
};

} // namespace attnviz::ui
