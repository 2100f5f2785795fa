#include "attnviz/analysis/head_metrics.h"

#include "attnviz/error.h"
#include "x_log_x.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

namespace attnviz {

namespace {

// A float softmax row of up to a few thousand terms sums to 1 within 1e-5; 1e-3 still catches
// a matrix that is not attention (raw scores, a transposed map) without refusing rounding.
constexpr float kRowSumTolerance = 1e-3f;

bool isAsciiUpperOrUnderscore(char c) {
    return (c >= 'A' && c <= 'Z') || c == '_';
}

// True when every code point is in a P* general category; throws for invalid UTF-8.
bool isPunctuationText(std::string_view text, std::size_t index) {
    if (text.empty())
        return false;
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    bool allPunctuation = true;
    for (std::int32_t offset = 0; offset < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c < 0)
            throw InputError("token " + std::to_string(index + 1) +
                             " is not valid UTF-8, so its kind cannot be told");
        allPunctuation = allPunctuation && u_ispunct(c);
    }
    return allPunctuation;
}

std::string caseFolded(std::string_view text) {
    std::string folded;
    icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())))
        .foldCase()
        .toUTF8String(folded);
    return folded;
}

void checkAttention(const Eigen::Ref<const Eigen::MatrixXf> &a, std::size_t tokenCount) {
    if (a.rows() == 0)
        throw InputError("the attention matrix is empty: there are no tokens to measure");
    if (a.rows() != a.cols())
        throw InputError("an attention matrix must be square, got " + std::to_string(a.rows()) +
                         " × " + std::to_string(a.cols()));
    if (static_cast<std::size_t>(a.rows()) != tokenCount)
        throw InputError("the attention matrix has " + std::to_string(a.rows()) +
                         " rows but there are " + std::to_string(tokenCount) + " tokens");
    // Two vectorised reductions instead of allFinite() and any(), which Eigen runs element by
    // element and which took as long as every metric together: a NaN or ±∞ anywhere makes
    // the sum non-finite.
    if (!std::isfinite(a.sum()))
        throw InputError("the attention matrix holds a value that is not a finite number");
    if (a.minCoeff() < 0.0f)
        throw InputError("the attention matrix holds a negative weight");
}

double meanOver(const Eigen::VectorXf &values, const std::vector<char> &rowCounts) {
    double sum = 0.0;
    int count = 0;
    for (Eigen::Index i = 0; i < values.size(); ++i) {
        if (rowCounts[static_cast<std::size_t>(i)]) {
            sum += values[i];
            ++count;
        }
    }
    return sum / count;
}

} // namespace

bool isSpecialTokenText(std::string_view text) {
    if (text.size() >= 3 && text.front() == '[' && text.back() == ']')
        return std::all_of(text.begin() + 1, text.end() - 1, isAsciiUpperOrUnderscore);
    if (text.size() >= 5 && text.starts_with("<|") && text.ends_with("|>"))
        return true;
    static constexpr std::string_view kAngleTokens[] = {"<s>",    "</s>",  "<pad>", "<unk>",
                                                        "<mask>", "<bos>", "<eos>"};
    return std::find(std::begin(kAngleTokens), std::end(kAngleTokens), text) !=
           std::end(kAngleTokens);
}

std::vector<TokenFacts> describeTokens(const std::vector<std::string> &texts) {
    std::vector<TokenFacts> facts(texts.size());
    std::unordered_map<std::string, int> firstByFolded;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        TokenFacts &f = facts[i];
        f.text = texts[i];
        f.punctuation = isPunctuationText(f.text, i); // validates UTF-8 before ICU folds it
        f.special = isSpecialTokenText(f.text);
        f.textGroup =
            firstByFolded.try_emplace(caseFolded(f.text), static_cast<int>(i)).first->second;
    }
    return facts;
}

std::vector<TokenFacts> describeTokens(const std::vector<Token> &tokens) {
    std::vector<std::string> texts;
    texts.reserve(tokens.size());
    for (const Token &t : tokens)
        texts.push_back(t.text);
    return describeTokens(texts);
}

const std::array<MetricInfo, kMetricCount> &metricInfos() {
    static const std::array<MetricInfo, kMetricCount> infos{{
        {Metric::Entropy, "entropy", "Entropy",
         "Mean row entropy over ln(allowed keys): 0 = one key, 1 = uniform"},
        {Metric::Confidence, "confidence", "Confidence", "Mean of each row's largest weight"},
        {Metric::Previous, "previous", "Previous", "Mean weight on the previous token"},
        {Metric::Self, "self", "Self", "Mean weight on the query token itself"},
        {Metric::Next, "next", "Next", "Mean weight on the next token (absent when causal)"},
        {Metric::First, "first", "First", "Mean weight on the first token"},
        {Metric::Distance, "distance", "Distance",
         "Mean distance in tokens between a query and the keys it attends to"},
        {Metric::SameToken, "same_token", "Same token",
         "Mean weight on other occurrences of the query's own word"},
        {Metric::Special, "special_tokens", "Special",
         "Mean weight on special tokens such as [CLS], [SEP], <|endoftext|>"},
        {Metric::Punctuation, "punctuation", "Punctuation", "Mean weight on punctuation tokens"},
        {Metric::Importance, "importance", "Importance",
         "How much the output changes when this head is removed: ‖y − y₋ₕ‖ / ‖y‖"},
    }};
    return infos;
}

