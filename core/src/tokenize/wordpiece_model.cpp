// WordPiece, following huggingface/tokenizers models/wordpiece: greedy longest match first,
// "##" on every piece but a word's first; a word that cannot be covered, or is longer than
// max_input_chars_per_word, is one unknown token.
#include "attnviz/tokenize/wordpiece_model.h"

#include "attnviz/error.h"

namespace attnviz::tokenize {

WordPieceModel::WordPieceModel(std::unordered_map<std::string, int> vocab, WordPieceOptions options,
                               const std::string &where)
    : vocab_(std::move(vocab))
    , options_(std::move(options)) {
    const auto unk = vocab_.find(options_.unkToken);
    if (unk == vocab_.end())
        throw InputError(ErrorId::UnknownTokenNotInVocabulary, {where, options_.unkToken});
    unkId_ = unk->second;
}

std::optional<int> WordPieceModel::tokenToId(std::string_view token) const {
    const auto found = vocab_.find(std::string(token));
    if (found == vocab_.end())
        return std::nullopt;
    return found->second;
}

void WordPieceModel::tokenize(const AlignedText &word, std::vector<ModelToken> &out) const {
    if (word.empty())
        return;
    if (word.size() > options_.maxInputCharsPerWord) {
        out.push_back({unkId_, options_.unkToken, 0, word.size()});
        return;
    }
    // Byte offset of each character in the word's UTF-8, so candidates are substrings.
    std::string text;
    std::vector<std::size_t> byteAt;
    byteAt.reserve(word.size() + 1);
    for (const AlignedChar &c : word) {
        byteAt.push_back(text.size());
        appendUtf8(text, c.cp);
    }
    byteAt.push_back(text.size());

    const std::size_t before = out.size();
    std::string candidate;
    for (std::size_t start = 0; start < word.size();) {
        std::size_t end = word.size();
        int id = -1;
        for (; end > start; --end) {
            candidate.clear();
            if (start > 0)
                candidate += options_.continuingSubwordPrefix;
            candidate.append(text, byteAt[start], byteAt[end] - byteAt[start]);
            if (const auto found = vocab_.find(candidate); found != vocab_.end()) {
                id = found->second;
                break;
            }
        }
        if (id < 0) {
            out.resize(before);
            out.push_back({unkId_, options_.unkToken, 0, word.size()});
            return;
        }
        out.push_back({id, candidate, start, end});
        start = end;
    }
}

} // namespace attnviz::tokenize
