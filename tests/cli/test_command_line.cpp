// The attnviz executable, run headless as a user or a script would run it. What a newcomer and an
// attacker tried (issue 10) is in test_command_line_trust.cpp.
#include "attnviz_process.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz_test;

namespace {

bool isMatrix(const QJsonValue &value, int rows, int cols) {
    const QJsonArray a = value.toArray();
    if (a.size() != rows)
        return false;
    for (const QJsonValue &row : a)
        if (row.toArray().size() != cols)
            return false;
    return true;
}

QJsonObject readJson(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

double maxDifference(const QJsonArray &a, const QJsonArray &b) {
    if (a.size() != b.size())
        return 1e9;
    double worst = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].isArray())
            worst = std::max(worst, maxDifference(a[i].toArray(), b[i].toArray()));
        else
            worst = std::max(worst, std::abs(a[i].toDouble() - b[i].toDouble()));
    }
    return worst;
}

// Equal as float32 values (the fixture prints nine digits, the dump the shortest form).
bool sameFloats(const QJsonArray &a, const QJsonArray &b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].isArray()
                ? !sameFloats(a[i].toArray(), b[i].toArray())
                : static_cast<float>(a[i].toDouble()) != static_cast<float>(b[i].toDouble()))
            return false;
    }
    return true;
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private slots:
    void dumpSchema() {
        const Run r =
            runAttnviz({"--sentence", "The cat sat on the mat.", "--heads", "4", "--dump", "-"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject dump = parseDump(r.out);
        const QJsonArray tokens = dump["tokens"].toArray();
        QCOMPARE(tokens.size(), 7);
        QCOMPARE(tokens[1].toString(), QString("cat"));
        const QJsonObject config = dump["config"].toObject();
        QCOMPARE(config["d_model"].toInt(), 64);
        QCOMPARE(config["heads"].toInt(), 4);
        QCOMPARE(config["dk"].toInt(), 16);
        QCOMPARE(config["dv"].toInt(), 16);
        QCOMPARE(config["causal"].toBool(), false);
        QCOMPARE(config["positional"].toBool(), true);
        QCOMPARE(config["seed"].toInt(), 42);
        QCOMPARE(config["tokenizer"].toString(), QString("words"));
        QCOMPARE(config["single_head"].toBool(), false);
        QVERIFY(isMatrix(dump["input"], 7, 64));
        QVERIFY(isMatrix(dump["output"], 7, 64));
        const QJsonArray heads = dump["heads"].toArray();
        QCOMPARE(heads.size(), 4);
        for (const QJsonValue &head : heads) {
            QVERIFY(isMatrix(head["attention"], 7, 7));
            QVERIFY(isMatrix(head["q"], 7, 16));
            for (const QJsonValue &row : head["attention"].toArray()) {
                double sum = 0;
                for (const QJsonValue &cell : row.toArray())
                    sum += cell.toDouble();
                QVERIFY2(std::abs(sum - 1.0) < 1e-5, qPrintable(QString::number(sum)));
            }
        }
    }

    void causalScoresAreNullAboveTheDiagonal() {
        const Run r = runAttnviz({"--sentence", "a b c", "--causal", "--single-head", "--dk", "4",
                                  "--dv", "3", "--dim", "8", "--dump", "-"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject dump = parseDump(r.out);
        QVERIFY(isMatrix(dump["output"], 3, 3)); // single head: N × dv, no out projection
        const QJsonArray scores = dump["heads"][0]["scores"].toArray();
        QVERIFY(scores[0].toArray()[1].isNull());
        QVERIFY(scores[0].toArray()[2].isNull());
        QVERIFY(!scores[2].toArray()[0].isNull());
        QCOMPARE(dump["heads"][0]["attention"][0][2].toDouble(), 0.0);
    }

    void sameArgumentsSameBytes() {
        const QStringList args{"--sentence", "多头注意力让模型", "--seed", "7", "--dump", "-"};
        const Run a = runAttnviz(args);
        const Run b = runAttnviz(args);
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QCOMPARE(parseDump(a.out)["tokens"].toArray().size(), 4);
        QVERIFY(a.out !=
                runAttnviz({"--sentence", "多头注意力让模型", "--seed", "8", "--dump", "-"}).out);
    }

    void dumpToFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("result.json");
        const Run r =
            runAttnviz({"--sentence", "hello world", "--tokenizer", "chars", "--dump", path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(parseDump(file.readAll())["tokens"].toArray().size(), 10);
    }

    void badArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList dump{"--dump", "-"};
        QTest::newRow("heads not a number") << (QStringList{"--heads", "four"} + dump) << "--heads";
        QTest::newRow("heads zero") << (QStringList{"--heads", "0"} + dump) << "out of range";
        QTest::newRow("dk absurd") << (QStringList{"--dk", "99999999"} + dump) << "--dk";
        QTest::newRow("dv negative") << (QStringList{"--dv", "-3"} + dump) << "--dv";
        QTest::newRow("dim huge") << (QStringList{"--dim", "1000000"} + dump) << "--dim";
        QTest::newRow("seed negative") << (QStringList{"--seed", "-1"} + dump) << "--seed";
        QTest::newRow("seed text") << (QStringList{"--seed", "abc"} + dump) << "--seed";
        QTest::newRow("unknown tokenizer") << (QStringList{"--tokenizer", "bpe"} + dump) << "bpe";
        QTest::newRow("unknown option") << (QStringList{"--colour"} + dump) << "colour";
        QTest::newRow("missing value") << QStringList{"--dump"} << "dump";
        QTest::newRow("single head with heads")
            << (QStringList{"--single-head", "--heads", "4"} + dump) << "single-head";
        QTest::newRow("stray argument") << (QStringList{"hello"} + dump) << "hello";
        QTest::newRow("empty sentence") << (QStringList{"--sentence", ""} + dump) << "no tokens";
        QTest::newRow("whitespace sentence")
            << (QStringList{"--sentence", "  \t "} + dump) << "no tokens";
        QTest::newRow("over the token limit")
            << (QStringList{"--sentence", "a b c d", "--max-tokens", "3"} + dump) << "more than 3";
        QTest::newRow("too much memory")
            << (QStringList{"--sentence", "a b", "--dim", "8192", "--heads", "256", "--dk", "4096",
                            "--dv", "4096"} +
                dump)
            << "MiB";
        QTest::newRow("unwritable dump path")
            << QStringList{"--sentence", "a", "--dump", "/nonexistent-dir/out.json"}
            << "cannot write";
    }

    void badArguments() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = runAttnviz(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith("attnviz: ") && err.contains(message), qPrintable(err));
        QCOMPARE(err.count('\n'), 1); // one line
    }

    void invalidUtf8Sentence() {
        const Run r = runAttnvizShell("--sentence \"$(printf 'ok \\377')\" --dump -");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not valid UTF-8") && r.err.contains("byte offset 3"),
                 r.err.constData());
    }

    // Through the front door: PyTorch-made files, the fixture's input rows as loaded embeddings.
    void weightsMatchPyTorch_data() {
        QTest::addColumn<QString>("name");
        for (const char *name : {"seed_mha_f32", "seed_mha_bf16_prefix_causal", "seed_mha_f64",
                                 "seed_self_attention_f16_causal", "torch_mha_f32_prefix",
                                 "torch_mha_bf16_nobias_causal", "torch_mha_f16_prefix_causal"})
            QTest::newRow(name) << QString(name);
    }
    void weightsMatchPyTorch() {
        QFETCH(QString, name);
        const QJsonObject expected = readJson(fixture(name + ".json"));
        QStringList args{"--weights",
                         fixture(name + ".safetensors"),
                         "--weights-prefix",
                         expected["prefix"].toString(),
                         "--embeddings",
                         fixture("embeddings_d16.safetensors"),
                         "--no-positional",
                         "--sentence",
                         expected["sentence"].toString(),
                         "--dump",
                         "-"};
        if (!expected["heads_in_metadata"].toBool() && expected["heads"].toInt() > 1)
            args << "--heads" << QString::number(expected["heads"].toInt());
        if (expected["causal"].toBool())
            args << "--causal";
        const Run r = runAttnviz(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject dump = parseDump(r.out);
        QVERIFY(
            sameFloats(dump["input"].toArray(), expected["input"].toArray())); // the fixture's rows
        QJsonArray attention;
        for (const QJsonValue &head : dump["heads"].toArray())
            attention.append(head["attention"]);
        QVERIFY(maxDifference(attention, expected["attention"].toArray()) <= 1e-5);
        QVERIFY(maxDifference(dump["output"].toArray(), expected["output"].toArray()) <= 1e-5);
        const QJsonObject weights = dump["config"]["weights"].toObject();
        QCOMPARE(weights["source"].toString(), QString("file"));
        QCOMPARE(weights["prefix"].toString(), expected["prefix"].toString());
        QCOMPARE(dump["config"]["d_model"].toInt(), 16);
        QCOMPARE(dump["config"]["dk"].toInt(), expected["dk"].toInt());
        QCOMPARE(dump["oov"].toArray().size(), 0);
    }

    void listModules() {
        const Run r = runAttnviz(
            {"--weights", fixture("torch_mha_f16_prefix_causal.safetensors"), "--list-modules"});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = QString::fromUtf8(r.out).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[1].startsWith("model.blocks.0.") &&
                     lines[1].contains("torch.nn.MultiheadAttention") &&
                     lines[1].contains("d_model 16"),
                 qPrintable(lines[1]));
    }

    void savedWeightsReproduceTheDump() {
        QTemporaryDir dir;
        const QString weights = dir.filePath("w.safetensors");
        const QStringList base{"--sentence", "多头注意力让模型", "--dim", "24", "--dk", "5", "--dv",
                               "7",          "--heads",          "3"};
        const Run first = runAttnviz(base + QStringList{"--save-weights", weights, "--dump", "-"});
        QCOMPARE(first.exitCode, 0);
        const Run again =
            runAttnviz({"--sentence", "多头注意力让模型", "--weights", weights, "--dump", "-"});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonObject a = parseDump(first.out), b = parseDump(again.out);
        QCOMPARE(a["heads"].toArray(), b["heads"].toArray());
        QCOMPARE(a["output"].toArray(), b["output"].toArray());
        QCOMPARE(b["config"]["heads"].toInt(), 3); // from the saved __metadata__
    }

    void unknownTokensAreListed() {
        const Run r = runAttnviz({"--embeddings", fixture("embeddings_d16.txt"), "--dim", "16",
                                  "--sentence", "w1 cat w2 cat", "--dump", "-"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(parseDump(r.out)["oov"].toArray(), QJsonArray({"cat"}));
    }

    void badWeightArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString f32 = fixture("seed_mha_f32.safetensors");
        QTest::newRow("dim disagrees")
            << QStringList{"--weights", f32, "--dim", "64", "--dump", "-"} << "--dim 64 disagrees";
        QTest::newRow("dk disagrees")
            << QStringList{"--weights", f32, "--dk", "3", "--dump", "-"} << "--dk 3 disagrees";
        QTest::newRow("heads do not divide")
            << QStringList{"--weights", f32, "--heads", "5", "--dump", "-"}
            << "5 heads do not divide";
        QTest::newRow("single head vs out projection")
            << QStringList{"--weights", f32, "--single-head", "--dump", "-"}
            << "--single-head disagrees";
        QTest::newRow("ambiguous modules")
            << QStringList{"--weights", fixture("seed_mha_bf16_prefix_causal.safetensors"),
                           "--heads",   "4",
                           "--dump",    "-"}
            << "--weights-prefix";
        QTest::newRow("not safetensors")
            << QStringList{"--weights", fixture("embeddings_d16.txt"), "--dump", "-"}
            << "header length";
        QTest::newRow("a directory")
            << QStringList{"--weights", fixture(""), "--dump", "-"} << "is a directory";
        QTest::newRow("missing file")
            << QStringList{"--weights", fixture("absent.safetensors"), "--dump", "-"}
            << "cannot open";
        QTest::newRow("list modules without weights")
            << QStringList{"--list-modules"} << "needs --weights";
        QTest::newRow("embedding width")
            << QStringList{"--embeddings", fixture("embeddings_d16.txt"), "--dump", "-"}
            << "16 dimensions but d_model is 64";
        QTest::newRow("vocab without embeddings")
            << QStringList{"--vocab", "x", "--dump", "-"} << "needs --embeddings";
        QTest::newRow("unwritable save path")
            << QStringList{"--save-weights", "/nonexistent-dir/w.safetensors"} << "cannot write";
    }
    void badWeightArguments() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = runAttnviz(arguments);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith("attnviz: ") && err.contains(message), qPrintable(err));
        QCOMPARE(err.count('\n'), 1);
    }

    void exportsWithoutADisplay_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("png at 300 dpi")
            << "f.png" << QStringList{"--dpi", "300", "--size", "800x600"};
        QTest::newRow("svg, one head, magma")
            << "f.svg" << QStringList{"--head", "2", "--colormap", "magma"};
        QTest::newRow("pdf, mean, caption")
            << "f.pdf" << QStringList{"--head", "mean", "--caption"};
        QTest::newRow("pdf, two columns") << "f.pdf" << QStringList{"--columns", "2"};
    }
    void exportsWithoutADisplay() {
        QFETCH(QString, file);
        QFETCH(QStringList, extra);
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        process.setProcessEnvironment(env);
        process.start(
            QStringLiteral(ATTNVIZ_EXECUTABLE),
            QStringList{"--sentence", "多头注意力让模型", "--export", dir.filePath(file)} + extra);
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(QFileInfo(dir.filePath(file)).size() > 1000);
        if (file.endsWith(".png"))
            QCOMPARE(QImage(dir.filePath(file)).size(), QSize(2500, 1875));
    }

    void badExportArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown extension")
            << QStringList{"--export", "figure.bmp"} << ".png, .svg or .pdf";
        QTest::newRow("unwritable path")
            << QStringList{"--export", "/nonexistent-dir/f.png"} << "cannot write";
        QTest::newRow("no such head")
            << QStringList{"--export", "figure.png", "--head", "9"} << "no head 9";
        QTest::newRow("head text")
            << QStringList{"--export", "figure.png", "--head", "first"} << "--head";
        QTest::newRow("dpi too high")
            << QStringList{"--export", "figure.png", "--dpi", "1000"} << "--dpi";
        QTest::newRow("bad size") << QStringList{"--export", "figure.png", "--size", "big"}
                                  << "--size";
        QTest::newRow("tiny size")
            << QStringList{"--export", "figure.png", "--size", "10x10"} << "--size";
        QTest::newRow("unknown colormap")
            << QStringList{"--export", "figure.png", "--colormap", "jet"} << "jet";
        QTest::newRow("zero columns")
            << QStringList{"--export", "figure.png", "--columns", "0"} << "--columns";
        QTest::newRow("figure flag without export")
            << QStringList{"--dpi", "300", "--dump", "-"} << "--export";
    }
    void badExportArguments() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = runAttnviz(arguments);
        QCOMPARE(r.exitCode, 2);
        const QString err =
            QString::fromUtf8(r.err).remove(QRegularExpression("^QStandardPaths.*\n"));
        QVERIFY2(err.startsWith("attnviz: ") && err.contains(message), qPrintable(err));
    }

    void helpAndVersion() {
        const Run help = runAttnviz({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--sentence") && help.out.contains("--dump"));
        const Run helpAll = runAttnviz({"--help-all"}); // went to the window path
        QCOMPARE(helpAll.exitCode, 0);
        QVERIFY(helpAll.out.contains("--sentence"));
        const Run version = runAttnviz({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("attnviz "));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
