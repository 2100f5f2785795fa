#include "document_controller.h"

#include "attention_session.h"
#include "file_load_worker.h"
#include "model_loader.h"
#include "translated_error.h"

#include <attnviz/error.h>
#include <attnviz/weights_file.h>

#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>

#include <utility>

namespace attnviz::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentSessions");
const QString kLastStateKey = QStringLiteral("lastState");
} // namespace

DocumentController::DocumentController(AttentionSession *session,
                                       std::vector<BuiltinModelInfo> builtins, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_builtins(std::move(builtins))
    , m_loader(new FileLoadWorker(this))
    , m_modelLoader(new ModelLoader(this)) {
    connect(m_loader, &FileLoadWorker::weightsLoaded, this,
            [this](const OpenedWeightsFile &opened) { applyWeights(opened, false); });
    connect(m_loader, &FileLoadWorker::weightsFailed, this, &DocumentController::weightsFailed);
    connect(m_loader, &FileLoadWorker::sessionLoaded, this,
            [this](const OpenedSession &opened) { applySession(opened, false, nullptr); });
    connect(m_loader, &FileLoadWorker::sessionFailed, this,
            [this](const QString &, const QString &message) { emit sessionFailed(message); });
    // The last state: applied whole once its weights are read; if they moved away, a fresh start.
    connect(m_loader, &FileLoadWorker::documentLoaded, this, [this](const OpenedSession &opened) {
        if (std::exchange(m_lastStatePending, false)) // not when the user got there first
            restoreDocument(opened.document, opened.weights);
    });
    connect(m_loader, &FileLoadWorker::documentFailed, this,
            [this] { m_lastStatePending = false; });
    connect(m_modelLoader, &ModelLoader::loaded, this, &DocumentController::useLoadedModel);
    connect(m_modelLoader, &ModelLoader::failed, this,
            [this](const QString &message, const QString &folder) {
                m_pendingLayer = 0; // asked for the model that failed
                if (!m_quietModelErrors)
                    emit modelFailed(tr("%1 cannot be used: %2").arg(folder, message));
            });
    connect(m_modelLoader, &ModelLoader::cancelled, this, [this] {
        m_pendingLayer = 0;
        emit notice(tr("Loading cancelled; the model shown stays."), 4000);
    });
    connect(m_session, &AttentionSession::optionsChanged, this, &DocumentController::markModified);
}

void DocumentController::setModified(bool modified) {
    if (!modified) // a clean document: the model it is waiting for is part of it, not an edit
        m_loadIsEdit = false;
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void DocumentController::markModified() {
    if (m_applying)
        return;
    abandonLastState(); // an edit wins over a last state still loading
    setModified(true);
}

void DocumentController::setSessionPath(const QString &path) {
    m_sessionPath = path;
    emit sessionPathChanged(path);
    setModified(false);
}

SessionDocument DocumentController::currentDocument() const {
    SessionDocument d;
    d.options = m_session->options();
    d.options.embeddings.reset();
    const DocumentViewState view = m_viewState ? m_viewState() : DocumentViewState{};
    d.style = view.style;
    d.meanPanel = view.meanPanel;
    d.baselinePanel = m_session->baselineEnabled();
    d.lockSizes = view.lockSizes;
    d.tokenView = view.tokenView;
    if (m_session->hasLoadedWeights()) {
        d.weightsPath = m_session->weightsPath();
        d.weightsSha256 = m_session->weightsSha256();
        d.weightsPrefix = m_session->weightsPrefix();
    }
    if (m_session->hasModel()) {
        d.modelSource = m_session->modelSource();
        d.modelLayer = m_session->layer();
        d.modelFiles = m_modelLoader->fileDigests(
            QString::fromStdString(m_session->model()->folder)); // hashed after the load
    }
    return d;
}

QString DocumentController::applyDocument(const SessionDocument &d,
                                          const std::optional<OpenedWeightsFile> &weights) {
    // Weights first: the only step that can still fail, and it changes nothing if it does.
    if (!d.weightsPath.isEmpty()) {
        if (!weights)
            return tr("the session's weights file '%1' was not read").arg(d.weightsPath);
        const int heads = d.options.attention.heads;
        const bool singleModule = weights->modules.size() == 1;
        if (singleModule &&
            weights->modules.front().convention == WeightsConvention::SeedSelfAttention &&
            heads != 1)
            return tr("'weights.heads' is %1, but '%2' holds a single-head Self_Attention module")
                .arg(heads)
                .arg(QFileInfo(d.weightsPath).fileName());
        const QString error = m_session->useWeightsFile(*weights, d.weightsPrefix, heads);
        if (!error.isEmpty())
            return error;
    } else if (m_session->hasLoadedWeights() || m_session->hasModel()) {
        m_session->useRandomWeights();
    }
    m_applying = true;
    PipelineOptions options = d.options;
    if (m_session->hasLoadedWeights()) { // sizes are the weights'; the heads were set on loading
        options.attention = m_session->options().attention;
        options.attention.causal = d.options.attention.causal;
    }
    m_session->setOptions(options);
    emit viewStateApplied(
        DocumentViewState{d.style, d.meanPanel, d.baselinePanel, d.lockSizes, d.tokenView},
        QString::fromStdString(d.options.sentence));
    m_applying = false;
    if (!d.modelSource.isEmpty()) // loads beside the event loop; the layer follows it
        openModel(d.modelSource, true, d.modelLayer);
    return {};
}

bool DocumentController::openSession(const QString &path, bool quiet, QString *error) {
    abandonLastState();
    try {
        return applySession(openSessionFile(path), quiet, error);
    } catch (const InputError &e) {
        const QString message = translatedError(e);
        if (error)
            *error = message;
        if (!quiet)
            emit sessionFailed(message);
        return false;
    }
}

void DocumentController::openSessionInBackground(const QString &path) {
    abandonLastState();
    m_loader->loadSession(path);
}

bool DocumentController::applySession(const OpenedSession &opened, bool quiet, QString *error) {
    QString message;
    try {
        message = applyDocument(opened.document, opened.weights);
    } catch (const InputError &e) {
        message = translatedError(e);
    }
    if (error)
        *error = message;
    if (!message.isEmpty()) {
        if (!quiet)
            emit sessionFailed(message);
        return false;
    }
    setSessionPath(opened.path);
    rememberRecent(opened.path);
    if (!opened.warnings.isEmpty())
        emit sessionWarnings(opened.warnings, quiet);
    return true;
}

bool DocumentController::saveSessionTo(const QString &path, bool quiet, QString *error) {
    abandonLastState(); // the file saved is what is shown; nothing may replace it unasked
    try {
        ui::saveSession(path, currentDocument(), m_sessionWriter);
    } catch (const InputError &e) {
        if (error)
            *error = translatedError(e);
        if (!quiet)
            emit saveFailed(translatedError(e));
        return false;
    }
    setSessionPath(path);
    rememberRecent(path);
    emit notice(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool DocumentController::openWeights(const QString &path, bool quiet) {
    abandonLastState();
    try {
        return applyWeights(openWeightsFile(path), quiet);
    } catch (const InputError &e) {
        if (!quiet)
            emit weightsFailed(path, translatedError(e));
        return false;
    }
}

void DocumentController::openWeightsInBackground(const QString &path) {
    abandonLastState();
    m_loader->loadWeights(path);
}

bool DocumentController::applyWeights(const OpenedWeightsFile &opened, bool quiet) {
    const auto choice =
        chooseWeightsUse(quiet ? nullptr : m_answers, opened, m_session->options().attention.heads);
    if (!choice)
        return false; // cancelled (or, quiet, a head count nobody could give): nothing changes
    const QString error = m_session->useWeightsFile(opened, choice->prefix, choice->heads);
    if (error.isEmpty())
        return true;
    if (!quiet)
        emit weightsFailed(opened.path, error);
    return false;
}

bool DocumentController::openModel(const QString &nameOrFolder, bool quiet, int layer) {
    abandonLastState();
    m_quietModelErrors = quiet;
    m_loadIsEdit = true; // until a document or the command line says it is theirs (setModified)
    for (const BuiltinModelInfo &info : m_builtins)
        if (QString::fromStdString(info.name) == nameOrFolder) {
            m_pendingLayer = layer;
            m_modelLoader->load(QString::fromStdString(info.folder), nameOrFolder);
            return true;
        }
    if (!QFileInfo(nameOrFolder).isDir()) {
        if (!quiet)
            emit modelFailed(
                tr("%1 is neither a built-in model nor a model folder.").arg(nameOrFolder));
        return false;
    }
    m_pendingLayer = layer;
    m_modelLoader->load(nameOrFolder, QFileInfo(nameOrFolder).absoluteFilePath());
    return true;
}

void DocumentController::useLoadedModel(std::shared_ptr<const LoadedModel> model,
                                        const QString &source) {
    const int layers = model->model.layers();
    const int layer = m_pendingLayer;
    m_pendingLayer = 0;
    m_applying = !m_loadIsEdit;
    m_session->useModel(std::move(model), source);
    if (layer >= layers) {
        if (!m_quietModelErrors)
            emit modelFailed(tr("There is no layer %1 in this model; its layers are 1 to %2. "
                                "Layer 1 is shown.")
                                 .arg(layer + 1)
                                 .arg(layers));
    } else if (layer > 0) { // a session's layer, once its model is there
        m_session->setLayer(layer);
    }
    m_applying = false;
}

QStringList DocumentController::recentSessions() {
    return QSettings().value(kRecentKey).toStringList();
}

void DocumentController::rememberRecent(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(kRecentKey, QStringList(recent.mid(0, kMaxRecent)));
}

void DocumentController::restoreLastState(const QString &firstStartModel) {
    const QByteArray saved = QSettings().value(kLastStateKey).toByteArray();
    const QJsonDocument json = QJsonDocument::fromJson(saved);
    if (!json.isObject()) { // a first start: open on a trained model, whose heads specialise
        if (!firstStartModel.isEmpty())
            openModel(firstStartModel, true);
        return;
    }
    SessionDocument document;
    try {
        document = fromJson(json.object());
    } catch (const InputError &) {
        return; // a state from another version: ignore it
    }
    // Its weights file is read and hashed off the GUI thread, so a large one does not hold up
    // the first window; a document without one is applied at once.
    if (document.weightsPath.isEmpty()) {
        restoreDocument(document, std::nullopt);
    } else {
        m_lastStatePending = true;
        m_loader->loadDocument(document);
    }
}

void DocumentController::restoreDocument(const SessionDocument &document,
                                         const std::optional<OpenedWeightsFile> &weights) {
    try {
        if (applyDocument(document, weights).isEmpty())
            setModified(false);
    } catch (const InputError &) {
        // A state the weights no longer fit: a fresh start, not a half-restored one.
    }
}

void DocumentController::saveLastState() const {
    if (m_lastStatePending)
        return; // closed before the last state arrived: the stored one is still the user's
    QSettings().setValue(kLastStateKey, QJsonDocument(toJson(currentDocument())).toJson());
}

void DocumentController::abandonLastState() {
    if (std::exchange(m_lastStatePending, false))
        m_loader->abandon(); // its result is dropped, and the loading indicator goes
}

} // namespace attnviz::ui
