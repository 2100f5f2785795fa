// Pipeline: sentence → tokens → input rows → attention, the one pass every front end runs.
#pragma once

#include "attnviz/attention_weights.h"
#include "attnviz/embedding_table.h"
#include "attnviz/multi_head_attention.h"
#include "attnviz/tokenizer.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace attnviz {

struct PipelineOptions {
    std::string sentence;
    TokenizerOptions tokenizer;
    std::uint64_t seed = 42; // seeds the token embeddings (and random weights, made by the caller)
    bool positional = true;
    AttentionConfig attention; // sizes must match the weights passed to runPipeline
    std::shared_ptr<const EmbeddingTable> embeddings; // loaded token vectors, when given
};

struct PipelineResult {
    std::vector<Token> tokens;
    Eigen::MatrixXf input; // [N × d_model] exactly what attention was fed
    AttentionResult attention;
    std::vector<std::string> outOfVocabulary; // tokens the loaded embeddings lacked
};

// Runs the pass with the given weights. Throws InputError for a sentence without tokens, for
// options.attention disagreeing with the weights' sizes, and for everything tokenize() and
// validate() refuse.
PipelineResult runPipeline(const PipelineOptions &options, const AttentionWeights &weights);

} // namespace attnviz
