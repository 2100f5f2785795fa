#include "model_view.h"

#include "attention_session.h"

#include <QGuiApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleHints>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace attnviz::ui {

namespace {
constexpr int kLabelWidth = 40;  // room for "L12" on the left
constexpr int kLabelHeight = 22; // room for "H12" on top
constexpr int kGap = 4;
const QColor kMaskedColor(0xD8, 0xD8, 0xD8); // keys after the query under a causal mask
} // namespace

ModelView::ModelView(QWidget *parent)
    : QWidget(parent)
    , m_clickTimer(new QTimer(this)) {
    m_clickTimer->setSingleShot(true);
    connect(m_clickTimer, &QTimer::timeout, this,
            [this] { emit headActivated(m_clicked.layer, m_clicked.head); });
    setMouseTracking(true);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ModelView::showSnapshot(const SessionSnapshot &snapshot) {
    m_layers.clear();
    if (snapshot.run) {
        for (const LayerTrace &layer : snapshot.run->trace.layers) {
            std::vector<Eigen::MatrixXf> heads;
            for (const HeadResult &head : layer.attention.heads)
                heads.push_back(head.weights);
            m_layers.push_back(std::move(heads));
        }
        m_causal = snapshot.model && snapshot.model->model.spec.causal;
        m_currentLayer = snapshot.layer;
    } else {
        std::vector<Eigen::MatrixXf> heads;
        for (const HeadResult &head : snapshot.result.attention.heads)
            heads.push_back(head.weights);
        m_layers.push_back(std::move(heads));
        m_causal = snapshot.options.attention.causal;
        m_currentLayer = 0;
    }
    m_tokens = snapshot.tokens;
    rebuildImages();
    update();
}

void ModelView::setStyle(const HeatmapStyle &style) {
    if (style == m_style)
        return;
    m_style = style;
    rebuildImages();
    update();
}

void ModelView::rebuildImages() {
    m_upper = 1.0;
    if (m_style.scale != ColorScale::SharedUnit) { // thumbnails always share one scale
        float largest = 0;
        for (const auto &layer : m_layers)
            for (const Eigen::MatrixXf &m : layer)
                largest = std::max(largest, m.size() ? m.maxCoeff() : 0.0f);
        m_upper = largest > 0 ? largest : 1.0;
    }
    // One lookup table per repaint instead of a colour computation per cell.
    QList<QRgb> table(256);
    for (int i = 0; i < 256; ++i)
        table[i] = colorAt(m_style.colormap, i / 255.0).rgb();
    m_images.clear();
    for (const auto &layer : m_layers) {
        std::vector<QImage> images;
        for (const Eigen::MatrixXf &m : layer) {
            const int n = static_cast<int>(m.rows());
            QImage image(n, n, QImage::Format_RGB32);
            for (int i = 0; i < n; ++i) {
                auto *line = reinterpret_cast<QRgb *>(image.scanLine(i));
                for (int j = 0; j < n; ++j) {
                    if (m_causal && j > i) {
                        line[j] = kMaskedColor.rgb();
                        continue;
                    }
                    const double t = std::clamp(m(i, j) / m_upper, 0.0, 1.0);
                    line[j] = table[static_cast<int>(t * 255.0 + 0.5)];
                }
            }
            images.push_back(std::move(image));
        }
        m_images.push_back(std::move(images));
    }
}

int ModelView::thumbnailSide() const {
    if (m_layers.empty())
        return 0;
    const int columns = headCount(), rows = layerCount();
    const int byWidth = (width() - kLabelWidth) / std::max(1, columns) - kGap;
    const int byHeight = (height() - kLabelHeight) / std::max(1, rows) - kGap;
    return std::max(4, std::min(byWidth, byHeight));
}

QRect ModelView::thumbnailRect(int layer, int head) const {
    const int side = thumbnailSide();
    return {kLabelWidth + head * (side + kGap), kLabelHeight + layer * (side + kGap), side, side};
}

ModelView::Hit ModelView::hitAt(const QPoint &pos) const {
    Hit hit;
    for (int l = 0; l < layerCount(); ++l)
        for (int h = 0; h < headCount(); ++h) {
            const QRect r = thumbnailRect(l, h);
            if (!r.contains(pos))
                continue;
            const auto n = static_cast<int>(m_layers[l][h].rows());
            hit.layer = l;
            hit.head = h;
            hit.query = std::min(n - 1, (pos.y() - r.top()) * n / std::max(1, r.height()));
            hit.key = std::min(n - 1, (pos.x() - r.left()) * n / std::max(1, r.width()));
            return hit;
        }
    return hit;
}

QString ModelView::toolTipAt(const QPoint &pos) const {
    const Hit hit = hitAt(pos);
    if (hit.layer < 0)
        return {};
    const QString where = tr("Layer %1, head %2").arg(hit.layer + 1).arg(hit.head + 1);
    if (m_causal && hit.key > hit.query)
        return tr("%1 · query ‘%2’ → key ‘%3’: masked (a later token)")
            .arg(where, m_tokens.value(hit.query), m_tokens.value(hit.key));
    return tr("%1 · query ‘%2’ → key ‘%3’: %4")
        .arg(where, m_tokens.value(hit.query), m_tokens.value(hit.key))
        .arg(double(m_layers[hit.layer][hit.head](hit.query, hit.key)), 0, 'f', 3);
}

void ModelView::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // one sharp block per cell
    painter.setPen(palette().windowText().color());
    for (int h = 0; h < headCount(); ++h) {
        const QRect r = thumbnailRect(0, h);
        painter.drawText(QRect(r.left(), 0, r.width(), kLabelHeight), Qt::AlignCenter,
                         tr("H%1").arg(h + 1));
    }
    for (int l = 0; l < layerCount(); ++l) {
        const QRect first = thumbnailRect(l, 0);
        painter.drawText(QRect(0, first.top(), kLabelWidth - 4, first.height()),
                         Qt::AlignRight | Qt::AlignVCenter, tr("L%1").arg(l + 1));
        for (int h = 0; h < headCount(); ++h)
            painter.drawImage(thumbnailRect(l, h), m_images[l][h]);
    }
    if (layerCount() > 1) { // the layer the head grid shows
        const QRect first = thumbnailRect(m_currentLayer, 0);
        const QRect last = thumbnailRect(m_currentLayer, headCount() - 1);
        painter.setPen(QPen(palette().highlight().color(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(first.united(last).adjusted(-2, -2, 2, 2));
    }
    ++m_paints;
    emit painted();
}

void ModelView::mousePressEvent(QMouseEvent *event) {
    const Hit hit = hitAt(event->position().toPoint());
    if (hit.layer < 0 || event->button() != Qt::LeftButton)
        return;
    m_clicked = hit;
    m_clickTimer->start(QGuiApplication::styleHints()->mouseDoubleClickInterval());
}

void ModelView::mouseDoubleClickEvent(QMouseEvent *event) {
    m_clickTimer->stop();
    const Hit hit = hitAt(event->position().toPoint());
    if (hit.layer >= 0 && event->button() == Qt::LeftButton)
        emit headDoubleClicked(hit.layer, hit.head);
}

bool ModelView::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace attnviz::ui
