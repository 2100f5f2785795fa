#include "matrix_plot.h"

#include "plot_parts.h"

#include <QLabel>
#include <QPainter>
#include <QPicture>
#include <QSet>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

const QString kCellLayer = QStringLiteral("cells");
constexpr int kMaxLabelCharacters = 14;

QString elided(const QString &label) {
    return label.size() <= kMaxLabelCharacters ? label : label.left(kMaxLabelCharacters - 1) + u'…';
}

bool isCjk(QChar::Script script) {
    return script == QChar::Script_Han || script == QChar::Script_Hiragana ||
           script == QChar::Script_Katakana || script == QChar::Script_Hangul;
}

// Short Chinese, Japanese or Korean labels (and punctuation) read best stacked one character
// above the other, as vertical CJK text is written, rather than turned on their side.
bool stacksVertically(const QStringList &labels) {
    bool anyCjk = false;
    for (const QString &label : labels) {
        if (label.size() > 4)
            return false;
        for (const QChar c : label) {
            if (isCjk(c.script()))
                anyCjk = true;
            else if (!c.isPunct())
                return false;
        }
    }
    return anyCjk;
}

QString stacked(const QString &label) {
    QStringList characters;
    for (const QChar c : label)
        characters << QString(c);
    return characters.join(u'\n');
}

// The painters figurePainter() made that are still alive (widgets live on the GUI thread only).
QSet<const QPainter *> &figurePainters() {
    static QSet<const QPainter *> painters;
    return painters;
}

// One cell is a point range; a single row or column needs an explicit extent to be drawn.
QCPRange cellRange(int count) {
    return count > 1 ? QCPRange(0, count - 1) : QCPRange(-0.5, 0.5);
}

} // namespace

MatrixPlot::MatrixPlot(QWidget *parent)
    : QWidget(parent)
    , m_captionLabel(new QLabel(this))
    , m_noteLabel(new QLabel(this))
    , m_plot(new PlotCanvas(this)) {
    auto *layout = new QVBoxLayout(this);
    // The selection ring is painted in this margin, so selecting never moves the cells.
    layout->setContentsMargins(kSelectionRing, kSelectionRing, kSelectionRing, kSelectionRing);
    layout->setSpacing(4);
    layout->addWidget(m_captionLabel);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_noteLabel, 1);
    QFont bold = font();
    bold.setBold(true);
    m_captionLabel->setFont(bold);
    m_captionLabel->setWordWrap(true); // captions wrap rather than run out of a narrow dock
    m_captionLabel->setVisible(false);
    m_noteLabel->setAlignment(Qt::AlignCenter);
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setVisible(false);
    // The plotting library's own minimum (from its tick labels) would let a 16-head grid push
    // the window past the screen; the owner decides the size and the labels adapt to it.
    setMinimumSize(110, 110);
    m_plot->setMinimumSize(100, 100);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_plot->setMouseTracking(true);

    m_plot->plotLayout()->insertRow(0);
    m_header = new QCPLayoutGrid;
    m_header->setRowSpacing(0);
    m_plot->plotLayout()->addElement(0, 0, m_header);
    m_title = new TitleElement(m_plot, QString(),
                               QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    m_header->addElement(0, 0, m_title);
    m_badge = new BadgeElement(m_plot); // a QObject child of the plot while out of the layout

    m_plot->addLayer(kCellLayer, m_plot->layer("main"), QCustomPlot::limAbove);
    m_plot->layer(kCellLayer)->setMode(QCPLayer::lmBuffered);
    m_map = new CellMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setLayer(kCellLayer);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_map->setMaxVectorCells(kMaxVectorCells);

    m_bar = new QCPColorScale(m_plot);
    m_bar->setType(QCPAxis::atRight);
    m_bar->setBarWidth(10);
    // Not in the layout (and hidden): added only while the colour bar is shown.
    m_bar->setVisible(false);
    auto *margins = new QCPMarginGroup(m_plot); // the bar spans exactly the cells' height
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_bar->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_columnTicker.reset(new QCPAxisTickerText);
    m_rowTicker.reset(new QCPAxisTickerText);
    m_plot->xAxis->setTicker(m_columnTicker);
    m_plot->yAxis->setTicker(m_rowTicker);
    m_plot->yAxis->setRangeReversed(true); // row 1 on top, in reading order
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 0);
        axis->setBasePen(Qt::NoPen);
        axis->setPadding(4);
    }
    m_plot->axisRect()->setMinimumMargins(QMargins(4, 2, 4, 2));

    connect(m_plot, &QCustomPlot::mouseMove, this, &MatrixPlot::showToolTip);
    connect(m_plot, &QCustomPlot::mousePress, this, &MatrixPlot::handlePress);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent *event) {
        if (event->button() == Qt::LeftButton)
            emit doubleClicked();
    });
    connect(m_plot, &PlotCanvas::painted, this, &MatrixPlot::painted);
    applyPalette();
    updateScale();
}

