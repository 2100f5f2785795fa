// libFuzzer target: any bytes through the ICU tokenizer, both modes, with a small token limit.
// Everything must either tokenize or throw InputError (invalid UTF-8, over the limit); tokens must
// be non-empty slices of the input in order. Crashes, UB and other exceptions are findings.
//   build/fuzz/tests/fuzz/fuzz_tokenizer -max_total_time=600 tests/fuzz/corpus/fuzz_tokenizer
#include <attnviz/error.h>
#include <attnviz/tokenizer.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    for (const attnviz::TokenizerMode mode :
         {attnviz::TokenizerMode::Words, attnviz::TokenizerMode::Chars}) {
        for (const std::size_t limit : {std::size_t{1}, std::size_t{16}, std::size_t{512}}) {
            try {
                const auto tokens = attnviz::tokenize(text, {mode, limit});
                std::size_t end = 0;
                for (const attnviz::Token &t : tokens) {
                    // Each token is a non-empty slice of the input, after the previous one.
                    if (t.text.empty() || t.byteOffset < end ||
                        text.substr(t.byteOffset, t.text.size()) != t.text)
                        std::abort();
                    end = t.byteOffset + t.text.size();
                }
                if (tokens.size() > limit)
                    std::abort();
            } catch (const attnviz::InputError &) {
            }
        }
    }
    return 0;
}
