// The command line speaks the user's language: under a Chinese locale its error lines are
// Chinese (a core error and a flag error), under C.UTF-8 they stay the English lines scripts
// and the other CLI tests read; flag names stay as they are.
#include "attnviz_process.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz_test;

namespace {

// A locale and an empty settings folder (no saved View ▸ Language choice).
QProcessEnvironment environmentFor(const QString &lang, const QString &home) {
    QProcessEnvironment env = withoutDisplay();
    env.insert("LANG", lang);
    env.insert("LC_ALL", lang);
    env.remove("LC_MESSAGES");
    env.remove("LANGUAGE");
    env.insert("HOME", home);
    env.insert("XDG_CONFIG_HOME", home + "/.config");
    return env;
}

// A safetensors file whose one tensor is no attention module.
QString writeWeightsWithoutModule(const QString &dir) {
    const QByteArray header = R"({"embedding.weight":{"dtype":"F32","shape":[2,2],)"
                              R"("data_offsets":[0,16]}})";
    QByteArray bytes(8, '\0');
    quint64 length = static_cast<quint64>(header.size());
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<char>((length >> (8 * i)) & 0xff);
    bytes += header + QByteArray(16, '\0');
    const QString path = dir + "/no_module.safetensors";
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return path;
}

bool hasHan(const QString &text) {
    return text.contains(QRegularExpression(QStringLiteral("\\p{Han}")));
}

// Three English words in a row, outside quoted paths: a sentence left untranslated.
bool hasEnglishSentence(QString text) {
    text.remove(QRegularExpression(QStringLiteral("'[^']*'")));
    return text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}([ ,]+[A-Za-z]{2,}){2,}")));
}

} // namespace

class TestCommandLineLanguage : public QObject {
    Q_OBJECT
private slots:
    void coreErrorIsChineseUnderAChineseLocale() {
        QTemporaryDir dir;
        const QString weights = writeWeightsWithoutModule(dir.path());
        const Run run = runAttnvizWith({"--weights", weights, "--dump", dir.filePath("d.json")},
                                       environmentFor("zh_CN.UTF-8", dir.path()));
        QCOMPARE(run.exitCode, 2);
        const QString line = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(line.startsWith("attnviz: ") && hasHan(line), qPrintable(line));
        QVERIFY2(!hasEnglishSentence(line), qPrintable(line));
        QVERIFY2(line.contains("in_proj_weight"), qPrintable(line)); // names stay as they are
        QVERIFY(!QFile::exists(dir.filePath("d.json")));
    }

    void coreErrorIsEnglishUnderC() {
        QTemporaryDir dir;
        const QString weights = writeWeightsWithoutModule(dir.path());
        const Run run = runAttnvizWith({"--weights", weights, "--dump", dir.filePath("d.json")},
                                       environmentFor("C.UTF-8", dir.path()));
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 QStringLiteral("attnviz: no attention module found: expected tensors named "
                                "q_linear/k_linear/v_linear/out_linear, q/k/v, or "
                                "in_proj_weight/out_proj (under any prefix)\n"));
    }

    void flagErrorIsChineseUnderAChineseLocale() {
        QTemporaryDir dir;
        const Run chinese = runAttnvizWith({"--heads", "many", "--dump", "-"},
                                           environmentFor("zh_CN.UTF-8", dir.path()));
        QCOMPARE(chinese.exitCode, 2);
        const QString line = QString::fromUtf8(chinese.err).trimmed();
        QVERIFY2(hasHan(line) && !hasEnglishSentence(line), qPrintable(line));
        QVERIFY2(line.contains("--heads") && line.contains("attnviz --help"), qPrintable(line));

        const Run english = runAttnvizWith({"--heads", "many", "--dump", "-"},
                                           environmentFor("C.UTF-8", dir.path()));
        QCOMPARE(english.exitCode, 2);
        QCOMPARE(QString::fromUtf8(english.err),
                 QStringLiteral("attnviz: --heads: 'many' is not a whole number "
                                "(see attnviz --help)\n"));
    }

    void helpIsChineseUnderAChineseLocale() {
        QTemporaryDir dir;
        const Run run = runAttnvizWith({"--help"}, environmentFor("zh_CN.UTF-8", dir.path()));
        QCOMPARE(run.exitCode, 0);
        const QString help = QString::fromUtf8(run.out);
        QVERIFY2(help.contains("--sentence <TEXT>") && help.contains("--weights-prefix <P>"),
                 qPrintable(help));
        QVERIFY2(help.contains(QStringLiteral("注意力头")), qPrintable(help));
    }
};

QTEST_GUILESS_MAIN(TestCommandLineLanguage)
#include "test_command_line_language.moc"
