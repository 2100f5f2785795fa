// Jensen–Shannon head distance on matrices with answers worked by hand, its symmetry and zero
// self-distance, the layer's distance matrix, the clustering order, and analyseLayer, which
// puts every analysis of a layer together.
#include "attention_patterns.h"

#include <attnviz/analysis/head_similarity.h>
#include <attnviz/analysis/layer_analysis.h>
#include <attnviz/error.h>

#include <QTest>

#include <cmath>

using namespace attnviz;

Q_DECLARE_METATYPE(Eigen::MatrixXf)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

// Rounding in float sums of m·ln m over ≤ 64 keys, before the square root.
constexpr double kTolerance = 1e-5;

// A softmax of random scores: a realistic head, every weight positive.
Eigen::MatrixXf randomHead(int n, bool causal, unsigned seed) {
    std::srand(seed);
    Eigen::MatrixXf scores = Eigen::MatrixXf::Random(n, n) * 3.0f;
    if (causal)
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                scores(i, j) = -std::numeric_limits<float>::infinity();
    return softmaxRows(scores);
}

} // namespace

class TestHeadSimilarity : public QObject {
    Q_OBJECT
private slots:
    void knownDistances_data() {
        using namespace patterns;
        QTest::addColumn<Eigen::MatrixXf>("a");
        QTest::addColumn<Eigen::MatrixXf>("b");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<double>("expected");
        // Rows 1–3 have no key in common (distance 1 each), row 0 is identical (0).
        QTest::newRow("identity_vs_previous") << identity(4) << previousToken(4) << false << 0.75;
        // Causal: row 0 is forced and left out; rows 1–3 are disjoint.
        QTest::newRow("identity_vs_previous_causal")
            << identity(4) << previousToken(4) << true << 1.0;
        QTest::newRow("previous_vs_next_disjoint")
            << previousToken(5) << nextToken(5) << false << 1.0;
        // Each row: P one-hot, Q uniform over 4, M = (5/8 on P's key, 1/8 elsewhere).
        // KL(P‖M) = log2(8/5); KL(Q‖M) = ¼·log2(2/5) + ¾·log2(2); JSD = their mean.
        const double jsd = 0.5 * (std::log2(8.0 / 5.0) + 0.25 * std::log2(2.0 / 5.0) + 0.75);
        QTest::newRow("identity_vs_uniform")
            << identity(4) << uniform(4) << false << std::sqrt(jsd);
        QTest::newRow("uniform_vs_itself") << uniform(4) << uniform(4) << false << 0.0;
        QTest::newRow("one_token") << identity(1) << identity(1) << false << 0.0;
    }

    void knownDistances() {
        QFETCH(Eigen::MatrixXf, a);
        QFETCH(Eigen::MatrixXf, b);
        QFETCH(bool, causal);
        QFETCH(double, expected);
        const double d = jensenShannonDistance(a, b, causal);
        QVERIFY2(std::abs(d - expected) <= kTolerance,
                 qPrintable(QStringLiteral("%1 vs %2").arg(d, 0, 'g', 9).arg(expected, 0, 'g', 9)));
    }

