// The attnviz executable against what a newcomer and an attacker tried (issue 10): flag words as
// values, sessions in every form, files of the wrong kind, overflow, limits, full disks and full
// standard output, links and devices as outputs, and the view flags.
#include "attnviz_process.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/stat.h>

using namespace attnviz_test;

class TestCommandLineTrust : public QObject {
    Q_OBJECT
private slots:
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

    // A file or model the window would open is checked before "no display" too (without reading
    // it): a directory, a FIFO, a missing file or an unknown model is named.
    void windowFilesBeforeNoDisplay_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("embeddings directory")
            << QStringList{"--embeddings", "DIR"} << "the embeddings file 'DIR' is a directory";
        QTest::newRow("weights FIFO")
            << QStringList{"--weights", "DIR/fifo"} << "the weights file 'DIR/fifo' is a FIFO";
        QTest::newRow("missing vocabulary")
            << QStringList{"--embeddings", "DIR/e.txt", "--vocab", "DIR/none.txt"}
            << "the vocabulary 'DIR/none.txt'";
        QTest::newRow("unknown model") << QStringList{"--model", "DIR/none"} << "DIR/none";
    }
    void windowFilesBeforeNoDisplay() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(::mkfifo(dir.filePath("fifo").toLocal8Bit().constData(), 0600) == 0);
        QFile embeddings(dir.filePath("e.txt"));
        QVERIFY(embeddings.open(QIODevice::WriteOnly));
        embeddings.write("cat 0.1 0.2\n");
        embeddings.close();
        arguments.replaceInStrings("DIR", dir.path());
        const Run r = runAttnvizWith(arguments, withoutDisplay());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected.replace("DIR", dir.path()).toUtf8()) &&
                     !r.err.contains("display") && r.err.count('\n') == 1,
                 r.err.constData());
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
};

QTEST_GUILESS_MAIN(TestCommandLineTrust)
#include "test_command_line_trust.moc"
