// Added and special tokens, matched before every other stage (huggingface/tokenizers
// added_vocabulary.rs): leftmost-longest, with single_word, lstrip and rstrip.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::tokenize {

struct AddedToken {
    std::string content;
    int id = 0;
    bool singleWord = false; // only when not inside a word
    bool lstrip = false;     // takes the whitespace on its left
    bool rstrip = false;     // takes the whitespace on its right
    bool normalized = false; // matched in the normalized text rather than the raw one
    bool special = false;
};

struct AddedMatch {
    std::size_t begin = 0, end = 0; // bytes of the searched text
    int token = -1;                 // index into the matcher's tokens; -1 for text between matches
};

// Finds a set of added tokens in text.
class AddedTokenMatcher {
public:
    AddedTokenMatcher() = default;
    explicit AddedTokenMatcher(std::vector<AddedToken> tokens);

    bool empty() const { return tokens_.empty(); }
    const AddedToken &token(int index) const { return tokens_[static_cast<std::size_t>(index)]; }
    // The whole text as consecutive segments: matches and the (non-empty) text between them.
    std::vector<AddedMatch> split(std::string_view text) const;

private:
    std::vector<AddedToken> tokens_;
    std::array<std::vector<int>, 256> byFirstByte_;
};

} // namespace attnviz::tokenize
