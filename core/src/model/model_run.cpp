#include "attnviz/model/model_run.h"

#include "attnviz/error.h"

#include <algorithm>

namespace attnviz {

namespace {

std::string mebibytes(std::uint64_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

} // namespace

ModelRun runModelOnSentence(const Model &model, std::string_view sentence,
                            const ModelRunLimits &limits, const TraceRequest &request) {
    if (!model.tokenizer)
        throw InputError(ErrorId::ModelNoTokenizer, {model.spec.name});
    ModelRun run;
    run.tokens = model.tokenizer->encode(sentence, limits.maxTokens);
    if (run.tokens.empty())
        throw InputError(ErrorId::SentenceNoTokens, {});
    if (model.spec.maxPositions > 0 && run.tokens.size() > std::size_t(model.spec.maxPositions))
        throw InputError(ErrorId::SentenceTooLongForModel,
                         {std::to_string(run.tokens.size()), model.spec.name,
                          std::to_string(model.spec.maxPositions)});
    const std::uint64_t bytes = estimateTraceBytes(model, run.tokens.size());
    if (bytes > limits.maxTraceBytes)
        throw InputError(ErrorId::ModelRunNeedsTooMuchMemory,
                         {model.spec.name, std::to_string(run.tokens.size()), mebibytes(bytes),
                          mebibytes(limits.maxTraceBytes)});
    std::vector<int> ids;
    ids.reserve(run.tokens.size());
    for (EncodedToken &token : run.tokens) {
        ids.push_back(token.id);
        if (!model.spec.unknownPiece.empty() && token.piece == model.spec.unknownPiece)
            token.unknown = true;
        // The sentence's own text of an unknown token ("zebra", not "[UNK]").
        const std::string text =
            token.byteEnd > token.byteBegin && token.byteEnd <= sentence.size()
                ? std::string(sentence.substr(token.byteBegin, token.byteEnd - token.byteBegin))
                : token.display;
        if (token.unknown && std::find(run.outOfVocabulary.begin(), run.outOfVocabulary.end(),
                                       text) == run.outOfVocabulary.end())
            run.outOfVocabulary.push_back(text);
    }
    run.trace = runModel(model, embedIds(model, ids), request);
    return run;
}

} // namespace attnviz
