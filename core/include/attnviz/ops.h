// The numeric building blocks of a Transformer block, each a pure function with a one-line
// contract.
//
// Conventions (as for the whole core): Eigen::MatrixXf, row i is token i, no batch dimension.
#pragma once

#include "attnviz/attention_weights.h"

#include <Eigen/Core>

namespace attnviz::ops {

// y = x · Wᵀ + b with W [out × in] (nn.Linear's layout). x [N × in] → [N × out].
Eigen::MatrixXf linear(const Eigen::MatrixXf &x, const LinearLayer &layer);

// Each row normalised to mean 0 and biased variance 1, then · weight + bias (nn.LayerNorm over
// the last dimension). Statistics are accumulated in double, the result is float.
Eigen::MatrixXf layerNorm(const Eigen::MatrixXf &x, const Eigen::VectorXf &weight,
                          const Eigen::VectorXf &bias, float eps);

// 0.5 · x · (1 + erf(x / √2)): BERT's "gelu" and torch.nn.functional.gelu.
Eigen::MatrixXf geluErf(const Eigen::MatrixXf &x);

// 0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))): GPT-2's "gelu_new".
Eigen::MatrixXf geluTanh(const Eigen::MatrixXf &x);

// Sets scores above the diagonal (keys after the query) to −∞ in place.
void applyCausalMask(Eigen::MatrixXf &scores);

// Threads the core's matrix products may use (OpenMP through Eigen): n ≥ 1, or 0 for OpenMP's
// default (OMP_NUM_THREADS, else every core).
// Set here rather than with Eigen::setNbThreads so the setting reaches the core's own copy of
// Eigen (in a packaged build the core is a shared library built twice, see cmake/).
void setComputeThreads(int n);
int computeThreads();

// While it lives, the calling thread's own work uses at most `threads` compute threads (its
// OpenMP teams; other threads keep theirs); 0 changes nothing, and neither does a count fixed
// for the whole process with setComputeThreads. For work too small to share: on a machine
// whose other core is painting the window, a second compute thread's every wake-up waits for
// that core, and a 2 ms update took 30–60 ms.
class ThisThreadComputeLimit {
public:
    explicit ThisThreadComputeLimit(int threads);
    ~ThisThreadComputeLimit();
    ThisThreadComputeLimit(const ThisThreadComputeLimit &) = delete;
    ThisThreadComputeLimit &operator=(const ThisThreadComputeLimit &) = delete;

private:
    int m_previous = 0; // 0: nothing to restore
};

} // namespace attnviz::ops
