#include "attnviz/model/vocabulary_tokenizer.h"

#include "attnviz/error.h"
#include "attnviz/io/input_file.h"
#include "attnviz/utf8.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace attnviz {

namespace {
constexpr std::uint64_t kMaxVocabularyBytes = 64u << 20;
}

std::string lowercaseUtf8(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.toLower(icu::Locale::getRoot());
    std::string out;
    text.toUTF8String(out);
    return out;
}

VocabularyTokenizer::VocabularyTokenizer(std::vector<std::string> entries, TokenizerMode mode,
                                         bool lowercase, const std::string &unknownToken)
    : m_entries(std::move(entries))
    , m_mode(mode)
    , m_lowercase(lowercase) {
    m_ids.reserve(m_entries.size());
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (!m_ids.emplace(m_entries[i], static_cast<int>(i)).second)
            throw InputError(ErrorId::VocabularyDuplicate,
                             {m_entries[i].substr(0, 40), std::to_string(m_ids[m_entries[i]] + 1),
                              std::to_string(i + 1)});
    const auto unknown = m_ids.find(unknownToken);
    if (unknown == m_ids.end())
        throw InputError(ErrorId::VocabularyNoUnknownEntry, {unknownToken});
    m_unknownId = unknown->second;
}

std::unique_ptr<VocabularyTokenizer>
VocabularyTokenizer::fromFile(const std::string &vocabPath, const std::string &kind,
                              const std::string &unknownToken) {
    TokenizerMode mode = TokenizerMode::Words;
    bool lowercase = false;
    if (kind == "words-lowercase")
        lowercase = true;
    else if (kind == "chars")
        mode = TokenizerMode::Chars;
    else if (kind != "words")
        throw InputError(ErrorId::ModuleTokenizerKind, {kind.substr(0, 40)});
    const std::string text = readInputFile(vocabPath, kMaxVocabularyBytes, "the vocabulary");
    if (const auto bad = findInvalidUtf8(text))
        throw InputError(ErrorId::VocabularyNotUtf8, {std::to_string(*bad)});
    std::vector<std::string> entries;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        entries.push_back(std::move(line));
        start = end + 1;
    }
    if (entries.empty())
        throw InputError(ErrorId::VocabularyEmpty, {});
    return std::make_unique<VocabularyTokenizer>(std::move(entries), mode, lowercase, unknownToken);
}

std::vector<EncodedToken> VocabularyTokenizer::encode(std::string_view utf8,
                                                      std::size_t maxTokens) const {
    TokenizerOptions options;
    options.mode = m_mode;
    options.maxTokens = maxTokens;
    std::vector<EncodedToken> encoded;
    for (const Token &token : tokenize(utf8, options)) {
        EncodedToken e;
        e.display = token.text;
        e.piece = m_lowercase ? lowercaseUtf8(token.text) : token.text;
        const auto found = m_ids.find(e.piece);
        e.unknown = found == m_ids.end();
        e.id = e.unknown ? m_unknownId : found->second;
        e.byteBegin = token.byteOffset;
        e.byteEnd = token.byteOffset + token.text.size();
        encoded.push_back(std::move(e));
    }
    return encoded;
}

std::string VocabularyTokenizer::describe() const {
    const char *kind = m_mode == TokenizerMode::Chars ? "characters"
                       : m_lowercase                  ? "lowercased words"
                                                      : "words";
    return std::string(kind) + ", " + std::to_string(m_entries.size()) + " entries";
}

} // namespace attnviz
