// ColorBarView: the shared 0–1 colour scale beside the head grid.
#pragma once

#include "colormaps.h"

#include <QWidget>

class QCustomPlot;
class QCPColorScale;

namespace attnviz::ui {

class ColorBarView : public QWidget {
    Q_OBJECT
public:
    explicit ColorBarView(QWidget *parent = nullptr);
    void setColormap(Colormap map);
    void setUpper(double upper); // the range is 0 … upper
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    QCustomPlot *m_plot;
    QCPColorScale *m_scale;
};

} // namespace attnviz::ui
