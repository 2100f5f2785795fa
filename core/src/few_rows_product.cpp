#include "attnviz/few_rows_product.h"

#include <algorithm>

namespace attnviz::ops {

namespace {

// Eigen's SIMD packet for this build (16 floats with AVX-512, 8 with AVX, 4 with SSE2).
using Packet = Eigen::internal::packet_traits<float>::type;
constexpr int kLanes = Eigen::internal::packet_traits<float>::size;

// The register tile: kRows rows × kPackets packets of outputs (24 accumulators with AVX-512,
// which has 32 vector registers), and the block of k that keeps a W tile in the L1 cache.
// Chosen by measuring every combination from 3 × 8 to 8 × 2 at 32, 128 and 512 rows.
constexpr int kRows = 6;
constexpr int kPackets = 4;
constexpr Eigen::Index kOutputsPerPanel = kPackets * kLanes;
constexpr Eigen::Index kDepthBlock = 256;

// yᵀ[outputs of the panel, rows r0 … r0 + R) (+)= W[panel, k block] · x[rows, k block]ᵀ.
// w points at W(j0, k0) (column stride ldw), x at x(r0, k0) (column stride ldx), y at yᵀ(j0, r0)
// (column stride ldy). The first k block starts the sums, later ones add to them.
template <int R>
void tile(const float *w, Eigen::Index ldw, const float *x, Eigen::Index ldx, Eigen::Index depth,
          float *y, Eigen::Index ldy, bool first) {
    using namespace Eigen::internal;
    Packet sums[R][kPackets];
    for (int r = 0; r < R; ++r)
        for (int p = 0; p < kPackets; ++p)
            sums[r][p] = first ? pset1<Packet>(0.0f) : ploadu<Packet>(y + r * ldy + p * kLanes);
    for (Eigen::Index k = 0; k < depth; ++k) {
        Packet weights[kPackets];
        for (int p = 0; p < kPackets; ++p)
            weights[p] = ploadu<Packet>(w + k * ldw + p * kLanes);
        for (int r = 0; r < R; ++r) {
            const Packet input = pset1<Packet>(x[r + k * ldx]);
            for (int p = 0; p < kPackets; ++p)
                sums[r][p] = pmadd(input, weights[p], sums[r][p]);
        }
    }
    for (int r = 0; r < R; ++r)
        for (int p = 0; p < kPackets; ++p)
            pstoreu(y + r * ldy + p * kLanes, sums[r][p]);
}

// The last rows when N is not a multiple of kRows.
template <int R = kRows - 1>
void partialTile(int rows, const float *w, Eigen::Index ldw, const float *x, Eigen::Index ldx,
                 Eigen::Index depth, float *y, Eigen::Index ldy, bool first) {
    if constexpr (R > 0) {
        if (rows == R)
            return tile<R>(w, ldw, x, ldx, depth, y, ldy, first);
        partialTile<R - 1>(rows, w, ldw, x, ldx, depth, y, ldy, first);
    }
}

} // namespace

void fewRowsProduct(const Eigen::MatrixXf &x, const Eigen::MatrixXf &weight,
                    Eigen::MatrixXf &yTransposed) {
    eigen_assert(x.cols() == weight.cols());
    eigen_assert(&yTransposed != &x && &yTransposed != &weight);
    const Eigen::Index n = x.rows(), in = x.cols(), out = weight.rows();
    yTransposed.resize(out, n);
    if (in == 0) { // an empty sum: the k blocks below would never start the tiles
        yTransposed.setZero();
        return;
    }
    const Eigen::Index panels = out / kOutputsPerPanel;
    const float *w0 = weight.data();
    const float *x0 = x.data();
    float *y0 = yTransposed.data();
    const int threads = Eigen::nbThreads();
    // Threads take whole panels of outputs; each output's sum runs in one thread in k order.
#pragma omp parallel for schedule(static) num_threads(threads) if (threads > 1 && panels > 1)
    for (Eigen::Index panel = 0; panel < panels; ++panel) {
        const Eigen::Index j0 = panel * kOutputsPerPanel;
        for (Eigen::Index k0 = 0; k0 < in; k0 += kDepthBlock) {
            const Eigen::Index depth = std::min(kDepthBlock, in - k0);
            const float *w = w0 + j0 + k0 * out;
            Eigen::Index r0 = 0;
            for (; r0 + kRows <= n; r0 += kRows)
                tile<kRows>(w, out, x0 + r0 + k0 * n, n, depth, y0 + j0 + r0 * out, out, k0 == 0);
            if (r0 < n)
                partialTile(static_cast<int>(n - r0), w, out, x0 + r0 + k0 * n, n, depth,
                            y0 + j0 + r0 * out, out, k0 == 0);
        }
    }
    // Outputs past the last whole panel (out not a multiple of the panel width): Eigen's product.
    const Eigen::Index done = panels * kOutputsPerPanel;
    if (done < out)
        yTransposed.bottomRows(out - done).noalias() =
            weight.bottomRows(out - done) * x.transpose();
}

bool fewRowsProductPays(Eigen::Index rows) {
    return kLanes >= 16 && rows <= 128;
}

} // namespace attnviz::ops
