// The metrics as the command line prints them (text and CSV tables) and as the module dump writes
// them: the same numbers as the analysis, for hand-made heads with known answers.
#include "attention_patterns.h"

#include <attnviz/analysis/metrics_table.h>
#include <attnviz/dump.h>
#include <attnviz/error.h>

#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace attnviz;

namespace {

// One layer of hand-made heads: previous token, self, uniform (broad).
LayerAnalysis knownLayer() {
    const int n = 6;
    std::vector<std::string> texts{"the", "cat", "sat", "on", "the", "mat"};
    const auto facts = describeTokens(texts);
    LayerAnalysis layer;
    for (const Eigen::MatrixXf &a :
         {patterns::previousToken(n), patterns::identity(n), patterns::uniform(n)}) {
        HeadAnalysis head;
        head.metrics = computeHeadMetrics(a, facts, false);
        head.role = assignRole(head.metrics);
        layer.heads.push_back(head);
    }
    return layer;
}

QStringList lines(const std::string &text) {
    return QString::fromStdString(text).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestMetricsOutput : public QObject {
    Q_OBJECT
private slots:
    void csvHasEveryMetricOfEveryHead() {
        const LayerAnalysis layer = knownLayer();
        const QStringList rows = lines(formatMetricsTable({layer, layer}, MetricsTableFormat::Csv));
        QCOMPARE(rows.size(), 1 + 2 * 3);
        const QStringList header = rows[0].split(u',');
        QCOMPARE(header.mid(0, 3), (QStringList{"layer", "head", "role"}));
        QCOMPARE(header.size(), 3 + kMetricCount);
        for (int r = 1; r < rows.size(); ++r) {
            const QStringList fields = rows[r].split(u',');
            QCOMPARE(fields.size(), header.size());
            QCOMPARE(fields[0].toInt(), (r - 1) / 3 + 1); // layers 1-based
            const int h = (r - 1) % 3;
            QCOMPARE(fields[1].toInt(), h + 1);
            const HeadAnalysis &head = layer.heads[static_cast<std::size_t>(h)];
            QCOMPARE(fields[2].toStdString(), std::string(roleKey(head.role.role)));
            for (int m = 0; m < kMetricCount; ++m) {
                const auto value = head.metrics.value(metricInfos()[std::size_t(m)].metric);
                if (!value) {
                    QVERIFY(fields[3 + m].isEmpty());
                    continue;
                }
                bool ok = false;
                QVERIFY(std::abs(fields[3 + m].toDouble(&ok) - *value) <= 1e-8 * (1 + *value));
                QVERIFY(ok);
            }
        }
        // The known answers come through: previous share 1, self share 1, broad entropy 1.
        QCOMPARE(rows[1].section(u',', 2, 2), QString("previous"));
        QCOMPARE(rows[2].section(u',', 2, 2), QString("self"));
        QCOMPARE(rows[3].section(u',', 2, 2), QString("broad"));
    }

    // Text: one line per head under a header, every column right-aligned under its key (the
    // role left-aligned), absent metrics as "-".
    void textColumnsLineUp() {
        const LayerAnalysis layer = knownLayer();
        const QStringList rows = lines(formatMetricsTable({layer}, MetricsTableFormat::Text));
        QCOMPARE(rows.size(), 1 + 3);
        const QString header = rows[0];
        QVERIFY(header.startsWith("layer  head  role"));
        // Each numeric column ends where its key ends in the header.
        for (const MetricInfo &info : metricInfos()) {
            const QString key = QString::fromUtf8(info.key.data(), qsizetype(info.key.size()));
            const qsizetype end =
                header.indexOf(QRegularExpression("\\b" + key + "\\b")) + key.size();
            QVERIFY(end > key.size());
            for (int r = 1; r < rows.size(); ++r) {
                QVERIFY2(rows[r].size() >= end, qPrintable(rows[r]));
                QVERIFY2(rows[r][end - 1] != u' ' &&
                             (end == rows[r].size() || rows[r][end] == u' '),
                         qPrintable(key + ": " + rows[r]));
            }
        }
        QVERIFY(rows[1].contains(QString::fromUtf8(roleLabel(HeadRole::PreviousToken).data())));
        QVERIFY(rows[1].contains(" 1.000")); // the previous-token share
        QVERIFY(rows[1].contains(" -"));     // no special tokens: their share is absent
    }

    // With an analysis, every head of the module dump carries its metrics and role, and the
    // top level the head distances; without one, neither appears.
    void dumpCarriesTheAnalysis() {
        PipelineOptions options;
        options.sentence = "The cat sat on the mat because it was warm.";
        options.attention.heads = 3;
        const AttentionWeights weights = makeRandomWeights(options.attention, options.seed);
        const PipelineResult result = runPipeline(options, weights);
        const LayerAnalysis analysis =
            analyseLayer(result.attention, weights, describeTokens(result.tokens), false);
        const auto dump =
            nlohmann::json::parse(dumpText(options, result, {{"source", "random"}}, &analysis));
        QCOMPARE(dump["heads"].size(), std::size_t(3));
        for (std::size_t h = 0; h < 3; ++h) {
            const auto &metrics = dump["heads"][h]["metrics"];
            QCOMPARE(metrics["role"].get<std::string>(),
                     std::string(roleKey(analysis.heads[h].role.role)));
            for (const MetricInfo &info : metricInfos()) {
                const auto value = analysis.heads[h].metrics.value(info.metric);
                const auto &written = metrics[std::string(info.key)];
                QCOMPARE(written.is_null(), !value.has_value());
                if (value)
                    QCOMPARE(written.get<float>(), static_cast<float>(*value));
            }
        }
        QCOMPARE(dump["head_distance"].size(), std::size_t(3));
        QCOMPARE(dump["head_distance"][1][1].get<float>(), 0.0f);
        QCOMPARE(dump["head_distance"][0][2].get<float>(),
                 dump["head_distance"][2][0].get<float>());

        const auto plain = nlohmann::json::parse(dumpText(options, result));
        QVERIFY(!plain.contains("head_distance"));
        QVERIFY(!plain["heads"][0].contains("metrics"));
    }

    void dumpRefusesAnAnalysisOfAnotherShape() {
        PipelineOptions options;
        options.sentence = "a b c";
        const AttentionWeights weights = makeRandomWeights(options.attention, options.seed);
        const PipelineResult result = runPipeline(options, weights);
        LayerAnalysis wrong = knownLayer(); // 3 heads for a 4-head result
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 dumpText(options, result, {{"source", "random"}}, &wrong));
    }
};

QTEST_GUILESS_MAIN(TestMetricsOutput)
#include "test_metrics_output.moc"
