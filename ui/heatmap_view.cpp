#include "heatmap_view.h"

#include "fonts.h"
#include "heatmap_plot.h"

#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

const QString kHeatLayer = QStringLiteral("heat");
constexpr int kMaxLabelCharacters = 14;

QString elided(const QString &token) {
    return token.size() <= kMaxLabelCharacters ? token : token.left(kMaxLabelCharacters - 1) + u'…';
}

bool isCjk(QChar::Script script) {
    return script == QChar::Script_Han || script == QChar::Script_Hiragana ||
           script == QChar::Script_Katakana || script == QChar::Script_Hangul;
}

// Short Chinese, Japanese or Korean tokens (and punctuation) read best stacked one character
// above the other, as vertical CJK text is written, rather than turned on their side.
bool stacksVertically(const QStringList &tokens) {
    bool anyCjk = false;
    for (const QString &token : tokens) {
        if (token.size() > 4)
            return false;
        for (const QChar c : token) {
            if (isCjk(c.script()))
                anyCjk = true;
            else if (!c.isPunct())
                return false;
        }
    }
    return anyCjk;
}

QString stacked(const QString &token) {
    QStringList characters;
    for (const QChar c : token)
        characters << QString(c);
    return characters.join(u'\n');
}

} // namespace

HeatmapView::HeatmapView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new HeatmapPlot(this)) {
    auto *layout = new QVBoxLayout(this);
    // The selection ring is painted in this margin, so selecting never moves the cells.
    layout->setContentsMargins(kSelectionRing, kSelectionRing, kSelectionRing, kSelectionRing);
    layout->addWidget(m_plot);
    // QCustomPlot's own minimum (from its tick labels) would let a 16-head grid push the window
    // past the screen; the grid decides the size and the labels adapt to it.
    setMinimumSize(110, 110);
    m_plot->setMinimumSize(110, 110);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_plot->setMouseTracking(true);

    m_plot->plotLayout()->insertRow(0);
    m_header = new QCPLayoutGrid;
    m_header->setRowSpacing(0);
    m_plot->plotLayout()->addElement(0, 0, m_header);
    m_title = new QCPTextElement(m_plot, QString(),
                                 QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    m_header->addElement(0, 0, m_title);
    m_badge = new BadgeElement(m_plot); // a QObject child of the plot while out of the layout

    m_plot->addLayer(kHeatLayer, m_plot->layer("main"), QCustomPlot::limAbove);
    m_plot->layer(kHeatLayer)->setMode(QCPLayer::lmBuffered);
    m_map = new AttentionColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setLayer(kHeatLayer);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);

    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(10);
    // Not in the layout (and hidden): added only in per-head scale mode.
    m_scale->setVisible(false);
    auto *margins = new QCPMarginGroup(m_plot); // the bar spans exactly the cells' height
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_keyTicker.reset(new QCPAxisTickerText);
    m_queryTicker.reset(new QCPAxisTickerText);
    m_plot->xAxis->setTicker(m_keyTicker);
    m_plot->yAxis->setTicker(m_queryTicker);
    m_plot->yAxis->setRangeReversed(true); // query 1 on top, in reading order
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 0);
        axis->setBasePen(Qt::NoPen);
        axis->setPadding(4);
    }
    m_plot->axisRect()->setMinimumMargins(QMargins(4, 2, 4, 2));

    connect(m_plot, &QCustomPlot::mouseMove, this, &HeatmapView::showToolTip);
    connect(m_plot, &QCustomPlot::mousePress, this, &HeatmapView::handlePress);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *event) {
        if (event->button() == Qt::LeftButton)
            emit doubleClicked();
    });
    connect(m_plot, &HeatmapPlot::painted, this, &HeatmapView::painted);
    applyPalette();
    updateScale();
}

HeatmapView::~HeatmapView() = default;

QCustomPlot *HeatmapView::plot() const {
    return m_plot;
}

double HeatmapView::largestValue(const QList<HeatmapView *> &views) {
    double largest = 1e-6; // a range, never empty
    for (const HeatmapView *view : views)
        if (view->m_matrix.size() > 0)
            largest = std::max(largest, static_cast<double>(view->m_matrix.maxCoeff()));
    return largest;
}

quint64 HeatmapView::paintCount() const {
    return m_plot->paintCount();
}

