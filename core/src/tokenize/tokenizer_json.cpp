// tokenizer.json → HfTokenizer, stage by stage; what the pipeline cannot reproduce exactly is
// refused with the supported alternatives named.
#include "attnviz/tokenize/bpe_model.h"
#include "attnviz/tokenize/hf_tokenizer.h"
#include "attnviz/tokenize/json_fields.h"
#include "attnviz/tokenize/model_tokenizer.h"
#include "attnviz/tokenize/tokenizer_json_reader.h"
#include "attnviz/tokenize/wordpiece_model.h"

#include "attnviz/error.h"
#include "attnviz/io/input_file.h"

namespace attnviz {

using nlohmann::json;
using namespace tokenize;

namespace {

constexpr std::uint64_t kMaxTokenizerFileBytes = 64ull << 20;

std::string typeOf(const JsonFields &f, const json &stage, const std::string &path) {
    f.requireObject(stage, path);
    return f.string(f.member(stage, "type", path + ".type"), path + ".type");
}

std::unordered_map<std::string, int> readVocab(const JsonFields &f, const json &model,
                                               TokenizerJsonDocument &doc) {
    const json &vocab = f.member(model, "vocab", "model.vocab");
    if (doc.vocabCaptured) {
        std::unordered_map<std::string, int> out;
        out.reserve(doc.vocab.size());
        for (auto &[token, id] : doc.vocab)
            out.emplace(std::move(token), id);
        if (out.empty())
            f.fail("model.vocab", "is empty");
        return out;
    }
    f.requireObject(vocab, "model.vocab");
    std::unordered_map<std::string, int> out;
    out.reserve(vocab.size());
    for (const auto &[token, id] : vocab.items())
        out.emplace(token, f.integer(id, "model.vocab[\"" + token + "\"]"));
    if (out.empty())
        f.fail("model.vocab", "is empty");
    return out;
}

// Merges are "left right" strings (older files) or ["left", "right"] pairs (newer files).
std::vector<std::pair<std::string, std::string>> readMerges(const JsonFields &f, const json &model,
                                                            TokenizerJsonDocument &doc) {
    const json &merges = f.member(model, "merges", "model.merges");
    if (doc.mergesCaptured)
        return std::move(doc.merges);
    f.requireArray(merges, "model.merges");
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(merges.size());
    for (std::size_t i = 0; i < merges.size(); ++i) {
        const std::string path = "model.merges[" + std::to_string(i) + "]";
        const json &merge = merges[i];
        if (merge.is_string()) {
            const std::string text = merge.get<std::string>();
            const auto space = text.find(' ');
            if (space == std::string::npos || text.find(' ', space + 1) != std::string::npos)
                f.fail(path, "must be two tokens separated by one space");
            out.emplace_back(text.substr(0, space), text.substr(space + 1));
        } else if (merge.is_array() && merge.size() == 2) {
            out.emplace_back(f.string(merge[0], path + "[0]"), f.string(merge[1], path + "[1]"));
        } else {
            f.fail(path, "must be a string \"left right\" or a pair of strings");
        }
    }
    return out;
}

std::unique_ptr<SubwordModel> readModel(const JsonFields &f, const json &model, bool byteLevel,
                                        TokenizerJsonDocument &doc) {
    const std::string type = typeOf(f, model, "model");
    if (type == "BPE") {
        if (const json *dropout = f.optionalMember(model, "dropout");
            dropout && !(dropout->is_number() && dropout->get<double>() == 0.0))
            f.fail("model.dropout", "is not supported (encoding must be deterministic)");
        if (f.booleanOr(model, "byte_fallback", "model.byte_fallback", false))
            f.fail("model.byte_fallback", "is not supported");
        BpeOptions options;
        options.unkToken = f.stringOrNull(model, "unk_token", "model.unk_token").value_or("");
        options.continuingSubwordPrefix =
            f.stringOrNull(model, "continuing_subword_prefix", "model.continuing_subword_prefix")
                .value_or("");
        options.endOfWordSuffix =
            f.stringOrNull(model, "end_of_word_suffix", "model.end_of_word_suffix").value_or("");
        options.fuseUnk = f.booleanOr(model, "fuse_unk", "model.fuse_unk", false);
        options.ignoreMerges = f.booleanOr(model, "ignore_merges", "model.ignore_merges", false);
        options.byteLevel = byteLevel;
        return std::make_unique<BpeModel>(readVocab(f, model, doc), readMerges(f, model, doc),
                                          std::move(options), f.source());
    }
    if (type == "WordPiece") {
        WordPieceOptions options;
        options.unkToken =
            f.stringOrNull(model, "unk_token", "model.unk_token").value_or(options.unkToken);
        options.continuingSubwordPrefix =
            f.stringOrNull(model, "continuing_subword_prefix", "model.continuing_subword_prefix")
                .value_or(options.continuingSubwordPrefix);
        if (const json *max = f.optionalMember(model, "max_input_chars_per_word"))
            options.maxInputCharsPerWord =
                static_cast<std::size_t>(f.integer(*max, "model.max_input_chars_per_word"));
        return std::make_unique<WordPieceModel>(readVocab(f, model, doc), std::move(options),
                                                f.source());
    }
    throw InputError(ErrorId::TokenizerModelTypeUnsupported, {f.source(), type});
}

std::vector<AddedToken> readAddedTokens(const JsonFields &f, const json &root) {
    std::vector<AddedToken> out;
    const json *tokens = f.optionalMember(root, "added_tokens");
    if (!tokens)
        return out;
    f.requireArray(*tokens, "added_tokens");
    for (std::size_t i = 0; i < tokens->size(); ++i) {
        const std::string path = "added_tokens[" + std::to_string(i) + "]";
        const json &t = (*tokens)[i];
        f.requireObject(t, path);
        AddedToken token;
        token.id = f.integer(f.member(t, "id", path + ".id"), path + ".id");
        token.content = f.string(f.member(t, "content", path + ".content"), path + ".content");
        if (token.content.empty())
            f.fail(path + ".content", "is empty");
        token.singleWord = f.booleanOr(t, "single_word", path + ".single_word", false);
        token.lstrip = f.booleanOr(t, "lstrip", path + ".lstrip", false);
        token.rstrip = f.booleanOr(t, "rstrip", path + ".rstrip", false);
        token.special = f.booleanOr(t, "special", path + ".special", false);
        token.normalized = f.booleanOr(t, "normalized", path + ".normalized", !token.special);
        out.push_back(std::move(token));
    }
    return out;
}

TemplateItem specialItem(const JsonFields &f, const json &specialTokens, const std::string &name,
                         const std::string &path) {
    const json &entry =
        f.member(specialTokens, name,
                 "post_processor.special_tokens[\"" + name + "\"] (used by " + path + ")");
    const std::string entryPath = "post_processor.special_tokens[\"" + name + "\"]";
    f.requireObject(entry, entryPath);
    const json &ids = f.member(entry, "ids", entryPath + ".ids");
    const json &tokens = f.member(entry, "tokens", entryPath + ".tokens");
    f.requireArray(ids, entryPath + ".ids");
    f.requireArray(tokens, entryPath + ".tokens");
    if (ids.size() != tokens.size() || ids.empty())
        f.fail(entryPath, "must have as many ids as tokens, at least one");
    TemplateItem item;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        item.ids.push_back(f.integer(ids[k], entryPath + ".ids[" + std::to_string(k) + "]"));
        item.tokens.push_back(
            f.string(tokens[k], entryPath + ".tokens[" + std::to_string(k) + "]"));
    }
    return item;
}

void readPostProcessor(const JsonFields &f, const json &stage, const std::string &path,
                       PostProcessor &post) {
    const std::string type = typeOf(f, stage, path);
    if (type == "ByteLevel") {
        post.byteLevelTrimOffsets =
            f.booleanOr(stage, "trim_offsets", path + ".trim_offsets", true);
        post.byteLevelAddPrefixSpace =
            f.booleanOr(stage, "add_prefix_space", path + ".add_prefix_space", true);
    } else if (type == "TemplateProcessing") {
        const json &single = f.member(stage, "single", path + ".single");
        f.requireArray(single, path + ".single");
        const json &specialTokens = f.member(stage, "special_tokens", path + ".special_tokens");
        f.requireObject(specialTokens, path + ".special_tokens");
        post.single.clear();
        for (std::size_t i = 0; i < single.size(); ++i) {
            const std::string itemPath = path + ".single[" + std::to_string(i) + "]";
            const json &item = single[i];
            f.requireObject(item, itemPath);
            if (const json *sequence = f.optionalMember(item, "Sequence")) {
                f.requireObject(*sequence, itemPath + ".Sequence");
                const std::string id =
                    f.string(f.member(*sequence, "id", itemPath + ".Sequence.id"),
                             itemPath + ".Sequence.id");
                if (id != "A")
                    f.fail(itemPath + ".Sequence.id",
                           "must be \"A\" in a single-sentence template");
                post.single.push_back({true, {}, {}});
            } else if (const json *special = f.optionalMember(item, "SpecialToken")) {
                f.requireObject(*special, itemPath + ".SpecialToken");
                const std::string id =
                    f.string(f.member(*special, "id", itemPath + ".SpecialToken.id"),
                             itemPath + ".SpecialToken.id");
                post.single.push_back(specialItem(f, specialTokens, id, itemPath));
            } else {
                f.fail(itemPath, "must be {\"Sequence\": ...} or {\"SpecialToken\": ...}");
            }
        }
    } else if (type == "BertProcessing") {
        const auto pairOf = [&](const char *key) {
            const std::string p = path + "." + key;
            const json &pair = f.member(stage, key, p);
            if (!pair.is_array() || pair.size() != 2)
                f.fail(p, "must be [token, id]");
            TemplateItem item;
            item.tokens.push_back(f.string(pair[0], p + "[0]"));
            item.ids.push_back(f.integer(pair[1], p + "[1]"));
            return item;
        };
        post.single = {pairOf("cls"), TemplateItem{true, {}, {}}, pairOf("sep")};
    } else if (type == "Sequence") {
        const json &processors = f.member(stage, "processors", path + ".processors");
        f.requireArray(processors, path + ".processors");
        for (std::size_t i = 0; i < processors.size(); ++i)
            readPostProcessor(f, processors[i], path + ".processors[" + std::to_string(i) + "]",
                              post);
    } else {
        throw InputError(ErrorId::PostProcessorUnsupported, {f.source(), path + ".type", type});
    }
}

} // namespace

