#include "json_writer.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>

namespace attnviz {

namespace {
constexpr std::size_t kFlushBytes = 1 << 16; // the sink sees few, large writes
}

JsonWriter::~JsonWriter() = default; // unflushed text is dropped: the caller failed half-way

void JsonWriter::put(std::string_view text) {
    m_buffer.append(text);
    if (m_buffer.size() >= kFlushBytes)
        flush();
}

void JsonWriter::put(char c) {
    m_buffer.push_back(c);
    if (m_buffer.size() >= kFlushBytes)
        flush();
}

void JsonWriter::flush() {
    if (m_buffer.empty())
        return;
    m_sink.write(m_buffer);
    m_buffer.clear();
}

// Places the comma between elements; a value right after its key needs none.
void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty()) {
        if (!m_first.back())
            put(',');
        m_first.back() = false;
    }
}

void JsonWriter::beginObject() {
    beforeValue();
    put('{');
    m_first.push_back(true);
}

void JsonWriter::endObject() {
    assert(!m_first.empty() && !m_afterKey);
    m_first.pop_back();
    put('}');
}

void JsonWriter::beginArray() {
    beforeValue();
    put('[');
    m_first.push_back(true);
}

void JsonWriter::endArray() {
    assert(!m_first.empty() && !m_afterKey);
    m_first.pop_back();
    put(']');
}

void JsonWriter::key(std::string_view name) {
    beforeValue();
    writeString(name);
    put(':');
    m_afterKey = true;
}

void JsonWriter::value(std::string_view text) {
    beforeValue();
    writeString(text);
}

// Escapes as nlohmann's serializer does with ensure_ascii off.
void JsonWriter::writeString(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    put('"');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            put("\\\"");
            break;
        case '\\':
            put("\\\\");
            break;
        case '\b':
            put("\\b");
            break;
        case '\f':
            put("\\f");
            break;
        case '\n':
            put("\\n");
            break;
        case '\r':
            put("\\r");
            break;
        case '\t':
            put("\\t");
            break;
        default:
            if (byte < 0x20) {
                const std::array<char, 6> escaped{'\\',           'u', '0', '0', hex[byte >> 4],
                                                  hex[byte & 0xF]};
                put(std::string_view(escaped.data(), escaped.size()));
            } else {
                put(c);
            }
        }
    }
    put('"');
}

void JsonWriter::value(bool b) {
    beforeValue();
    put(b ? "true" : "false");
}

void JsonWriter::value(std::int64_t number) {
    beforeValue();
    std::array<char, 24> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), number).ptr;
    put(std::string_view(text.data(), static_cast<std::size_t>(end - text.data())));
}

void JsonWriter::value(std::uint64_t number) {
    beforeValue();
    std::array<char, 24> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), number).ptr;
    put(std::string_view(text.data(), static_cast<std::size_t>(end - text.data())));
}

void JsonWriter::value(float number) {
    beforeValue();
    if (!std::isfinite(number)) {
        put("null");
        return;
    }
    // nlohmann's own shortest round-trip conversion, so the text is what dump() printed.
    std::array<char, 64> text{};
    const char *end = ::nlohmann::detail::to_chars(text.data(), text.data() + text.size(), number);
    put(std::string_view(text.data(), static_cast<std::size_t>(end - text.data())));
}

void JsonWriter::null() {
    beforeValue();
    put("null");
}

void JsonWriter::raw(std::string_view json) {
    beforeValue();
    put(json);
}

void JsonWriter::matrix(const Eigen::MatrixXf &m) {
    beginArray();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        beginArray();
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            value(m(i, j));
        endArray();
    }
    endArray();
}

} // namespace attnviz
