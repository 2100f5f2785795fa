// BertNormalizer and BertPreTokenizer, following huggingface/tokenizers normalizers/bert.rs and
// pre_tokenizers/bert.rs character class by character class.
#include "attnviz/tokenize/bert_text.h"

#include "attnviz/error.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>

namespace attnviz::tokenize {

namespace {

// The library drops Cc, Cf and Co (but keeps unassigned code points), except \t \n \r.
bool isControl(char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r')
        return false;
    const auto type = u_charType(static_cast<UChar32>(cp));
    return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_PRIVATE_USE_CHAR;
}

bool isBertWhitespace(char32_t cp) {
    return cp == '\t' || cp == '\n' || cp == '\r' || isWhitespace(cp);
}

const icu::Normalizer2 &nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *instance = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || instance == nullptr)
        throw InputError(ErrorId::NormalizationUnavailable, {u_errorName(status)});
    return *instance;
}

void appendLowercase(AlignedText &out, const AlignedChar &c) {
    // Rust's char::to_lowercase is the full mapping; only U+0130 differs from the simple one.
    if (c.cp == 0x130) {
        out.push_back({U'i', c.begin, c.end});
        out.push_back({0x307, c.begin, c.end});
        return;
    }
    out.push_back({static_cast<char32_t>(u_tolower(static_cast<UChar32>(c.cp))), c.begin, c.end});
}

} // namespace

// The library's ranges, which start Extension E at U+2B920 rather than U+2B820 (checked against
// it: U+2B820 is not spaced, U+2B920 is).
bool isChineseChar(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F) ||
           (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool isBertPunctuation(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) ||
               (cp >= 123 && cp <= 126);
    switch (u_charType(static_cast<UChar32>(cp))) {
    case U_CONNECTOR_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
        return true;
    default:
        return false;
    }
}

AlignedText bertNormalize(const AlignedText &text, const BertNormalizerOptions &options) {
    AlignedText current;
    current.reserve(text.size());
    for (AlignedChar c : text) {
        if (options.cleanText) {
            if (c.cp == 0 || c.cp == 0xFFFD || isControl(c.cp))
                continue;
            if (isBertWhitespace(c.cp))
                c.cp = U' ';
        }
        if (options.handleChineseChars && isChineseChar(c.cp)) {
            current.push_back({U' ', c.begin, c.end});
            current.push_back(c);
            current.push_back({U' ', c.begin, c.end});
        } else {
            current.push_back(c);
        }
    }
    if (options.stripAccents.value_or(options.lowercase)) {
        const icu::Normalizer2 &decomposer = nfd();
        AlignedText stripped;
        stripped.reserve(current.size());
        icu::UnicodeString decomposition;
        for (const AlignedChar &c : current) {
            if (!decomposer.getDecomposition(static_cast<UChar32>(c.cp), decomposition)) {
                if (u_charType(static_cast<UChar32>(c.cp)) != U_NON_SPACING_MARK)
                    stripped.push_back(c);
                continue;
            }
            for (int32_t i = 0; i < decomposition.length();) {
                const UChar32 part = decomposition.char32At(i);
                i += U16_LENGTH(part);
                if (u_charType(part) != U_NON_SPACING_MARK)
                    stripped.push_back({static_cast<char32_t>(part), c.begin, c.end});
            }
        }
        current.swap(stripped);
    }
    if (options.lowercase) {
        AlignedText lowered;
        lowered.reserve(current.size());
        for (const AlignedChar &c : current)
            appendLowercase(lowered, c);
        current.swap(lowered);
    }
    return current;
}

std::vector<AlignedText> bertPreTokenize(const AlignedText &text) {
    std::vector<AlignedText> words;
    AlignedText word;
    const auto finish = [&] {
        if (!word.empty())
            words.push_back(std::move(word));
        word.clear();
    };
    for (const AlignedChar &c : text) {
        if (isWhitespace(c.cp)) {
            finish();
        } else if (isBertPunctuation(c.cp)) {
            finish();
            words.push_back({c});
        } else {
            word.push_back(c);
        }
    }
    finish();
    return words;
}

} // namespace attnviz::tokenize
