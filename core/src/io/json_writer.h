// JsonWriter: writes JSON text straight to a ByteSink, so large results never become a tree.
#pragma once

#include "attnviz/io/atomic_file.h"

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

// Compact JSON (no spaces), byte for byte what nlohmann::json::dump() prints: floats in the
// shortest form that reads back as the same float ("0.312", "1.0"), non-finite numbers as null,
// strings with control characters escaped and UTF-8 kept. The caller writes keys in the order it
// wants and is trusted to nest correctly (a debug assertion checks).
class JsonWriter {
public:
    explicit JsonWriter(ByteSink &sink)
        : m_sink(sink) {}
    ~JsonWriter();
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char *text) { value(std::string_view(text)); }
    void value(bool b);
    void value(std::int64_t number);
    void value(std::uint64_t number);
    void value(int number) { value(static_cast<std::int64_t>(number)); }
    void value(float number);
    void null();
    // Already serialised JSON (a small nlohmann value's dump()).
    void raw(std::string_view json);

    // A matrix as a list of rows.
    void matrix(const Eigen::MatrixXf &m);

    // Sends what is buffered to the sink.
    void flush();

private:
    void beforeValue();
    void writeString(std::string_view text);
    void put(std::string_view text);
    void put(char c);

    ByteSink &m_sink;
    std::string m_buffer;
    std::vector<bool> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace attnviz
