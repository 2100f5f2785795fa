#include "main_window.h"

#include "analysis_panels.h"
#include "attention_session.h"
#include "control_panel.h"
#include "export_dialog.h"
#include "file_load_worker.h"
#include "head_grid_view.h"
#include "menu_shortcut_priority.h"
#include "model_load_indicator.h"
#include "model_loader.h"
#include "model_selector.h"
#include "model_view.h"
#include "sentence_bar.h"
#include "status_text.h"
#include "step_view.h"
#include "token_view.h"
#include "weights_questions.h"

#include <attnviz/error.h>
#include <attnviz/model/builtin_models.h>
#include <attnviz/weights_file.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
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
    , m_loader(new FileLoadWorker(this)) {
    setWindowTitle(tr("Multi-head attention")); // Qt appends the display name, "attnviz"
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sentenceBar);
    m_views = new QTabWidget(central);
    m_views->setDocumentMode(true);
    m_views->addTab(m_grid, tr("&Heads"));
    m_modelView = new ModelView(m_views);
    m_views->addTab(m_modelView, tr("&Model: every layer"));
    m_views->setTabToolTip(1, tr("Every layer × head at once; click a head to open its layer"));
    m_stepView = new StepView(m_views);
    m_views->addTab(m_stepView, tr("&Steps of one head"));
    m_views->setTabToolTip(2, tr("One head's computation, matrix by matrix, in the article's "
                                 "notation"));
    connect(session, &AttentionSession::resultChanged, m_stepView,
            [this] { m_stepView->setSnapshot(m_session->snapshot()); });
    layout->addWidget(m_views, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Controls"), this);
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
    connect(m_loader, &FileLoadWorker::busyChanged, this, &MainWindow::showLoading);
    connect(m_loader, &FileLoadWorker::weightsLoaded, this,
            [this](const OpenedWeightsFile &opened) { applyWeights(opened, false); });
    connect(m_loader, &FileLoadWorker::weightsFailed, this, &MainWindow::showWeightsError);
    connect(m_loader, &FileLoadWorker::sessionLoaded, this,
            [this](const OpenedSession &opened) { applySession(opened, false, nullptr); });
    connect(m_loader, &FileLoadWorker::sessionFailed, this,
            [this](const QString &, const QString &message) {
                QMessageBox::warning(this, tr("Cannot Open Session"), message);
            });
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
    connect(session, &AttentionSession::optionsChanged, this, &MainWindow::markModified);
    connect(m_controls, &ControlPanel::viewOptionsChanged, this, &MainWindow::markModified);
    applyViewOptions();
    setSessionPath({});
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
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_fileMenu = file;
    file->addAction(tr("&Open Session…"), QKeySequence::Open, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Session"), m_sessionPath,
                                         tr("attnviz sessions (*.attnviz);;All files (*)"));
        if (!path.isEmpty())
            openSessionInBackground(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("&Save Session"), QKeySequence::Save, this, &MainWindow::saveSession);
    file->addAction(tr("Save Session &As…"), QKeySequence::SaveAs, this,
                    &MainWindow::saveSessionAs);
    file->addSeparator();
    file->addAction(
        tr("Open &Weights…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, [this] {
            const QString path =
                QFileDialog::getOpenFileName(this, tr("Open Weights"), QString(),
                                             tr("Safetensors (*.safetensors);;All files (*)"));
            if (!path.isEmpty())
                openWeightsInBackground(path);
        });
    file->addAction(tr("&Save Weights…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), this,
                    &MainWindow::saveWeights);
    QAction *random =
        file->addAction(tr("Use &Random Weights"), m_session, &AttentionSession::useRandomWeights);
    connect(m_session, &AttentionSession::optionsChanged, random,
            [this, random] { random->setEnabled(m_session->hasLoadedWeights()); });
    random->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Export Figure…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    &MainWindow::exportFigure);
    file->addAction(tr("&Copy Figure"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
                    &MainWindow::copyFigure);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setShortcuts({QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)});
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });
    view->addAction(m_dock->toggleViewAction());
    QAction *focusSentence = view->addAction(tr("Edit &Sentence"));
    focusSentence->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusSentence, &QAction::triggered, this, [this] {
        m_sentenceBar->lineEdit()->setFocus();
        m_sentenceBar->lineEdit()->selectAll();
    });
    view->addSeparator();
    installAnalysisPanels(this, m_session, view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About attnviz"), this, [this] {
        QMessageBox::about(this, tr("About attnviz"),
                           tr("<h3>attnviz %1</h3><p>See what multi-head self-attention does: one "
                              "heatmap per head, live.</p><p>Numbers equal PyTorch's "
                              "MultiHeadAttention and nn.MultiheadAttention.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

bool MainWindow::openWeights(const QString &path, bool quiet) {
    try {
        return applyWeights(openWeightsFile(path), quiet);
    } catch (const InputError &e) {
        if (!quiet)
            showWeightsError(path, QString::fromUtf8(e.what()));
        return false;
    }
}

void MainWindow::openWeightsInBackground(const QString &path) {
    m_loader->loadWeights(path);
}

void MainWindow::openSessionInBackground(const QString &path) {
    m_loader->loadSession(path);
}

void MainWindow::showLoading(bool busy) {
    m_loadingText->setText(busy ? tr("Loading %1…").arg(QFileInfo(m_loader->busyPath()).fileName())
                                : QString());
    m_loadingText->setVisible(busy);
    m_loadingBar->setVisible(busy);
}

void MainWindow::showWeightsError(const QString &path, const QString &message) {
    QMessageBox::warning(
        this, tr("Cannot Open Weights"),
        tr("<p>%1 was not loaded.</p><p>%2</p>")
            .arg(QFileInfo(path).fileName().toHtmlEscaped(), message.toHtmlEscaped()));
}

bool MainWindow::applyWeights(const OpenedWeightsFile &opened, bool quiet) {
    const auto choice = chooseWeightsUse(this, opened, m_session->options().attention.heads, quiet);
    if (!choice)
        return false; // cancelled (or, quiet, a head count nobody could give): nothing changes
    const QString error = m_session->useWeightsFile(opened, choice->prefix, choice->heads);
    if (error.isEmpty())
        return true;
    if (!quiet)
        showWeightsError(opened.path, error);
    return false;
}

void MainWindow::saveWeights() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Weights"),
                                                      QStringLiteral("attention.safetensors"),
                                                      tr("Safetensors (*.safetensors)"));
    if (path.isEmpty())
        return;
    try {
        saveAttentionWeights(path.toStdString(), *snapshot->weights, snapshot->options.seed);
        statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    } catch (const InputError &e) {
        QMessageBox::warning(this, tr("Cannot Save Weights"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::setSessionPath(const QString &path) {
    m_sessionPath = path;
    setWindowTitle((path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName()) +
                   QStringLiteral("[*]"));
    setWindowModified(false);
}

void MainWindow::markModified() {
    if (!m_applying)
        setWindowModified(true);
}

SessionDocument MainWindow::currentDocument() const {
    SessionDocument d;
    d.options = m_session->options();
    d.options.embeddings.reset();
    d.style = m_grid->style();
    d.meanPanel = m_grid->meanPanelVisible();
    d.baselinePanel = m_session->baselineEnabled();
    d.lockSizes = m_controls->lockControl()->isChecked();
    d.tokenView = m_controls->tokenView();
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

QString MainWindow::applyDocument(const SessionDocument &d,
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
    m_controls->setViewState(d.style, d.meanPanel, d.baselinePanel, d.lockSizes);
    m_controls->setTokenView(d.tokenView);
    m_sentenceBar->setText(QString::fromStdString(d.options.sentence));
    m_applying = false;
    if (!d.modelSource.isEmpty()) { // loads beside the event loop; the layer follows it
        m_pendingLayer = d.modelLayer;
        openModel(d.modelSource, true);
    }
    return {};
}

bool MainWindow::openSession(const QString &path, bool quiet, QString *error) {
    try {
        return applySession(openSessionFile(path), quiet, error);
    } catch (const InputError &e) {
        const QString message = QString::fromUtf8(e.what());
        if (error)
            *error = message;
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot Open Session"), message);
        return false;
    }
}

bool MainWindow::applySession(const OpenedSession &opened, bool quiet, QString *error) {
    QString message;
    try {
        message = applyDocument(opened.document, opened.weights);
    } catch (const InputError &e) {
        message = QString::fromUtf8(e.what());
    }
    if (error)
        *error = message;
    if (!message.isEmpty()) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot Open Session"), message);
        return false;
    }
    setSessionPath(opened.path);
    rememberRecent(opened.path);
    if (!opened.warnings.isEmpty() && !quiet)
        QMessageBox::information(this, tr("Session Opened"), opened.warnings.join('\n'));
    if (!opened.warnings.isEmpty())
        statusBar()->showMessage(opened.warnings.join(' '), 8000);
    return true;
}

bool MainWindow::saveSessionTo(const QString &path, bool quiet, QString *error) {
    try {
        ui::saveSession(path, currentDocument(), m_sessionWriter);
    } catch (const InputError &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot Save Session"), QString::fromUtf8(e.what()));
        return false;
    }
    setSessionPath(path);
    rememberRecent(path);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return true;
}

bool MainWindow::saveSession() {
    return m_sessionPath.isEmpty() ? saveSessionAs() : saveSessionTo(m_sessionPath);
}

bool MainWindow::saveSessionAs() {
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Session"),
        m_sessionPath.isEmpty() ? QStringLiteral("attention.attnviz") : m_sessionPath,
        tr("attnviz sessions (*.attnviz)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".attnviz");
    return saveSessionTo(path);
}

void MainWindow::rememberRecent(const QString &path) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentSessions")).toStringList();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    settings.setValue(QStringLiteral("recentSessions"), QStringList(recent.mid(0, 8)));
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentSessions")).toStringList();
    for (const QString &path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] { openSessionInBackground(path); })
            ->setToolTip(path);
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent sessions"))->setEnabled(false);
}

void MainWindow::restoreLastState() {
    const QByteArray saved = QSettings().value(QStringLiteral("lastState")).toByteArray();
    const QJsonDocument json = QJsonDocument::fromJson(saved);
    if (!json.isObject()) { // a first start: open on a trained model, whose heads specialise
        if (const QString model = m_modelSelector->defaultModel(); !model.isEmpty())
            openModel(model, true);
        return;
    }
    try {
        // When the weights moved away nothing is applied: a fresh start, not a half-restored one.
        const SessionDocument document = fromJson(json.object());
        std::optional<OpenedWeightsFile> weights;
        if (!document.weightsPath.isEmpty())
            weights = openWeightsFile(document.weightsPath);
        if (applyDocument(document, weights).isEmpty())
            setWindowModified(false);
    } catch (const InputError &) {
        // A state from another version: ignore it.
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    // Untitled work is kept by the saved state below; a named session asks before losing edits.
    if (isWindowModified() && !m_sessionPath.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("%1 has changes that are not saved. Save them?")
                .arg(QFileInfo(m_sessionPath).fileName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveSession())) {
            event->ignore();
            return;
        }
    }
    QSettings().setValue(QStringLiteral("lastState"),
                         QJsonDocument(toJson(currentDocument())).toJson());
    event->accept();
}

FigureOptions MainWindow::currentFigureOptions() const {
    FigureOptions options;
    options.style = m_grid->style();
    options.meanPanel = m_grid->meanPanelVisible();
    options.columns = m_grid->columnCount();
    options.weightsName = figureWeightsName(*m_session);
    return options;
}

void MainWindow::exportFigure() {
    const auto snapshot = viewedSnapshot(m_session->snapshot(), m_controls->tokenView());
    if (!snapshot)
        return;
    ExportDialog dialog(static_cast<int>(snapshot->result.attention.heads.size()),
                        m_grid->meanPanelVisible(), m_grid->style(), this);
    dialog.setSnapshot(snapshot, figureWeightsName(*m_session)); // the dialog saves, and stays
                                                                 // open with the reason on error
    if (dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(dialog.path()).fileName()), 4000);
}

void MainWindow::copyFigure() {
    const auto snapshot = viewedSnapshot(m_session->snapshot(), m_controls->tokenView());
    if (!snapshot)
        return;
    FigureOptions options = currentFigureOptions();
    options.size =
        m_grid->size().expandedTo(QSize(FigureOptions::kMinSide, FigureOptions::kMinSide));
    options.scale = 2.0; // sharp when pasted into slides and documents
    FigureRenderer renderer(*snapshot, options);
    QGuiApplication::clipboard()->setImage(renderer.toImage());
    statusBar()->showMessage(tr("Figure copied"), 3000);
}

void MainWindow::createModelControls() {
    std::vector<BuiltinModelInfo> builtins;
    try {
        builtins = listBuiltinModels(
            findBuiltinModelsDir(QCoreApplication::applicationDirPath().toStdString()));
    } catch (const InputError &e) {
        statusBar()->showMessage(
            tr("The built-in models cannot be read: %1").arg(QString::fromUtf8(e.what())));
    }
    m_modelSelector = new ModelSelector(std::move(builtins), this);
    m_modelLoader = new ModelLoader(this);
    connect(m_modelSelector, &ModelSelector::randomRequested, m_session,
            &AttentionSession::useRandomWeights);
    connect(m_modelSelector, &ModelSelector::builtinRequested, this,
            [this](const QString &name) { openModel(name); });
    connect(m_modelSelector, &ModelSelector::openFolderRequested, this,
            &MainWindow::openModelFolder);
    connect(m_modelSelector, &ModelSelector::layerRequested, m_session,
            &AttentionSession::setLayer);
    connect(m_modelLoader, &ModelLoader::loaded, this,
            [this](std::shared_ptr<const LoadedModel> model, const QString &source) {
                m_session->useModel(std::move(model), source);
                if (m_pendingLayer > 0) // a session's layer, once its model is there
                    m_session->setLayer(m_pendingLayer);
                m_pendingLayer = 0;
            });
    connect(m_modelLoader, &ModelLoader::failed, this,
            [this](const QString &message, const QString &folder) {
                showModelState(); // the selector goes back to what is shown
                if (!m_quietModelErrors)
                    QMessageBox::warning(this, tr("Cannot open the model"),
                                         tr("%1 cannot be used: %2").arg(folder, message));
            });
    statusBar()->addPermanentWidget(new ModelLoadIndicator(m_modelLoader, this));
    connect(m_modelLoader, &ModelLoader::cancelled, this, [this] {
        showModelState(); // the selector goes back to what is shown
        statusBar()->showMessage(tr("Loading cancelled; the model shown stays."), 4000);
    });
    connect(m_session, &AttentionSession::optionsChanged, this, &MainWindow::showModelState);
    connect(m_modelView, &ModelView::headActivated, this, [this](int layer, int) {
        m_session->setLayer(layer);
        m_views->setCurrentWidget(m_grid);
    });
    for (const auto &[key, delta] : {std::pair{QKeySequence::MoveToPreviousPage, -1},
                                     std::pair{QKeySequence::MoveToNextPage, 1}}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        const int step = delta;
        connect(shortcut, &QShortcut::activated, this, [this, step] { stepLayer(step); });
    }
}

bool MainWindow::openModel(const QString &nameOrFolder, bool quiet) {
    m_quietModelErrors = quiet;
    for (const BuiltinModelInfo &info : m_modelSelector->builtins())
        if (QString::fromStdString(info.name) == nameOrFolder) {
            m_modelLoader->load(QString::fromStdString(info.folder), nameOrFolder);
            return true;
        }
    if (!QFileInfo(nameOrFolder).isDir()) {
        if (!quiet)
            QMessageBox::warning(
                this, tr("Cannot open the model"),
                tr("%1 is neither a built-in model nor a model folder.").arg(nameOrFolder));
        return false;
    }
    m_modelLoader->load(nameOrFolder, QFileInfo(nameOrFolder).absoluteFilePath());
    return true;
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

void MainWindow::stepLayer(int delta) {
    if (m_session->hasModel())
        m_session->setLayer(m_session->layer() + delta);
}

void MainWindow::showResult() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    // The views draw the tokens as the view options group them; the status names the run's.
    const auto shown = viewedSnapshot(snapshot, m_controls->tokenView());
    // An outlined query row means a token: new tokens make it mean nothing.
    if (shown->tokens != m_shownTokens) {
        m_shownTokens = shown->tokens;
        m_grid->setHighlightedRow(-1);
    }
    m_grid->showSnapshot(*shown);
    m_modelView->showSnapshot(*shown);
    m_status->setText(statusText(*snapshot));
}

void MainWindow::applyViewOptions() {
    m_grid->setStyle(m_controls->heatmapStyle());
    m_modelView->setStyle(m_controls->heatmapStyle());
    m_grid->setMeanPanelVisible(m_controls->meanPanelRequested());
    showResult();
}

} // namespace attnviz::ui
