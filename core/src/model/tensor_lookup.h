// TensorLookup: a checkpoint's tensors by name, with optional prefixes and legacy aliases, checked
// for shape, with errors that name the tensor.
#pragma once

#include "attnviz/model/model.h"
#include "attnviz/safetensors.h"

#include <Eigen/Core>

#include <initializer_list>
#include <string>
#include <vector>

namespace attnviz {

struct LoadControl;

// While it lives, TensorLookups on this thread report each tensor they convert to `control`
// (progress in bytes of `file`'s tensors) and stop when it is cancelled; loadModelFolder opens
// one around a family's builder, so the builders need not pass it along.
class LoadMeterScope {
public:
    LoadMeterScope(const LoadControl &control, const SafetensorsFile &file);
    ~LoadMeterScope();
    LoadMeterScope(const LoadMeterScope &) = delete;
    LoadMeterScope &operator=(const LoadMeterScope &) = delete;
    void finish(); // reports done == total (tensors the model ignores count as done)

private:
    friend class TensorLookup;
    void before() const;                 // throws InputError when cancelled
    void converted(std::uint64_t bytes); // reports progress
    const LoadControl &m_control;
    std::uint64_t m_done = 0, m_total = 0;
    LoadMeterScope *m_outer;
};

class TensorLookup {
public:
    // Names are tried bare and with each prefix ("transformer.", "bert."), first match wins.
    TensorLookup(const SafetensorsFile &file, std::vector<std::string> prefixes,
                 std::string fileName);

    bool has(const std::string &name) const;
    // A [rows × cols] matrix exactly as stored (row-major in the file).
    Eigen::MatrixXf matrix(const std::string &name, Eigen::Index rows, Eigen::Index cols) const;
    Eigen::VectorXf vector(const std::string &name, Eigen::Index length) const;
    // nn.Linear: `name`.weight [out × in] and `name`.bias [out].
    LinearLayer linear(const std::string &name, int out, int in) const;
    // nn.LayerNorm: `name`.weight/.bias, or the legacy `name`.gamma/.beta.
    LayerNormWeights layerNorm(const std::string &name, int width, float eps) const;

private:
    const TensorInfo &find(const std::string &name) const;
    void requireFinite(const std::string &name, bool finite) const;

    const SafetensorsFile &m_file;
    std::vector<std::string> m_prefixes;
    std::string m_fileName;
};

} // namespace attnviz
