#include "attnviz/model/model_folder.h"

#include "config_reader.h"
#include "families.h"
#include "tensor_lookup.h"

#include "attnviz/error.h"
#include "attnviz/io/input_file.h"
#include "attnviz/model/vocabulary_tokenizer.h"
#include "attnviz/safetensors.h"
#include "attnviz/tokenize/model_tokenizer.h"

#include <filesystem>

namespace attnviz {

namespace {

constexpr std::uint64_t kMaxConfigBytes = 4u << 20;

using Builder = Model (*)(const ConfigReader &, const SafetensorsFile &, const std::string &);

struct Family {
    const char *modelType;
    Builder build;
};

constexpr Family kFamilies[] = {
    {"gpt2", buildGpt2},
    {"bert", buildBert},
    {"distilbert", buildDistilBert},
    {"attnviz", buildAttnviz},
};

bool fileExists(const std::filesystem::path &path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

// The folder's tokenizer, as the Hub ships it: tokenizer.json first, else the legacy files.
void attachTokenizer(LoadedModel &loaded, const ConfigReader &config) {
    namespace fs = std::filesystem;
    const fs::path folder(loaded.folder);
    const auto use = [&loaded](std::unique_ptr<ModelTokenizer> tokenizer, const fs::path &file) {
        loaded.model.tokenizer = std::move(tokenizer);
        loaded.files.push_back(file.string());
    };
    if (loaded.model.spec.family == ModelFamily::Attnviz) {
        const std::string unknown = config.text("unk_token", "<unk>");
        use(VocabularyTokenizer::fromFile((folder / "vocab.txt").string(),
                                          config.text("tokenizer", "words"), unknown),
            folder / "vocab.txt");
        loaded.model.spec.unknownPiece = unknown;
        return;
    }
    const bool gpt2 = loaded.model.spec.family == ModelFamily::Gpt2;
    loaded.model.spec.unknownPiece = gpt2 ? "" : "[UNK]";
    if (fileExists(folder / "tokenizer.json")) {
        use(loadTokenizerJson((folder / "tokenizer.json").string()), folder / "tokenizer.json");
    } else if (gpt2 && fileExists(folder / "vocab.json")) {
        use(loadGpt2VocabFiles((folder / "vocab.json").string(), (folder / "merges.txt").string()),
            folder / "vocab.json");
        loaded.files.push_back((folder / "merges.txt").string());
    } else if (!gpt2 && fileExists(folder / "vocab.txt")) {
        const fs::path tokenizerConfig = folder / "tokenizer_config.json";
        const bool hasConfig = fileExists(tokenizerConfig);
        use(loadWordPieceVocabFile((folder / "vocab.txt").string(),
                                   hasConfig ? tokenizerConfig.string() : std::string()),
            folder / "vocab.txt");
        if (hasConfig)
            loaded.files.push_back(tokenizerConfig.string());
    } else {
        throw InputError(ErrorId::ModelFolderNoTokenizer,
                         {gpt2 ? "vocab.json + merges.txt" : "vocab.txt"});
    }
    if (loaded.model.tokenizer->vocabSize() > loaded.model.tokenEmbedding.rows())
        throw InputError(ErrorId::TokenizerLargerThanEmbeddings,
                         {std::to_string(loaded.model.tokenizer->vocabSize()),
                          std::to_string(loaded.model.tokenEmbedding.rows())});
}

std::string joinedTypes() {
    std::string list;
    for (const std::string &type : supportedModelTypes())
        list += (list.empty() ? "" : ", ") + type;
    return list;
}

} // namespace

const std::vector<std::string> &supportedModelTypes() {
    static const std::vector<std::string> types = [] {
        std::vector<std::string> t;
        for (const Family &f : kFamilies)
            t.emplace_back(f.modelType);
        return t;
    }();
    return types;
}

LoadedModel loadModelFolder(const std::string &folder, const LoadControl &control) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw InputError(fs::exists(folder, ec) ? ErrorId::ModelFolderNotFolder
                                                : ErrorId::ModelFolderMissing,
                         {quotedPath(folder)});
    LoadedModel loaded;
    loaded.folder = folder;
    const std::string configPath = (fs::path(folder) / "config.json").string();
    const ConfigReader config(readInputFile(configPath, kMaxConfigBytes, "the model's config.json"),
                              "config.json");
    loaded.files.push_back(configPath);
    loaded.modelType = config.text("model_type", "");
    const Family *family = nullptr;
    for (const Family &f : kFamilies)
        if (loaded.modelType == f.modelType)
            family = &f;
    if (!family)
        throw InputError(ErrorId::ModelTypeUnsupported,
                         {loaded.modelType.substr(0, 60), joinedTypes()});

    const std::string weightsPath = (fs::path(folder) / "model.safetensors").string();
    const SafetensorsFile weights = SafetensorsFile::open(weightsPath);
    loaded.files.push_back(weightsPath);
    {
        LoadMeterScope meter(control, weights);
        loaded.model = family->build(config, weights, "model.safetensors");
        meter.finish();
    }
    const std::string folderName = fs::path(folder).lexically_normal().filename().string();
    loaded.model.spec.name =
        config.text("name", folderName.empty() ? loaded.modelType : folderName);
    if (loaded.model.spec.description.empty())
        loaded.model.spec.description = loaded.modelType + " (" +
                                        std::to_string(loaded.model.layers()) + " layers, " +
                                        std::to_string(loaded.model.heads()) + " heads, d_model " +
                                        std::to_string(loaded.model.dModel()) + ")";
    attachTokenizer(loaded, config);
    return loaded;
}

} // namespace attnviz
