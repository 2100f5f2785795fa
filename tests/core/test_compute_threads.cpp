// ThisThreadComputeLimit: the calling thread's compute threads, and only its own, for a while.
#include <attnviz/ops.h>

#include <QTest>

#include <thread>

using namespace attnviz;

class TestComputeThreads : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { ops::setComputeThreads(0); }

    void limitsThisThreadUntilItEnds() {
        const int all = ops::computeThreads();
        if (all < 2)
            QSKIP("one compute thread here: nothing to limit");
        {
            const ops::ThisThreadComputeLimit limit(1);
            QCOMPARE(ops::computeThreads(), 1);
            int other = 0; // a thread started meanwhile keeps the default
            std::thread([&] { other = ops::computeThreads(); }).join();
            QCOMPARE(other, all);
        }
        QCOMPARE(ops::computeThreads(), all);
    }

    void zeroOrMoreThanThereAreChangesNothing() {
        const int all = ops::computeThreads();
        {
            const ops::ThisThreadComputeLimit none(0);
            QCOMPARE(ops::computeThreads(), all);
            const ops::ThisThreadComputeLimit more(all + 1);
            QCOMPARE(ops::computeThreads(), all);
        }
        QCOMPARE(ops::computeThreads(), all);
    }

    // A count fixed for the whole process (as the benchmarks fix it) stays what it is.
    void aProcessWideCountWins() {
        ops::setComputeThreads(2);
        {
            const ops::ThisThreadComputeLimit limit(1);
            QCOMPARE(ops::computeThreads(), 2);
        }
        QCOMPARE(ops::computeThreads(), 2);
    }
};

QTEST_APPLESS_MAIN(TestComputeThreads)
#include "test_compute_threads.moc"
