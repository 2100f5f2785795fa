// The head-count rule: how many heads a weights file's projections are split into. PyTorch keeps
// no head count, so it comes from the asker (--heads, the window's question), the file's
// __metadata__ num_heads, or the projections themselves when only one count divides them. One
// rule, two ways to answer a doubt: the command line refuses, the window asks with the divisors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace attnviz {

struct HeadCountFacts {
    int queryRows = 0;             // heads · dk
    int valueRows = 0;             // heads · dv
    bool singleHeadModule = false; // Self_Attention: one head, nothing to split
    std::optional<int> declared;   // the file's __metadata__ num_heads
    std::optional<int> asked;      // --heads, or the window's answer
};

// Who settles a disagreement between the asked count and the file's num_heads.
enum class HeadCountAnswer {
    Refuse,    // the command line: an asked count that differs from num_heads is an error
    AskedWins, // the window (its user chose from the divisors, shown num_heads first), the core API
};

// Every head count from 1 to ConfigLimits::maxHeads that divides both projections, ascending;
// {1} at least. Empty when a row count is not positive.
std::vector<int> headCountDivisors(int queryRows, int valueRows);

// __metadata__ num_heads when the file has one. Throws InputError (HeadCountMetadataBad) for a
// value that is not a whole number from 1 to ConfigLimits::maxHeads: a bad number is refused,
// never guessed around.
std::optional<int> declaredHeadCount(const std::map<std::string, std::string> &metadata);

// The count the facts fix, checked in this order: a single-head module (1; any other asked count
// is refused); an asked count (in range, dividing both projections, and, with
// HeadCountAnswer::Refuse, equal to a declared one); a declared count that divides; the only
// divisor. Throws InputError with the reason (HeadCount* ids) otherwise.
int resolveHeadCount(const HeadCountFacts &facts, HeadCountAnswer answer);

// What the window offers when it asks: every divisor, the one preselected (the declared count when
// it divides, else `currentHeads` when it divides, else 1), and whether there is anything to ask
// (more than one divisor and not a single-head module).
struct HeadCountOffer {
    std::vector<int> choices;
    int preselected = 1;
    bool needsAsking = false;
};
HeadCountOffer offerHeadCounts(const HeadCountFacts &facts, int currentHeads);

} // namespace attnviz
