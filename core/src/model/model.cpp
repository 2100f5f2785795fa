#include "attnviz/model/model.h"

#include "attnviz/embedder.h"
#include "attnviz/error.h"
#include "attnviz/ops.h"

#include <string>

namespace attnviz {

namespace {

std::uint64_t linearParameters(const LinearLayer &layer) {
    return static_cast<std::uint64_t>(layer.weight.size() + layer.bias.size());
}

std::uint64_t normParameters(const std::optional<LayerNormWeights> &norm) {
    return norm ? static_cast<std::uint64_t>(norm->weight.size() + norm->bias.size()) : 0;
}

} // namespace

std::uint64_t Model::parameterCount() const {
    std::uint64_t count = static_cast<std::uint64_t>(
        tokenEmbedding.size() + positionEmbedding.size() + tokenTypeEmbedding.size());
    count += normParameters(embeddingNorm) + normParameters(finalNorm);
    for (const Block &block : blocks) {
        const AttentionWeights &a = block.attention;
        count += linearParameters(a.q) + linearParameters(a.k) + linearParameters(a.v);
        if (a.out)
            count += linearParameters(*a.out);
        count += normParameters(block.norm1) + normParameters(block.norm2);
        if (block.mlp)
            count += linearParameters(block.mlp->fc1) + linearParameters(block.mlp->fc2);
    }
    return count;
}

Model makeModuleModel(AttentionWeights weights, bool causal) {
    Model model;
    model.spec.family = ModelFamily::Module;
    model.spec.name = "module";
    model.spec.causal = causal;
    model.spec.scaling = weights.out ? QueryScaling::DivideScores : QueryScaling::MultiplyScores;
    Block block;
    block.attention = std::move(weights);
    model.blocks.push_back(std::move(block));
    return model;
}

Eigen::MatrixXf embedIds(const Model &model, const std::vector<int> &ids) {
    const auto n = static_cast<Eigen::Index>(ids.size());
    const Eigen::Index vocab = model.tokenEmbedding.rows();
    if (model.spec.maxPositions > 0 && n > model.spec.maxPositions)
        throw InputError(
            ErrorId::SentenceTooLongForModel,
            {std::to_string(n), model.spec.name, std::to_string(model.spec.maxPositions)});
    Eigen::MatrixXf x(n, model.tokenEmbedding.cols());
    for (Eigen::Index i = 0; i < n; ++i) {
        const int id = ids[static_cast<std::size_t>(i)];
        if (id < 0 || id >= vocab)
            throw InputError(ErrorId::TokenIdOutsideVocabulary,
                             {std::to_string(id), std::to_string(vocab)});
        x.row(i) = model.tokenEmbedding.row(id) * model.spec.embeddingScale;
    }
    if (model.spec.positional == PositionalKind::Learned)
        x += model.positionEmbedding.topRows(n);
    else if (model.spec.positional == PositionalKind::Sinusoidal)
        x += sinusoidalPositions(static_cast<int>(n), static_cast<int>(x.cols()));
    if (model.tokenTypeEmbedding.size() > 0)
        x.rowwise() += model.tokenTypeEmbedding;
    if (model.embeddingNorm)
        x = ops::layerNorm(x, model.embeddingNorm->weight, model.embeddingNorm->bias,
                           model.embeddingNorm->eps);
    return x;
}

std::uint64_t estimateTraceBytes(const Model &model, std::size_t tokens) {
    if (model.blocks.empty())
        return 0;
    const std::uint64_t n = tokens, d = static_cast<std::uint64_t>(model.dModel());
    const AttentionWeights &a = model.blocks.front().attention;
    const std::uint64_t h = static_cast<std::uint64_t>(a.heads),
                        dk = static_cast<std::uint64_t>(a.dk),
                        dv = static_cast<std::uint64_t>(a.dv);
    std::uint64_t mlpWidth = 0;
    for (const Block &block : model.blocks)
        if (block.mlp)
            mlpWidth = std::max<std::uint64_t>(
                mlpWidth, static_cast<std::uint64_t>(block.mlp->fc1.outFeatures()));
    const std::uint64_t layers = model.blocks.size();
    // Kept: every attention map, each layer's input and concat, the output; one head's steps.
    const std::uint64_t kept = layers * (h * n * n + n * d + n * h * dv + n * d) + 2 * n * d +
                               (4 * n * n + n * (2 * dk + 2 * dv + d + h * dv + d));
    // Transient while one block runs: Q, K, V, two score matrices, the MLP and norm copies.
    const std::uint64_t transient =
        n * h * (2 * dk + dv) + 2 * n * n + 2 * n * mlpWidth + 4 * n * d;
    // A one-block module keeps every head's q, k, v, scores and output for the dump.
    const std::uint64_t everyHead =
        model.spec.family == ModelFamily::Module ? h * (n * (2 * dk + 2 * dv) + n * n) : 0;
    return sizeof(float) * (kept + transient + everyHead);
}

} // namespace attnviz
