#include "attention_session.h"

#include <QCoreApplication>
#include <attnviz/error.h>
#include <attnviz/loaders/load_model.h>
#include <attnviz/ops.h>
#include <attnviz/weights_file.h>

#include "file_load_worker.h"
#include "session_file.h"
#include "translated_error.h"

#include <QFileInfo>

#include <algorithm>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct SessionText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::AttentionSession)
};
} // namespace

namespace {

// Multiply-adds above which a job goes to a worker thread (about 2 ms of Eigen on one core);
// below it the result is ready before the next frame, and the GUI thread is the simpler place.
constexpr double kSynchronousWorkLimit = 4e6;
// Multiply-adds below which a job keeps to one compute thread (about 5 ms on one core): a second
// thread would save a couple of milliseconds, but on a two-core machine it waits for the core the
// GUI thread paints on (bench_head_grid at N = 128, 16 heads: p95 50 ms on two threads, 11 on one).
constexpr double kSharedWorkLimit = 2e8;

double estimatedWork(const AttentionConfig &c, std::size_t tokens, bool makeWeights) {
    const double n = static_cast<double>(tokens), h = c.heads, dk = c.dk, dv = c.dv, d = c.dModel;
    const double projections = n * d * h * (2 * dk + dv) + n * h * dv * d;
    const double attention = n * n * h * (dk + dv);
    const double weights = makeWeights ? 8.0 * d * h * (2 * dk + 2 * dv) : 0.0; // hashing cost
    return projections + attention + weights;
}

bool sameSizes(const AttentionWeights &w, const AttentionConfig &c) {
    AttentionConfig have = w.config();
    have.causal = c.causal;
    return have == c;
}

std::size_t countTokens(const PipelineOptions &options) {
    try {
        return tokenize(options.sentence, options.tokenizer).size();
    } catch (const InputError &) {
        return 0; // the job itself reports the error, at once
    }
}

AttentionConfig baselineConfig(const AttentionConfig &c) {
    AttentionConfig b;
    b.dModel = c.dModel;
    b.heads = 1;
    b.dk = c.dModel;
    b.dv = c.dModel;
    b.causal = c.causal;
    return b;
}

} // namespace

struct AttentionSession::Job {
    quint64 id = 0;
    PipelineOptions options;
    std::shared_ptr<const AttentionWeights> weights; // null: make random weights from the seed
    std::uint64_t weightsSeed = 0;
    bool baseline = false;
    std::shared_ptr<const LoadedModel> model; // set: run the whole model instead
    int layer = 0;
    double work = 0; // estimated multiply-adds
};

struct AttentionSession::JobResult {
    quint64 id = 0;
    std::shared_ptr<const SessionSnapshot> snapshot;
    std::shared_ptr<const AttentionWeights> randomWeights; // to cache, when made by the job
    std::uint64_t weightsSeed = 0;
    QString error;
};

namespace {

double estimatedModelWork(const Model &model, std::size_t tokens) {
    double work = 0;
    for (const Block &block : model.blocks) {
        AttentionConfig c = block.attention.config();
        work += estimatedWork(c, tokens, false);
        if (block.mlp)
            work += 2.0 * static_cast<double>(tokens) *
                    static_cast<double>(block.mlp->fc1.weight.size());
    }
    return work;
}

// The metrics and roles of the heads the snapshot shows: cheap next to the forward
// (docs/metrics.md: 70 µs for 16 heads at N = 32), so every result carries them for the badges and
// the table.
void analyseShownHeads(SessionSnapshot &snapshot) {
    snapshot.analysis.reset();
    snapshot.analysisError.clear();
    try {
        if (snapshot.weights && !snapshot.result.attention.heads.empty())
            snapshot.analysis = std::make_shared<const LayerAnalysis>(
                analyseLayer(snapshot.result.attention, *snapshot.weights,
                             describeTokens(snapshot.result.tokens),
                             snapshot.options.attention.causal, HeadDistances::Skip));
    } catch (const InputError &failure) {
        snapshot.analysisError = translatedError(failure);
    }
}

} // namespace

