#include "attnviz/embedder.h"

#include "attnviz/random.h"

#include <cmath>

namespace attnviz {

namespace {
constexpr std::uint64_t kEmbeddingStream = 0x454D4245; // "EMBE"
}

Eigen::RowVectorXf tokenEmbedding(std::string_view text, int dModel, std::uint64_t seed) {
    const std::uint64_t key = rng::streamKey(seed, kEmbeddingStream, rng::hashText(text));
    Eigen::RowVectorXf row(dModel);
    for (int i = 0; i < dModel; ++i)
        row[i] = rng::standardNormal(key, static_cast<std::uint64_t>(i));
    return row;
}

Eigen::MatrixXf sinusoidalPositions(int tokens, int dModel) {
    Eigen::MatrixXf pe(tokens, dModel);
    for (int pos = 0; pos < tokens; ++pos) {
        for (int i = 0; i < dModel; ++i) {
            const int pairStart = i - (i % 2);
            const double angle = pos / std::pow(10000.0, static_cast<double>(pairStart) /
                                                             static_cast<double>(dModel));
            pe(pos, i) = static_cast<float>(i % 2 == 0 ? std::sin(angle) : std::cos(angle));
        }
    }
    return pe;
}

Eigen::MatrixXf embedTokens(const std::vector<Token> &tokens, const EmbedderOptions &options) {
    const auto n = static_cast<int>(tokens.size());
    Eigen::MatrixXf x(n, options.dModel);
    for (int i = 0; i < n; ++i)
        x.row(i) =
            tokenEmbedding(tokens[static_cast<std::size_t>(i)].text, options.dModel, options.seed);
    if (options.positional)
        x += sinusoidalPositions(n, options.dModel);
    return x;
}

} // namespace attnviz
