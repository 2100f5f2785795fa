#include "dot_plot.h"

#include "plot_parts.h"

#include <QVBoxLayout>

namespace attnviz::ui {

DotPlot::DotPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new PlotCanvas(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QCPGraph *dots = m_plot->addGraph();
    dots->setLineStyle(QCPGraph::lsNone);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180, 190), 8));
    QCPGraph *line = m_plot->addGraph();
    line->setLineStyle(QCPGraph::lsLine);
    line->setPen(QPen(QColor(214, 39, 40), 2));
    line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlus, QColor(214, 39, 40), 12));
}

DotPlot::~DotPlot() = default;

void DotPlot::setXTicks(const QList<double> &ticks, double low, double high) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (double tick : ticks)
        ticker->addTick(tick, QString::number(tick));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(low, high);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DotPlot::setYRange(double low, double high) {
    m_plot->yAxis->setRange(low, high);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DotPlot::setAxisLabels(const QString &x, const QString &y) {
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DotPlot::setLineName(const QString &name) {
    m_plot->graph(1)->setName(name);
}

void DotPlot::setDots(const QList<double> &x, const QList<double> &y) {
    m_plot->graph(0)->setData(x, y);
    m_plot->replot();
}

void DotPlot::setLine(const QList<double> &x, const QList<double> &y) {
    m_plot->graph(1)->setData(x, y);
    m_plot->replot();
}

int DotPlot::dotCount() const {
    return m_plot->graph(0)->dataCount();
}

} // namespace attnviz::ui
