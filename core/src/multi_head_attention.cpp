#include "attnviz/multi_head_attention.h"

#include "attnviz/error.h"

#include <cmath>
#include <limits>
#include <string>

namespace attnviz {

namespace {

// y = x · Wᵀ + b, as nn.Linear.
Eigen::MatrixXf applyLinear(const Eigen::MatrixXf &x, const LinearLayer &layer) {
    Eigen::MatrixXf y(x.rows(), layer.weight.rows());
    y.noalias() = x * layer.weight.transpose();
    y.rowwise() += layer.bias.transpose();
    return y;
}

// One head's slice of a projection: rows [first, first + count) of nn.Linear. Projecting per
// head keeps a head's numbers bit-identical whatever the head count around it.
Eigen::MatrixXf applyHeadSlice(const Eigen::MatrixXf &x, const LinearLayer &layer, int first,
                               int count) {
    Eigen::MatrixXf y(x.rows(), count);
    y.noalias() = x * layer.weight.middleRows(first, count).transpose();
    y.rowwise() += layer.bias.segment(first, count).transpose();
    return y;
}

// Finite weights can still overflow float (3e38 · 3e38): refuse instead of drawing NaN.
void requireFinite(const Eigen::MatrixXf &m, const char *what, int head) {
    if (m.allFinite())
        return;
    if (head >= 0)
        throw InputError(ErrorId::OverflowOfHead, {what, std::to_string(head + 1)});
    throw InputError(ErrorId::OverflowOfOutput, {what});
}

} // namespace

Eigen::MatrixXf softmaxRows(const Eigen::MatrixXf &scores) {
    // Column by column: the matrices are column-major, and a plain column expression is what
    // Eigen vectorises (its SIMD exp); −∞ − max gives exp(−∞) = 0 exactly.
    const Eigen::VectorXf rowMax = scores.rowwise().maxCoeff();
    Eigen::MatrixXf result(scores.rows(), scores.cols());
    for (Eigen::Index j = 0; j < scores.cols(); ++j)
        result.col(j).array() = (scores.col(j) - rowMax).array().exp();
    const Eigen::VectorXf inverseSum = result.rowwise().sum().cwiseInverse();
    for (Eigen::Index j = 0; j < result.cols(); ++j)
        result.col(j).array() *= inverseSum.array();
    return result;
}

AttentionResult attentionForward(const Eigen::MatrixXf &x, const AttentionWeights &weights,
                                 bool causal) {
    if (x.cols() != weights.dModel)
        throw InputError(
            "the input rows have " + std::to_string(x.cols()) +
            " values but the weights expect d_model = " + std::to_string(weights.dModel));
    const Eigen::Index n = x.rows();

    // The seed's Self_Attention multiplies by dk ** -0.5, MultiHeadAttention divides by
    // dk ** 0.5; both are kept so single-head mode matches its module to the last bit.
    const bool singleHead = !weights.out.has_value();
    const auto dkRoot = static_cast<float>(std::sqrt(static_cast<double>(weights.dk)));
    const auto dkInverseRoot = static_cast<float>(1.0 / std::sqrt(static_cast<double>(weights.dk)));

    AttentionResult result;
    result.heads.resize(static_cast<std::size_t>(weights.heads));
    result.concat.resize(n, static_cast<Eigen::Index>(weights.heads) * weights.dv);
    for (int h = 0; h < weights.heads; ++h) {
        HeadResult &head = result.heads[static_cast<std::size_t>(h)];
        head.q = applyHeadSlice(x, weights.q, h * weights.dk, weights.dk);
        head.k = applyHeadSlice(x, weights.k, h * weights.dk, weights.dk);
        head.v = applyHeadSlice(x, weights.v, h * weights.dv, weights.dv);
        requireFinite(head.q, "queries", h);
        requireFinite(head.k, "keys", h);
        requireFinite(head.v, "values", h);
        head.scores.resize(n, n);
        head.scores.noalias() = head.q * head.k.transpose();
        if (singleHead)
            head.scores *= dkInverseRoot;
        else
            head.scores /= dkRoot;
        requireFinite(head.scores, "scores", h); // before the mask adds its own −∞
        if (causal) {
            for (Eigen::Index i = 0; i < n; ++i)
                for (Eigen::Index j = i + 1; j < n; ++j)
                    head.scores(i, j) = -std::numeric_limits<float>::infinity();
        }
        head.weights = softmaxRows(head.scores);
        head.output.resize(n, weights.dv);
        head.output.noalias() = head.weights * head.v;
        requireFinite(head.output, "outputs", h);
        result.concat.middleCols(h * weights.dv, weights.dv) = head.output;
    }
    result.output = singleHead ? result.concat : applyLinear(result.concat, *weights.out);
    requireFinite(result.output, "outputs of the output projection", -1);
    return result;
}

} // namespace attnviz
