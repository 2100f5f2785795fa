#include "attnviz/analysis/layer_analysis.h"

#include <numeric>

namespace attnviz {

LayerAnalysis analyseLayer(const AttentionResult &result, const AttentionWeights &weights,
                           const std::vector<TokenFacts> &tokens, bool causal,
                           HeadDistances distances) {
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
    if (distances == HeadDistances::Skip) {
        layer.clusteredOrder.resize(result.heads.size());
        std::iota(layer.clusteredOrder.begin(), layer.clusteredOrder.end(), 0);
        return layer;
    }
    layer.headDistance = headDistanceMatrix(result, causal);
    layer.clusteredOrder = clusterOrder(layer.headDistance);
    return layer;
}

} // namespace attnviz
