// Loading model folders in the window: progress that only grows and reaches the end, a Cancel
// that keeps the model shown, an event loop that keeps turning, and sessions that record each
// model file's SHA-256 (a changed file warns, a missing one refuses, version 1 files still open).
#include "../support/window_start.h"

#include <attention_session.h>
#include <file_load_worker.h>
#include <main_window.h>
#include <model_load_indicator.h>
#include <model_loader.h>
#include <session_file.h>

#include <attnviz/error.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

namespace {

// A GPT-2 folder large enough to take a while to convert: `layers` blocks of width `width` in F16
// (zeros are valid weights), with the fixture's tokenizer files.
void writeLargeGpt2(const QString &folder, int layers, int width) {
    for (const char *file : {"vocab.json", "merges.txt"})
        QVERIFY(QFile::copy(fixtureModel("gpt2_plain") + '/' + file, folder + '/' + file));
    QFile config(fixtureModel("gpt2_plain") + "/config.json");
    QVERIFY(config.open(QIODevice::ReadOnly));
    QJsonObject c = QJsonDocument::fromJson(config.readAll()).object();
    c["n_layer"] = layers;
    c["n_embd"] = width;
    c["n_head"] = 8;
    QFile out(folder + "/config.json");
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(c).toJson());
    out.close();

    const qint64 vocab = c["vocab_size"].toInteger(), positions = c["n_positions"].toInteger();
    QList<std::pair<QString, QList<qint64>>> tensors{{"wte.weight", {vocab, width}},
                                                     {"wpe.weight", {positions, width}}};
    for (int l = 0; l < layers; ++l) {
        const QString h = QStringLiteral("h.%1.").arg(l);
        tensors.append({h + "ln_1.weight", {width}});
        tensors.append({h + "ln_1.bias", {width}});
        tensors.append({h + "attn.c_attn.weight", {width, 3 * width}});
        tensors.append({h + "attn.c_attn.bias", {3 * width}});
        tensors.append({h + "attn.c_proj.weight", {width, width}});
        tensors.append({h + "attn.c_proj.bias", {width}});
        tensors.append({h + "ln_2.weight", {width}});
        tensors.append({h + "ln_2.bias", {width}});
        tensors.append({h + "mlp.c_fc.weight", {width, 4 * width}});
        tensors.append({h + "mlp.c_fc.bias", {4 * width}});
        tensors.append({h + "mlp.c_proj.weight", {4 * width, width}});
        tensors.append({h + "mlp.c_proj.bias", {width}});
    }
    tensors.append({"ln_f.weight", {width}});
    tensors.append({"ln_f.bias", {width}});
    QJsonObject header;
    qint64 offset = 0;
    for (const auto &[name, shape] : tensors) {
        qint64 count = 1;
        QJsonArray dims;
        for (const qint64 d : shape) {
            count *= d;
            dims.append(d);
        }
        header[name] = QJsonObject{{"dtype", "F16"},
                                   {"shape", dims},
                                   {"data_offsets", QJsonArray{offset, offset + 2 * count}}};
        offset += 2 * count;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while (json.size() % 8)
        json.append(' ');
    QFile weights(folder + "/model.safetensors");
    QVERIFY(weights.open(QIODevice::WriteOnly));
    const quint64 length = static_cast<quint64>(json.size());
    weights.write(reinterpret_cast<const char *>(&length), 8); // little-endian on this machine
    weights.write(json);
    QVERIFY(weights.resize(8 + json.size() + offset)); // zeros
}

} // namespace

