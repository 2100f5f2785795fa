// libFuzzer target: any bytes as a tokenizer.json, then a few hard sentences through whatever
// loads. Everything must either work or throw InputError; crashes, hangs, leaks, UB and other
// exceptions are findings. Build with -DATTNVIZ_FUZZ=ON and clang (see docs/tokenizers.md), then:
//   build/fuzz/tests/fuzz/fuzz_tokenizer_json -max_total_time=600 -max_len=4096 \
//     -dict=tests/fixtures/tokenizers/fuzz_seeds/tokenizer_json.dict CORPUS_DIR \
//     tests/fixtures/tokenizers/fuzz_seeds
#include <attnviz/error.h>
#include <attnviz/tokenize/model_tokenizer.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::unique_ptr<attnviz::ModelTokenizer> tokenizer;
    try {
        tokenizer = attnviz::parseTokenizerJson(text, "fuzz input");
    } catch (const attnviz::InputError &) {
        return 0;
    }
    (void)tokenizer->vocabSize();
    (void)tokenizer->describe();
    static const char *const sentences[] = {
        "",
        "The cat sat on the mat.",
        "ab abc  a\n\n\tb\x0b c\xc2\x85 d\xc2\xa0",
        "[CLS] [MASK]<|endoftext|> [SEP] [UNK]",
        "caf\xc3\xa9 na\xc3\xafve \xc3\x85ngstr\xc3\xb6m \xce\xa3\xce\x8a\xce\xa3 \xc4\xb0",
        "\xe5\xa4\x9a\xe5\xa4\xb4\xe6\xb3\xa8\xe6\x84\x8f "
        "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7!",
    };
    for (const char *sentence : sentences) {
        try {
            for (const auto &token : tokenizer->encode(sentence, 64))
                if (token.byteEnd < token.byteBegin)
                    __builtin_trap(); // spans must be ordered
        } catch (const attnviz::InputError &) {
        }
    }
    return 0;
}
