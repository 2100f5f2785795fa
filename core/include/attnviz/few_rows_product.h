// x · Wᵀ for a few rows of x, without Eigen's packing of W.
//
// A Transformer's projections at classroom sizes multiply a few dozen token rows by weights of
// hundreds of thousands of values, each used once per forward. Eigen's general product copies W
// into its packed layout on every call; at 32 rows that copy cost more than the arithmetic (a
// profile of the gpt2-small forward: 35 % packing, 29 % multiplying). W is stored column-major
// [out × in], so for every input feature k the weights of consecutive outputs are contiguous:
// this product reads W in place, a block of k at a time, and keeps a tile of outputs × rows in
// registers.
#pragma once

#include <Eigen/Core>

namespace attnviz::ops {

// yᵀ = W · xᵀ: x [N × in], weight [out × in] → yTransposed [out × N] (resized; must be neither x
// nor weight). Each output is one chain of fused multiply-adds over k in ascending order (Eigen
// adds per-block partial sums instead, so the two may differ in the last bits); the result does
// not depend on the thread count (threads split the outputs, never a sum).
void fewRowsProduct(const Eigen::MatrixXf &x, const Eigen::MatrixXf &weight,
                    Eigen::MatrixXf &yTransposed);

// Whether fewRowsProduct beats Eigen's product for x with this many rows in this build: with
// 16-float vectors (AVX-512) up to 128 rows (tests/bench/bench_model; at 256 rows and more Eigen's
// blocking wins). With 8 or 4 floats (AVX2, SSE2) it only matched Eigen at 32 rows and lost at
// 64 and more, so those builds keep Eigen's product.
bool fewRowsProductPays(Eigen::Index rows);

} // namespace attnviz::ops