void HeatmapView::setTitle(const QString &title, const QString &tooltipName) {
    m_tooltipName = tooltipName;
    if (m_title->text() == title)
        return;
    m_title->setText(title);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString HeatmapView::title() const {
    return m_title->text();
}

void HeatmapView::relayout() {
    layoutFor(m_plot->size());
}

void HeatmapView::setFontTarget(FontTarget target) {
    if (target == m_fontTarget)
        return;
    m_fontTarget = target;
    relayout();
}

void HeatmapView::setSelected(bool selected) {
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

void HeatmapView::paintEvent(QPaintEvent *event) {
    QWidget::paintEvent(event);
    if (!m_selected)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), kSelectionRing));
    painter.setBrush(Qt::NoBrush);
    const double half = kSelectionRing / 2.0;
    painter.drawRoundedRect(QRectF(rect()).adjusted(half, half, -half, -half), 4, 4);
}

void HeatmapView::setBadge(const QString &text, const QString &toolTip, const QColor &color) {
    m_badgeToolTip = toolTip;
    if (text == m_badgeText && color == m_badge->color())
        return;
    const bool wasShown = !m_badgeText.isEmpty();
    m_badgeText = text;
    m_badge->setText(text);
    m_badge->setColor(color);
    if (wasShown != !text.isEmpty()) {
        if (text.isEmpty()) {
            m_header->take(m_badge);
            m_header->simplify();
        } else {
            m_header->addElement(1, 0, m_badge);
        }
        relayout(); // the cells lose or gain a line of height
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QRect HeatmapView::badgeRect() const {
    if (m_badgeText.isEmpty())
        return {};
    return QRect(m_plot->mapTo(this, m_badge->outerRect().topLeft()), m_badge->outerRect().size());
}

void HeatmapView::setTokens(const QStringList &tokens) {
    if (tokens == m_tokens)
        return;
    m_tokens = tokens;
    m_highlightedRow = -1;
    m_map->setHighlight(-1, QColor());
    const auto n = static_cast<double>(std::max<qsizetype>(tokens.size(), 1));
    m_plot->xAxis->setRange(-0.5, n - 0.5);
    m_plot->yAxis->setRange(-0.5, n - 0.5);
    relayout();
}

void HeatmapView::setMatrix(const Eigen::MatrixXf &matrix) {
    m_matrix = matrix;
    const int n = static_cast<int>(matrix.rows());
    QCPColorMapData *cells = m_map->data();
    // One cell is a point range; N = 1 needs an explicit extent to be drawn at all.
    const QCPRange range = n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5);
    if (cells->keySize() != n || cells->valueSize() != n)
        cells->setSize(n, n);
    cells->setRange(range, range);
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column)
            cells->setCell(column, row, static_cast<double>(matrix(row, column)));
    const bool fullReplot = m_style.scale == ColorScale::PerHead; // its colour bar changes too
    updateScale();
    if (fullReplot)
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    else
        m_plot->layer(kHeatLayer)->replot();
}

void HeatmapView::setStyle(const HeatmapStyle &style) {
    if (style == m_style)
        return;
    m_style = style;
    updateScale();
    relayout();
}

void HeatmapView::setSharedUpper(double upper) {
    if (upper == m_sharedUpper)
        return;
    m_sharedUpper = upper;
    if (m_style.scale != ColorScale::SharedMax)
        return;
    updateScale();
    m_plot->layer(kHeatLayer)->replot();
}

void HeatmapView::setCausalMask(bool causal) {
    if (causal == m_causal)
        return;
    m_causal = causal;
    m_map->setCausalMask(causal);
    m_plot->layer(kHeatLayer)->replot();
}

QString HeatmapView::maskedLegendText() {
    return tr("masked (causal)");
}

void HeatmapView::setHighlightedRow(int row) {
    if (row >= m_tokens.size())
        row = -1;
    if (row == m_highlightedRow)
        return;
    m_highlightedRow = row;
    m_map->setHighlight(row, palette().color(QPalette::Highlight).lighter(115));
    m_plot->layer(kHeatLayer)->replot();
}

QString HeatmapView::cellToolTip(int query, int key) const {
    if (query < 0 || key < 0 || query >= m_matrix.rows() || key >= m_matrix.cols() ||
        query >= m_tokens.size() || key >= m_tokens.size())
        return {};
    const QString cell = tr("query ‘%1’ → key ‘%2’: %3 (%4)")
                             .arg(m_tokens[query], m_tokens[key])
                             .arg(static_cast<double>(m_matrix(query, key)), 0, 'f', 3)
                             .arg(m_tooltipName);
    if (!m_rowsPartial)
        return cell;
    return tr("%1\nThis row sums to %2: special tokens are hidden.")
        .arg(cell)
        .arg(static_cast<double>(m_matrix.row(query).sum()), 0, 'f', 3);
}

