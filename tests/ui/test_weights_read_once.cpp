// Opening a session reads its weights file once: one open (counted by inotify), the SHA-256 taken
// from the same mapping the tensors are converted from, and the hash equal to a separate read's.
#include <attention_session.h>
#include <file_load_worker.h>
#include <session_file.h>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <attnviz/error.h>

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

// Counts the opens of one file while alive.
class OpenCounter {
public:
    explicit OpenCounter(const QString &path)
        : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        if (m_fd >= 0)
            inotify_add_watch(m_fd, path.toLocal8Bit().constData(), IN_OPEN);
    }
    ~OpenCounter() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool ok() const { return m_fd >= 0; }
    int opens() {
        alignas(inotify_event) char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
            if (got <= 0)
                return m_opens;
            for (ssize_t at = 0; at < got;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
                if (event->mask & IN_OPEN)
                    ++m_opens;
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
    }

private:
    int m_fd;
    int m_opens = 0;
};

} // namespace

class TestWeightsReadOnce : public QObject {
    Q_OBJECT
private slots:
    void sessionOpensItsWeightsFileOnce() {
        QTemporaryDir dir;
        const QString weights = dir.filePath("weights.safetensors");
        QVERIFY(QFile::copy(ATTNVIZ_FIXTURE_DIR "/safetensors/seed_mha_f32.safetensors", weights));
        SessionDocument document;
        document.options.sentence = "the cat sat on the mat";
        document.options.attention.heads = 2;
        document.weightsPath = weights;
        document.weightsSha256 = fileSha256(weights); // before counting
        const QString path = dir.filePath("s.attnviz");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(toJson(document)).toJson());
        }
        OpenCounter counter(weights);
        QVERIFY(counter.ok());
        const OpenedSession opened = openSessionFile(path);
        QVERIFY(opened.weights);
        QVERIFY2(opened.warnings.isEmpty(), qPrintable(opened.warnings.join('\n'))); // same hash
        QCOMPARE(opened.weights->sha256, document.weightsSha256);
        AttentionSession session;
        session.setSentence(QString::fromStdString(document.options.sentence));
        QCOMPARE(session.useWeightsFile(*opened.weights, std::nullopt, 2), QString());
        session.waitForIdle();
        QVERIFY2(session.snapshot(), qPrintable(session.errorText()));
        QCOMPARE(session.snapshot()->weights->heads, 2);
        QCOMPARE(counter.opens(), 1);
    }

    void refusedKindsStillRefusedWithoutBlocking() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("pipe");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        try {
            openWeightsFile(fifo);
            QFAIL("a FIFO was opened as weights");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("FIFO"), e.what());
        }
    }

    // A dropped request stops hashing: a cancelled read throws, an uncancelled one hashes.
    void cancelStopsTheRead() {
        const QString weights = ATTNVIZ_FIXTURE_DIR "/safetensors/seed_mha_f32.safetensors";
        std::atomic<bool> cancel{true};
        QVERIFY_THROWS_EXCEPTION(InputError, openWeightsFile(weights, &cancel));
        cancel = false;
        QCOMPARE(openWeightsFile(weights, &cancel).sha256, fileSha256(weights));
    }
};

QTEST_MAIN(TestWeightsReadOnce)
#include "test_weights_read_once.moc"
