// AttentionSession: the settings, the weights and the latest result that every view shows.
#pragma once

#include <attnviz/analysis/layer_analysis.h>
#include <attnviz/analysis/token_groups.h>
#include <attnviz/attention_weights.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>
#include <attnviz/pipeline.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

template <typename T> class QFutureWatcher;

namespace attnviz::ui {

struct OpenedWeightsFile;

// One finished computation; immutable once published, shared by the views.
struct SessionSnapshot {
    PipelineOptions options;
    PipelineResult result;
    QStringList tokens;
    Eigen::MatrixXf meanAttention;                   // [N × N] mean over heads
    std::optional<AttentionResult> baseline;         // h = 1, dk = dv = d_model, when asked
    std::shared_ptr<const AttentionWeights> weights; // what produced `result`
    double computeMilliseconds = 0;
    // With a model: the model, its whole run (every layer), and the layer `result` shows.
    std::shared_ptr<const LoadedModel> model;
    std::shared_ptr<const ModelRun> run;
    int layer = 0;
    // Every head's metrics and role for `result` (head distances left out: only the similarity
    // panel needs them, and it computes them while shown). Null when the analysis refused the
    // result; analysisError then says why.
    std::shared_ptr<const LayerAnalysis> analysis;
    QString analysisError;
    // Set by groupedSnapshot() (token_view.h) for the views: how tokens are grouped, and how
    // many are left out (rows then sum to less than 1). The session's own snapshot has none.
    TokenViewOptions tokenView;
    int hiddenTokens = 0;
};

// Makes `snapshot` (one with a model run) show `layer` (clamped): its result, weights and mean.
void showLayer(SessionSnapshot &snapshot, int layer);

// Owns the pipeline options and the weights, recomputes when either changes and publishes the
// result with one resultChanged() signal. Small jobs run at once on the calling thread; large
// ones on a worker, where the latest request wins and intermediate ones are skipped. A rejected
// input keeps the previous result and reports errorChanged() with a one-line message.
class AttentionSession : public QObject {
    Q_OBJECT
public:
    explicit AttentionSession(QObject *parent = nullptr);
    ~AttentionSession() override;

    const PipelineOptions &options() const { return m_options; }
    std::shared_ptr<const SessionSnapshot> snapshot() const { return m_snapshot; }
    QString errorText() const { return m_error; }
    bool isBusy() const;
    bool baselineEnabled() const { return m_baselineEnabled; }
    // Where the weights come from: "random" or a file name.
    QString weightsSource() const { return m_weightsSource; }
    bool hasLoadedWeights() const { return m_loadedWeights != nullptr; }

    // Replaces every option at once (validated; a rejected set changes nothing and returns false).
    bool setOptions(const PipelineOptions &options);
    void setSentence(const QString &sentence);
    void setHeads(int heads);
    void setDk(int dk);
    void setDv(int dv);
    void setDModel(int dModel);
    void setSeed(std::uint64_t seed);
    void setCausal(bool causal);
    void setPositional(bool positional);
    void setTokenizerMode(TokenizerMode mode);
    void setSingleHead(bool singleHead);
    void setBaselineEnabled(bool enabled);

    // Uses these weights instead of random ones; sizes then come from them. They must have passed
    // checkConsistent(). useRandomWeights() goes back.
    void useLoadedWeights(std::shared_ptr<const AttentionWeights> weights, const QString &source);
    void useRandomWeights();
    // Uses one attention module of an opened safetensors file (`prefix` picks it when there are
    // several) split into `heads` heads, else the file's __metadata__ num_heads; without either
    // it is refused (PyTorch keeps no head count, and guessing shows wrong heads). Returns the
    // error message on failure, and then nothing has changed.
    QString useWeightsFile(const OpenedWeightsFile &opened,
                           const std::optional<std::string> &prefix = {},
                           std::optional<int> heads = {});
    // openWeightsFile() then useWeightsFile(), on the calling thread.
    QString loadWeightsFile(const QString &path, const std::optional<std::string> &prefix = {},
                            std::optional<int> heads = {});
    // The loaded file, its SHA-256 and module prefix (for sessions).
    QString weightsPath() const { return m_weightsPath; }
    QString weightsSha256() const { return m_weightsSha256; }
    std::optional<std::string> weightsPrefix() const { return m_weightsPrefix; }
    // Head counts that divide the loaded projections (empty with random weights).
    QList<int> allowedHeadCounts() const;

    // Runs a whole model (built-in or a folder) instead of the seed's module: sizes, causal mask
    // and tokens are the model's; the grid shows one layer. useRandomWeights() goes back.
    void useModel(std::shared_ptr<const LoadedModel> model, const QString &source);
    bool hasModel() const { return m_model != nullptr; }
    std::shared_ptr<const LoadedModel> model() const { return m_model; }
    // The built-in model's name or the folder's path.
    QString modelSource() const { return m_modelSource; }
    // The layer the grid shows (0-based); with a finished run this needs no recomputation.
    void setLayer(int layer);
    int layer() const { return m_layer; }

    // Blocks until no computation is running (for tests, export and shutdown).
    void waitForIdle();
    // After a language change: computes again when a message is shown, so that it is written in
    // the new language (results and options are unchanged).
    void retranslateError();

signals:
    void optionsChanged();
    void resultChanged();
    void errorChanged(const QString &message);

private:
    struct Job;
    struct JobResult;
    void requestCompute();
    void startJob(Job job);
    void finishJob(JobResult result);
    void setError(const QString &message);
    Job makeJob() const;
    // Applies a change to a copy of the options and commits it through setOptions().
    template <typename Change> void changeOptions(Change &&change) {
        PipelineOptions next = m_options;
        change(next);
        setOptions(next);
    }

    PipelineOptions m_options;
    bool m_baselineEnabled = false;
    std::shared_ptr<const AttentionWeights> m_loadedWeights;
    QString m_weightsSource = QStringLiteral("random");
    QString m_weightsPath, m_weightsSha256;
    std::optional<std::string> m_weightsPrefix;
    std::shared_ptr<const LoadedModel> m_model;
    QString m_modelSource;
    int m_layer = 0;
    std::shared_ptr<const AttentionWeights> m_cachedRandomWeights;
    std::uint64_t m_cachedWeightsSeed = 0;
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QString m_error;
    QFutureWatcher<JobResult> *m_watcher = nullptr;
    bool m_pendingRequest = false;
    quint64 m_lastJobId = 0;      // ids of started jobs, increasing
    quint64 m_lastFinishedId = 0; // a result with an id at or below this was already handled
};

} // namespace attnviz::ui
