// The attnviz executable, run headless as a user or a script would run it.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/stat.h>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runAttnviz(const QStringList &arguments) {
    QProcess process;
    process.start(QStringLiteral(ATTNVIZ_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// Through the shell, so an argument can hold bytes that are not UTF-8 (or a redirection, or a
// limit set by `setup`).
Run runAttnvizShell(const QString &argumentsScript, const QString &setup = {}) {
    QProcess process;
    process.start("/bin/sh", {"-c", setup + "exec \"$0\" " + argumentsScript,
                              QStringLiteral(ATTNVIZ_EXECUTABLE)});
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// Runs with an environment change (no display, a variable set).
Run runAttnvizWith(const QStringList &arguments, const QProcessEnvironment &env) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ATTNVIZ_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

QProcessEnvironment withoutDisplay() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    return env;
}

// A session file as the window saves it.
QString writeSession(const QString &dir, const QString &sentence, int heads,
                     const QString &extraView = {}) {
    const QString path = dir + "/lesson.attnviz";
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QStringLiteral(R"({"format": "attnviz-session", "version": 1, "sentence": "%1",
        "tokenizer": "words", "max_tokens": 512, "seed": "42", "positional": true,
        "model": {"d_model": 32, "heads": %2, "dk": 8, "dv": 8, "causal": false,
                  "single_head": false},
        "view": {"colormap": "magma", "scale": "shared-unit", "values": true,
                 "mean_panel": false, "baseline_panel": false, "lock_sizes": false%3},
        "weights": null})")
                   .arg(sentence)
                   .arg(heads)
                   .arg(extraView)
                   .toUtf8());
    return path;
}