MatrixPlot::~MatrixPlot() = default;

quint64 MatrixPlot::paintCount() const {
    return m_plot->paintCount();
}

QWidget *MatrixPlot::plotArea() const {
    return m_plot;
}

void MatrixPlot::setTitle(const QString &title) {
    if (m_title->text() == title)
        return;
    const bool lineChanges = title.isEmpty() != m_title->text().isEmpty();
    m_title->setText(title);
    if (!lineChanges) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    relayout(); // an empty title takes no line: the cells gain or lose its height
}

QString MatrixPlot::title() const {
    return m_title->text();
}

void MatrixPlot::setCaption(const QString &caption) {
    m_captionLabel->setText(caption);
    m_captionLabel->setVisible(!caption.isEmpty());
}

QString MatrixPlot::caption() const {
    return m_captionLabel->text();
}

void MatrixPlot::setNote(const QString &note) {
    m_note = note;
    m_noteLabel->setText(note);
    m_noteLabel->setVisible(!note.isEmpty());
    m_plot->setVisible(note.isEmpty());
}

void MatrixPlot::relayout() {
    layoutFor(m_plot->size());
}

// Labels name the rows and columns, so they set the axes when there are any (they may come
// just before their matrix); returns whether the axes changed.
bool MatrixPlot::updateRanges() {
    const auto rows =
        std::max<qsizetype>(m_rowLabels.isEmpty() ? m_matrix.rows() : m_rowLabels.size(), 1);
    const auto columns =
        std::max<qsizetype>(m_columnLabels.isEmpty() ? m_matrix.cols() : m_columnLabels.size(), 1);
    const QCPRange x(-0.5, static_cast<double>(columns) - 0.5);
    const QCPRange y(-0.5, static_cast<double>(rows) - 0.5);
    if (m_plot->xAxis->range() == x && m_plot->yAxis->range() == y)
        return false;
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
    return true;
}

void MatrixPlot::replotCells() {
    m_plot->layer(kCellLayer)->replot();
}

void MatrixPlot::setFontTarget(FontTarget target) {
    if (target == m_fontTarget)
        return;
    m_fontTarget = target;
    relayout();
}

void MatrixPlot::setSelected(bool selected) {
    if (selected == m_selected)
        return;
    m_selected = selected;
    update();
}

