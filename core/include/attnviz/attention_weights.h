// AttentionWeights: the parameters of one attention module, in PyTorch's nn.Linear layout.
#pragma once

#include "attnviz/attention_config.h"

#include <Eigen/Core>

#include <cstdint>
#include <optional>

namespace attnviz {

// nn.Linear(in, out): y = x · Wᵀ + b with weight [out × in] and bias [out].
struct LinearLayer {
    Eigen::MatrixXf weight;
    Eigen::VectorXf bias;

    int inFeatures() const { return static_cast<int>(weight.cols()); }
    int outFeatures() const { return static_cast<int>(weight.rows()); }
};

// Projections as the seed's MultiHeadAttention holds them: q [heads·dk × d_model],
// k [heads·dk × d_model], v [heads·dv × d_model], out [d_model × heads·dv]. Head h owns rows
// h·dk … h·dk + dk − 1 of q and k (PyTorch's view(B, N, heads, dk)), rows h·dv … of v, and the
// matching columns of out. In single-head mode there is no out projection (the seed's
// Self_Attention).
struct AttentionWeights {
    int heads = 1;
    int dk = 1;
    int dv = 1;
    int dModel = 1;
    LinearLayer q, k, v;
    std::optional<LinearLayer> out;

    // The config these weights imply (causal is not a property of weights and stays false).
    AttentionConfig config() const;
};

// PyTorch's default nn.Linear initialisation, weight and bias ~ U(−1/√in, 1/√in), with every
// element drawn from a stream keyed by (seed, projection, head) at its (row, column). So raising
// the head count keeps existing heads, raising dk or dv appends rows, and the same seed always
// gives the same weights. Validates the config first.
AttentionWeights makeRandomWeights(const AttentionConfig &config, std::uint64_t seed);

// Throws InputError naming the tensor when shapes disagree with each other or values are not
// finite. Loaded weights pass through this before use.
void checkConsistent(const AttentionWeights &weights);

} // namespace attnviz
