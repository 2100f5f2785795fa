#include "attnviz/analysis/head_count_sweep.h"

#include "attnviz/analysis/head_metrics.h"
#include "attnviz/error.h"
#include "attnviz/multi_head_attention.h"

#include <string>

namespace attnviz {

std::vector<HeadCountPoint> sweepHeadCounts(const Eigen::MatrixXf &x, std::uint64_t seed,
                                            bool causal, const std::vector<int> &headCounts) {
    if (x.rows() == 0 || x.cols() == 0)
        throw InputError("the head-count sweep needs at least one token and a model width");
    const int dModel = static_cast<int>(x.cols());
    // Entropy does not read token texts; placeholders in distinct groups stand in for them.
    std::vector<TokenFacts> tokens(static_cast<std::size_t>(x.rows()));
    for (std::size_t i = 0; i < tokens.size(); ++i)
        tokens[i].textGroup = static_cast<int>(i);

    std::vector<HeadCountPoint> points;
    for (const int heads : headCounts) {
        if (heads < 1 || dModel % heads != 0)
            continue;
        AttentionConfig config;
        config.dModel = dModel;
        config.heads = heads;
        config.dk = config.dv = dModel / heads;
        config.causal = causal;
        const AttentionWeights weights = makeRandomWeights(config, seed);
        const AttentionResult result = attentionForward(x, weights, causal);
        HeadCountPoint point{heads, config.dk, {}};
        for (const HeadResult &head : result.heads) {
            const std::optional<double> entropy =
                computeHeadMetrics(head.weights, tokens, causal).entropy;
            if (entropy)
                point.entropy.push_back(*entropy);
        }
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace attnviz
