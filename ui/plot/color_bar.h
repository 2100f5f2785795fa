// ColorBar: a matrix scale's colours and ticks as a vertical bar with a label, for beside a grid
// of matrix plots that share one scale.
#pragma once

#include "matrix_scale.h"

#include <QWidget>

class QCPColorScale;

namespace attnviz::ui {

class PlotCanvas;

class ColorBar : public QWidget {
    Q_OBJECT
public:
    explicit ColorBar(QWidget *parent = nullptr);
    ~ColorBar() override;
    // The colours and the range (an automatic scale shows its default range).
    void setScale(const MatrixScale &scale);
    MatrixScale scale() const { return m_scale; }
    void setLabel(const QString &label);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    PlotCanvas *m_plot;
    QCPColorScale *m_bar;
    MatrixScale m_scale;
};

} // namespace attnviz::ui
