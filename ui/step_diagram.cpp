#include "step_diagram.h"

#include "plot/matrix_plot.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace attnviz::ui {

namespace {

constexpr qreal kMargin = 16;
constexpr qreal kHeaderHeight = 34;
constexpr qreal kLabelHeight = 40; // name and shape above every panel
constexpr qreal kGap = 64;         // room for an arrow and its operator between panels
constexpr qreal kMaxCell = 28;
constexpr qreal kMaxPanelWidth = 240;
constexpr qreal kTokenColumn = 84;

QFont nameFont() {
    QFont font;
    font.setPixelSize(15);
    font.setBold(true);
    return font;
}

QFont smallFont() {
    QFont font;
    font.setPixelSize(13);
    return font;
}

QString number(double value) {
    return QString::number(value, 'f', 2);
}

} // namespace

void StepDiagram::setSteps(const HeadSteps &steps, const StepContext &context) {
    m_steps = steps;
    m_context = context;
    m_panels.clear();
    const HeadSteps &s = *m_steps;
    const int n = static_cast<int>(s.x.rows());
    auto shape = [n](const QString &columns, Eigen::Index value) {
        return QStringLiteral("[N, %1] = [%2, %3]").arg(columns).arg(n).arg(value);
    };
    auto add = [this](StepMatrix which, const QString &name, const QString &shapeText,
                      bool sequential) {
        // Probabilities on the sequential map from 0; signed values on blue–white–red centred
        // on 0 (−∞ under the mask drawn as masked cells).
        const MatrixScale scale = sequential ? MatrixScale::sequentialAutomatic(Colormap::Viridis)
                                             : MatrixScale::diverging();
        const Eigen::MatrixXf &values = *matrix(which);
        const auto [low, high] = scale.rangeFor(values);
        Panel panel{which, name, shapeText, {}, MatrixPlot::cellImage(values, scale),
                    scale, low,  high};
        m_panels.push_back(std::move(panel));
    };
    add(StepMatrix::X, tr("X (the layer's input)"), shape("d_model", s.x.cols()), false);
    add(StepMatrix::Q,
        context.queryPrescaled ? (context.unscaled ? tr("Q = X·W_qᵀ + b_q (not ÷ √dk)")
                                                   : tr("Q = (X·W_qᵀ + b_q) ÷ √dk"))
                               : tr("Q = X·W_qᵀ + b_q"),
        shape("dk", s.q.cols()), false);
    add(StepMatrix::K, tr("K = X·W_kᵀ + b_k"), shape("dk", s.k.cols()), false);
    add(StepMatrix::V, tr("V = X·W_vᵀ + b_v"), shape("dv", s.v.cols()), false);
    add(StepMatrix::Scores, tr("Q·Kᵀ"), shape("N", n), false);
    const QString root = QStringLiteral("√%1").arg(s.q.cols());
    add(StepMatrix::ScaledScores,
        context.unscaled         ? tr("no ÷ √dk (scaling off)")
        : context.queryPrescaled ? tr("÷ √dk (done in Q)")
                                 : tr("÷ √dk = ÷ %1").arg(root),
        shape("N", n), false);
    if (context.causal)
        add(StepMatrix::MaskedScores, tr("causal mask (−∞ above)"), shape("N", n), false);
    add(StepMatrix::Probabilities, tr("softmax (the heatmap)"), shape("N", n), true);
    add(StepMatrix::HeadOutput, tr("head output = softmax·V"), shape("dv", s.headOutput.cols()),
        false);
    if (context.hasOutProjection) {
        add(StepMatrix::Concat, tr("concat of %n head(s)", nullptr, context.heads),
            shape("h·dv", s.concat.cols()), false);
        add(StepMatrix::Output, tr("output = concat·W_oᵀ + b_o"), shape("d_model", s.output.cols()),
            false);
    }
    layout(560);
}

const Eigen::MatrixXf *StepDiagram::matrix(StepMatrix which) const {
    if (!m_steps)
        return nullptr;
    const HeadSteps &s = *m_steps;
    switch (which) {
    case StepMatrix::X:
        return &s.x;
    case StepMatrix::Q:
        return &s.q;
    case StepMatrix::K:
        return &s.k;
    case StepMatrix::V:
        return &s.v;
    case StepMatrix::Scores:
        return &s.rawScores;
    case StepMatrix::ScaledScores:
        return &s.scaledScores;
    case StepMatrix::MaskedScores:
        return m_context.causal ? &s.maskedScores : nullptr;
    case StepMatrix::Probabilities:
        return &s.probabilities;
    case StepMatrix::HeadOutput:
        return &s.headOutput;
    case StepMatrix::Concat:
        return m_context.hasOutProjection ? &s.concat : nullptr;
    case StepMatrix::Output:
        return m_context.hasOutProjection ? &s.output : nullptr;
    }
    return nullptr;
}

