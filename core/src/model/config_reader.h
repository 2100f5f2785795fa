// ConfigReader: typed, range-checked values from a model's config.json, with errors naming the key.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace attnviz {

class ConfigReader {
public:
    // Parses the file's text; throws InputError for malformed JSON or a non-object.
    ConfigReader(const std::string &text, std::string fileName);

    bool has(const std::string &key) const;
    int integer(const std::string &key, int min, int max) const;
    int integer(const std::string &key, int min, int max, int fallback) const;
    double number(const std::string &key, double min, double max, double fallback) const;
    std::string text(const std::string &key) const;
    std::string text(const std::string &key, const std::string &fallback) const;
    bool flag(const std::string &key, bool fallback) const;
    const nlohmann::json &json() const { return m_json; }

private:
    const nlohmann::json &value(const std::string &key) const;
    [[noreturn]] void fail(const std::string &key, const std::string &why) const;

    nlohmann::json m_json;
    std::string m_fileName;
};

} // namespace attnviz