void MatrixPlot::paintEvent(QPaintEvent *event) {
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

void MatrixPlot::setBadge(const QString &text, const QColor &color) {
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

QRect MatrixPlot::badgeRect() const {
    if (m_badgeText.isEmpty())
        return {};
    return QRect(m_plot->mapTo(this, m_badge->outerRect().topLeft()), m_badge->outerRect().size());
}

void MatrixPlot::setLabels(const QStringList &rowLabels, const QStringList &columnLabels) {
    if (rowLabels == m_rowLabels && columnLabels == m_columnLabels)
        return;
    m_rowLabels = rowLabels;
    m_columnLabels = columnLabels;
    updateRanges();
    relayout();
}

void MatrixPlot::setMatrix(const Eigen::MatrixXf &matrix) {
    const bool shapeChanged = matrix.rows() != m_matrix.rows() || matrix.cols() != m_matrix.cols();
    m_matrix = matrix;
    if (!m_note.isEmpty())
        setNote(QString()); // a matrix to show
    const int rows = static_cast<int>(matrix.rows());
    const int columns = static_cast<int>(matrix.cols());
    if (m_highlightedRow >= rows)
        setHighlightedRow(-1);
    QCPColorMapData *cells = m_map->data();
    if (cells->keySize() != columns || cells->valueSize() != rows)
        cells->setSize(columns, rows);
    cells->setRange(cellRange(columns), cellRange(rows));
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column)
            cells->setCell(column, row, static_cast<double>(matrix(row, column)));
    const double low = m_shownLow, high = m_shownHigh;
    updateScale();
    if (shapeChanged && updateRanges()) {
        relayout();
    } else if (m_colorBarShown && (low != m_shownLow || high != m_shownHigh)) {
        m_plot->replot(QCustomPlot::rpQueuedReplot); // the colour bar changes too
    } else {
        replotCells();
    }
}

void MatrixPlot::setScale(const MatrixScale &scale) {
    if (scale == m_scale)
        return;
    m_scale = scale;
    const double low = m_shownLow, high = m_shownHigh;
    updateScale();
    if (m_colorBarShown && (low != m_shownLow || high != m_shownHigh))
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    else
        replotCells();
}

QColor MatrixPlot::cellColor(double value) const {
    return m_scale.colorOf(value, m_shownLow, m_shownHigh);
}

void MatrixPlot::setColorBarVisible(bool visible) {
    if (visible == m_colorBarShown)
        return;
    m_colorBarShown = visible;
    m_bar->setVisible(visible); // outside the layout it would still draw at (0, 0)
    if (visible) {
        m_plot->plotLayout()->addElement(1, 1, m_bar);
    } else {
        m_plot->plotLayout()->take(m_bar);
        m_plot->plotLayout()->simplify();
    }
    relayout();
}

void MatrixPlot::setCellValuesShown(bool shown) {
    if (shown == m_showValues)
        return;
    m_showValues = shown;
    m_map->setValueLabels(m_showValues, m_valueFont); // the font comes with the layout
    replotCells();
}

void MatrixPlot::setCausalMask(bool causal) {
    if (causal == m_causal)
        return;
    m_causal = causal;
    m_map->setCausalMask(causal);
    replotCells();
}

void MatrixPlot::setHighlightedRow(int row) {
    if (row >= m_matrix.rows() && row >= m_rowLabels.size())
        row = -1;
    if (row == m_highlightedRow)
        return;
    m_highlightedRow = row;
    m_map->setHighlight(row, palette().color(QPalette::Highlight).lighter(115));
    replotCells();
}

QString MatrixPlot::cellToolTipAt(int, int) const {
    return {};
}

QStringList MatrixPlot::axisLabels(Qt::Orientation orientation) const {
    const auto &ticker = orientation == Qt::Horizontal ? m_columnTicker : m_rowTicker;
    return ticker->ticks().values();
}

QColor MatrixPlot::labelColor() const {
    return m_plot->xAxis->tickLabelColor();
}

QColor MatrixPlot::backgroundColor() const {
    return m_plot->axisRect()->backgroundBrush().color();
}

QPoint MatrixPlot::cellAt(const QPoint &widgetPos) const {
    const QPoint p = m_plot->mapFrom(this, widgetPos);
    if (!m_plot->isVisible() || !m_plot->axisRect()->rect().contains(p))
        return {-1, -1};
    const int column = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(p.x())));
    const int row = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(p.y())));
    if (column < 0 || row < 0 || column >= m_matrix.cols() || row >= m_matrix.rows())
        return {-1, -1};
    return {column, row};
}

QPointF MatrixPlot::cellCentre(int row, int column) const {
    const QPointF p(m_plot->xAxis->coordToPixel(column), m_plot->yAxis->coordToPixel(row));
    return p + QPointF(m_plot->mapTo(this, QPoint(0, 0)));
}

QRect MatrixPlot::cellsRect() const {
    const QRect rect = m_plot->axisRect()->rect();
    return rect.translated(m_plot->mapTo(this, QPoint(0, 0)));
}

