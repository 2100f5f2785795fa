#include "step_view.h"

#include "attention_session.h"
#include "picture_file.h"
#include "retranslator.h"
#include "translated_error.h"

#include <attnviz/error.h>
#include <attnviz/model/model.h>

#include <QCheckBox>
#include <QFuture>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>

namespace attnviz::ui {

// The painted diagram inside the scroll area; reports the cell under the mouse.
class StepCanvas : public QWidget {
public:
    explicit StepCanvas(StepView *view)
        : m_view(view) {
        setMouseTracking(true);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }
    void updateSize() {
        setFixedSize(m_view->m_diagram.size().toSize().expandedTo(QSize(1, 1)));
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        m_view->m_diagram.paint(painter);
    }
    void mouseMoveEvent(QMouseEvent *event) override {
        const auto hit = m_view->m_diagram.hitTest(event->position());
        m_view->showHover(hit ? m_view->m_diagram.explain(*hit) : QString());
    }

private:
    StepView *m_view;
};

namespace {

constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

} // namespace

StepView::StepView(QWidget *parent)
    : QWidget(parent)
    , m_scaledEntropy(kNotMeasured)
    , m_unscaledEntropy(kNotMeasured) {
    m_layerBox = new QSpinBox;
    m_headBox = new QSpinBox;
    m_unscaledBox = new QCheckBox;
    m_entropyLabel = new QLabel;
    m_entropyLabel->setWordWrap(true); // a long line must not widen the window past the screen
    m_hoverLabel = new QLabel;
    auto *layerLabel = new QLabel, *headLabel = new QLabel;
    (new Retranslator(this))->add([=, this] {
        m_layerBox->setToolTip(tr("The layer whose head is drawn"));
        m_headBox->setToolTip(tr("The head whose computation is drawn"));
        m_unscaledBox->setText(tr("No √dk scaling"));
        m_unscaledBox->setToolTip(tr("Feed Q·Kᵀ to the softmax without dividing by √dk: as dk "
                                     "grows, the softmax collapses onto one key. Only this head "
                                     "changes."));
        m_hoverLabel->setText(tr("Hover a cell of Q·Kᵀ, the softmax or the head output to see "
                                 "how it is computed."));
        layerLabel->setText(tr("Layer"));
        headLabel->setText(tr("Head"));
        if (m_snapshot) // the matrices' names and notes are drawn in the interface's language
            recompute();
    });
    m_hoverLabel->setWordWrap(true);
    m_hoverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont hoverFont = m_hoverLabel->font();
    hoverFont.setPixelSize(15);
    m_hoverLabel->setFont(hoverFont);
    m_hoverLabel->setMinimumHeight(3 * QFontMetrics(hoverFont).lineSpacing());
    m_hoverLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *bar = new QHBoxLayout;
    bar->addWidget(layerLabel);
    bar->addWidget(m_layerBox);
    bar->addWidget(headLabel);
    bar->addWidget(m_headBox);
    bar->addSpacing(12);
    bar->addWidget(m_unscaledBox);
    bar->addWidget(m_entropyLabel, 1);

    m_canvas = new StepCanvas(this);
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_canvas);
    m_scroll->setBackgroundRole(QPalette::Base);
    m_scroll->setStyleSheet(QStringLiteral("QScrollArea { background: white; }"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_hoverLabel);

    connect(m_layerBox, &QSpinBox::valueChanged, this,
            [this](int value) { showHead(value - 1, m_head); });
    connect(m_headBox, &QSpinBox::valueChanged, this,
            [this](int value) { showHead(m_layer, value - 1); });
    connect(m_unscaledBox, &QCheckBox::toggled, this, &StepView::setUnscaled);
    syncSelectors();
}

void StepView::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    if (m_snapshot && m_snapshot->model)
        m_layer = m_snapshot->layer; // follow the layer the grid shows
    if (isVisible()) {
        showHead(m_layer, m_head);
        return;
    }
    m_stale = true;
    m_diagram = StepDiagram();
    m_canvas->updateSize();
}

void StepView::recomputeIfStale() {
    if (m_stale)
        showHead(m_layer, m_head);
}

void StepView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    recomputeIfStale();
}

void StepView::showHead(int layer, int head) {
    const int layers = !m_snapshot ? 1 : m_snapshot->model ? m_snapshot->model->model.layers() : 1;
    m_layer = std::clamp(layer, 0, layers - 1);
    int heads = 1;
    if (m_snapshot && m_snapshot->model)
        heads = m_snapshot->model->model.blocks[static_cast<std::size_t>(m_layer)].attention.heads;
    else if (m_snapshot && m_snapshot->weights)
        heads = m_snapshot->weights->heads;
    m_head = std::clamp(head, 0, heads - 1);
    m_scaledEntropy = m_unscaledEntropy = kNotMeasured;
    syncSelectors();
    recompute();
}

