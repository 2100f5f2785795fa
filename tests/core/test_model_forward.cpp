// The model forward's building blocks and its one-block form, the seed's modules.
#include <attnviz/attention_weights.h>
#include <attnviz/embedder.h>
#include <attnviz/error.h>
#include <attnviz/model/trace.h>
#include <attnviz/ops.h>

#include <QTest>

#include <cmath>

using namespace attnviz;

class TestModelForward : public QObject {
    Q_OBJECT
private slots:
    void gelu_data() {
        QTest::addColumn<float>("x");
        QTest::addColumn<float>("erf");  // torch.nn.functional.gelu(x)
        QTest::addColumn<float>("tanh"); // gelu(x, approximate="tanh")
        QTest::newRow("0") << 0.0f << 0.0f << 0.0f;
        QTest::newRow("1") << 1.0f << 0.8413447f << 0.8411920f;
        QTest::newRow("-1") << -1.0f << -0.1586553f << -0.1588080f;
        QTest::newRow("3") << 3.0f << 2.9959502f << 2.9963627f;
    }

    void gelu() {
        QFETCH(float, x);
        QFETCH(float, erf);
        QFETCH(float, tanh);
        const Eigen::MatrixXf m = Eigen::MatrixXf::Constant(1, 1, x);
        QVERIFY(std::abs(ops::geluErf(m)(0, 0) - erf) < 1e-6f);
        QVERIFY(std::abs(ops::geluTanh(m)(0, 0) - tanh) < 1e-6f);
    }

    void layerNormOfKnownRow() {
        Eigen::MatrixXf x(1, 3);
        x << 1, 2, 3;
        const Eigen::VectorXf weight = Eigen::Vector3f(2, 1, 1);
        const Eigen::VectorXf bias = Eigen::Vector3f(0, 0.5f, 0);
        const Eigen::MatrixXf y = ops::layerNorm(x, weight, bias, 0.0f);
        // (x − 2) / √(2/3) = −1.2247449, 0, 1.2247449; then · weight + bias.
        QVERIFY(std::abs(y(0, 0) + 2.4494898f) < 1e-6f);
        QVERIFY(std::abs(y(0, 1) - 0.5f) < 1e-6f);
        QVERIFY(std::abs(y(0, 2) - 1.2247449f) < 1e-6f);
    }

    void causalMaskLeavesDiagonal() {
        Eigen::MatrixXf s = Eigen::MatrixXf::Zero(3, 3);
        ops::applyCausalMask(s);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                QCOMPARE(std::isinf(s(i, j)), j > i);
    }

    void moduleModelIsTheSeedsForward_data() {
        QTest::addColumn<bool>("single");
        QTest::addColumn<bool>("causal");
        QTest::newRow("MultiHeadAttention") << false << false;
        QTest::newRow("MultiHeadAttention, causal") << false << true;
        QTest::newRow("Self_Attention") << true << false;
    }

    void moduleModelIsTheSeedsForward() {
        QFETCH(bool, single);
        QFETCH(bool, causal);
        AttentionConfig config{32, single ? 1 : 4, 8, 6, causal, single};
        const AttentionWeights weights = makeRandomWeights(config, 7);
        const Eigen::MatrixXf x =
            sinusoidalPositions(9, 32) + Eigen::MatrixXf::Constant(9, 32, 0.3f);
        const AttentionResult direct = attentionForward(x, weights, causal);
        TraceRequest request;
        request.head = config.heads - 1;
        const Trace trace = runModel(makeModuleModel(weights, causal), x, request);
        QCOMPARE(trace.layers.size(), std::size_t(1));
        const AttentionResult &viaModel = trace.layers[0].attention;
        for (std::size_t h = 0; h < direct.heads.size(); ++h) {
            QVERIFY(viaModel.heads[h].weights == direct.heads[h].weights); // bit-identical
            QVERIFY(viaModel.heads[h].scores == direct.heads[h].scores);
        }
        QVERIFY(trace.output == direct.output);
        const HeadSteps &steps = *trace.steps;
        QVERIFY(steps.probabilities == direct.heads.back().weights);
        for (Eigen::Index i = 0; i < 9; ++i)
            for (Eigen::Index j = 0; j <= i; ++j)
                QCOMPARE(steps.scaledScores(i, j), direct.heads.back().scores(i, j));
        QVERIFY(std::isfinite(steps.scaledScores(0, 8)));
        QCOMPARE(std::isinf(steps.maskedScores(0, 8)), causal);
    }

    void hugeWeightsAreRefused() {
        AttentionConfig config{8, 2, 4, 4, false, false};
        AttentionWeights weights = makeRandomWeights(config, 1);
        weights.q.weight.setConstant(3e38f);
        weights.k.weight.setConstant(3e38f);
        const Eigen::MatrixXf x = Eigen::MatrixXf::Ones(3, 8);
        try {
            runModel(makeModuleModel(weights, false), x);
            QFAIL("non-finite attention was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("head 1"), e.what());
        }
    }

    void estimateGrowsWithTokens() {
        AttentionConfig config{64, 4, 16, 16, false, false};
        const Model model = makeModuleModel(makeRandomWeights(config, 1), false);
        const std::uint64_t small = estimateTraceBytes(model, 10);
        const std::uint64_t large = estimateTraceBytes(model, 100);
        // Attention maps alone: 4 heads × N² floats.
        QVERIFY(large >= 4u * 100u * 100u * sizeof(float));
        QVERIFY(large > 10 * small); // quadratic in N, not linear
    }
};

QTEST_GUILESS_MAIN(TestModelForward)
#include "test_model_forward.moc"
