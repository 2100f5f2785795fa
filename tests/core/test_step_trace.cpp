// The steps runModel keeps for one head are the forward's own numbers, and "no √dk scaling"
// changes only that head.
#include <attnviz/attention_weights.h>
#include <attnviz/embedder.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>
#include <attnviz/model/trace.h>

#include <QTest>

#include <cmath>

using namespace attnviz;

namespace {

std::string fixtureFolder(const char *name) {
    return std::string(ATTNVIZ_FIXTURE_DIR "/models/") + name;
}

Eigen::MatrixXf sampleInput(int n, int dModel) {
    return sinusoidalPositions(n, dModel) + Eigen::MatrixXf::Constant(n, dModel, 0.3f);
}

// The steps must be the layer's own results: the head's weights, the layer's concat and output.
void verifyStepsAreTheForwards(const Trace &trace, int layer, int head) {
    QVERIFY(trace.steps.has_value());
    const HeadSteps &steps = *trace.steps;
    QCOMPARE(steps.layer, layer);
    QCOMPARE(steps.head, head);
    const AttentionResult &attention = trace.layers[static_cast<std::size_t>(layer)].attention;
    QVERIFY(steps.probabilities == attention.heads[static_cast<std::size_t>(head)].weights);
    QVERIFY(steps.concat == attention.concat);
    QVERIFY(steps.output == attention.output);
    const Eigen::Index dv = steps.v.cols();
    QVERIFY(steps.headOutput == attention.concat.middleCols(head * dv, dv));
    // Q·Kᵀ is the product of the kept Q and K.
    const Eigen::MatrixXf product = steps.q * steps.k.transpose();
    QVERIFY(product.isApprox(steps.rawScores, 1e-5f));
}

// Normalised entropy of one row of probabilities (1 = uniform over the visible keys).
double rowEntropy(const Eigen::MatrixXf &p, Eigen::Index row, Eigen::Index visible) {
    double h = 0;
    for (Eigen::Index j = 0; j < visible; ++j)
        if (p(row, j) > 0)
            h -= p(row, j) * std::log(static_cast<double>(p(row, j)));
    return visible > 1 ? h / std::log(static_cast<double>(visible)) : 0.0;
}

} // namespace

class TestStepTrace : public QObject {
    Q_OBJECT
private slots:
    void moduleStepsAndToggle_data() {
        QTest::addColumn<bool>("single");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<int>("head");
        QTest::newRow("4 heads, first") << false << false << 0;
        QTest::newRow("4 heads, causal, third") << false << true << 2;
        QTest::newRow("Self_Attention") << true << false << 0;
    }

    void moduleStepsAndToggle() {
        QFETCH(bool, single);
        QFETCH(bool, causal);
        QFETCH(int, head);
        const AttentionConfig config{32, single ? 1 : 4, 16, 8, causal, single};
        const Model model = makeModuleModel(makeRandomWeights(config, 11), causal);
        const Eigen::MatrixXf x = sampleInput(7, 32);
        TraceRequest request;
        request.head = head;
        const Trace scaled = runModel(model, x, request);
        verifyStepsAreTheForwards(scaled, 0, head);
        const float root = std::sqrt(16.0f);
        QVERIFY(scaled.steps->scaledScores.isApprox(scaled.steps->rawScores / root, 1e-6f));

        request.unscaled = true;
        const Trace unscaled = runModel(model, x, request);
        verifyStepsAreTheForwards(unscaled, 0, head);
        const HeadSteps &a = *scaled.steps;
        const HeadSteps &b = *unscaled.steps;
        QVERIFY(a.q == b.q && a.k == b.k && a.v == b.v && a.x == b.x);
        QVERIFY(a.rawScores == b.rawScores);
        QVERIFY(b.scaledScores == b.rawScores);
        QVERIFY(a.probabilities != b.probabilities);
        for (int h = 0; h < config.heads; ++h) {
            const auto &before = scaled.layers[0].attention.heads[static_cast<std::size_t>(h)];
            const auto &after = unscaled.layers[0].attention.heads[static_cast<std::size_t>(h)];
            QCOMPARE(before.weights == after.weights, h != head);
        }
        // Unscaled scores are √dk times larger, so the softmax is sharper: lower entropy.
        const Eigen::Index last = x.rows() - 1;
        QVERIFY(rowEntropy(b.probabilities, last, last + 1) <
                rowEntropy(a.probabilities, last, last + 1));
    }

    void modelLayerStepsAndToggle_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("layer");
        QTest::addColumn<int>("head");
        QTest::newRow("bert, layer 2 head 2") << "bert" << 1 << 1;
        QTest::newRow("gpt2, layer 1 head 1") << "gpt2_plain" << 0 << 0;
        // DistilBERT divides Q by √dk before Q·Kᵀ; unscaled, Q itself is left undivided.
        QTest::newRow("distilbert, layer 2 head 1") << "distilbert" << 1 << 0;
    }

    void modelLayerStepsAndToggle() {
        QFETCH(QString, folder);
        QFETCH(int, layer);
        QFETCH(int, head);
        const LoadedModel loaded = loadModelFolder(fixtureFolder(folder.toUtf8().constData()));
        QVERIFY(loaded.model.layers() > layer);
        const ModelRun run = runModelOnSentence(loaded.model, "the cat sat on the mat");
        TraceRequest request;
        request.layer = layer;
        request.head = head;
        const Trace scaled = runModel(loaded.model, run.trace.input, request);
        verifyStepsAreTheForwards(scaled, layer, head);
        // The steps' run is the window's run: the same weights for every layer and head.
        for (std::size_t l = 0; l < scaled.layers.size(); ++l)
            for (std::size_t h = 0; h < scaled.layers[l].attention.heads.size(); ++h)
                QVERIFY(scaled.layers[l].attention.heads[h].weights ==
                        run.trace.layers[l].attention.heads[h].weights);

        request.unscaled = true;
        const Trace unscaled = runModel(loaded.model, run.trace.input, request);
        verifyStepsAreTheForwards(unscaled, layer, head);
        QVERIFY(unscaled.steps->scaledScores == unscaled.steps->rawScores);
        QVERIFY(unscaled.steps->k == scaled.steps->k);
        const float root = std::sqrt(static_cast<float>(scaled.steps->q.cols()));
        if (loaded.model.spec.scaling == QueryScaling::ScaleQuery)
            QVERIFY(unscaled.steps->q.isApprox(scaled.steps->q * root, 1e-5f));
        else
            QVERIFY(unscaled.steps->q == scaled.steps->q);
        QVERIFY(unscaled.steps->x == scaled.steps->x);
        const auto &before = scaled.layers[static_cast<std::size_t>(layer)].attention.heads;
        const auto &after = unscaled.layers[static_cast<std::size_t>(layer)].attention.heads;
        for (std::size_t h = 0; h < before.size(); ++h)
            QCOMPARE(before[h].weights == after[h].weights, static_cast<int>(h) != head);
        // Layers before the requested one are untouched.
        for (int l = 0; l < layer; ++l)
            QVERIFY(scaled.layers[static_cast<std::size_t>(l)].attention.output ==
                    unscaled.layers[static_cast<std::size_t>(l)].attention.output);
    }
};

QTEST_GUILESS_MAIN(TestStepTrace)
#include "test_step_trace.moc"
