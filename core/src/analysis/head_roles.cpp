#include "attnviz/analysis/head_roles.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace attnviz {

namespace {

struct Candidate {
    HeadRole role;
    Metric metric;
};

// The competing shares, in tie-breaking order. Special tokens and punctuation share one role;
// whichever of the two metrics is larger speaks for it.
constexpr std::array<Candidate, 7> kCandidates{{
    {HeadRole::FirstToken, Metric::First},
    {HeadRole::PreviousToken, Metric::Previous},
    {HeadRole::NextToken, Metric::Next},
    {HeadRole::Self, Metric::Self},
    {HeadRole::SameWord, Metric::SameToken},
    {HeadRole::SpecialOrPunct, Metric::Special},
    {HeadRole::SpecialOrPunct, Metric::Punctuation},
}};

RoleEvidence evidenceFor(Metric metric, double value, double threshold) {
    return {metric, value, threshold, value > threshold};
}

std::string formatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

} // namespace

RoleAssignment assignRole(const HeadMetrics &metrics) {
    std::vector<RoleEvidence> shares;
    int best = -1;
    double bestValue = RoleThresholds::share;
    for (std::size_t c = 0; c < kCandidates.size(); ++c) {
        const std::optional<double> value = metrics.value(kCandidates[c].metric);
        if (!value)
            continue;
        shares.push_back(evidenceFor(kCandidates[c].metric, *value, RoleThresholds::share));
        if (*value > bestValue) { // strictly greater: ties keep the earlier candidate
            bestValue = *value;
            best = static_cast<int>(shares.size()) - 1;
        }
    }

    RoleAssignment result;
    std::optional<RoleEvidence> entropy;
    if (metrics.entropy)
        entropy = evidenceFor(Metric::Entropy, *metrics.entropy, RoleThresholds::broadEntropy);

    if (best >= 0) {
        const Metric deciding = shares[static_cast<std::size_t>(best)].metric;
        result.role = std::find_if(kCandidates.begin(), kCandidates.end(), [&](const Candidate &c) {
                          return c.metric == deciding;
                      })->role;
        result.evidence.push_back(shares[static_cast<std::size_t>(best)]);
        shares.erase(shares.begin() + best);
    } else if (entropy && entropy->passes) {
        result.role = HeadRole::Broad;
        result.evidence.push_back(*entropy);
        entropy.reset();
    } else {
        result.role = HeadRole::Mixed;
    }
    result.evidence.insert(result.evidence.end(), shares.begin(), shares.end());
    if (entropy)
        result.evidence.push_back(*entropy);
    return result;
}

std::string_view roleKey(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return "first";
    case HeadRole::PreviousToken:
        return "previous";
    case HeadRole::NextToken:
        return "next";
    case HeadRole::Self:
        return "self";
    case HeadRole::SameWord:
        return "same_word";
    case HeadRole::SpecialOrPunct:
        return "special";
    case HeadRole::Broad:
        return "broad";
    case HeadRole::Mixed:
        return "mixed";
    }
    return "mixed";
}

std::string_view roleLabel(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return "First token (sink)";
    case HeadRole::PreviousToken:
        return "Previous token";
    case HeadRole::NextToken:
        return "Next token";
    case HeadRole::Self:
        return "Self";
    case HeadRole::SameWord:
        return "Same word";
    case HeadRole::SpecialOrPunct:
        return "Special tokens / punctuation";
    case HeadRole::Broad:
        return "Broad";
    case HeadRole::Mixed:
        return "Mixed";
    }
    return "Mixed";
}

std::string_view roleExplanation(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return "Most attention goes to the first token, which serves as a resting place.";
    case HeadRole::PreviousToken:
        return "Most attention goes to the token just before the query.";
    case HeadRole::NextToken:
        return "Most attention goes to the token just after the query.";
    case HeadRole::Self:
        return "Most attention goes to the query token itself.";
    case HeadRole::SameWord:
        return "Most attention goes to other occurrences of the query's own word.";
    case HeadRole::SpecialOrPunct:
        return "Most attention goes to special tokens or punctuation.";
    case HeadRole::Broad:
        return "Attention is spread almost evenly over the allowed keys.";
    case HeadRole::Mixed:
        return "No single pattern takes more than half of the attention.";
    }
    return "";
}

std::string describeRole(const RoleAssignment &assignment) {
    std::string text(roleExplanation(assignment.role));
    for (const RoleEvidence &e : assignment.evidence) {
        text += '\n';
        text += metricInfo(e.metric).key;
        text +=
            ' ' + formatNumber(e.value) + (e.passes ? " > " : " ≤ ") + formatNumber(e.threshold);
    }
    return text;
}

} // namespace attnviz
