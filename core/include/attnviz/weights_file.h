// Attention weights in safetensors files: finding modules in a state_dict, loading, saving.
#pragma once

#include "attnviz/attention_weights.h"
#include "attnviz/loaders/head_count.h"
#include "attnviz/safetensors.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

// The naming conventions attnviz reads, each found under any prefix ("encoder.layers.0.attn.").
enum class WeightsConvention {
    SeedMultiHead,     // the seed's MultiHeadAttention: q_linear, k_linear, v_linear, out_linear
    SeedSelfAttention, // the seed's Self_Attention: q, k, v (one head, no output projection)
    TorchMultihead     // torch.nn.MultiheadAttention: in_proj_weight (or q/k/v_proj_weight),
                       // in_proj_bias, out_proj
};

std::string_view describe(WeightsConvention convention);

struct AttentionModuleInfo {
    std::string prefix;
    WeightsConvention convention = WeightsConvention::SeedMultiHead;
    int dModel = 0;
    int queryRows = 0;           // heads · dk
    int valueRows = 0;           // heads · dv
    std::string summary() const; // one line for --list-modules
};

// Every attention module in the file, sorted by prefix.
std::vector<AttentionModuleInfo> findAttentionModules(const SafetensorsFile &file);

struct WeightsLoadOptions {
    std::optional<std::string> prefix; // required when the file holds several modules
    std::optional<int> heads;          // else __metadata__["num_heads"]
    // An asked count wins over num_heads here; the command line passes Refuse (loaders/).
    HeadCountAnswer answer = HeadCountAnswer::AskedWins;
};

struct LoadedWeights {
    AttentionWeights weights;
    AttentionModuleInfo module;
};

// Loads one module. Absent biases (bias=False) are zero; the heads follow resolveHeadCount
// (loaders/head_count.h). Throws InputError naming the tensor for a missing tensor, a shape that
// disagrees, a head count that does not divide the projections, non-finite values, or an unknown
// head count.
LoadedWeights loadAttentionWeights(const SafetensorsFile &file, const WeightsLoadOptions &options);

// Saves weights in the seed's names (Self_Attention names without an out projection), F32, with
// __metadata__ {num_heads, dk, dv, d_model, seed, format: pt}. Atomic.
void saveAttentionWeights(const std::string &path, const AttentionWeights &weights,
                          std::uint64_t seed);

} // namespace attnviz
