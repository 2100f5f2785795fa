// Sessions: a saved window reproduces the same numbers; bad files change nothing.
#include <attention_session.h>
#include <control_panel.h>
#include <head_grid_view.h>
#include <main_window.h>
#include <session_file.h>
#include <slider_spin_box.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/stat.h>

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

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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
            << edited("\"version\": 2", "\"version\": 9") << "newer attnviz";
        QTest::newRow("heads as text") << edited("\"heads\": 4", "\"heads\": \"four\"")
                                       << "'model.heads' must be a whole number";
        QTest::newRow("heads zero") << edited("\"heads\": 4", "\"heads\": 0")
                                    << "'model.heads' must be between 1 and 256, got 0";
        QTest::newRow("heads fractional")
            << edited("\"heads\": 4", "\"heads\": 2.5") << "'model.heads' must be a whole number";
        QTest::newRow("heads enormous") << edited("\"heads\": 4", "\"heads\": 1e300")
                                        << "'model.heads' must be between 1 and 256, got 1e+300";
        QTest::newRow("dk negative") << edited("\"dk\": 16", "\"dk\": -3")
                                     << "'model.dk' must be between 1 and 4096, got -3";
        QTest::newRow("dv too wide") << edited("\"dv\": 16", "\"dv\": 5000")
                                     << "'model.dv' must be between 1 and 4096, got 5000";
        QTest::newRow("d_model zero") << edited("\"d_model\": 64", "\"d_model\": 0")
                                      << "'model.d_model' must be between 1 and 8192, got 0";
        QTest::newRow("max_tokens zero") << edited("\"max_tokens\": 512", "\"max_tokens\": 0")
                                         << "'max_tokens' must be between 1 and 100000, got 0";
        QTest::newRow("version zero")
            << edited("\"version\": 2", "\"version\": 0") << "'version' must be between 1";
        QTest::newRow("seed negative")
            << edited("\"seed\": \"42\"", "\"seed\": \"-1\"") << "'seed' must be a whole number";
        QTest::newRow("seed with spaces")
            << edited("\"seed\": \"42\"", "\"seed\": \" 42\"") << "'seed' must be a whole number";
        QTest::newRow("seed over 64 bits")
            << edited("\"seed\": \"42\"", "\"seed\": \"18446744073709551616\"")
            << "'seed' must be a whole number";
        QTest::newRow("seed as a number")
            << edited("\"seed\": \"42\"", "\"seed\": 42") << "'seed' must be text";
        QTest::newRow("unknown scale")
            << edited("\"shared-unit\"", "\"log\"") << "'view.scale' must be one of";
        QTest::newRow("unknown tokenizer")
            << edited("\"words\"", "\"bpe\"") << "unknown tokenizer 'bpe'";
        QTest::newRow("values as text") << edited("\"values\": true", "\"values\": \"yes\"")
                                        << "'view.values' must be true or false";
        const auto withWeights = [&](const char *weights) {
            return edited("\"weights\": null", weights);
        };
        QTest::newRow("weights heads zero (was SIGFPE)")
            << withWeights("\"weights\": {\"file\": \"w.safetensors\", \"sha256\": \"\", "
                           "\"prefix\": \"\", \"heads\": 0}")
            << "'weights.heads' must be between 1 and 256, got 0";
        QTest::newRow("weights heads negative")
            << withWeights("\"weights\": {\"file\": \"w.safetensors\", \"sha256\": \"\", "
                           "\"prefix\": \"\", \"heads\": -4}")
            << "'weights.heads' must be between 1 and 256, got -4";
        QTest::newRow("weights sha256 not hex")
            << withWeights("\"weights\": {\"file\": \"w.safetensors\", \"sha256\": \"xyz\", "
                           "\"prefix\": \"\", \"heads\": 2}")
            << "'weights.sha256' must be 64";
        QTest::newRow("weights file empty")
            << withWeights("\"weights\": {\"file\": \"\", \"sha256\": \"\", "
                           "\"prefix\": \"\", \"heads\": 2}")
            << "'weights.file' is empty";
        QTest::newRow("weights file is /dev/zero (hashed forever)")
            << withWeights("\"weights\": {\"file\": \"/dev/zero\", \"sha256\": \"\", "
                           "\"prefix\": \"\", \"heads\": 2}")
            << "'/dev/zero' is a device, not a regular file";
        QTest::newRow("weights file is a directory")
            << withWeights("\"weights\": {\"file\": \".\", \"sha256\": \"\", "
                           "\"prefix\": \"\", \"heads\": 2}")
            << "is a directory, not a regular file";
        QTest::newRow("weights file is a FIFO (blocked forever)")
            << withWeights("\"weights\": {\"file\": \"fifo.safetensors\", \"sha256\": \"\", "
                           "\"prefix\": \"\", \"heads\": 2}")
            << "is a FIFO (named pipe), not a regular file";
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
        QCOMPARE(::mkfifo(dir.filePath("fifo.safetensors").toLocal8Bit().constData(), 0600), 0);
        m_session->setSeed(1234); // an unsaved edit, which a failed open must keep
        m_session->waitForIdle();
        QVERIFY(m_window->isWindowModified());
        const auto before = m_session->snapshot();
        const PipelineOptions options = m_session->options();
        QString error;
        QVERIFY(!m_window->openSession(path, true, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(!error.contains("--help"), qPrintable(error)); // the cause, and nothing else
        QCOMPARE(m_session->snapshot(), before);
        QCOMPARE(m_session->options().sentence, options.sentence);
        QCOMPARE(m_session->options().seed, std::uint64_t(1234));
        QVERIFY(m_session->options().attention == options.attention);
        QVERIFY(m_window->sessionPath().isEmpty());
        QVERIFY(m_window->isWindowModified());
        int exitCode = 0;
        const QByteArray err = runAttnviz({"--session", path, "--dump", "-"}, &exitCode);
        QCOMPARE(exitCode, 2);
        QVERIFY2(err.contains(message.toUtf8()), err.constData());
    }

    // Item 3: a session path must be a regular file of sensible size; nothing blocks or hangs.
    void unreadableSessionPathsAreRefused_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("/dev/zero") << "device"
                                   << "is a device, not a regular file";
        QTest::newRow("FIFO") << "fifo"
                              << "is a FIFO (named pipe), not a regular file";
        QTest::newRow("directory") << "directory"
                                   << "is a directory, not a regular file";
        QTest::newRow("17 MiB") << "large"
                                << "has 17 MiB; the limit is 16 MiB";
        QTest::newRow("missing") << "missing"
                                 << "No such file or directory";
    }
    void unreadableSessionPathsAreRefused() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.filePath("s.attnviz");
        if (kind == "device") {
            path = QStringLiteral("/dev/zero");
        } else if (kind == "fifo") {
            QCOMPARE(::mkfifo(path.toLocal8Bit().constData(), 0600), 0);
        } else if (kind == "directory") {
            path = dir.path();
        } else if (kind == "large") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(17 << 20));
        }
        m_session->waitForIdle();
        const auto before = m_session->snapshot();
        QString error;
        QVERIFY(!m_window->openSession(path, true, &error));
        QVERIFY2(error.contains(message) && error.contains("the session '"), qPrintable(error));
        QCOMPARE(m_session->snapshot(), before);
        QCOMPARE(m_window->sessionPath(), QString());
    }

    // Item 26: the dialog shows the cause, without command-line advice.
    void sessionErrorDialogNamesOnlyTheCause() {
        QTemporaryDir dir;
        const QString path = dir.filePath("zero.attnviz");
        QByteArray json = QJsonDocument(toJson(SessionDocument{})).toJson();
        writeFile(path, json.replace("\"heads\": 4", "\"heads\": 0"));
        QString shown;
        QTimer::singleShot(0, [&shown] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            shown = box->text();
            box->accept();
        });
        QVERIFY(!m_window->openSession(path));
        QCOMPARE(shown, QString("'model.heads' must be between 1 and 256, got 0"));
    }

    // Item 12: every write is checked; a failed save keeps the `*`, says why, and leaves the
    // previous file as it was. Here through a writer that fails like a full disk.
    void failingWritesKeepThePreviousFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("kept.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        const QByteArray before = readFile(path);
        m_session->setSeed(77);
        QVERIFY(m_window->isWindowModified());
        m_window->setSessionWriter([](QSaveFile &file, const QByteArray &bytes, QString *error) {
            file.write(bytes.left(bytes.size() / 2)); // a short write, as on a full disk
            *error = QStringLiteral("No space left on device");
            return false;
        });
        QString error;
        QVERIFY(!m_window->saveSessionTo(path, true, &error));
        QVERIFY2(error.contains("No space left on device") && error.contains("unchanged"),
                 qPrintable(error));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(readFile(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"kept.attnviz"});
        m_window->setSessionWriter({});
        QVERIFY(m_window->saveSessionTo(path, true));
        QVERIFY(!m_window->isWindowModified());
        QCOMPARE(loadSession(path, nullptr).options.seed, std::uint64_t(77));
    }

    // The same on a real full file system: a 64 KiB tmpfs (needs root to mount).
    void fullDiskKeepsThePreviousFile() {
        QTemporaryDir dir;
        const QByteArray mountPoint = dir.path().toLocal8Bit();
        const int mounted = ::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k");
        if (mounted != 0)
            QSKIP(qPrintable(QString("cannot mount a 64 KiB tmpfs here (%1); the writer seam "
                                     "test covers the check")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)))));
        const auto unmount = qScopeGuard([&] { ::umount2(mountPoint.constData(), MNT_DETACH); });
        const QString path = dir.filePath("full.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        const QByteArray before = readFile(path);
        { // fill what is left
            QFile filler(dir.filePath("filler"));
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(4096, 'f');
            while (filler.write(block) == block.size()) {
            }
        }
        m_session->setSentence(QString(20000, 'a')); // a session larger than the free space
        QVERIFY(m_window->isWindowModified());
        QString error;
        QVERIFY(!m_window->saveSessionTo(path, true, &error));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(readFile(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), (QStringList{"filler", "full.attnviz"}));
    }

    void savingOverANonRegularFileIsRefused() {
        QString error;
        QVERIFY(!m_window->saveSessionTo(QStringLiteral("/dev/null"), true, &error));
        QVERIFY2(error.contains("not a regular file"), qPrintable(error));
        QVERIFY(QFileInfo(QStringLiteral("/dev/null")).exists() &&
                !QFileInfo(QStringLiteral("/dev/null")).isFile());
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