void MatrixPlot::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

void MatrixPlot::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        relayout();
    }
}

void MatrixPlot::applyPalette() {
    applyPalette(palette().color(QPalette::Window), palette().color(QPalette::WindowText));
    m_plot->setBackground(palette().brush(QPalette::Window));
    m_plot->axisRect()->setBackground(palette().brush(QPalette::Window));
}

void MatrixPlot::applyPalette(const QColor &background, const QColor &text) {
    m_plot->setBackground(background);
    m_plot->axisRect()->setBackground(background);
    m_title->setTextColor(text);
    m_badge->setTextColor(text);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_bar->axis()}) {
        const bool bar = axis == m_bar->axis(); // only the colour bar has ticks and a line
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickPen(bar ? QPen(text) : QPen(Qt::NoPen));
        axis->setSubTickPen(bar ? QPen(text) : QPen(Qt::NoPen));
        axis->setBasePen(bar ? QPen(text) : QPen(Qt::NoPen));
    }
}

void MatrixPlot::updateScale() {
    const auto [low, high] = m_scale.rangeFor(m_matrix);
    m_shownLow = low;
    m_shownHigh = high;
    const QCPColorGradient gradient = gradientOf(m_scale);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(low, high));
    m_bar->setGradient(gradient);
    m_bar->setDataRange(QCPRange(low, high));
    const MatrixScale scale = m_scale;
    m_map->colorOf = [scale, low, high](double v) { return scale.colorOf(v, low, high); };
}

bool MatrixPlot::placeLabels(const QFont &font) {
    const QFontMetricsF metrics(font);
    constexpr double gap = 3; // between neighbouring labels
    qreal widest = 0;
    for (const QString &label : m_columnLabels)
        widest = std::max(widest, metrics.horizontalAdvance(elided(label)));
    const double cellWidth =
        std::abs(m_plot->xAxis->coordToPixel(1) - m_plot->xAxis->coordToPixel(0));
    const bool tooWide = widest + 2 * gap > cellWidth;
    m_stacked = tooWide && stacksVertically(m_columnLabels);
    m_rotated = tooWide && !m_stacked;
    const auto columnExtent = [&](const QString &label) {
        return m_rotated   ? metrics.height()
               : m_stacked ? metrics.horizontalAdvance(QStringLiteral("汉"))
                           : metrics.horizontalAdvance(elided(label));
    };
    // Greedy along each axis: a label is drawn when it clears the last drawn one.
    m_columnTicker->clear();
    m_rowTicker->clear();
    bool all = true;
    double columnEnd = -1e9, rowEnd = -1e9;
    for (int i = 0; i < m_columnLabels.size(); ++i) {
        const double x = m_plot->xAxis->coordToPixel(i);
        const double half = columnExtent(m_columnLabels[i]) / 2;
        if (x - half >= columnEnd + gap) {
            m_columnTicker->addTick(i, m_stacked ? stacked(m_columnLabels[i])
                                                 : elided(m_columnLabels[i]));
            columnEnd = x + half;
        } else {
            all = false;
        }
    }
    for (int i = 0; i < m_rowLabels.size(); ++i) {
        const double y = m_plot->yAxis->coordToPixel(i); // increasing: the range is reversed
        if (y - metrics.height() / 2 >= rowEnd + gap) {
            m_rowTicker->addTick(i, elided(m_rowLabels[i]));
            rowEnd = y + metrics.height() / 2;
        } else {
            all = false;
        }
    }
    m_plot->xAxis->setTickLabelFont(font);
    m_plot->yAxis->setTickLabelFont(font);
    m_plot->xAxis->setTickLabelRotation(m_rotated ? -90 : 0);
    return all;
}

