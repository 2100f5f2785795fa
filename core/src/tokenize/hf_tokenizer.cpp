// The Hugging Face tokenizers pipeline in order: added tokens, normalizer, pre-tokenizer, model,
// post-processor; then readable display text for every token.
#include "attnviz/tokenize/hf_tokenizer.h"

#include "attnviz/error.h"
#include "attnviz/utf8.h"

#include <unicode/uchar.h>

#include <cstdio>

namespace attnviz::tokenize {

namespace {

std::string hexByte(char c) {
    char buffer[3];
    std::snprintf(buffer, sizeof buffer, "%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(c)));
    return buffer;
}

// Whitespace shown as visible marks; invisible format and control characters as U+XXXX.
std::string visibleMarks(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = nextCodePoint(text, i);
        switch (cp) {
        case U' ':
            out += "␣";
            break;
        case U'\n':
            out += "↵";
            break;
        case U'\t':
            out += "⇥";
            break;
        default:
            if (isWhitespace(cp) || u_charType(static_cast<UChar32>(cp)) == U_CONTROL_CHAR ||
                u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR) {
                char buffer[16];
                std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
                out += buffer;
            } else {
                appendUtf8(out, cp);
            }
        }
    }
    return out;
}

// Decoded byte-level text to display: surrounding whitespace removed when something else is
// there ("Ġcat" → "cat"), marks when nothing else is ("ĊĊ" → "↵↵").
std::string readable(std::string_view text) {
    std::size_t first = 0, last = text.size();
    bool onlyInvisible = true;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = nextCodePoint(text, i);
        const auto type = u_charType(static_cast<UChar32>(cp));
        if (!isWhitespace(cp) && type != U_CONTROL_CHAR && type != U_FORMAT_CHAR)
            onlyInvisible = false;
    }
    if (onlyInvisible)
        return visibleMarks(text);
    while (first < last && (text[first] == ' ' || text[first] == '\n' || text[first] == '\t'))
        ++first;
    while (last > first &&
           (text[last - 1] == ' ' || text[last - 1] == '\n' || text[last - 1] == '\t'))
        --last;
    return std::string(text.substr(first, last - first));
}

std::size_t floorToCharStart(std::string_view text, std::size_t offset) {
    while (offset > 0 && offset < text.size() &&
           (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
        --offset;
    return offset;
}

std::size_t utf8Length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
}

} // namespace

struct HfTokenizer::Output {
    std::vector<EncodedToken> tokens;
    std::size_t limit = 0;         // tokens allowed before the post-processor's
    std::size_t maxTokens = 0;     // the caller's limit, for the message
    std::size_t templateCount = 0; // tokens the post-processor adds
    std::vector<ModelToken> scratch;