std::unique_ptr<ModelTokenizer> parseTokenizerJson(std::string_view text, std::string_view source) {
    const JsonFields f{std::string(source)};
    TokenizerJsonDocument doc = readTokenizerJson(text, f);
    const json &root = doc.root;
    f.requireObject(root, "the top level");

    TokenizerParts parts;
    const json &model = f.member(root, "model", "model");
    const std::string modelType = typeOf(f, model, "model");

    if (const json *normalizer = f.optionalMember(root, "normalizer")) {
        const std::string type = typeOf(f, *normalizer, "normalizer");
        if (type != "BertNormalizer")
            throw InputError(ErrorId::NormalizerUnsupported, {f.source(), type});
        BertNormalizerOptions options;
        options.cleanText = f.booleanOr(*normalizer, "clean_text", "normalizer.clean_text", true);
        options.handleChineseChars = f.booleanOr(*normalizer, "handle_chinese_chars",
                                                 "normalizer.handle_chinese_chars", true);
        if (const json *strip = f.optionalMember(*normalizer, "strip_accents"))
            options.stripAccents = f.boolean(*strip, "normalizer.strip_accents");
        options.lowercase = f.booleanOr(*normalizer, "lowercase", "normalizer.lowercase", true);
        parts.bertNormalizer = options;
    }

    const json *preTokenizer = f.optionalMember(root, "pre_tokenizer");
    if (!preTokenizer)
        f.fail("pre_tokenizer", "is missing (supported: ByteLevel, BertPreTokenizer)");
    const std::string preType = typeOf(f, *preTokenizer, "pre_tokenizer");
    if (preType == "ByteLevel") {
        parts.byteLevel = std::make_unique<ByteLevelPreTokenizer>(
            f.booleanOr(*preTokenizer, "add_prefix_space", "pre_tokenizer.add_prefix_space", true),
            f.booleanOr(*preTokenizer, "use_regex", "pre_tokenizer.use_regex", true));
    } else if (preType == "BertPreTokenizer") {
        parts.bertPreTokenizer = true;
    } else {
        throw InputError(ErrorId::PreTokenizerUnsupported, {f.source(), preType});
    }

    // The two pipelines GPT-2 and BERT use; other mixes would tokenize differently from the
    // library in ways nothing here checks.
    const bool gpt2Like = modelType == "BPE" && parts.byteLevel && !parts.bertNormalizer;
    const bool bertLike = modelType == "WordPiece" && parts.bertPreTokenizer;
    if (!gpt2Like && !bertLike && (modelType == "BPE" || modelType == "WordPiece"))
        throw InputError(parts.bertNormalizer
                             ? ErrorId::TokenizerCombinationWithNormalizerUnsupported
                             : ErrorId::TokenizerCombinationUnsupported,
                         {f.source(), modelType, preType});
    parts.model = readModel(f, model, parts.byteLevel != nullptr, doc);
    parts.addedTokens = readAddedTokens(f, root);
    if (const json *post = f.optionalMember(root, "post_processor"))
        readPostProcessor(f, *post, "post_processor", parts.post);
    return std::make_unique<HfTokenizer>(std::move(parts));
}

std::unique_ptr<ModelTokenizer> loadTokenizerJson(const std::string &path) {
    const std::string text = readInputFile(path, kMaxTokenizerFileBytes, "the tokenizer");
    return parseTokenizerJson(text, quotedPath(path));
}

} // namespace attnviz
