// HeadCountSweepView: each head's normalised entropy for 1, 2, 4, 8, 16 heads over the current
// sentence, computed off the GUI thread, as one small dot plot.
#include "head_count_sweep_view.h"

#include "attention_session.h"
#include "plot/dot_plot.h"
#include "retranslator.h"
#include "translated_error.h"

#include <attnviz/error.h>

#include <QFutureWatcher>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace attnviz::ui {

HeadCountSweepView::HeadCountSweepView(AttentionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_plot(new DotPlot)
    , m_status(new QLabel)
    , m_watcher(new QFutureWatcher<Outcome>(this)) {
    auto *explanation = new QLabel;
    explanation->setWordWrap(true);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_status);

    m_plot->setMinimumSize(260, 200);
    QList<double> ticks;
    for (int heads : defaultSweepHeadCounts())
        ticks << heads;
    m_plot->setXTicks(ticks, 0.7, 23);
    m_plot->setYRange(0, 1.02);
    (new Retranslator(this))->add([=, this] {
        explanation->setText(
            tr("The same sentence and d_model split into 1, 2, 4, 8 and 16 heads (dk = dv = "
               "d_model / h, random weights from the seed): one dot per head at its normalised "
               "entropy, 0 = one key, 1 = uniform."));
        m_plot->setAxisLabels(tr("heads h"), tr("normalised entropy"));
        m_plot->setLineName(tr("mean"));
    });

    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &HeadCountSweepView::finish);
    connect(m_session, &AttentionSession::resultChanged, this,
            &HeadCountSweepView::onResultChanged);
}

HeadCountSweepView::~HeadCountSweepView() {
    m_watcher->waitForFinished();
}

bool HeadCountSweepView::isComputing() const {
    return m_watcher->isRunning() || m_pending;
}

void HeadCountSweepView::onResultChanged() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    if (!m_points.empty() && snapshot->options.seed == m_sweptSeed &&
        snapshot->options.attention.causal == m_sweptCausal &&
        snapshot->result.input.rows() == m_sweptInput.rows() &&
        snapshot->result.input.cols() == m_sweptInput.cols() &&
        snapshot->result.input == m_sweptInput)
        return;
    m_stale = true;
    // Sixteen heads of random weights per change: only worth it while the plot is visible.
    if (isVisible())
        start();
}

void HeadCountSweepView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        start();
}

void HeadCountSweepView::start() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    if (m_watcher->isRunning()) {
        m_pending = true; // the newest snapshot is taken when the running sweep ends
        return;
    }
    m_stale = false;
    m_pending = false;
    m_sweptInput = snapshot->result.input;
    m_sweptSeed = snapshot->options.seed;
    m_sweptCausal = snapshot->options.attention.causal;
    m_status->setText(tr("Computing…"));
    const quint64 id = ++m_lastId;
    m_watcher->setFuture(QtConcurrent::run([snapshot, id] {
        Outcome outcome;
        outcome.id = id;
        try {
            outcome.points = sweepHeadCounts(snapshot->result.input, snapshot->options.seed,
                                             snapshot->options.attention.causal);
        } catch (const InputError &error) {
            outcome.error = translatedError(error);
        }
        return outcome;
    }));
}

void HeadCountSweepView::finish() {
    Outcome outcome = m_watcher->result();
    if (m_pending) {
        start();
        return;
    }
    m_points = std::move(outcome.points);
    m_error = outcome.error;
    redraw();
    emit sweepFinished();
}

void HeadCountSweepView::redraw() {
    QVector<double> x, y, meanX, meanY;
    for (const HeadCountPoint &point : m_points) {
        double sum = 0;
        for (double entropy : point.entropy) {
            x << point.heads;
            y << entropy;
            sum += entropy;
        }
        if (!point.entropy.empty()) {
            meanX << point.heads;
            meanY << sum / static_cast<double>(point.entropy.size());
        }
    }
    m_plot->setDots(x, y);
    m_plot->setLine(meanX, meanY);
    if (!m_error.isEmpty()) {
        m_status->setText(m_error);
    } else if (m_points.empty()) {
        m_status->setText(tr("No head count in 1, 2, 4, 8, 16 divides this d_model."));
    } else {
        QStringList counts;
        for (const HeadCountPoint &point : m_points)
            counts << QString::number(point.heads);
        m_status->setText(tr("d_model %1 · head counts that divide it: %2 · red: mean")
                              .arg(m_session->snapshot()->result.input.cols())
                              .arg(counts.join(QStringLiteral(", "))));
    }
}

} // namespace attnviz::ui
