// Head roles decided from the metrics of hand-made matrices, the 0.5 and 0.9 thresholds and
// their strictness, tie-breaking, and the evidence a tooltip shows.
#include "attention_patterns.h"

#include <attnviz/analysis/head_roles.h>

#include <QTest>

using namespace attnviz;

Q_DECLARE_METATYPE(Eigen::MatrixXf)
Q_DECLARE_METATYPE(attnviz::HeadRole)
Q_DECLARE_METATYPE(attnviz::Metric)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

// Half on itself, half two tokens on: no share passes 0.5 (self is exactly 0.5, which is not
// above it) and each row's entropy is ln2 / ln4 = 0.5, so neither broad.
Eigen::MatrixXf halfSelfHalfSkip(int n) {
    Eigen::MatrixXf a = Eigen::MatrixXf::Zero(n, n);
    for (int i = 0; i < n; ++i) {
        a(i, i) = 0.5f;
        a(i, (i + 2) % n) = 0.5f;
    }
    return a;
}

} // namespace

class TestHeadRoles : public QObject {
    Q_OBJECT
private slots:
    void roles_data() {
        using namespace patterns;
        QTest::addColumn<Eigen::MatrixXf>("attention");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<std::vector<std::string>>("texts"); // empty: plain tokens
        QTest::addColumn<HeadRole>("role");
        QTest::addColumn<Metric>("deciding"); // the evidence shown first
        const std::vector<std::string> plain;
        QTest::newRow("identity") << identity(4) << false << plain << HeadRole::Self
                                  << Metric::Self;
        QTest::newRow("previous_token")
            << previousToken(4) << false << plain << HeadRole::PreviousToken << Metric::Previous;
        QTest::newRow("next_token")
            << nextToken(4) << false << plain << HeadRole::NextToken << Metric::Next;
        QTest::newRow("uniform") << uniform(4) << false << plain << HeadRole::Broad
                                 << Metric::Entropy;
        QTest::newRow("first_column")
            << firstColumn(4) << false << plain << HeadRole::FirstToken << Metric::First;
        QTest::newRow("causal_uniform")
            << causalUniform(4) << true << plain << HeadRole::Broad << Metric::Entropy;
        QTest::newRow("causal_previous")
            << previousToken(4) << true << plain << HeadRole::PreviousToken << Metric::Previous;
        QTest::newRow("causal_identity")
            << identity(4) << true << plain << HeadRole::Self << Metric::Self;
        // N = 2: first and previous are both 1; the tie goes to first (earlier in the list).
        QTest::newRow("tie_first_over_previous")
            << firstColumn(2) << false << plain << HeadRole::FirstToken << Metric::First;
        QTest::newRow("share_exactly_half_is_mixed")
            << halfSelfHalfSkip(4) << false << plain << HeadRole::Mixed << Metric::First;

        Eigen::MatrixXf sameWord = Eigen::MatrixXf::Zero(4, 4); // "the cat the dog"
        sameWord.row(0) << 0.25f, 0, 0.75f, 0;
        sameWord.row(1) << 0, 0.5f, 0.5f, 0; // cat: no other occurrence, row not counted
        sameWord.row(2) << 0.75f, 0, 0.25f, 0;
        sameWord.row(3) << 0, 0, 0.5f, 0.5f;
        QTest::newRow("same_word")
            << sameWord << false << std::vector<std::string>{"the", "cat", "The", "dog"}
            << HeadRole::SameWord << Metric::SameToken;

        Eigen::MatrixXf toSep = Eigen::MatrixXf::Zero(4, 4);
        toSep.col(3).setConstant(0.75f);
        toSep.col(1).setConstant(0.25f);
        QTest::newRow("special_sep")
            << toSep << false << std::vector<std::string>{"[CLS]", "hi", "there", "[SEP]"}
            << HeadRole::SpecialOrPunct << Metric::Special;
        QTest::newRow("punctuation")
            << toSep << false << std::vector<std::string>{"hi", "there", "you", "。"}
            << HeadRole::SpecialOrPunct << Metric::Punctuation;
    }

    void roles() {
        QFETCH(Eigen::MatrixXf, attention);
        QFETCH(bool, causal);
        QFETCH(std::vector<std::string>, texts);
        QFETCH(HeadRole, role);
        QFETCH(Metric, deciding);
        const auto tokens = texts.empty()
                                ? patterns::plainTokens(static_cast<int>(attention.rows()))
                                : describeTokens(texts);
        const RoleAssignment a = assignRole(computeHeadMetrics(attention, tokens, causal));
        QCOMPARE(roleKey(a.role), roleKey(role));
        QVERIFY(!a.evidence.empty());
        QCOMPARE(a.evidence.front().metric, deciding);
        // A decided role shows a passing number first; mixed shows only failing ones.
        QCOMPARE(a.evidence.front().passes, role != HeadRole::Mixed);
        for (const RoleEvidence &e : a.evidence) {
            QCOMPARE(e.passes, e.value > e.threshold);
            QCOMPARE(e.threshold, e.metric == Metric::Entropy ? RoleThresholds::broadEntropy
                                                              : RoleThresholds::share);
        }
    }

    void nothingDefinedIsMixed() {
        const RoleAssignment a = assignRole(HeadMetrics{});
        QCOMPARE(roleKey(a.role), std::string_view("mixed"));
        QVERIFY(a.evidence.empty());
    }

    void thresholdsAreStrict_data() {
        QTest::addColumn<double>("share");
        QTest::addColumn<double>("entropy");
        QTest::addColumn<HeadRole>("role");
        QTest::newRow("share_above") << 0.5001 << 0.0 << HeadRole::PreviousToken;
        QTest::newRow("share_at") << 0.5 << 0.0 << HeadRole::Mixed;
        QTest::newRow("entropy_above") << 0.1 << 0.9001 << HeadRole::Broad;
        QTest::newRow("entropy_at") << 0.1 << 0.9 << HeadRole::Mixed;
        QTest::newRow("share_beats_entropy") << 0.6 << 0.95 << HeadRole::PreviousToken;
    }

    void thresholdsAreStrict() {
        QFETCH(double, share);
        QFETCH(double, entropy);
        QFETCH(HeadRole, role);
        HeadMetrics m;
        m.previous = share;
        m.entropy = entropy;
        QCOMPARE(roleKey(assignRole(m).role), roleKey(role));
    }

    void tooltipNamesTheNumbers() {
        const RoleAssignment a = assignRole(
            computeHeadMetrics(patterns::previousToken(4), patterns::plainTokens(4), false));
        const std::string text = describeRole(a);
        QVERIFY2(text.starts_with(std::string(roleExplanation(HeadRole::PreviousToken))),
                 text.c_str());
        QVERIFY2(text.find("previous 1.00 > 0.50") != std::string::npos, text.c_str());
        QVERIFY2(text.find("entropy 0.00 ≤ 0.90") != std::string::npos, text.c_str());
    }

    void everyRoleHasDistinctNames() {
        const HeadRole all[] = {
            HeadRole::FirstToken, HeadRole::PreviousToken,  HeadRole::NextToken, HeadRole::Self,
            HeadRole::SameWord,   HeadRole::SpecialOrPunct, HeadRole::Broad,     HeadRole::Mixed};
        for (const HeadRole r : all) {
            QVERIFY(!roleLabel(r).empty());
            QVERIFY(!roleExplanation(r).empty());
            for (const HeadRole s : all)
                QVERIFY(r == s || roleKey(r) != roleKey(s));
        }
    }
};

QTEST_GUILESS_MAIN(TestHeadRoles)
#include "test_head_roles.moc"
