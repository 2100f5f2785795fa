// Token groups: special tokens left out of the views, sub-word pieces merged into words, and the
// attention between the groups (sums over a word's columns, means over its rows).
#include <attnviz/analysis/token_groups.h>
#include <attnviz/error.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>

#include <QTest>

using namespace attnviz;

namespace {

std::string fixtureFolder(const char *name) {
    return std::string(ATTNVIZ_FIXTURE_DIR "/models/") + name;
}

EncodedToken piece(const char *display, bool continuation = false, bool special = false) {
    EncodedToken t;
    t.display = display;
    t.piece = display;
    t.continuation = continuation;
    t.special = special;
    return t;
}

QStringList labels(const std::vector<TokenGroup> &groups) {
    QStringList out;
    for (const TokenGroup &g : groups)
        out << QString::fromStdString(g.label);
    return out;
}

// A row-stochastic matrix whose entries are all different, so a wrong index shows.
Eigen::MatrixXf stochastic(int n, bool causal) {
    Eigen::MatrixXf a(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            a(i, j) = causal && j > i ? 0.0f : static_cast<float>(1 + i * n + j * j);
    for (int i = 0; i < n; ++i)
        a.row(i) /= a.row(i).sum();
    return a;
}

void verifyRowsSumTo(const Eigen::MatrixXf &m, const Eigen::VectorXf &sums) {
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        QVERIFY2(std::abs(m.row(r).sum() - sums(r)) < 1e-5f,
                 qPrintable(QStringLiteral("row %1 sums to %2, not %3")
                                .arg(r)
                                .arg(double(m.row(r).sum()))
                                .arg(double(sums(r)))));
}

} // namespace

class TestTokenGroups : public QObject {
    Q_OBJECT
private slots:
    void wordPieceGroups_data() {
        QTest::addColumn<bool>("hide");
        QTest::addColumn<bool>("merge");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("as is") << false << false
                               << QStringList{"[CLS]", "play", "ing", "now", "[SEP]"};
        QTest::newRow("hidden") << true << false << QStringList{"play", "ing", "now"};
        QTest::newRow("merged") << false << true << QStringList{"[CLS]", "playing", "now", "[SEP]"};
        QTest::newRow("both") << true << true << QStringList{"playing", "now"};
    }
    void wordPieceGroups() {
        QFETCH(bool, hide);
        QFETCH(bool, merge);
        QFETCH(QStringList, expected);
        const std::vector<EncodedToken> tokens{piece("[CLS]", false, true), piece("play"),
                                               piece("ing", true), piece("now"),
                                               piece("[SEP]", false, true)};
        QCOMPARE(labels(groupTokens(tokens, {hide, merge})), expected);
        QVERIFY(hasSpecialTokens(tokens));
        QVERIFY(hasSubwordPieces(tokens));
        QCOMPARE(hiddenTokenCount(groupTokens(tokens, {hide, merge}), tokens.size()), hide ? 2 : 0);
    }

    void specialTokensNeverJoinAWord() {
        // A continuation right after a special token starts its own word; a special token
        // marked as continuing (added tokens inside a word) stays alone.
        const std::vector<EncodedToken> tokens{piece("<|endoftext|>", false, true),
                                               piece("s", true), piece("[MASK]", true, true),
                                               piece("x", true)};
        const auto groups = groupTokens(tokens, {false, true});
        QCOMPARE(labels(groups), (QStringList{"<|endoftext|>", "s", "[MASK]", "x"}));
    }

    void splitCharacterIsShownOnce() {
        // "猫" over three byte-level pieces: whole on the first, "…" on the others.
        const std::vector<EncodedToken> tokens{piece("猫"), piece("…", true), piece("…", true),
                                               piece("sat")};
        const auto groups = groupTokens(tokens, {false, true});
        QCOMPARE(labels(groups), (QStringList{"猫", "sat"}));
        QCOMPARE(groups[0].tokens, (std::vector<int>{0, 1, 2}));
        // The texts a view shows ("zebra?" for unknown words) are joined instead when given.
        const auto shown = groupTokens(tokens, {false, true}, {"猫", "…", "…", "sat?"});
        QCOMPARE(labels(shown), (QStringList{"猫", "sat?"}));
        QVERIFY_THROWS_EXCEPTION(InputError, groupTokens(tokens, {}, {"too", "few"}));
        // GPT-2's " 猫": a lone "Ġ" piece (shown "␣") then the character's bytes.
        const std::vector<EncodedToken> spaced{piece("␣"), piece("猫", true), piece("…", true),
                                               piece("␣"), piece("␣", true)};
        QCOMPARE(labels(groupTokens(spaced, {false, true})), (QStringList{"猫", "␣␣"}));
    }

    void mergedAttentionSumsColumnsAndAveragesRows() {
        const Eigen::MatrixXf a = stochastic(5, false);
        const std::vector<TokenGroup> groups{{{0}, "a"}, {{1, 2, 3}, "bcd"}, {{4}, "e"}};
        const Eigen::MatrixXf m = groupAttention(a, groups);
        QCOMPARE(m.rows(), Eigen::Index(3));
        QCOMPARE(m.cols(), Eigen::Index(3));
        // To a word: the sum of its pieces' columns.
        QCOMPARE(m(0, 1), a(0, 1) + a(0, 2) + a(0, 3));
        // From a word: the mean of its pieces' rows.
        const float fromWord = ((a(1, 4) + a(2, 4) + a(3, 4)) / 3.0f);
        QVERIFY(std::abs(m(1, 2) - fromWord) < 1e-7f);
        const float within = (a.block(1, 1, 3, 3).sum()) / 3.0f;
        QVERIFY(std::abs(m(1, 1) - within) < 1e-6f);
        verifyRowsSumTo(m, Eigen::VectorXf::Ones(3)); // still a distribution per row
    }