// The result of one layer of a model run, in the shape the views read.
void showLayer(SessionSnapshot &snapshot, int layer) {
    const ModelRun &run = *snapshot.run;
    snapshot.layer = std::clamp(layer, 0, static_cast<int>(run.trace.layers.size()) - 1);
    const LayerTrace &trace = run.trace.layers[static_cast<std::size_t>(snapshot.layer)];
    snapshot.result.attention = trace.attention;
    snapshot.result.input = trace.input;
    snapshot.weights = std::shared_ptr<const AttentionWeights>(
        snapshot.model,
        &snapshot.model->model.blocks[static_cast<std::size_t>(snapshot.layer)].attention);
    const auto &heads = snapshot.result.attention.heads;
    snapshot.meanAttention = heads.front().weights;
    for (std::size_t h = 1; h < heads.size(); ++h)
        snapshot.meanAttention += heads[h].weights;
    snapshot.meanAttention /= static_cast<float>(heads.size());
    analyseShownHeads(snapshot);
}

namespace {

std::shared_ptr<SessionSnapshot> runModelJob(const PipelineOptions &options,
                                             std::shared_ptr<const LoadedModel> model, int layer) {
    auto snapshot = std::make_shared<SessionSnapshot>();
    snapshot->options = options;
    ModelRunLimits limits;
    limits.maxTokens = options.tokenizer.maxTokens;
    TraceRequest request;
    request.layer = layer;
    auto run = std::make_shared<ModelRun>(
        runModelOnSentence(model->model, options.sentence, limits, request));
    for (const EncodedToken &t : run->tokens) {
        snapshot->result.tokens.push_back({t.display, t.byteBegin});
        // A word the vocabulary lacks shows as the sentence wrote it, marked "?": the model saw
        // only its unknown token ([UNK], <unk>).
        const bool spanned = t.byteEnd > t.byteBegin && t.byteEnd <= options.sentence.size();
        const QString text = QString::fromStdString(
            t.unknown && spanned ? options.sentence.substr(t.byteBegin, t.byteEnd - t.byteBegin)
                                 : t.display);
        snapshot->tokens << (t.unknown ? text + QStringLiteral("?") : text);
    }
    snapshot->result.outOfVocabulary = run->outOfVocabulary;
    snapshot->model = std::move(model);
    snapshot->run = std::move(run);
    showLayer(*snapshot, layer);
    return snapshot;
}

// Runs on any thread: touches nothing but its arguments.
template <typename Job, typename JobResult> JobResult runJob(const Job &job) {
    const ops::ThisThreadComputeLimit threads(job.work < kSharedWorkLimit ? 1 : 0);
    JobResult out;
    out.id = job.id;
    try {
        QElapsedTimer timer;
        timer.start();
        if (job.model) {
            auto snapshot = runModelJob(job.options, job.model, job.layer);
            snapshot->computeMilliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            out.snapshot = std::move(snapshot);
            return out;
        }
        std::shared_ptr<const AttentionWeights> weights = job.weights;
        if (!weights) {
            weights = std::make_shared<const AttentionWeights>(
                makeRandomWeights(job.options.attention, job.options.seed));
            out.randomWeights = weights;
            out.weightsSeed = job.options.seed;
        }
        auto snapshot = std::make_shared<SessionSnapshot>();
        snapshot->options = job.options;
        snapshot->result = runPipeline(job.options, *weights);
        snapshot->weights = weights;
        for (const Token &t : snapshot->result.tokens)
            snapshot->tokens << QString::fromStdString(t.text);
        const auto &heads = snapshot->result.attention.heads;
        snapshot->meanAttention = heads.front().weights;
        for (std::size_t h = 1; h < heads.size(); ++h)
            snapshot->meanAttention += heads[h].weights;
        snapshot->meanAttention /= static_cast<float>(heads.size());
        if (job.baseline) {
            const AttentionConfig b = baselineConfig(job.options.attention);
            validate(b, snapshot->result.tokens.size());
            snapshot->baseline = attentionForward(snapshot->result.input,
                                                  makeRandomWeights(b, job.options.seed), b.causal);
        }
        analyseShownHeads(*snapshot);
        snapshot->computeMilliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        out.snapshot = std::move(snapshot);
    } catch (const InputError &e) {
        out.error = translatedError(e);
    } catch (const std::bad_alloc &) {
        out.error = SessionText::tr("out of memory; lower the sizes or shorten the sentence");
    }
    return out;
}

} // namespace

AttentionSession::AttentionSession(QObject *parent)
    : QObject(parent) {}

AttentionSession::~AttentionSession() {
    if (m_watcher)
        m_watcher->waitForFinished(); // a worker must not outlive what it reports to
}

