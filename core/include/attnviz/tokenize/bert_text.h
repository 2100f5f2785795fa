// BERT's text stages: BertNormalizer and BertPreTokenizer, as in huggingface/tokenizers
// (normalizers/bert.rs, pre_tokenizers/bert.rs).
#pragma once

#include "attnviz/tokenize/aligned_text.h"

#include <optional>
#include <vector>

namespace attnviz::tokenize {

struct BertNormalizerOptions {
    bool cleanText = true;            // drop NUL, U+FFFD and controls; whitespace becomes ' '
    bool handleChineseChars = true;   // surround CJK ideographs with spaces
    std::optional<bool> stripAccents; // NFD and drop Mn; unset means "as lowercase"
    bool lowercase = true;
};

AlignedText bertNormalize(const AlignedText &text, const BertNormalizerOptions &options);

// Splits on whitespace (dropped) and punctuation (each character its own word).
std::vector<AlignedText> bertPreTokenize(const AlignedText &text);

bool isBertPunctuation(char32_t cp);
bool isChineseChar(char32_t cp);

} // namespace attnviz::tokenize
