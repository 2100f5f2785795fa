// ModelTokenizer: a model's own tokenizer, turning a sentence into vocabulary ids.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

struct EncodedToken {
    std::string piece;   // the vocabulary entry, e.g. "Ġcat", "##ing", "[CLS]"
    std::string display; // readable text: byte-level marks decoded, "##" removed
    int id = 0;
    std::size_t byteBegin = 0, byteEnd = 0; // span in the sentence; empty for template tokens
    bool special = false;                   // [CLS], [SEP], <|endoftext|>, [MASK], …
    bool continuation = false;              // continues the previous token's word
    bool unknown = false;                   // the vocabulary lacked it ([UNK], <unk>)
};

class ModelTokenizer {
public:
    virtual ~ModelTokenizer() = default;
    // Throws InputError for invalid UTF-8 (naming the byte offset) and for more than maxTokens
    // tokens.
    virtual std::vector<EncodedToken> encode(std::string_view utf8,
                                             std::size_t maxTokens) const = 0;
    virtual int vocabSize() const = 0;
    virtual std::string describe() const = 0; // "byte-level BPE, 50257 entries"
};

// tokenizer.json: byte-level BPE or WordPiece (BertNormalizer, BertPreTokenizer, template).
std::unique_ptr<ModelTokenizer> loadTokenizerJson(const std::string &path);
// GPT-2's legacy vocab.json + merges.txt.
std::unique_ptr<ModelTokenizer> loadGpt2VocabFiles(const std::string &vocabJson,
                                                   const std::string &mergesTxt);
// BERT's legacy vocab.txt (+ tokenizer_config.json, or empty for BERT's defaults).
std::unique_ptr<ModelTokenizer> loadWordPieceVocabFile(const std::string &vocabTxt,
                                                       const std::string &tokenizerConfigJson);

} // namespace attnviz
