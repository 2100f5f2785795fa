// Pipeline: sentence → tokens → input rows → attention, the one pass every front end runs.
#pragma once

#include "attnviz/attention_weights.h"
#include "attnviz/multi_head_attention.h"
#include "attnviz/tokenizer.h"

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace attnviz {

struct PipelineOptions {
    std::string sentence;
    TokenizerOptions tokenizer;
    std::uint64_t seed = 42; // seeds the token embeddings (and random weights, made by the caller)
    bool positional = true;
    AttentionConfig attention; // sizes must match the weights passed to runPipeline
};

struct PipelineResult {
    std::vector<Token> tokens;
    Eigen::MatrixXf input; // [N × d_model] exactly what attention was fed
    AttentionResult attention;
};

// Runs the pass with the given weights. Throws InputError for a sentence without tokens, for
// options.attention disagreeing with the weights' sizes, and for everything tokenize() and
// validate() refuse.
PipelineResult runPipeline(const PipelineOptions &options, const AttentionWeights &weights);

} // namespace attnviz
