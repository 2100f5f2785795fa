#include "step_view.h"

#include "attention_session.h"
#include "picture_file.h"
#include "retranslator.h"
#include "translated_error.h"

#include <attnviz/error.h>
#include <attnviz/model/model.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

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

StepView::~StepView() = default;

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

void StepView::recompute() {
    m_stale = false;
    m_error.clear();
    if (!m_snapshot || (!m_snapshot->model && !m_snapshot->weights) ||
        (m_snapshot->model && !m_snapshot->run)) {
        m_diagram = StepDiagram();
        m_canvas->updateSize();
        return;
    }
    TraceRequest request;
    request.layer = m_layer;
    request.head = m_head;
    StepContext context;
    context.tokens = m_snapshot->tokens;
    try {
        // The steps are the core's own: the same runModel the window's run used, on its input.
        auto run = [&](bool unscaled) {
            request.unscaled = unscaled;
            if (m_snapshot->model)
                return runModel(m_snapshot->model->model, m_snapshot->run->trace.input, request);
            return runModel(
                makeModuleModel(*m_snapshot->weights, m_snapshot->options.attention.causal),
                m_snapshot->result.input, request);
        };
        const Model *model = m_snapshot->model ? &m_snapshot->model->model : nullptr;
        context.causal = model ? model->spec.causal : m_snapshot->options.attention.causal;
        context.layers = model ? model->layers() : 1;
        const AttentionWeights &weights =
            model ? model->blocks[static_cast<std::size_t>(m_layer)].attention
                  : *m_snapshot->weights;
        context.heads = weights.heads;
        context.hasOutProjection = weights.out.has_value();
        context.queryPrescaled = model && model->spec.scaling == QueryScaling::ScaleQuery;
        context.modelName = model ? QString::fromStdString(model->spec.name) : QString();
        context.unscaled = m_unscaled;
        const Trace trace = run(m_unscaled);
        if (!trace.steps)
            throw InputError("the core kept no steps for this head");
        m_diagram.setSteps(*trace.steps, context);
        if (m_unscaled) {
            const Trace scaled = run(false);
            m_scaledEntropy =
                StepDiagram::meanNormalisedEntropy(scaled.steps->probabilities, context.causal);
            m_unscaledEntropy =
                StepDiagram::meanNormalisedEntropy(trace.steps->probabilities, context.causal);
        }
    } catch (const InputError &e) { // overflow of the weights or inputs: in the window's language
        m_error = translatedError(e);
        m_diagram = StepDiagram();
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
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
    m_diagram.paint(painter);
}

QString StepView::save(const QString &path) {
    recomputeIfStale();
    if (m_diagram.isEmpty())
        return tr("there are no steps to save: %1")
            .arg(m_error.isEmpty() ? tr("no result yet") : m_error);
    return savePicture(
        path, m_diagram.size().toSize(), [this](QPainter &painter) { renderTo(painter); },
        tr("attnviz step view"));
}

} // namespace attnviz::ui
