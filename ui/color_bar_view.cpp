#include "color_bar_view.h"

#include "heatmap_plot.h"
#include "heatmap_view.h"
#include "retranslator.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

#include <QVBoxLayout>

namespace attnviz::ui {

ColorBarView::ColorBarView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_maskedLegend(new QWidget(this))
    , m_maskedSwatch(new QLabel(m_maskedLegend)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_maskedLegend);
    auto *legend = new QHBoxLayout(m_maskedLegend);
    legend->setContentsMargins(4, 2, 4, 8);
    legend->addWidget(m_maskedSwatch);
    auto *text = new QLabel(m_maskedLegend);
    text->setWordWrap(true);
    legend->addWidget(text, 1);
    m_maskedLegend->setVisible(false);
    m_plot->setMinimumHeight(kMinimumHeight);
    setMinimumSize(sizeHint().width(), kMinimumHeight);
    m_plot->plotLayout()->clear();
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_scale->setDataRange(QCPRange(0.0, 1.0));
    (new Retranslator(this))->add([this, text] {
        text->setText(HeatmapView::maskedLegendText());
        m_scale->axis()->setLabel(tr("attention weight"));
        m_plot->replot();
    });
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

void ColorBarView::setMaskedLegendVisible(bool visible) {
    if (visible) {
        // The same blank and hatching as the masked cells, as a small swatch before the text.
        const int side = fontMetrics().height();
        const int pixels = qRound(side * devicePixelRatio());
        QPixmap swatch(pixels, pixels);
        swatch.setDevicePixelRatio(devicePixelRatio());
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        QPainterPath area, hatching;
        area.addRect(0, 0, side, side);
        for (int x = -side + 4; x < side; x += 4) {
            const int t0 = std::max(0, -x), t1 = std::min(side, side - x);
            hatching.moveTo(x + t0, side - t0);
            hatching.lineTo(x + t1, side - t1);
        }
        paintMaskedArea(painter, area, hatching);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawRect(0, 0, side - 1, side - 1);
        painter.end();
        m_maskedSwatch->setPixmap(swatch);
    }
    m_maskedLegend->setVisible(visible);
}

bool ColorBarView::maskedLegendVisible() const {
    return !m_maskedLegend->isHidden();
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
