// Config validation: every bound, with a message naming the value.
#include <attnviz/attention_config.h>
#include <attnviz/attention_weights.h>
#include <attnviz/error.h>

#include <QTest>

using namespace attnviz;

class TestConfig : public QObject {
    Q_OBJECT
private slots:
    void rejected_data() {
        QTest::addColumn<int>("dModel");
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("dk");
        QTest::addColumn<int>("dv");
        QTest::addColumn<bool>("single");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("zero d_model") << 0 << 4 << 16 << 16 << false << 5 << "d_model";
        QTest::newRow("negative heads") << 64 << -1 << 16 << 16 << false << 5 << "heads";
        QTest::newRow("zero dk") << 64 << 4 << 0 << 16 << false << 5 << "dk";
        QTest::newRow("huge dv") << 64 << 4 << 16 << 1000000 << false << 5 << "dv";
        QTest::newRow("too many heads") << 64 << 100000 << 16 << 16 << false << 5 << "heads";
        QTest::newRow("single head with 4 heads")
            << 64 << 4 << 16 << 16 << true << 5 << "single-head";
        QTest::newRow("too much memory") << 8192 << 256 << 4096 << 4096 << false << 512 << "MiB";
    }

    void rejected() {
        QFETCH(int, dModel);
        QFETCH(int, heads);
        QFETCH(int, dk);
        QFETCH(int, dv);
        QFETCH(bool, single);
        QFETCH(int, tokens);
        QFETCH(QString, mentions);
        AttentionConfig c{dModel, heads, dk, dv, false, single};
        try {
            validate(c, static_cast<std::size_t>(tokens));
            QFAIL("an invalid configuration was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains(mentions), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(InputError, makeRandomWeights(c, 1));
    }

    void acceptsClassroomAndLargeSizes() {
        validate(AttentionConfig{64, 4, 16, 16, false, false}, 512);
        validate(AttentionConfig{1024, 16, 128, 128, true, false}, 512);
        validate(AttentionConfig{8, 1, 1, 1, false, true}, 1);
    }

    void memoryEstimateCountsEveryMatrix() {
        // d = 4, h = 2, dk = 3, dv = 1, N = 5; counted by hand from the shapes in the header.
        const AttentionConfig c{4, 2, 3, 1, false, false};
        const std::uint64_t weights = (2 * 2 * 3 + 2 * 1) * (4 + 1) + 4 * (2 * 1 + 1);
        const std::uint64_t perHead = 5 * (3 + 3 + 1) + 2 * 25 + 5 * 1;
        const std::uint64_t result = 5 * 4 + 2 * perHead + 5 * 2 + 5 * 4;
        QCOMPARE(estimateMemoryBytes(c, 5), 4 * (weights + result));
    }

    void parameterCountMatchesPyTorch() {
        // sum(p.numel() for p in MultiHeadAttention(64, 16, 16, 4).parameters()) == 16640
        QCOMPARE(parameterCount(AttentionConfig{64, 4, 16, 16, false, false}),
                 std::uint64_t(16640));
        // Self_Attention(64, 16, 8): 3 · 64 · … = (16 + 16 + 8) · 65 = 2600
        QCOMPARE(parameterCount(AttentionConfig{64, 1, 16, 8, false, true}), std::uint64_t(2600));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
