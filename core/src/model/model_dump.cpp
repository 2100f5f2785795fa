#include "attnviz/model/model_dump.h"

#include "../analysis/metrics_json.h"
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

std::vector<std::string> displayTexts(const ModelRun &run) {
    std::vector<std::string> displays;
    for (const EncodedToken &t : run.tokens)
        displays.push_back(t.display);
    return displays;
}

LayerAnalysis analyseModelLayer(const Model &model, const ModelRun &run, std::size_t layer,
                                const std::vector<TokenFacts> &facts, HeadDistances distances) {
    return analyseLayer(run.trace.layers[layer].attention, model.blocks[layer].attention, facts,
                        model.spec.causal, distances);
}

} // namespace

std::vector<LayerAnalysis> analyseModelRun(const LoadedModel &loaded, const ModelRun &run,
                                           HeadDistances distances) {
    const std::vector<TokenFacts> facts = describeTokens(displayTexts(run));
    std::vector<LayerAnalysis> layers;
    for (std::size_t l = 0; l < run.trace.layers.size(); ++l)
        layers.push_back(analyseModelLayer(loaded.model, run, l, facts, distances));
    return layers;
}

void writeModelDump(ByteSink &sink, const LoadedModel &loaded, const std::string &source,
                    const ModelRun &run) {
    const Model &model = loaded.model;
    const std::vector<std::string> displays = displayTexts(run);
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
        // One layer at a time: the dump streams, nothing but this layer's analysis is held.
        const LayerAnalysis analysis =
            analyseModelLayer(model, run, l, facts, HeadDistances::Compute);
        json.beginObject();
        json.key("heads");
        json.beginArray();
        for (std::size_t h = 0; h < attention.heads.size(); ++h) {
            json.beginObject();
            json.key("attention");
            json.matrix(attention.heads[h].weights);
            json.key("metrics");
            writeHeadMetrics(json, analysis.heads[h]);
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
