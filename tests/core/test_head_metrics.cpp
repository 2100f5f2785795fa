// Head metrics on hand-made attention matrices whose answers are worked out on paper, token
// classification, bad input, and ablation importance against an explicit recomputation.
#include "attention_patterns.h"

#include <attnviz/analysis/head_metrics.h>
#include <attnviz/analysis/head_roles.h>
#include <attnviz/error.h>
#include <attnviz/multi_head_attention.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace attnviz;

namespace {

// Metric values are means of float sums over at most a few rows of ≤ 5 terms.
constexpr double kTolerance = 1e-5;

struct Expected {
    std::optional<double> entropy, confidence, previous, self, next, first, distance, sameToken,
        special, punctuation;
};

const std::optional<double> absent = std::nullopt;

} // namespace

Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(attnviz::AttentionConfig)
Q_DECLARE_METATYPE(Eigen::MatrixXf)
Q_DECLARE_METATYPE(std::vector<std::string>)

class TestHeadMetrics : public QObject {
    Q_OBJECT

    static void compareMetric(const char *name, std::optional<double> actual,
                              std::optional<double> expected) {
        QVERIFY2(actual.has_value() == expected.has_value(),
                 qPrintable(QStringLiteral("%1: present %2, expected present %3")
                                .arg(name)
                                .arg(actual.has_value())
                                .arg(expected.has_value())));
        if (expected)
            QVERIFY2(std::abs(*actual - *expected) <= kTolerance,
                     qPrintable(QStringLiteral("%1 = %2, expected %3")
                                    .arg(name)
                                    .arg(*actual, 0, 'g', 9)
                                    .arg(*expected, 0, 'g', 9)));
    }

    static void compareAll(const HeadMetrics &m, const Expected &e) {
        compareMetric("entropy", m.entropy, e.entropy);
        compareMetric("confidence", m.confidence, e.confidence);
        compareMetric("previous", m.previous, e.previous);
        compareMetric("self", m.self, e.self);
        compareMetric("next", m.next, e.next);
        compareMetric("first", m.first, e.first);
        compareMetric("distance", m.distance, e.distance);
        compareMetric("same_token", m.sameToken, e.sameToken);
        compareMetric("special", m.special, e.special);
        compareMetric("punctuation", m.punctuation, e.punctuation);
        QVERIFY(!m.importance.has_value()); // never derived from A alone
    }

private slots:
    // N = 4 unless the row says otherwise. "rows" are those with more than one allowed key.
    void patterns_data() {
        using namespace patterns;
        QTest::addColumn<Eigen::MatrixXf>("attention");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<Expected>("expected");
        const double third = 1.0 / 3.0;
        const double causalMean = (1.0 / 2 + 1.0 / 3 + 1.0 / 4) / 3; // rows 1–3 of causal uniform
        // Identity: all weight on self; only row 0's self is also the first token.
        QTest::newRow("identity") << identity(4) << false
                                  << Expected{0.0,  1.0, 0.0,    1.0,    0.0,
                                              0.25, 0.0, absent, absent, absent};
        // Rows 1–3 on i − 1, row 0 on itself: first = rows 0 and 1 of 4; distance (0+1+1+1)/4.
        QTest::newRow("previous_token")
            << previousToken(4) << false
            << Expected{0.0, 1.0, 1.0, 0.25, 0.0, 0.5, 0.75, absent, absent, absent};
        // Rows 0–2 on i + 1, row 3 on itself: self = 1 of 4 rows, nothing on the first token.
        QTest::newRow("next_token")
            << nextToken(4) << false
            << Expected{0.0, 1.0, 0.0, 0.25, 1.0, 0.0, 0.75, absent, absent, absent};
        // Every weight 1/4: entropy ln4/ln4; distance rows (6, 4, 4, 6)/4 → mean 1.25.
        QTest::newRow("uniform") << uniform(4) << false
                                 << Expected{1.0,  0.25, 0.25,   0.25,   0.25,
                                             0.25, 1.25, absent, absent, absent};
        QTest::newRow("uniform_n2")
            << uniform(2) << false
            << Expected{1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, absent, absent, absent};
        // All on key 0: previous only for row 1 (1 of rows 1–3); distance (0+1+2+3)/4.
        QTest::newRow("first_column")
            << firstColumn(4) << false
            << Expected{0.0, 1.0, third, 0.25, 0.0, 1.0, 1.5, absent, absent, absent};
        // Row 0 is forced and left out; row i of rows 1–3 is 1/(i+1) everywhere allowed;
        // distance rows 1–3: 1/2, (2+1)/3, (3+2+1)/4 → mean 1; no next key under the mask.
        QTest::newRow("causal_uniform")
            << causalUniform(4) << true
            << Expected{1.0,        causalMean, causalMean, causalMean, absent,
                        causalMean, 1.0,        absent,     absent,     absent};
        QTest::newRow("causal_identity")
            << identity(4) << true
            << Expected{0.0, 1.0, 0.0, 1.0, absent, 0.0, 0.0, absent, absent, absent};
        // Rows 1–3 on i − 1: the first token only from row 1.
        QTest::newRow("causal_previous")
            << previousToken(4) << true
            << Expected{0.0, 1.0, 1.0, 0.0, absent, third, 1.0, absent, absent, absent};
        // One token: its only row is forced, so nothing is defined.
        QTest::newRow("single_token")
            << identity(1) << false << Expected{absent, absent, absent, absent, absent,
                                                absent, absent, absent, absent, absent};
        QTest::newRow("single_token_causal") << identity(1) << true << Expected{};
    }

