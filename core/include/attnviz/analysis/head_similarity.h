// Head similarity: how differently two heads attend (Jensen–Shannon distance) and an order of
// heads that puts similar ones side by side.
//
// Distance between heads a and b: for each row i with more than one allowed key (see
// head_metrics.h), the Jensen–Shannon distance between row i of A_a and row i of A_b, using
// base-2 logarithms, so each lies in [0, 1] (0 = the same distribution, 1 = no key in common):
//     JSD(P, Q) = H(M) − (H(P) + H(Q)) / 2,  M = (P + Q) / 2,  H in bits,  distance = √JSD,
// then the mean over those rows (0 when there are none). The square root makes it a metric
// (Endres & Schindelin 2003). Computed in float: distances below about 1e-3 are rounding
// (√ of float error); a head against an identical head gives exactly 0.
#pragma once

#include "attnviz/multi_head_attention.h"

#include <Eigen/Core>

#include <vector>

namespace attnviz {

// Mean row-wise Jensen–Shannon distance (base 2, in [0, 1]) between two heads' attention
// matrices. Throws InputError when the shapes differ or are not square.
double jensenShannonDistance(const Eigen::Ref<const Eigen::MatrixXf> &a,
                             const Eigen::Ref<const Eigen::MatrixXf> &b, bool causal);

// The symmetric heads × heads matrix of jensenShannonDistance, zero on the diagonal.
Eigen::MatrixXf headDistanceMatrix(const std::vector<Eigen::MatrixXf> &attention, bool causal);
Eigen::MatrixXf headDistanceMatrix(const AttentionResult &result, bool causal);

// Heads in dendrogram order of average-linkage (UPGMA) agglomerative clustering of a
// symmetric distance matrix: repeatedly merge the two closest clusters (ties: the pair whose
// smallest head indices come first), the cluster holding the lower head index on the left.
// Deterministic; identical heads end up next to each other. Throws InputError unless square.
std::vector<int> clusterOrder(const Eigen::Ref<const Eigen::MatrixXf> &distances);

} // namespace attnviz
