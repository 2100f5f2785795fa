// ModelTokenizer: a checkpoint's own tokenizer (Hugging Face tokenizer.json or legacy vocabulary
// files), giving exactly the ids the Hugging Face tokenizers library gives.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

struct EncodedToken {
    std::string piece;   // the vocabulary entry, e.g. "Ġcat", "##ing", "[CLS]"
    std::string display; // readable: byte-level marks decoded ("cat"), "##" removed, special tokens
                         // as they are; a character split over several byte-level pieces is shown
                         // whole on its first piece and as "…" on the others (continuation=true);
                         // a whitespace-only piece shows visible marks ("␣", "↵", "⇥")
    int id = 0;
    std::size_t byteBegin = 0, byteEnd = 0; // span in the input sentence (UTF-8 bytes), as the
                                            // library reports it; template tokens have 0, 0
    bool special = false;      // added/special tokens: [CLS], [SEP], <|endoftext|>, [MASK] ...
    bool continuation = false; // continues the previous token's word: "##" pieces, and byte-level
                               // pieces after the first of a pre-tokenizer word
    bool unknown = false;      // the vocabulary lacked it: [UNK], <unk>
};

class ModelTokenizer {
public:
    virtual ~ModelTokenizer() = default;
    // Throws InputError for invalid UTF-8 (naming the byte offset), for a sentence over 1 MiB and
    // for more than maxTokens tokens. Exactly the ids the Hugging Face tokenizers library gives
    // (with its post-processor: [CLS] … [SEP] for BERT; nothing added for GPT-2).
    virtual std::vector<EncodedToken> encode(std::string_view utf8,
                                             std::size_t maxTokens) const = 0;
    virtual int vocabSize() const = 0;        // entries, added tokens included
    virtual std::string describe() const = 0; // "byte-level BPE, 50257 entries"
};

// tokenizer.json: model BPE with the ByteLevel pre-tokenizer, or WordPiece with BertNormalizer
// and BertPreTokenizer; post-processor TemplateProcessing, BertProcessing, ByteLevel, a Sequence
// of those, or none. Anything else is an InputError naming what is unsupported and listing what
// is. The file is read with a 64 MiB cap.
std::unique_ptr<ModelTokenizer> loadTokenizerJson(const std::string &path);
// The same from the file's text; `source` names it in messages.
std::unique_ptr<ModelTokenizer> parseTokenizerJson(std::string_view text, std::string_view source);

// Legacy files: GPT-2's vocab.json + merges.txt (with <|endoftext|> as a special token).
std::unique_ptr<ModelTokenizer> loadGpt2VocabFiles(const std::string &vocabJson,
                                                   const std::string &mergesTxt);
// BERT's vocab.txt, with tokenizer_config.json's do_lower_case / strip_accents /
// tokenize_chinese_chars when the path is not empty (else BERT's defaults: lowercase true).
std::unique_ptr<ModelTokenizer> loadWordPieceVocabFile(const std::string &vocabTxt,
                                                       const std::string &tokenizerConfigJson);

} // namespace attnviz
