// Whole-model speed: the forward of a gpt2-small-shaped model (12 layers, 12 heads, d 768, MLP
// 3072, random weights) through runModel, at N = 32, 128 and 512, on one thread and on two. The
// PyTorch yardstick is the fixture script's forward of the same shape; tests/bench/compare_torch.py
// runs both in one go and prints the table of the README.
//
//   build/release/tests/bench/bench_model [--benchmark_filter=...]
#include <attnviz/model/model.h>
#include <attnviz/model/trace.h>
#include <attnviz/ops.h>

#include <benchmark/benchmark.h>

#include <malloc.h>

#include <cmath>
#include <random>

using namespace attnviz;

namespace {

constexpr int kLayers = 12, kHeads = 12, kWidth = 768, kMlpWidth = 3072;

Eigen::MatrixXf normal(std::mt19937 &rng, Eigen::Index rows, Eigen::Index cols, double stddev) {
    std::normal_distribution<float> dist(0.0f, static_cast<float>(stddev));
    Eigen::MatrixXf m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = dist(rng);
    return m;
}

LinearLayer linear(std::mt19937 &rng, int out, int in, double stddev) {
    return {normal(rng, out, in, stddev), normal(rng, out, 1, 0.05).col(0)};
}

LayerNormWeights norm(std::mt19937 &rng) {
    return {(Eigen::VectorXf::Ones(kWidth) + normal(rng, kWidth, 1, 0.1).col(0)),
            normal(rng, kWidth, 1, 0.05).col(0), 1e-5f};
}

// GPT-2's wiring (pre-LN, causal, gelu_new, final norm) with the fixture script's weight spreads,
// so attention is not flat; embeddings are fed directly, as the script's --bench does.
const Model &gpt2Small() {
    static const Model model = [] {
        std::mt19937 rng(21);
        Model m;
        m.spec.family = ModelFamily::Gpt2;
        m.spec.name = "gpt2-small-shape";
        m.spec.norm = NormPlacement::Pre;
        m.spec.scaling = QueryScaling::DivideScores;
        m.spec.causal = true;
        m.spec.maxPositions = 1024;
        const double qk = std::sqrt(2.0 / kWidth), v = 1.0 / std::sqrt(kWidth);
        for (int l = 0; l < kLayers; ++l) {
            Block block;
            AttentionWeights &a = block.attention;
            a.heads = kHeads;
            a.dk = a.dv = kWidth / kHeads;
            a.dModel = kWidth;
            a.q = linear(rng, kWidth, kWidth, qk);
            a.k = linear(rng, kWidth, kWidth, qk);
            a.v = linear(rng, kWidth, kWidth, v);
            a.out = linear(rng, kWidth, kWidth, 0.5 * v);
            block.norm1 = norm(rng);
            block.norm2 = norm(rng);
            block.mlp = MlpWeights{linear(rng, kMlpWidth, kWidth, qk),
                                   linear(rng, kWidth, kMlpWidth, 0.5 / std::sqrt(kMlpWidth)),
                                   Activation::GeluTanh};
            m.blocks.push_back(std::move(block));
        }
        m.finalNorm = norm(rng);
        return m;
    }();
    return model;
}

// Args: N, threads. The window's default request: every head's attention and one head's steps.
void BM_Gpt2SmallForward(benchmark::State &state) {
    const auto n = static_cast<Eigen::Index>(state.range(0));
    const int threads = static_cast<int>(state.range(1));
    const Model &model = gpt2Small();
    std::mt19937 rng(7);
    const Eigen::MatrixXf x = normal(rng, n, kWidth, 1.0);
    ops::setComputeThreads(threads);
    for (auto _ : state) {
        Trace trace = runModel(model, x, TraceRequest{});
        benchmark::DoNotOptimize(trace.output.data());
    }
    state.counters["threads_used"] = ops::computeThreads();
    state.counters["GFLOP/s"] =
        benchmark::Counter(static_cast<double>(kLayers) * (24.0 * double(n) * kWidth * kWidth +
                                                           4.0 * double(n) * double(n) * kWidth),
                           benchmark::Counter::kIsIterationInvariantRate);
    ops::setComputeThreads(0);
}
BENCHMARK(BM_Gpt2SmallForward)
    ->ArgNames({"N", "threads"})
    ->ArgsProduct({{32, 128, 512}, {1, 2}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

int main(int argc, char **argv) {
    // As the app does: keep freed result matrices in the heap instead of unmapping them.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
