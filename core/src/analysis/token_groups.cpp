#include "attnviz/analysis/token_groups.h"

#include "attnviz/error.h"

namespace attnviz {

namespace {

// A piece that only carries later bytes of a character shown whole on an earlier piece.
bool onlyContinuesACharacter(const EncodedToken &token) {
    return token.continuation && token.display == "…";
}

// A label of nothing but the marks that show a whitespace-only piece ("␣", "↵", "⇥"): a word
// that starts with such a piece ("Ġ" before "猫"'s bytes) is labelled by its visible pieces.
bool onlyWhitespaceMarks(std::string_view label) {
    if (label.empty())
        return false;
    for (std::string_view rest = label; !rest.empty();) {
        bool matched = false;
        for (const std::string_view mark : {"␣", "↵", "⇥"})
            if (rest.substr(0, mark.size()) == mark) {
                rest.remove_prefix(mark.size());
                matched = true;
                break;
            }
        if (!matched)
            return false;
    }
    return true;
}

} // namespace

std::vector<TokenGroup> groupTokens(const std::vector<EncodedToken> &tokens,
                                    const TokenViewOptions &options,
                                    const std::vector<std::string> &shown) {
    if (!shown.empty() && shown.size() != tokens.size())
        throw InputError("groupTokens: " + std::to_string(shown.size()) + " texts for " +
                         std::to_string(tokens.size()) + " tokens");
    std::vector<TokenGroup> groups;
    bool previousJoinable = false; // the last group is a word the next piece may continue
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const EncodedToken &token = tokens[i];
        const std::string &text = shown.empty() ? token.display : shown[i];
        if (token.special) {
            previousJoinable = false;
            if (!options.hideSpecial)
                groups.push_back({{static_cast<int>(i)}, text});
            continue;
        }
        if (options.mergeSubwords && token.continuation && previousJoinable) {
            TokenGroup &word = groups.back();
            word.tokens.push_back(static_cast<int>(i));
            if (onlyContinuesACharacter(token))
                continue;
            if (onlyWhitespaceMarks(word.label) && !onlyWhitespaceMarks(text))
                word.label.clear();
            word.label += text;
            continue;
        }
        groups.push_back({{static_cast<int>(i)}, text});
        previousJoinable = true;
    }
    return groups;
}

Eigen::MatrixXf groupAttention(const Eigen::MatrixXf &attention,
                               const std::vector<TokenGroup> &groups) {
    const auto n = static_cast<Eigen::Index>(groups.size());
    for (const TokenGroup &group : groups)
        for (const int t : group.tokens)
            if (t < 0 || t >= attention.rows() || t >= attention.cols())
                throw InputError("groupAttention: token " + std::to_string(t) + " is outside the " +
                                 std::to_string(attention.rows()) + " × " +
                                 std::to_string(attention.cols()) + " matrix");
    // Columns first (sums over a word's pieces), then rows (means over its pieces).
    Eigen::MatrixXf columns(attention.rows(), n);
    for (Eigen::Index c = 0; c < n; ++c) {
        columns.col(c).setZero();
        for (const int j : groups[static_cast<std::size_t>(c)].tokens)
            columns.col(c) += attention.col(j);
    }
    Eigen::MatrixXf out(n, n);
    for (Eigen::Index r = 0; r < n; ++r) {
        const std::vector<int> &rows = groups[static_cast<std::size_t>(r)].tokens;
        out.row(r).setZero();
        for (const int i : rows)
            out.row(r) += columns.row(i);
        if (!rows.empty())
            out.row(r) /= static_cast<float>(rows.size());
    }
    return out;
}

bool hasSpecialTokens(const std::vector<EncodedToken> &tokens) {
    for (const EncodedToken &t : tokens)
        if (t.special)
            return true;
    return false;
}

bool hasSubwordPieces(const std::vector<EncodedToken> &tokens) {
    for (const EncodedToken &t : tokens)
        if (t.continuation && !t.special)
            return true;
    return false;
}

int hiddenTokenCount(const std::vector<TokenGroup> &groups, std::size_t count) {
    std::size_t shown = 0;
    for (const TokenGroup &group : groups)
        shown += group.tokens.size();
    return static_cast<int>(count - std::min(count, shown));
}

} // namespace attnviz
