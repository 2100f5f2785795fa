#include "attnviz/model/builtin_models.h"

#include "config_reader.h"

#include "attnviz/io/input_file.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace attnviz {

namespace {

namespace fs = std::filesystem;

bool isFolder(const fs::path &path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

} // namespace

std::string findBuiltinModelsDir(const std::string &executableDir) {
    if (const char *env = std::getenv("ATTNVIZ_MODELS_DIR"); env && *env)
        return env;
    const fs::path installed = fs::path(executableDir) / ".." / "share" / "attnviz" / "models";
    if (!executableDir.empty() && isFolder(installed))
        return installed.lexically_normal().string();
#ifdef ATTNVIZ_SOURCE_MODELS_DIR
    if (isFolder(ATTNVIZ_SOURCE_MODELS_DIR))
        return ATTNVIZ_SOURCE_MODELS_DIR;
#endif
    return {};
}

std::vector<BuiltinModelInfo> listBuiltinModels(const std::string &dir) {
    std::vector<BuiltinModelInfo> models;
    if (dir.empty() || !isFolder(dir))
        return models;
    std::vector<fs::path> folders;
    std::error_code ec;
    for (const fs::directory_entry &entry : fs::directory_iterator(dir, ec))
        if (isFolder(entry.path()) && fs::exists(entry.path() / "config.json", ec))
            folders.push_back(entry.path());
    for (const fs::path &folder : folders) {
        const ConfigReader config(readInputFile((folder / "config.json").string(), 1u << 20,
                                                "the built-in model's config.json"),
                                  folder.filename().string() + "/config.json");
        if (config.text("model_type", "") != "attnviz")
            continue;
        BuiltinModelInfo info;
        info.name = folder.filename().string();
        info.family = config.text("family", info.name);
        info.language = config.text("language", "");
        info.objective = config.text("objective", "causal");
        info.description = config.text("description", info.name);
        info.descriptionZh = config.text("description_zh", info.description);
        info.heads = config.integer("heads", 1, 256);
        info.layers = config.integer("layers", 1, 128);
        info.validationLoss = config.number("validation_loss", 0, 1e6, 0);
        info.folder = folder.string();
        models.push_back(std::move(info));
    }
    std::sort(models.begin(), models.end(), [](const auto &a, const auto &b) {
        return std::tie(a.family, a.heads, a.name) < std::tie(b.family, b.heads, b.name);
    });
    return models;
}

const BuiltinModelInfo *findBuiltinModel(const std::vector<BuiltinModelInfo> &models,
                                         const std::string &name) {
    const auto found = std::find_if(models.begin(), models.end(),
                                    [&name](const auto &m) { return m.name == name; });
    return found == models.end() ? nullptr : &*found;
}

} // namespace attnviz