bool AttentionSession::isBusy() const {
    return m_watcher && m_watcher->isRunning();
}

AttentionSession::Job AttentionSession::makeJob() const {
    Job job;
    job.options = m_options;
    job.baseline = m_baselineEnabled && !m_model;
    job.model = m_model;
    job.layer = m_layer;
    if (m_loadedWeights) {
        job.weights = m_loadedWeights;
    } else if (m_cachedRandomWeights && m_cachedWeightsSeed == m_options.seed &&
               sameSizes(*m_cachedRandomWeights, m_options.attention)) {
        job.weights = m_cachedRandomWeights;
    }
    return job;
}

void AttentionSession::retranslateError() {
    if (!m_error.isEmpty())
        requestCompute();
}

void AttentionSession::requestCompute() {
    if (isBusy()) { // the running job finishes, then only the newest request runs
        m_pendingRequest = true;
        return;
    }
    startJob(makeJob());
}

void AttentionSession::startJob(Job job) {
    m_pendingRequest = false;
    job.id = ++m_lastJobId;
    job.work = job.model
                   ? estimatedModelWork(job.model->model, countTokens(job.options))
                   : estimatedWork(job.options.attention, countTokens(job.options), !job.weights);
    if (job.work < kSynchronousWorkLimit) {
        finishJob(runJob<Job, JobResult>(job));
        return;
    }
    if (!m_watcher) {
        m_watcher = new QFutureWatcher<JobResult>(this);
        connect(m_watcher, &QFutureWatcher<JobResult>::finished, this,
                [this] { finishJob(m_watcher->result()); });
    }
    m_watcher->setFuture(QtConcurrent::run([job] { return runJob<Job, JobResult>(job); }));
}

void AttentionSession::finishJob(JobResult result) {
    if (result.id <= m_lastFinishedId)
        return;
    m_lastFinishedId = result.id;
    if (result.randomWeights) {
        m_cachedRandomWeights = result.randomWeights;
        m_cachedWeightsSeed = result.weightsSeed;
    }
    if (m_pendingRequest) { // a newer request is waiting: this result is already stale
        startJob(makeJob());
        return;
    }
    if (!result.error.isEmpty()) {
        setError(result.error);
        return;
    }
    m_snapshot = std::move(result.snapshot);
    setError({});
    emit resultChanged();
}

void AttentionSession::setError(const QString &message) {
    if (message == m_error)
        return;
    m_error = message;
    emit errorChanged(m_error);
}

void AttentionSession::waitForIdle() {
    while (m_watcher && (m_watcher->isRunning() || m_pendingRequest)) {
        m_watcher->waitForFinished();
        finishJob(m_watcher->result());
    }
}

bool AttentionSession::setOptions(const PipelineOptions &options) {
    try {
        validate(options.attention, 0);
    } catch (const InputError &e) {
        setError(translatedError(e));
        return false;
    }
    m_options = options;
    emit optionsChanged();
    requestCompute();
    return true;
}

void AttentionSession::setHeads(int heads) {
    if (m_loadedWeights) { // the same projections, split into a different number of heads
        try {
            useLoadedWeights(
                std::make_shared<const AttentionWeights>(resplitHeads(*m_loadedWeights, heads)),
                m_weightsSource);
        } catch (const InputError &e) {
            setError(translatedError(e));
        }
        return;
    }
    changeOptions([=](PipelineOptions &o) { o.attention.heads = heads; });
}

QList<int> AttentionSession::allowedHeadCounts() const {
    if (!m_loadedWeights)
        return {};
    if (!m_loadedWeights->out) // one head, no output projection: nothing to split
        return {1};
    QList<int> counts;
    for (int h :
         headCountDivisors(m_loadedWeights->q.outFeatures(), m_loadedWeights->v.outFeatures()))
        counts << h;
    return counts;
}

QString AttentionSession::useWeightsFile(const OpenedWeightsFile &opened,
                                         const std::optional<std::string> &prefix,
                                         std::optional<int> heads) {
    try {
        // The window's heads were chosen by its user from the divisors: they win over num_heads.
        LoadedWeights loaded =
            loadWeightsModule(*opened.file, prefix, heads, HeadCountAnswer::AskedWins);
        useLoadedWeights(std::make_shared<const AttentionWeights>(std::move(loaded.weights)),
                         QFileInfo(opened.path).fileName());
        m_weightsPath = opened.path;
        m_weightsSha256 = opened.sha256;
        m_weightsPrefix =
            loaded.module.prefix.empty() ? std::nullopt : std::optional(loaded.module.prefix);
        return {};
    } catch (const InputError &e) {
        return translatedError(e);
    } catch (const std::bad_alloc &) {
        return tr("'%1' is too large to load").arg(opened.path);
    }
}

