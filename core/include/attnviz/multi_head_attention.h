// The attention forward pass of the seed's MultiHeadAttention and Self_Attention modules.
//
// Conventions, once for the whole core:
//  - Matrices are Eigen::MatrixXf. Row i is token i; the batch dimension of PyTorch is absent.
//  - Token order is the sentence's reading order; row i of an attention matrix is query i,
//    column j is key j, and each row sums to 1.
//  - Shapes are written [rows × columns]; N is the number of tokens.
#pragma once

#include "attnviz/attention_weights.h"

#include <Eigen/Core>

#include <vector>

namespace attnviz {

// One head's intermediates, exactly the tensors of the seed's forward for that head.
struct HeadResult {
    Eigen::MatrixXf q;       // [N × dk]  Q = X·Wqᵀ + bq, this head's columns
    Eigen::MatrixXf k;       // [N × dk]
    Eigen::MatrixXf v;       // [N × dv]
    Eigen::MatrixXf scores;  // [N × N]   Q·Kᵀ / √dk; masked cells are −∞
    Eigen::MatrixXf weights; // [N × N]   row-wise softmax of scores; masked cells exactly 0
    Eigen::MatrixXf output;  // [N × dv]  weights · V
};

struct AttentionResult {
    std::vector<HeadResult> heads;
    Eigen::MatrixXf concat; // [N × heads·dv] the heads' outputs side by side
    Eigen::MatrixXf output; // [N × d_model] out projection of concat; [N × dv] in single-head mode
};

// Row-wise softmax that subtracts each row's maximum first; −∞ entries become exactly 0. A row
// that is entirely −∞ cannot occur with a causal mask (the diagonal is always kept).
Eigen::MatrixXf softmaxRows(const Eigen::MatrixXf &scores);

// Runs attention over x [N × d_model]. With causal set, scores above the diagonal are −∞ before
// the softmax. Throws InputError when x's width differs from the weights' d_model.
AttentionResult attentionForward(const Eigen::MatrixXf &x, const AttentionWeights &weights,
                                 bool causal);

} // namespace attnviz