    void hiddenTokensLeaveRowsBelowOne() {
        const Eigen::MatrixXf a = stochastic(4, false);
        const std::vector<TokenGroup> groups{{{1}, "b"}, {{2}, "c"}}; // 0 and 3 hidden
        const Eigen::MatrixXf m = groupAttention(a, groups);
        QCOMPARE(m, Eigen::MatrixXf(a.block(1, 1, 2, 2))); // selection only, nothing rescaled
        Eigen::VectorXf kept(2);
        kept << 1 - a(1, 0) - a(1, 3), 1 - a(2, 0) - a(2, 3);
        verifyRowsSumTo(m, kept);
        QVERIFY(m.row(0).sum() < 1.0f - 1e-3f);
    }

    void causalStaysCausalWhenMerged() {
        const Eigen::MatrixXf a = stochastic(6, true);
        const std::vector<TokenGroup> groups{{{0, 1}, "ab"}, {{2}, "c"}, {{3, 4, 5}, "def"}};
        const Eigen::MatrixXf m = groupAttention(a, groups);
        QCOMPARE(m(0, 1), 0.0f); // a word never sees a later word
        QCOMPARE(m(0, 2), 0.0f);
        QCOMPARE(m(1, 2), 0.0f);
        verifyRowsSumTo(m, Eigen::VectorXf::Ones(3));
    }

    void indexOutsideTheMatrixIsRefused() {
        const Eigen::MatrixXf a = stochastic(3, false);
        QVERIFY_THROWS_EXCEPTION(InputError, groupAttention(a, {{{0, 3}, "x"}}));
        QVERIFY_THROWS_EXCEPTION(InputError, groupAttention(a, {{{-1}, "x"}}));
    }

    void gpt2FixtureWordsAndSpecialToken() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("gpt2_prefixed_f16"));
        const ModelRun run = runModelOnSentence(
            loaded.model, "The teachers explained attention to students<|endoftext|>");
        QVERIFY(run.tokens.size() > 7); // "teachers" and others are split into pieces
        QVERIFY(run.tokens.back().special);
        QCOMPARE(labels(groupTokens(run.tokens, {false, true})),
                 (QStringList{"The", "teachers", "explained", "attention", "to", "students",
                              "<|endoftext|>"}));
        const auto groups = groupTokens(run.tokens, {true, true});
        QCOMPARE(groups.size(), std::size_t(6));
        for (const LayerTrace &layer : run.trace.layers)
            for (const HeadResult &head : layer.attention.heads) {
                const Eigen::MatrixXf merged =
                    groupAttention(head.weights, groupTokens(run.tokens, {false, true}));
                verifyRowsSumTo(merged, Eigen::VectorXf::Ones(merged.rows()));
                for (Eigen::Index r = 0; r < merged.rows(); ++r)
                    for (Eigen::Index c = r + 1; c < merged.cols(); ++c)
                        QCOMPARE(merged(r, c), 0.0f); // GPT-2 is causal, words too
                // The hidden <|endoftext|> is the last token: causal rows before it lose nothing.
                const Eigen::MatrixXf hidden = groupAttention(head.weights, groups);
                verifyRowsSumTo(hidden, Eigen::VectorXf::Ones(hidden.rows()));
            }
    }

    void cjkCharacterSplitOverBytePieces() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("gpt2_prefixed_f16"));
        const ModelRun run = runModelOnSentence(loaded.model, "The 猫 sat");
        const auto groups = groupTokens(run.tokens, {false, true});
        QVERIFY(run.tokens.size() > groups.size());
        QVERIFY(labels(groups).contains("猫"));
    }

    void bertFixtureHidesClsAndSep() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("bert"));
        const ModelRun run = runModelOnSentence(loaded.model, "teachers explained");
        QVERIFY(run.tokens.front().special && run.tokens.back().special);
        const auto shown = groupTokens(run.tokens, {true, true});
        QCOMPARE(labels(shown), (QStringList{"teachers", "explained"}));
        QVERIFY(run.tokens.size() > 4); // the pieces were more than the words
        const Eigen::MatrixXf &first = run.trace.layers[0].attention.heads[0].weights;
        const Eigen::MatrixXf m = groupAttention(first, shown);
        // What [CLS] and [SEP] received is missing from each row, and only that.
        for (Eigen::Index r = 0; r < m.rows(); ++r) {
            const std::vector<int> &rows = shown[static_cast<std::size_t>(r)].tokens;
            float special = 0;
            for (const int i : rows)
                special += first(i, 0) + first(i, first.cols() - 1);
            special /= static_cast<float>(rows.size());
            QVERIFY(std::abs(m.row(r).sum() - (1.0f - special)) < 1e-5f);
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenGroups)
#include "test_token_groups.moc"
