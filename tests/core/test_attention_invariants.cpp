// Properties every forward must have, over a table of configurations with random weights.
#include <attnviz/embedder.h>
#include <attnviz/multi_head_attention.h>
#include <attnviz/pipeline.h>

#include <QTest>

using namespace attnviz;

Q_DECLARE_METATYPE(attnviz::AttentionConfig)

// A softmax row of N ≤ 64 float terms sums to 1 within a few ulps of 1 (1.2e-7 each).
constexpr float kRowSumTolerance = 1e-5f;

namespace {

std::vector<Token> syntheticTokens(int n) {
    static const char *words[] = {"the", "cat", "sat", "on", "a", "warm", "mat"};
    std::vector<Token> tokens;
    for (int i = 0; i < n; ++i)
        tokens.push_back({words[i % 7], static_cast<std::size_t>(i)});
    return tokens;
}

AttentionResult run(const AttentionConfig &c, int n, std::uint64_t seed) {
    const AttentionWeights w = makeRandomWeights(c, seed);
    const Eigen::MatrixXf x = embedTokens(syntheticTokens(n), {c.dModel, seed, true});
    return attentionForward(x, w, c.causal);
}

AttentionConfig config(int d, int h, int dk, int dv, bool causal, bool single = false) {
    AttentionConfig c;
    c.dModel = d;
    c.heads = h;
    c.dk = dk;
    c.dv = dv;
    c.causal = causal;
    c.singleHead = single;
    return c;
}

} // namespace

class TestAttentionInvariants : public QObject {
    Q_OBJECT
private slots:
    void invariants_data() {
        QTest::addColumn<AttentionConfig>("c");
        QTest::addColumn<int>("n");
        QTest::newRow("n4_h2") << config(16, 2, 8, 8, false) << 4;
        QTest::newRow("n4_h2_causal") << config(16, 2, 8, 8, true) << 4;
        QTest::newRow("n1_h8") << config(32, 8, 4, 4, false) << 1;
        QTest::newRow("n1_h8_causal") << config(32, 8, 4, 4, true) << 1;
        QTest::newRow("n7_h4_dk_ne_dv") << config(64, 4, 16, 5, false) << 7;
        QTest::newRow("n40_h8_causal") << config(64, 8, 8, 8, true) << 40;
        QTest::newRow("n64_h16_dk1") << config(8, 16, 1, 3, false) << 64;
        QTest::newRow("n12_single_head") << config(64, 1, 64, 64, false, true) << 12;
        QTest::newRow("n12_single_head_causal") << config(64, 1, 32, 7, true, true) << 12;
    }

    void invariants() {
        QFETCH(AttentionConfig, c);
        QFETCH(int, n);
        const AttentionResult r = run(c, n, 7);
        QCOMPARE(static_cast<int>(r.heads.size()), c.heads);
        QCOMPARE(r.output.rows(), Eigen::Index(n));
        QCOMPARE(r.output.cols(), Eigen::Index(c.singleHead ? c.dv : c.dModel));
        QCOMPARE(r.concat.cols(), Eigen::Index(c.heads * c.dv));
        for (const HeadResult &head : r.heads) {
            QVERIFY(head.weights.allFinite());
            QVERIFY((head.weights.array() >= 0.0f).all());
            for (int i = 0; i < n; ++i) {
                QVERIFY2(
                    std::abs(head.weights.row(i).sum() - 1.0f) <= kRowSumTolerance,
                    qPrintable(
                        QStringLiteral("row %1 sums to %2").arg(i).arg(head.weights.row(i).sum())));
                for (int j = i + 1; j < n && c.causal; ++j) {
                    QCOMPARE(head.weights(i, j), 0.0f); // exactly zero, not merely small
                    QVERIFY(std::isinf(head.scores(i, j)) && head.scores(i, j) < 0);
                }
            }
            if (n == 1)
                QCOMPARE(head.weights(0, 0), 1.0f);
            if (c.causal)
                QCOMPARE(head.weights(0, 0), 1.0f); // the first query sees only itself
        }
    }

    void sameInputsGiveIdenticalOutput() {
        const AttentionConfig c = config(64, 4, 16, 16, false);
        const AttentionResult a = run(c, 9, 42);
        const AttentionResult b = run(c, 9, 42);
        QVERIFY(a.output == b.output);
        for (std::size_t h = 0; h < a.heads.size(); ++h)
            QVERIFY(a.heads[h].weights == b.heads[h].weights);
    }

    void differentSeedsDiffer() {
        const AttentionConfig c = config(64, 4, 16, 16, false);
        const AttentionResult a = run(c, 9, 42);
        const AttentionResult b = run(c, 9, 43);
        QVERIFY(a.output != b.output);
        QVERIFY(a.heads[0].weights != b.heads[0].weights);
        QVERIFY(makeRandomWeights(c, 1).q.weight != makeRandomWeights(c, 2).q.weight);
    }

