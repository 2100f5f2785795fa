// Built-in models: the small Transformers attnviz trained itself and installs with the program
// (resources/models), found by folder and listed from their config.json.
#pragma once

#include <string>
#include <vector>

namespace attnviz {

struct BuiltinModelInfo {
    std::string name;          // "en-next-word-h8": the folder's name
    std::string family;        // "en-next-word": the variants that differ only in heads
    std::string language;      // "en" or "zh"
    std::string objective;     // "causal" or "masked"
    std::string description;   // "English, next word, 8 heads"
    std::string descriptionZh; // "中文，下一个字，8 个头"
    int heads = 0;
    int layers = 0;
    double validationLoss = 0; // nats per token on held-out text
    std::string folder;
};

// The folder holding the built-in models: $ATTNVIZ_MODELS_DIR when set, else share/attnviz/models
// beside the installed program (`executableDir`/../share/attnviz/models), else the source tree's
// resources/models (for a program run from its build tree). Empty when none exists.
std::string findBuiltinModelsDir(const std::string &executableDir);

// Every model folder in `dir` (one with a config.json of model_type "attnviz"), sorted by family
// then heads. Throws InputError naming the folder for a config that cannot be read.
std::vector<BuiltinModelInfo> listBuiltinModels(const std::string &dir);

// The model called `name` in `dir`, or nullptr.
const BuiltinModelInfo *findBuiltinModel(const std::vector<BuiltinModelInfo> &models,
                                         const std::string &name);

} // namespace attnviz
