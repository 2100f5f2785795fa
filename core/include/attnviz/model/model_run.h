// A sentence through a model with its own tokenizer: tokens, ids and the trace, in one call that
// the window, the command line and sessions share.
#pragma once

#include "attnviz/model/trace.h"
#include "attnviz/tokenize/model_tokenizer.h"

#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

struct ModelRun {
    std::vector<EncodedToken> tokens; // the model's own, special tokens included
    Trace trace;
    std::vector<std::string> outOfVocabulary; // tokens the vocabulary lacked, once each
};

// Limits for one run: tokens, and the bytes the trace may hold (estimateTraceBytes).
struct ModelRunLimits {
    std::size_t maxTokens = 512;
    std::uint64_t maxTraceBytes = 2ULL << 30;
};

// Tokenizes with the model's tokenizer, embeds the ids and runs every block. Throws InputError for
// a model without a tokenizer, a sentence without tokens, more tokens than the limit or the
// model's positions, or a trace larger than the byte limit (naming the estimate).
ModelRun runModelOnSentence(const Model &model, std::string_view sentence,
                            const ModelRunLimits &limits = {}, const TraceRequest &request = {});

} // namespace attnviz
