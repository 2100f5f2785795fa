// HfTokenizer: the Hugging Face tokenizers pipeline — added tokens, normalizer, pre-tokenizer,
// model, post-processor — assembled from a tokenizer.json or legacy vocabulary files.
#pragma once

#include "attnviz/tokenize/added_vocabulary.h"
#include "attnviz/tokenize/bert_text.h"
#include "attnviz/tokenize/byte_level.h"
#include "attnviz/tokenize/model_tokenizer.h"
#include "attnviz/tokenize/subword_model.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attnviz::tokenize {

// One element of a TemplateProcessing "single" template: the sequence ($A) or special tokens.
struct TemplateItem {
    bool sequence = false;
    std::vector<int> ids; // special tokens: ids and their strings
    std::vector<std::string> tokens;
};

struct PostProcessor {
    bool byteLevelTrimOffsets = false; // ByteLevel post-processor with trim_offsets
    bool byteLevelAddPrefixSpace = true;
    std::vector<TemplateItem> single; // empty: nothing added
};

struct TokenizerParts {
    std::vector<AddedToken> addedTokens;
    std::optional<BertNormalizerOptions> bertNormalizer;
    std::unique_ptr<ByteLevelPreTokenizer> byteLevel; // exactly one of byteLevel ...
    bool bertPreTokenizer = false;                    // ... and bertPreTokenizer
    std::unique_ptr<SubwordModel> model;
    PostProcessor post;
};

class HfTokenizer : public ModelTokenizer {
public:
    explicit HfTokenizer(TokenizerParts parts);

    std::vector<EncodedToken> encode(std::string_view utf8, std::size_t maxTokens) const override;
    int vocabSize() const override { return vocabSize_; }
    std::string describe() const override;

    static constexpr std::size_t kMaxSentenceBytes = 1u << 20;

private:
    struct Output;
    void encodeText(const AlignedText &text, Output &out) const;
    void encodeWord(const AlignedText &word, Output &out) const;
    void applyByteLevelTrim(std::string_view sentence, std::vector<EncodedToken> &tokens) const;

    TokenizerParts parts_;
    AddedTokenMatcher rawAdded_;        // normalized=false: matched in the sentence itself
    AddedTokenMatcher normalizedAdded_; // normalized=true: matched after the normalizer
    std::size_t templateTokens_ = 0;
    int vocabSize_ = 0;
};

} // namespace attnviz::tokenize
