// Layer analysis: every head's metrics and role, the head–head distances and the clustered head
// order of one attention layer, in one call for the window, the dump and the command line.
#pragma once

#include "attnviz/analysis/head_metrics.h"
#include "attnviz/analysis/head_roles.h"
#include "attnviz/analysis/head_similarity.h"
#include "attnviz/attention_weights.h"
#include "attnviz/multi_head_attention.h"

#include <Eigen/Core>

#include <vector>

namespace attnviz {

struct HeadAnalysis {
    HeadMetrics metrics; // every metric, importance included
    RoleAssignment role;
};

struct LayerAnalysis {
    std::vector<HeadAnalysis> heads; // in head order
    Eigen::MatrixXf headDistance;    // [heads × heads] Jensen–Shannon distance, base 2; empty
                                     // when not requested
    std::vector<int> clusteredOrder; // heads with similar ones side by side (clusterOrder);
                                     // 0, 1, 2 … when the distances were not requested
};

// Which parts to compute. The head–head distances are most of the cost at large N (every pair
// of heads, N² logarithms each; docs/metrics.md has the figures), so a caller that does not show
// them can leave them out.
enum class HeadDistances { Compute, Skip };

// Analyses one forward: `tokens` from describeTokens (once per sentence), `weights` for the
// output projection used by the ablation importance, `causal` as the forward was run. Throws
// InputError when the pieces disagree in size.
LayerAnalysis analyseLayer(const AttentionResult &result, const AttentionWeights &weights,
                           const std::vector<TokenFacts> &tokens, bool causal,
                           HeadDistances distances = HeadDistances::Compute);

} // namespace attnviz
