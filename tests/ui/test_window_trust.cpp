// Window behaviour a user must be able to trust: loading never freezes the window, a file without
// a head count asks, long pastes are not cut, menu shortcuts work from every control, and a query
// outline never outlives its sentence.
#include <attention_session.h>
#include <control_panel.h>
#include <export_dialog.h>
#include <file_load_worker.h>
#include <head_grid_view.h>
#include <heatmap_view.h>
#include <main_window.h>
#include <sentence_bar.h>
#include <session_file.h>
#include <slider_spin_box.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <sys/stat.h>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QString fixture(const char *name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/safetensors/") + name;
}

QPoint cellCentre(HeatmapView *view, int query, int key) {
    return view->cellCentre(query, key).toPoint();
}

// Answers every modal dialog that opens while it lives: a head-count question with `heads` (or
// cancels it when `heads` is 0), any other dialog by closing it. Records what it saw.
class DialogAnswerer : public QObject {
public:
    explicit DialogAnswerer(int heads = -1)
        : m_heads(heads) {
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswerer::answer);
        m_timer.start(5);
    }
    QStringList seen;        // class names of the dialogs, in order
    QStringList headItems;   // the items the last head-count question offered
    QString headPreselected; // and the one it preselected
    QString messageText;     // the last message box's text

private:
    void answer() {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == m_last)
            return;
        m_last = modal;
        seen << QString::fromLatin1(modal->metaObject()->className());
        if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            headItems = input->comboBoxItems();
            headPreselected = input->textValue();
            if (m_heads == 0) {
                input->reject();
                return;
            }
            if (m_heads > 0)
                for (const QString &item : std::as_const(headItems))
                    if (item.startsWith(QStringLiteral("%1 heads").arg(m_heads)))
                        input->setTextValue(item);
            input->accept();
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            messageText = box->text();
            box->accept();
        } else if (auto *dialog = qobject_cast<QDialog *>(modal)) {
            dialog->reject();
        }
    }
    int m_heads;
    QTimer m_timer;
    QPointer<QWidget> m_last;
};

// Claims Ctrl+E the way a line edit does under the X11 key bindings (end of line). The offscreen
// platform uses other bindings, so without this the conflict would not exist in the test.
class ClaimsCtrlE : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::ShortcutOverride &&
            static_cast<QKeyEvent *>(event)->keyCombination() == (Qt::CTRL | Qt::Key_E))
            event->accept();
        return false;
    }
};

// A valid safetensors file of about `padding` bytes: seed_mha_f32's module plus one unused U8
// tensor, written sparsely so that it costs no disk space but takes real time to read and hash.
QString writeLargeWeights(const QTemporaryDir &dir, qint64 padding) {
    QFile source(fixture("seed_mha_f32.safetensors"));
    if (!source.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = source.readAll();
    quint64 headerLength = 0;
    memcpy(&headerLength, bytes.constData(), 8);
    QJsonObject header =
        QJsonDocument::fromJson(bytes.mid(8, static_cast<qsizetype>(headerLength))).object();
    const QByteArray data = bytes.mid(8 + static_cast<qsizetype>(headerLength));
    header["unused.padding"] = QJsonObject{
        {"dtype", "U8"},
        {"shape", QJsonArray{double(padding)}},
        {"data_offsets", QJsonArray{double(data.size()), double(data.size() + padding)}}};
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    const quint64 length = static_cast<quint64>(json.size());
    const QString path = dir.filePath("large.safetensors");
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(reinterpret_cast<const char *>(&length), 8);
    out.write(json);
    out.write(data);
    if (!out.resize(8 + json.size() + data.size() + padding)) // a hole: zeros, no disk blocks
        return {};
    return path;
}

} // namespace

