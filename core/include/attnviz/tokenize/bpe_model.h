// BPE: merges applied by rank (lowest first), as in huggingface/tokenizers models/bpe.
#pragma once

#include "attnviz/tokenize/subword_model.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace attnviz::tokenize {

struct BpeOptions {
    std::string unkToken;                // empty: none
    std::string continuingSubwordPrefix; // added to every character but a word's first
    std::string endOfWordSuffix;         // added to a word's last character
    bool fuseUnk = false;
    bool ignoreMerges = false; // a word that is a vocabulary entry is taken whole
    bool byteLevel = true;     // for describe()
};

class BpeModel : public SubwordModel {
public:
    // Throws InputError naming `where` for a merge whose parts or result are not in the vocabulary.
    BpeModel(std::unordered_map<std::string, int> vocab,
             const std::vector<std::pair<std::string, std::string>> &merges, BpeOptions options,
             const std::string &where);

    void tokenize(const AlignedText &word, std::vector<ModelToken> &out) const override;
    std::optional<int> tokenToId(std::string_view token) const override;
    std::size_t vocabEntries() const override { return vocab_.size(); }
    std::string kindName() const override;

private:
    struct Merge {
        int rank;
        int newId;
    };
    struct Piece {
        int id;
        std::size_t chars;
    };
    static std::uint64_t pairKey(int left, int right) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) |
               static_cast<std::uint32_t>(right);
    }
    std::vector<Piece> mergeWord(const AlignedText &word) const;
    const std::string &pieceOf(int id) const;

    std::unordered_map<std::string, int> vocab_;
    std::unordered_map<int, std::string> vocabById_;
    std::unordered_map<std::uint64_t, Merge> merges_;
    BpeOptions options_;
    std::optional<int> unkId_;

    // Words seen before (GPT-2 text repeats words a lot); capped like the library's cache.
    mutable std::mutex cacheMutex_;
    mutable std::unordered_map<std::string, std::vector<Piece>> cache_;
};

} // namespace attnviz::tokenize
