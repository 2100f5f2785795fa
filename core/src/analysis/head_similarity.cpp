#include "attnviz/analysis/head_similarity.h"

#include "attnviz/error.h"
#include "attnviz/ops.h"
#include "x_log_x.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace attnviz {

namespace {

using ConstMatrixRef = Eigen::Ref<const Eigen::MatrixXf>;

void checkShapes(const ConstMatrixRef &a, const ConstMatrixRef &b) {
    if (a.rows() != a.cols() || b.rows() != b.cols() || a.rows() != b.rows())
        throw InputError("heads can only be compared on square attention matrices of one size, "
                         "got " +
                         std::to_string(a.rows()) + " × " + std::to_string(a.cols()) + " and " +
                         std::to_string(b.rows()) + " × " + std::to_string(b.cols()));
}

// Two vectorised reductions: a NaN or ±∞ anywhere makes the sum non-finite.
void checkWeights(const ConstMatrixRef &a) {
    if (a.size() > 0 && (!std::isfinite(a.sum()) || a.minCoeff() < 0.0f))
        throw InputError("heads can only be compared on attention weights, which are finite and "
                         "not negative");
}

// Per row, Σ_j m ln m over the allowed keys with m = (a + b) / 2. With a = b this is exactly
// the row's −H(a), bit for bit, which is what makes a head's distance to itself exactly 0.
Eigen::VectorXf rowNegEntropyOfMean(const ConstMatrixRef &a, const ConstMatrixRef &b, bool causal) {
    const Eigen::Index n = a.rows();
    Eigen::VectorXf sum = Eigen::VectorXf::Zero(n);
    for (Eigen::Index j = 0; j < n; ++j) {
        const Eigen::Index top = causal ? j : 0;
        const float *columnA = a.col(j).data() + top;
        const float *columnB = b.col(j).data() + top;
        float *rowSums = sum.data() + top;
        for (Eigen::Index i = 0; i < n - top; ++i) // a plain loop: vectorised by the compiler
            rowSums[i] += detail::xLogX((columnA[i] + columnB[i]) * 0.5f);
    }
    return sum;
}

// Mean over the rows with more than one allowed key of √JSD_i, from the rows' −H (nats).
double meanDistance(const Eigen::VectorXf &negEntropyA, const Eigen::VectorXf &negEntropyB,
                    const Eigen::VectorXf &negEntropyMean, bool causal) {
    const Eigen::Index n = negEntropyA.size();
    const Eigen::Index firstRow = causal ? 1 : (n >= 2 ? 0 : n);
    if (firstRow >= n)
        return 0.0;
    double total = 0.0;
    for (Eigen::Index i = firstRow; i < n; ++i) {
        const double nats = 0.5 * (static_cast<double>(negEntropyA[i]) + negEntropyB[i]) -
                            static_cast<double>(negEntropyMean[i]);
        total += std::sqrt(std::clamp(nats / std::numbers::ln2, 0.0, 1.0));
    }
    return total / static_cast<double>(n - firstRow);
}

Eigen::MatrixXf distanceMatrix(const std::vector<const Eigen::MatrixXf *> &heads, bool causal) {
    const auto count = static_cast<Eigen::Index>(heads.size());
    for (const Eigen::MatrixXf *head : heads) {
        checkShapes(*heads.front(), *head);
        checkWeights(*head);
    }
    std::vector<Eigen::VectorXf> negEntropy;
    negEntropy.reserve(heads.size());
    for (const Eigen::MatrixXf *head : heads)
        negEntropy.push_back(rowNegEntropyOfMean(*head, *head, causal));
    Eigen::MatrixXf distances = Eigen::MatrixXf::Zero(count, count);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t a = 0; a < heads.size(); ++a)
        for (std::size_t b = a + 1; b < heads.size(); ++b)
            pairs.emplace_back(a, b);
    // Every pair is independent (its own cells, the same arithmetic whichever thread runs it), so
    // the pairs are shared over the compute threads: at 16 heads and N = 128 this is most of the
    // analysis, and it runs on every update while the similarity panel is shown.
    const auto pairCount = static_cast<std::ptrdiff_t>(pairs.size());
    const bool parallel =
        ops::computeThreads() > 1 && pairCount > 1 && heads.front()->size() >= 64 * 64;
#pragma omp parallel for schedule(dynamic) num_threads(ops::computeThreads()) if (parallel)
    for (std::ptrdiff_t p = 0; p < pairCount; ++p) {
        const auto [a, b] = pairs[static_cast<std::size_t>(p)];
        const double d = meanDistance(negEntropy[a], negEntropy[b],
                                      rowNegEntropyOfMean(*heads[a], *heads[b], causal), causal);
        distances(Eigen::Index(a), Eigen::Index(b)) = distances(Eigen::Index(b), Eigen::Index(a)) =
            static_cast<float>(d);
    }
    return distances;
}

} // namespace

