#include "attnviz/random.h"

#include <cmath>
#include <numbers>

namespace attnviz::rng {

float symmetricUniform(std::uint64_t key, std::uint64_t index) {
    const auto top24 = static_cast<std::uint32_t>(bits(key, index) >> 40);
    return static_cast<float>(top24) * (2.0f / 16777216.0f) - 1.0f;
}

float standardNormal(std::uint64_t key, std::uint64_t index) {
    const std::uint64_t r = bits(key, index);
    // 53 bits for u1 in (0, 1] (log must not see 0), 53 more from a second draw for u2.
    const double u1 = (static_cast<double>(r >> 11) + 1.0) / 9007199254740992.0;
    const double u2 =
        static_cast<double>(bits(key ^ 0xA5A5A5A5A5A5A5A5ULL, index) >> 11) / 9007199254740992.0;
    return static_cast<float>(std::sqrt(-2.0 * std::log(u1)) *
                              std::cos(2.0 * std::numbers::pi * u2));
}

std::uint64_t hashText(std::string_view text) {
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

} // namespace attnviz::rng
