#include "attnviz/embedding_table.h"

#include "attnviz/error.h"
#include "attnviz/io/input_file.h"
#include "attnviz/safetensors.h"
#include "attnviz/utf8.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace attnviz {

namespace {

// Input caps, checked before reading: GloVe's largest common file (840B, 300d) is 5.6 GB, but a
// visualiser needs a few hundred thousand words; 2 GiB of text is about 700,000 300-d vectors.
constexpr std::uint64_t kMaxTextEmbeddingBytes = 2ULL << 30;
constexpr std::uint64_t kMaxVocabularyBytes = 256ULL << 20;

[[noreturn]] void fail(ErrorId id, std::vector<std::string> args = {}) {
    throw InputError(id, std::move(args));
}

bool looksLikeEmbedding(const std::string &name) {
    for (const char *suffix :
         {"embedding.weight", "embeddings.weight", "embed_tokens.weight", "wte.weight"}) {
        const std::size_t n = std::strlen(suffix);
        if (name.size() >= n && name.compare(name.size() - n, n, suffix) == 0)
            return true;
    }
    return false;
}

const TensorInfo &chooseEmbeddingTensor(const SafetensorsFile &file) {
    std::vector<const TensorInfo *> matrices, named;
    for (const TensorInfo &t : file.tensors()) {
        if (t.shape.size() != 2 || !isFloatingPoint(t.dtype))
            continue;
        matrices.push_back(&t);
        if (looksLikeEmbedding(t.name))
            named.push_back(&t);
    }
    if (matrices.size() == 1)
        return *matrices.front();
    if (named.size() == 1)
        return *named.front();
    fail(ErrorId::EmbeddingsWhichTensor,
         {std::to_string(matrices.size()), std::to_string(named.size())});
}

std::vector<std::string> readVocabulary(const std::optional<std::string> &vocabPath,
                                        const SafetensorsFile &file) {
    std::vector<std::string> vocab;
    if (vocabPath) {
        std::istringstream in(readInputFile(*vocabPath, kMaxVocabularyBytes, "the vocabulary"));
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            vocab.push_back(line);
        }
        return vocab;
    }
    const auto it = file.metadata().find("vocab");
    if (it == file.metadata().end())
        fail(ErrorId::EmbeddingsNeedVocabulary);
    const auto json = nlohmann::json::parse(it->second, nullptr, false);
    if (!json.is_array())
        fail(ErrorId::EmbeddingsMetadataVocab);
    for (const auto &token : json) {
        if (!token.is_string())
            fail(ErrorId::EmbeddingsMetadataVocab);
        vocab.push_back(token.get<std::string>());
    }
    return vocab;
}

std::string asciiLower(std::string_view text) {
    std::string lower(text);
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

// Other when `text` is a finite float, else the message saying what is wrong with it.
ErrorId floatProblem(std::string_view text, float &value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
        return ErrorId::EmbeddingsLineOutOfRange;
    if (ec != std::errc() || end != text.data() + text.size())
        return ErrorId::EmbeddingsLineNotNumber;
    if (!std::isfinite(value))
        return ErrorId::EmbeddingsLineNotFinite;
    return ErrorId::Other;
}

std::vector<std::string_view> splitSpaces(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            ++i;
        if (i > start)
            fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

} // namespace

void EmbeddingTable::add(std::string token, int row) {
    m_index.emplace(std::move(token), row);
}

EmbeddingTable EmbeddingTable::fromSafetensors(const std::string &path,
                                               const std::optional<std::string> &vocabPath) {
    const SafetensorsFile file = SafetensorsFile::open(path, "the embeddings file");
    const TensorInfo &tensor = chooseEmbeddingTensor(file);
    const std::vector<std::string> vocab = readVocabulary(vocabPath, file);
    if (vocab.size() != tensor.shape[0])
        fail(ErrorId::EmbeddingsVocabularyRows,
             {std::to_string(vocab.size()), tensor.name, std::to_string(tensor.shape[0])});
    EmbeddingTable table;
    table.m_vectors = file.matrix(tensor);
    if (!table.m_vectors.allFinite())
        fail(ErrorId::EmbeddingsTensorNotFinite, {tensor.name});
    for (std::size_t i = 0; i < vocab.size(); ++i)
        table.add(vocab[i], static_cast<int>(i)); // the first of duplicate tokens wins
    return table;
}

EmbeddingTable EmbeddingTable::fromText(const std::string &path) {
    const std::string text = readInputFile(path, kMaxTextEmbeddingBytes, "the embeddings file");
    std::vector<std::string> words;
    std::vector<float> values;
    int dimension = -1;
    std::size_t position = 0;
    for (std::size_t lineNumber = 1; position < text.size(); ++lineNumber) {
        std::size_t newline = text.find('\n', position);
        if (newline == std::string::npos)
            newline = text.size();
        std::string_view line(text.data() + position, newline - position);
        position = newline + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const auto fields = splitSpaces(line);
        if (fields.empty())
            continue;
        float unused;
        if (lineNumber == 1 && fields.size() == 2 &&
            floatProblem(fields[1], unused) == ErrorId::Other &&
            fields[0].find_first_not_of("0123456789") == std::string_view::npos)
            continue; // word2vec's "count dim" header
        if (findInvalidUtf8(fields[0]))
            fail(ErrorId::EmbeddingsLineNotUtf8, {std::to_string(lineNumber)});
        const int d = static_cast<int>(fields.size()) - 1;
        if (d < 1)
            fail(ErrorId::EmbeddingsLineNoNumbers, {std::to_string(lineNumber)});
        if (dimension < 0)
            dimension = d;
        if (d != dimension)
            fail(ErrorId::EmbeddingsLineCount,
                 {std::to_string(lineNumber), std::to_string(d), std::to_string(dimension)});
        for (std::size_t i = 1; i < fields.size(); ++i) {
            float v;
            if (const ErrorId problem = floatProblem(fields[i], v); problem != ErrorId::Other)
                fail(problem, {std::to_string(lineNumber), std::string(fields[i].substr(0, 40))});
            values.push_back(v);
        }
        words.emplace_back(fields[0]);
    }
    if (words.empty())
        fail(ErrorId::EmbeddingsEmpty, {quotedPath(path)});
    EmbeddingTable table;
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    table.m_vectors = Eigen::Map<const RowMajor>(
        values.data(), static_cast<Eigen::Index>(words.size()), dimension);
    for (std::size_t i = 0; i < words.size(); ++i)
        table.add(std::move(words[i]), static_cast<int>(i));
    return table;
}

EmbeddingTable EmbeddingTable::load(const std::string &path,
                                    const std::optional<std::string> &vocabPath) {
    requireRegularFile(path, "the embeddings file"); // a FIFO must not block the read below
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(ErrorId::FileCannotOpen,
             {"the embeddings file", quotedPath(path), systemErrorText(errno)});
    char first[9] = {};
    in.read(first, 9);
    // A safetensors header starts with a small little-endian length and then '{'.
    if (in.gcount() == 9 && first[8] == '{')
        return fromSafetensors(path, vocabPath);
    if (vocabPath)
        fail(ErrorId::EmbeddingsVocabWithText, {quotedPath(path)});
    return fromText(path);
}

std::optional<Eigen::RowVectorXf> EmbeddingTable::find(std::string_view token) const {
    auto it = m_index.find(std::string(token));
    if (it == m_index.end())
        it = m_index.find(asciiLower(token));
    if (it == m_index.end())
        return std::nullopt;
    return m_vectors.row(it->second);
}

} // namespace attnviz
