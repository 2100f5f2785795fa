// libFuzzer target: any bytes through the safetensors reader and the attention-module loader.
// Everything must either load or throw InputError; crashes, leaks, UB and other exceptions are
// findings. Build with -DATTNVIZ_FUZZ=ON and clang (see the README), then:
//   build/fuzz/tests/fuzz/fuzz_safetensors -max_total_time=600 tests/fuzz/corpus
#include <attnviz/error.h>
#include <attnviz/safetensors.h>
#include <attnviz/weights_file.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::vector<std::byte> bytes(size);
    if (size > 0)
        std::memcpy(bytes.data(), data, size);
    try {
        const attnviz::SafetensorsFile file = attnviz::SafetensorsFile::fromBytes(std::move(bytes));
        for (const attnviz::TensorInfo &t : file.tensors())
            if (attnviz::isFloatingPoint(t.dtype) && t.elementCount() < (1u << 20))
                (void)file.values(t);
        (void)attnviz::findAttentionModules(file);
        for (const int heads : {1, 2, 3})
            try {
                (void)attnviz::loadAttentionWeights(file, {std::nullopt, heads});
            } catch (const attnviz::InputError &) {
            }
    } catch (const attnviz::InputError &) {
    }
    return 0;
}
