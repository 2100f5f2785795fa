// The document controller without a window: sessions saved and reopened, failures that change
// nothing, recent sessions, the last state, edits, a model's layer, and weights questions
// answered by a fixed answerer instead of dialogs.
#include <attention_session.h>
#include <document_controller.h>
#include <file_load_worker.h>
#include <model_loader.h>

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

const QString kPrefixedWeights = QStringLiteral("safetensors/torch_mha_f32_prefix.safetensors");

QString fixture(const QString &path) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/") + path;
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Answers the weights questions as a test decides, and remembers what was asked.
struct FixedAnswers : WeightsAnswers {
    std::optional<int> heads;
    QList<HeadCountQuestion> asked;
    std::optional<int> chooseModule(const QString &, const QStringList &) override { return 0; }
    std::optional<int> chooseHeadCount(const HeadCountQuestion &question) override {
        asked << question;
        return heads;
    }
};

} // namespace

class TestDocumentController : public QObject {
    Q_OBJECT
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<DocumentController> m_documents;
    DocumentViewState m_view; // what the "window" shows; viewStateApplied writes it

    void makeController() {
        m_documents.reset();
        m_session = std::make_unique<AttentionSession>();
        m_documents =
            std::make_unique<DocumentController>(m_session.get(), std::vector<BuiltinModelInfo>{});
        m_documents->setViewStateSource([this] { return m_view; });
        connect(m_documents.get(), &DocumentController::viewStateApplied, this,
                [this](const DocumentViewState &view, const QString &) {
                    m_view = view;
                    m_documents->markModified(); // the controls' echo is not an edit
                });
    }

    // A last state on `weights` saved, and a new controller restoring it.
    void restartOnLastStateWithWeights(const QString &weights) {
        QVERIFY(m_documents->openWeights(fixture(weights), true));
        setSentence("Weights from the last run.");
        m_documents->saveLastState();
        makeController();
        m_documents->restoreLastState();
    }

    void setSentence(const std::string &sentence) {
        PipelineOptions options = m_session->options();
        options.sentence = sentence;
        QVERIFY(m_session->setOptions(options));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // keep users' settings out

    void init() {
        QSettings().clear();
        m_view = {};
        makeController();
        PipelineOptions options;
        options.sentence = "The cat sat on the mat.";
        options.attention.heads = 2;
        QVERIFY(m_session->setOptions(options));
        m_documents->setModified(false);
    }

    void cleanup() {
        m_documents.reset();
        m_session.reset();
    }

    void saveAndOpenRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.attnviz");
        m_view.meanPanel = true;
        m_view.lockSizes = true;
        m_view.tokenView.mergeSubwords = true;
        setSentence("Round trips keep every setting.");
        QVERIFY(m_documents->isModified());
        QSignalSpy paths(m_documents.get(), &DocumentController::sessionPathChanged);
        QVERIFY(m_documents->saveSessionTo(path, true));
        QCOMPARE(m_documents->sessionPath(), path);
        QVERIFY(!m_documents->isModified());
        QCOMPARE(paths.count(), 1);
        const SessionDocument saved = m_documents->currentDocument();

        m_view = {};
        makeController();
        QVERIFY(m_session->options().sentence != saved.options.sentence);
        QString error;
        QVERIFY2(m_documents->openSession(path, true, &error), qPrintable(error));
        QCOMPARE(m_session->options().sentence, std::string("Round trips keep every setting."));
        QCOMPARE(m_session->options().attention.heads, 2);
        QVERIFY(m_view.meanPanel && m_view.lockSizes && m_view.tokenView.mergeSubwords);
        QCOMPARE(m_documents->sessionPath(), path);
        QVERIFY(!m_documents->isModified()); // applying a document is not an edit
        QCOMPARE(toJson(m_documents->currentDocument()), toJson(saved));
    }

    void failingWriteKeepsTheMarkAndTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("a.attnviz");
        QVERIFY(m_documents->saveSessionTo(path, true));
        const QByteArray before = readFile(path);
        setSentence("An edit that the disk will not take.");
        QVERIFY(m_documents->isModified());
        m_documents->setSessionWriter([](QSaveFile &, const QByteArray &, QString *error) {
            *error = QStringLiteral("No space left on device");
            return false;
        });
        QSignalSpy failed(m_documents.get(), &DocumentController::saveFailed);
        QString error;
        QVERIFY(!m_documents->saveSessionTo(path, false, &error));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QCOMPARE(failed.count(), 1);
        QVERIFY(m_documents->isModified());
        QCOMPARE(readFile(path), before);
        QCOMPARE(m_documents->sessionPath(), path);
    }

    void badSessionChangesNothing() {
        QTemporaryDir dir;
        const QString good = dir.filePath("good.attnviz");
        QVERIFY(m_documents->saveSessionTo(good, true));
        setSentence("Unsaved work stays.");
        const QString bad = dir.filePath("bad.attnviz");
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "attnviz-session", "version": 2, "sentence": 42})");
        file.close();
        const auto before = m_session->options();
        const QStringList recent = DocumentController::recentSessions();
        QSignalSpy failed(m_documents.get(), &DocumentController::sessionFailed);
        QVERIFY(!m_documents->openSession(bad, false));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.first().first().toString().isEmpty());
        QCOMPARE(m_session->options().sentence, before.sentence);
        QCOMPARE(m_documents->sessionPath(), good);
        QVERIFY(m_documents->isModified());
        QCOMPARE(DocumentController::recentSessions(), recent);
        // A session whose weights file is refused applies nothing either.
        QVERIFY(!m_documents->openSession(dir.filePath("missing.attnviz"), true));
        QCOMPARE(m_session->options().sentence, before.sentence);
    }

    void recentSessionsNewestFirstAndCapped() {
        QTemporaryDir dir;
        QStringList paths;
        for (int i = 0; i < DocumentController::kMaxRecent + 2; ++i) {
            paths << dir.filePath(QStringLiteral("s%1.attnviz").arg(i));
            QVERIFY(m_documents->saveSessionTo(paths.last(), true));
        }
        QStringList expected;
        for (int i = static_cast<int>(paths.size()) - 1; expected.size() < 8; --i)
            expected << paths[i];
        QCOMPARE(DocumentController::recentSessions(), expected);
        // Reopening an older one moves it to the front, once.
        QVERIFY(m_documents->openSession(paths[4], true));
        expected.removeAll(paths[4]);
        expected.prepend(paths[4]);
        QCOMPARE(DocumentController::recentSessions(), expected);
    }

    void lastStateIsRestored() {
        setSentence("Where the last run stopped.");
        m_view.meanPanel = true;
        m_documents->saveLastState();
        m_view = {};
        makeController();
        m_documents->restoreLastState();
        QCOMPARE(m_session->options().sentence, std::string("Where the last run stopped."));
        QVERIFY(m_view.meanPanel);
        QVERIFY(!m_documents->isModified());
        QVERIFY(m_documents->sessionPath().isEmpty()); // untitled, as it was
    }

    // A last state with a weights file: read off the GUI thread, then applied whole and clean.
    void lastStateWeightsLoadInTheBackground() {
        restartOnLastStateWithWeights(kPrefixedWeights);
        QVERIFY(!m_session->hasLoadedWeights()); // not read on this thread
        QVERIFY(m_documents->fileLoader()->isBusy());
        QTRY_VERIFY(m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().sentence, std::string("Weights from the last run."));
        QCOMPARE(m_session->options().attention.heads, 4); // the file's num_heads, as saved
        QVERIFY(!m_documents->isModified());
    }

    // What the user does while the last state's weights are read wins over the last state.
    void anEditBeforeTheLastStateArrivesWins() {
        restartOnLastStateWithWeights(kPrefixedWeights);
        setSentence("Typed at once.");
        QVERIFY(!m_documents->fileLoader()->isBusy()); // no loading indicator for what is dropped
        QThreadPool::globalInstance()->waitForDone();  // the dropped load has finished…
        QCoreApplication::processEvents();             // …and its result has been delivered
        QVERIFY(!m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().sentence, std::string("Typed at once."));
    }

    // Closing before the last state's weights arrive keeps that state for the next start.
    void closingBeforeTheLastStateArrivesKeepsIt() {
        restartOnLastStateWithWeights(kPrefixedWeights);
        m_documents->saveLastState(); // the window closes at once
        QThreadPool::globalInstance()->waitForDone();
        makeController();
        m_documents->restoreLastState();
        QTRY_VERIFY(m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().sentence, std::string("Weights from the last run."));
    }

    // Saving before it arrives: the file holds what is shown, and nothing replaces it.
    void savingBeforeTheLastStateArrivesKeepsTheSavedDocument() {
        restartOnLastStateWithWeights(kPrefixedWeights);
        QTemporaryDir dir;
        QVERIFY(m_documents->saveSessionTo(dir.filePath("early.attnviz"), true));
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!m_session->hasLoadedWeights());
        QVERIFY(!m_documents->isModified());
    }

    // Weights that moved away since the last run: a fresh start, and no error to dismiss.
    void lastStateWithMissingWeightsIsAFreshStart() {
        QTemporaryDir dir;
        const QString weights = dir.filePath("moved.safetensors");
        QVERIFY(QFile::copy(fixture("safetensors/torch_mha_f32_prefix.safetensors"), weights));
        QVERIFY(m_documents->openWeights(weights, true));
        setSentence("Weights that moved away.");
        m_documents->saveLastState();
        QVERIFY(QFile::remove(weights));
        makeController();
        const std::string fresh = m_session->options().sentence;
        QSignalSpy weightsFailed(m_documents.get(), &DocumentController::weightsFailed);
        QSignalSpy sessionFailed(m_documents.get(), &DocumentController::sessionFailed);
        m_documents->restoreLastState();
        QTRY_VERIFY(!m_documents->fileLoader()->isBusy());
        QTest::qWait(50);
        QVERIFY(!m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().sentence, fresh);
        QCOMPARE(weightsFailed.count() + sessionFailed.count(), 0);
    }

    void firstStartOpensTheGivenModel() {
        m_documents->restoreLastState(fixture("models/gpt2_plain"));
        QTRY_VERIFY(m_session->hasModel());
    }

    void editsMarkTheDocument() {
        QSignalSpy modified(m_documents.get(), &DocumentController::modifiedChanged);
        setSentence("One edit.");
        QVERIFY(m_documents->isModified());
        QCOMPARE(modified.count(), 1);
        setSentence("Two edits."); // already modified: no second signal
        QCOMPARE(modified.count(), 1);
        m_documents->setModified(false);
        m_documents->markModified(); // a view option changed
        QVERIFY(m_documents->isModified());
    }

    void sessionKeepsTheModelAndItsLayer() {
        QVERIFY(m_documents->openModel(fixture("models/distilbert"), true, 2));
        QTRY_VERIFY(m_session->hasModel() && m_session->layer() == 2);
        QTemporaryDir dir;
        const QString path = dir.filePath("model.attnviz");
        QVERIFY(m_documents->saveSessionTo(path, true));
        QCOMPARE(m_documents->currentDocument().modelLayer, 2);
        makeController();
        QVERIFY(m_documents->openSession(path, true));
        QTRY_VERIFY(m_session->hasModel() && m_session->layer() == 2);
        QVERIFY(!m_documents->isModified());
    }

    void modelLayerPastTheEndIsReported() {
        QSignalSpy failed(m_documents.get(), &DocumentController::modelFailed);
        QVERIFY(m_documents->openModel(fixture("models/gpt2_plain"), false, 7));
        QTRY_VERIFY(m_session->hasModel());
        QCOMPARE(m_session->layer(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("no layer 8"));
        QVERIFY(!m_documents->openModel(QStringLiteral("no such model"), false));
        QCOMPARE(failed.count(), 2);
    }

    void weightsQuestionsAreAnsweredByTheInjectedAnswers() {
        FixedAnswers answers;
        m_documents->setAnswers(&answers);
        const QString weights = fixture("safetensors/torch_mha_f32_prefix.safetensors");
        answers.heads = std::nullopt; // cancelled: nothing changes
        QVERIFY(!m_documents->openWeights(weights));
        QCOMPARE(answers.asked.size(), 1);
        QCOMPARE(answers.asked.first().declared, std::optional<int>(4));
        QVERIFY(!m_session->hasLoadedWeights());
        answers.heads = 8; // not the file's own count: the answer decides
        QVERIFY(m_documents->openWeights(weights));
        QVERIFY(m_session->hasLoadedWeights());
        QCOMPARE(m_session->options().attention.heads, 8);
        // Quiet asks nothing and uses the file's num_heads.
        makeController();
        m_documents->setAnswers(&answers);
        QVERIFY(m_documents->openWeights(weights, true));
        QCOMPARE(answers.asked.size(), 2);
        QCOMPARE(m_session->options().attention.heads, 4);
    }
};

QTEST_MAIN(TestDocumentController)
#include "test_document_controller.moc"
