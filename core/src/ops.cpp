#include "attnviz/ops.h"

#include <cmath>
#include <limits>

namespace attnviz::ops {

Eigen::MatrixXf linear(const Eigen::MatrixXf &x, const LinearLayer &layer) {
    Eigen::MatrixXf y(x.rows(), layer.weight.rows());
    y.noalias() = x * layer.weight.transpose();
    y.rowwise() += layer.bias.transpose();
    return y;
}

Eigen::MatrixXf layerNorm(const Eigen::MatrixXf &x, const Eigen::VectorXf &weight,
                          const Eigen::VectorXf &bias, float eps) {
    Eigen::MatrixXf y(x.rows(), x.cols());
    const auto width = static_cast<double>(x.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const Eigen::RowVectorXd row = x.row(i).cast<double>();
        const double mean = row.sum() / width;
        const double variance = (row.array() - mean).square().sum() / width;
        const double inverse = 1.0 / std::sqrt(variance + static_cast<double>(eps));
        y.row(i) = ((row.array() - mean) * inverse).cast<float>().matrix();
    }
    y.array().rowwise() *= weight.transpose().array();
    y.rowwise() += bias.transpose();
    return y;
}

Eigen::MatrixXf geluErf(const Eigen::MatrixXf &x) {
    constexpr float kInverseRoot2 = 0.70710678118654752f;
    return x.unaryExpr([](float v) { return 0.5f * v * (1.0f + std::erf(v * kInverseRoot2)); });
}

Eigen::MatrixXf geluTanh(const Eigen::MatrixXf &x) {
    constexpr float kRoot2OverPi = 0.79788456080286536f;
    return x.unaryExpr([](float v) {
        return 0.5f * v * (1.0f + std::tanh(kRoot2OverPi * (v + 0.044715f * v * v * v)));
    });
}

void applyCausalMask(Eigen::MatrixXf &scores) {
    const Eigen::Index n = scores.rows();
    for (Eigen::Index j = 1; j < scores.cols(); ++j)
        scores.col(j).head(std::min(j, n)).setConstant(-std::numeric_limits<float>::infinity());
}

} // namespace attnviz::ops
