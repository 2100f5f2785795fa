#include "main_window.h"

#include "analysis_panels.h"
#include "attention_session.h"
#include "control_panel.h"
#include "file_load_worker.h"
#include "head_grid_view.h"
#include "language.h"
#include "menu_shortcut_priority.h"
#include "metrics_dock.h"
#include "model_load_indicator.h"
#include "model_loader.h"
#include "model_selector.h"
#include "model_view.h"
#include "retranslator.h"
#include "sentence_bar.h"
#include "status_text.h"
#include "step_view.h"
#include "step_view_seam.h"
#include "token_view.h"
#include "tour_panel.h"
#include "translated_error.h"

#include <attnviz/error.h>
#include <attnviz/model/builtin_models.h>

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace attnviz::ui {

MainWindow::MainWindow(AttentionSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_sentenceBar(new SentenceBar(this))
    , m_grid(new HeadGridView(this))
    , m_controls(new ControlPanel(session, this))
    , m_status(new QLabel(this))
    , m_loadingText(new QLabel(this))
    , m_loadingBar(new QProgressBar(this))
    , m_texts(new Retranslator(this)) {
    // The title is the session's name (showSessionPath); Qt appends the display name, "attnviz".
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sentenceBar);
    m_views = new QTabWidget(central);
    m_views->setDocumentMode(true);
    m_modelView = new ModelView(m_views);
    m_stepView = new StepView(m_views);
    m_stepSeam = std::make_unique<StepViewSeam>(m_stepView);
    createViews({m_grid, m_modelView, m_stepSeam.get()});
    layout->addWidget(m_views, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(this);
    m_texts->add([dock] { dock->setWindowTitle(tr("Controls")); });
    dock->setObjectName(QStringLiteral("controls"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    auto *scroll = new QScrollArea(dock);
    createModelControls();
    auto *controls = new QWidget(scroll);
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(m_modelSelector);
    controlsLayout->addWidget(m_controls, 1);
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(controls->sizeHint().width() + 16);
    dock->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_dock = dock;

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_status, 1);
    m_loadingBar->setRange(0, 0); // busy: no known fraction
    m_loadingBar->setMaximumWidth(120);
    m_loadingBar->setObjectName(QStringLiteral("loadingIndicator"));
    statusBar()->addPermanentWidget(m_loadingText);
    statusBar()->addPermanentWidget(m_loadingBar);
    showLoading(false);
    createDocuments();
    createMenus();
    new MenuShortcutPriority(this);

    m_sentenceBar->setText(QString::fromStdString(session->options().sentence));
    connect(session, &AttentionSession::optionsChanged, this, [this] {
        m_sentenceBar->setText(QString::fromStdString(m_session->options().sentence));
    });
    connect(m_sentenceBar, &SentenceBar::sentenceEdited, session, &AttentionSession::setSentence);
    connect(session, &AttentionSession::errorChanged, m_sentenceBar, &SentenceBar::setError);
    connect(session, &AttentionSession::resultChanged, this, &MainWindow::showResult);
    connect(m_controls, &ControlPanel::viewOptionsChanged, this, &MainWindow::applyViewOptions);
    connect(m_controls, &ControlPanel::viewOptionsChanged, m_documents,
            &DocumentController::markModified);
    applyViewOptions();
    showSessionPath({});
    // Texts that are computed (status bar, title, loading note) follow a language change too.
    m_texts->add([this] {
        m_session->retranslateError(); // the sentence's message under the entry
        showResult();
        showLoading(fileLoader()->isBusy());
        showSessionPath(sessionPath());
    });
    resize(initialSize());
}

// Most of the screen, so the heads get the room on a projector or a laptop alike.
QSize MainWindow::initialSize() const {
    const QScreen *screen = this->screen();
    if (!screen)
        return {1280, 720};
    const QSize available = screen->availableSize();
    if (available.width() <= 1440) // a projector or a small laptop: take all of it
        return available;
    return available * 0.9;
}

void MainWindow::createMenus() {
    // Figures are the shown tab's (the model view's every layer × head), or the heads' grid's
    // when that tab makes none (the step view).
    m_figures = new FigureActions(
        m_session, m_grid,
        [this]() -> SnapshotView * {
            for (SnapshotView *view : m_snapshotViews)
                if (view->viewWidget() == m_views->currentWidget() && view->figureOptions())
                    return view;
            return m_grid;
        },
        [this] { return m_controls->tokenView(); }, this);
    connect(m_figures, &FigureActions::notice, statusBar(), &QStatusBar::showMessage);
    // Each text is set by a closure that runs again when the language changes (Retranslator).
    QMenu *file = menuBar()->addMenu(QString());
    m_fileMenu = file;
    QAction *openSession = file->addAction(QString(), QKeySequence::Open, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Session"), sessionPath(),
                                         tr("attnviz sessions (*.attnviz);;All files (*)"));
        if (!path.isEmpty())
            openSessionInBackground(path);
    });
    m_recentMenu = file->addMenu(QString());
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    QAction *save = file->addAction(QString(), QKeySequence::Save, this, &MainWindow::saveSession);
    QAction *saveAs =
        file->addAction(QString(), QKeySequence::SaveAs, this, &MainWindow::saveSessionAs);
    file->addSeparator();
    QAction *openWeights =
        file->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
            const QString path =
                QFileDialog::getOpenFileName(this, tr("Open Weights"), QString(),
                                             tr("Safetensors (*.safetensors);;All files (*)"));
            if (!path.isEmpty())
                openWeightsInBackground(path);
        });
    QAction *saveWeights =
        file->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), m_figures,
                        &FigureActions::saveWeights);
    QAction *random = file->addAction(QString(), m_session, &AttentionSession::useRandomWeights);
    connect(m_session, &AttentionSession::optionsChanged, random,
            [this, random] { random->setEnabled(m_session->hasLoadedWeights()); });
    random->setEnabled(false);
    file->addSeparator();
    QAction *exportFigure = file->addAction(QString(), QKeySequence(Qt::CTRL | Qt::Key_E),
                                            m_figures, &FigureActions::exportFigure);
    QAction *copyFigure = file->addAction(QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                          m_figures, &FigureActions::copyFigure);
    file->addSeparator();
    QAction *quit =
        file->addAction(QString(), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    m_texts->add([=, this] {
        file->setTitle(tr("&File"));
        openSession->setText(tr("&Open Session…"));
        m_recentMenu->setTitle(tr("Open &Recent"));
        save->setText(tr("&Save Session"));
        saveAs->setText(tr("Save Session &As…"));
        openWeights->setText(tr("Open &Weights…"));
        saveWeights->setText(tr("&Save Weights…"));
        random->setText(tr("Use &Random Weights"));
        exportFigure->setText(tr("&Export Figure…"));
        copyFigure->setText(tr("&Copy Figure"));
        quit->setText(tr("&Quit"));
    });

    QMenu *view = menuBar()->addMenu(QString());
    QAction *fullScreen = view->addAction(QString());
    fullScreen->setShortcuts({QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)});
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    view->addAction(m_dock->toggleViewAction());
    QAction *focusSentence = view->addAction(QString());
    focusSentence->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusSentence, &QAction::triggered, this, [this] {
        m_sentenceBar->lineEdit()->setFocus();
        m_sentenceBar->lineEdit()->selectAll();
    });
    view->addMenu(new LanguageMenu(view));
    view->addSeparator();
    const AnalysisPanels panels = installAnalysisPanels(this, m_session, view);
    // A head picked in the metrics table is ringed in the grid (its layer shown first).
    connect(panels.metrics, &MetricsDock::headSelected, this, [this](int layer, int head) {
        if (head >= 0 && m_session->hasModel())
            m_session->setLayer(layer);
        for (SnapshotView *v : m_snapshotViews)
            v->selectHead(head);
    });

    QMenu *help = menuBar()->addMenu(QString());
    if (!m_tour) { // beside the analysis panels, on the right edge
        m_tour = new TourDock(this, m_session);
        addDockWidget(Qt::RightDockWidgetArea, m_tour, Qt::Horizontal);
        m_tour->hide();
    }
    QAction *tour = help->addAction(QString(), this, [this] {
        m_tour->show();
        m_tour->raise();
    });
    QAction *about = help->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About attnviz"),
                           tr("<h3>attnviz %1</h3><p>See what multi-head self-attention does: one "
                              "heatmap per head, live.</p><p>Numbers equal PyTorch's "
                              "MultiHeadAttention and nn.MultiheadAttention.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    m_texts->add([=] {
        view->setTitle(tr("&View"));
        fullScreen->setText(tr("&Full Screen"));
        focusSentence->setText(tr("Edit &Sentence"));
        help->setTitle(tr("&Help"));
        tour->setText(tr("&Why multi-head attention?"));
        about->setText(tr("&About attnviz"));
    });
}