double jensenShannonDistance(const ConstMatrixRef &a, const ConstMatrixRef &b, bool causal) {
    checkShapes(a, b);
    checkWeights(a);
    checkWeights(b);
    return meanDistance(rowNegEntropyOfMean(a, a, causal), rowNegEntropyOfMean(b, b, causal),
                        rowNegEntropyOfMean(a, b, causal), causal);
}

Eigen::MatrixXf headDistanceMatrix(const std::vector<Eigen::MatrixXf> &attention, bool causal) {
    std::vector<const Eigen::MatrixXf *> heads;
    for (const Eigen::MatrixXf &a : attention)
        heads.push_back(&a);
    return distanceMatrix(heads, causal);
}

Eigen::MatrixXf headDistanceMatrix(const AttentionResult &result, bool causal) {
    std::vector<const Eigen::MatrixXf *> heads;
    for (const HeadResult &head : result.heads)
        heads.push_back(&head.weights);
    return distanceMatrix(heads, causal);
}

std::vector<int> clusterOrder(const Eigen::Ref<const Eigen::MatrixXf> &distances) {
    if (distances.rows() != distances.cols())
        throw InputError("a head distance matrix must be square, got " +
                         std::to_string(distances.rows()) + " × " +
                         std::to_string(distances.cols()));
    if (!std::isfinite(distances.sum()))
        throw InputError("a head distance matrix holds a value that is not a finite number");
    const auto count = static_cast<std::size_t>(distances.rows());
    // Cluster k lives in slot k, k being its smallest head index; merged clusters keep the
    // smaller slot. Average linkage by the Lance–Williams update, in double.
    Eigen::MatrixXd linkage = distances.cast<double>();
    std::vector<std::vector<int>> leaves(count);
    std::vector<bool> active(count, true);
    for (std::size_t k = 0; k < count; ++k)
        leaves[k] = {static_cast<int>(k)};

    for (std::size_t merges = 1; merges < count; ++merges) {
        std::size_t left = 0, right = 0;
        double closest = std::numeric_limits<double>::infinity();
        for (std::size_t a = 0; a < count; ++a) {
            for (std::size_t b = a + 1; b < count && active[a]; ++b) {
                const double d =
                    linkage(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
                if (active[b] && (d < closest || right == 0)) {
                    closest = d;
                    left = a;
                    right = b;
                }
            }
        }
        const double sizeLeft = static_cast<double>(leaves[left].size());
        const double sizeRight = static_cast<double>(leaves[right].size());
        for (std::size_t c = 0; c < count; ++c) {
            if (!active[c] || c == left || c == right)
                continue;
            const auto l = static_cast<Eigen::Index>(left), r = static_cast<Eigen::Index>(right),
                       o = static_cast<Eigen::Index>(c);
            const double merged =
                (sizeLeft * linkage(l, o) + sizeRight * linkage(r, o)) / (sizeLeft + sizeRight);
            linkage(l, o) = linkage(o, l) = merged;
        }
        leaves[left].insert(leaves[left].end(), leaves[right].begin(), leaves[right].end());
        leaves[right].clear();
        active[right] = false;
    }
    return count == 0 ? std::vector<int>{} : leaves[0];
}

} // namespace attnviz
