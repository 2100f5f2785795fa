#include "attnviz/embedder.h"

#include "attnviz/error.h"
#include "attnviz/random.h"

#include <algorithm>
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

Eigen::MatrixXf embedTokens(const std::vector<Token> &tokens, const EmbedderOptions &options,
                            std::vector<std::string> *outOfVocabulary) {
    if (options.table && options.table->dimension() != options.dModel)
        throw InputError(ErrorId::EmbeddingsDimension, {std::to_string(options.table->dimension()),
                                                        std::to_string(options.dModel)});
    const auto n = static_cast<int>(tokens.size());
    Eigen::MatrixXf x(n, options.dModel);
    for (int i = 0; i < n; ++i) {
        const std::string &text = tokens[static_cast<std::size_t>(i)].text;
        if (options.table) {
            if (const auto row = options.table->find(text)) {
                x.row(i) = *row;
                continue;
            }
            if (outOfVocabulary && std::find(outOfVocabulary->begin(), outOfVocabulary->end(),
                                             text) == outOfVocabulary->end())
                outOfVocabulary->push_back(text);
        }
        x.row(i) = tokenEmbedding(text, options.dModel, options.seed);
    }
    if (options.positional)
        x += sinusoidalPositions(n, options.dModel);
    return x;
}

} // namespace attnviz