class TestWindowTrust : public QObject {
    Q_OBJECT
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    HeadGridView *grid() const { return m_window->headGrid(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_session = std::make_unique<AttentionSession>();
        m_window = std::make_unique<MainWindow>(m_session.get());
        PipelineOptions o;
        o.sentence = "The cat sat on the mat .";
        QVERIFY(m_session->setOptions(o));
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::setActiveWindow(m_window.get()); // no window manager under Xvfb
        QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
        QTRY_COMPARE(grid()->panels().size(), 4);
    }
    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    // Item 8: a file without num_heads asks; the divisors are offered; cancel changes nothing.
    void weightsWithoutAHeadCountAsk_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("answer"); // 0 cancels
        QTest::addColumn<QStringList>("offered");
        QTest::addColumn<QString>("preselected");
        QTest::addColumn<int>("heads"); // afterwards
        const QStringList divisorsOf16{"1 head", "2 heads", "4 heads", "8 heads", "16 heads"};
        QTest::newRow("no num_heads, 8 chosen")
            << "torch_mha_bf16_nobias_causal.safetensors" << 8 << divisorsOf16
            << "4 heads (dk = 4, dv = 4)" << 8; // the window's 4 divides: preselected
        QTest::newRow("no num_heads, cancelled") << "torch_mha_bf16_nobias_causal.safetensors" << 0
                                                 << divisorsOf16 << "4 heads (dk = 4, dv = 4)" << 4;
        QTest::newRow("num_heads 2 preselected")
            << "seed_mha_f32.safetensors" << -1 << QStringList{"1 head", "2 heads", "4 heads"}
            << "2 heads (dk = 6, dv = 4) — the file's num_heads" << 2;
    }
    void weightsWithoutAHeadCountAsk() {
        QFETCH(QString, file);
        QFETCH(int, answer);
        QFETCH(QStringList, offered);
        QFETCH(QString, preselected);
        QFETCH(int, heads);
        m_session->waitForIdle();
        const auto before = m_session->snapshot();
        DialogAnswerer answerer(answer);
        const bool loaded = m_window->openWeights(fixture(file.toUtf8().constData()));
        QCOMPARE(loaded, answer != 0);
        QCOMPARE(answerer.seen, QStringList{"QInputDialog"});
        QStringList offeredCounts;
        for (const QString &item : std::as_const(answerer.headItems))
            offeredCounts << item.section(' ', 0, 1);
        QCOMPARE(offeredCounts, offered);
        QCOMPARE(answerer.headPreselected, preselected);
        QCOMPARE(m_session->hasLoadedWeights(), answer != 0);
        QTRY_COMPARE(grid()->panels().size(), heads);
        QCOMPARE(m_session->options().attention.heads, heads);
        if (answer == 0)
            QCOMPARE(m_session->snapshot(), before); // cancelled: not even recomputed
    }

    void quietOpenWithoutAHeadCountIsRefused() {
        QVERIFY(!m_window->openWeights(fixture("torch_mha_bf16_nobias_causal.safetensors"), true));
        QVERIFY(!m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().attention.heads, 4);
    }

