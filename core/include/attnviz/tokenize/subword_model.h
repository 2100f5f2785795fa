// The model stage: a pre-tokenizer word to vocabulary entries (BPE or WordPiece).
#pragma once

#include "attnviz/tokenize/aligned_text.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::tokenize {

struct ModelToken {
    int id = 0;
    std::string piece;
    std::size_t firstChar = 0, endChar = 0; // characters [first, end) of the word
};

class SubwordModel {
public:
    virtual ~SubwordModel() = default;
    // Appends the word's tokens to `out`.
    virtual void tokenize(const AlignedText &word, std::vector<ModelToken> &out) const = 0;
    virtual std::optional<int> tokenToId(std::string_view token) const = 0;
    virtual std::size_t vocabEntries() const = 0;
    virtual std::string kindName() const = 0; // "byte-level BPE", "WordPiece"
    // Marks pieces that continue a word ("##"); removed from their display text.
    virtual std::string_view continuationPrefix() const { return {}; }
};

} // namespace attnviz::tokenize