void MainWindow::showLoading(bool busy) {
    m_loadingText->setText(
        busy ? tr("Loading %1…").arg(QFileInfo(fileLoader()->busyPath()).fileName()) : QString());
    m_loadingText->setVisible(busy);
    m_loadingBar->setVisible(busy);
}

void MainWindow::showWeightsError(const QString &path, const QString &message) {
    QMessageBox::warning(
        this, tr("Cannot Open Weights"),
        tr("<p>%1 was not loaded.</p><p>%2</p>")
            .arg(QFileInfo(path).fileName().toHtmlEscaped(), message.toHtmlEscaped()));
}

void MainWindow::createDocuments() {
    m_documents->setAnswers(&m_answers);
    m_documents->setViewStateSource([this] {
        return DocumentViewState{m_grid->style(), m_grid->meanPanelVisible(),
                                 m_session->baselineEnabled(),
                                 m_controls->lockControl()->isChecked(), m_controls->tokenView()};
    });
    connect(m_documents, &DocumentController::viewStateApplied, this,
            [this](const DocumentViewState &v, const QString &sentence) {
                m_controls->setViewState(v.style, v.meanPanel, v.baselinePanel, v.lockSizes);
                m_controls->setTokenView(v.tokenView);
                m_sentenceBar->setText(sentence);
            });
    connect(m_documents, &DocumentController::sessionPathChanged, this,
            &MainWindow::showSessionPath);
    connect(m_documents, &DocumentController::modifiedChanged, this,
            &MainWindow::setWindowModified);
    connect(m_documents, &DocumentController::notice, statusBar(), &QStatusBar::showMessage);
    connect(m_documents, &DocumentController::sessionFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Cannot Open Session"), message);
    });
    connect(m_documents, &DocumentController::saveFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Cannot Save Session"), message);
    });
    connect(m_documents, &DocumentController::sessionWarnings, this,
            [this](const QStringList &warnings, bool quiet) {
                if (!quiet)
                    QMessageBox::information(this, tr("Session Opened"), warnings.join('\n'));
                statusBar()->showMessage(warnings.join(' '), 8000);
            });
    connect(m_documents, &DocumentController::weightsFailed, this, &MainWindow::showWeightsError);
    connect(m_documents, &DocumentController::modelFailed, this, [this](const QString &message) {
        showModelState(); // the selector goes back to what is shown
        QMessageBox::warning(this, tr("Cannot open the model"), message);
    });
    connect(fileLoader(), &FileLoadWorker::busyChanged, this, &MainWindow::showLoading);
}

