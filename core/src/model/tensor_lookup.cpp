#include "tensor_lookup.h"

#include "attnviz/error.h"
#include "attnviz/model/model_folder.h"

#include <algorithm>

namespace attnviz {

namespace {

thread_local LoadMeterScope *currentMeter = nullptr;

std::string shapeText(Eigen::Index rows, Eigen::Index cols) {
    return "[" + std::to_string(rows) + ", " + std::to_string(cols) + "]";
}

} // namespace

LoadMeterScope::LoadMeterScope(const LoadControl &control, const SafetensorsFile &file)
    : m_control(control)
    , m_outer(currentMeter) {
    for (const TensorInfo &t : file.tensors())
        m_total += t.end - t.begin;
    currentMeter = this;
    if (m_control.progress)
        m_control.progress(0, m_total);
}

LoadMeterScope::~LoadMeterScope() {
    currentMeter = m_outer;
}

void LoadMeterScope::before() const {
    if (m_control.cancel && m_control.cancel->load(std::memory_order_relaxed))
        throw InputError(ErrorId::LoadCancelled, {});
}

void LoadMeterScope::converted(std::uint64_t bytes) {
    m_done = std::min(m_total, m_done + bytes);
    if (m_control.progress)
        m_control.progress(m_done, m_total);
}

void LoadMeterScope::finish() {
    before();
    if (m_done != m_total)
        converted(m_total - m_done);
}

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
    if (currentMeter)
        currentMeter->before();
    Eigen::MatrixXf m = m_file.matrix(t);
    if (currentMeter)
        currentMeter->converted(t.end - t.begin);
    requireFinite(t.name, m.allFinite());
    return m;
}

Eigen::VectorXf TensorLookup::vector(const std::string &name, Eigen::Index length) const {
    const TensorInfo &t = find(name);
    if (t.shape.size() != 1 || t.shape[0] != static_cast<std::uint64_t>(length))
        throw InputError(ErrorId::TensorWrongShape,
                         {t.name, t.shapeText(), "[" + std::to_string(length) + "]"});
    if (currentMeter)
        currentMeter->before();
    Eigen::VectorXf v = m_file.vector(t);
    if (currentMeter)
        currentMeter->converted(t.end - t.begin);
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