const MetricInfo &metricInfo(Metric metric) {
    return metricInfos()[static_cast<std::size_t>(metric)];
}

std::optional<double> HeadMetrics::value(Metric metric) const {
    switch (metric) {
    case Metric::Entropy:
        return entropy;
    case Metric::Confidence:
        return confidence;
    case Metric::Previous:
        return previous;
    case Metric::Self:
        return self;
    case Metric::Next:
        return next;
    case Metric::First:
        return first;
    case Metric::Distance:
        return distance;
    case Metric::SameToken:
        return sameToken;
    case Metric::Special:
        return special;
    case Metric::Punctuation:
        return punctuation;
    case Metric::Importance:
        return importance;
    }
    return std::nullopt;
}

HeadMetrics computeHeadMetrics(const Eigen::Ref<const Eigen::MatrixXf> &attention,
                               const std::vector<TokenFacts> &tokens, bool causal) {
    checkAttention(attention, tokens.size());
    const Eigen::Index n = attention.rows();
    HeadMetrics m;
    // Rows with one allowed key are forced (row 0 under a causal mask, every row when N = 1).
    const Eigen::Index firstRow = causal ? 1 : (n >= 2 ? 0 : n);
    if (firstRow >= n)
        return m;

    // Column by column over the allowed cells (rows j … n − 1 of column j when causal): the
    // matrix is column-major, so a column is contiguous.
    Eigen::VectorXf rowSum = Eigen::VectorXf::Zero(n), negEntropy = Eigen::VectorXf::Zero(n),
                    rowMax = Eigen::VectorXf::Zero(n), distance = Eigen::VectorXf::Zero(n),
                    special = Eigen::VectorXf::Zero(n), punctuation = Eigen::VectorXf::Zero(n),
                    sameToken = Eigen::VectorXf::Zero(n);
    std::vector<char> seesSpecial(static_cast<std::size_t>(n), 0),
        seesPunctuation(static_cast<std::size_t>(n), 0),
        seesSameToken(static_cast<std::size_t>(n), 0);
    // TokenFacts is plain data a caller may fill by hand, so its groups are checked here.
    std::vector<std::vector<Eigen::Index>> groupMembers(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const int group = tokens[static_cast<std::size_t>(i)].textGroup;
        if (group < 0 || group >= n)
            throw InputError("token " + std::to_string(i + 1) + " names text group " +
                             std::to_string(group) + ", outside the sentence's " +
                             std::to_string(n) + " tokens");
        groupMembers[static_cast<std::size_t>(group)].push_back(i);
    }

    for (Eigen::Index j = 0; j < n; ++j) {
        const Eigen::Index top = causal ? j : 0;
        const Eigen::Index len = n - top;
        const auto column = attention.col(j).segment(top, len).array();
        rowSum.segment(top, len).array() += column;
        rowMax.segment(top, len) = rowMax.segment(top, len).cwiseMax(column.matrix());
        // A plain loop for the rest, which the compiler vectorises (Eigen has no x·ln x).
        const float *weight = attention.col(j).data() + top;
        float *xLogX = negEntropy.data() + top, *reach = distance.data() + top;
        // int, not Eigen::Index: x86 has no vector conversion from 64-bit integers to float.
        const auto key = static_cast<int>(j), first = static_cast<int>(top),
                   count = static_cast<int>(len);
        for (int r = 0; r < count; ++r) {
            xLogX[r] += detail::xLogX(weight[r]);
            reach[r] += weight[r] * static_cast<float>(std::abs(first + r - key));
        }
        const TokenFacts &facts = tokens[static_cast<std::size_t>(j)];
        if (facts.special) {
            special.segment(top, len).array() += column;
            std::fill(seesSpecial.begin() + top, seesSpecial.end(), 1);
        }
        if (facts.punctuation) {
            punctuation.segment(top, len).array() += column;
            std::fill(seesPunctuation.begin() + top, seesPunctuation.end(), 1);
        }
        for (const Eigen::Index i : groupMembers[static_cast<std::size_t>(facts.textGroup)]) {
            if (i != j && i >= top) {
                sameToken[i] += attention(i, j);
                seesSameToken[static_cast<std::size_t>(i)] = 1;
            }
        }
    }

    std::vector<char> informative(static_cast<std::size_t>(n), 0);
    Eigen::VectorXf normalisedEntropy(n), self(n), previous(n), next(n), first(n);
    for (Eigen::Index i = firstRow; i < n; ++i) {
        if (std::abs(rowSum[i] - 1.0f) > kRowSumTolerance)
            throw InputError("row " + std::to_string(i + 1) + " of the attention matrix sums to " +
                             std::to_string(rowSum[i]) + " over its allowed keys, not 1");
        informative[static_cast<std::size_t>(i)] = 1;
        const Eigen::Index allowed = causal ? i + 1 : n;
        normalisedEntropy[i] = -negEntropy[i] / std::log(static_cast<float>(allowed));
        self[i] = attention(i, i);
        previous[i] = i >= 1 ? attention(i, i - 1) : 0.0f;
        next[i] = i + 1 < n ? attention(i, i + 1) : 0.0f;
        first[i] = attention(i, 0);
    }
    m.entropy = meanOver(normalisedEntropy, informative);
    m.confidence = meanOver(rowMax, informative);
    m.self = meanOver(self, informative);
    m.first = meanOver(first, informative);
    m.distance = meanOver(distance, informative);

    // Shares of keys that exist only for some rows average over those rows.
    auto shareOver = [&](const Eigen::VectorXf &values, auto &&rowHasKey) -> std::optional<double> {
        std::vector<char> rows(static_cast<std::size_t>(n), 0);
        bool any = false;
        for (Eigen::Index i = firstRow; i < n; ++i) {
            rows[static_cast<std::size_t>(i)] = rowHasKey(i) ? 1 : 0;
            any = any || rows[static_cast<std::size_t>(i)];
        }
        return any ? std::optional<double>(meanOver(values, rows)) : std::nullopt;
    };
    m.previous = shareOver(previous, [](Eigen::Index i) { return i >= 1; });
    m.next = shareOver(next, [&](Eigen::Index i) { return !causal && i + 1 < n; });
    m.sameToken = shareOver(
        sameToken, [&](Eigen::Index i) { return seesSameToken[static_cast<std::size_t>(i)] != 0; });
    // Special and punctuation shares average over every row (a row that cannot see one adds 0):
    // under a causal mask a sentence-final "." is seen only by its own row, and averaging over
    // the rows that see it would call any head that looks at the query itself a punctuation head.
    const auto anyRowSees = [&](const std::vector<char> &sees) {
        return std::any_of(sees.begin() + firstRow, sees.end(), [](char c) { return c != 0; });
    };
    if (anyRowSees(seesSpecial))
        m.special = meanOver(special, informative);
    if (anyRowSees(seesPunctuation))
        m.punctuation = meanOver(punctuation, informative);
    return m;
}

