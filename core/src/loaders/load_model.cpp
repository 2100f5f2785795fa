#include "attnviz/loaders/load_model.h"

#include "attnviz/error.h"
#include "attnviz/model/builtin_models.h"

#include <filesystem>
#include <system_error>

namespace attnviz {

ModelSource ModelSource::random(const AttentionConfig &config, std::uint64_t seed) {
    ModelSource s;
    s.kind = Kind::Random;
    s.config = config;
    s.seed = seed;
    return s;
}

ModelSource ModelSource::builtin(std::string name, std::string builtinDir) {
    ModelSource s;
    s.kind = Kind::Builtin;
    s.name = std::move(name);
    s.builtinDir = std::move(builtinDir);
    return s;
}

ModelSource ModelSource::weightsFile(std::string path, std::optional<std::string> prefix,
                                     std::optional<int> heads, HeadCountAnswer answer) {
    ModelSource s;
    s.kind = Kind::WeightsFile;
    s.path = std::move(path);
    s.prefix = std::move(prefix);
    s.heads = heads;
    s.answer = answer;
    return s;
}

ModelSource ModelSource::folder(std::string path) {
    ModelSource s;
    s.kind = Kind::Folder;
    s.path = std::move(path);
    return s;
}

ModelSource ModelSource::named(const std::string &nameOrFolder, const std::string &builtinDir) {
    if (!builtinDir.empty()) {
        const std::vector<BuiltinModelInfo> models = listBuiltinModels(builtinDir);
        if (findBuiltinModel(models, nameOrFolder))
            return builtin(nameOrFolder, builtinDir);
    }
    std::error_code error;
    if (std::filesystem::is_directory(nameOrFolder, error))
        return folder(nameOrFolder);
    throw InputError(ErrorId::ModelSourceUnknown, {nameOrFolder});
}

std::string modelFolder(const ModelSource &source) {
    if (source.kind == ModelSource::Kind::Folder)
        return source.path;
    if (source.kind == ModelSource::Kind::Builtin) {
        const std::vector<BuiltinModelInfo> models = listBuiltinModels(source.builtinDir);
        if (const BuiltinModelInfo *info = findBuiltinModel(models, source.name))
            return info->folder;
    }
    throw InputError(ErrorId::ModelSourceUnknown,
                     {source.name.empty() ? source.path : source.name});
}

HeadCountFacts headCountFacts(const SafetensorsFile &file, const AttentionModuleInfo &module,
                              std::optional<int> asked) {
    HeadCountFacts facts;
    facts.queryRows = module.queryRows;
    facts.valueRows = module.valueRows;
    facts.singleHeadModule = module.convention == WeightsConvention::SeedSelfAttention;
    facts.asked = asked;
    // A single-head module never consults num_heads; any other module refuses a bad one.
    if (!facts.singleHeadModule)
        facts.declared = declaredHeadCount(file.metadata());
    return facts;
}

LoadedWeights loadWeightsModule(const SafetensorsFile &file,
                                const std::optional<std::string> &prefix, std::optional<int> heads,
                                HeadCountAnswer answer) {
    WeightsLoadOptions options;
    options.prefix = prefix;
    options.heads = heads;
    options.answer = answer;
    return loadAttentionWeights(file, options);
}

AttentionWeights resplitHeads(const AttentionWeights &weights, int heads) {
    HeadCountFacts facts;
    facts.queryRows = weights.q.outFeatures();
    facts.valueRows = weights.v.outFeatures();
    facts.singleHeadModule = !weights.out; // without an output projection there is one head
    facts.asked = heads;
    AttentionWeights out = weights;
    out.heads = resolveHeadCount(facts, HeadCountAnswer::AskedWins);
    out.dk = facts.queryRows / out.heads;
    out.dv = facts.valueRows / out.heads;
    return out;
}

LoadedSource loadModel(const ModelSource &source, const LoadControl &control) {
    LoadedSource loaded;
    loaded.kind = source.kind;
    switch (source.kind) {
    case ModelSource::Kind::Random:
        validate(source.config, 0);
        loaded.weights =
            std::make_shared<const AttentionWeights>(makeRandomWeights(source.config, source.seed));
        break;
    case ModelSource::Kind::WeightsFile: {
        const SafetensorsFile file = SafetensorsFile::open(source.path, "the weights file");
        LoadedWeights weights = loadWeightsModule(file, source.prefix, source.heads, source.answer);
        loaded.module = std::move(weights.module);
        loaded.weights = std::make_shared<const AttentionWeights>(std::move(weights.weights));
        break;
    }
    case ModelSource::Kind::Builtin:
        loaded.model =
            std::make_shared<const LoadedModel>(loadModelFolder(modelFolder(source), control));
        break;
    case ModelSource::Kind::Folder:
        loaded.model = std::make_shared<const LoadedModel>(loadModelFolder(source.path, control));
        break;
    }
    return loaded;
}

} // namespace attnviz
