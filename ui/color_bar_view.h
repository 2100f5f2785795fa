// ColorBarView: the shared 0–1 colour scale beside the head grid, and the masked cells' legend.
#pragma once

#include "colormaps.h"

#include <QWidget>

class QLabel;

namespace attnviz::ui {

class ColorBar;

class ColorBarView : public QWidget {
    Q_OBJECT
public:
    explicit ColorBarView(QWidget *parent = nullptr);
    void setColormap(Colormap map);
    void setUpper(double upper); // the range is 0 … upper
    double upper() const { return m_upper; }
    // Shows "masked (causal)" with the masked cells' pattern under the scale.
    void setMaskedLegendVisible(bool visible);
    bool maskedLegendVisible() const;
    QSize sizeHint() const override;
    // The bar never collapses: at least this tall (and as wide as its labels), however many
    // heads share the window.
    static constexpr int kMinimumHeight = 180;

private:
    void updateBar();
    ColorBar *m_bar;
    QWidget *m_maskedLegend;
    QLabel *m_maskedSwatch;
    Colormap m_map = Colormap::Viridis;
    double m_upper = 1.0;
};

} // namespace attnviz::ui
