// BPE with merges by rank, following huggingface/tokenizers models/bpe (word.rs merge_all):
// the lowest-ranked adjacent pair is merged first, ties to the leftmost.
#include "attnviz/tokenize/bpe_model.h"

#include "attnviz/error.h"

#include <queue>

namespace attnviz::tokenize {

namespace {

constexpr std::size_t kCacheCapacity = 10000; // the library's default

} // namespace

BpeModel::BpeModel(std::unordered_map<std::string, int> vocab,
                   const std::vector<std::pair<std::string, std::string>> &merges,
                   BpeOptions options, const std::string &where)
    : vocab_(std::move(vocab))
    , options_(std::move(options)) {
    vocabById_.reserve(vocab_.size());
    for (const auto &[token, id] : vocab_)
        vocabById_.emplace(id, token);
    merges_.reserve(merges.size());
    const std::size_t prefixLength = options_.continuingSubwordPrefix.size();
    for (std::size_t rank = 0; rank < merges.size(); ++rank) {
        const auto &[left, right] = merges[rank];
        const auto leftId = vocab_.find(left), rightId = vocab_.find(right);
        const std::string merged =
            left + (prefixLength > 0 && right.rfind(options_.continuingSubwordPrefix, 0) == 0
                        ? right.substr(prefixLength)
                        : right);
        const auto mergedId = vocab_.find(merged);
        if (leftId == vocab_.end() || rightId == vocab_.end() || mergedId == vocab_.end())
            throw InputError(ErrorId::MergeUsesUnknownToken,
                             {where, std::to_string(rank), left, right});
        merges_.emplace(pairKey(leftId->second, rightId->second),
                        Merge{static_cast<int>(rank), mergedId->second});
    }
    if (!options_.unkToken.empty()) {
        const auto unk = vocab_.find(options_.unkToken);
        if (unk == vocab_.end())
            throw InputError(ErrorId::UnknownTokenNotInVocabulary, {where, options_.unkToken});
        unkId_ = unk->second;
    }
}

std::string BpeModel::kindName() const {
    return options_.byteLevel ? "byte-level BPE" : "BPE";
}

std::optional<int> BpeModel::tokenToId(std::string_view token) const {
    const auto found = vocab_.find(std::string(token));
    if (found == vocab_.end())
        return std::nullopt;
    return found->second;
}

const std::string &BpeModel::pieceOf(int id) const {
    static const std::string none;
    const auto found = vocabById_.find(id);
    return found == vocabById_.end() ? none : found->second;
}

std::vector<BpeModel::Piece> BpeModel::mergeWord(const AlignedText &word) const {
    const std::string text = toUtf8(word);
    if (options_.ignoreMerges) {
        if (const auto whole = vocab_.find(text); whole != vocab_.end())
            return {{whole->second, word.size()}};
    }

    // Symbols as a linked list over the word's characters.
    struct Symbol {
        int id;
        std::ptrdiff_t prev, next;
        std::size_t chars;
    };
    std::vector<Symbol> symbols;
    symbols.reserve(word.size());
    std::string key;
    for (std::size_t i = 0; i < word.size(); ++i) {
        key.clear();
        if (i > 0)
            key += options_.continuingSubwordPrefix;
        appendUtf8(key, word[i].cp);
        if (i + 1 == word.size())
            key += options_.endOfWordSuffix;
        const auto found = vocab_.find(key);
        int id = 0;
        if (found != vocab_.end()) {
            id = found->second;
        } else if (unkId_) {
            if (options_.fuseUnk && !symbols.empty() && symbols.back().id == *unkId_) {
                ++symbols.back().chars;
                continue;
            }
            id = *unkId_;
        } else {
            throw InputError(ErrorId::VocabularyNoCharacter, {key});
        }
        const auto index = static_cast<std::ptrdiff_t>(symbols.size());
        symbols.push_back({id, index - 1, index + 1, 1});
    }
    if (!symbols.empty())
        symbols.back().next = -1;

    struct Candidate {
        int rank;
        std::ptrdiff_t pos;
        int newId;
        bool operator>(const Candidate &o) const {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    const auto consider = [&](std::ptrdiff_t pos) {
        if (pos < 0)
            return;
        const std::ptrdiff_t next = symbols[static_cast<std::size_t>(pos)].next;
        if (next < 0)
            return;
        const auto found = merges_.find(pairKey(symbols[static_cast<std::size_t>(pos)].id,
                                                symbols[static_cast<std::size_t>(next)].id));
        if (found != merges_.end())
            queue.push({found->second.rank, pos, found->second.newId});
    };
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i)
        consider(static_cast<std::ptrdiff_t>(i));

    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol &left = symbols[static_cast<std::size_t>(top.pos)];
        if (left.chars == 0 || left.next < 0)
            continue;
        Symbol &right = symbols[static_cast<std::size_t>(left.next)];
        const auto current = merges_.find(pairKey(left.id, right.id));
        if (current == merges_.end() || current->second.rank != top.rank ||
            current->second.newId != top.newId)
            continue; // stale: one side was merged since
        left.id = top.newId;
        left.chars += right.chars;
        right.chars = 0;
        left.next = right.next;
        if (left.next >= 0)
            symbols[static_cast<std::size_t>(left.next)].prev = top.pos;
        consider(left.prev);
        consider(top.pos);
    }

    std::vector<Piece> pieces;
    for (const Symbol &s : symbols)
        if (s.chars > 0)
            pieces.push_back({s.id, s.chars});
    return pieces;
}

void BpeModel::tokenize(const AlignedText &word, std::vector<ModelToken> &out) const {
    if (word.empty())
        return;
    const std::string key = toUtf8(word);
    std::vector<Piece> pieces;
    {
        const std::lock_guard lock(cacheMutex_);
        if (const auto hit = cache_.find(key); hit != cache_.end())
            pieces = hit->second;
    }
    if (pieces.empty()) {
        pieces = mergeWord(word);
        const std::lock_guard lock(cacheMutex_);
        if (cache_.size() < kCacheCapacity)
            cache_.emplace(key, pieces);
    }
    std::size_t first = 0;
    for (const Piece &p : pieces) {
        out.push_back({p.id, pieceOf(p.id), first, first + p.chars});
        first += p.chars;
    }
}

} // namespace attnviz::tokenize
