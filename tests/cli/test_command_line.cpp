// The attnviz executable, run headless as a user or a script would run it.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

// Through the shell, so an argument can hold bytes that are not UTF-8.
Run runAttnvizShell(const QString &argumentsScript) {
    QProcess process;
    process.start("/bin/sh",
                  {"-c", "\"$0\" " + argumentsScript, QStringLiteral(ATTNVIZ_EXECUTABLE)});
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
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
        QVERIFY2(err.trimmed().split('\n').first().size() < 200, qPrintable(err));
    }

    void invalidUtf8Sentence() {
        const Run r = runAttnvizShell("--sentence \"$(printf 'ok \\377')\" --dump -");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("not valid UTF-8") && r.err.contains("byte offset 3"),
                 r.err.constData());
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
