// A SAX pass over tokenizer.json: nlohmann's tree builder for everything but model.vocab and
// model.merges, which are collected directly (a tree of 100,000 small nodes costs more than the
// rest of loading together).
#include "attnviz/tokenize/tokenizer_json_reader.h"

#include "attnviz/error.h"

#include <climits>
#include <optional>

namespace attnviz::tokenize {

namespace {

using nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

class CapturingSax {
public:
    CapturingSax(TokenizerJsonDocument &doc, const JsonFields &fields)
        : doc_(doc)
        , fields_(fields)
        , dom_(doc.root, true) {}

    bool null() { return capturing() ? scalarInCapture("null") : dom_.null(); }
    bool boolean(bool v) { return capturing() ? scalarInCapture("a boolean") : dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) {
        if (capture_ == Capture::Vocab && nesting_ == 1)
            return vocabId(v >= 0 && v <= INT_MAX ? std::optional<int>(static_cast<int>(v))
                                                  : std::nullopt);
        return capturing() ? scalarInCapture("a number") : dom_.number_integer(v);
    }
    bool number_unsigned(json::number_unsigned_t v) {
        if (capture_ == Capture::Vocab && nesting_ == 1)
            return vocabId(v <= INT_MAX ? std::optional<int>(static_cast<int>(v)) : std::nullopt);
        return capturing() ? scalarInCapture("a number") : dom_.number_unsigned(v);
    }
    bool number_float(json::number_float_t v, const json::string_t &s) {
        if (capture_ == Capture::Vocab && nesting_ == 1)
            return vocabId(std::nullopt);
        return capturing() ? scalarInCapture("a number") : dom_.number_float(v, s);
    }
    bool string(json::string_t &v) {
        if (capture_ == Capture::Merges) {
            if (nesting_ == 1)
                return mergeString(v);
            if (nesting_ == 2 && pairParts_ < 2) {
                pair_[pairParts_++] = std::move(v);
                return true;
            }
            fields_.fail(mergePath(), "must be a string \"left right\" or a pair of strings");
        }
        return capturing() ? scalarInCapture("a string") : dom_.string(v);
    }
    bool binary(json::binary_t &v) { return dom_.binary(v); }

    bool start_object(std::size_t n) {
        if (capturing())
            return scalarInCapture("an object");
        if (inModel() && key_ == "vocab") {
            capture_ = Capture::Vocab;
            nesting_ = 1;
            doc_.vocabCaptured = true;
            return dom_.start_object(0);
        }
        open(true);
        return dom_.start_object(n);
    }
    bool key(json::string_t &k) {
        if (capture_ == Capture::Vocab) {
            vocabKey_ = k;
            return true;
        }
        if (capturing())
            return scalarInCapture("an object");
        key_ = k;
        return dom_.key(k);
    }
    bool end_object() {
        if (capture_ == Capture::Vocab && nesting_ == 1) {
            capture_ = Capture::None;
            return dom_.end_object();
        }
        close();
        return dom_.end_object();
    }
    bool start_array(std::size_t n) {
        if (capture_ == Capture::Merges && nesting_ == 1) {
            nesting_ = 2;
            pairParts_ = 0;
            return true;
        }
        if (capturing())
            return scalarInCapture("an array");
        if (inModel() && key_ == "merges") {
            capture_ = Capture::Merges;
            nesting_ = 1;
            doc_.mergesCaptured = true;
            return dom_.start_array(0);
        }
        open(false);
        return dom_.start_array(n);
    }
    bool end_array() {
        if (capture_ == Capture::Merges && nesting_ == 2) {
            if (pairParts_ != 2)
                fields_.fail(mergePath(), "must be a string \"left right\" or a pair of strings");
            doc_.merges.emplace_back(std::move(pair_[0]), std::move(pair_[1]));
            nesting_ = 1;
            return true;
        }
        if (capture_ == Capture::Merges && nesting_ == 1) {
            capture_ = Capture::None;
            return dom_.end_array();
        }
        close();
        return dom_.end_array();
    }
    bool parse_error(std::size_t position, const std::string &token,
                     const nlohmann::detail::exception &e) {
        return dom_.parse_error(position, token, e);
    }

private:
    enum class Capture { None, Vocab, Merges };
    bool capturing() const { return capture_ != Capture::None; }

    // Containers open outside captures: whether each is an object, and the key it sits under.
    void open(bool isObject) {
        const bool inObject = !isObject_.empty() && isObject_.back();
        names_.push_back(inObject ? key_ : std::string());
        isObject_.push_back(isObject);
    }
    void close() {
        names_.pop_back();
        isObject_.pop_back();
    }
    // Directly inside the root object's "model" object.
    bool inModel() const { return names_.size() == 2 && names_[1] == "model" && isObject_[1]; }
    std::string mergePath() const {
        return "model.merges[" + std::to_string(doc_.merges.size()) + "]";
    }
    bool vocabId(std::optional<int> id) {
        if (!id)
            fields_.fail("model.vocab[\"" + vocabKey_ + "\"]", kWholeNumberPhrase);
        doc_.vocab.emplace_back(std::move(vocabKey_), *id);
        return true;
    }
    bool mergeString(const std::string &text) {
        const auto space = text.find(' ');
        if (space == std::string::npos || text.find(' ', space + 1) != std::string::npos)
            fields_.fail(mergePath(), "must be two tokens separated by one space");
        doc_.merges.emplace_back(text.substr(0, space), text.substr(space + 1));
        return true;
    }
    [[noreturn]] bool scalarInCapture(const char *what) {
        if (capture_ == Capture::Vocab)
            throw InputError(ErrorId::VocabularyIdNotIndex,
                             {fields_.source(), "model.vocab[\"" + vocabKey_ + "\"]", what});
        fields_.fail(mergePath(), "must be a string \"left right\" or a pair of strings");
    }

    TokenizerJsonDocument &doc_;
    const JsonFields &fields_;
    DomParser dom_;
    Capture capture_ = Capture::None;
    int nesting_ = 0; // inside a capture: 1 = the vocab object / merges array, 2 = a pair
    std::vector<std::string> names_;
    std::vector<bool> isObject_;
    std::string key_, vocabKey_;
    std::string pair_[2];
    int pairParts_ = 0;
};

} // namespace

TokenizerJsonDocument readTokenizerJson(std::string_view text, const JsonFields &fields) {
    TokenizerJsonDocument doc;
    CapturingSax sax(doc, fields);
    try {
        json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const json::exception &e) {
        std::string what = e.what();
        if (const auto bracket = what.find("] "); bracket != std::string::npos)
            what.erase(0, bracket + 2);
        throw InputError(ErrorId::JsonInvalid, {fields.source(), what});
    }
    return doc;
}

} // namespace attnviz::tokenize