QRectF StepDiagram::cellsRect(StepMatrix which) const {
    for (const Panel &panel : m_panels)
        if (panel.matrix == which)
            return panel.cells;
    return {};
}

void StepDiagram::layout(qreal height) {
    m_arrows.clear();
    if (!m_steps)
        return;
    const qreal n = static_cast<qreal>(m_steps->x.rows());
    const QFontMetricsF nameMetrics(nameFont()), smallMetrics(smallFont());
    const qreal top = kMargin + kHeaderHeight + kLabelHeight;
    const qreal room = std::max<qreal>(120, height - top - 2 * kMargin - 20);
    // Every [N, ·] panel shares the row height, so token i is on one line across the diagram;
    // Q, K and V are stacked and share the same room three ways.
    const qreal rowHeight = std::clamp(room / n, 0.5, kMaxCell);
    constexpr qreal kStackGap = kLabelHeight + 20; // the range text under a panel, the next label
    const qreal stackedRow = std::clamp((room - 2 * kStackGap) / (3 * n), 0.5, rowHeight);
    const bool showTokens = rowHeight >= 11 && m_context.tokens.size() == m_steps->x.rows();
    qreal x = kMargin + (showTokens ? kTokenColumn : 0);
    qreal right = x;
    qreal bottom = top;
    auto widthOf = [](const Panel &panel, qreal row) {
        const qreal columns = panel.image.width();
        return columns * std::clamp(kMaxPanelWidth / columns, 0.25, row);
    };
    auto labelWidth = [&](const Panel &panel) {
        return std::max(nameMetrics.horizontalAdvance(panel.name),
                        smallMetrics.horizontalAdvance(panel.shape));
    };
    std::size_t i = 0;
    while (i < m_panels.size()) {
        Panel &panel = m_panels[i];
        if (panel.matrix == StepMatrix::Q) { // the Q, K, V stack
            qreal columnWidth = 0;
            qreal y = top;
            for (std::size_t j = i; j < i + 3; ++j) {
                Panel &stacked = m_panels[j];
                // Rows are short here; columns keep the main row's width so dk stays readable.
                const qreal w = widthOf(stacked, rowHeight);
                stacked.cells = QRectF(x, y, w, n * stackedRow);
                y += n * stackedRow + kStackGap;
                columnWidth = std::max({columnWidth, w, labelWidth(stacked)});
            }
            bottom = std::max(bottom, y - kStackGap);
            m_arrows.emplace_back(QPointF(x - kGap + 6, top + n * rowHeight / 2), tr("· Wᵀ + b"));
            x += columnWidth + kGap;
            i += 3;
            continue;
        }
        const qreal w = widthOf(panel, rowHeight);
        panel.cells = QRectF(x, top, w, n * rowHeight);
        bottom = std::max(bottom, panel.cells.bottom());
        if (i > 0 && panel.matrix != StepMatrix::Scores) {
            static const QHash<int, QString> operators{
                {static_cast<int>(StepMatrix::ScaledScores), QStringLiteral("÷ √dk")},
                {static_cast<int>(StepMatrix::MaskedScores), QStringLiteral("mask")},
                {static_cast<int>(StepMatrix::Probabilities), QStringLiteral("softmax")},
                {static_cast<int>(StepMatrix::HeadOutput), QStringLiteral("· V")},
                {static_cast<int>(StepMatrix::Concat), QStringLiteral("concat")},
                {static_cast<int>(StepMatrix::Output), QStringLiteral("· W_oᵀ")}};
            m_arrows.emplace_back(QPointF(x - kGap + 6, top + n * rowHeight / 2),
                                  operators.value(static_cast<int>(panel.matrix)));
        } else if (panel.matrix == StepMatrix::Scores) {
            m_arrows.emplace_back(QPointF(x - kGap + 6, top + n * rowHeight / 2),
                                  QStringLiteral("Q·Kᵀ"));
        }
        right = x + std::max(w, labelWidth(panel));
        x = right + kGap;
        ++i;
    }
    m_size = QSizeF(right + kMargin, bottom + 20 + 2 * kMargin);
}

