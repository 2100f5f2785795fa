// Token groups: which of a run's tokens a view shows, and sub-word pieces merged into words. The
// model always sees every token; only the matrices drawn change.
#pragma once

#include "attnviz/tokenize/model_tokenizer.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace attnviz {

struct TokenViewOptions {
    bool hideSpecial = false; // leave out [CLS], [SEP], <|endoftext|>, … (rows then sum below 1)
    bool mergeSubwords = false; // one row and column per word instead of per piece

    bool operator==(const TokenViewOptions &) const = default;
};

struct TokenGroup {
    std::vector<int> tokens; // ascending indices into the run's tokens, one word's pieces
    std::string label;       // the pieces' display text joined: "playing", "猫"
};

// One group per shown row and column, in order. With mergeSubwords a token marked as continuing
// the previous token's word (WordPiece "##" pieces, byte-level pieces without a leading space, the
// later pieces of a split character) joins that word's group; special tokens always stay alone.
// With hideSpecial special tokens have no group. Labels join the pieces' display text, skipping
// the "…" of pieces that only continue a character shown whole on its first piece, and a leading
// whitespace-only piece ("␣") when visible pieces follow. `shown`, when
// given (one string a token), is joined instead of the display text.
std::vector<TokenGroup> groupTokens(const std::vector<EncodedToken> &tokens,
                                    const TokenViewOptions &options,
                                    const std::vector<std::string> &shown = {});

// Attention between groups: out(r, c) = mean over i in groups[r] of (sum over j in groups[c] of
// attention(i, j)). Attention TO a word is the sum over its pieces' columns, FROM a word the mean
// over its pieces' rows, so rows still sum to 1 when the groups cover every token; with tokens
// left out, a row sums to the share the shown tokens received. Singleton groups only select rows
// and columns. Throws InputError for an index outside the matrix.
Eigen::MatrixXf groupAttention(const Eigen::MatrixXf &attention,
                               const std::vector<TokenGroup> &groups);

// Whether any token is special; whether any token continues a word (the view options apply).
bool hasSpecialTokens(const std::vector<EncodedToken> &tokens);
bool hasSubwordPieces(const std::vector<EncodedToken> &tokens);

// The number of tokens the groups leave out of `count`.
int hiddenTokenCount(const std::vector<TokenGroup> &groups, std::size_t count);

} // namespace attnviz
