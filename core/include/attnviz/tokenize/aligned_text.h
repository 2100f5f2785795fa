// AlignedText: normalized text as code points, each knowing the bytes of the original sentence
// it came from, so every token can report its span in the user's sentence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::tokenize {

struct AlignedChar {
    char32_t cp = 0;
    std::size_t begin = 0, end = 0; // original bytes this character came from
};

using AlignedText = std::vector<AlignedChar>;

// Decodes valid UTF-8 (callers validate first); spans are offset by `base`.
AlignedText decodeAligned(std::string_view utf8, std::size_t base);
void appendUtf8(std::string &out, char32_t cp);
// UTF-8 of chars [first, last).
std::string toUtf8(const AlignedText &text, std::size_t first, std::size_t last);
inline std::string toUtf8(const AlignedText &text) {
    return toUtf8(text, 0, text.size());
}
// Decodes the code point at `i` of valid UTF-8 and advances `i`.
char32_t nextCodePoint(std::string_view utf8, std::size_t &i);

// Unicode White_Space (Rust's char::is_whitespace, Oniguruma's \s).
bool isWhitespace(char32_t cp);

} // namespace attnviz::tokenize
