// MatrixPicture: a labelled matrix painted as one QImage pixel per cell, with its own colour bar.
#include "matrix_picture.h"

#include <QFontMetrics>
#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

constexpr int kBarWidth = 16;
constexpr int kGap = 8;

QString formatTick(double value) {
    return QString::number(value, 'g', 3);
}

} // namespace

QColor divergingColorAt(double t) {
    // Five stops of RdBu (reversed so that positive is red): deep blue, light blue, white,
    // light red, deep red.
    static const QColor stops[] = {QColor(33, 102, 172), QColor(146, 197, 222),
                                   QColor(247, 247, 247), QColor(244, 165, 130),
                                   QColor(178, 24, 43)};
    if (!std::isfinite(t))
        return QColor(247, 247, 247);
    t = std::clamp(t, 0.0, 1.0);
    const double scaled = t * 4.0;
    const int i = std::min(3, static_cast<int>(scaled));
    return mix(stops[i], stops[i + 1], scaled - i);
}

MatrixPicture::MatrixPicture(QWidget *parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void MatrixPicture::setMatrix(const Eigen::MatrixXf &values, const QStringList &rowLabels,
                              const QStringList &columnLabels) {
    m_values = values;
    m_rowLabels = rowLabels;
    m_columnLabels = columnLabels;
    m_note.clear();
    rebuildImage();
}

void MatrixPicture::setSequentialScale(Colormap map, double low, double high) {
    m_scale = Scale::Sequential;
    m_map = map;
    m_low = low;
    m_high = high > low ? high : low + 1;
    rebuildImage();
}

void MatrixPicture::setDivergingScale(double limit) {
    m_scale = Scale::Diverging;
    m_limit = limit;
    rebuildImage();
}

void MatrixPicture::setCaption(const QString &caption) {
    m_caption = caption;
    update();
}

void MatrixPicture::setCellValuesShown(bool shown) {
    m_showValues = shown;
    update();
}

void MatrixPicture::setNote(const QString &note) {
    m_note = note;
    update();
}

void MatrixPicture::updateRange() {
    if (m_scale == Scale::Sequential) {
        m_shownLow = m_low;
        m_shownHigh = m_high;
        return;
    }
    double limit = m_limit;
    if (limit <= 0) {
        limit = m_values.size() ? double(m_values.cwiseAbs().maxCoeff()) : 0.0;
        // An all-zero difference still needs a scale; ±1 shows it as plain white.
        if (limit <= 0)
            limit = 1.0;
    }
    m_shownLow = -limit;
    m_shownHigh = limit;
}

QColor MatrixPicture::colourOf(double value, double low, double high) const {
    const double t = (value - low) / (high - low);
    return m_scale == Scale::Diverging ? divergingColorAt(t)
                                       : colorAt(m_map, std::clamp(t, 0.0, 1.0));
}

void MatrixPicture::rebuildImage() {
    const auto rows = static_cast<int>(m_values.rows());
    const auto columns = static_cast<int>(m_values.cols());
    m_image = QImage();
    updateRange();
    const double low = m_shownLow, high = m_shownHigh;
    if (rows > 0 && columns > 0) {
        m_image = QImage(columns, rows, QImage::Format_RGB32);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                m_image.setPixelColor(c, r, colourOf(m_values(r, c), low, high));
    }
    update();
}

QSize MatrixPicture::sizeHint() const {
    return QSize(420, 380);
}

QSize MatrixPicture::minimumSizeHint() const {
    return QSize(200, 180);
}

void MatrixPicture::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    paintTo(painter, palette().window().color(), palette().color(QPalette::WindowText));
}

void MatrixPicture::paintTo(QPainter &painter, const QColor &background, const QColor &text) const {
    painter.fillRect(rect(), background);
    painter.setPen(text);
    const QFontMetrics metrics(font());
    const int line = metrics.height();
    QRect area = rect().adjusted(kGap, kGap, -kGap, -kGap);
    if (!m_caption.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        // Captions wrap rather than run out of a narrow dock.
        const QRect captionRect =
            painter.boundingRect(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_caption);
        painter.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_caption);
        painter.setFont(font());
        area.setTop(captionRect.bottom() + kGap / 2);
    }
    if (!m_note.isEmpty() || m_image.isNull()) {
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_note);
        return;
    }
    const int rows = m_image.height(), columns = m_image.width();
    int rowLabelWidth = 0, columnLabelWidth = 0;
    for (const QString &label : m_rowLabels)
        rowLabelWidth = std::max(rowLabelWidth, metrics.horizontalAdvance(label));
    for (const QString &label : m_columnLabels)
        columnLabelWidth = std::max(columnLabelWidth, metrics.horizontalAdvance(label));
    const double ticks[] = {scaleHigh(), (scaleHigh() + scaleLow()) / 2, scaleLow()};
    int tickWidth = 0;
    for (double tick : ticks)
        tickWidth = std::max(tickWidth, metrics.horizontalAdvance(formatTick(tick)));
    // Column labels are drawn rotated (vertical) so long tokens do not overlap.
    const int top = area.top() + columnLabelWidth + kGap / 2;
    const int left = area.left() + rowLabelWidth + kGap / 2;
    const int availableWidth = area.right() - left - kGap - kBarWidth - kGap / 2 - tickWidth;
    const int availableHeight = area.bottom() - top;
    const int cell = std::max(1, std::min(availableWidth / columns, availableHeight / rows));
    const QRect matrixRect(left, top, cell * columns, cell * rows);
    painter.drawImage(matrixRect, m_image); // no smoothing: every cell stays a sharp square

    const bool labelsFit = cell >= line * 0.8;
    if (labelsFit) {
        for (int r = 0; r < rows && r < m_rowLabels.size(); ++r)
            painter.drawText(area.left(), top + r * cell, rowLabelWidth, cell,
                             Qt::AlignRight | Qt::AlignVCenter, m_rowLabels[r]);
        for (int c = 0; c < columns && c < m_columnLabels.size(); ++c) {
            painter.save();
            painter.translate(left + c * cell, top - kGap / 2);
            painter.rotate(-90);
            painter.drawText(0, 0, columnLabelWidth, cell, Qt::AlignLeft | Qt::AlignVCenter,
                             m_columnLabels[c]);
            painter.restore();
        }
    }
    if (m_showValues && cell >= metrics.horizontalAdvance(QStringLiteral("0.00")) + 4) {
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) {
                const QColor cellColor = m_image.pixelColor(c, r);
                painter.setPen(contrastingTextColor(cellColor));
                painter.drawText(QRect(left + c * cell, top + r * cell, cell, cell),
                                 Qt::AlignCenter, QString::number(m_values(r, c), 'f', 2));
            }
        painter.setPen(text);
    }

    // Colour bar: high at the top, low at the bottom, with three ticks.
    const QRect bar(matrixRect.right() + kGap + 1, top, kBarWidth, matrixRect.height());
    QImage barImage(1, 256, QImage::Format_RGB32);
    const double low = m_shownLow, high = m_shownHigh;
    for (int i = 0; i < 256; ++i) {
        const double t = 1.0 - i / 255.0;
        barImage.setPixelColor(0, i, colourOf(low + t * (high - low), low, high));
    }
    painter.drawImage(bar, barImage);
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
    for (int i = 0; i < 3; ++i) {
        const int y = bar.top() + (bar.height() * i) / 2;
        painter.drawText(bar.right() + kGap / 2, y - line / 2, tickWidth + 4, line,
                         Qt::AlignLeft | Qt::AlignVCenter, formatTick(ticks[i]));
    }
}

} // namespace attnviz::ui