    void push(EncodedToken token) {
        if (tokens.size() >= limit)
            throw templateCount > 0
                ? InputError(ErrorId::SentenceTooManyTokensWithSpecial,
                             {std::to_string(maxTokens), std::to_string(templateCount)})
                : InputError(ErrorId::SentenceTooManyTokens, {std::to_string(maxTokens)});
        tokens.push_back(std::move(token));
    }
};

HfTokenizer::HfTokenizer(TokenizerParts parts)
    : parts_(std::move(parts)) {
    std::vector<AddedToken> raw, normalized;
    int extra = 0;
    for (AddedToken token : parts_.addedTokens) {
        if (!parts_.model->tokenToId(token.content))
            ++extra;
        if (token.normalized && parts_.bertNormalizer) {
            // Normalized tokens are matched in normalized text, so their content is normalized.
            token.content =
                toUtf8(bertNormalize(decodeAligned(token.content, 0), *parts_.bertNormalizer));
            normalized.push_back(std::move(token));
        } else {
            raw.push_back(std::move(token));
        }
    }
    rawAdded_ = AddedTokenMatcher(std::move(raw));
    normalizedAdded_ = AddedTokenMatcher(std::move(normalized));
    for (const TemplateItem &item : parts_.post.single)
        templateTokens_ += item.sequence ? 0 : item.ids.size();
    vocabSize_ = static_cast<int>(parts_.model->vocabEntries()) + extra;
}

std::string HfTokenizer::describe() const {
    return parts_.model->kindName() + ", " + std::to_string(vocabSize_) + " entries";
}

void HfTokenizer::encodeWord(const AlignedText &word, Output &out) const {
    out.scratch.clear();
    parts_.model->tokenize(word, out.scratch);
    const std::size_t firstToken = out.tokens.size();
    for (std::size_t k = 0; k < out.scratch.size(); ++k) {
        const ModelToken &m = out.scratch[k];
        EncodedToken token;
        token.piece = m.piece;
        token.id = m.id;
        token.byteBegin = word[m.firstChar].begin;
        token.byteEnd = word[m.endChar - 1].end;
        token.continuation = k > 0;
        token.display = m.piece;
        if (!parts_.byteLevel && k > 0) {
            const std::string_view prefix = parts_.model->continuationPrefix();
            if (!prefix.empty() && token.display.rfind(prefix, 0) == 0)
                token.display.erase(0, prefix.size());
        }
        out.push(std::move(token));
    }
    if (!parts_.byteLevel)
        return;
    // Byte-level display: each character goes to the token holding its first byte; a token
    // holding no first byte continues a character ("…").
    std::vector<std::string> bytes;
    std::string all;
    for (std::size_t t = firstToken; t < out.tokens.size(); ++t) {
        bytes.push_back(decodeByteLevel(out.tokens[t].piece));
        all += bytes.back();
    }
    std::size_t offset = 0;
    for (std::size_t t = firstToken, k = 0; t < out.tokens.size(); ++t, ++k) {
        std::string shown;
        const std::size_t end = offset + bytes[k].size();
        for (std::size_t b = offset; b < end; ++b) {
            const std::size_t length = utf8Length(static_cast<unsigned char>(all[b]));
            if (length > 0)
                shown.append(all, b, std::min(length, all.size() - b));
        }
        offset = end;
        EncodedToken &token = out.tokens[t];
        if (shown.empty() || findInvalidUtf8(shown)) {
            token.display = "…";
            token.continuation = token.continuation || shown.empty();
        } else {
            token.display = readable(shown);
        }
    }
}

void HfTokenizer::encodeText(const AlignedText &original, Output &out) const {
    const AlignedText text =
        parts_.bertNormalizer ? bertNormalize(original, *parts_.bertNormalizer) : original;
    // Normalized added tokens split the normalized text first.
    std::vector<std::pair<AlignedText, int>> parts;
    if (normalizedAdded_.empty()) {
        parts.emplace_back(text, -1);
    } else {
        std::string utf8;
        std::vector<std::size_t> charAt; // byte -> character
        for (std::size_t i = 0; i < text.size(); ++i) {
            const std::size_t before = utf8.size();
            appendUtf8(utf8, text[i].cp);
            charAt.insert(charAt.end(), utf8.size() - before, i);
        }
        charAt.push_back(text.size());
        for (const AddedMatch &m : normalizedAdded_.split(utf8))
            parts.emplace_back(
                AlignedText(text.begin() + static_cast<std::ptrdiff_t>(charAt[m.begin]),
                            text.begin() + static_cast<std::ptrdiff_t>(charAt[m.end])),
                m.token);
    }
    for (const auto &[part, added] : parts) {
        if (added >= 0) {
            const AddedToken &token = normalizedAdded_.token(added);
            // The piece is the matched text, as the library reports it (lstrip/rstrip included).
            out.push({toUtf8(part), token.content, token.id, part.front().begin, part.back().end,
                      token.special, false});
            continue;
        }
        const std::vector<AlignedText> words =
            parts_.byteLevel ? parts_.byteLevel->split(part) : bertPreTokenize(part);
        for (const AlignedText &word : words)
            encodeWord(word, out);
    }
}

// The ByteLevel post-processor's trim_offsets (processors/byte_level.rs process_offsets).
void HfTokenizer::applyByteLevelTrim(std::string_view sentence,
                                     std::vector<EncodedToken> &tokens) const {
    const char32_t spaceMark = byteToChar(' ');
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        EncodedToken &t = tokens[i];
        const AlignedText chars = decodeAligned(t.piece, 0);
        std::size_t leading = 0, trailing = 0;
        while (leading < chars.size() &&
               (chars[leading].cp == spaceMark || isWhitespace(chars[leading].cp)))
            ++leading;
        while (trailing < chars.size() && (chars[chars.size() - 1 - trailing].cp == spaceMark ||
                                           isWhitespace(chars[chars.size() - 1 - trailing].cp)))
            ++trailing;
        if (leading > 0) {
            const bool isFirst = i == 0 || t.byteBegin == 0;
            if (isFirst && parts_.post.byteLevelAddPrefixSpace && leading == 1)
                leading = 0;
            t.byteBegin = std::min(t.byteBegin + leading, t.byteEnd);
        }
        if (trailing > 0 && t.byteEnd >= trailing)
            t.byteEnd = std::max(t.byteEnd - trailing, t.byteBegin);
        // Trimming counts characters as bytes, so an offset can land inside a multi-byte
        // character; the library then reports the character holding it.
        t.byteBegin = floorToCharStart(sentence, t.byteBegin);
        t.byteEnd = floorToCharStart(sentence, t.byteEnd);
    }
}

std::vector<EncodedToken> HfTokenizer::encode(std::string_view utf8, std::size_t maxTokens) const {
    if (const auto bad = findInvalidUtf8(utf8))
        throw InputError(ErrorId::SentenceNotUtf8, {hexByte(utf8[*bad]), std::to_string(*bad)});
    if (utf8.size() > kMaxSentenceBytes)
        throw InputError(ErrorId::SentenceTooManyBytes, {std::to_string(utf8.size())});
    if (maxTokens < templateTokens_)
        throw InputError(ErrorId::TokenLimitBelowSpecialTokens,
                         {std::to_string(maxTokens), std::to_string(templateTokens_)});
    Output out;
    out.limit = maxTokens - templateTokens_;
    out.maxTokens = maxTokens;
    out.templateCount = templateTokens_;
    for (const AddedMatch &segment : rawAdded_.split(utf8)) {
        if (segment.token >= 0) {
            const AddedToken &token = rawAdded_.token(segment.token);
            out.push({std::string(utf8.substr(segment.begin, segment.end - segment.begin)),
                      token.content, token.id, segment.begin, segment.end, token.special, false});
        } else {
            encodeText(decodeAligned(utf8.substr(segment.begin, segment.end - segment.begin),
                                     segment.begin),
                       out);
        }
    }
    if (parts_.post.byteLevelTrimOffsets)
        applyByteLevelTrim(utf8, out.tokens);
    if (parts_.post.single.empty())
        return std::move(out.tokens);

    std::vector<EncodedToken> result;
    result.reserve(out.tokens.size() + templateTokens_);
    for (const TemplateItem &item : parts_.post.single) {
        if (item.sequence) {
            for (EncodedToken &token : out.tokens)
                result.push_back(std::move(token));
            continue;
        }
        for (std::size_t k = 0; k < item.ids.size(); ++k)
            result.push_back({item.tokens[k], item.tokens[k], item.ids[k], 0, 0, true, false});
    }
    return result;
}

} // namespace attnviz::tokenize
