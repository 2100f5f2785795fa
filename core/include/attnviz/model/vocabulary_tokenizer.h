// VocabularyTokenizer: attnviz's own models' tokenizer — the app's word or character tokens looked
// up in a vocabulary, so a built-in model sees exactly the tokens the window shows.
#pragma once

#include "attnviz/tokenize/model_tokenizer.h"
#include "attnviz/tokenizer.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace attnviz {

class VocabularyTokenizer : public ModelTokenizer {
public:
    // `entries[k]` is id k. With `lowercase`, tokens are looked up after ICU's root-locale
    // lowercasing (their display text keeps the sentence's case). Throws InputError when the
    // unknown token is not in the vocabulary or an entry repeats.
    VocabularyTokenizer(std::vector<std::string> entries, TokenizerMode mode, bool lowercase,
                        const std::string &unknownToken);

    // Reads vocab.txt (one entry per line, line k is id k); `kind` is config.json's "tokenizer":
    // "words-lowercase", "words" or "chars".
    static std::unique_ptr<VocabularyTokenizer> fromFile(const std::string &vocabPath,
                                                         const std::string &kind,
                                                         const std::string &unknownToken);

    std::vector<EncodedToken> encode(std::string_view utf8, std::size_t maxTokens) const override;
    int vocabSize() const override { return static_cast<int>(m_entries.size()); }
    std::string describe() const override;

private:
    std::vector<std::string> m_entries;
    std::unordered_map<std::string, int> m_ids;
    TokenizerMode m_mode;
    bool m_lowercase;
    int m_unknownId = 0;
};

// ICU's full lowercase mapping in the root locale ("Σ" at a word's end → "ς" as ICU decides).
std::string lowercaseUtf8(std::string_view utf8);

} // namespace attnviz
