// --metrics on the command line: the table as text or CSV, for the module and for whole models,
// equal to the dump's metrics; --roles on figures; refusals that name the cause.
#include "attnviz_process.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz_test;

namespace {

const QStringList kModule{"--sentence", "The cat sat on the mat because the cat was warm.",
                          "--heads",    "3",
                          "--seed",     "7"};

QJsonObject dumpOf(const QStringList &arguments) {
    const Run run = runAttnviz(arguments + QStringList{"--dump", "-"});
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

QList<QStringList> csvRows(const QStringList &arguments) {
    const Run run = runAttnviz(arguments + QStringList{"--metrics", "csv"});
    if (run.exitCode != 0)
        qWarning("%s", run.err.constData());
    QList<QStringList> rows;
    for (const QString &line : QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts))
        rows << line.split(u',');
    return rows;
}

// Every CSV row's numbers equal the dump's metrics of that layer and head (the dump holds
// floats; the CSV 9 significant digits of the double).
void compareCsvWithDump(const QList<QStringList> &rows, const QList<QJsonArray> &layers) {
    const QStringList header = rows.front();
    int compared = 0;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &fields = rows[r];
        const QJsonArray heads = layers[fields[0].toInt() - 1];
        const QJsonObject metrics = heads[fields[1].toInt() - 1].toObject()["metrics"].toObject();
        QCOMPARE(fields[2], metrics["role"].toString());
        for (qsizetype c = 3; c < header.size(); ++c) {
            const QJsonValue inDump = metrics[header[c]];
            QCOMPARE(fields[c].isEmpty(), inDump.isNull());
            if (!inDump.isNull()) {
                QCOMPARE(static_cast<float>(fields[c].toDouble()),
                         static_cast<float>(inDump.toDouble()));
                ++compared;
            }
        }
    }
    QVERIFY(compared > 0);
}

} // namespace

class TestMetricsCommand : public QObject {
    Q_OBJECT
private slots:
    void textTableHasOneRowPerHead() {
        const Run run = runAttnviz(kModule + QStringList{"--metrics"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 3);
        QVERIFY(lines[0].startsWith("layer  head  role"));
        QVERIFY(lines[0].contains("entropy") && lines[0].contains("importance"));
        for (int h = 1; h <= 3; ++h)
            QVERIFY(lines[h].simplified().startsWith(QStringLiteral("1 %1 ").arg(h)));
        // "--metrics text" is the same table.
        QCOMPARE(runAttnviz(kModule + QStringList{"--metrics", "text"}).out, run.out);
    }

    void moduleCsvEqualsTheDump() {
        const QList<QStringList> rows = csvRows(kModule);
        QCOMPARE(rows.size(), 1 + 3);
        const QJsonObject dump = dumpOf(kModule);
        QCOMPARE(dump["head_distance"].toArray().size(), 3);
        compareCsvWithDump(rows, {dump["heads"].toArray()});
    }

    void modelCsvEqualsTheDump() {
        const QStringList model{"--model", QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/bert"),
                                "--sentence", "The cat sat on the mat."};
        const QList<QStringList> rows = csvRows(model);
        const QJsonObject dump = dumpOf(model);
        const QJsonArray layers = dump["layers"].toArray();
        const int heads = dump["model"].toObject()["heads"].toInt();
        QCOMPARE(rows.size(), 1 + layers.size() * heads);
        QList<QJsonArray> perLayer;
        for (const QJsonValue &layer : layers)
            perLayer << layer.toObject()["heads"].toArray();
        compareCsvWithDump(rows, perLayer);
        // BERT's [CLS] and [SEP] make the special-token share defined.
        QVERIFY(!rows[1][rows[0].indexOf("special_tokens")].isEmpty());
    }

    // The metrics go to standard output with the dump in a file.
    void metricsBesideADumpFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("d.json");
        const Run run = runAttnviz(kModule + QStringList{"--metrics", "--dump", path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("layer"));
        QVERIFY(QFile::exists(path));
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown format")
            << QStringList{"--metrics=xml"} << "--metrics: unknown format 'xml'";
        QTest::newRow("two writers to stdout")
            << QStringList{"--metrics", "--dump", "-"} << "both print to standard output";
        QTest::newRow("roles without export") << QStringList{"--roles"} << "go with --export";
    }
    void refusals() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = runAttnviz(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1); // one line
    }

    void fullOutputIsAnError() {
        const Run run = runAttnvizShell("--metrics csv > /dev/full");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("No space left on device"), run.err.constData());
    }

    // --roles puts each head's role under its title in the figure; without it, no role.
    void rolesInFigures() {
        QTemporaryDir dir;
        const QString with = dir.filePath("with.svg"), without = dir.filePath("without.svg");
        const QStringList model{"--model", "en-next-word-h4", "--sentence",
                                "The teacher said that the students were ready."};
        QCOMPARE(runAttnviz(model + QStringList{"--export", with, "--roles"}).exitCode, 0);
        QCOMPARE(runAttnviz(model + QStringList{"--export", without}).exitCode, 0);
        QFile a(with), b(without);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray withText = a.readAll(), withoutText = b.readAll();
        const QList<QByteArray> roles{
            "First token (sink)", "Previous token", "Next token", "Self",
            "Same word",          "Broad",          "Mixed",      "Special tokens / punctuation"};
        int found = 0;
        for (const QByteArray &role : roles) {
            found += static_cast<int>(withText.count(">" + role + "<"));
            QCOMPARE(withoutText.count(">" + role + "<"), 0);
        }
        QCOMPARE(found, 4); // one badge per head
    }
};

QTEST_GUILESS_MAIN(TestMetricsCommand)
#include "test_metrics_command.moc"
