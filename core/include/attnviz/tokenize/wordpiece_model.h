// WordPiece: greedy longest match first with a continuing prefix ("##"), as in
// huggingface/tokenizers models/wordpiece.
#pragma once

#include "attnviz/tokenize/subword_model.h"

#include <string>
#include <unordered_map>

namespace attnviz::tokenize {

struct WordPieceOptions {
    std::string unkToken = "[UNK]";
    std::string continuingSubwordPrefix = "##";
    std::size_t maxInputCharsPerWord = 100; // longer words are one [UNK]
};

class WordPieceModel : public SubwordModel {
public:
    // Throws InputError naming `where` when the unknown token is not in the vocabulary.
    WordPieceModel(std::unordered_map<std::string, int> vocab, WordPieceOptions options,
                   const std::string &where);

    void tokenize(const AlignedText &word, std::vector<ModelToken> &out) const override;
    std::optional<int> tokenToId(std::string_view token) const override;
    std::size_t vocabEntries() const override { return vocab_.size(); }
    std::string kindName() const override { return "WordPiece"; }
    std::string_view continuationPrefix() const override {
        return options_.continuingSubwordPrefix;
    }

private:
    std::unordered_map<std::string, int> vocab_;
    WordPieceOptions options_;
    int unkId_ = 0;
};

} // namespace attnviz::tokenize
