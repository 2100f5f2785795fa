// Matching added tokens like huggingface/tokenizers added_vocabulary.rs (an Aho-Corasick
// automaton, leftmost-longest); a first-byte index suffices for the few tokens models add.
#include "attnviz/tokenize/added_vocabulary.h"

#include "attnviz/tokenize/aligned_text.h"

#include <unicode/uchar.h>

namespace attnviz::tokenize {

namespace {

// The character before `end` / at `begin` of valid UTF-8.
char32_t lastCodePoint(std::string_view text, std::size_t end, std::size_t &start) {
    start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    std::size_t i = start;
    return nextCodePoint(text, i);
}

bool isWordChar(char32_t cp) {
    return u_isalnum(static_cast<UChar32>(cp)) || cp == U'_';
}

} // namespace

AddedTokenMatcher::AddedTokenMatcher(std::vector<AddedToken> tokens)
    : tokens_(std::move(tokens)) {
    for (std::size_t i = 0; i < tokens_.size(); ++i)
        if (!tokens_[i].content.empty())
            byFirstByte_[static_cast<unsigned char>(tokens_[i].content[0])].push_back(
                static_cast<int>(i));
}

std::vector<AddedMatch> AddedTokenMatcher::split(std::string_view text) const {
    std::vector<AddedMatch> matches;
    std::size_t previousEnd = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        int best = -1;
        std::size_t bestLength = 0;
        for (const int index : byFirstByte_[static_cast<unsigned char>(text[pos])]) {
            const std::string &content = tokens_[static_cast<std::size_t>(index)].content;
            if (content.size() > bestLength && text.compare(pos, content.size(), content) == 0) {
                best = index;
                bestLength = content.size();
            }
        }
        if (best < 0) {
            ++pos;
            continue;
        }
        const AddedToken &token = tokens_[static_cast<std::size_t>(best)];
        std::size_t start = pos, stop = pos + bestLength;
        pos = stop;
        if (token.singleWord) {
            std::size_t unused = 0;
            const bool spaceBefore = start == 0 || !isWordChar(lastCodePoint(text, start, unused));
            std::size_t after = stop;
            const bool spaceAfter = stop == text.size() || !isWordChar(nextCodePoint(text, after));
            if (!spaceBefore || !spaceAfter)
                continue;
        }
        if (token.lstrip) {
            std::size_t charStart = 0;
            while (start > previousEnd && isWhitespace(lastCodePoint(text, start, charStart)))
                start = charStart;
            if (start < previousEnd)
                start = previousEnd;
        }
        if (token.rstrip) {
            while (stop < text.size()) {
                std::size_t next = stop;
                if (!isWhitespace(nextCodePoint(text, next)))
                    break;
                stop = next;
            }
            pos = stop;
        }
        matches.push_back({start, stop, best});
        previousEnd = stop;
    }

    std::vector<AddedMatch> segments;
    std::size_t cursor = 0;
    for (const AddedMatch &m : matches) {
        if (m.begin > cursor)
            segments.push_back({cursor, m.begin, -1});
        segments.push_back(m);
        cursor = m.end;
    }
    if (cursor < text.size())
        segments.push_back({cursor, text.size(), -1});
    return segments;
}

} // namespace attnviz::tokenize
