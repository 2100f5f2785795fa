// Head roles: one word for what a head does, decided from its metrics with fixed thresholds.
//
// Thresholds, in this one place (docs/metrics.md repeats them):
//  - a positional or token role needs its share above 0.5: more than half of each query's
//    attention, on average, goes to that key (Clark et al. 2019 call such heads "previous
//    token", "next token", "[SEP]" … heads when most attention goes there);
//  - broad needs normalised entropy above 0.9 (attention nearly uniform over the allowed keys;
//    Clark et al. 2019, "broad attention").
// Order of decision: the candidate shares (first, previous, next, self, same word, special or
// punctuation) above 0.5 compete and the largest wins, ties going to the earlier in that list;
// otherwise broad when the entropy is above 0.9; otherwise mixed.
#pragma once

#include "attnviz/analysis/head_metrics.h"

#include <string_view>
#include <vector>

namespace attnviz {

struct RoleThresholds {
    static constexpr double share = 0.5;        // a share must be above this for its role
    static constexpr double broadEntropy = 0.9; // normalised entropy above this is "broad"
};

enum class HeadRole {
    FirstToken,     // attends to the first token (an attention sink)
    PreviousToken,  // attends to the token before the query
    NextToken,      // attends to the token after the query
    Self,           // attends to the query token itself
    SameWord,       // attends to other occurrences of the query's word
    SpecialOrPunct, // attends to special tokens or punctuation
    Broad,          // spreads attention nearly evenly
    Mixed,          // none of the above applies
};

// One number behind a role: which metric, its value and the threshold it was held against.
struct RoleEvidence {
    Metric metric;
    double value = 0.0;
    double threshold = 0.0;
    bool passes = false; // value > threshold
};

struct RoleAssignment {
    HeadRole role = HeadRole::Mixed;
    std::vector<RoleEvidence> evidence; // the deciding metric first, then the others consulted
};

// Decides a head's role from its metrics (see the header comment for the rule).
RoleAssignment assignRole(const HeadMetrics &metrics);

// "previous", "first", "same_word", "special", "broad", "mixed" …: the dump's and CSV's name.
std::string_view roleKey(HeadRole role);
// "Previous token", "First token (sink)" …: a short English label for a badge.
std::string_view roleLabel(HeadRole role);
// One English sentence saying what the role means, for the badge's tooltip.
std::string_view roleExplanation(HeadRole role);
// The tooltip text in English: the explanation, then one line per piece of evidence, e.g.
// "previous 0.93 > 0.5". The window builds its own translated text from the same fields.
std::string describeRole(const RoleAssignment &assignment);

} // namespace attnviz