QJsonObject parseDump(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("dump is not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

bool isMatrix(const QJsonValue &value, int rows, int cols) {
    const QJsonArray a = value.toArray();
    if (a.size() != rows)
        return false;
    for (const QJsonValue &row : a)
        if (row.toArray().size() != cols)
            return false;
    return true;
}

QString fixture(const QString &name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/safetensors/") + name;
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

    // A flag's value that is itself a flag word crashed (SIGSEGV): the parser took the word as a
    // value while main decided window-or-headless from raw argv.
    void flagWordAsValue_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("flag");
        QTest::newRow("--weights --list-modules")
            << QStringList{"--weights", "--list-modules"} << "--weights";
        QTest::newRow("--sentence --dump")
            << QStringList{"--sentence", "--dump", "-"} << "--sentence";
        QTest::newRow("--embeddings --help")
            << QStringList{"--embeddings", "--help"} << "--embeddings";
        QTest::newRow("--dump --help") << QStringList{"--dump", "--help"} << "--dump";
        QTest::newRow("--export --version") << QStringList{"--export", "--version"} << "--export";
        QTest::newRow("--session --dump") << QStringList{"--session", "--dump", "-"} << "--session";
        QTest::newRow("--vocab --list-modules")
            << QStringList{"--vocab", "--list-modules"} << "--vocab";
        QTest::newRow("--save-weights --dump")
            << QStringList{"--save-weights", "--dump", "-"} << "--save-weights";
        QTest::newRow("--weights-prefix --list-modules")
            << QStringList{"--weights-prefix", "--list-modules"} << "--weights-prefix";
        QTest::newRow("--heads --dump") << QStringList{"--heads", "--dump", "-"} << "--heads";
        QTest::newRow("--sentence -h") << QStringList{"--sentence", "-h"} << "--sentence";
        QTest::newRow("--colormap --export")
            << QStringList{"--colormap", "--export", "f.png"} << "--colormap";
        QTest::newRow("--weights --export=")
            << QStringList{"--weights", "--export=f.svg"} << "--weights";
    }
    void flagWordAsValue() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, flag);
        const Run r = runAttnvizWith(arguments, withoutDisplay());
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith("attnviz: " + flag + " needs a value") && err.count('\n') == 1,
                 qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }
    // With '=', a flag-like value is taken on purpose.
    void flagWordAsValueOnPurpose() {
        const Run r = runAttnviz({"--sentence=--dump now", "--dump", "-"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(parseDump(r.out)["tokens"].toArray().last().toString(), QString("now"));
    }

    // Qt's own options still reach Qt (parsing happens before Qt takes them out of argv).
    void qtOptionsPassThrough() {
        const Run r = runAttnviz({"-platform", "offscreen", "--sentence", "a b", "-reverse",
                                  "--style=Fusion", "--dump", "-"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(parseDump(r.out)["tokens"].toArray().size(), 2);
    }

    // Qt took "--session FILE" as its own session-management option: the README's form rendered
    // the default sentence. All three forms must reach the session.
    void sessionForms_data() {
        QTest::addColumn<QStringList>("form");
        QTest::newRow("--session FILE") << QStringList{"--session", "SESSION"};
        QTest::newRow("--session=FILE") << QStringList{"--session=SESSION"};
        QTest::newRow("FILE.attnviz") << QStringList{"SESSION"};
    }
    void sessionForms() {
        QFETCH(QStringList, form);
        QTemporaryDir dir;
        const QString session = writeSession(dir.path(), "Sessions keep every setting", 3);
        form.replaceInStrings("SESSION", session);
        const Run dump = runAttnviz(form + QStringList{"--dump", "-"});
        QVERIFY2(dump.exitCode == 0, dump.err.constData());
        const QJsonObject result = parseDump(dump.out);
        QCOMPARE(result["tokens"].toArray().first().toString(), QString("Sessions"));
        QCOMPARE(result["config"]["heads"].toInt(), 3);
        QCOMPARE(result["config"]["d_model"].toInt(), 32);
        const QString svg = dir.filePath("figure.svg");
        const Run figure = runAttnvizWith(form + QStringList{"--export", svg}, withoutDisplay());
        QVERIFY2(figure.exitCode == 0, figure.err.constData());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("Sessions") && text.contains("keep")); // not the default sentence
        QVERIFY(!text.contains("because"));
    }

    // Argument and file problems, each named by its real cause.
    void messagesNameTheCause_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("helpHint");
        QTest::newRow("max tokens beyond the limit")
            << QStringList{"--max-tokens", "10000", "--dump", "-"} << "out of range (1 to 4096)"
            << true;
        QTest::newRow("weights /dev/zero")
            << QStringList{"--weights", "/dev/zero", "--dump", "-"} << "is a device" << false;
        QTest::newRow("embeddings a directory")
            << QStringList{"--embeddings", QStringLiteral(ATTNVIZ_FIXTURE_DIR), "--dump", "-"}
            << "is a directory" << false;
        QTest::newRow("vocab /dev/zero")
            << QStringList{"--embeddings", fixture("embeddings_d16.safetensors"),
                           "--vocab",      "/dev/zero",
                           "--dim",        "16",
                           "--dump",       "-"}
            << "is a device" << false;
        QTest::newRow("save weights over /dev/null")
            << QStringList{"--save-weights", "/dev/null"} << "is a device" << false;
        QTest::newRow("dump into /dev/full")
            << QStringList{"--dump", "/dev/full"} << "is a device" << false;
        QTest::newRow("session /dev/zero")
            << QStringList{"--session", "/dev/zero", "--dump", "-"} << "/dev/zero" << false;
        QTest::newRow("scale unknown")
            << QStringList{"--scale", "log", "--dump", "-"} << "--scale" << true;
        QTest::newRow("control characters in an unknown option (fuzz_arguments)")
            << QStringList{"-\x12x\n\n", "--dump", "-"} << "\\x12, x, \\n"
            << true;
        QTest::newRow("newline in a file name")
            << QStringList{"--weights", "no\nsuch.safetensors", "--dump", "-"} << "no\\nsuch"
            << false;
        QTest::newRow("values and no values")
            << QStringList{"--values", "--no-values", "--dump", "-"} << "contradict" << true;
    }
    void messagesNameTheCause() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(bool, helpHint);
        struct stat before {};
        ::stat("/dev/null", &before);
        const Run r = runAttnvizWith(arguments, withoutDisplay());
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith("attnviz: ") && err.contains(message) && err.count('\n') == 1,
                 qPrintable(err));
        QCOMPARE(err.contains("(see attnviz --help)"), helpHint);
        struct stat after {};
        QCOMPARE(::stat("/dev/null", &after), 0);
        QVERIFY(S_ISCHR(after.st_mode)); // never replaced by a regular file
    }

    // Numbers out of float range are "out of range", not "not finite".
    void embeddingValueOutOfRange() {
        QTemporaryDir dir;
        QFile file(dir.filePath("tiny.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a 1e-50 1\n");
        file.close();
        const Run r = runAttnviz({"--embeddings", file.fileName(), "--dim", "2", "--dump", "-"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("'1e-50' is out of the range of a 32-bit float"),
                 r.err.constData());
    }

    // A session file's problem is about the file: no "(see attnviz --help)".
    void sessionErrorsNameTheFile() {
        QTemporaryDir dir;
        QFile file(dir.filePath("broken.attnviz"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"attnviz-session\"");
        file.close();
        const Run r = runAttnviz({"--session", file.fileName(), "--dump", "-"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.contains("see attnviz --help") && r.err.count('\n') == 1,
                 r.err.constData());
    }

    // Argument errors come first, even without a display.
    void argumentErrorsBeforeNoDisplay() {
        const Run bad = runAttnvizWith({"--heads", "zero"}, withoutDisplay());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--heads") && !bad.err.contains("display"), bad.err.constData());
        const Run good = runAttnvizWith({"--heads", "2"}, withoutDisplay());
        QCOMPARE(good.exitCode, 2);
        QVERIFY2(good.err.contains("no display"), good.err.constData());
    }

    // FIFOs are refused at once instead of blocking forever.
    void fifosAreRefusedWithoutBlocking_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("--weights") << QStringList{"--weights", "FIFO", "--dump", "-"};
        QTest::newRow("--list-modules") << QStringList{"--weights", "FIFO", "--list-modules"};
        QTest::newRow("--embeddings") << QStringList{"--embeddings", "FIFO", "--dump", "-"};
        QTest::newRow("--vocab") << QStringList{
            "--embeddings", fixture("embeddings_d16.safetensors"),
            "--dim",        "16",
            "--vocab",      "FIFO",
            "--dump",       "-"};
        QTest::newRow("--session") << QStringList{"--session", "FIFO", "--dump", "-"};
        QTest::newRow("--dump target") << QStringList{"--dump", "FIFO"};
    }
    void fifosAreRefusedWithoutBlocking() {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        const QString fifo = dir.filePath("pipe");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        arguments.replaceInStrings("FIFO", fifo);
        const Run r = runAttnviz(arguments); // a hang would hit the 60 s limit and fail
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("FIFO") || r.err.contains("named pipe") ||
                     r.err.contains("not a regular file"),
                 r.err.constData());
    }

    // Finite but huge weights overflowed into all-NaN attention with exit 0.
    void overflowingWeightsAreRefused() {
        QTemporaryDir dir;
        const QString saved = dir.filePath("w.safetensors");
        QCOMPARE(runAttnviz({"--dim", "8", "--heads", "2", "--dk", "4", "--dv", "4",
                             "--save-weights", saved})
                     .exitCode,
                 0);
        // Scale every F32 value of the data section to about 3e38.
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        quint64 headerLength = 0;
        std::memcpy(&headerLength, bytes.constData(), 8);
        for (qsizetype i = 8 + static_cast<qsizetype>(headerLength); i + 4 <= bytes.size();
             i += 4) {
            const float huge = 3e38f;
            std::memcpy(bytes.data() + i, &huge, 4);
        }
        file.seek(0);
        file.write(bytes);
        file.close();
        const Run r = runAttnviz({"--weights", saved, "--dump", "-"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("overflow") && r.err.contains("head 1"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // Over attnviz's token limit is refused quickly, whatever --max-tokens says.
    void longSentencesAreBounded() {
        QStringList words;
        for (int i = 0; i < 8163; ++i)
            words << QStringLiteral("w%1").arg(i % 97);
        const Run r =
            runAttnviz({"--sentence", words.join(' '), "--max-tokens", "4096", "--dump", "-"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("more than 4096 tokens"), r.err.constData());
    }

    // Running out of memory is one clear line, not an abort (std::bad_alloc is caught with
    // InputError, and nothing else crosses the core boundary). A 250 MB address-space limit lets
    // a small dump run and makes a 4,000-token, 4-head one (about 0.5 GB) fail.
    void outOfMemoryIsOneLine() {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer reserves terabytes of address space; ulimit -v cannot apply");
#endif
        QStringList words;
        for (int i = 0; i < 4000; ++i)
            words << QStringLiteral("w%1").arg(i);
        const QString limit = "ulimit -v 250000; ";
        const Run small = runAttnvizShell("--sentence 'a b' --dump -", limit);
        QVERIFY2(small.exitCode == 0, small.err.constData());
        const Run big = runAttnvizShell(
            "--sentence '" + words.join(' ') + "' --max-tokens 4096 --dump -", limit);
        QCOMPARE(big.exitCode, 2);
        QVERIFY2(big.err.startsWith("attnviz: out of memory") && big.err.count('\n') == 1,
                 big.err.constData());
    }

    // --dump replaces its file atomically: a failed write keeps the old one. A file-size limit
    // (ulimit -f, SIGXFSZ ignored) makes the write fail as a full disk does, without privileges.
    void failedDumpKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("result.json");
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("{\"previous\": true}");
        old.close();
        const Run r = runAttnvizShell("--sentence 'a b c d e f g h' --dump '" + path + "'",
                                      "trap '' XFSZ; ulimit -f 4; ");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("File too large") && r.err.contains("unchanged"),
                 r.err.constData());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("{\"previous\": true}"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    // Writers follow links to their target and replace it there; the link stays a link.
    void outputsFollowSymbolicLinks() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("real"));
        for (const QString &flag : {QStringLiteral("--dump"), QStringLiteral("--save-weights")}) {
            const QString target = dir.filePath("real/out" + flag);
            const QString link = dir.filePath("link" + flag);
            QVERIFY(QFile::link(target, link));
            const Run r = runAttnviz({"--sentence", "a b", flag, link});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(QFileInfo(link).isSymLink());
            QVERIFY(QFileInfo(target).size() > 100);
        }
    }

    // Standard output is checked: a full device is an error, not a silent exit 0.
    void fullStandardOutputIsAnError_data() {
        QTest::addColumn<QString>("arguments");
        QTest::newRow("--list-modules")
            << "--weights '" + fixture("seed_mha_f32.safetensors") + "' --list-modules";
        QTest::newRow("--dump -") << QString("--sentence 'a b' --dump -");
        QTest::newRow("--help") << QString("--help");
        QTest::newRow("--version") << QString("--version");
    }
    void fullStandardOutputIsAnError() {
        QFETCH(QString, arguments);
        const Run r = runAttnvizShell(arguments + " > /dev/full");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("No space left on device") && r.err.count('\n') == 1,
                 r.err.constData());
    }

    // The view flags reach the figure: per-head colour bars and the mean panel.
    void viewFlagsReachTheFigure() {
        QTemporaryDir dir;
        const auto panels = [&](const QStringList &flags) {
            const QString svg = dir.filePath("f.svg");
            const Run r = runAttnvizWith(
                QStringList{"--sentence", "one two three", "--heads", "2", "--export", svg} + flags,
                withoutDisplay());
            QFile file(svg);
            file.open(QIODevice::ReadOnly);
            return r.exitCode == 0 ? file.readAll() : QByteArray("failed: " + r.err);
        };
        const QByteArray plain = panels({});
        const QByteArray mean = panels({"--mean-panel"});
        const QByteArray noValues = panels({"--no-values"});
        QVERIFY2(!plain.startsWith("failed"), plain.constData());
        QVERIFY(mean.contains("Mean of 2 heads") && !plain.contains("Mean of 2 heads"));
        QVERIFY(plain.contains("0.") && noValues.size() < plain.size());
        QVERIFY(panels({"--scale", "per-head"}) != plain);
    }

    void helpAndVersion() {
        const Run help = runAttnviz({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--sentence") && help.out.contains("--dump"));
        const Run version = runAttnviz({"--version"});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("attnviz "));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
