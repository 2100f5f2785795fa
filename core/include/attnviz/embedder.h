// Embedder: turns tokens into the input rows X [N × d_model] that attention is fed.
#pragma once

#include "attnviz/embedding_table.h"
#include "attnviz/tokenizer.h"

#include <Eigen/Core>

#include <cstdint>
#include <string_view>
#include <vector>

namespace attnviz {

struct EmbedderOptions {
    int dModel = 64;
    std::uint64_t seed = 42;
    bool positional = true; // add the sinusoidal positional encoding of Vaswani et al. (2017)
    const EmbeddingTable *table = nullptr; // loaded vectors; tokens it lacks get seeded ones
};

// The seeded embedding of one token text: d_model values ~ N(0, 1) like nn.Embedding's default,
// a pure function of (seed, text), so a repeated word gets the same vector and raising d_model
// appends components.
Eigen::RowVectorXf tokenEmbedding(std::string_view text, int dModel, std::uint64_t seed);

// PE[pos, 2i] = sin(pos / 10000^(2i / d)), PE[pos, 2i + 1] = cos(pos / 10000^(2i / d)).
Eigen::MatrixXf sinusoidalPositions(int tokens, int dModel);

// X [N × d_model]: row i is token i's embedding, plus its position's encoding when enabled.
// With a table, tokens it does not know get the seeded vector and are listed in `outOfVocabulary`
// (once each, in sentence order). Throws InputError when the table's width is not d_model.
Eigen::MatrixXf embedTokens(const std::vector<Token> &tokens, const EmbedderOptions &options,
                            std::vector<std::string> *outOfVocabulary = nullptr);

} // namespace attnviz
