// Sessions: a saved window reproduces the same numbers; bad files change nothing.
#include <attention_session.h>
#include <control_panel.h>
#include <head_grid_view.h>
#include <main_window.h>
#include <session_file.h>
#include <slider_spin_box.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QByteArray runAttnviz(const QStringList &arguments, int *exitCode = nullptr) {
    QProcess process;
    process.start(QStringLiteral(ATTNVIZ_EXECUTABLE), arguments);
    process.waitForFinished(60000);
    if (exitCode)
        *exitCode = process.exitCode();
    return process.exitCode() == 0 ? process.readAllStandardOutput()
                                   : process.readAllStandardError();
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
}

QString fixture(const char *name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/safetensors/") + name;
}

} // namespace

class TestSessions : public QObject {
    Q_OBJECT
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // keep users' settings out

    void init() {
        m_session = std::make_unique<AttentionSession>();
        m_window = std::make_unique<MainWindow>(m_session.get());
        PipelineOptions o;
        o.sentence = "The cat sat on the mat.";
        QVERIFY(m_session->setOptions(o));
    }
    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void roundTripReproducesTheDump() {
        QTemporaryDir dir;
        PipelineOptions o = m_session->options();
        o.sentence = "多头注意力让模型从不同角度看输入序列";
        o.seed = 7;
        o.attention = {32, 3, 5, 6, true, false};
        o.positional = false;
        QVERIFY(m_session->setOptions(o));
        m_window->controlPanel()->colormapControl()->setCurrentIndex(2);
        const QString path = dir.filePath("figure.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->windowTitle().startsWith("figure.attnviz"));

        const QByteArray fromSession = runAttnviz({"--session", path, "--dump", "-"});
        const QByteArray fromFlags =
            runAttnviz({"--sentence", "多头注意力让模型从不同角度看输入序列", "--seed", "7",
                        "--dim", "32", "--heads", "3", "--dk", "5", "--dv", "6", "--causal",
                        "--no-positional", "--dump", "-"});
        QVERIFY(!fromSession.isEmpty());
        QCOMPARE(fromSession, fromFlags);                       // identical, byte for byte
        QCOMPARE(runAttnviz({path, "--dump", "-"}), fromFlags); // attnviz FILE.attnviz

        // Re-rendered headless from the session alone, in the session's colour map.
        const QString pdf = dir.filePath("figure.pdf");
        int exitCode = -1;
        runAttnviz({"--session", path, "--export", pdf}, &exitCode);
        QCOMPARE(exitCode, 0);
        QFile rendered(pdf);
        QVERIFY(rendered.open(QIODevice::ReadOnly) && rendered.read(5) == "%PDF-");

        AttentionSession other;
        MainWindow reopened(&other);
        QVERIFY(reopened.openSession(path, true));
        QVERIFY(other.options().attention == o.attention);
        QCOMPARE(other.options().seed, std::uint64_t(7));
        QCOMPARE(reopened.headGrid()->style().colormap, Colormap::Cividis);
        QVERIFY(!reopened.isWindowModified());
        other.setSeed(8);
        QVERIFY(reopened.isWindowModified()); // an edit after opening marks the title
    }

    void sessionsRememberLoadedWeights() {
        QTemporaryDir dir;
        const QString weights = dir.filePath("w.safetensors");
        QVERIFY(QFile::copy(fixture("seed_mha_f32.safetensors"), weights));
        QVERIFY(m_window->openWeights(weights, true));
        m_session->setHeads(4);
        const QString path = dir.filePath("loaded.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        const QJsonObject saved = QJsonDocument::fromJson([&] {
                                      QFile f(path);
                                      f.open(QIODevice::ReadOnly);
                                      return f.readAll();
                                  }())
                                      .object();
        QCOMPARE(saved["weights"]["sha256"].toString(), fileSha256(weights));
        QCOMPARE(saved["weights"]["heads"].toInt(), 4);

        AttentionSession other;
        MainWindow reopened(&other);
        QVERIFY(reopened.openSession(path, true));
        QVERIFY(other.hasLoadedWeights());
        QCOMPARE(other.options().attention.heads, 4);
        QCOMPARE(other.options().attention.dk, 3);

        // The weights change: opened with a warning. They vanish: refused, nothing changes.
        QByteArray bytes = [&] {
            QFile f(weights);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        bytes[bytes.size() - 1] = static_cast<char>(bytes[bytes.size() - 1] ^ 0x01);
        writeFile(weights, bytes);
        QStringList warnings;
        loadSession(path, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains("changed"));
        QFile::remove(weights);
        const auto before = other.snapshot();
        QString error;
        QVERIFY(!reopened.openSession(path, true, &error));
        QVERIFY2(error.contains("missing"), qPrintable(error));
        QCOMPARE(other.snapshot(), before);
    }

    void badSessionFilesChangeNothing_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");
        QByteArray valid = QJsonDocument(toJson(SessionDocument{})).toJson();
        const auto edited = [&](const char *from, const char *to) {
            return QByteArray(valid).replace(from, to);
        };
        QTest::newRow("not JSON") << QByteArray("heads = 4") << "not JSON";
        QTest::newRow("a JSON list") << QByteArray("[1, 2]") << "not a JSON object";
        QTest::newRow("not a session") << QByteArray("{\"a\": 1}") << "not an attnviz session";
        QTest::newRow("future version")
            << edited("\"version\": 1", "\"version\": 9") << "newer attnviz";
        QTest::newRow("heads as text") << edited("\"heads\": 4", "\"heads\": \"four\"")
                                       << "'model.heads' must be a whole number";
        QTest::newRow("heads zero")
            << edited("\"heads\": 4", "\"heads\": 0") << "heads must be between";
        QTest::newRow("causal as number") << edited("\"causal\": false", "\"causal\": 0")
                                          << "'model.causal' must be true or false";
        QTest::newRow("unknown colormap") << edited("\"viridis\"", "\"rainbow\"") << "colour map";
        QTest::newRow("missing sentence")
            << edited("\"sentence\"", "\"sentense\"") << "no 'sentence'";
        QTest::newRow("missing weights file")
            << edited("\"weights\": null", "\"weights\": {\"file\": \"gone.safetensors\", "
                                           "\"sha256\": \"\", \"prefix\": \"\", \"heads\": 2}")
            << "missing";
    }
    void badSessionFilesChangeNothing() {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.attnviz");
        writeFile(path, contents);
        m_session->waitForIdle();
        const auto before = m_session->snapshot();
        const PipelineOptions options = m_session->options();
        QString error;
        QVERIFY(!m_window->openSession(path, true, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(m_session->snapshot(), before);
        QCOMPARE(m_session->options().sentence, options.sentence);
        QVERIFY(m_session->options().attention == options.attention);
        QVERIFY(m_window->sessionPath().isEmpty());
        int exitCode = 0;
        const QByteArray err = runAttnviz({"--session", path, "--dump", "-"}, &exitCode);
        QCOMPARE(exitCode, 2);
        QVERIFY2(err.contains(message.toUtf8()), err.constData());
    }

    void failedSaveKeepsThePreviousFileAndSaysSo() {
        QTemporaryDir dir;
        const QString path = dir.filePath("kept.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        m_session->setSeed(99);
        QString error;
        QVERIFY(
            !m_window->saveSessionTo(dir.filePath("kept.attnviz/inside.attnviz"), true, &error));
        QVERIFY2(error.contains("cannot save"), qPrintable(error));
        QCOMPARE(m_window->sessionPath(), path); // still the file that was saved
        QVERIFY(m_window->isWindowModified());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void closingWithUnsavedChangesAsks() {
        QTemporaryDir dir;
        const QString path = dir.filePath("asked.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        m_window->show();
        m_session->setSeed(5);
        QVERIFY(m_window->isWindowModified());
        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box && box->text().contains("asked.attnviz"));
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!m_window->close()); // cancelled: still open, still modified
        QVERIFY(m_window->isVisible() && m_window->isWindowModified());
        answer(QMessageBox::Save);
        QVERIFY(m_window->close());
        QCOMPARE(loadSession(path, nullptr).options.seed, std::uint64_t(5)); // saved on the way out
    }

    void sessionWithOtherFlagsIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath("s.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        int exitCode = 0;
        const QByteArray err =
            runAttnviz({"--session", path, "--heads", "2", "--dump", "-"}, &exitCode);
        QCOMPARE(exitCode, 2);
        QVERIFY(err.contains("--heads cannot be combined with a session"));
    }
};

QTEST_MAIN(TestSessions)
#include "test_sessions.moc"
