// Analysis speed beside the forward it follows: every head metric, the ablation importance,
// roles and the head–head distance matrix with its clustering, for 16 heads at N = 32 and 128
// (d_model 64, dk = dv = 4). The overhead ratio is BM_AnalyseLayer / BM_Forward at the same N;
// BM_Forward is the core part of a slider update, not the repaint.
//
//   build/release/tests/bench/bench_metrics
#include <attnviz/analysis/cost_model.h>
#include <attnviz/analysis/head_count_sweep.h>
#include <attnviz/analysis/layer_analysis.h>
#include <attnviz/multi_head_attention.h>

#include <benchmark/benchmark.h>

#include <malloc.h>

using namespace attnviz;

namespace {

const AttentionConfig kSixteenHeads{64, 16, 4, 4, false, false};

struct Fixture {
    AttentionWeights weights;
    Eigen::MatrixXf x;
    std::vector<TokenFacts> tokens;
    AttentionResult result;

    Fixture(int n, bool causal)
        : weights(makeRandomWeights(kSixteenHeads, 1))
        , x(Eigen::MatrixXf::Random(n, kSixteenHeads.dModel)) {
        static const char *words[] = {"the", "cat", "sat", "on", "a", "warm", "mat", ","};
        std::vector<std::string> texts;
        for (int i = 0; i < n; ++i)
            texts.emplace_back(words[i % 8]);
        tokens = describeTokens(texts);
        result = attentionForward(x, weights, causal);
    }
};

bool causalArg(const benchmark::State &state) {
    return state.range(1) != 0;
}

void BM_Forward(benchmark::State &state) {
    const Fixture f(static_cast<int>(state.range(0)), causalArg(state));
    for (auto _ : state) {
        AttentionResult r = attentionForward(f.x, f.weights, causalArg(state));
        benchmark::DoNotOptimize(r.output.data());
    }
}

void BM_HeadMetrics(benchmark::State &state) {
    const Fixture f(static_cast<int>(state.range(0)), causalArg(state));
    for (auto _ : state)
        for (const HeadResult &head : f.result.heads)
            benchmark::DoNotOptimize(computeHeadMetrics(head.weights, f.tokens, causalArg(state)));
}

void BM_HeadDistanceMatrix(benchmark::State &state) {
    const Fixture f(static_cast<int>(state.range(0)), causalArg(state));
    for (auto _ : state) {
        Eigen::MatrixXf d = headDistanceMatrix(f.result, causalArg(state));
        benchmark::DoNotOptimize(d.data());
    }
}

// Everything the window and the dump need per update: metrics, importance, roles, distances,
// clustering order.
void BM_AnalyseLayer(benchmark::State &state) {
    const Fixture f(static_cast<int>(state.range(0)), causalArg(state));
    for (auto _ : state) {
        LayerAnalysis layer = analyseLayer(f.result, f.weights, f.tokens, causalArg(state));
        benchmark::DoNotOptimize(layer.headDistance.data());
    }
}

// The same without the head–head distances, for a window that does not show them.
void BM_AnalyseLayerWithoutDistances(benchmark::State &state) {
    const Fixture f(static_cast<int>(state.range(0)), causalArg(state));
    for (auto _ : state) {
        LayerAnalysis layer =
            analyseLayer(f.result, f.weights, f.tokens, causalArg(state), HeadDistances::Skip);
        benchmark::DoNotOptimize(layer.heads.data());
    }
}

void BM_CostModel(benchmark::State &state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(compareWithOneWideHead(kSixteenHeads, 128).multiHead.flops.size());
}

// Done when the sentence or d_model changes, not on every slider move.
void BM_HeadCountSweep(benchmark::State &state) {
    const Fixture f(static_cast<int>(state.range(0)), false);
    for (auto _ : state)
        benchmark::DoNotOptimize(sweepHeadCounts(f.x, 1, false).size());
}

void sizes(benchmark::internal::Benchmark *b) {
    b->ArgNames({"N", "causal"});
    for (const int n : {32, 128})
        for (const int causal : {0, 1})
            b->Args({n, causal});
    b->Unit(benchmark::kMicrosecond);
}

BENCHMARK(BM_Forward)->Apply(sizes);
BENCHMARK(BM_HeadMetrics)->Apply(sizes);
BENCHMARK(BM_HeadDistanceMatrix)->Apply(sizes);
BENCHMARK(BM_AnalyseLayer)->Apply(sizes);
BENCHMARK(BM_AnalyseLayerWithoutDistances)->Apply(sizes);
BENCHMARK(BM_CostModel)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_HeadCountSweep)->Arg(32)->Arg(128)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv) {
    // As the app does (see bench_attention): keep freed matrices in the heap.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
