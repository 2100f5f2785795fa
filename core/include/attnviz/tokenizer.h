// Tokenizer: splits a UTF-8 sentence into the tokens attention runs over.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

enum class TokenizerMode {
    Words, // ICU word boundaries: dictionary segmentation for Chinese/Japanese/Thai, punctuation
           // and emoji as their own tokens, whitespace dropped
    Chars // one token per extended grapheme cluster (emoji with ZWJ stay whole), whitespace dropped
};

struct TokenizerOptions {
    TokenizerMode mode = TokenizerMode::Words;
    std::size_t maxTokens = 512; // more tokens than this is an InputError, not a slow UI
};

struct Token {
    std::string text;       // the token's UTF-8 text
    std::size_t byteOffset; // where it starts in the sentence, in bytes
};

// Tokenizes a sentence. Throws InputError for invalid UTF-8 (naming the byte offset) and for more
// than options.maxTokens (never more than ConfigLimits::maxTokens) tokens; ICU failures are
// InputErrors too. An empty or whitespace-only sentence yields no tokens.
std::vector<Token> tokenize(std::string_view utf8, const TokenizerOptions &options = {});

// "words" / "chars" and back; parseTokenizerMode throws InputError for anything else.
std::string_view toString(TokenizerMode mode);
TokenizerMode parseTokenizerMode(std::string_view name);

} // namespace attnviz
