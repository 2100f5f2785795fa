// Core speed: the attention forward at the sizes of the PyTorch yardstick (d_model 512, 8 heads,
// dk = dv = 64), random weight generation and tokenization.
//
//   build/release/tests/bench/bench_attention
#include <attnviz/embedder.h>
#include <attnviz/multi_head_attention.h>
#include <attnviz/tokenizer.h>

#include <benchmark/benchmark.h>

#include <malloc.h>

using namespace attnviz;

namespace {

const AttentionConfig kYardstick{512, 8, 64, 64, false, false};

void BM_Forward(benchmark::State &state) {
    const auto n = static_cast<int>(state.range(0));
    const AttentionWeights weights = makeRandomWeights(kYardstick, 1);
    const Eigen::MatrixXf x = Eigen::MatrixXf::Random(n, kYardstick.dModel);
    for (auto _ : state) {
        AttentionResult r = attentionForward(x, weights, false);
        benchmark::DoNotOptimize(r.output.data());
    }
}
BENCHMARK(BM_Forward)->Arg(8)->Arg(64)->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);

void BM_ClassroomForward(benchmark::State &state) {
    const AttentionConfig c{64, 16, 16, 16, false, false};
    const auto n = static_cast<int>(state.range(0));
    const AttentionWeights weights = makeRandomWeights(c, 1);
    const Eigen::MatrixXf x = Eigen::MatrixXf::Random(n, c.dModel);
    for (auto _ : state) {
        AttentionResult r = attentionForward(x, weights, false);
        benchmark::DoNotOptimize(r.output.data());
    }
}
BENCHMARK(BM_ClassroomForward)->Arg(32)->Arg(128)->Unit(benchmark::kMicrosecond);

void BM_RandomWeights(benchmark::State &state) {
    for (auto _ : state) {
        AttentionWeights w = makeRandomWeights(kYardstick, 1);
        benchmark::DoNotOptimize(w.q.weight.data());
    }
}
BENCHMARK(BM_RandomWeights)->Unit(benchmark::kMillisecond);

void BM_TokenizeChinese(benchmark::State &state) {
    const std::string sentence = "多头注意力让模型从不同角度看输入序列。The cat sat on the mat.";
    for (auto _ : state)
        benchmark::DoNotOptimize(tokenize(sentence).size());
}
BENCHMARK(BM_TokenizeChinese)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv) {
    // As the app does: keep freed result matrices in the heap instead of unmapping them, so
    // the next forward does not fault its pages back in one by one.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
