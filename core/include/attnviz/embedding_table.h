// EmbeddingTable: loaded token vectors (a safetensors matrix with its vocabulary, or a GloVe /
// word2vec text file) that replace the seeded random embeddings for the tokens they know.
#pragma once

#include <Eigen/Core>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attnviz {

class EmbeddingTable {
public:
    // A safetensors file with one [vocab × d_model] floating tensor (or one named like
    // *embedding(s).weight / embed_tokens.weight / wte.weight), its vocabulary from `vocabPath`
    // (one token per line, line i names row i) or __metadata__["vocab"] (a JSON list).
    static EmbeddingTable fromSafetensors(const std::string &path,
                                          const std::optional<std::string> &vocabPath);
    // "word v1 … vd" per line; a word2vec header line "count dim" is skipped.
    static EmbeddingTable fromText(const std::string &path);
    // By content: safetensors when the file parses as one, otherwise text.
    static EmbeddingTable load(const std::string &path,
                               const std::optional<std::string> &vocabPath);

    int dimension() const { return static_cast<int>(m_vectors.cols()); }
    std::size_t size() const { return m_index.size(); }

    // The vector of a token: its exact text, else its ASCII-lowercase form (GloVe is lowercase).
    std::optional<Eigen::RowVectorXf> find(std::string_view token) const;

private:
    void add(std::string token, int row);
    std::unordered_map<std::string, int> m_index;
    Eigen::MatrixXf m_vectors; // [vocab × d_model]
};

} // namespace attnviz
