// Counter-based random numbers: every value is a pure function of (stream key, index).
//
// A value never depends on how many others were drawn before it, so a weight element keeps its
// value when the head count, dk, dv or d_model change, and any subset can be regenerated alone.
#pragma once

#include <cstdint>
#include <string_view>

namespace attnviz::rng {

// SplitMix64's finaliser: a bijective 64-bit mix with full avalanche.
constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

// A stream key from a seed and up to three labels (projection, head, ...).
constexpr std::uint64_t streamKey(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0,
                                  std::uint64_t c = 0) {
    std::uint64_t key = mix(seed + 0x9E3779B97F4A7C15ULL);
    key = mix(key ^ (a + 0x9E3779B97F4A7C15ULL));
    key = mix(key ^ (b + 0x3C6EF372FE94F82AULL));
    key = mix(key ^ (c + 0xDAA66D2C7DDF743FULL));
    return key;
}

// The 64 random bits at position index of a stream.
constexpr std::uint64_t bits(std::uint64_t key, std::uint64_t index) {
    return mix(key ^ mix(index + 0x9E3779B97F4A7C15ULL));
}

// Index of element (row, column) in a matrix-shaped stream; stable under any resize.
constexpr std::uint64_t cellIndex(std::uint64_t row, std::uint64_t column) {
    return (row << 32) | column;
}

// Uniform in [-1, 1), with 24 random bits (every float step in that range is reachable evenly).
float symmetricUniform(std::uint64_t key, std::uint64_t index);

// Standard normal N(0, 1) by Box–Muller from two independent uniforms of the stream.
float standardNormal(std::uint64_t key, std::uint64_t index);

// FNV-1a of a token's text, so equal texts map to the same embedding stream.
std::uint64_t hashText(std::string_view text);

} // namespace attnviz::rng
