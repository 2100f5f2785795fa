#include "color_bar_view.h"

#include "heatmap_view.h"
#include "plot/color_bar.h"
#include "retranslator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

#include <QVBoxLayout>

namespace attnviz::ui {

ColorBarView::ColorBarView(QWidget *parent)
    : QWidget(parent)
    , m_bar(new ColorBar(this))
    , m_maskedLegend(new QWidget(this))
    , m_maskedSwatch(new QLabel(m_maskedLegend)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_maskedLegend);
    auto *legend = new QHBoxLayout(m_maskedLegend);
    legend->setContentsMargins(4, 2, 4, 8);
    legend->addWidget(m_maskedSwatch);
    auto *text = new QLabel(m_maskedLegend);
    text->setWordWrap(true);
    legend->addWidget(text, 1);
    m_maskedLegend->setVisible(false);
    m_bar->setMinimumHeight(kMinimumHeight);
    setMinimumSize(sizeHint().width(), kMinimumHeight);
    (new Retranslator(this))->add([this, text] {
        text->setText(HeatmapView::maskedLegendText());
        m_bar->setLabel(tr("attention weight"));
    });
    updateBar();
}

void ColorBarView::updateBar() {
    m_bar->setScale(MatrixScale::sequential(m_map, 0.0, m_upper));
}

void ColorBarView::setColormap(Colormap map) {
    m_map = map;
    updateBar();
}

void ColorBarView::setUpper(double upper) {
    if (m_upper == upper)
        return;
    m_upper = upper;
    updateBar();
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
        MatrixPlot::paintMaskedArea(painter, area, hatching);
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

} // namespace attnviz::ui
