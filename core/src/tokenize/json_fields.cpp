// Typed, named access to tokenizer JSON fields.
#include "attnviz/tokenize/json_fields.h"

#include "attnviz/error.h"

#include <climits>

namespace attnviz::tokenize {

using nlohmann::json;

static_assert(INT_MAX == 2147483647, "kWholeNumberPhrase names INT_MAX");

nlohmann::json JsonFields::parse(std::string_view text) const {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::exception &e) {
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, ..."
        std::string what = e.what();
        if (const auto bracket = what.find("] "); bracket != std::string::npos)
            what.erase(0, bracket + 2);
        throw InputError(ErrorId::JsonInvalid, {source_, what});
    }
}

void JsonFields::fail(const std::string &field, const std::string &problem) const {
    throw InputError(ErrorId::JsonFieldProblem, {source_, field, problem});
}

const json &JsonFields::member(const json &object, const std::string &key,
                               const std::string &path) const {
    const auto found = object.find(key);
    if (found == object.end())
        fail(path, "is missing");
    return *found;
}

const json *JsonFields::optionalMember(const json &object, const std::string &key) const {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null())
        return nullptr;
    return &*found;
}

std::string JsonFields::string(const json &value, const std::string &path) const {
    if (!value.is_string())
        fail(path, "must be a string");
    return value.get<std::string>();
}

int JsonFields::integer(const json &value, const std::string &path) const {
    if (value.is_number_unsigned() && value.get<std::uint64_t>() <= INT_MAX)
        return static_cast<int>(value.get<std::uint64_t>());
    if (value.is_number_integer() && value.get<std::int64_t>() >= 0 &&
        value.get<std::int64_t>() <= INT_MAX)
        return static_cast<int>(value.get<std::int64_t>());
    fail(path, kWholeNumberPhrase);
}

bool JsonFields::boolean(const json &value, const std::string &path) const {
    if (!value.is_boolean())
        fail(path, "must be true or false");
    return value.get<bool>();
}

void JsonFields::requireObject(const json &value, const std::string &path) const {
    if (!value.is_object())
        fail(path, "must be an object");
}

void JsonFields::requireArray(const json &value, const std::string &path) const {
    if (!value.is_array())
        fail(path, "must be an array");
}

bool JsonFields::booleanOr(const json &object, const std::string &key, const std::string &path,
                           bool fallback) const {
    const json *value = optionalMember(object, key);
    return value ? boolean(*value, path) : fallback;
}

std::optional<std::string> JsonFields::stringOrNull(const json &object, const std::string &key,
                                                    const std::string &path) const {
    const json *value = optionalMember(object, key);
    if (!value)
        return std::nullopt;
    return string(*value, path);
}

} // namespace attnviz::tokenize
