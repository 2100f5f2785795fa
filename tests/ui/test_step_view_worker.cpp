// The step view computes a large head off the GUI thread: the event loop keeps turning while it
// runs, only the newest request is drawn, and what is drawn is still the core's intermediates.
#include "../support/drawn_matrix.h"

#include <attention_session.h>
#include <step_view.h>

#include <attnviz/attention_weights.h>
#include <attnviz/pipeline.h>

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

namespace {

// A configuration whose one runModel takes far longer than a frame (d_model 512, 8 heads of 64,
// 300 tokens: about 4·10^8 multiply-adds).
std::shared_ptr<SessionSnapshot> largeSnapshot() {
    auto snapshot = std::make_shared<SessionSnapshot>();
    QString sentence;
    for (int i = 0; i < 300; ++i)
        sentence += QStringLiteral("w%1 ").arg(i % 37);
    snapshot->options.sentence = sentence.toStdString();
    snapshot->options.tokenizer.maxTokens = 1000;
    snapshot->options.attention = AttentionConfig{512, 8, 64, 64, true, false};
    auto weights =
        std::make_shared<AttentionWeights>(makeRandomWeights(snapshot->options.attention, 11));
    snapshot->weights = weights;
    snapshot->result = runPipeline(snapshot->options, *weights);
    for (const Token &t : snapshot->result.tokens)
        snapshot->tokens << QString::fromStdString(t.text);
    return snapshot;
}

} // namespace

class TestStepViewWorker : public QObject {
    Q_OBJECT
private slots:
    void eventLoopTurnsWhileALargeHeadIsComputed() {
        const auto snapshot = largeSnapshot();
        QVERIFY(snapshot->result.tokens.size() >= 300);
        StepView view;
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        int ticks = 0;
        QTimer timer;
        timer.setInterval(5);
        connect(&timer, &QTimer::timeout, [&] { ++ticks; });
        timer.start();
        QElapsedTimer clock;
        clock.start();
        view.setSnapshot(snapshot);
        view.showHead(0, 5);
        const qint64 returnedAfter = clock.elapsed();
        QVERIFY(view.isComputing()); // large: not computed on the GUI thread
        QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), 60000);
        const qint64 computedAfter = clock.elapsed();
        // The GUI thread returned at once and kept serving the timer while the worker ran.
        QVERIFY2(returnedAfter < computedAfter / 2,
                 qPrintable(QStringLiteral("%1 ms of %2").arg(returnedAfter).arg(computedAfter)));
        QVERIFY2(ticks >= 3,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(computedAfter)));
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        const HeadResult &head = snapshot->result.attention.heads[5];
        QVERIFY(drawn(view, StepMatrix::X) == snapshot->result.input);
        QVERIFY(drawn(view, StepMatrix::Q) == head.q);
        QVERIFY(drawn(view, StepMatrix::K) == head.k);
        QVERIFY(drawn(view, StepMatrix::Probabilities) == head.weights);
        QVERIFY(drawn(view, StepMatrix::HeadOutput) == head.output);
        QVERIFY(drawn(view, StepMatrix::Output) == snapshot->result.attention.output);
    }

    void onlyTheNewestRequestIsDrawn() {
        const auto snapshot = largeSnapshot();
        StepView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(snapshot);
        for (int head = 0; head < 4; ++head) // requests faster than the worker
            view.showHead(0, head);
        view.setUnscaled(true); // the unscaled run of the fourth head is the newest
        view.waitForSteps();
        QVERIFY(!view.isComputing());
        QCOMPARE(view.head(), 3);
        const HeadResult &head = snapshot->result.attention.heads[3];
        QVERIFY(drawn(view, StepMatrix::Q) == head.q);
        // Unscaled: the same Q and K, a sharper softmax, and both entropies measured.
        QVERIFY(!(drawn(view, StepMatrix::Probabilities) == head.weights));
        QVERIFY(view.unscaledEntropy() < view.scaledEntropy());
        // A stale result arriving later changes nothing.
        QTest::qWait(50);
        QVERIFY(drawn(view, StepMatrix::Q) == head.q);
        QVERIFY(!std::isnan(view.unscaledEntropy()));
    }
};

QTEST_MAIN(TestStepViewWorker)
#include "test_step_view_worker.moc"
