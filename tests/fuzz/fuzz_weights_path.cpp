// libFuzzer target: bytes written to a temporary file, then the whole weights path the command
// line and the window take: open (regular-file checks, header length against the size, mmap) →
// find modules → load → one forward pass. Everything must load or throw InputError.
//   build/fuzz/tests/fuzz/fuzz_weights_path -max_total_time=600 tests/fuzz/corpus/fuzz_weights_path
#include <attnviz/error.h>
#include <attnviz/multi_head_attention.h>
#include <attnviz/safetensors.h>
#include <attnviz/weights_file.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

// One file per fuzzing process, rewritten for every input.
const std::string &scratchPath() {
    static const std::string path = [] {
        char name[] = "/tmp/fuzz_weights_path.XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd < 0)
            std::abort();
        ::close(fd);
        std::atexit([] { ::unlink(scratchPath().c_str()); });
        return std::string(name);
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string &path = scratchPath();
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
        std::abort();
    std::fclose(file);
    try {
        const auto weights = attnviz::SafetensorsFile::open(path, "the weights file");
        (void)attnviz::findAttentionModules(weights);
        for (const int heads : {1, 2, 0, -1, 300}) {
            try {
                const attnviz::LoadedWeights loaded =
                    attnviz::loadAttentionWeights(weights, {std::nullopt, heads});
                const attnviz::AttentionWeights &w = loaded.weights;
                if (static_cast<long long>(w.dModel) * 3 < (1 << 16)) {
                    const Eigen::MatrixXf x = Eigen::MatrixXf::Ones(3, w.dModel);
                    (void)attnviz::attentionForward(x, w, heads == 2);
                }
            } catch (const attnviz::InputError &) {
            }
        }
    } catch (const attnviz::InputError &) {
    }
    return 0;
}
