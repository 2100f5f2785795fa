#include "color_bar_view.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace attnviz::ui {

ColorBarView::ColorBarView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->plotLayout()->clear();
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_scale->setDataRange(QCPRange(0.0, 1.0));
    m_scale->axis()->setLabel(tr("attention weight"));
    m_scale->axis()->ticker()->setTickCount(5);
    m_plot->plotLayout()->addElement(0, 0, m_scale);
    m_scale->setMinimumMargins(QMargins(6, 36, 6, 36));
    setColormap(Colormap::Viridis);
    applyPalette();
}

void ColorBarView::setColormap(Colormap map) {
    m_scale->setGradient(makeGradient(map));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ColorBarView::setUpper(double upper) {
    if (m_scale->dataRange().upper == upper)
        return;
    m_scale->setDataRange(QCPRange(0.0, upper));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QSize ColorBarView::sizeHint() const {
    return {fontMetrics().height() * 2 + 70, 300};
}

void ColorBarView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ColorBarView::applyPalette() {
    const QColor text = palette().color(QPalette::WindowText);
    m_plot->setBackground(palette().brush(QPalette::Window));
    QCPAxis *axis = m_scale->axis();
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setBasePen(QPen(text));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace attnviz::ui