    void moreHeadsKeepTheFirstOnes_data() {
        QTest::addColumn<bool>("causal");
        QTest::newRow("plain") << false;
        QTest::newRow("causal") << true;
    }
    void moreHeadsKeepTheFirstOnes() {
        QFETCH(bool, causal);
        const AttentionResult four = run(config(64, 4, 16, 12, causal), 11, 5);
        const AttentionResult eight = run(config(64, 8, 16, 12, causal), 11, 5);
        for (int h = 0; h < 4; ++h) {
            QVERIFY(four.heads[h].weights == eight.heads[h].weights);
            QVERIFY(four.heads[h].output == eight.heads[h].output);
        }
        QVERIFY(eight.heads[4].weights != eight.heads[0].weights);
    }

    void raisingDkAppendsRows() {
        const AttentionWeights small = makeRandomWeights(config(32, 3, 4, 6, false), 9);
        const AttentionWeights large = makeRandomWeights(config(32, 3, 10, 6, false), 9);
        for (int h = 0; h < 3; ++h) {
            QVERIFY(small.q.weight.middleRows(h * 4, 4) == large.q.weight.middleRows(h * 10, 4));
            QVERIFY(small.k.bias.segment(h * 4, 4) == large.k.bias.segment(h * 10, 4));
        }
        QVERIFY(small.v.weight == large.v.weight); // dv unchanged
    }

    void randomWeightsFollowPyTorchsBound() {
        const AttentionWeights w = makeRandomWeights(config(100, 2, 8, 8, false), 3);
        const float bound = 1.0f / std::sqrt(100.0f);
        QVERIFY(w.q.weight.cwiseAbs().maxCoeff() <= bound);
        QVERIFY(w.q.weight.cwiseAbs().maxCoeff() > 0.9f * bound); // spread over the whole range
        QVERIFY(std::abs(w.q.weight.mean()) < 0.05f * bound);
        const float outBound = 1.0f / std::sqrt(16.0f); // out's in-features are heads·dv
        QVERIFY(w.out->weight.cwiseAbs().maxCoeff() <= outBound);
        QVERIFY(w.out->bias.cwiseAbs().maxCoeff() <= outBound);
    }

    void repeatedWordsShareAnEmbedding() {
        const std::vector<Token> tokens = {{"the", 0}, {"cat", 4}, {"saw", 8}, {"the", 12}};
        const Eigen::MatrixXf plain = embedTokens(tokens, {32, 42, false});
        QVERIFY(plain.row(0) == plain.row(3));
        QVERIFY(plain.row(0) != plain.row(1));
        const Eigen::MatrixXf positional = embedTokens(tokens, {32, 42, true});
        QVERIFY(positional.row(0) != positional.row(3)); // positions tell them apart
        QVERIFY(embedTokens(tokens, {32, 43, false}).row(0) != plain.row(0));
    }

    void embeddingsAreStandardNormal() {
        const Eigen::RowVectorXf e = tokenEmbedding("statistics", 20000, 1);
        const float mean = e.mean();
        const float variance = (e.array() - mean).square().mean();
        QVERIFY2(std::abs(mean) < 0.03f, qPrintable(QString::number(mean)));
        QVERIFY2(std::abs(variance - 1.0f) < 0.05f, qPrintable(QString::number(variance)));
    }

    void sinusoidalPositionsMatchTheFormula() {
        const Eigen::MatrixXf pe = sinusoidalPositions(50, 16);
        QCOMPARE(pe(0, 0), 0.0f);
        QCOMPARE(pe(0, 1), 1.0f);
        QVERIFY(std::abs(pe(3, 0) - std::sin(3.0f)) < 1e-6f);
        QVERIFY(std::abs(pe(7, 5) - std::cos(7.0f / std::pow(10000.0f, 4.0f / 16.0f))) < 1e-6f);
        const Eigen::MatrixXf odd = sinusoidalPositions(3, 5); // odd width: last column is a sine
        QVERIFY(std::abs(odd(2, 4) - std::sin(2.0f / std::pow(10000.0f, 4.0f / 5.0f))) < 1e-6f);
    }

    void softmaxIsStableForHugeScores() {
        Eigen::MatrixXf s(1, 3);
        s << 1000.0f, 1000.0f, -1000.0f;
        const Eigen::MatrixXf p = softmaxRows(s);
        QVERIFY(p.allFinite());
        QCOMPARE(p(0, 0), 0.5f);
        QCOMPARE(p(0, 2), 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestAttentionInvariants)
#include "test_attention_invariants.moc"
