// ThisThreadComputeLimit: the calling thread's compute threads, and only its own, for a while.
#include <attnviz/ops.h>

#include <QTest>

#include <thread>

#ifdef _OPENMP
#include <omp.h>
#endif

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
#ifdef _OPENMP
            // This thread's own OpenMP count is untouched, so the core's loops get 2 as well.
            QVERIFY(omp_get_max_threads() >= 2 || omp_get_num_procs() < 2);
#endif
        }
        QCOMPARE(ops::computeThreads(), 2);
    }
};

QTEST_APPLESS_MAIN(TestComputeThreads)
#include "test_compute_threads.moc"