QStringList HeatmapView::axisLabels(Qt::Orientation orientation) const {
    const auto &ticker = orientation == Qt::Horizontal ? m_keyTicker : m_queryTicker;
    return ticker->ticks().values();
}

QPoint HeatmapView::cellAt(const QPoint &widgetPos) const {
    const QPoint p = m_plot->mapFrom(this, widgetPos);
    if (!m_plot->axisRect()->rect().contains(p))
        return {-1, -1};
    const int key = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(p.x())));
    const int query = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(p.y())));
    if (key < 0 || query < 0 || key >= m_tokens.size() || query >= m_tokens.size())
        return {-1, -1};
    return {key, query};
}

void HeatmapView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void HeatmapView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        relayout();
    }
}

void HeatmapView::applyPalette() {
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    m_plot->setBackground(pal.brush(QPalette::Window));
    m_plot->axisRect()->setBackground(pal.brush(QPalette::Window));
    m_title->setTextColor(text);
    m_badge->setTextColor(text);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_scale->axis()}) {
        const bool scale = axis == m_scale->axis(); // only the colour scale has ticks and a line
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickPen(scale ? QPen(text) : QPen(Qt::NoPen));
        axis->setSubTickPen(scale ? QPen(text) : QPen(Qt::NoPen));
        axis->setBasePen(scale ? QPen(text) : QPen(Qt::NoPen));
    }
}

void HeatmapView::updateScale() {
    const QCPColorGradient gradient = makeGradient(m_style.colormap);
    double upper = m_style.scale == ColorScale::SharedMax ? m_sharedUpper : 1.0;
    if (m_style.scale == ColorScale::PerHead && m_matrix.size() > 0)
        upper = std::max(1e-6, static_cast<double>(m_matrix.maxCoeff()));
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0.0, upper));
    m_scale->setGradient(gradient);
    m_scale->setDataRange(QCPRange(0.0, upper));
    const Colormap map = m_style.colormap;
    m_map->colorOf = [map, upper](double v) { return colorAt(map, v / upper); };

    const bool perHead = m_style.scale == ColorScale::PerHead;
    if (perHead != m_scaleShown) {
        m_scaleShown = perHead;
        m_scale->setVisible(m_scaleShown); // outside the layout it would still draw at (0, 0)
        if (m_scaleShown) {
            m_plot->plotLayout()->addElement(1, 1, m_scale);
        } else {
            m_plot->plotLayout()->take(m_scale);
            m_plot->plotLayout()->simplify();
        }
    }
}

bool HeatmapView::placeLabels(const QFont &font) {
    const int n = static_cast<int>(m_tokens.size());
    const QFontMetricsF metrics(font);
    constexpr double gap = 3; // between neighbouring labels
    qreal widest = 0;
    for (const QString &token : m_tokens)
        widest = std::max(widest, metrics.horizontalAdvance(elided(token)));
    const double cellWidth =
        std::abs(m_plot->xAxis->coordToPixel(1) - m_plot->xAxis->coordToPixel(0));
    const bool tooWide = widest + 2 * gap > cellWidth;
    m_stacked = tooWide && stacksVertically(m_tokens);
    m_rotated = tooWide && !m_stacked;
    const auto keyExtent = [&](const QString &token) {
        return m_rotated   ? metrics.height()
               : m_stacked ? metrics.horizontalAdvance(QStringLiteral("汉"))
                           : metrics.horizontalAdvance(elided(token));
    };
    // Greedy along each axis: a label is drawn when it clears the last drawn one.
    m_keyTicker->clear();
    m_queryTicker->clear();
    bool all = true;
    double keyEnd = -1e9, queryEnd = -1e9;
    for (int i = 0; i < n; ++i) {
        const double x = m_plot->xAxis->coordToPixel(i);
        const double half = keyExtent(m_tokens[i]) / 2;
        if (x - half >= keyEnd + gap) {
            m_keyTicker->addTick(i, m_stacked ? stacked(m_tokens[i]) : elided(m_tokens[i]));
            keyEnd = x + half;
        } else {
            all = false;
        }
        const double y = m_plot->yAxis->coordToPixel(i); // increasing: the range is reversed
        if (y - metrics.height() / 2 >= queryEnd + gap) {
            m_queryTicker->addTick(i, elided(m_tokens[i]));
            queryEnd = y + metrics.height() / 2;
        } else {
            all = false;
        }
    }
    m_plot->xAxis->setTickLabelFont(font);
    m_plot->yAxis->setTickLabelFont(font);
    m_plot->xAxis->setTickLabelRotation(m_rotated ? -90 : 0);
    return all;
}

