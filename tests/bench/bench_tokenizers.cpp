// Tokenizer speed: loading GPT-2's tokenizer.json (50,257 entries, 50,000 merges) and encoding a
// 512-token English paragraph with GPT-2's byte-level BPE and with BERT's WordPiece, with the
// per-word BPE cache warm (as when a sentence is edited) and cold (a freshly loaded tokenizer).
// Run by hand for the figures: build/ci/tests/bench/bench_tokenizers
#include <attnviz/tokenize/model_tokenizer.h>

#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

using namespace attnviz;

namespace {

const std::string kDir = ATTNVIZ_FIXTURE_DIR "/tokenizers/";

// The first 512 GPT-2 tokens of the project's README: ordinary English prose with some markup.
const std::string &paragraph() {
    static const std::string text = [] {
        std::ifstream in(ATTNVIZ_FIXTURE_DIR "/../../README.md");
        std::stringstream all;
        all << in.rdbuf();
        const std::string readme = all.str().substr(0, 20000);
        const auto tokens =
            loadTokenizerJson(kDir + "gpt2/tokenizer.json")->encode(readme, 1 << 20);
        return readme.substr(0, tokens.at(511).byteEnd);
    }();
    return text;
}

void BM_LoadGpt2TokenizerJson(benchmark::State &state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(loadTokenizerJson(kDir + "gpt2/tokenizer.json"));
}
BENCHMARK(BM_LoadGpt2TokenizerJson)->Unit(benchmark::kMillisecond);

void BM_LoadGpt2LegacyFiles(benchmark::State &state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(
            loadGpt2VocabFiles(kDir + "gpt2/vocab.json", kDir + "gpt2/merges.txt"));
}
BENCHMARK(BM_LoadGpt2LegacyFiles)->Unit(benchmark::kMillisecond);

void BM_EncodeGpt2Paragraph512Warm(benchmark::State &state) {
    const auto tokenizer = loadTokenizerJson(kDir + "gpt2/tokenizer.json");
    const std::string &text = paragraph();
    std::size_t tokens = 0;
    for (auto _ : state)
        tokens = tokenizer->encode(text, 4096).size();
    state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_EncodeGpt2Paragraph512Warm)->Unit(benchmark::kMicrosecond);

void BM_EncodeGpt2Paragraph512Cold(benchmark::State &state) {
    const std::string &text = paragraph();
    std::size_t tokens = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto tokenizer = loadTokenizerJson(kDir + "gpt2/tokenizer.json");
        state.ResumeTiming();
        tokens = tokenizer->encode(text, 4096).size();
        state.PauseTiming();
        tokenizer.reset();
        state.ResumeTiming();
    }
    state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_EncodeGpt2Paragraph512Cold)->Unit(benchmark::kMicrosecond)->Iterations(5);

void BM_EncodeBertParagraph(benchmark::State &state) {
    const auto tokenizer = loadTokenizerJson(kDir + "bert-uncased/tokenizer.json");
    const std::string &text = paragraph();
    std::size_t tokens = 0;
    for (auto _ : state)
        tokens = tokenizer->encode(text, 4096).size();
    state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_EncodeBertParagraph)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
