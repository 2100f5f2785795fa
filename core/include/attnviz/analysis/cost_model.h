// Cost model: parameters, FLOPs and attention-map memory of one attention module, all heads
// and per head, beside one head of the same total width.
//
// Counting rules (docs/metrics.md gives a worked example):
//  - Parameters include biases: Q and K projections d_model·h·dk + h·dk each, V d_model·h·dv +
//    h·dv, output projection h·dv·d_model + d_model (none in single-head mode, the seed's
//    Self_Attention). The sum equals parameterCount() in attention_config.h.
//  - FLOPs: a multiply-add counts as 2 FLOPs, an addition, multiplication, division,
//    comparison or exp as 1. A projection of N rows from a inputs to b outputs with bias is
//    2·N·a·b + N·b. QKᵀ is 2·N²·dk per head, the scaling N², the softmax 5·N² (row maximum,
//    subtract, exp, row sum, divide), weights·V 2·N²·dv. The causal mask is counted as dense,
//    because the forward computes every score.
//  - Memory: the attention maps in float32, h·N²·4 bytes; the scores kept beside them for the
//    step view take as much again.
//  - Per head: a head's own rows of Q, K, V (with their biases), its columns of the output
//    projection (the output bias is shared and left out), and its share of every step.
// The point it makes (the article's): with dk = dv = d_model / h the projections cost the same
// for any h, while each head's own parameters and FLOPs fall as 1/h; the N² steps are shared
// out the same way except the softmax and the maps, which grow with h.
#pragma once

#include "attnviz/attention_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attnviz {

// One line of a cost table: a named item, its formula and its count for all heads and per head.
struct CostLine {
    std::string name;    // "Q projection", "QKᵀ", "Attention maps" …
    std::string formula; // in N, d_model, h, dk, dv, e.g. "2·N·d_model·h·dk + N·h·dk"
    std::uint64_t total = 0;
    std::uint64_t perHead = 0;
};

struct CostReport {
    AttentionConfig config;
    std::uint64_t tokens = 0;
    std::vector<CostLine> parameters; // Q, K, V projections, output projection (if any)
    std::vector<CostLine> flops;      // Q, K, V projections, QKᵀ, scaling, softmax, ·V, output
    std::vector<CostLine> memory;     // bytes: attention maps, scores

    std::uint64_t totalParameters() const;
    std::uint64_t totalFlops() const;
    std::uint64_t totalMemory() const;
};

// The cost of `config` over `tokens` tokens. Throws InputError for a size below 1 and when a
// count would not fit in 64 bits. Sizes above validate()'s limits are counted, not refused: the
// one wide head of a valid config may exceed them.
CostReport estimateCost(const AttentionConfig &config, std::uint64_t tokens);

// One head of the same total width: heads = 1, dk = heads·dk, dv = heads·dv, the same d_model,
// output projection and mask. Throws InputError when a width would not fit in an int.
AttentionConfig oneWideHead(const AttentionConfig &config);

struct CostComparison {
    CostReport multiHead;
    CostReport oneWideHead;
};

// estimateCost for the config and for its one wide head, for the cost panel.
CostComparison compareWithOneWideHead(const AttentionConfig &config, std::uint64_t tokens);

} // namespace attnviz