QList<QRectF> HeatmapView::labelRects(Qt::Orientation orientation) const {
    const QFontMetricsF metrics(m_labelFont);
    QList<QRectF> rects;
    const auto ticks = (orientation == Qt::Horizontal ? m_keyTicker : m_queryTicker)->ticks();
    for (auto it = ticks.cbegin(); it != ticks.cend(); ++it) {
        if (orientation == Qt::Horizontal) {
            const double x = m_plot->xAxis->coordToPixel(it.key());
            const double w = m_rotated   ? metrics.height()
                             : m_stacked ? metrics.horizontalAdvance(QStringLiteral("汉"))
                                         : metrics.horizontalAdvance(it.value());
            const double h = m_rotated ? metrics.horizontalAdvance(it.value()) : metrics.height();
            rects << QRectF(x - w / 2, m_plot->axisRect()->bottom() + 4, w, h);
        } else {
            const double y = m_plot->yAxis->coordToPixel(it.key());
            const double w = metrics.horizontalAdvance(it.value());
            rects << QRectF(m_plot->axisRect()->left() - 4 - w, y - metrics.height() / 2, w,
                            metrics.height());
        }
    }
    return rects;
}

void HeatmapView::layoutFor(const QSize &size) {
    const int n = static_cast<int>(m_tokens.size());
    // Lay the plot out at the target size (a figure's panel is not the hidden widget's size).
    const QRect viewport = m_plot->viewport();
    m_plot->setViewport(QRect(QPoint(0, 0), size));
    QFont font = fontFor(this->font(), m_tokens.join(QString()), QLocale(), m_fontTarget);
    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(font.pointSizeF() + 1);
    m_title->setFont(titleFont);
    QFont badgeFont = font;
    badgeFont.setPointSizeF(std::max(kMinLabelPoints, font.pointSizeF() - 0.5));
    m_badge->setFont(badgeFont);

    // Shrink the labels a little (to kMinLabelPoints at most 3 pt below the widget's size)
    // before dropping any; then thin them out by measured extent. Margins depend on the labels,
    // so place, lay out and place again until the layout settles.
    const double base = font.pointSizeF() > 0 ? font.pointSizeF() : 9.0;
    const double smallest = std::max(kMinLabelPoints, std::min(base, base - 3.0));
    for (double points = base;; points -= 0.5) {
        font.setPointSizeF(std::max(points, smallest));
        m_plot->layoutNow();
        bool all = placeLabels(font);
        for (int pass = 0; pass < 3; ++pass) {
            m_plot->layoutNow();
            all = placeLabels(font);
        }
        if (all || points <= smallest)
            break;
    }
    m_labelFont = font;
    m_plot->setViewport(viewport);

    QFont valueFont = font;
    valueFont.setPointSizeF(std::max(kMinLabelPoints, font.pointSizeF() - 1));
    m_map->setValueLabels(m_style.showValues && n <= HeatmapStyle::kMaxTokensForValues, valueFont);
    m_map->setHighlight(m_highlightedRow, palette().color(QPalette::Highlight).lighter(115));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HeatmapView::showToolTip(QMouseEvent *event) {
    if (badgeRect().contains(m_plot->mapTo(this, event->pos()))) {
        QToolTip::showText(event->globalPosition().toPoint(), m_badgeToolTip, m_plot);
        return;
    }
    const QPoint cell = cellAt(m_plot->mapTo(this, event->pos()));
    const QString text = cellToolTip(cell.y(), cell.x());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

void HeatmapView::handlePress(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || m_tokens.isEmpty())
        return;
    const QPoint p = event->pos();
    const QRect rect = m_plot->axisRect()->rect();
    // A click on a cell or on a query label (left of the cells) selects that query's row.
    if (p.y() < rect.top() || p.y() > rect.bottom() || p.x() > rect.right())
        return;
    const int row = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(p.y())));
    if (row >= 0 && row < m_tokens.size())
        emit rowClicked(row);
}

} // namespace attnviz::ui
