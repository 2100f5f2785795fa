#include "attnviz/tokenizer.h"

#include "attnviz/attention_config.h"
#include "attnviz/error.h"
#include "attnviz/utf8.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace attnviz {

namespace {

bool isAllWhitespace(std::string_view piece) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(piece.size());
    while (i < length) {
        UChar32 c;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion" // inside ICU's macro
        U8_NEXT(piece.data(), i, length, c);
#pragma GCC diagnostic pop
        if (c < 0 || !u_isUWhiteSpace(c))
            return false;
    }
    return true;
}

std::string hexByte(char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(c);
    return {digits[byte >> 4], digits[byte & 0xF]};
}

struct UTextCloser {
    void operator()(UText *text) const { utext_close(text); }
};

std::unique_ptr<icu::BreakIterator> makeBreakIterator(TokenizerMode mode) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        mode == TokenizerMode::Words
            ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !iterator)
        throw InputError(ErrorId::SegmenterUnavailable, {u_errorName(status)});
    return iterator;
}

} // namespace

std::vector<Token> tokenize(std::string_view utf8, const TokenizerOptions &options) {
    if (const auto bad = findInvalidUtf8(utf8))
        throw InputError(ErrorId::SentenceNotUtf8, {hexByte(utf8[*bad]), std::to_string(*bad)});
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX))
        throw InputError(ErrorId::SentenceOver2GiB, {});

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> text(
        utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status));
    if (U_FAILURE(status))
        throw InputError(ErrorId::SegmenterCannotOpen, {u_errorName(status)});

    auto iterator = makeBreakIterator(options.mode);
    iterator->setText(text.get(), status);
    if (U_FAILURE(status))
        throw InputError(ErrorId::SegmenterCannotSegment, {u_errorName(status)});

    // Whatever a caller (or a session file) asks for, no sentence exceeds attnviz's own limit.
    const std::size_t limit =
        std::min(options.maxTokens, static_cast<std::size_t>(ConfigLimits::maxTokens));
    // With a UTF-8 UText, break positions are byte offsets into utf8.
    std::vector<Token> tokens;
    int32_t start = iterator->first();
    for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator->next()) {
        const auto piece =
            utf8.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        if (isAllWhitespace(piece))
            continue;
        if (tokens.size() == limit)
            throw InputError(limit < options.maxTokens ? ErrorId::SentenceTooManyTokensLimit
                                                       : ErrorId::SentenceTooManyTokens,
                             {std::to_string(limit)});
        tokens.push_back({std::string(piece), static_cast<std::size_t>(start)});
    }
    return tokens;
}

std::string_view toString(TokenizerMode mode) {
    return mode == TokenizerMode::Words ? "words" : "chars";
}

TokenizerMode parseTokenizerMode(std::string_view name) {
    if (name == "words")
        return TokenizerMode::Words;
    if (name == "chars")
        return TokenizerMode::Chars;
    throw InputError(ErrorId::TokenizerUnknown, {std::string(name)});
}

} // namespace attnviz
