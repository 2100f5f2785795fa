// AttentionConfig: the sizes and switches of one attention module, and their validation.
#pragma once

#include <cstddef>
#include <cstdint>

namespace attnviz {

struct AttentionConfig {
    int dModel = 64;         // model width: the input and output row length
    int heads = 4;           // number of heads (exactly 1 in single-head mode)
    int dk = 16;             // query/key width per head
    int dv = 16;             // value width per head
    bool causal = false;     // mask keys after the query (scores above the diagonal → −∞)
    bool singleHead = false; // the seed's Self_Attention: one head, no output projection

    bool operator==(const AttentionConfig &) const = default;
};

// Upper bounds, generous for a visualiser and small enough that nothing allocates absurdly.
struct ConfigLimits {
    static constexpr int maxDModel = 8192;
    static constexpr int maxHeads = 256;
    static constexpr int maxHeadDim = 4096;
    // The longest sentence any front end accepts: at 4,096 tokens one head's score and weight
    // matrices alone take 128 MiB, and a figure's cells stop being visible long before.
    static constexpr int maxTokens = 4096;
    static constexpr std::uint64_t maxResultBytes = 2ULL << 30; // weights + every intermediate
};

// Bytes needed for the weights and a full forward result (every per-head matrix kept) over
// `tokens` tokens, computed in 64-bit without overflow for any value within the limits.
std::uint64_t estimateMemoryBytes(const AttentionConfig &config, std::size_t tokens);

// Throws InputError naming the value and why when a size is out of range, single-head mode has
// more than one head, or the result for `tokens` tokens would exceed ConfigLimits::maxResultBytes.
void validate(const AttentionConfig &config, std::size_t tokens);

// Trainable parameter count: q, k, v projections with biases, plus the output projection.
std::uint64_t parameterCount(const AttentionConfig &config);

} // namespace attnviz