    // Item 16: the event loop keeps turning while a large file is read and hashed off the GUI
    // thread, with a busy indicator; the newest request wins; a failed load changes nothing.
    void loadingDoesNotFreezeTheWindow() {
        QTemporaryDir dir;
        const QString large = writeLargeWeights(dir, qint64(200) << 20);
        QVERIFY(!large.isEmpty());
        DialogAnswerer answerer(2);
        int ticks = 0;
        QTimer counter;
        connect(&counter, &QTimer::timeout, this, [&] {
            if (m_window->fileLoader()->isBusy())
                ++ticks;
        });
        counter.start(2);
        QSignalSpy busy(m_window->fileLoader(), &FileLoadWorker::busyChanged);
        QElapsedTimer clock;
        clock.start();
        m_window->openWeightsInBackground(large);
        QVERIFY(m_window->fileLoader()->isBusy());
        auto *indicator = m_window->findChild<QProgressBar *>("loadingIndicator");
        QVERIFY(indicator && indicator->isVisible());
        QVERIFY(!m_session->hasLoadedWeights()); // returned before reading
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hasLoadedWeights(), 60000);
        qInfo("200 MiB read and hashed in %lld ms; a 2 ms timer ticked %d times meanwhile",
              static_cast<long long>(clock.elapsed()), ticks);
        QVERIFY2(ticks >= 5, qPrintable(QString("the timer ticked %1 times").arg(ticks)));
        QVERIFY(!indicator->isVisible());
        QCOMPARE(busy.count(), 2); // on, off
        QCOMPARE(m_session->weightsSha256(), fileSha256(large));
        QTRY_COMPARE(grid()->panels().size(), 2);
    }

    void sessionsLoadInTheBackground() {
        QTemporaryDir dir;
        const QString large = writeLargeWeights(dir, qint64(200) << 20);
        QVERIFY(!large.isEmpty());
        SessionDocument document;
        document.options.sentence = "Sessions load off the GUI thread .";
        document.options.attention.heads = 4;
        document.weightsPath = QFileInfo(large).fileName(); // relative to the session
        document.weightsSha256 = QString(64, '0');          // not its hash: a warning
        const QString path = dir.filePath("large.attnviz");
        saveSession(path, document);
        m_session->setSeed(5); // an unsaved edit
        DialogAnswerer answerer;
        int ticks = 0;
        QTimer counter;
        connect(&counter, &QTimer::timeout, this, [&] {
            if (m_window->fileLoader()->isBusy())
                ++ticks;
        });
        counter.start(2);
        m_window->openSessionInBackground(path);
        QVERIFY(m_window->fileLoader()->isBusy());
        QCOMPARE(m_window->sessionPath(), QString()); // nothing applied yet
        QTRY_COMPARE_WITH_TIMEOUT(m_window->sessionPath(), path, 60000);
        QVERIFY2(ticks >= 5, qPrintable(QString("the timer ticked %1 times").arg(ticks)));
        QVERIFY(m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().attention.heads, 4);
        QTRY_COMPARE(grid()->headView(0)->tokens().first(), QString("Sessions"));
        QTRY_VERIFY(answerer.messageText.contains("has changed since the session was saved"));
        QVERIFY(!m_window->isWindowModified());
    }

    void failedBackgroundSessionKeepsUnsavedEdits() {
        QTemporaryDir dir;
        const QString path = dir.filePath("zero.attnviz");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(toJson(SessionDocument{}))
                       .toJson()
                       .replace("\"heads\": 4", "\"heads\": 0"));
        file.close();
        m_session->setSeed(5);
        m_session->waitForIdle();
        QVERIFY(m_window->isWindowModified());
        const auto before = m_session->snapshot();
        DialogAnswerer answerer;
        m_window->openSessionInBackground(path);
        QTRY_COMPARE(answerer.messageText,
                     QString("'model.heads' must be between 1 and 256, got 0"));
        QCOMPARE(m_session->snapshot(), before);
        QCOMPARE(m_session->options().seed, std::uint64_t(5));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->sessionPath(), QString());
    }

    void sessionAskingSeveralHeadsOfASelfAttentionModuleIsRefused() {
        QTemporaryDir dir;
        const QString weights = dir.filePath("self.safetensors");
        QVERIFY(QFile::copy(fixture("seed_self_attention_f16_causal.safetensors"), weights));
        SessionDocument document;
        document.options.sentence = "one two three";
        document.weightsPath = weights;
        document.weightsSha256 = fileSha256(weights);
        const QString path = dir.filePath("self.attnviz");
        saveSession(path, document); // "heads": 4
        QString error;
        QVERIFY(!m_window->openSession(path, true, &error));
        QCOMPARE(error, QString("'weights.heads' is 4, but 'self.safetensors' holds a single-head "
                                "Self_Attention module"));
        QVERIFY(!m_session->hasLoadedWeights());
    }

    void theNewestLoadWins() {
        QTemporaryDir dir;
        const QString large = writeLargeWeights(dir, qint64(200) << 20);
        QVERIFY(!large.isEmpty());
        DialogAnswerer answerer(4);
        QSignalSpy loaded(m_window->fileLoader(), &FileLoadWorker::weightsLoaded);
        m_window->openWeightsInBackground(large);
        m_window->openWeightsInBackground(fixture("seed_mha_f64.safetensors"));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hasLoadedWeights(), 60000);
        QCOMPARE(m_session->weightsSource(), QString("seed_mha_f64.safetensors"));
        // The large file finishes later and is dropped, not applied over the newer choice.
        QTRY_VERIFY_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount() == 0, 60000);
        QCoreApplication::processEvents();
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(m_session->weightsSource(), QString("seed_mha_f64.safetensors"));
        QCOMPARE(answerer.seen, QStringList{"QInputDialog"});
    }

    void failedBackgroundLoadChangesNothing_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("FIFO") << "fifo"
                              << "FIFO";
        QTest::newRow("device") << "device"
                                << "device";
        QTest::newRow("directory") << "directory"
                                   << "directory";
    }
    void failedBackgroundLoadChangesNothing() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.filePath("w.safetensors");
        if (kind == "fifo")
            QCOMPARE(::mkfifo(path.toLocal8Bit().constData(), 0600), 0);
        else if (kind == "device")
            path = QStringLiteral("/dev/zero");
        else
            path = dir.path();
        m_session->waitForIdle();
        const auto before = m_session->snapshot();
        DialogAnswerer answerer;
        QSignalSpy failed(m_window->fileLoader(), &FileLoadWorker::weightsFailed);
        m_window->openWeightsInBackground(path);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(failed.first().at(1).toString().contains(message),
                 qPrintable(failed.first().at(1).toString()));
        QTRY_VERIFY(answerer.messageText.contains(message));
        QCOMPARE(m_session->snapshot(), before);
        QVERIFY(!m_session->hasLoadedWeights());
    }

    // Item 10: a paste longer than QLineEdit's default 32,767 characters arrives whole.
    void longPastesAreNotCut_data() {
        QTest::addColumn<int>("words");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("400 long words, 40,399 characters") << 400 << true;
        QTest::newRow("600 long words: over the token limit") << 600 << false;
    }
    void longPastesAreNotCut() {
        QFETCH(int, words);
        QFETCH(bool, accepted);
        QStringList parts;
        for (int i = 0; i < words; ++i)
            parts << QStringLiteral("w%1").arg(i, 4, 10, QLatin1Char('0')) + QString(95, 'x');
        const QString text = parts.join(' ');
        QVERIFY(text.size() > 32767);
        const QStringList before = grid()->headView(0)->tokens();
        QGuiApplication::clipboard()->setText(text);
        QLineEdit *edit = m_window->sentenceBar()->lineEdit();
        edit->setFocus();
        edit->clear();
        QTest::keySequence(edit, QKeySequence::Paste);
        QCOMPARE(edit->text().size(), text.size());
        if (accepted) {
            QTRY_COMPARE_WITH_TIMEOUT(grid()->headView(0)->tokens().size(), qsizetype(words),
                                      30000);
            QCOMPARE(grid()->headView(0)->tokens().last(), parts.last());
        } else {
            QTRY_VERIFY(m_session->errorText().contains("the limit is 512"));
            const auto labels = m_window->sentenceBar()->findChildren<QLabel *>();
            QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
                return label->isVisible() && label->text().contains("the limit is 512");
            }));
            QCOMPARE(grid()->headView(0)->tokens(), before); // the last good picture stays
        }
    }

    // Item 18: Ctrl+E opens the export dialog whichever control has focus.
    void exportShortcutWorksFromEveryControl_data() {
        QTest::addColumn<QString>("control");
        QTest::newRow("sentence field") << "sentence";
        QTest::newRow("heads spin box") << "heads";
        QTest::newRow("seed spin box") << "seed";
        QTest::newRow("head grid") << "grid";
    }
    void exportShortcutWorksFromEveryControl() {
        QFETCH(QString, control);
        QWidget *target =
            control == "sentence" ? m_window->sentenceBar()->lineEdit()
            : control == "heads"
                ? static_cast<QWidget *>(m_window->controlPanel()->headsControl()->spinBox())
            : control == "seed" ? static_cast<QWidget *>(m_window->controlPanel()->seedControl())
                                : static_cast<QWidget *>(grid());
        target->setFocus();
        QTRY_VERIFY(target->hasFocus() || control == "grid");
        ClaimsCtrlE claim;
        if (QWidget *focus = QApplication::focusWidget())
            focus->installEventFilter(&claim);
        DialogAnswerer answerer;
        QTest::keySequence(QApplication::focusWidget() ? QApplication::focusWidget()
                                                       : m_window.get(),
                           QKeySequence(Qt::CTRL | Qt::Key_E));
        QTRY_COMPARE(answerer.seen, QStringList{"attnviz::ui::ExportDialog"});
    }

    // Item 23: an outlined query row is cleared when the tokens change, kept otherwise.
    void queryOutlineFollowsTheSentence() {
        HeatmapView *head = grid()->headView(1);
        QTRY_VERIFY(head->cellsRect().height() > 50);
        QTest::mouseClick(head->plotArea(), Qt::LeftButton, {},
                          head->plotArea()->mapFrom(head, cellCentre(head, 2, 4)));
        QCOMPARE(grid()->highlightedRow(), 2);
        m_window->controlPanel()->colormapControl()->setCurrentIndex(1); // same tokens: kept
        QCOMPARE(grid()->highlightedRow(), 2);
        m_session->setSentence("A dog ran in the park today .");
        QTRY_COMPARE(grid()->headView(0)->tokens().first(), QString("A"));
        QCOMPARE(grid()->highlightedRow(), -1);
        for (HeatmapView *view : grid()->panels())
            QCOMPARE(view->highlightedRow(), -1);
    }
};

QTEST_MAIN(TestWindowTrust)
#include "test_window_trust.moc"