void StepDiagram::paintPanel(QPainter &painter, const Panel &panel) const {
    painter.setPen(Qt::black);
    painter.setFont(nameFont());
    painter.drawText(QPointF(panel.cells.left(), panel.cells.top() - 24), panel.name);
    painter.setFont(smallFont());
    painter.setPen(QColor(70, 70, 70));
    painter.drawText(QPointF(panel.cells.left(), panel.cells.top() - 7), panel.shape);
    MatrixPlot::paintCells(painter, panel.cells, panel.image, *matrix(panel.matrix));
    painter.setPen(QPen(QColor(120, 120, 120), 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(panel.cells);
    painter.setPen(QColor(70, 70, 70));
    painter.drawText(QPointF(panel.cells.left(), panel.cells.bottom() + 16),
                     QStringLiteral("%1 … %2").arg(number(panel.low), number(panel.high)));
    if (panel.matrix == StepMatrix::Concat && m_steps) { // this head's columns
        const qreal columnWidth = panel.cells.width() / static_cast<qreal>(panel.image.width());
        const auto dv = static_cast<qreal>(m_steps->v.cols());
        const QRectF mine(panel.cells.left() + m_steps->head * dv * columnWidth,
                          panel.cells.top() - 2, dv * columnWidth, panel.cells.height() + 4);
        painter.setPen(QPen(Qt::black, 2));
        painter.drawRect(mine);
    }
}

void StepDiagram::paint(QPainter &painter) const {
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), m_size), Qt::white);
    if (!m_steps) {
        painter.restore();
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const HeadSteps &s = *m_steps;
    painter.setPen(Qt::black);
    painter.setFont(nameFont());
    QString header = tr("Layer %1 of %2 · head %3 of %4 · N = %5 tokens, d_model = %6, dk = %7, "
                        "dv = %8")
                         .arg(s.layer + 1)
                         .arg(m_context.layers)
                         .arg(s.head + 1)
                         .arg(m_context.heads)
                         .arg(s.x.rows())
                         .arg(s.x.cols())
                         .arg(s.q.cols())
                         .arg(s.v.cols());
    if (!m_context.modelName.isEmpty())
        header = m_context.modelName + QStringLiteral(" · ") + header;
    painter.drawText(QPointF(kMargin, kMargin + 16), header);
    for (const Panel &panel : m_panels)
        paintPanel(painter, panel);
    // Token labels left of X, one per row.
    const QRectF xCells = cellsRect(StepMatrix::X);
    const qreal rowHeight = xCells.height() / static_cast<qreal>(s.x.rows());
    if (rowHeight >= 11 && m_context.tokens.size() == s.x.rows()) {
        painter.setFont(smallFont());
        painter.setPen(Qt::black);
        const QFontMetricsF metrics(smallFont());
        for (int r = 0; r < m_context.tokens.size(); ++r) {
            const QString text =
                metrics.elidedText(m_context.tokens[r], Qt::ElideRight, kTokenColumn - 8);
            painter.drawText(
                QRectF(kMargin, xCells.top() + r * rowHeight, kTokenColumn - 6, rowHeight),
                Qt::AlignRight | Qt::AlignVCenter, text);
        }
    }
    // Arrows with the operation they stand for.
    for (const auto &[start, text] : m_arrows) {
        const QPointF end = start + QPointF(kGap - 14, 0);
        painter.setPen(QPen(QColor(40, 40, 40), 1.6));
        painter.drawLine(start, end);
        QPainterPath head;
        head.moveTo(end);
        head.lineTo(end + QPointF(-8, -5));
        head.lineTo(end + QPointF(-8, 5));
        head.closeSubpath();
        painter.fillPath(head, QColor(40, 40, 40));
        painter.setFont(smallFont());
        painter.drawText(QRectF(start.x() - 6, start.y() - 24, kGap, 20), Qt::AlignCenter, text);
    }
    painter.restore();
}

std::optional<StepHit> StepDiagram::hitTest(QPointF point) const {
    for (const Panel &panel : m_panels) {
        if (!panel.cells.contains(point))
            continue;
        const qreal fx = (point.x() - panel.cells.left()) / panel.cells.width();
        const qreal fy = (point.y() - panel.cells.top()) / panel.cells.height();
        StepHit hit{panel.matrix,
                    std::min(panel.image.height() - 1,
                             static_cast<int>(fy * static_cast<qreal>(panel.image.height()))),
                    std::min(panel.image.width() - 1,
                             static_cast<int>(fx * static_cast<qreal>(panel.image.width())))};
        return hit;
    }
    return std::nullopt;
}

QString StepDiagram::tokenName(char vector, int index) const {
    QString name = QStringLiteral("%1_%2").arg(QLatin1Char(vector)).arg(index + 1);
    if (index < m_context.tokens.size())
        name += QStringLiteral(" (“%1”)").arg(m_context.tokens[index]);
    return name;
}

