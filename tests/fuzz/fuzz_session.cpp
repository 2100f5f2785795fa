// libFuzzer target: bytes written to a temporary .attnviz file, then the path the window and the
// command line take to open a session: read (regular file, size cap) → parse and check every
// value → resolve and hash the weights file → options validated → one forward pass when the
// configuration is small. Everything must open or throw InputError; a document that opens must
// survive toJson → fromJson unchanged.
//   build/fuzz/tests/fuzz/fuzz_session -max_total_time=600 -timeout=10 CORPUS
//   tests/fuzz/corpus/fuzz_session
#include <file_load_worker.h>
#include <session_file.h>

#include <attnviz/error.h>
#include <attnviz/multi_head_attention.h>
#include <attnviz/pipeline.h>
#include <attnviz/tokenizer.h>
#include <attnviz/weights_file.h>

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

const std::string &scratchPath() {
    static const std::string path = [] {
        char name[] = "/tmp/fuzz_session.XXXXXX.attnviz";
        const int fd = ::mkstemps(name, 8);
        if (fd < 0)
            std::abort();
        ::close(fd);
        std::atexit([] { ::unlink(scratchPath().c_str()); });
        return std::string(name);
    }();
    return path;
}

// A forward pass is part of opening, but a valid session may ask for a large (accepted)
// configuration; the fuzzer runs only the small ones, where a crash would show just the same.
constexpr std::uint64_t kMaxFuzzBytes = 8 << 20;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string &path = scratchPath();
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
        std::abort();
    std::fclose(file);
    using namespace attnviz;
    try {
        const ui::OpenedSession opened = ui::openSessionFile(QString::fromStdString(path));
        const ui::SessionDocument &d = opened.document;
        // What was accepted reads back the same.
        const QJsonObject json = ui::toJson(d);
        if (ui::toJson(ui::fromJson(json)) != json)
            std::abort();
        PipelineOptions options = d.options;
        if (opened.weights || !d.modelSource.isEmpty())
            return 0; // the weights path is fuzzed by fuzz_weights_path; models need folders
        const std::size_t tokens = tokenize(options.sentence, options.tokenizer).size();
        validate(options.attention, tokens);
        if (estimateMemoryBytes(options.attention, tokens) > kMaxFuzzBytes)
            return 0;
        const AttentionWeights weights = makeRandomWeights(options.attention, options.seed);
        const PipelineResult result = runPipeline(options, weights);
        if (result.attention.heads.empty())
            std::abort();
    } catch (const InputError &) {
        // a clean refusal
    }
    return 0;
}
