// DotPlot: dots and a line over a logarithmic x axis with named ticks (the head-count sweep).
#pragma once

#include <QList>
#include <QWidget>

namespace attnviz::ui {

class PlotCanvas;

class DotPlot : public QWidget {
    Q_OBJECT
public:
    explicit DotPlot(QWidget *parent = nullptr);
    ~DotPlot() override;
    // Ticks at these x values, labelled with the numbers; the x range leaves room around them.
    void setXTicks(const QList<double> &ticks, double low, double high);
    void setYRange(double low, double high);
    void setAxisLabels(const QString &x, const QString &y);
    void setLineName(const QString &name);
    void setDots(const QList<double> &x, const QList<double> &y);
    void setLine(const QList<double> &x, const QList<double> &y);
    int dotCount() const;

private:
    PlotCanvas *m_plot;
};

} // namespace attnviz::ui
