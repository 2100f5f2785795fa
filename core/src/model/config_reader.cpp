#include "config_reader.h"

#include "attnviz/error.h"

#include <cmath>

namespace attnviz {

ConfigReader::ConfigReader(const std::string &text, std::string fileName)
    : m_fileName(std::move(fileName)) {
    try {
        m_json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &e) {
        throw InputError(ErrorId::ConfigNotJson, {m_fileName, e.what()});
    }
    if (!m_json.is_object())
        throw InputError(ErrorId::ConfigNotObject, {m_fileName});
}

void ConfigReader::fail(const std::string &key, const std::string &why) const {
    throw InputError(ErrorId::ConfigBadKey, {m_fileName, key, why});
}

bool ConfigReader::has(const std::string &key) const {
    return m_json.contains(key) && !m_json.at(key).is_null();
}

const nlohmann::json &ConfigReader::value(const std::string &key) const {
    if (!has(key))
        fail(key, "is missing");
    return m_json.at(key);
}

int ConfigReader::integer(const std::string &key, int min, int max) const {
    const nlohmann::json &v = value(key);
    if (!v.is_number_integer())
        fail(key, "must be a whole number");
    const auto n = v.get<long long>();
    if (n < min || n > max)
        throw InputError(
            ErrorId::ConfigKeyIntegerRange,
            {m_fileName, key, std::to_string(n), std::to_string(min), std::to_string(max)});
    return static_cast<int>(n);
}

int ConfigReader::integer(const std::string &key, int min, int max, int fallback) const {
    return has(key) ? integer(key, min, max) : fallback;
}

double ConfigReader::number(const std::string &key, double min, double max, double fallback) const {
    if (!has(key))
        return fallback;
    const nlohmann::json &v = value(key);
    if (!v.is_number())
        fail(key, "must be a number");
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < min || d > max)
        throw InputError(ErrorId::ConfigKeyNumberRange,
                         {m_fileName, key, std::to_string(min), std::to_string(max)});
    return d;
}

std::string ConfigReader::text(const std::string &key) const {
    const nlohmann::json &v = value(key);
    if (!v.is_string())
        fail(key, "must be a string");
    return v.get<std::string>();
}

std::string ConfigReader::text(const std::string &key, const std::string &fallback) const {
    return has(key) ? text(key) : fallback;
}

bool ConfigReader::flag(const std::string &key, bool fallback) const {
    if (!has(key))
        return fallback;
    const nlohmann::json &v = value(key);
    if (!v.is_boolean())
        fail(key, "must be true or false");
    return v.get<bool>();
}

} // namespace attnviz
