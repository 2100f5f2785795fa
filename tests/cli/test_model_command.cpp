// Whole models on the command line: --list-models, --model NAME|DIR with --dump and --export, and
// the refusals that keep it honest.
#include "attnviz_process.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz_test;

namespace {

const QString kFixtures = QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/");

QJsonObject dumpOf(const QStringList &arguments) {
    const Run run = runAttnviz(arguments + QStringList{"--dump", "-"});
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestModelCommand : public QObject {
    Q_OBJECT
private slots:
    void listModelsPrintsOneTabbedLineEach() {
        const Run run = runAttnviz({"--list-models"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = QString::fromUtf8(run.out).split('\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        for (const QString &line : lines) {
            const QStringList fields = line.split('\t');
            QCOMPARE(fields.size(), 7);
            QVERIFY(fields[1] == "en" || fields[1] == "zh");
            QVERIFY(fields[2].toInt() >= 1);
            QCOMPARE(fields[4], QString("causal"));
            QVERIFY(fields[5].toDouble() > 0);
        }
    }

    void builtinModelDumpHasLayersAndMetrics() {
        const Run list = runAttnviz({"--list-models"});
        const QString name = QString::fromUtf8(list.out).section('\t', 0, 0);
        const QJsonObject dump = dumpOf({"--model", name, "--sentence", "The cat sat on the mat."});
        QCOMPARE(dump["model"].toObject()["name"].toString(), name);
        QCOMPARE(dump["model"].toObject()["family"].toString(), QString("attnviz"));
        const QJsonArray layers = dump["layers"].toArray();
        QCOMPARE(layers.size(), 1);
        const int heads = dump["model"].toObject()["heads"].toInt();
        QCOMPARE(layers[0].toObject()["heads"].toArray().size(), heads);
        QCOMPARE(layers[0].toObject()["head_distance"].toArray().size(), heads);
        const QJsonObject head = layers[0].toObject()["heads"].toArray()[0].toObject();
        const QJsonArray attention = head["attention"].toArray();
        QCOMPARE(attention.size(), dump["tokens"].toArray().size());
        QCOMPARE(attention[0].toArray()[1].toDouble(), 0.0); // causal: the first query sees itself
        QVERIFY(head["metrics"].toObject().contains("entropy"));
        QVERIFY(head["metrics"].toObject().contains("role"));
    }

    void folderDumpMatchesTheFixtureIds() {
        const QJsonObject dump =
            dumpOf({"--model", kFixtures + "bert", "--sentence", "A zebra ran home!"});
        QCOMPARE(dump["model"].toObject()["layers"].toInt(), 2);
        QCOMPARE(dump["token_ids"].toArray(), (QJsonArray{7, 52, 6, 88, 89, 10, 8}));
        QCOMPARE(dump["oov"].toArray(), QJsonArray{"zebra"});
        QCOMPARE(dump["special"].toArray().first().toBool(), true); // [CLS]
    }

    void exportDrawsTheModel() {
        QTemporaryDir dir;
        const QString path = dir.filePath("layer.svg");
        const Run run = runAttnviz({"--model", kFixtures + "gpt2_plain", "--sentence",
                                    "The cat sat on the mat.", "--export", path, "--caption"});
        QCOMPARE(run.exitCode, 0);
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("gpt2_plain")); // the caption names the model
    }

    void figureWidthInPhysicalUnits() {
        QTemporaryDir dir;
        const QString path = dir.filePath("column.pdf");
        const Run run = runAttnviz({"--export", path, "--width", "3.3in", "--font-size", "8"});
        QCOMPARE(run.exitCode, 0);
        QProcess info;
        info.start("pdfinfo", {path});
        QVERIFY(info.waitForFinished(20000));
        const QString text = QString::fromUtf8(info.readAllStandardOutput());
        // 3.3 in = 237.6 pt wide; the single-column preset's aspect gives 180 pt high.
        QVERIFY2(text.contains(QRegularExpression("Page size:\\s+23[78](\\.\\d+)? x 18[01]")),
                 qPrintable(text));
        QCOMPARE(runAttnviz({"--export", path, "--width", "3.3furlongs"}).exitCode, 2);
        QCOMPARE(runAttnviz({"--export", path, "--font-size", "200"}).exitCode, 2);
        QCOMPARE(runAttnviz({"--export", path, "--size", "800x600", "--width", "3in"}).exitCode, 2);
    }

    void lockSizesIsTheStandardSizing() {
        const Run run = runAttnviz({"--lock-sizes", "--heads", "8", "--dim", "64", "--dump", "-"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject config = QJsonDocument::fromJson(run.out).object()["config"].toObject();
        QCOMPARE(config["dk"].toInt(), 8);
        QCOMPARE(config["dv"].toInt(), 8);
        QCOMPARE(runAttnviz({"--lock-sizes", "--dk", "4", "--dump", "-"}).exitCode, 2);
        QCOMPARE(runAttnviz({"--lock-sizes", "--heads", "8", "--dim", "4", "--dump", "-"}).exitCode,
                 2);
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown name")
            << QStringList{"--model", "no-such-model", "--dump", "-"} << "neither a built-in model";
        QTest::newRow("sizes fixed")
            << QStringList{"--model", kFixtures + "bert", "--heads", "2", "--dump", "-"}
            << "--heads cannot be combined with --model";
        QTest::newRow("unsupported family")
            << QStringList{"--model", QStringLiteral(ATTNVIZ_FIXTURE_DIR), "--dump", "-"}
            << "config.json";
        QTest::newRow("over the model's positions")
            << QStringList{"--model",    kFixtures + "gpt2_plain",
                           "--sentence", QString("cat ").repeated(80),
                           "--dump",     "-"}
            << "at most 64";
    }

    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run run = runAttnviz(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QCOMPARE(QString::fromUtf8(run.err).count('\n'), 1); // one line
    }

    void exportModelViewAndAnyLayer() {
        QTemporaryDir dir;
        const QString model = dir.filePath("model.svg");
        Run run = runAttnviz({"--model", kFixtures + "gpt2_plain", "--sentence",
                              "The cat sat on the mat.", "--export", model, "--view", "model"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile svg(model);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QCOMPARE(svg.readAll().count("<image "), 3 * 4); // layers × heads thumbnails
        const QString layer = dir.filePath("layer.svg");
        run = runAttnviz({"--model", kFixtures + "gpt2_plain", "--sentence", "The cat sat.",
                          "--export", layer, "--layer", "3", "--caption"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile layerSvg(layer);
        QVERIFY(layerSvg.open(QIODevice::ReadOnly));
        QVERIFY(layerSvg.readAll().contains("layer 3 of 3"));
        // No such layer: exit 2 naming it, and no file.
        const QString none = dir.filePath("none.png");
        run = runAttnviz({"--model", kFixtures + "gpt2_plain", "--export", none, "--layer", "4"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no layer 4"), run.err.constData());
        QVERIFY(!QFile::exists(none));
        QCOMPARE(runAttnviz({"--model", kFixtures + "gpt2_plain", "--export", none, "--view",
                             "model", "--head", "2"})
                     .exitCode,
                 2);
        QCOMPARE(runAttnviz({"--export", none, "--view", "everything"}).exitCode, 2);
        QCOMPARE(runAttnviz({"--layer", "2", "--dump", "-"}).exitCode, 2); // needs --export
    }

    void hideSpecialAndMergeSubwordsInFigures() {
        QTemporaryDir dir;
        const QStringList base{"--model", kFixtures + "bert", "--sentence", "teachers explained"};
        const auto texts = [&](const QStringList &flags) {
            const QString path = dir.filePath("figure.svg");
            const Run run = runAttnviz(base + QStringList{"--export", path, "--caption"} + flags);
            if (run.exitCode != 0)
                qWarning("%s", run.err.constData());
            QFile svg(path);
            svg.open(QIODevice::ReadOnly);
            return QString::fromUtf8(svg.readAll());
        };
        const QString all = texts({});
        QVERIFY(all.contains("[CLS]"));
        QVERIFY(all.count("teachers") < 4); // the caption and metadata; the axes show pieces
        const QString hidden = texts({"--hide-special"});
        QVERIFY(!hidden.contains("[CLS]") && !hidden.contains("[SEP]"));
        QVERIFY(hidden.contains("special tokens hidden"));
        const QString merged = texts({"--hide-special", "--merge-subwords"});
        QVERIFY(merged.count("teachers") >= 8); // both axes of the four heads
        QVERIFY(merged.contains("merged into words"));
        // The dump is the model's own: every token, whatever the view.
        const Run dump = runAttnviz(base + QStringList{"--hide-special", "--dump", "-"});
        QCOMPARE(dump.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(dump.out).object();
        QCOMPARE(json["tokens"].toArray().first().toString(), QString("[CLS]"));
    }

    void sessionWithAModelExportsItsLayerAndView() {
        QTemporaryDir dir;
        const QString session = dir.filePath("model.attnviz");
        QFile file(session);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QJsonObject json{
            {"format", "attnviz-session"},
            {"version", 2},
            {"sentence", "The teachers explained"},
            {"tokenizer", "words"},
            {"max_tokens", 512},
            {"seed", "42"},
            {"positional", true},
            {"model", QJsonObject{{"d_model", 64},
                                  {"heads", 4},
                                  {"dk", 16},
                                  {"dv", 16},
                                  {"causal", true},
                                  {"single_head", false}}},
            {"view", QJsonObject{{"colormap", "viridis"},
                                 {"scale", "shared-unit"},
                                 {"values", true},
                                 {"mean_panel", false},
                                 {"baseline_panel", false},
                                 {"lock_sizes", false},
                                 {"merge_subwords", true}}},
            {"weights", QJsonValue()},
            {"checkpoint", QJsonObject{{"source", kFixtures + "gpt2_plain"}, {"layer", 1}}}};
        file.write(QJsonDocument(json).toJson());
        file.close();
        const QString figure = dir.filePath("figure.svg");
        const Run run = runAttnviz({"--session", session, "--export", figure, "--caption"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile svg(figure);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(svg.readAll());
        QVERIFY(text.contains("gpt2_plain, layer 2 of 3")); // the model, not the random module
        QVERIFY(text.contains("merged into words"));
        QVERIFY(text.count("teachers") >= 8);
    }

    void sessionOfABuiltinModelChecksItsFiles() {
        const Run list = runAttnviz({"--list-models"});
        const QString name = QString::fromUtf8(list.out).section('\t', 0, 0);
        QVERIFY(!name.isEmpty());
        QTemporaryDir dir;
        const auto write = [&](const QString &file) {
            const QString path = dir.filePath("builtin.attnviz");
            QFile session(path);
            session.open(QIODevice::WriteOnly);
            QJsonObject json{
                {"format", "attnviz-session"},
                {"version", 2},
                {"sentence", "the cat"},
                {"tokenizer", "words"},
                {"max_tokens", 512},
                {"seed", "42"},
                {"positional", true},
                {"model", QJsonObject{{"d_model", 64},
                                      {"heads", 4},
                                      {"dk", 16},
                                      {"dv", 16},
                                      {"causal", true},
                                      {"single_head", false}}},
                {"view", QJsonObject{{"colormap", "viridis"},
                                     {"scale", "shared-unit"},
                                     {"values", true},
                                     {"mean_panel", false},
                                     {"baseline_panel", false},
                                     {"lock_sizes", false}}},
                {"weights", QJsonValue()},
                {"checkpoint",
                 QJsonObject{{"source", name},
                             {"layer", 0},
                             {"files", QJsonArray{QJsonObject{{"file", file},
                                                              {"sha256", QString(64, '0')}}}}}}};
            session.write(QJsonDocument(json).toJson());
            return path;
        };
        // The built-in model's folder is found before any application object exists: a file
        // whose recorded SHA-256 differs warns, naming it, and the dump is written.
        Run run = runAttnviz({"--session", write("config.json"), "--dump", "-"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("config.json") && run.err.contains("changed"),
                 run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).object()["model"].toObject()["name"].toString(),
                 name);
        run = runAttnviz({"--session", write("no-such-file.bin"), "--dump", "-"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no-such-file.bin") && run.err.contains("missing"),
                 run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestModelCommand)
#include "test_model_command.moc"
