#include "color_bar.h"

#include "plot_parts.h"

#include <QVBoxLayout>

namespace attnviz::ui {

ColorBar::ColorBar(QWidget *parent)
    : QWidget(parent)
    , m_plot(new PlotCanvas(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->plotLayout()->clear();
    m_bar = new QCPColorScale(m_plot);
    m_bar->setType(QCPAxis::atRight);
    m_bar->setBarWidth(14);
    m_bar->axis()->ticker()->setTickCount(5);
    m_plot->plotLayout()->addElement(0, 0, m_bar);
    m_bar->setMinimumMargins(QMargins(6, 36, 6, 36));
    m_bar->setGradient(gradientOf(m_scale));
    m_bar->setDataRange(QCPRange(m_scale.low, m_scale.high));
    applyPalette();
}

ColorBar::~ColorBar() = default;

void ColorBar::setScale(const MatrixScale &scale) {
    if (scale == m_scale)
        return;
    m_scale = scale;
    m_bar->setGradient(gradientOf(scale));
    m_bar->setDataRange(QCPRange(scale.low, scale.high));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ColorBar::setLabel(const QString &label) {
    m_bar->axis()->setLabel(label);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ColorBar::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ColorBar::applyPalette() {
    const QColor text = palette().color(QPalette::WindowText);
    m_plot->setBackground(palette().brush(QPalette::Window));
    QCPAxis *axis = m_bar->axis();
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setBasePen(QPen(text));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace attnviz::ui
