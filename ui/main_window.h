// MainWindow: assembles the sentence bar, the head grid, the control panel, menus and status bar.
#pragma once

#include "document_controller.h"
#include "figure_actions.h"
#include "figure_renderer.h"
#include "session_file.h"
#include "snapshot_view.h"
#include "step_view_seam.h"
#include "weights_questions.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QProgressBar;

namespace attnviz::ui {

class AttentionSession;
class ControlPanel;
class FileLoadWorker;
struct OpenedSession;
struct OpenedWeightsFile;
class HeadGridView;
class ModelLoader;
class ModelSelector;
class ModelView;
class Retranslator;
class SentenceBar;
class StepView;
class TourDock;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AttentionSession *session, QWidget *parent = nullptr);

    SentenceBar *sentenceBar() const { return m_sentenceBar; }
    HeadGridView *headGrid() const { return m_grid; }
    ControlPanel *controlPanel() const { return m_controls; }
    ModelSelector *modelSelector() const { return m_modelSelector; }
    ModelView *modelView() const { return m_modelView; }
    ModelLoader *modelLoader() const { return m_documents->modelLoader(); }
    // The document: session file, recent sessions, last state, opening weights and models.
    DocumentController *documents() const { return m_documents; }
    QTabWidget *viewTabs() const { return m_views; }
    StepView *stepView() const { return m_stepView; }
    TourDock *tourDock() const { return m_tour; }
    // Opens the step view on this layer (0-based; a model's grid follows it) and head.
    void showHeadSteps(int layer, int head);

    // Opens a built-in model by name, or a model folder, off the GUI thread; a failure shows a
    // dialog (unless `quiet`) and changes nothing. Returns false for an unknown built-in name.
    // `layer` (0-based) is shown once the model has loaded; past its last layer the first is
    // shown and a dialog (unless `quiet`) says so.
    bool openModel(const QString &nameOrFolder, bool quiet = false, int layer = 0) {
        return m_documents->openModel(nameOrFolder, quiet, layer);
    }
    // The layer shown when the model being loaded arrives (a session's, or --layer's).
    void showLayerWhenLoaded(int layer) { m_documents->showLayerWhenLoaded(layer); }

    // File ▸ Open Weights without the file dialog, read on the calling thread: asks which module
    // when the file has several and how many heads (the file's num_heads preselected). `quiet`
    // asks nothing: it uses the file's num_heads and refuses a file without one. A failure shows
    // a message box (unless `quiet`) and returns false; nothing changes then, nor on cancel.
    bool openWeights(const QString &path, bool quiet = false) {
        return m_documents->openWeights(path, quiet);
    }
    // Sessions (.attnviz). openSession applies a file completely or, on failure, not at all;
    // `quiet` reports failures only through the return value and `error`.
    bool openSession(const QString &path, bool quiet = false, QString *error = nullptr) {
        return m_documents->openSession(path, quiet, error);
    }
    // What the menus do: read and hash the file on a pool thread (the newest request wins, a busy
    // indicator shows in the status bar), then apply it as openWeights/openSession do.
    void openWeightsInBackground(const QString &path) {
        m_documents->openWeightsInBackground(path);
    }
    void openSessionInBackground(const QString &path) {
        m_documents->openSessionInBackground(path);
    }
    FileLoadWorker *fileLoader() const { return m_documents->fileLoader(); }
    bool saveSessionTo(const QString &path, bool quiet = false, QString *error = nullptr) {
        return m_documents->saveSessionTo(path, quiet, error);
    }
    // How sessions are written (tests pass one that fails like a full disk).
    void setSessionWriter(SessionWriter writer) {
        m_documents->setSessionWriter(std::move(writer));
    }
    SessionDocument currentDocument() const { return m_documents->currentDocument(); }
    QString sessionPath() const { return m_documents->sessionPath(); }
    // The state of the last run (QSettings), restored when attnviz starts without arguments.
    void restoreLastState();

    // The figure options the window's current view implies (for export and the clipboard).
    FigureOptions currentFigureOptions() const { return m_figures->currentFigureOptions(); }

private:
    void createMenus();
    void createDocuments();
    // Adds each view as a tab and feeds them all through the SnapshotView seam.
    void createViews(const QList<SnapshotView *> &views);
    void showSessionPath(const QString &path);
    void fillRecentMenu();
    bool saveSession();
    bool saveSessionAs();
    void showWeightsError(const QString &path, const QString &message);
    void showLoading(bool busy);
    void closeEvent(QCloseEvent *event) override;
    QSize initialSize() const;
    void showResult();
    void applyViewOptions();
    void createModelControls();
    void showModelState();
    void openModelFolder();
    void stepLayer(int delta);

    AttentionSession *m_session;
    SentenceBar *m_sentenceBar;
    HeadGridView *m_grid;
    ControlPanel *m_controls;
    QLabel *m_status;
    ModelSelector *m_modelSelector = nullptr;
    ModelView *m_modelView = nullptr;
    QTabWidget *m_views = nullptr;
    StepView *m_stepView = nullptr;
    TourDock *m_tour = nullptr;
    QLabel *m_loadingText;
    QProgressBar *m_loadingBar;
    DocumentController *m_documents = nullptr;
    FigureActions *m_figures = nullptr;   // export, copy, save weights
    DialogWeightsAnswers m_answers{this}; // "which module?", "how many heads?" as dialogs
    std::unique_ptr<StepViewSeam> m_stepSeam;
    QList<SnapshotView *> m_snapshotViews; // the tabs, in order; each is fed the same way
    QDockWidget *m_dock = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    Retranslator *m_texts; // re-applies the window's texts when the language changes
};

} // namespace attnviz::ui
