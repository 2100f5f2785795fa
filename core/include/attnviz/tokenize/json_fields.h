// Typed access to tokenizer JSON fields: every missing field or wrong type is an InputError
// naming the file and the field ("tokenizer.json: model.vocab must be an object").
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace attnviz::tokenize {

// What an id or count field must be: a fixed phrase the interface translates (isErrorPhrase).
inline constexpr char kWholeNumberPhrase[] = "must be a whole number from 0 to 2147483647";

class JsonFields {
public:
    explicit JsonFields(std::string source)
        : source_(std::move(source)) {}

    // Parses text; malformed JSON names the file and where it stops being JSON.
    nlohmann::json parse(std::string_view text) const;

    [[noreturn]] void fail(const std::string &field, const std::string &problem) const;
    const std::string &source() const { return source_; }

    // A required member of an object.
    const nlohmann::json &member(const nlohmann::json &object, const std::string &key,
                                 const std::string &path) const;
    // A member that may be absent or null.
    const nlohmann::json *optionalMember(const nlohmann::json &object,
                                         const std::string &key) const;

    std::string string(const nlohmann::json &value, const std::string &path) const;
    int integer(const nlohmann::json &value, const std::string &path) const; // 0 ≤ n ≤ INT_MAX
    bool boolean(const nlohmann::json &value, const std::string &path) const;
    void requireObject(const nlohmann::json &value, const std::string &path) const;
    void requireArray(const nlohmann::json &value, const std::string &path) const;

    // Absent or null gives the fallback.
    bool booleanOr(const nlohmann::json &object, const std::string &key, const std::string &path,
                   bool fallback) const;
    std::optional<std::string> stringOrNull(const nlohmann::json &object, const std::string &key,
                                            const std::string &path) const;

private:
    std::string source_;
};

} // namespace attnviz::tokenize
