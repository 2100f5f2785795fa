// GPT-2's byte-to-character map and the ByteLevel pre-tokenizer (huggingface/tokenizers
// pre_tokenizers/byte_level.rs), with GPT-2's split pattern run by ICU regex.
#include "attnviz/tokenize/byte_level.h"

#include "attnviz/error.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <array>
#include <string>

namespace attnviz::tokenize {

namespace {

// Oniguruma's \s (what the library's pattern uses) is Unicode White_Space; ICU's \s lacks
// U+000B and U+0085, so the class is spelled out.
constexpr const char *kGpt2Pattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\p{White_Space}\p{L}\p{N}]+|)"
    R"(\p{White_Space}+(?!\P{White_Space})|\p{White_Space}+)";

constexpr char32_t kMappedEnd = 256 + 68; // 68 bytes are not printable

bool isPrintableByte(char32_t b) {
    return (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
}

struct ByteMap {
    std::array<char32_t, 256> toChar{};
    std::array<int, kMappedEnd> toByte{}; // -1: not a byte-level character
    ByteMap() {
        toByte.fill(-1);
        char32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const char32_t c =
                isPrintableByte(static_cast<char32_t>(b)) ? static_cast<char32_t>(b) : next++;
            toChar[static_cast<std::size_t>(b)] = c;
            toByte[c] = b;
        }
    }
};

const ByteMap &byteMap() {
    static const ByteMap map;
    return map;
}

} // namespace

char32_t byteToChar(unsigned char byte) {
    return byteMap().toChar[byte];
}

bool charToByte(char32_t cp, unsigned char &byte) {
    if (cp >= kMappedEnd || byteMap().toByte[cp] < 0)
        return false;
    byte = static_cast<unsigned char>(byteMap().toByte[cp]);
    return true;
}

std::string decodeByteLevel(std::string_view piece) {
    std::string bytes;
    bytes.reserve(piece.size());
    for (std::size_t i = 0; i < piece.size();) {
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(piece, i);
        unsigned char byte = 0;
        if (charToByte(cp, byte))
            bytes += static_cast<char>(byte);
        else
            bytes.append(piece.substr(start, i - start));
    }
    return bytes;
}

struct ByteLevelPreTokenizer::Pattern {
    std::unique_ptr<icu::RegexPattern> regex;
};

ByteLevelPreTokenizer::ByteLevelPreTokenizer(bool addPrefixSpace, bool useRegex)
    : addPrefixSpace_(addPrefixSpace) {
    if (!useRegex)
        return;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError{};
    pattern_ = std::make_unique<Pattern>();
    pattern_->regex.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(kGpt2Pattern), 0,
                                                     parseError, status));
    if (U_FAILURE(status) || !pattern_->regex)
        throw InputError(ErrorId::SplitPatternDoesNotCompile, {u_errorName(status)});
}

ByteLevelPreTokenizer::~ByteLevelPreTokenizer() = default;

std::vector<AlignedText> ByteLevelPreTokenizer::split(const AlignedText &input) const {
    AlignedText text;
    if (addPrefixSpace_ && !input.empty() && input.front().cp != U' ') {
        text.reserve(input.size() + 1);
        text.push_back({U' ', input.front().begin, input.front().end});
    }
    text.insert(text.end(), input.begin(), input.end());

    // Words as character ranges: the pattern's matches and whatever lies between them.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    if (!pattern_) {
        if (!text.empty())
            ranges.emplace_back(0, text.size());
    } else {
        icu::UnicodeString utf16;
        std::vector<std::size_t> charAt; // UTF-16 index -> character index
        charAt.reserve(text.size() * 2 + 1);
        for (std::size_t i = 0; i < text.size(); ++i) {
            utf16.append(static_cast<UChar32>(text[i].cp));
            while (charAt.size() < static_cast<std::size_t>(utf16.length()))
                charAt.push_back(i);
        }
        charAt.push_back(text.size());
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> matcher(pattern_->regex->matcher(utf16, status));
        std::size_t previous = 0;
        while (U_SUCCESS(status) && matcher->find(status)) {
            const auto start = charAt[static_cast<std::size_t>(matcher->start(status))];
            const auto end = charAt[static_cast<std::size_t>(matcher->end(status))];
            if (U_FAILURE(status) || end == start)
                break;
            if (start > previous)
                ranges.emplace_back(previous, start);
            ranges.emplace_back(start, end);
            previous = end;
        }
        if (U_FAILURE(status))
            throw InputError(ErrorId::SplitPatternFailed, {u_errorName(status)});
        if (previous < text.size())
            ranges.emplace_back(previous, text.size());
    }

    std::vector<AlignedText> words;
    words.reserve(ranges.size());
    std::string bytes;
    for (const auto &[first, last] : ranges) {
        AlignedText word;
        for (std::size_t i = first; i < last; ++i) {
            bytes.clear();
            appendUtf8(bytes, text[i].cp);
            for (const char byte : bytes)
                word.push_back(
                    {byteToChar(static_cast<unsigned char>(byte)), text[i].begin, text[i].end});
        }
        words.push_back(std::move(word));
    }
    return words;
}

} // namespace attnviz::tokenize