std::vector<std::optional<double>> headImportance(const Eigen::Ref<const Eigen::MatrixXf> &concat,
                                                  const std::optional<LinearLayer> &outProjection,
                                                  int heads) {
    if (heads < 1 || concat.cols() % heads != 0)
        throw InputError("the heads' outputs have " + std::to_string(concat.cols()) +
                         " columns, which do not split into " + std::to_string(heads) + " heads");
    const Eigen::Index dv = concat.cols() / heads;
    if (outProjection && outProjection->weight.cols() != concat.cols())
        throw InputError(
            "the output projection expects " + std::to_string(outProjection->weight.cols()) +
            " inputs but the heads' outputs have " + std::to_string(concat.cols()) + " columns");

    // y − y₋ₕ is head h's own contribution: its concat columns through its W_o columns (the
    // bias cancels), so each head costs one small product instead of a whole new output.
    double outputNorm = 0.0;
    if (outProjection) {
        Eigen::MatrixXf y(concat.rows(), outProjection->weight.rows());
        y.noalias() = concat * outProjection->weight.transpose();
        y.rowwise() += outProjection->bias.transpose();
        outputNorm = y.norm();
    } else {
        outputNorm = concat.norm();
    }

    std::vector<std::optional<double>> importance(static_cast<std::size_t>(heads));
    if (outputNorm == 0.0)
        return importance;
    for (int h = 0; h < heads; ++h) {
        const auto columns = concat.middleCols(h * dv, dv);
        double contribution = 0.0;
        if (outProjection) {
            Eigen::MatrixXf part(concat.rows(), outProjection->weight.rows());
            part.noalias() = columns * outProjection->weight.middleCols(h * dv, dv).transpose();
            contribution = part.norm();
        } else {
            contribution = columns.norm();
        }
        importance[static_cast<std::size_t>(h)] = contribution / outputNorm;
    }
    return importance;
}

} // namespace attnviz
