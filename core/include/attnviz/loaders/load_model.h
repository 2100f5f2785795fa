// One loader for every place a model comes from: random weights, a built-in model, an attention
// module in a weights file, a model folder. The window (ui/model_loader, file_load_worker,
// AttentionSession), the command line (prepareRun, --model) and sessions all call loadModel, so
// they validate, choose modules and split heads by the same rules.
#pragma once

#include "attnviz/attention_config.h"
#include "attnviz/attention_weights.h"
#include "attnviz/loaders/head_count.h"
#include "attnviz/model/model_folder.h"
#include "attnviz/safetensors.h"
#include "attnviz/weights_file.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace attnviz {

struct ModelSource {
    enum class Kind { Random, Builtin, WeightsFile, Folder };
    Kind kind = Kind::Random;
    // Random: the sizes (validated) and the seed.
    AttentionConfig config;
    std::uint64_t seed = 0;
    // Builtin: the model's name and the folder holding the built-in models.
    std::string name;
    std::string builtinDir;
    // WeightsFile, Folder: the path.
    std::string path;
    // WeightsFile: the module (needed when the file holds several) and the heads asked.
    std::optional<std::string> prefix;
    std::optional<int> heads;
    HeadCountAnswer answer = HeadCountAnswer::Refuse;

    static ModelSource random(const AttentionConfig &config, std::uint64_t seed);
    static ModelSource builtin(std::string name, std::string builtinDir);
    static ModelSource weightsFile(std::string path, std::optional<std::string> prefix = {},
                                   std::optional<int> heads = {},
                                   HeadCountAnswer answer = HeadCountAnswer::Refuse);
    static ModelSource folder(std::string path);
    // A built-in model's name, else a folder: the command line's --model and a session's model.
    // Throws InputError (ModelSourceUnknown) when it is neither.
    static ModelSource named(const std::string &nameOrFolder, const std::string &builtinDir);
};

// The folder a Builtin or Folder source is read from (a built-in's own folder), so what is hashed
// for a session is what is loaded. Throws InputError (ModelSourceUnknown) for a built-in name
// that is not there, and for other kinds.
std::string modelFolder(const ModelSource &source);

// What a run needs: one attention module (random or from a file), or a whole model.
struct LoadedSource {
    ModelSource::Kind kind = ModelSource::Kind::Random;
    std::shared_ptr<const AttentionWeights> weights; // Random, WeightsFile
    std::optional<AttentionModuleInfo> module;       // WeightsFile: the module chosen
    std::shared_ptr<const LoadedModel> model;        // Builtin, Folder
};

// Loads `source`. `control` reports progress and cancels model folders (a weights file holds one
// module: it is read at once). Throws InputError naming the file, the tensor or the number that
// is wrong; nothing is returned half loaded.
LoadedSource loadModel(const ModelSource &source, const LoadControl &control = {});

// The weights-file step on a file already open (the window opens and hashes off the GUI thread,
// then asks which module and how many heads): the module chosen by `prefix` (required when there
// are several), its heads by resolveHeadCount, every tensor checked.
LoadedWeights loadWeightsModule(const SafetensorsFile &file,
                                const std::optional<std::string> &prefix, std::optional<int> heads,
                                HeadCountAnswer answer);

// The facts of the head-count rule for a module of an open file (declaredHeadCount() throws for
// a bad num_heads).
HeadCountFacts headCountFacts(const SafetensorsFile &file, const AttentionModuleInfo &module,
                              std::optional<int> asked = {});

// The same projections split into `heads` heads: dk and dv follow. Throws InputError
// (HeadCountNotDivisor, HeadCountOutOfRange) when the count does not fit them.
AttentionWeights resplitHeads(const AttentionWeights &weights, int heads);

} // namespace attnviz