QString AttentionSession::loadWeightsFile(const QString &path,
                                          const std::optional<std::string> &prefix,
                                          std::optional<int> heads) {
    try {
        return useWeightsFile(openWeightsFile(path), prefix, heads);
    } catch (const InputError &e) {
        return translatedError(e);
    } catch (const std::bad_alloc &) {
        return tr("'%1' is too large to load").arg(path);
    }
}

void AttentionSession::setDk(int dk) {
    changeOptions([=](PipelineOptions &o) { o.attention.dk = dk; });
}
void AttentionSession::setDv(int dv) {
    changeOptions([=](PipelineOptions &o) { o.attention.dv = dv; });
}
void AttentionSession::setDModel(int dModel) {
    changeOptions([=](PipelineOptions &o) { o.attention.dModel = dModel; });
}
void AttentionSession::setSeed(std::uint64_t seed) {
    changeOptions([=](PipelineOptions &o) { o.seed = seed; });
}
void AttentionSession::setCausal(bool causal) {
    changeOptions([=](PipelineOptions &o) { o.attention.causal = causal; });
}
void AttentionSession::setPositional(bool positional) {
    changeOptions([=](PipelineOptions &o) { o.positional = positional; });
}
void AttentionSession::setTokenizerMode(TokenizerMode mode) {
    changeOptions([=](PipelineOptions &o) { o.tokenizer.mode = mode; });
}

void AttentionSession::setSentence(const QString &sentence) {
    changeOptions([&](PipelineOptions &o) { o.sentence = sentence.toStdString(); });
}

void AttentionSession::setSingleHead(bool singleHead) {
    changeOptions([=](PipelineOptions &o) {
        o.attention.singleHead = singleHead;
        if (singleHead)
            o.attention.heads = 1;
    });
}

void AttentionSession::setBaselineEnabled(bool enabled) {
    if (enabled == m_baselineEnabled)
        return;
    m_baselineEnabled = enabled;
    requestCompute();
}

void AttentionSession::useLoadedWeights(std::shared_ptr<const AttentionWeights> weights,
                                        const QString &source) {
    PipelineOptions next = m_options;
    const bool causal = next.attention.causal;
    next.attention = weights->config();
    next.attention.causal = causal;
    m_model.reset();
    m_modelSource.clear();
    m_layer = 0;
    m_loadedWeights = std::move(weights);
    m_weightsSource = source;
    m_options = next;
    emit optionsChanged();
    requestCompute();
}

void AttentionSession::useModel(std::shared_ptr<const LoadedModel> model, const QString &source) {
    PipelineOptions next = m_options;
    next.attention = model->model.blocks.front().attention.config();
    next.attention.causal = model->model.spec.causal;
    m_loadedWeights.reset();
    m_weightsPath.clear();
    m_weightsSha256.clear();
    m_weightsPrefix.reset();
    m_weightsSource = QString::fromStdString(model->model.spec.name);
    m_layer = std::min(m_layer, model->model.layers() - 1);
    m_model = std::move(model);
    m_modelSource = source;
    m_options = next;
    emit optionsChanged();
    requestCompute();
}

void AttentionSession::setLayer(int layer) {
    if (!m_model || layer < 0 || layer >= m_model->model.layers() || layer == m_layer)
        return;
    m_layer = layer;
    if (m_snapshot && m_snapshot->run && m_snapshot->model == m_model && !isBusy()) {
        auto next = std::make_shared<SessionSnapshot>(*m_snapshot);
        showLayer(*next, layer);
        m_snapshot = std::move(next);
        emit optionsChanged();
        emit resultChanged();
        return;
    }
    emit optionsChanged();
    requestCompute();
}

void AttentionSession::useRandomWeights() {
    m_model.reset();
    m_modelSource.clear();
    m_layer = 0;
    m_loadedWeights.reset();
    m_weightsPath.clear();
    m_weightsSha256.clear();
    m_weightsPrefix.reset();
    m_weightsSource = QStringLiteral("random");
    emit optionsChanged();
    requestCompute();
}

} // namespace attnviz::ui
