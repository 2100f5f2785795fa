#include "tensor_lookup.h"

#include "attnviz/error.h"

namespace attnviz {

namespace {

std::string shapeText(Eigen::Index rows, Eigen::Index cols) {
    return "[" + std::to_string(rows) + ", " + std::to_string(cols) + "]";
}

} // namespace

TensorLookup::TensorLookup(const SafetensorsFile &file, std::vector<std::string> prefixes,
                           std::string fileName)
    : m_file(file)
    , m_prefixes(std::move(prefixes))
    , m_fileName(std::move(fileName)) {}

bool TensorLookup::has(const std::string &name) const {
    if (m_file.find(name))
        return true;
    for (const std::string &prefix : m_prefixes)
        if (m_file.find(prefix + name))
            return true;
    return false;
}

const TensorInfo &TensorLookup::find(const std::string &name) const {
    if (const TensorInfo *t = m_file.find(name))
        return *t;
    for (const std::string &prefix : m_prefixes)
        if (const TensorInfo *t = m_file.find(prefix + name))
            return *t;
    if (m_prefixes.empty())
        throw InputError(ErrorId::TensorMissing, {m_fileName, name});
    throw InputError(ErrorId::TensorMissingWithPrefix, {m_fileName, name, m_prefixes.front()});
}

void TensorLookup::requireFinite(const std::string &name, bool finite) const {
    if (!finite)
        throw InputError(ErrorId::TensorNotFinite, {name, m_fileName});
}

Eigen::MatrixXf TensorLookup::matrix(const std::string &name, Eigen::Index rows,
                                     Eigen::Index cols) const {
    const TensorInfo &t = find(name);
    if (t.shape.size() != 2 || t.shape[0] != static_cast<std::uint64_t>(rows) ||
        t.shape[1] != static_cast<std::uint64_t>(cols))
        throw InputError(ErrorId::TensorWrongShape, {t.name, t.shapeText(), shapeText(rows, cols)});
    Eigen::MatrixXf m = m_file.matrix(t);
    requireFinite(t.name, m.allFinite());
    return m;
}

Eigen::VectorXf TensorLookup::vector(const std::string &name, Eigen::Index length) const {
    const TensorInfo &t = find(name);
    if (t.shape.size() != 1 || t.shape[0] != static_cast<std::uint64_t>(length))
        throw InputError(ErrorId::TensorWrongShape,
                         {t.name, t.shapeText(), "[" + std::to_string(length) + "]"});
    Eigen::VectorXf v = m_file.vector(t);
    requireFinite(t.name, v.allFinite());
    return v;
}

LinearLayer TensorLookup::linear(const std::string &name, int out, int in) const {
    return {matrix(name + ".weight", out, in), vector(name + ".bias", out)};
}

LayerNormWeights TensorLookup::layerNorm(const std::string &name, int width, float eps) const {
    const bool legacy = !has(name + ".weight") && has(name + ".gamma");
    return {vector(name + (legacy ? ".gamma" : ".weight"), width),
            vector(name + (legacy ? ".beta" : ".bias"), width), eps};
}

} // namespace attnviz