void MainWindow::showSessionPath(const QString &path) {
    setWindowTitle((path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName()) +
                   QStringLiteral("[*]")); // a language change keeps the modified mark
}

bool MainWindow::saveSession() {
    return sessionPath().isEmpty() ? saveSessionAs() : saveSessionTo(sessionPath());
}

bool MainWindow::saveSessionAs() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Session"),
        sessionPath().isEmpty() ? QStringLiteral("attention.attnviz") : sessionPath(),
        tr("attnviz sessions (*.attnviz)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".attnviz");
    return saveSessionTo(path);
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = DocumentController::recentSessions();
    for (const QString &path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] { openSessionInBackground(path); })
            ->setToolTip(path);
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent sessions"))->setEnabled(false);
}

void MainWindow::restoreLastState() {
    m_documents->restoreLastState(m_modelSelector->defaultModel());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    // Untitled work is kept by the saved state below; a named session asks before losing edits.
    if (m_documents->isModified() && !sessionPath().isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("%1 has changes that are not saved. Save them?")
                .arg(QFileInfo(sessionPath()).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveSession())) {
            event->ignore();
            return;
        }
    }
    m_documents->saveLastState();
    event->accept();
}

void MainWindow::createModelControls() {
    std::vector<BuiltinModelInfo> builtins;
    try {
        builtins = listBuiltinModels(
            findBuiltinModelsDir(QCoreApplication::applicationDirPath().toStdString()));
    } catch (const InputError &e) {
        statusBar()->showMessage(
            tr("The built-in models cannot be read: %1").arg(translatedError(e)));
    }
    m_documents = new DocumentController(m_session, builtins, this);
    m_modelSelector = new ModelSelector(std::move(builtins), this);
    connect(m_modelSelector, &ModelSelector::randomRequested, m_session,
            &AttentionSession::useRandomWeights);
    connect(m_modelSelector, &ModelSelector::builtinRequested, this,
            [this](const QString &name) { openModel(name); });
    connect(m_modelSelector, &ModelSelector::openFolderRequested, this,
            &MainWindow::openModelFolder);
    connect(m_modelSelector, &ModelSelector::layerRequested, m_session,
            &AttentionSession::setLayer);
    connect(modelLoader(), &ModelLoader::failed, this, &MainWindow::showModelState);
    statusBar()->addPermanentWidget(new ModelLoadIndicator(modelLoader(), this));
    // The selector goes back to what is shown.
    connect(modelLoader(), &ModelLoader::cancelled, this, &MainWindow::showModelState);
    connect(m_session, &AttentionSession::optionsChanged, this, &MainWindow::showModelState);
    for (const auto &[key, delta] : {std::pair{QKeySequence::MoveToPreviousPage, -1},
                                     std::pair{QKeySequence::MoveToNextPage, 1}}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        const int step = delta;
        connect(shortcut, &QShortcut::activated, this, [this, step] { stepLayer(step); });
    }
}

