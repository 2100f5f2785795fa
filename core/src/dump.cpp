#include "attnviz/dump.h"

#include "analysis/metrics_json.h"
#include "attnviz/error.h"
#include "attnviz/io/atomic_file.h"
#include "io/json_writer.h"

namespace attnviz {

namespace {

class StringSink : public ByteSink {
public:
    void write(std::string_view bytes) override { text.append(bytes); }
    std::string text;
};

void writeConfig(JsonWriter &json, const PipelineOptions &options, const DumpJson &weights) {
    const AttentionConfig &c = options.attention;
    json.beginObject();
    json.key("causal");
    json.value(c.causal);
    json.key("d_model");
    json.value(c.dModel);
    json.key("dk");
    json.value(c.dk);
    json.key("dv");
    json.value(c.dv);
    json.key("heads");
    json.value(c.heads);
    json.key("positional");
    json.value(options.positional);
    json.key("seed");
    json.value(options.seed);
    json.key("single_head");
    json.value(c.singleHead);
    json.key("tokenizer");
    json.value(toString(options.tokenizer.mode));
    json.key("weights");
    json.raw(weights.dump());
    json.endObject();
}

void writeHead(JsonWriter &json, const HeadResult &head, const HeadAnalysis *analysis) {
    json.beginObject();
    json.key("attention");
    json.matrix(head.weights);
    json.key("k");
    json.matrix(head.k);
    if (analysis) {
        json.key("metrics");
        writeHeadMetrics(json, *analysis);
    }
    json.key("output");
    json.matrix(head.output);
    json.key("q");
    json.matrix(head.q);
    json.key("scores");
    json.matrix(head.scores);
    json.key("v");
    json.matrix(head.v);
    json.endObject();
}

} // namespace

void writeDump(ByteSink &sink, const PipelineOptions &options, const PipelineResult &result,
               const DumpJson &weights, const LayerAnalysis *analysis) {
    if (analysis && analysis->heads.size() != result.attention.heads.size())
        throw InputError("the dump's metrics are for " + std::to_string(analysis->heads.size()) +
                         " heads, the result has " + std::to_string(result.attention.heads.size()));
    JsonWriter json(sink);
    json.beginObject();
    json.key("concat");
    json.matrix(result.attention.concat);
    json.key("config");
    writeConfig(json, options, weights);
    if (analysis && analysis->headDistance.size() > 0) {
        json.key("head_distance");
        json.matrix(analysis->headDistance);
    }
    json.key("heads");
    json.beginArray();
    for (std::size_t h = 0; h < result.attention.heads.size(); ++h)
        writeHead(json, result.attention.heads[h], analysis ? &analysis->heads[h] : nullptr);
    json.endArray();
    json.key("input");
    json.matrix(result.input);
    if (options.embeddings) {
        json.key("oov");
        json.beginArray();
        for (const std::string &token : result.outOfVocabulary)
            json.value(token);
        json.endArray();
    }
    json.key("output");
    json.matrix(result.attention.output);
    json.key("token_offsets");
    json.beginArray();
    for (const Token &t : result.tokens)
        json.value(static_cast<std::uint64_t>(t.byteOffset));
    json.endArray();
    json.key("tokens");
    json.beginArray();
    for (const Token &t : result.tokens)
        json.value(t.text);
    json.endArray();
    json.endObject();
    json.flush();
}

std::string dumpText(const PipelineOptions &options, const PipelineResult &result,
                     const DumpJson &weights, const LayerAnalysis *analysis) {
    StringSink sink;
    writeDump(sink, options, result, weights, analysis);
    return std::move(sink.text);
}

} // namespace attnviz
