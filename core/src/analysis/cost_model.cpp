#include "attnviz/analysis/cost_model.h"

#include "attnviz/error.h"

#include <limits>
#include <string>

namespace attnviz {

namespace {

// Checked arithmetic: a count that would wrap is refused rather than shown wrong.
std::uint64_t mul(std::uint64_t a, std::uint64_t b) {
    std::uint64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        throw InputError(ErrorId::CostTooLarge, {});
    return r;
}

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
    std::uint64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        throw InputError(ErrorId::CostTooLarge, {});
    return r;
}

std::uint64_t mul(std::initializer_list<std::uint64_t> factors) {
    std::uint64_t r = 1;
    for (const std::uint64_t f : factors)
        r = mul(r, f);
    return r;
}

std::uint64_t sum(const std::vector<CostLine> &lines) {
    std::uint64_t total = 0;
    for (const CostLine &line : lines)
        total = add(total, line.total);
    return total;
}

// Sizes with a range check only: the one wide head may exceed the per-head limits that
// validate() applies, and is never run, only counted.
void checkSizes(const AttentionConfig &c) {
    if (c.dModel < 1 || c.heads < 1 || c.dk < 1 || c.dv < 1)
        throw InputError("every size of an attention module must be at least 1");
}

} // namespace

std::uint64_t CostReport::totalParameters() const {
    return sum(parameters);
}
std::uint64_t CostReport::totalFlops() const {
    return sum(flops);
}
std::uint64_t CostReport::totalMemory() const {
    return sum(memory);
}

CostReport estimateCost(const AttentionConfig &config, std::uint64_t tokens) {
    checkSizes(config);
    const std::uint64_t n = tokens, d = static_cast<std::uint64_t>(config.dModel),
                        h = static_cast<std::uint64_t>(config.heads),
                        dk = static_cast<std::uint64_t>(config.dk),
                        dv = static_cast<std::uint64_t>(config.dv);
    const bool hasOutput = !config.singleHead;
    CostReport r;
    r.config = config;
    r.tokens = tokens;

    r.parameters = {
        {"Q projection", "d_model·h·dk + h·dk", add(mul({d, h, dk}), mul(h, dk)),
         add(mul(d, dk), dk)},
        {"K projection", "d_model·h·dk + h·dk", add(mul({d, h, dk}), mul(h, dk)),
         add(mul(d, dk), dk)},
        {"V projection", "d_model·h·dv + h·dv", add(mul({d, h, dv}), mul(h, dv)),
         add(mul(d, dv), dv)},
    };
    if (hasOutput)
        r.parameters.push_back(
            {"Output projection", "h·dv·d_model + d_model", add(mul({h, dv, d}), d), mul(dv, d)});

    const std::uint64_t n2 = mul(n, n);
    r.flops = {
        {"Q projection", "2·N·d_model·h·dk + N·h·dk", add(mul({2, n, d, h, dk}), mul({n, h, dk})),
         add(mul({2, n, d, dk}), mul(n, dk))},
        {"K projection", "2·N·d_model·h·dk + N·h·dk", add(mul({2, n, d, h, dk}), mul({n, h, dk})),
         add(mul({2, n, d, dk}), mul(n, dk))},
        {"V projection", "2·N·d_model·h·dv + N·h·dv", add(mul({2, n, d, h, dv}), mul({n, h, dv})),
         add(mul({2, n, d, dv}), mul(n, dv))},
        {"QKᵀ", "2·h·N²·dk", mul({2, h, n2, dk}), mul({2, n2, dk})},
        {"Scaling by 1/√dk", "h·N²", mul(h, n2), n2},
        {"Softmax", "5·h·N²", mul({5, h, n2}), mul(5, n2)},
        {"Weights · V", "2·h·N²·dv", mul({2, h, n2, dv}), mul({2, n2, dv})},
    };
    if (hasOutput)
        r.flops.push_back({"Output projection", "2·N·h·dv·d_model + N·d_model",
                           add(mul({2, n, h, dv, d}), mul(n, d)), mul({2, n, dv, d})});

    r.memory = {
        {"Attention maps (float32)", "4·h·N² bytes", mul({4, h, n2}), mul(4, n2)},
        {"Scores kept for the step view", "4·h·N² bytes", mul({4, h, n2}), mul(4, n2)},
    };
    return r;
}

AttentionConfig oneWideHead(const AttentionConfig &config) {
    checkSizes(config);
    auto widened = [&](int perHead) {
        const std::int64_t width = std::int64_t{config.heads} * perHead;
        if (width > std::numeric_limits<int>::max())
            throw InputError(ErrorId::CostHeadTooWide, {std::to_string(width)});
        return static_cast<int>(width);
    };
    AttentionConfig wide = config;
    wide.heads = 1;
    wide.dk = widened(config.dk);
    wide.dv = widened(config.dv);
    return wide;
}

CostComparison compareWithOneWideHead(const AttentionConfig &config, std::uint64_t tokens) {
    return {estimateCost(config, tokens), estimateCost(oneWideHead(config), tokens)};
}

} // namespace attnviz