void StepView::setUnscaled(bool unscaled) {
    if (unscaled == m_unscaled)
        return;
    m_unscaled = unscaled;
    syncSelectors();
    recompute();
}

void StepView::syncSelectors() {
    const QSignalBlocker blockLayer(m_layerBox), blockHead(m_headBox), blockBox(m_unscaledBox);
    int layers = 1, heads = 1;
    if (m_snapshot && m_snapshot->model) {
        layers = m_snapshot->model->model.layers();
        heads = m_snapshot->model->model.blocks[static_cast<std::size_t>(m_layer)].attention.heads;
    } else if (m_snapshot && m_snapshot->weights) {
        heads = m_snapshot->weights->heads;
    }
    m_layerBox->setRange(1, layers);
    m_layerBox->setValue(m_layer + 1);
    m_layerBox->setEnabled(layers > 1);
    m_headBox->setRange(1, heads);
    m_headBox->setValue(m_head + 1);
    m_unscaledBox->setChecked(m_unscaled);
}

namespace {

// Multiply-adds above which the steps are computed on a worker (about 2 ms of Eigen on one core,
// the same limit as AttentionSession's): below it the result is ready before the next frame.
constexpr double kSynchronousStepWork = 4e6;

bool canShowSteps(const SessionSnapshot *snapshot) {
    return snapshot && (snapshot->model || snapshot->weights) &&
           (!snapshot->model || snapshot->run);
}

// The work of one runModel over the snapshot's input (every layer: the steps need the residual
// stream up to the chosen layer, and the run goes on to the end).
double estimatedStepWork(const SessionSnapshot &snapshot) {
    const auto blockWork = [](const AttentionWeights &w, double n) {
        const double d = w.dModel, h = w.heads, dk = w.dk, dv = w.dv;
        return n * d * h * (2 * dk + dv) + n * h * dv * d + n * n * h * (dk + dv);
    };
    if (snapshot.model) {
        const double n = static_cast<double>(snapshot.run->trace.input.rows());
        double work = 0;
        for (const Block &block : snapshot.model->model.blocks) {
            work += blockWork(block.attention, n);
            if (block.mlp)
                work += 2.0 * n * static_cast<double>(block.mlp->fc1.weight.size());
        }
        return work;
    }
    return blockWork(*snapshot.weights, static_cast<double>(snapshot.result.input.rows()));
}

} // namespace

// One request for the steps of (layer, head); the snapshot is immutable, so a worker may read it.
struct StepView::Job {
    quint64 id = 0;
    std::shared_ptr<const SessionSnapshot> snapshot;
    int layer = 0, head = 0;
    bool unscaled = false;
};

struct StepView::Outcome {
    Job job;
    std::optional<HeadSteps> steps;
    double scaledEntropy = kNotMeasured, unscaledEntropy = kNotMeasured;
    QString error;
};

StepView::~StepView() {
    if (m_watcher)
        m_watcher->waitForFinished(); // a worker must not outlive the snapshot it reads
}

// Runs on any thread: reads nothing but the job, and lets no exception out.
StepView::Outcome StepView::compute(const Job &job) {
    Outcome out;
    out.job = job;
    const SessionSnapshot &snapshot = *job.snapshot;
    TraceRequest request;
    request.layer = job.layer;
    request.head = job.head;
    try {
        // The steps are the core's own: the same runModel the window's run used, on its input.
        auto run = [&](bool unscaled) {
            request.unscaled = unscaled;
            if (snapshot.model)
                return runModel(snapshot.model->model, snapshot.run->trace.input, request);
            return runModel(makeModuleModel(*snapshot.weights, snapshot.options.attention.causal),
                            snapshot.result.input, request);
        };
        const bool causal =
            snapshot.model ? snapshot.model->model.spec.causal : snapshot.options.attention.causal;
        Trace trace = run(job.unscaled);
        if (!trace.steps)
            throw InputError("the core kept no steps for this head");
        if (job.unscaled) {
            const Trace scaled = run(false);
            out.scaledEntropy =
                StepDiagram::meanNormalisedEntropy(scaled.steps->probabilities, causal);
            out.unscaledEntropy =
                StepDiagram::meanNormalisedEntropy(trace.steps->probabilities, causal);
        }
        out.steps = std::move(trace.steps);
    } catch (const InputError &e) { // overflow of the weights or inputs: in the window's language
        out.error = translatedError(e);
    } catch (const std::exception &e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

bool StepView::isComputing() const {
    if (!m_watcher)
        return false;
    if (m_watcher->isRunning() || m_pending)
        return true;
    // Finished, but its signal has not arrived yet: not drawn either.
    const QFuture<Outcome> future = m_watcher->future();
    return future.isValid() && future.resultCount() > 0 && future.result().job.id > m_handledId;
}

void StepView::recompute() {
    m_stale = false;
    const quint64 id = ++m_latestId; // any result still running is stale from now on
    if (!canShowSteps(m_snapshot.get())) {
        m_pending.reset();
        m_error.clear();
        m_diagram = StepDiagram();
        m_canvas->updateSize();
        return;
    }
    Job job;
    job.id = id;
    job.snapshot = m_snapshot;
    job.layer = m_layer;
    job.head = m_head;
    job.unscaled = m_unscaled;
    const double work = estimatedStepWork(*m_snapshot) * (m_unscaled ? 2 : 1);
    if (work < kSynchronousStepWork) {
        m_pending.reset();
        apply(compute(job));
        return;
    }
    if (isComputing()) { // the running one finishes, then only the newest request runs
        m_pending = std::make_unique<Job>(std::move(job));
    } else {
        start(std::move(job));
    }
    m_entropyLabel->setText(tr("Computing the steps of head %1…").arg(m_head + 1));
}

void StepView::start(Job job) {
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<Outcome>(this);
        connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &StepView::finished);
    }
    m_watcher->setFuture(QtConcurrent::run([job = std::move(job)] { return compute(job); }));
}

