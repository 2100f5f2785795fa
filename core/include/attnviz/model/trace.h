// runModel: a Model run over input rows into a Trace — every layer × head's attention, and every
// intermediate step of the one (layer, head) asked for.
#pragma once

#include "attnviz/model/model.h"
#include "attnviz/multi_head_attention.h"

#include <Eigen/Core>

#include <optional>
#include <vector>

namespace attnviz {

struct TraceRequest {
    int layer = 0; // the (layer, head) whose steps are kept; −1 for none
    int head = 0;
    // Keep q, k, v, scores and output of every head of every layer (the dump of a one-block
    // module needs them; for deep models it costs memory, so it is off by default).
    bool keepAllHeads = false;
    // "No √dk scaling": the requested head's scores are not scaled, so its softmax sharpens as dk
    // grows (what the scaling prevents). Only that head changes; every other head is the model's.
    bool unscaled = false;
};

// The steps of one head, named as the step view draws them. X is the block's attention input
// (after norm1 for pre-LN models).
struct HeadSteps {
    int layer = 0, head = 0;
    Eigen::MatrixXf x;             // [N × d_model]
    Eigen::MatrixXf q, k, v;       // [N × dk], [N × dk], [N × dv]
    Eigen::MatrixXf rawScores;     // [N × N] Q·Kᵀ
    Eigen::MatrixXf scaledScores;  // [N × N] Q·Kᵀ / √dk
    Eigen::MatrixXf maskedScores;  // [N × N] with −∞ above the diagonal when causal
    Eigen::MatrixXf probabilities; // [N × N] row-wise softmax
    Eigen::MatrixXf headOutput;    // [N × dv]
    Eigen::MatrixXf concat;        // [N × heads·dv] all heads of the layer
    Eigen::MatrixXf output;        // [N × d_model] the attention module's output
};

struct LayerTrace {
    // heads[h].weights is always kept; q, k, v, scores and output only with keepAllHeads.
    AttentionResult attention;
    Eigen::MatrixXf input; // [N × d_model] the block's input (its residual stream)
};

struct Trace {
    Eigen::MatrixXf input; // [N × d_model] what the first block was fed
    std::vector<LayerTrace> layers;
    std::optional<HeadSteps> steps;
    Eigen::MatrixXf output; // [N × d_model] the last block's output (after a final norm)
};

// Runs every block over x [N × d_model]. Throws InputError when x's width is not the model's,
// when N exceeds the model's positions, or when a result is not finite (naming layer and head).
Trace runModel(const Model &model, const Eigen::MatrixXf &x, const TraceRequest &request = {});

} // namespace attnviz
