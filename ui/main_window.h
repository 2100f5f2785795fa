// MainWindow: assembles the sentence bar, the head grid, the control panel, menus and status bar.
#pragma once

#include "figure_renderer.h"
#include "session_file.h"

#include <QMainWindow>
#include <QStringList>

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
    ModelLoader *modelLoader() const { return m_modelLoader; }
    QTabWidget *viewTabs() const { return m_views; }
    StepView *stepView() const { return m_stepView; }
    TourDock *tourDock() const { return m_tour; }
    // Opens the step view on this layer (0-based; a model's grid follows it) and head.
    void showHeadSteps(int layer, int head);

    // Opens a built-in model by name, or a model folder, off the GUI thread; a failure shows a
    // dialog (unless `quiet`) and changes nothing. Returns false for an unknown built-in name.
    bool openModel(const QString &nameOrFolder, bool quiet = false);

    // File ▸ Open Weights without the file dialog, read on the calling thread: asks which module
    // when the file has several and how many heads (the file's num_heads preselected). `quiet`
    // asks nothing: it uses the file's num_heads and refuses a file without one. A failure shows
    // a message box (unless `quiet`) and returns false; nothing changes then, nor on cancel.
    bool openWeights(const QString &path, bool quiet = false);
    // Sessions (.attnviz). openSession applies a file completely or, on failure, not at all;
    // `quiet` reports failures only through the return value and `error`.
    bool openSession(const QString &path, bool quiet = false, QString *error = nullptr);
    // What the menus do: read and hash the file on a pool thread (the newest request wins, a busy
    // indicator shows in the status bar), then apply it as openWeights/openSession do.
    void openWeightsInBackground(const QString &path);
    void openSessionInBackground(const QString &path);
    FileLoadWorker *fileLoader() const { return m_loader; }
    bool saveSessionTo(const QString &path, bool quiet = false, QString *error = nullptr);
    // How sessions are written (tests pass one that fails like a full disk).
    void setSessionWriter(SessionWriter writer) { m_sessionWriter = std::move(writer); }
    SessionDocument currentDocument() const;
    QString sessionPath() const { return m_sessionPath; }
    // The state of the last run (QSettings), restored when attnviz starts without arguments.
    void restoreLastState();

    // The figure options the window's current view implies (for export and the clipboard).
    FigureOptions currentFigureOptions() const;

private:
    void createMenus();
    void setSessionPath(const QString &path);
    void markModified();
    void rememberRecent(const QString &path);
    void fillRecentMenu();
    bool saveSession();
    bool saveSessionAs();
    // Applies a checked session completely, or returns why not and changes nothing.
    QString applyDocument(const SessionDocument &document,
                          const std::optional<OpenedWeightsFile> &weights);
    bool applyWeights(const OpenedWeightsFile &opened, bool quiet);
    bool applySession(const OpenedSession &opened, bool quiet, QString *error);
    void showWeightsError(const QString &path, const QString &message);
    void showLoading(bool busy);
    void closeEvent(QCloseEvent *event) override;
    void saveWeights();
    void exportFigure();
    void copyFigure();
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
    ModelLoader *m_modelLoader = nullptr;
    ModelView *m_modelView = nullptr;
    QTabWidget *m_views = nullptr;
    StepView *m_stepView = nullptr;
    TourDock *m_tour = nullptr;
    bool m_quietModelErrors = false;
    int m_pendingLayer = 0; // a session's layer, applied when its model has loaded
    QLabel *m_loadingText;
    QProgressBar *m_loadingBar;
    FileLoadWorker *m_loader;
    SessionWriter m_sessionWriter;
    QStringList m_shownTokens; // a highlighted query row belongs to these tokens
    QDockWidget *m_dock = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QString m_sessionPath;
    bool m_applying = false; // opening a session: its changes are not edits
    Retranslator *m_texts;   // re-applies the window's texts when the language changes
};

} // namespace attnviz::ui