QList<QRectF> MatrixPlot::labelRects(Qt::Orientation orientation) const {
    const QFontMetricsF metrics(m_labelFont);
    QList<QRectF> rects;
    const auto ticks = (orientation == Qt::Horizontal ? m_columnTicker : m_rowTicker)->ticks();
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

void MatrixPlot::layoutFor(const QSize &size) {
    // Lay the plot out at the target size (a figure's panel is not the hidden widget's size).
    const QRect viewport = m_plot->viewport();
    m_plot->setViewport(QRect(QPoint(0, 0), size));
    QFont font = fontFor(this->font(), m_rowLabels.join(QString()) + m_columnLabels.join(QString()),
                         QLocale(), m_fontTarget);
    QFont titleFont = font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(font.pointSizeF() + 1);
    m_title->setFont(titleFont);
    QFont badgeFont = font;
    badgeFont.setPointSizeF(std::max(kMinLabelPoints, font.pointSizeF() - 0.5));
    m_badge->setFont(badgeFont);
    m_bar->axis()->setTickLabelFont(font);

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

    m_valueFont = font;
    m_valueFont.setPointSizeF(std::max(kMinLabelPoints, font.pointSizeF() - 1));
    m_map->setValueLabels(m_showValues, m_valueFont);
    m_map->setHighlight(m_highlightedRow, palette().color(QPalette::Highlight).lighter(115));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

MatrixPlot::FigurePainter MatrixPlot::figurePainter() {
    auto *painter = new QCPPainter;
    painter->setMode(QCPPainter::pmVectorized); // cells as rectangles: sharp at any scale
    figurePainters().insert(painter);
    return {painter, [](QPainter *p) {
                figurePainters().remove(p);
                delete static_cast<QCPPainter *>(p); // QPainter's destructor is not virtual
            }};
}

void MatrixPlot::renderTo(QPainter &painter, const QRect &target) {
    layoutFor(target.size());
    painter.save();
    painter.translate(target.topLeft());
    if (figurePainters().contains(&painter)) {
        m_plot->toPainter(static_cast<QCPPainter *>(&painter), target.width(), target.height());
    } else {
        // Another painter: record the plot as vectors, then replay it there.
        QPicture picture;
        {
            QCPPainter recorder(&picture);
            recorder.setMode(QCPPainter::pmVectorized);
            m_plot->toPainter(&recorder, target.width(), target.height());
        }
        painter.drawPicture(0, 0, picture);
    }
    painter.restore();
}

void MatrixPlot::paintTo(QPainter &painter, const QSize &size, const QColor &background,
                         const QColor &text) {
    constexpr int gap = 8;
    painter.fillRect(QRect(QPoint(0, 0), size), background);
    painter.setPen(text);
    QRect area = QRect(QPoint(0, 0), size).adjusted(gap, gap, -gap, -gap);
    if (!caption().isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
        const QRect captionRect = painter.boundingRect(area, flags, caption());
        painter.drawText(area, flags, caption());
        painter.setFont(font());
        area.setTop(captionRect.bottom() + gap / 2);
    }
    if (!m_note.isEmpty()) {
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_note);
        return;
    }
    applyPalette(background, text);
    renderTo(painter, area);
    applyPalette();
    relayout();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QImage MatrixPlot::toImage(const QSize &size) {
    layoutFor(size);
    const QImage image = m_plot->toPixmap(size.width(), size.height()).toImage();
    relayout();
    return image;
}

void MatrixPlot::showToolTip(QMouseEvent *event) {
    if (badgeRect().contains(m_plot->mapTo(this, event->pos()))) {
        QToolTip::showText(event->globalPosition().toPoint(), badgeToolTipText(), m_plot);
        return;
    }
    const QPoint cell = cellAt(m_plot->mapTo(this, event->pos()));
    const QString text = cellToolTipAt(cell.y(), cell.x());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

void MatrixPlot::handlePress(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || m_matrix.rows() == 0)
        return;
    const QPoint p = event->pos();
    const QRect rect = m_plot->axisRect()->rect();
    // A click on a cell or on a row label (left of the cells) selects that row.
    if (p.y() < rect.top() || p.y() > rect.bottom() || p.x() > rect.right())
        return;
    const int row = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(p.y())));
    if (row >= 0 && row < m_matrix.rows())
        emit rowClicked(row);
}

} // namespace attnviz::ui