QString StepDiagram::explainScore(int row, int column) const {
    const HeadSteps &s = *m_steps;
    const Eigen::Index dk = s.q.cols();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(dk));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    auto term = [&](Eigen::Index i) { return s.q(row, i) * s.k(column, i); };
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        return std::abs(term(a)) > std::abs(term(b));
    });
    QStringList terms;
    const std::size_t shown = std::min<std::size_t>(4, order.size());
    for (std::size_t t = 0; t < shown; ++t)
        terms << QStringLiteral("q[%1]·k[%1] = %2").arg(order[t] + 1).arg(number(term(order[t])));
    if (order.size() > shown)
        terms << tr("%n more term(s)", nullptr, static_cast<int>(order.size() - shown));
    QString text = tr("%1 · %2 = Σ %3 = %4")
                       .arg(tokenName('q', row), tokenName('k', column),
                            terms.join(QStringLiteral(" + ")), number(s.rawScores(row, column)));
    if (m_context.unscaled)
        text += tr("; not scaled");
    else if (!m_context.queryPrescaled)
        text += QStringLiteral("; ÷ √%1 = %2").arg(dk).arg(number(s.scaledScores(row, column)));
    if (m_context.causal && column > row)
        text += tr("; masked to −∞ (key after the query)");
    QStringList softmax;
    const Eigen::Index keys = s.probabilities.cols();
    constexpr Eigen::Index kListedKeys = 16; // longer rows list their largest weights only
    if (keys <= kListedKeys) {
        for (Eigen::Index j = 0; j < keys; ++j) {
            const QString p = number(s.probabilities(row, j));
            softmax << (j == column ? QStringLiteral("[%1]").arg(p) : p);
        }
        text += QLatin1Char('\n') +
                tr("softmax of row %1: %2").arg(row + 1).arg(softmax.join(QLatin1Char(' ')));
        return text;
    }
    std::vector<Eigen::Index> byWeight(static_cast<std::size_t>(keys));
    std::iota(byWeight.begin(), byWeight.end(), Eigen::Index{0});
    std::partial_sort(byWeight.begin(), byWeight.begin() + 8, byWeight.end(),
                      [&](Eigen::Index a, Eigen::Index b) {
                          return s.probabilities(row, a) > s.probabilities(row, b);
                      });
    for (std::size_t t = 0; t < 8; ++t)
        softmax << QStringLiteral("k_%1 %2")
                       .arg(byWeight[t] + 1)
                       .arg(number(s.probabilities(row, byWeight[t])));
    text += QLatin1Char('\n') + tr("softmax of row %1: this key %2; largest: %3")
                                    .arg(row + 1)
                                    .arg(number(s.probabilities(row, column)))
                                    .arg(softmax.join(QStringLiteral(", ")));
    return text;
}

QString StepDiagram::explainOutput(int row, int column) const {
    const HeadSteps &s = *m_steps;
    std::vector<Eigen::Index> order(static_cast<std::size_t>(s.probabilities.cols()));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
        return s.probabilities(row, a) > s.probabilities(row, b);
    });
    QStringList parts;
    for (std::size_t t = 0; t < std::min<std::size_t>(5, order.size()); ++t) {
        const Eigen::Index j = order[t];
        if (s.probabilities(row, j) <= 0)
            break;
        parts << QStringLiteral("%1 × %2[%3] (%4)")
                     .arg(number(s.probabilities(row, j)), tokenName('v', static_cast<int>(j)))
                     .arg(column + 1)
                     .arg(number(s.v(j, column)));
    }
    return tr("output_%1[%2] = %3 mixes the value rows by their weights: %4")
        .arg(row + 1)
        .arg(column + 1)
        .arg(number(s.headOutput(row, column)))
        .arg(parts.join(QStringLiteral(" + ")));
}

QString StepDiagram::explain(const StepHit &hit) const {
    if (!m_steps)
        return {};
    switch (hit.matrix) {
    case StepMatrix::Scores:
    case StepMatrix::ScaledScores:
    case StepMatrix::MaskedScores:
    case StepMatrix::Probabilities:
        return explainScore(hit.row, hit.column);
    case StepMatrix::HeadOutput:
        return explainOutput(hit.row, hit.column);
    default:
        break;
    }
    const Eigen::MatrixXf *m = matrix(hit.matrix);
    if (!m)
        return {};
    return tr("row %1 (%2), column %3: %4")
        .arg(hit.row + 1)
        .arg(hit.row < m_context.tokens.size() ? m_context.tokens[hit.row] : QString())
        .arg(hit.column + 1)
        .arg(number((*m)(hit.row, hit.column)));
}

double StepDiagram::meanNormalisedEntropy(const Eigen::MatrixXf &p, bool causal) {
    double total = 0;
    int rows = 0;
    for (Eigen::Index i = 0; i < p.rows(); ++i) {
        const Eigen::Index visible = causal ? i + 1 : p.cols();
        if (visible < 2)
            continue;
        double h = 0;
        for (Eigen::Index j = 0; j < visible; ++j)
            if (p(i, j) > 0)
                h -= static_cast<double>(p(i, j)) * std::log(static_cast<double>(p(i, j)));
        total += h / std::log(static_cast<double>(visible));
        ++rows;
    }
    return rows > 0 ? total / rows : 0.0;
}

} // namespace attnviz::ui