class TestModelLoading : public QObject {
    Q_OBJECT
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    void openAndWait(const QString &model) {
        const QString error = openModelAndWait(*m_window, *m_session, model);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { QVERIFY(startWindow(m_session, m_window)); }

    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void progressGrowsAndReachesTheEnd() {
        QTemporaryDir dir;
        writeLargeGpt2(dir.path(), 4, 256);
        ModelLoader loader;
        QSignalSpy progress(&loader, &ModelLoader::progress);
        QSignalSpy loaded(&loader, &ModelLoader::loaded);
        loader.load(dir.path(), dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 30000);
        QVERIFY(progress.size() >= 2);
        qint64 last = -1;
        for (const QList<QVariant> &report : progress) {
            const qint64 done = report[0].toLongLong(), total = report[1].toLongLong();
            QVERIFY2(done >= last, "progress went back");
            QVERIFY(done <= total && total > 0);
            last = done;
        }
        QCOMPARE(progress.last()[0].toLongLong(), progress.last()[1].toLongLong());
    }

    void eventLoopTurnsWhileALargeModelLoads() {
        QTemporaryDir dir;
        writeLargeGpt2(dir.path(), 8, 512); // about 50 MB of F16
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            if (m_window->modelLoader()->isLoading())
                ++ticks;
        });
        timer.start(1);
        QVERIFY(m_window->openModel(dir.path(), true));
        auto *indicator = m_window->findChild<ModelLoadIndicator *>();
        QVERIFY(indicator);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->hasModel(), 60000);
        QVERIFY2(ticks >= 2,
                 qPrintable(QStringLiteral("%1 timer ticks during the load").arg(ticks)));
        QTRY_VERIFY(!indicator->isVisible()); // hidden once idle
    }

    void cancelKeepsTheModelShown() {
        openAndWait(fixtureModel("bert"));
        const auto model = m_session->model();
        const auto snapshot = m_session->snapshot();
        QTemporaryDir dir;
        writeLargeGpt2(dir.path(), 4, 256);
        ModelLoader *loader = m_window->modelLoader();
        QSignalSpy cancelled(loader, &ModelLoader::cancelled);
        QSignalSpy loaded(loader, &ModelLoader::loaded);
        QVERIFY(m_window->openModel(dir.path(), true));
        auto *indicator = m_window->findChild<ModelLoadIndicator *>();
        QVERIFY(indicator->isVisible());
        QTest::mouseClick(indicator->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE(cancelled.size(), 1);
        QTest::qWait(50);
        QCOMPARE(loaded.size(), 0);
        QCOMPARE(m_session->model(), model);
        QCOMPARE(m_session->snapshot(), snapshot);
        QVERIFY(!indicator->isVisible());
        // The next load is not cancelled by the last one's button.
        QVERIFY(m_window->openModel(fixtureModel("gpt2_plain"), true));
        QTRY_COMPARE(QString::fromStdString(m_session->model()->modelType), QString("gpt2"));
        QCOMPARE(cancelled.size(), 1);
    }

    void sessionsRecordEachModelFile() {
        QTemporaryDir dir;
        const QString folder = dir.filePath("bert");
        std::filesystem::copy(fixtureModel("bert").toStdString(), folder.toStdString());
        openAndWait(folder);
        const QString path = dir.filePath("model.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        const SessionDocument saved = readSessionFile(path);
        QStringList names;
        for (const ModelFileDigest &f : saved.modelFiles) {
            names << f.name;
            QCOMPARE(f.sha256, fileSha256(folder + '/' + f.name));
        }
        QVERIFY2(names.contains("config.json") && names.contains("model.safetensors") &&
                     names.contains("vocab.txt"),
                 qPrintable(names.join(", ")));

        // A changed file: the session opens with a warning naming it.
        {
            QFile config(folder + "/config.json");
            QVERIFY(config.open(QIODevice::Append));
            config.write("\n");
        }
        QStringList warnings;
        loadSession(path, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains("config.json") && warnings.first().contains("changed"),
                 qPrintable(warnings.first()));
        const OpenedSession opened = openSessionFile(path);
        QCOMPARE(opened.warnings, warnings);

        // A missing file: refused, naming it, and nothing changes.
        QVERIFY(QFile::remove(folder + "/vocab.txt"));
        try {
            loadSession(path, nullptr);
            QFAIL("a session whose model file is missing was opened");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("vocab.txt") &&
                         QString(e.what()).contains("missing"),
                     e.what());
        }
        const auto before = m_session->snapshot();
        QString error;
        QVERIFY(!m_window->openSession(path, true, &error));
        QVERIFY2(error.contains("vocab.txt"), qPrintable(error));
        QCOMPARE(m_session->snapshot(), before);
    }

    void versionOneSessionsKeepOpening() {
        SessionDocument d;
        d.modelSource = fixtureModel("distilbert");
        d.modelLayer = 1;
        QJsonObject json = toJson(d);
        QCOMPARE(json["version"].toInt(), 2);
        json["version"] = 1; // as written before model files were recorded
        QVERIFY(!json["checkpoint"].toObject().contains("files"));
        QTemporaryDir dir;
        const QString path = dir.filePath("old.attnviz");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
        file.close();
        QStringList warnings;
        const SessionDocument read = loadSession(path, &warnings);
        QVERIFY(warnings.isEmpty());
        QVERIFY(read.modelFiles.isEmpty());
        QVERIFY(m_window->openSession(path, true));
        QTRY_VERIFY(m_session->hasModel() && m_session->layer() == 1);
    }

    void modelFileNamesStayInTheFolder_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << "../secret";
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("dot dot") << "..";
        QTest::newRow("empty") << "";
    }
    void modelFileNamesStayInTheFolder() {
        QFETCH(QString, name);
        SessionDocument d;
        d.modelSource = fixtureModel("bert");
        d.modelFiles = {{name, QString(64, u'0')}};
        QVERIFY_THROWS_EXCEPTION(InputError, fromJson(toJson(d)));
        d.modelFiles = {{"config.json", "not a hash"}};
        QVERIFY_THROWS_EXCEPTION(InputError, fromJson(toJson(d)));
    }
};

QTEST_MAIN(TestModelLoading)
#include "test_model_loading.moc"
