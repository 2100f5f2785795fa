// Reading input files: regular files only, a size cap, and messages that name the cause.
#include <attnviz/error.h>
#include <attnviz/io/input_file.h>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sys/stat.h>

using namespace attnviz;

namespace {

QString refusal(const std::string &path, std::uint64_t cap) {
    try {
        readInputFile(path, cap, "the test file");
    } catch (const InputError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TestInputFile : public QObject {
    Q_OBJECT
private slots:
    void readsRegularFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("a.txt").toStdString();
        std::ofstream(path) << "hello\n";
        QCOMPARE(QString::fromStdString(readInputFile(path, 100, "x")), QString("hello\n"));
    }

    void refuses_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("device") << "/dev/zero"
                                << "a device";
        QTest::newRow("directory") << "/"
                                   << "a directory";
        QTest::newRow("missing") << "/nonexistent/attnviz"
                                 << "No such file";
    }

    void refuses() {
        QFETCH(QString, path);
        QFETCH(QString, mentions);
        const QString message = refusal(path.toStdString(), 1000);
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY(message.contains("the test file"));
    }

    void refusesFifoWithoutBlocking() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("pipe").toStdString();
        QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        const QString message = refusal(path, 1000);
        QVERIFY2(message.contains("FIFO"), qPrintable(message));
    }

    void refusesOverCapBeforeReading() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("big").toStdString();
        std::ofstream(path) << std::string(5000, 'x');
        const QString message = refusal(path, 4096);
        QVERIFY2(message.contains("limit"), qPrintable(message));
        QCOMPARE(QString::fromStdString(readInputFile(path, 5000, "x")).size(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestInputFile)
#include "test_input_file.moc"
