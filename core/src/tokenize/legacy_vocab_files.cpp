// Legacy tokenizer files: GPT-2's vocab.json + merges.txt and BERT's vocab.txt (+
// tokenizer_config.json), assembled into the same pipeline the library's converters build.
#include "attnviz/tokenize/bpe_model.h"
#include "attnviz/tokenize/hf_tokenizer.h"
#include "attnviz/tokenize/json_fields.h"
#include "attnviz/tokenize/model_tokenizer.h"
#include "attnviz/tokenize/wordpiece_model.h"

#include "attnviz/error.h"
#include "attnviz/io/input_file.h"
#include "attnviz/utf8.h"

namespace attnviz {

using nlohmann::json;
using namespace tokenize;

namespace {

constexpr std::uint64_t kMaxVocabFileBytes = 64ull << 20;

// Lines without their end-of-line; a last line without a newline counts, a last empty one not.
std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

void requireUtf8(std::string_view text, const std::string &source) {
    if (const auto bad = findInvalidUtf8(text))
        throw InputError(ErrorId::FileNotUtf8, {source, std::to_string(*bad)});
}

AddedToken specialToken(std::string content, int id) {
    AddedToken token;
    token.content = std::move(content);
    token.id = id;
    token.special = true;
    return token;
}

} // namespace

std::unique_ptr<ModelTokenizer> loadGpt2VocabFiles(const std::string &vocabJson,
                                                   const std::string &mergesTxt) {
    const JsonFields f{quotedPath(vocabJson)};
    const json vocab = f.parse(readInputFile(vocabJson, kMaxVocabFileBytes, "the vocabulary"));
    f.requireObject(vocab, "the top level");
    std::unordered_map<std::string, int> entries;
    entries.reserve(vocab.size());
    for (const auto &[token, id] : vocab.items())
        entries.emplace(token, f.integer(id, "[\"" + token + "\"]"));
    if (entries.empty())
        f.fail("the vocabulary", "is empty");

    const std::string mergesSource = quotedPath(mergesTxt);
    const std::string mergesText = readInputFile(mergesTxt, kMaxVocabFileBytes, "the merges");
    requireUtf8(mergesText, mergesSource);
    std::vector<std::pair<std::string, std::string>> merges;
    const auto lines = splitLines(mergesText);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if ((i == 0 && line.rfind("#version", 0) == 0) || line.empty())
            continue;
        const auto space = line.find(' ');
        if (space == std::string_view::npos || line.find(' ', space + 1) != std::string_view::npos)
            throw InputError(ErrorId::MergesLineNotPair, {mergesSource, std::to_string(i + 1)});
        merges.emplace_back(std::string(line.substr(0, space)),
                            std::string(line.substr(space + 1)));
    }

    TokenizerParts parts;
    const auto endOfText = entries.find("<|endoftext|>");
    if (endOfText != entries.end())
        parts.addedTokens.push_back(specialToken("<|endoftext|>", endOfText->second));
    parts.byteLevel = std::make_unique<ByteLevelPreTokenizer>(false, true);
    parts.model =
        std::make_unique<BpeModel>(std::move(entries), merges, BpeOptions{}, mergesSource);
    return std::make_unique<HfTokenizer>(std::move(parts));
}

std::unique_ptr<ModelTokenizer> loadWordPieceVocabFile(const std::string &vocabTxt,
                                                       const std::string &tokenizerConfigJson) {
    const std::string source = quotedPath(vocabTxt);
    const std::string text = readInputFile(vocabTxt, kMaxVocabFileBytes, "the vocabulary");
    requireUtf8(text, source);
    std::unordered_map<std::string, int> vocab;
    const auto lines = splitLines(text);
    if (lines.size() > static_cast<std::size_t>(INT32_MAX))
        throw InputError(ErrorId::FileTooManyLines, {source});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1); // the library trims the end of each line
        vocab[std::string(line)] = static_cast<int>(i);
    }
    if (vocab.empty())
        throw InputError(ErrorId::FileEmpty, {source});

    BertNormalizerOptions normalizer; // BERT's defaults: lowercase, accents follow lowercase
    if (!tokenizerConfigJson.empty()) {
        const JsonFields f{quotedPath(tokenizerConfigJson)};
        const json config =
            f.parse(readInputFile(tokenizerConfigJson, kMaxVocabFileBytes, "the tokenizer config"));
        f.requireObject(config, "the top level");
        normalizer.lowercase = f.booleanOr(config, "do_lower_case", "do_lower_case", true);
        if (const json *strip = f.optionalMember(config, "strip_accents"))
            normalizer.stripAccents = f.boolean(*strip, "strip_accents");
        normalizer.handleChineseChars =
            f.booleanOr(config, "tokenize_chinese_chars", "tokenize_chinese_chars", true);
    }

    TokenizerParts parts;
    for (const char *name : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"})
        if (const auto found = vocab.find(name); found != vocab.end())
            parts.addedTokens.push_back(specialToken(name, found->second));
    const auto cls = vocab.find("[CLS]"), sep = vocab.find("[SEP]");
    if (cls == vocab.end() || sep == vocab.end())
        throw InputError(ErrorId::VocabularyNoClsSep, {source});
    parts.post.single = {TemplateItem{false, {cls->second}, {"[CLS]"}}, TemplateItem{true, {}, {}},
                         TemplateItem{false, {sep->second}, {"[SEP]"}}};
    parts.bertNormalizer = normalizer;
    parts.bertPreTokenizer = true;
    parts.model = std::make_unique<WordPieceModel>(std::move(vocab), WordPieceOptions{}, source);
    return std::make_unique<HfTokenizer>(std::move(parts));
}

} // namespace attnviz
