#include "attnviz/model/model_dump.h"

#include "../io/json_writer.h"

#include "attnviz/analysis/layer_analysis.h"
#include "attnviz/io/atomic_file.h"

namespace attnviz {

std::string familyName(ModelFamily family) {
    switch (family) {
    case ModelFamily::Gpt2:
        return "gpt2";
    case ModelFamily::Bert:
        return "bert";
    case ModelFamily::DistilBert:
        return "distilbert";
    case ModelFamily::Attnviz:
        return "attnviz";
    case ModelFamily::Module:
        break;
    }
    return "module";
}

namespace {

void writeMetrics(JsonWriter &json, const HeadAnalysis &head) {
    json.beginObject();
    for (const MetricInfo &info : metricInfos()) {
        json.key(info.key);
        if (const auto value = head.metrics.value(info.metric))
            json.value(static_cast<float>(*value));
        else
            json.null();
    }
    json.key("role");
    json.value(roleKey(head.role.role));
    json.endObject();
}

} // namespace

void writeModelDump(ByteSink &sink, const LoadedModel &loaded, const std::string &source,
                    const ModelRun &run) {
    const Model &model = loaded.model;
    std::vector<std::string> displays;
    for (const EncodedToken &t : run.tokens)
        displays.push_back(t.display);
    const std::vector<TokenFacts> facts = describeTokens(displays);

    JsonWriter json(sink);
    json.beginObject();
    json.key("model");
    json.beginObject();
    json.key("family");
    json.value(familyName(model.spec.family));
    json.key("name");
    json.value(model.spec.name);
    json.key("layers");
    json.value(model.layers());
    json.key("heads");
    json.value(model.heads());
    json.key("d_model");
    json.value(model.dModel());
    json.key("source");
    json.value(source);
    json.endObject();
    json.key("tokens");
    json.beginArray();
    for (const std::string &d : displays)
        json.value(d);
    json.endArray();
    json.key("token_ids");
    json.beginArray();
    for (const EncodedToken &t : run.tokens)
        json.value(t.id);
    json.endArray();
    json.key("token_offsets");
    json.beginArray();
    for (const EncodedToken &t : run.tokens)
        json.value(static_cast<std::uint64_t>(t.byteBegin));
    json.endArray();
    json.key("special");
    json.beginArray();
    for (const EncodedToken &t : run.tokens)
        json.value(t.special);
    json.endArray();
    json.key("oov");
    json.beginArray();
    for (const std::string &word : run.outOfVocabulary)
        json.value(word);
    json.endArray();
    json.key("layers");
    json.beginArray();
    for (std::size_t l = 0; l < run.trace.layers.size(); ++l) {
        const AttentionResult &attention = run.trace.layers[l].attention;
        const LayerAnalysis analysis =
            analyseLayer(attention, model.blocks[l].attention, facts, model.spec.causal);
        json.beginObject();
        json.key("heads");
        json.beginArray();
        for (std::size_t h = 0; h < attention.heads.size(); ++h) {
            json.beginObject();
            json.key("attention");
            json.matrix(attention.heads[h].weights);
            json.key("metrics");
            writeMetrics(json, analysis.heads[h]);
            json.endObject();
        }
        json.endArray();
        json.key("head_distance");
        json.matrix(analysis.headDistance);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    json.flush();
}

} // namespace attnviz
