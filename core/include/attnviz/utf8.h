// UTF-8 validation that reports where a byte sequence stops being valid.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace attnviz {

// Returns the byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or nullopt if all is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

} // namespace attnviz