    void selfZeroAndSymmetric_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("causal");
        QTest::newRow("n5") << 5 << false;
        QTest::newRow("n32_causal") << 32 << true;
        QTest::newRow("n64") << 64 << false;
    }

    void selfZeroAndSymmetric() {
        QFETCH(int, n);
        QFETCH(bool, causal);
        const Eigen::MatrixXf a = randomHead(n, causal, 1), b = randomHead(n, causal, 2);
        QCOMPARE(jensenShannonDistance(a, a, causal), 0.0);
        QCOMPARE(jensenShannonDistance(b, b, causal), 0.0);
        const double ab = jensenShannonDistance(a, b, causal);
        QCOMPARE(jensenShannonDistance(b, a, causal), ab); // exactly, not merely close
        QVERIFY(ab > 0.0 && ab <= 1.0);
    }

    // The float kernel against a plain double computation of the definition.
    void matchesDoubleReference() {
        const int n = 48;
        for (const bool causal : {false, true}) {
            const Eigen::MatrixXf a = randomHead(n, causal, 4), b = randomHead(n, causal, 5);
            double expected = 0.0;
            for (int i = causal ? 1 : 0; i < n; ++i) {
                double jsd = 0.0;
                for (int j = 0; j <= (causal ? i : n - 1); ++j) {
                    const double p = a(i, j), q = b(i, j), m = (p + q) / 2;
                    jsd += 0.5 * (p * std::log2(p / m) + q * std::log2(q / m));
                }
                expected += std::sqrt(jsd);
            }
            expected /= causal ? n - 1 : n;
            QVERIFY2(std::abs(jensenShannonDistance(a, b, causal) - expected) <= 1e-5,
                     qPrintable(QString::number(expected)));
        }
    }

    void layerMatrixAndOrder() {
        using namespace patterns;
        // Heads 0 and 2 are the same; clustering must seat them side by side.
        const std::vector<Eigen::MatrixXf> heads{identity(6), uniform(6), identity(6),
                                                 previousToken(6)};
        const Eigen::MatrixXf d = headDistanceMatrix(heads, false);
        QCOMPARE(d.rows(), Eigen::Index(4));
        QVERIFY(d.isApprox(d.transpose(), 0.0f));
        QVERIFY(d.diagonal().isZero(0.0f));
        QCOMPARE(d(0, 2), 0.0f);
        QCOMPARE(d(0, 3),
                 static_cast<float>(jensenShannonDistance(identity(6), previousToken(6), false)));
        const std::vector<int> order = attnviz::clusterOrder(d);
        const auto at = [&](int head) {
            return std::find(order.begin(), order.end(), head) - order.begin();
        };
        QCOMPARE(std::abs(at(0) - at(2)), std::ptrdiff_t(1));
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<int>{0, 1, 2, 3}));
    }

    void matrixFromForward() {
        const AttentionConfig c{16, 4, 4, 4, true, false};
        const AttentionResult r =
            attentionForward(Eigen::MatrixXf::Random(9, 16), makeRandomWeights(c, 3), true);
        std::vector<Eigen::MatrixXf> heads;
        for (const HeadResult &h : r.heads)
            heads.push_back(h.weights);
        QCOMPARE(headDistanceMatrix(r, true), headDistanceMatrix(heads, true));
    }

    // analyseLayer is the parts put together: each of its numbers equals the part's own.
    void analyseLayerAgreesWithParts() {
        const AttentionConfig c{16, 4, 4, 4, true, false};
        const AttentionWeights w = makeRandomWeights(c, 9);
        const AttentionResult r = attentionForward(Eigen::MatrixXf::Random(6, 16), w, true);
        const auto tokens =
            describeTokens(std::vector<std::string>{"the", "cat", ",", "the", "mat", "."});
        const LayerAnalysis layer = analyseLayer(r, w, tokens, true);
        const auto importance = headImportance(r.concat, w.out, c.heads);
        QCOMPARE(layer.heads.size(), std::size_t(4));
        for (std::size_t h = 0; h < layer.heads.size(); ++h) {
            HeadMetrics expected = computeHeadMetrics(r.heads[h].weights, tokens, true);
            expected.importance = importance[h];
            for (const MetricInfo &info : metricInfos())
                QCOMPARE(layer.heads[h].metrics.value(info.metric), expected.value(info.metric));
            QCOMPARE(roleKey(layer.heads[h].role.role), roleKey(assignRole(expected).role));
        }
        QCOMPARE(layer.headDistance, headDistanceMatrix(r, true));
        QCOMPARE(layer.clusteredOrder, attnviz::clusterOrder(layer.headDistance));

        const LayerAnalysis skipped = analyseLayer(r, w, tokens, true, HeadDistances::Skip);
        QCOMPARE(skipped.headDistance.size(), Eigen::Index(0));
        QCOMPARE(skipped.clusteredOrder, (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(skipped.heads[2].metrics.entropy, layer.heads[2].metrics.entropy);
    }

    void clusterOrder_data() {
        QTest::addColumn<Eigen::MatrixXf>("distances");
        QTest::addColumn<std::vector<int>>("order");
        Eigen::MatrixXf pairs = Eigen::MatrixXf::Constant(4, 4, 0.9f);
        pairs.diagonal().setZero();
        pairs(0, 3) = pairs(3, 0) = 0.1f; // 0 and 3 merge first, then 1 and 2
        pairs(1, 2) = pairs(2, 1) = 0.2f;
        QTest::newRow("two_pairs") << pairs << std::vector<int>{0, 3, 1, 2};
        // Average linkage: {0,1} is 0.1 apart; 2 is (0.3 + 0.5)/2 = 0.4 from it, 3 is
        // (0.6 + 0.2)/2 = 0.4 too, but 2–3 is 0.35, so 2 and 3 pair before joining. (Single
        // linkage would take 3 into {0,1} at 0.2 and give 0, 1, 3, 2.)
        Eigen::MatrixXf chain(4, 4);
        chain << 0, 0.1f, 0.3f, 0.6f, //
            0.1f, 0, 0.5f, 0.2f,      //
            0.3f, 0.5f, 0, 0.35f,     //
            0.6f, 0.2f, 0.35f, 0;
        QTest::newRow("average_linkage") << chain << std::vector<int>{0, 1, 2, 3};
        // All ties: the pair with the smallest indices merges first, every time.
        QTest::newRow("all_ties") << Eigen::MatrixXf(Eigen::MatrixXf::Zero(4, 4))
                                  << std::vector<int>{0, 1, 2, 3};
        QTest::newRow("one_head") << Eigen::MatrixXf(Eigen::MatrixXf::Zero(1, 1))
                                  << std::vector<int>{0};
        QTest::newRow("no_heads") << Eigen::MatrixXf(0, 0) << std::vector<int>{};
    }

    void clusterOrder() {
        QFETCH(Eigen::MatrixXf, distances);
        QFETCH(std::vector<int>, order);
        QCOMPARE(attnviz::clusterOrder(distances), order);
    }

    void refusesMismatchedShapes() {
        QVERIFY_THROWS_EXCEPTION(
            InputError, jensenShannonDistance(patterns::identity(3), patterns::identity(4), false));
        QVERIFY_THROWS_EXCEPTION(
            InputError,
            headDistanceMatrix(
                std::vector<Eigen::MatrixXf>{patterns::identity(3), patterns::uniform(2)}, false));
        QVERIFY_THROWS_EXCEPTION(InputError, attnviz::clusterOrder(Eigen::MatrixXf::Zero(2, 3)));
        Eigen::MatrixXf negative = patterns::identity(3);
        negative(0, 1) = -0.5f;
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 jensenShannonDistance(negative, patterns::identity(3), false));
        Eigen::MatrixXf nan = Eigen::MatrixXf::Zero(2, 2);
        nan(0, 1) = nan(1, 0) = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(InputError, attnviz::clusterOrder(nan));
    }
};

QTEST_GUILESS_MAIN(TestHeadSimilarity)
#include "test_head_similarity.moc"
