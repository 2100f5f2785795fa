#include "attnviz/weights_file.h"

#include "attnviz/loaders/load_model.h"

#include "attnviz/error.h"

#include <algorithm>
#include <charconv>

namespace attnviz {

namespace {

[[noreturn]] void fail(ErrorId id, std::vector<std::string> args = {}) {
    throw InputError(id, std::move(args));
}

struct ConventionPattern {
    WeightsConvention convention;
    std::string_view marker;                // the tensor whose name reveals the module
    std::vector<std::string_view> required; // other tensors it must have
};

const std::vector<ConventionPattern> &patterns() {
    static const std::vector<ConventionPattern> p = {
        {WeightsConvention::SeedMultiHead,
         "q_linear.weight",
         {"k_linear.weight", "v_linear.weight", "out_linear.weight"}},
        {WeightsConvention::SeedSelfAttention, "q.weight", {"k.weight", "v.weight"}},
        {WeightsConvention::TorchMultihead, "in_proj_weight", {"out_proj.weight"}},
        {WeightsConvention::TorchMultihead,
         "q_proj_weight",
         {"k_proj_weight", "v_proj_weight", "out_proj.weight"}},
    };
    return p;
}

// The prefix before `marker` when `name` is exactly prefix + marker at a module boundary.
std::optional<std::string> prefixOf(const std::string &name, std::string_view marker) {
    if (name.size() < marker.size() ||
        name.compare(name.size() - marker.size(), marker.size(), marker) != 0)
        return std::nullopt;
    const std::string prefix = name.substr(0, name.size() - marker.size());
    if (!prefix.empty() && prefix.back() != '.')
        return std::nullopt;
    return prefix;
}

const TensorInfo &require(const SafetensorsFile &file, const std::string &name) {
    const TensorInfo *t = file.find(name);
    if (!t)
        fail(ErrorId::WeightsTensorMissing, {name});
    return *t;
}

int dimension(const TensorInfo &t, std::size_t axis) {
    if (t.shape.size() != 2)
        fail(ErrorId::WeightsTensorNotMatrix, {t.name, t.shapeText()});
    if (t.shape[axis] >
        static_cast<std::uint64_t>(ConfigLimits::maxHeads) * ConfigLimits::maxHeadDim * 3)
        fail(ErrorId::WeightsTensorTooLarge, {t.name, t.shapeText()});
    return static_cast<int>(t.shape[axis]);
}

template <typename M> void requireFinite(const M &values, const std::string &name) {
    const auto bad = static_cast<long>((!values.array().isFinite()).count());
    if (bad > 0)
        fail(bad == 1 ? ErrorId::WeightsTensorOneNonFinite : ErrorId::WeightsTensorNonFinite,
             {name, std::to_string(bad)});
}

Eigen::MatrixXf readMatrix(const SafetensorsFile &file, const TensorInfo &t) {
    Eigen::MatrixXf m = file.matrix(t);
    requireFinite(m, t.name);
    return m;
}

// The bias named `name`, or zeros (nn.Linear(bias=False) stores none).
Eigen::VectorXf readBias(const SafetensorsFile &file, const std::string &name, int length) {
    const TensorInfo *t = file.find(name);
    if (!t)
        return Eigen::VectorXf::Zero(length);
    Eigen::VectorXf v = file.vector(*t);
    if (v.size() != length)
        fail(ErrorId::WeightsBiasLength, {name, std::to_string(v.size()), std::to_string(length)});
    requireFinite(v, name);
    return v;
}

LinearLayer readLinear(const SafetensorsFile &file, const std::string &prefix) {
    LinearLayer layer;
    layer.weight = readMatrix(file, require(file, prefix + "weight"));
    layer.bias = readBias(file, prefix + "bias", static_cast<int>(layer.weight.rows()));
    return layer;
}

AttentionModuleInfo describeModule(const SafetensorsFile &file, const std::string &prefix,
                                   const ConventionPattern &pattern) {
    AttentionModuleInfo info;
    info.prefix = prefix;
    info.convention = pattern.convention;
    const TensorInfo &marker = require(file, prefix + std::string(pattern.marker));
    info.dModel = dimension(marker, 1);
    info.queryRows = dimension(marker, 0);
    info.valueRows = info.queryRows;
    if (pattern.marker == "in_proj_weight") {
        info.queryRows /= 3;
        info.valueRows = info.queryRows;
    } else if (pattern.marker == "q_proj_weight") {
        info.valueRows = dimension(require(file, prefix + "v_proj_weight"), 0);
    } else if (pattern.marker == "q_linear.weight") {
        info.valueRows = dimension(require(file, prefix + "v_linear.weight"), 0);
    } else {
        info.valueRows = dimension(require(file, prefix + "v.weight"), 0);
    }
    return info;
}

std::string listPrefixes(const std::vector<AttentionModuleInfo> &modules) {
    std::string list;
    for (std::size_t i = 0; i < modules.size() && i < 6; ++i)
        list += (i ? ", '" : "'") + modules[i].prefix + "'";
    if (modules.size() > 6)
        list += ", …";
    return list;
}

void checkInFeatures(const LinearLayer &layer, const std::string &name, int dModel) {
    if (layer.inFeatures() != dModel)
        fail(ErrorId::WeightsInFeatures,
             {name, std::to_string(layer.inFeatures()), std::to_string(dModel)});
}

// The name of the tensor that holds projection `which` ('q', 'k' or 'v') of a module.
std::string tensorName(const SafetensorsFile &file, const AttentionModuleInfo &m, char which) {
    const std::string w(1, which);
    switch (m.convention) {
    case WeightsConvention::SeedMultiHead:
        return m.prefix + w + "_linear.weight";
    case WeightsConvention::SeedSelfAttention:
        return m.prefix + w + ".weight";
    case WeightsConvention::TorchMultihead:
        return file.find(m.prefix + "in_proj_weight") ? m.prefix + "in_proj_weight"
                                                      : m.prefix + w + "_proj_weight";
    }
    return {};
}

} // namespace

std::string_view describe(WeightsConvention convention) {
    switch (convention) {
    case WeightsConvention::SeedMultiHead:
        return "MultiHeadAttention (q_linear, k_linear, v_linear, out_linear)";
    case WeightsConvention::SeedSelfAttention:
        return "Self_Attention (q, k, v; one head, no output projection)";
    case WeightsConvention::TorchMultihead:
        return "torch.nn.MultiheadAttention (in_proj, out_proj)";
    }
    return {};
}

std::string AttentionModuleInfo::summary() const {
    return (prefix.empty() ? std::string("(no prefix)") : prefix) + "  " +
           std::string(describe(convention)) + "  d_model " + std::to_string(dModel) +
           ", q/k rows " + std::to_string(queryRows) + ", v rows " + std::to_string(valueRows);
}

std::vector<AttentionModuleInfo> findAttentionModules(const SafetensorsFile &file) {
    std::vector<AttentionModuleInfo> modules;
    for (const TensorInfo &t : file.tensors()) {
        for (const ConventionPattern &pattern : patterns()) {
            const auto prefix = prefixOf(t.name, pattern.marker);
            if (!prefix)
                continue;
            const bool complete = std::all_of(
                pattern.required.begin(), pattern.required.end(),
                [&](std::string_view r) { return file.find(*prefix + std::string(r)) != nullptr; });
            if (complete)
                modules.push_back(describeModule(file, *prefix, pattern));
        }
    }
    std::sort(modules.begin(), modules.end(),
              [](const auto &a, const auto &b) { return a.prefix < b.prefix; });
    return modules;
}

LoadedWeights loadAttentionWeights(const SafetensorsFile &file, const WeightsLoadOptions &options) {
    const std::vector<AttentionModuleInfo> modules = findAttentionModules(file);
    if (modules.empty())
        fail(ErrorId::WeightsNoModule);
    const AttentionModuleInfo *chosen = nullptr;
    if (options.prefix) {
        for (const AttentionModuleInfo &m : modules)
            if (m.prefix == *options.prefix)
                chosen = &m;
        if (!chosen)
            fail(ErrorId::WeightsNoModuleWithPrefix, {*options.prefix, listPrefixes(modules)});
    } else if (modules.size() > 1) {
        fail(ErrorId::WeightsSeveralModules,
             {std::to_string(modules.size()), listPrefixes(modules)});
    } else {
        chosen = &modules.front();
    }
    const std::string &p = chosen->prefix;

    LoadedWeights loaded;
    loaded.module = *chosen;
    AttentionWeights &w = loaded.weights;
    switch (chosen->convention) {
    case WeightsConvention::SeedMultiHead:
        w.q = readLinear(file, p + "q_linear.");
        w.k = readLinear(file, p + "k_linear.");
        w.v = readLinear(file, p + "v_linear.");
        w.out = readLinear(file, p + "out_linear.");
        break;
    case WeightsConvention::SeedSelfAttention:
        w.q = readLinear(file, p + "q.");
        w.k = readLinear(file, p + "k.");
        w.v = readLinear(file, p + "v.");
        break;
    case WeightsConvention::TorchMultihead: {
        if (const TensorInfo *packed = file.find(p + "in_proj_weight")) {
            const Eigen::MatrixXf in = readMatrix(file, *packed);
            if (in.rows() % 3 != 0)
                fail(ErrorId::WeightsPackedRows, {packed->name, std::to_string(in.rows())});
            const auto e = in.rows() / 3;
            const Eigen::VectorXf bias =
                readBias(file, p + "in_proj_bias", static_cast<int>(in.rows()));
            w.q = {in.topRows(e), bias.head(e)};
            w.k = {in.middleRows(e, e), bias.segment(e, e)};
            w.v = {in.bottomRows(e), bias.tail(e)};
        } else {
            w.q.weight = readMatrix(file, require(file, p + "q_proj_weight"));
            w.k.weight = readMatrix(file, require(file, p + "k_proj_weight"));
            w.v.weight = readMatrix(file, require(file, p + "v_proj_weight"));
            const auto rows = w.q.weight.rows();
            const Eigen::VectorXf bias =
                readBias(file, p + "in_proj_bias", static_cast<int>(3 * rows));
            w.q.bias = bias.head(rows);
            w.k.bias = bias.segment(rows, rows);
            w.v.bias = bias.tail(rows);
        }
        w.out = readLinear(file, p + "out_proj.");
        break;
    }
    }

    w.dModel = w.q.inFeatures();
    checkInFeatures(w.k, tensorName(file, *chosen, 'k'), w.dModel);
    checkInFeatures(w.v, tensorName(file, *chosen, 'v'), w.dModel);
    if (w.k.outFeatures() != w.q.outFeatures())
        fail(ErrorId::WeightsKeyQueryRows,
             {std::to_string(w.k.outFeatures()), std::to_string(w.q.outFeatures())});

    // The module as read (a mis-shaped file has rows the header's survey did not see).
    AttentionModuleInfo read = *chosen;
    read.queryRows = static_cast<int>(w.q.outFeatures());
    read.valueRows = static_cast<int>(w.v.outFeatures());
    w.heads = resolveHeadCount(headCountFacts(file, read, options.heads), options.answer);
    w.dk = w.q.outFeatures() / w.heads;
    w.dv = w.v.outFeatures() / w.heads;
    if (w.out && (w.out->inFeatures() != w.v.outFeatures() || w.out->outFeatures() != w.dModel))
        fail(ErrorId::WeightsOutputShape,
             {std::to_string(w.out->outFeatures()), std::to_string(w.out->inFeatures()),
              std::to_string(w.dModel), std::to_string(w.v.outFeatures())});
    validate(w.config(), 0);
    checkConsistent(w);
    return loaded;
}

void saveAttentionWeights(const std::string &path, const AttentionWeights &w, std::uint64_t seed) {
    checkConsistent(w);
    const bool single = !w.out.has_value();
    std::vector<TensorToWrite> tensors;
    const auto add = [&](const std::string &name, const LinearLayer &layer) {
        tensors.push_back({name + ".weight",
                           {static_cast<std::uint64_t>(layer.weight.rows()),
                            static_cast<std::uint64_t>(layer.weight.cols())},
                           rowMajorValues(layer.weight)});
        tensors.push_back({name + ".bias",
                           {static_cast<std::uint64_t>(layer.bias.size())},
                           vectorValues(layer.bias)});
    };
    add(single ? "q" : "q_linear", w.q);
    add(single ? "k" : "k_linear", w.k);
    add(single ? "v" : "v_linear", w.v);
    if (!single)
        add("out_linear", *w.out);
    writeSafetensors(path, tensors,
                     {{"num_heads", std::to_string(w.heads)},
                      {"dk", std::to_string(w.dk)},
                      {"dv", std::to_string(w.dv)},
                      {"d_model", std::to_string(w.dModel)},
                      {"seed", std::to_string(seed)},
                      {"format", "pt"}});
}

} // namespace attnviz
