#include "attnviz/ops.h"

#include "attnviz/few_rows_product.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#ifdef _OPENMP
#include <omp.h>
#endif

#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

namespace attnviz::ops {

Eigen::MatrixXf linear(const Eigen::MatrixXf &x, const LinearLayer &layer) {
    if (fewRowsProductPays(x.rows())) {
        Eigen::MatrixXf yTransposed;
        fewRowsProduct(x, layer.weight, yTransposed);
        yTransposed.colwise() += layer.bias;
        return yTransposed.transpose();
    }
    Eigen::MatrixXf y(x.rows(), layer.weight.rows());
    y.noalias() = x * layer.weight.transpose();
    y.rowwise() += layer.bias.transpose();
    return y;
}

Eigen::MatrixXf layerNorm(const Eigen::MatrixXf &x, const Eigen::VectorXf &weight,
                          const Eigen::VectorXf &bias, float eps) {
    // Whole-matrix expressions (each pass runs down the columns, which Eigen vectorises), still
    // accumulated in double.
    const double width = static_cast<double>(x.cols());
    Eigen::MatrixXd centred = x.cast<double>();
    const Eigen::VectorXd mean = centred.rowwise().sum() / width;
    centred.colwise() -= mean;
    const Eigen::ArrayXd inverse =
        ((centred.array().square().rowwise().sum() / width) + static_cast<double>(eps))
            .sqrt()
            .inverse();
    Eigen::MatrixXf y = (centred.array().colwise() * inverse).cast<float>().matrix();
    y.array().rowwise() *= weight.transpose().array();
    y.rowwise() += bias.transpose();
    return y;
}

// Eigen's vectorised erf and tanh (rational approximations within a few ulp of the libm results)
// instead of a libm call per element: the MLP's activation was as costly as its products.
Eigen::MatrixXf geluErf(const Eigen::MatrixXf &x) {
    constexpr float kInverseRoot2 = 0.70710678118654752f;
    Eigen::MatrixXf y(x.rows(), x.cols());
    y.array() = 0.5f * x.array() * (1.0f + (x.array() * kInverseRoot2).erf());
    return y;
}

Eigen::MatrixXf geluTanh(const Eigen::MatrixXf &x) {
    constexpr float kRoot2OverPi = 0.79788456080286536f;
    const auto v = x.array();
    Eigen::MatrixXf y(x.rows(), x.cols());
    y.array() = 0.5f * v * (1.0f + (kRoot2OverPi * (v + 0.044715f * v * v * v)).tanh());
    return y;
}

void applyCausalMask(Eigen::MatrixXf &scores) {
    const Eigen::Index n = scores.rows();
    for (Eigen::Index j = 1; j < scores.cols(); ++j)
        scores.col(j).head(std::min(j, n)).setConstant(-std::numeric_limits<float>::infinity());
}

namespace {
std::atomic<int> processWideThreads{0}; // setComputeThreads' count; 0: none fixed
} // namespace

void setComputeThreads(int n) {
    processWideThreads = std::max(n, 0);
    Eigen::setNbThreads(std::max(n, 0)); // 0: OpenMP's default (OMP_NUM_THREADS or every core)
}

int computeThreads() {
    return Eigen::nbThreads();
}

ThisThreadComputeLimit::ThisThreadComputeLimit([[maybe_unused]] int threads) {
#ifdef _OPENMP
    // Eigen asks OpenMP for the calling thread's count unless a process-wide one was set, so the
    // thread's own OpenMP setting reaches Eigen's products and the core's parallel loops alike.
    if (processWideThreads == 0 && threads > 0 && threads < omp_get_max_threads()) {
        m_previous = omp_get_max_threads();
        omp_set_num_threads(threads);
    }
#endif
}

ThisThreadComputeLimit::~ThisThreadComputeLimit() {
#ifdef _OPENMP
    if (m_previous > 0)
        omp_set_num_threads(m_previous);
#endif
}

} // namespace attnviz::ops
