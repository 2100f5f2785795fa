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