    void patterns() {
        QFETCH(Eigen::MatrixXf, attention);
        QFETCH(bool, causal);
        QFETCH(Expected, expected);
        const HeadMetrics m = computeHeadMetrics(
            attention, patterns::plainTokens(static_cast<int>(attention.rows())), causal);
        compareAll(m, expected);
    }

    // The fast x·ln x kernel against std::log in double, on realistic softmax rows.
    void entropyMatchesReference_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("causal");
        QTest::newRow("n64") << 64 << false;
        QTest::newRow("n200_causal") << 200 << true;
    }

    void entropyMatchesReference() {
        QFETCH(int, n);
        QFETCH(bool, causal);
        std::srand(3);
        Eigen::MatrixXf scores = Eigen::MatrixXf::Random(n, n) * 4.0f;
        for (int i = 0; i < n && causal; ++i)
            for (int j = i + 1; j < n; ++j)
                scores(i, j) = -std::numeric_limits<float>::infinity();
        const Eigen::MatrixXf a = softmaxRows(scores);
        double expected = 0.0;
        for (int i = causal ? 1 : 0; i < n; ++i) {
            double h = 0.0;
            for (int j = 0; j <= (causal ? i : n - 1); ++j)
                h -= a(i, j) > 0 ? a(i, j) * std::log(static_cast<double>(a(i, j))) : 0.0;
            expected += h / std::log(static_cast<double>(causal ? i + 1 : n));
        }
        expected /= causal ? n - 1 : n;
        const HeadMetrics m = computeHeadMetrics(a, patterns::plainTokens(n), causal);
        compareMetric("entropy", m.entropy, expected);
    }

    void sameToken_data() {
        QTest::addColumn<Eigen::MatrixXf>("attention");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<double>("expected");
        // "The cat saw the dog": rows 0 and 3 ("The", "the") have another occurrence.
        Eigen::MatrixXf both = Eigen::MatrixXf::Identity(5, 5);
        both.row(0) << 0.25f, 0, 0, 0.75f, 0; // 0.75 on the other "the"
        both.row(3) << 0.5f, 0, 0, 0.5f, 0;   // 0.5 on the other "The"
        QTest::newRow("both_directions") << both << false << (0.75 + 0.5) / 2;
        // Causal: row 0 cannot see the later "the", so only row 3 counts.
        Eigen::MatrixXf causal = Eigen::MatrixXf::Identity(5, 5);
        causal.row(3) << 0.5f, 0, 0, 0.5f, 0;
        QTest::newRow("causal_only_earlier") << causal << true << 0.5;
    }

    void sameToken() {
        QFETCH(Eigen::MatrixXf, attention);
        QFETCH(bool, causal);
        QFETCH(double, expected);
        const auto tokens =
            describeTokens(std::vector<std::string>{"The", "cat", "saw", "the", "dog"});
        const HeadMetrics m = computeHeadMetrics(attention, tokens, causal);
        compareMetric("same_token", m.sameToken, expected);
    }

    void specialAndPunctuation() {
        // [CLS] hi , there [SEP]: every row puts 1/2 on [SEP], 1/4 on "," and 1/4 on [CLS].
        const auto tokens =
            describeTokens(std::vector<std::string>{"[CLS]", "hi", ",", "there", "[SEP]"});
        Eigen::MatrixXf a = Eigen::MatrixXf::Zero(5, 5);
        a.col(4).setConstant(0.5f);
        a.col(2).setConstant(0.25f);
        a.col(0).setConstant(0.25f);
        const HeadMetrics m = computeHeadMetrics(a, tokens, false);
        compareMetric("special", m.special, 0.75);
        compareMetric("punctuation", m.punctuation, 0.25);
        compareMetric("first", m.first, 0.25);
        compareMetric("same_token", m.sameToken, absent);

        // Causal, special token last: only the last row can see it, and it looks at itself. That
        // is a self head, not a special-token head: the share is over rows 1–3, so 1/3.
        const auto gpt = describeTokens(std::vector<std::string>{"a", "b", "c", "<|endoftext|>"});
        const HeadMetrics c = computeHeadMetrics(patterns::identity(4), gpt, true);
        compareMetric("special", c.special, 1.0 / 3.0);
        compareMetric("punctuation", c.punctuation, absent);
        QCOMPARE(assignRole(c).role, HeadRole::Self);
        // The same with a final "." (the built-in English models' sentences end so).
        const auto dot = describeTokens(std::vector<std::string>{"the", "cat", "sat", "."});
        const HeadMetrics d = computeHeadMetrics(patterns::identity(4), dot, true);
        compareMetric("punctuation", d.punctuation, 1.0 / 3.0);
        QCOMPARE(assignRole(d).role, HeadRole::Self);
    }

    void tokenKinds_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("special");
        QTest::addColumn<bool>("punctuation");
        QTest::newRow("cls") << "[CLS]" << true << false;
        QTest::newRow("sep") << "[SEP]" << true << false;
        QTest::newRow("endoftext") << "<|endoftext|>" << true << false;
        QTest::newRow("roberta_start") << "<s>" << true << false;
        QTest::newRow("lower_brackets") << "[cls]" << false << false;
        QTest::newRow("empty_brackets") << "[]" << false << true;
        QTest::newRow("comma") << "," << false << true;
        QTest::newRow("ideographic_full_stop") << "。" << false << true;
        QTest::newRow("em_dashes") << "——" << false << true;
        QTest::newRow("left_quote") << "“" << false << true;
        QTest::newRow("ellipsis_dots") << "..." << false << true;
        QTest::newRow("dollar_is_symbol") << "$" << false << false;
        QTest::newRow("plus_is_symbol") << "+" << false << false;
        QTest::newRow("word") << "cat" << false << false;
        QTest::newRow("word_and_comma") << "a," << false << false;
        QTest::newRow("chinese_word") << "注意力" << false << false;
        QTest::newRow("empty") << "" << false << false;
    }

    void tokenKinds() {
        QFETCH(QString, text);
        QFETCH(bool, special);
        QFETCH(bool, punctuation);
        const auto facts = attnviz::describeTokens(std::vector<std::string>{text.toStdString()});
        QCOMPARE(facts.size(), std::size_t(1));
        QCOMPARE(facts[0].special, special);
        QCOMPARE(facts[0].punctuation, punctuation);
    }

    void textGroupsFoldCase() {
        const auto facts = attnviz::describeTokens(
            std::vector<std::string>{"The", "cat", "the", "THE", "Straße", "STRASSE"});
        const std::vector<int> expected{0, 1, 0, 0, 4, 4};
        for (std::size_t i = 0; i < facts.size(); ++i)
            QCOMPARE(facts[i].textGroup, expected[i]);
    }

    void invalidUtf8Token() {
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 attnviz::describeTokens(std::vector<std::string>{"ok", "\xff"}));
    }

    void badMatrices_data() {
        QTest::addColumn<Eigen::MatrixXf>("attention");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << Eigen::MatrixXf(0, 0) << 0 << "empty";
        QTest::newRow("not_square")
            << Eigen::MatrixXf(Eigen::MatrixXf::Constant(2, 3, 1.0f / 3)) << 2 << "square";
        QTest::newRow("token_count") << patterns::identity(3) << 4 << "4 tokens";
        Eigen::MatrixXf nan = patterns::identity(3);
        nan(1, 2) = std::numeric_limits<float>::quiet_NaN();
        QTest::newRow("nan") << nan << 3 << "finite";
        Eigen::MatrixXf negative = patterns::uniform(2);
        negative.row(0) << 1.5f, -0.5f;
        QTest::newRow("negative") << negative << 2 << "negative";
        QTest::newRow("raw_scores")
            << Eigen::MatrixXf(Eigen::MatrixXf::Constant(3, 3, 0.5f)) << 3 << "sums to";
    }

    void badMatrices() {
        QFETCH(Eigen::MatrixXf, attention);
        QFETCH(int, tokens);
        QFETCH(QString, messagePart);
        try {
            computeHeadMetrics(attention, patterns::plainTokens(tokens), false);
            QFAIL("accepted a matrix that is not attention");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(messagePart), e.what());
        }
    }

    void refusesBadTextGroup() {
        std::vector<TokenFacts> tokens = patterns::plainTokens(3);
        tokens[1].textGroup = 7;
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 computeHeadMetrics(patterns::identity(3), tokens, false));
    }

    void metricTable() {
        // The table order is the enum order and every key is distinct (dump and CSV names).
        const auto &infos = metricInfos();
        for (std::size_t i = 0; i < infos.size(); ++i) {
            QCOMPARE(static_cast<std::size_t>(infos[i].metric), i);
            for (std::size_t j = i + 1; j < infos.size(); ++j)
                QVERIFY(infos[i].key != infos[j].key);
        }
        HeadMetrics m;
        m.sameToken = 0.125;
        QCOMPARE(m.value(Metric::SameToken), std::optional<double>(0.125));
        QCOMPARE(m.value(Metric::Entropy), absent);
    }

    void importance_data() {
        QTest::addColumn<AttentionConfig>("config");
        QTest::newRow("h2_d16") << AttentionConfig{16, 2, 8, 8, false, false};
        QTest::newRow("h4_dk_ne_dv_causal") << AttentionConfig{16, 4, 3, 5, true, false};
        QTest::newRow("h16_d64") << AttentionConfig{64, 16, 4, 4, false, false};
        QTest::newRow("single_head") << AttentionConfig{12, 1, 6, 4, false, true};
    }

    // ‖y − y₋ₕ‖ / ‖y‖ recomputed the long way: zero head h's columns, project again, compare.
    void importance() {
        QFETCH(AttentionConfig, config);
        const AttentionWeights w = makeRandomWeights(config, 11);
        const Eigen::MatrixXf x = Eigen::MatrixXf::Random(7, config.dModel);
        const AttentionResult r = attentionForward(x, w, config.causal);
        const auto importance = headImportance(r.concat, w.out, config.heads);
        QCOMPARE(static_cast<int>(importance.size()), config.heads);
        auto project = [&](const Eigen::MatrixXf &concat) -> Eigen::MatrixXf {
            if (!w.out)
                return concat;
            Eigen::MatrixXf y = concat * w.out->weight.transpose();
            y.rowwise() += w.out->bias.transpose();
            return y;
        };
        const Eigen::MatrixXf y = project(r.concat);
        for (int h = 0; h < config.heads; ++h) {
            Eigen::MatrixXf ablated = r.concat;
            ablated.middleCols(h * config.dv, config.dv).setZero();
            const double expected =
                static_cast<double>((y - project(ablated)).norm()) / static_cast<double>(y.norm());
            QVERIFY(importance[static_cast<std::size_t>(h)].has_value());
            QVERIFY2(std::abs(*importance[static_cast<std::size_t>(h)] - expected) <=
                         1e-5 * std::max(1.0, expected),
                     qPrintable(QStringLiteral("head %1: %2 vs %3")
                                    .arg(h)
                                    .arg(*importance[static_cast<std::size_t>(h)])
                                    .arg(expected)));
        }
        if (config.singleHead)
            QCOMPARE(*importance[0], 1.0); // removing the only head removes everything
    }

    void importanceRefusesBadShapes() {
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 headImportance(Eigen::MatrixXf::Ones(3, 8), std::nullopt, 3));
        const auto zero = headImportance(Eigen::MatrixXf::Zero(3, 8), std::nullopt, 2);
        QVERIFY(!zero[0] && !zero[1]); // ‖y‖ = 0: nothing to compare against
    }
};

QTEST_GUILESS_MAIN(TestHeadMetrics)
#include "test_head_metrics.moc"
