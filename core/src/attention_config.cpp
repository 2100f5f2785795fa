#include "attnviz/attention_config.h"

#include "attnviz/error.h"

#include <string>

namespace attnviz {

namespace {

void checkRange(const char *name, int value, int max, const char *why) {
    if (value < 1 || value > max)
        throw InputError(ErrorId::SettingOutOfRange,
                         {name, std::to_string(max), why, std::to_string(value)});
}

std::string mebibytes(std::uint64_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

} // namespace

std::uint64_t estimateMemoryBytes(const AttentionConfig &config, std::size_t tokens) {
    const std::uint64_t n = tokens, d = config.dModel, h = config.heads, dk = config.dk,
                        dv = config.dv;
    const std::uint64_t weights = (2 * h * dk + h * dv) * (d + 1) + d * (h * dv + 1);
    const std::uint64_t perHead =
        n * (2 * dk + dv) + 2 * n * n + n * dv; // q k v, scores weights, out
    const std::uint64_t result =
        n * d + h * perHead + n * h * dv + n * d; // x, heads, concat, output
    return sizeof(float) * (weights + result);
}

void validate(const AttentionConfig &config, std::size_t tokens) {
    checkRange("d_model", config.dModel, ConfigLimits::maxDModel, "the model width");
    checkRange("heads", config.heads, ConfigLimits::maxHeads, "the number of heads");
    checkRange("dk", config.dk, ConfigLimits::maxHeadDim, "the query/key width per head");
    checkRange("dv", config.dv, ConfigLimits::maxHeadDim, "the value width per head");
    if (config.singleHead && config.heads != 1)
        throw InputError(ErrorId::SingleHeadHeads, {std::to_string(config.heads)});
    const std::uint64_t bytes = estimateMemoryBytes(config, tokens);
    if (bytes > ConfigLimits::maxResultBytes)
        throw InputError(
            ErrorId::ConfigNeedsTooMuchMemory,
            {mebibytes(bytes), std::to_string(tokens), mebibytes(ConfigLimits::maxResultBytes)});
}

std::uint64_t parameterCount(const AttentionConfig &config) {
    const std::uint64_t d = config.dModel, h = config.heads, dk = config.dk, dv = config.dv;
    const std::uint64_t qkv = (2 * h * dk + h * dv) * (d + 1);
    return config.singleHead ? qkv : qkv + d * (h * dv + 1);
}

} // namespace attnviz
