#include "attnviz/analysis/layer_analysis.h"

namespace attnviz {

LayerAnalysis analyseLayer(const AttentionResult &result, const AttentionWeights &weights,
                           const std::vector<TokenFacts> &tokens, bool causal) {
    LayerAnalysis layer;
    const std::vector<std::optional<double>> importance =
        headImportance(result.concat, weights.out, static_cast<int>(result.heads.size()));
    layer.heads.reserve(result.heads.size());
    for (std::size_t h = 0; h < result.heads.size(); ++h) {
        HeadAnalysis head;
        head.metrics = computeHeadMetrics(result.heads[h].weights, tokens, causal);
        head.metrics.importance = importance[h];
        head.role = assignRole(head.metrics);
        layer.heads.push_back(std::move(head));
    }
    layer.headDistance = headDistanceMatrix(result, causal);
    layer.clusteredOrder = clusterOrder(layer.headDistance);
    return layer;
}

} // namespace attnviz
