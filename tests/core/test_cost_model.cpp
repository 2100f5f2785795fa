// Cost model numbers against formulas worked by hand for one configuration, agreement with
// parameterCount, the one-wide-head comparison, overflow; and the head-count sweep's shapes.
#include <attnviz/analysis/cost_model.h>
#include <attnviz/analysis/head_count_sweep.h>
#include <attnviz/analysis/head_metrics.h>
#include <attnviz/error.h>
#include <attnviz/multi_head_attention.h>

#include <QTest>

using namespace attnviz;

Q_DECLARE_METATYPE(attnviz::AttentionConfig)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

const CostLine &line(const std::vector<CostLine> &lines, std::string_view name) {
    for (const CostLine &l : lines)
        if (l.name == name)
            return l;
    throw std::logic_error("no cost line named " + std::string(name));
}

} // namespace

class TestCostModel : public QObject {
    Q_OBJECT
private slots:
    // d_model 8, 2 heads, dk 3, dv 5 (dk ≠ d_model / h), N = 4, worked on paper.
    void handWorkedConfig_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qulonglong>("total");
        QTest::addColumn<qulonglong>("perHead");
        // Parameters: 8·2·3 + 2·3 = 54 (per head 8·3 + 3 = 27); V 8·2·5 + 10 = 90 (45);
        // output 2·5·8 + 8 = 88 (its columns 5·8 = 40).
        QTest::newRow("params_q") << "parameters"
                                  << "Q projection" << 54ULL << 27ULL;
        QTest::newRow("params_k") << "parameters"
                                  << "K projection" << 54ULL << 27ULL;
        QTest::newRow("params_v") << "parameters"
                                  << "V projection" << 90ULL << 45ULL;
        QTest::newRow("params_out") << "parameters"
                                    << "Output projection" << 88ULL << 40ULL;
        // FLOPs: Q 2·4·8·2·3 + 4·2·3 = 384 + 24 (per head 192 + 12); V 640 + 40 (320 + 20);
        // QKᵀ 2·2·16·3; scaling 2·16; softmax 5·2·16; ·V 2·2·16·5; output 2·4·2·5·8 + 4·8.
        QTest::newRow("flops_q") << "flops"
                                 << "Q projection" << 408ULL << 204ULL;
        QTest::newRow("flops_v") << "flops"
                                 << "V projection" << 680ULL << 340ULL;
        QTest::newRow("flops_qk") << "flops"
                                  << "QKᵀ" << 192ULL << 96ULL;
        QTest::newRow("flops_scale") << "flops"
                                     << "Scaling by 1/√dk" << 32ULL << 16ULL;
        QTest::newRow("flops_softmax") << "flops"
                                       << "Softmax" << 160ULL << 80ULL;
        QTest::newRow("flops_av") << "flops"
                                  << "Weights · V" << 320ULL << 160ULL;
        QTest::newRow("flops_out") << "flops"
                                   << "Output projection" << 672ULL << 320ULL;
        // Memory: 2 maps of 16 floats.
        QTest::newRow("memory_maps") << "memory"
                                     << "Attention maps (float32)" << 128ULL << 64ULL;
    }

    void handWorkedConfig() {
        QFETCH(QString, table);
        QFETCH(QString, name);
        QFETCH(qulonglong, total);
        QFETCH(qulonglong, perHead);
        const CostReport r = estimateCost(AttentionConfig{8, 2, 3, 5, false, false}, 4);
        const auto &lines =
            table == "parameters" ? r.parameters : (table == "flops" ? r.flops : r.memory);
        const CostLine &l = line(lines, name.toStdString());
        QCOMPARE(qulonglong(l.total), total);
        QCOMPARE(qulonglong(l.perHead), perHead);
        QVERIFY(!l.formula.empty());
    }

    void handWorkedTotals() {
        const CostReport r = estimateCost(AttentionConfig{8, 2, 3, 5, false, false}, 4);
        QCOMPARE(r.totalParameters(), std::uint64_t(54 + 54 + 90 + 88));
        QCOMPARE(r.totalFlops(), std::uint64_t(408 + 408 + 680 + 192 + 32 + 160 + 320 + 672));
        QCOMPARE(r.totalMemory(), std::uint64_t(256));
    }

    // One head of width 6 / 10: the same projections and products, but one softmax and one map.
    void oneWideHeadComparison() {
        const CostComparison c =
            compareWithOneWideHead(AttentionConfig{8, 2, 3, 5, false, false}, 4);
        QCOMPARE(c.oneWideHead.config.heads, 1);
        QCOMPARE(c.oneWideHead.config.dk, 6);
        QCOMPARE(c.oneWideHead.config.dv, 10);
        QCOMPARE(c.oneWideHead.totalParameters(), c.multiHead.totalParameters());
        QCOMPARE(line(c.oneWideHead.flops, "QKᵀ").total, std::uint64_t(2 * 16 * 6));
        QCOMPARE(line(c.oneWideHead.flops, "Softmax").total, std::uint64_t(5 * 16));
        QCOMPARE(line(c.oneWideHead.memory, "Attention maps (float32)").total, std::uint64_t(64));
        // Per head, two heads each cost half of the wide head's projections.
        QCOMPARE(2 * line(c.multiHead.parameters, "Q projection").perHead,
                 line(c.oneWideHead.parameters, "Q projection").perHead);
    }

    void parametersMatchParameterCount_data() {
        QTest::addColumn<AttentionConfig>("config");
        QTest::newRow("d64_h4") << AttentionConfig{64, 4, 16, 16, false, false};
        QTest::newRow("d64_h16_dk4") << AttentionConfig{64, 16, 4, 4, true, false};
        QTest::newRow("dk_ne_dv") << AttentionConfig{30, 3, 7, 11, false, false};
        QTest::newRow("single_head") << AttentionConfig{64, 1, 32, 8, false, true};
    }

    void parametersMatchParameterCount() {
        QFETCH(AttentionConfig, config);
        const CostReport r = estimateCost(config, 10);
        QCOMPARE(r.totalParameters(), parameterCount(config));
        QCOMPARE(r.parameters.size(), std::size_t(config.singleHead ? 3 : 4));
        QCOMPARE(r.flops.size(), std::size_t(config.singleHead ? 7 : 8));
    }

    void refusesWhatCannotBeCounted() {
        QVERIFY_THROWS_EXCEPTION(
            InputError, estimateCost(AttentionConfig{8, 2, 3, 5, false, false}, 1ULL << 40));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 estimateCost(AttentionConfig{0, 2, 3, 5, false, false}, 4));
    }

    void sweepShapes_data() {
        QTest::addColumn<int>("dModel");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<std::vector<int>>("heads");
        QTest::newRow("d16_all_counts") << 16 << 5 << false << std::vector<int>{1, 2, 4, 8, 16};
        QTest::newRow("d12_skips_8_16") << 12 << 6 << true << std::vector<int>{1, 2, 4};
        QTest::newRow("d8_skips_16") << 8 << 3 << false << std::vector<int>{1, 2, 4, 8};
    }

    void sweepShapes() {
        QFETCH(int, dModel);
        QFETCH(int, tokens);
        QFETCH(bool, causal);
        QFETCH(std::vector<int>, heads);
        const Eigen::MatrixXf x = Eigen::MatrixXf::Random(tokens, dModel);
        const std::vector<HeadCountPoint> points = sweepHeadCounts(x, 5, causal);
        QCOMPARE(points.size(), heads.size());
        for (std::size_t p = 0; p < points.size(); ++p) {
            QCOMPARE(points[p].heads, heads[p]);
            QCOMPARE(points[p].headWidth, dModel / heads[p]);
            QCOMPARE(static_cast<int>(points[p].entropy.size()), heads[p]);
            for (const double e : points[p].entropy)
                QVERIFY(e >= 0.0 && e <= 1.0 + 1e-6);
        }
        // The last point recomputed by hand: same weights, same forward, same entropy.
        const HeadCountPoint &last = points.back();
        const AttentionConfig c{dModel, last.heads, last.headWidth, last.headWidth, causal, false};
        const AttentionResult r = attentionForward(x, makeRandomWeights(c, 5), causal);
        std::vector<std::string> texts(static_cast<std::size_t>(tokens));
        for (int i = 0; i < tokens; ++i)
            texts[static_cast<std::size_t>(i)] = "w" + std::to_string(i);
        for (int h = 0; h < last.heads; ++h)
            QCOMPARE(last.entropy[static_cast<std::size_t>(h)],
                     *computeHeadMetrics(r.heads[static_cast<std::size_t>(h)].weights,
                                         describeTokens(texts), causal)
                          .entropy);
    }

    void sweepEdgeCases() {
        // One token: no row has a choice, so no entropy, but every count is still listed.
        const auto one = sweepHeadCounts(Eigen::MatrixXf::Random(1, 16), 5, true);
        QCOMPARE(one.size(), std::size_t(5));
        for (const HeadCountPoint &p : one)
            QVERIFY(p.entropy.empty());
        QVERIFY_THROWS_EXCEPTION(InputError, sweepHeadCounts(Eigen::MatrixXf(0, 16), 5, false));
    }
};

QTEST_GUILESS_MAIN(TestCostModel)
#include "test_cost_model.moc"