void MainWindow::openModelFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open Model Folder (config.json, model.safetensors, tokenizer)"));
    if (folder.isEmpty()) {
        showModelState();
        return;
    }
    openModel(folder);
}

void MainWindow::showModelState() {
    const auto model = m_session->model();
    QString builtin, folderLabel;
    if (model) {
        const QString source = m_session->modelSource();
        bool isBuiltin = false;
        for (const BuiltinModelInfo &info : m_modelSelector->builtins())
            isBuiltin = isBuiltin || QString::fromStdString(info.name) == source;
        if (isBuiltin)
            builtin = source;
        else
            folderLabel = QFileInfo(source).fileName();
    }
    m_modelSelector->showState(builtin, folderLabel, model ? model->model.layers() : 1,
                               m_session->layer());
}

void MainWindow::showHeadSteps(int layer, int head) {
    m_session->setLayer(layer); // the grid shows the layer whose head is opened
    m_stepView->showHead(layer, head);
    m_views->setCurrentWidget(m_stepView);
}

void MainWindow::stepLayer(int delta) {
    if (m_session->hasModel())
        m_session->setLayer(m_session->layer() + delta);
}

void MainWindow::createViews(const QList<SnapshotView *> &views) {
    m_snapshotViews = views;
    auto *requests = new ViewRequests(this);
    for (SnapshotView *view : views) {
        m_views->addTab(view->viewWidget(), QString());
        view->connectRequests(requests);
    }
    m_texts->add([this] {
        for (SnapshotView *view : m_snapshotViews) {
            const int tab = m_views->indexOf(view->viewWidget());
            m_views->setTabText(tab, view->tabTitle());
            m_views->setTabToolTip(tab, view->tabToolTip());
        }
    });
    connect(requests, &ViewRequests::layerRequested, this, [this](int layer) {
        m_session->setLayer(layer);
        m_views->setCurrentWidget(m_grid);
    });
    connect(requests, &ViewRequests::headStepsRequested, this, &MainWindow::showHeadSteps);
    connect(requests, &ViewRequests::notAHeadActivated, this, [this] {
        statusBar()->showMessage(tr("The mean and single-head panels are not heads of the "
                                    "model: double-click a head to see its steps."),
                                 6000);
    });
}

void MainWindow::showResult() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    // The views draw the tokens as the view options group them; the status names the run's.
    const auto shown = viewedSnapshot(snapshot, m_controls->tokenView());
    for (SnapshotView *view : m_snapshotViews)
        view->showRun(snapshot, *shown);
    m_status->setText(statusText(*snapshot));
}

void MainWindow::applyViewOptions() {
    const ViewOptions options{m_controls->heatmapStyle(), m_controls->meanPanelRequested()};
    for (SnapshotView *view : m_snapshotViews)
        view->setViewOptions(options);
    showResult();
}

} // namespace attnviz::ui
