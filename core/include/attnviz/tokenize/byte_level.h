// Byte-level stages of GPT-2: the byte-to-character map and the ByteLevel pre-tokenizer (GPT-2's
// split pattern through ICU regex), as in huggingface/tokenizers pre_tokenizers/byte_level.rs.
#pragma once

#include "attnviz/tokenize/aligned_text.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::tokenize {

// GPT-2's bytes_to_unicode: printable bytes map to themselves, the others to U+0100 upwards.
char32_t byteToChar(unsigned char byte);
// The inverse; false for a character outside the map.
bool charToByte(char32_t cp, unsigned char &byte);
// A byte-level piece ("Ġcat") back to its bytes (" cat"); characters outside the map are kept.
std::string decodeByteLevel(std::string_view piece);

class ByteLevelPreTokenizer {
public:
    ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex);
    ~ByteLevelPreTokenizer();
    ByteLevelPreTokenizer(const ByteLevelPreTokenizer &) = delete;
    ByteLevelPreTokenizer &operator=(const ByteLevelPreTokenizer &) = delete;

    // Splits with GPT-2's pattern, then maps each word's UTF-8 bytes to byte-level characters;
    // every byte-level character keeps the span of the character its byte came from.
    std::vector<AlignedText> split(const AlignedText &text) const;

private:
    struct Pattern; // ICU's compiled pattern, kept out of this header
    bool addPrefixSpace_;
    std::unique_ptr<Pattern> pattern_; // null when use_regex is false
};

} // namespace attnviz::tokenize
