#include "attnviz/pipeline.h"

#include "attnviz/embedder.h"
#include "attnviz/error.h"

namespace attnviz {

PipelineResult runPipeline(const PipelineOptions &options, const AttentionWeights &weights) {
    AttentionConfig expected = weights.config();
    expected.causal = options.attention.causal;
    if (expected != options.attention)
        throw InputError(ErrorId::WeightsDoNotMatchConfig,
                         {std::to_string(weights.dModel), std::to_string(weights.heads),
                          std::to_string(weights.dk), std::to_string(weights.dv)});

    PipelineResult result;
    result.tokens = tokenize(options.sentence, options.tokenizer);
    if (result.tokens.empty())
        throw InputError(ErrorId::SentenceNoTokens, {});
    validate(options.attention, result.tokens.size());

    EmbedderOptions embedder;
    embedder.dModel = options.attention.dModel;
    embedder.seed = options.seed;
    embedder.positional = options.positional;
    embedder.table = options.embeddings.get();
    result.input = embedTokens(result.tokens, embedder, &result.outOfVocabulary);
    result.attention = attentionForward(result.input, weights, options.attention.causal);
    return result;
}

} // namespace attnviz
