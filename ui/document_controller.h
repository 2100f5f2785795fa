// DocumentController: the document behind the window, without widgets. It owns the session file
// (path, modified state, open and save), applies a document completely or not at all, keeps the
// recent sessions and the last state (QSettings), and opens weights files and models. It reports
// through signals (errors as text) and asks its questions through WeightsAnswers; MainWindow
// answers with dialogs, tests with fixed answers.
#pragma once

#include "session_file.h"
#include "weights_questions.h"

#include <attnviz/model/builtin_models.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace attnviz::ui {

class AttentionSession;
class FileLoadWorker;
class ModelLoader;
struct OpenedSession;
struct OpenedWeightsFile;

// The part of a document the view owns (the control panel's state).
struct DocumentViewState {
    HeatmapStyle style;
    bool meanPanel = false;
    bool baselinePanel = false;
    bool lockSizes = false;
    TokenViewOptions tokenView;
};

class DocumentController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 8;

    DocumentController(AttentionSession *session, std::vector<BuiltinModelInfo> builtins,
                       QObject *parent = nullptr);

    // Who answers "which module?" and "how many heads?"; nullptr (the default) asks nothing,
    // as `quiet` does.
    void setAnswers(WeightsAnswers *answers) { m_answers = answers; }
    // How the view's state is read for a saved document (default: a default view).
    void setViewStateSource(std::function<DocumentViewState()> source) {
        m_viewState = std::move(source);
    }
    // How sessions are written (tests pass one that fails like a full disk).
    void setSessionWriter(SessionWriter writer) { m_sessionWriter = std::move(writer); }

    QString sessionPath() const { return m_sessionPath; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    // An edit: marks the document modified, except while a document is being applied.
    void markModified();

    SessionDocument currentDocument() const;
    // Sessions (.attnviz): applied completely or, on failure, not at all; `quiet` reports a
    // failure only through the return value and `error`, else through sessionFailed too.
    bool openSession(const QString &path, bool quiet = false, QString *error = nullptr);
    void openSessionInBackground(const QString &path);
    // On failure the `*` stays and the previous file is intact.
    bool saveSessionTo(const QString &path, bool quiet = false, QString *error = nullptr);

    // Reads on the calling thread, then asks (unless `quiet`) and applies; false when refused or
    // cancelled, and nothing changes then.
    bool openWeights(const QString &path, bool quiet = false);
    void openWeightsInBackground(const QString &path);

    // A built-in model's name or a model folder, loaded off the GUI thread; `layer` (0-based) is
    // shown once it has loaded. False for an unknown name.
    bool openModel(const QString &nameOrFolder, bool quiet = false, int layer = 0);
    // The layer shown when the model being loaded arrives (a session's, or --layer's).
    void showLayerWhenLoaded(int layer) { m_pendingLayer = layer; }
    const std::vector<BuiltinModelInfo> &builtins() const { return m_builtins; }

    // Newest first, at most kMaxRecent absolute paths.
    static QStringList recentSessions();
    // The last run's state, or on a first start `firstStartModel` (when not empty). A state with
    // a weights file is applied once the file is read off the GUI thread (unless the user opens
    // something first); a file that moved away leaves a fresh start.
    void restoreLastState(const QString &firstStartModel = {});
    void saveLastState() const;

    FileLoadWorker *fileLoader() const { return m_loader; }
    ModelLoader *modelLoader() const { return m_modelLoader; }

signals:
    void sessionPathChanged(const QString &path);
    void modifiedChanged(bool modified);
    // A document's view and sentence, for the window's controls (while this is emitted, their
    // changes are not edits).
    void viewStateApplied(const attnviz::ui::DocumentViewState &state, const QString &sentence);
    // Failures the user should see (never for `quiet` requests); nothing has changed.
    void sessionFailed(const QString &message);
    void saveFailed(const QString &message);
    void weightsFailed(const QString &path, const QString &message);
    void modelFailed(const QString &message);
    // A session opened with warnings (weights changed since it was saved); `quiet` when asked so.
    void sessionWarnings(const QStringList &warnings, bool quiet);
    // A passing note for the status bar.
    void notice(const QString &text, int milliseconds);

private:
    void setSessionPath(const QString &path);
    static void rememberRecent(const QString &path);
    QString applyDocument(const SessionDocument &document,
                          const std::optional<OpenedWeightsFile> &weights);
    bool applySession(const OpenedSession &opened, bool quiet, QString *error);
    bool applyWeights(const OpenedWeightsFile &opened, bool quiet);
    // The user acted before the last state's weights arrived: that state is not applied.
    void abandonLastState();
    void restoreDocument(const SessionDocument &document,
                         const std::optional<OpenedWeightsFile> &weights);
    void useLoadedModel(std::shared_ptr<const LoadedModel> model, const QString &source);

    AttentionSession *m_session;
    std::vector<BuiltinModelInfo> m_builtins;
    FileLoadWorker *m_loader;
    ModelLoader *m_modelLoader;
    WeightsAnswers *m_answers = nullptr;
    std::function<DocumentViewState()> m_viewState;
    SessionWriter m_sessionWriter;
    QString m_sessionPath;
    bool m_modified = false;
    bool m_applying = false; // opening a session: its changes are not edits
    bool m_quietModelErrors = false;
    int m_pendingLayer = 0;          // a layer asked for the model being loaded
    bool m_loadIsEdit = false;       // the model being loaded changes a clean document
    bool m_lastStatePending = false; // the last state waits for its weights file
};

} // namespace attnviz::ui
