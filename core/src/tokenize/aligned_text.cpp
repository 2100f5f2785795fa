// AlignedText: decoding and encoding code points with their original byte spans.
#include "attnviz/tokenize/aligned_text.h"

#include <unicode/uchar.h>

namespace attnviz::tokenize {

char32_t nextCodePoint(std::string_view utf8, std::size_t &i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = 1;
    char32_t cp = lead;
    if (lead >= 0xF0) {
        length = 4;
        cp = lead & 0x07u;
    } else if (lead >= 0xE0) {
        length = 3;
        cp = lead & 0x0Fu;
    } else if (lead >= 0xC0) {
        length = 2;
        cp = lead & 0x1Fu;
    }
    for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    i += length;
    return cp;
}

AlignedText decodeAligned(std::string_view utf8, std::size_t base) {
    AlignedText text;
    text.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t begin = i;
        const char32_t cp = nextCodePoint(utf8, i);
        text.push_back({cp, base + begin, base + i});
    }
    return text;
}

void appendUtf8(std::string &out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string toUtf8(const AlignedText &text, std::size_t first, std::size_t last) {
    std::string out;
    out.reserve(last - first);
    for (std::size_t i = first; i < last; ++i)
        appendUtf8(out, text[i].cp);
    return out;
}

bool isWhitespace(char32_t cp) {
    return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0;
}

} // namespace attnviz::tokenize