void StepView::finished() {
    const Outcome outcome = m_watcher->result();
    if (outcome.job.id <= m_handledId) // waitForSteps() handled it before its signal came
        return;
    m_handledId = outcome.job.id;
    if (m_pending) {
        Job next = std::move(*m_pending);
        m_pending.reset();
        start(std::move(next));
    }
    if (outcome.job.id == m_latestId)
        apply(outcome);
    // else: a newer request was made while it ran; its result is dropped
}

void StepView::waitForSteps() {
    while (isComputing()) {
        m_watcher->waitForFinished();
        finished();
    }
}

void StepView::apply(const Outcome &outcome) {
    m_error = outcome.error;
    m_scaledEntropy = outcome.scaledEntropy;
    m_unscaledEntropy = outcome.unscaledEntropy;
    if (outcome.steps) {
        const SessionSnapshot &snapshot = *outcome.job.snapshot;
        const Model *model = snapshot.model ? &snapshot.model->model : nullptr;
        const AttentionWeights &weights =
            model ? model->blocks[static_cast<std::size_t>(outcome.job.layer)].attention
                  : *snapshot.weights;
        StepContext context;
        context.tokens = snapshot.tokens;
        context.causal = model ? model->spec.causal : snapshot.options.attention.causal;
        context.layers = model ? model->layers() : 1;
        context.heads = weights.heads;
        context.hasOutProjection = weights.out.has_value();
        context.queryPrescaled = model && model->spec.scaling == QueryScaling::ScaleQuery;
        context.modelName = model ? QString::fromStdString(model->spec.name) : QString();
        context.unscaled = outcome.job.unscaled;
        m_diagram.setSteps(*outcome.steps, context);
    } else {
        m_diagram = StepDiagram();
    }
    if (!m_error.isEmpty())
        m_entropyLabel->setText(tr("Cannot show the steps: %1").arg(m_error));
    else if (!std::isnan(m_unscaledEntropy))
        m_entropyLabel->setText(tr("Normalised entropy of the softmax (1 = uniform, 0 = one key): "
                                   "scaled %1, unscaled %2")
                                    .arg(m_scaledEntropy, 0, 'f', 2)
                                    .arg(m_unscaledEntropy, 0, 'f', 2));
    else
        m_entropyLabel->clear();
    relayout();
}

void StepView::relayout() {
    // Fit the viewport's height (less a horizontal scroll bar's room); the width scrolls.
    m_diagram.layout(std::max(m_scroll->viewport()->height(), 300));
    m_canvas->updateSize();
}

void StepView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    relayout();
}

QString StepView::hoverText() const {
    return m_hoverLabel->property("explanation").toString();
}

void StepView::showHover(const QString &text) {
    if (text.isEmpty())
        return;
    m_hoverLabel->setProperty("explanation", text);
    m_hoverLabel->setText(text);
}

void StepView::renderTo(QPainter &painter) {
    recomputeIfStale();
    waitForSteps(); // a figure is drawn whole, never the previous head's
    m_diagram.paint(painter);
}

QString StepView::save(const QString &path) {
    recomputeIfStale();
    waitForSteps();
    if (m_diagram.isEmpty())
        return tr("there are no steps to save: %1")
            .arg(m_error.isEmpty() ? tr("no result yet") : m_error);
    return savePicture(
        path, m_diagram.size().toSize(), [this](QPainter &painter) { renderTo(painter); },
        tr("attnviz step view"));
}

} // namespace attnviz::ui
