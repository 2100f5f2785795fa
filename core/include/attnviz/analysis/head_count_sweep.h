// Head-count sweep: the same sentence through 1, 2, 4, 8, 16 heads, each head's entropy, to show
// how the spread of heads changes with the head count.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace attnviz {

// One head count of the sweep.
struct HeadCountPoint {
    int heads = 0;
    int headWidth = 0;           // dk = dv = d_model / heads
    std::vector<double> entropy; // normalised entropy of each head (head_metrics.h); empty when
                                 // no row has more than one allowed key (a one-token sentence)
};

// The head counts the sweep tries, in order.
inline const std::vector<int> &defaultSweepHeadCounts() {
    static const std::vector<int> counts{1, 2, 4, 8, 16};
    return counts;
}

// For each count h in `headCounts` that divides d_model = x.cols(): random weights
// (makeRandomWeights with `seed`, dk = dv = d_model / h, with an output projection) and
// attentionForward over x [N × d_model] with the causal flag, then each head's normalised
// entropy. Counts that do not divide d_model are skipped. Throws InputError for an empty x or a
// width validate() refuses.
std::vector<HeadCountPoint>
sweepHeadCounts(const Eigen::MatrixXf &x, std::uint64_t seed, bool causal,
                const std::vector<int> &headCounts = defaultSweepHeadCounts());

} // namespace attnviz
