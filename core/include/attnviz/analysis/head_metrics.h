// Head metrics: what one head's attention matrix does, as numbers (entropy, shares, distance).
//
// Definitions (docs/metrics.md states the same, with worked examples). A is one head's
// attention [N × N]: row i is query i, each row sums to 1. Key j is *allowed* for query i when
// j ≤ i under a causal mask, always otherwise; the caller says which, zeros are not read as a
// mask. A row with a single allowed key (N = 1, or row 0 under a causal mask) is forced and
// says nothing about the head, so every metric leaves such rows out; "the rows" below are the
// other ones.
//
//  entropy      mean of H_i / ln(allowed_i), H_i = −Σ_j A_ij ln A_ij: 0 = one key, 1 = uniform
//               (Clark et al. 2019, §3 "broad attention"; normalised so N does not matter).
//  confidence   mean of max_j A_ij (Voita et al. 2019, "confidence" of a head).
//  previous     mean of A_{i,i−1} over the rows with i ≥ 1 (Clark et al. 2019, §3 positional
//               heads; likewise self, next, first).
//  self         mean of A_{i,i}.
//  next         mean of A_{i,i+1} over the rows where key i + 1 is allowed; absent under a
//               causal mask, which allows it nowhere.
//  first        mean of A_{i,0}: attention to the first token, the "sink" or [CLS].
//  distance     mean of Σ_j A_ij |i − j|, in tokens (Vig & Belinkov 2019, "attention distance").
//  same_token   mean, over rows whose token text (case-folded) occurs at another allowed key, of
//               the weight on those other occurrences.
//  special      mean weight on special tokens ([CLS], [SEP], <|endoftext|>, …) over all the
//               rows, a row that cannot see one counting 0 (under a causal mask a final token is
//               seen only by its own row, which would make any self-attending head a special
//               one); absent when no row sees one (Clark et al. 2019, §3 attention to [SEP]).
//               Dump key "special_tokens".
//  punctuation  the same for tokens made only of Unicode general category P* characters.
//  importance   ‖y − y₋ₕ‖ / ‖y‖ (Frobenius norms), y = concat · W_oᵀ + b_o and y₋ₕ the same with
//               head h's columns of concat zeroed (Michel et al. 2019 ablate heads the same
//               way); without an output projection y = concat.
//
// A metric that cannot be defined for the input (no rows, no such key, no such token) is
// std::nullopt, shown as "—" and written as null.
#pragma once

#include "attnviz/attention_weights.h"
#include "attnviz/tokenizer.h"

#include <Eigen/Core>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

// What the metrics need to know about one token, prepared once per sentence.
struct TokenFacts {
    std::string text;
    int textGroup = 0;        // index of the first token with the same case-folded text
    bool special = false;     // a tokenizer's special token: [CLS], [SEP], <s>, <|endoftext|> …
    bool punctuation = false; // non-empty and every character in Unicode category P*
};

// Classifies token texts: special by form ("[" A–Z "]", "<|…|>", <s>, </s>, <pad>, <unk>,
// <mask>), punctuation by ICU general category, groups by ICU case folding. Throws InputError
// naming the token when a text is not valid UTF-8.
std::vector<TokenFacts> describeTokens(const std::vector<std::string> &texts);
std::vector<TokenFacts> describeTokens(const std::vector<Token> &tokens);

// Whether a token text has the form of a special token (see describeTokens).
bool isSpecialTokenText(std::string_view text);

// Every metric, in the order tables and dumps list them.
enum class Metric {
    Entropy,
    Confidence,
    Previous,
    Self,
    Next,
    First,
    Distance,
    SameToken,
    Special,
    Punctuation,
    Importance,
};
inline constexpr int kMetricCount = 11;

struct MetricInfo {
    Metric metric;
    std::string_view key;        // dump and CSV name: "entropy", "same_token", …
    std::string_view label;      // short English column title
    std::string_view definition; // one English line for a tooltip
};

// The metrics in table order, with their names and definitions.
const std::array<MetricInfo, kMetricCount> &metricInfos();
const MetricInfo &metricInfo(Metric metric);

// One head's metrics; std::nullopt where a metric is not defined (see the header comment).
struct HeadMetrics {
    std::optional<double> entropy;
    std::optional<double> confidence;
    std::optional<double> previous;
    std::optional<double> self;
    std::optional<double> next;
    std::optional<double> first;
    std::optional<double> distance;
    std::optional<double> sameToken;
    std::optional<double> special;
    std::optional<double> punctuation;
    std::optional<double> importance; // set by headImportance / analyseLayer, not from A alone

    // The value of one metric, for code that walks metricInfos() (tables, dumps, CSV).
    std::optional<double> value(Metric metric) const;
};

// Every metric of one head that its attention matrix defines (all but importance). Throws
// InputError when A is not square, does not match the token count, is empty, holds a
// non-finite or negative value, or has a row whose allowed weights do not sum to 1 (± 1e-3).
HeadMetrics computeHeadMetrics(const Eigen::Ref<const Eigen::MatrixXf> &attention,
                               const std::vector<TokenFacts> &tokens, bool causal);

// Ablation importance of every head: ‖y − y₋ₕ‖ / ‖y‖ for h = 0 … heads − 1 (see above), from
// concat [N × heads·dv] and the output projection (std::nullopt in single-head mode). A head is
// std::nullopt when ‖y‖ = 0. Throws InputError when the shapes disagree.
std::vector<std::optional<double>> headImportance(const Eigen::Ref<const Eigen::MatrixXf> &concat,
                                                  const std::optional<LinearLayer> &outProjection,
                                                  int heads);

} // namespace attnviz
