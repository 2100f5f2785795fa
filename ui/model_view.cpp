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
    m_thumbnails.setSnapshot(snapshot);
    m_currentLayer = snapshot.run ? snapshot.layer : 0;
    m_tokens = snapshot.tokens;
    m_rowsPartial = snapshot.hiddenTokens > 0;
    QStringList note;
    if (snapshot.hiddenTokens > 0)
        note << tr("%n special token(s) hidden: rows sum to less than 1.", "",
                   snapshot.hiddenTokens);
    if (snapshot.tokenView.mergeSubwords)
        note << tr("Sub-word pieces merged into %n word(s).", "",
                   static_cast<int>(snapshot.tokens.size()));
    m_note = note.join(u' ');
    update();
}

void ModelView::setStyle(const HeatmapStyle &style) {
    m_style = style;
    m_thumbnails.setStyle(style);
    update();
}

QRect ModelView::thumbnailArea() const {
    const int noteHeight = m_note.isEmpty() ? 0 : fontMetrics().height() + 6;
    return rect().adjusted(0, 0, -6, -6 - noteHeight);
}

QRect ModelView::thumbnailRect(int layer, int head) const {
    const QSize labels = m_thumbnails.labelRoom(fontMetrics());
    const QRect area = thumbnailArea();
    return ModelThumbnails::rectAt(area.topLeft(), m_thumbnails.sideFor(area.size(), labels),
                                   labels, layer, head);
}

ModelView::Hit ModelView::hitAt(const QPoint &pos) const {
    Hit hit;
    for (int l = 0; l < layerCount(); ++l)
        for (int h = 0; h < headCount(); ++h) {
            const QRect r = thumbnailRect(l, h);
            if (!r.contains(pos))
                continue;
            const Eigen::MatrixXf &m = m_thumbnails.matrix(l, h);
            const auto rows = static_cast<int>(m.rows()), columns = static_cast<int>(m.cols());
            hit.layer = l;
            hit.head = h;
            hit.query = std::min(rows - 1, (pos.y() - r.top()) * rows / std::max(1, r.height()));
            hit.key =
                std::min(columns - 1, (pos.x() - r.left()) * columns / std::max(1, r.width()));
            return hit;
        }
    return hit;
}

QString ModelView::toolTipAt(const QPoint &pos) const {
    const Hit hit = hitAt(pos);
    if (hit.layer < 0)
        return {};
    const QString where = tr("Layer %1, head %2").arg(hit.layer + 1).arg(hit.head + 1);
    if (m_thumbnails.causal() && hit.key > hit.query)
        return tr("%1 · query ‘%2’ → key ‘%3’: masked (a later token)")
            .arg(where, m_tokens.value(hit.query), m_tokens.value(hit.key));
    const Eigen::MatrixXf &m = m_thumbnails.matrix(hit.layer, hit.head);
    const QString cell = tr("%1 · query ‘%2’ → key ‘%3’: %4")
                             .arg(where, m_tokens.value(hit.query), m_tokens.value(hit.key))
                             .arg(double(m(hit.query, hit.key)), 0, 'f', 3);
    if (!m_rowsPartial)
        return cell;
    return tr("%1\nThis row sums to %2: special tokens are hidden.")
        .arg(cell)
        .arg(double(m.row(hit.query).sum()), 0, 'f', 3);
}

void ModelView::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRect covered =
        m_thumbnails.paint(painter, thumbnailArea(), palette().windowText().color());
    if (!m_note.isEmpty()) {
        painter.setPen(palette().windowText().color());
        painter.drawText(QRect(covered.left(), covered.bottom() + 6, width() - covered.left(),
                               fontMetrics().height()),
                         Qt::AlignLeft | Qt::AlignVCenter, m_note);
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

QString ModelView::tabTitle() const {
    return tr("&Model: every layer");
}

QString ModelView::tabToolTip() const {
    return tr("Every layer × head at once; click a head to open its layer");
}

std::optional<FigureOptions> ModelView::figureOptions() const {
    FigureOptions options;
    options.part = FigureOptions::Part::Model;
    options.style = m_style;
    return options;
}

void ModelView::connectRequests(ViewRequests *requests) {
    connect(this, &ModelView::headActivated, requests,
            [requests](int layer, int) { emit requests->layerRequested(layer); });
    connect(this, &ModelView::headDoubleClicked, requests, &ViewRequests::headStepsRequested);
}

} // namespace attnviz::ui
