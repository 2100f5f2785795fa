#include "attnviz/safetensors.h"

#include "attnviz/error.h"
#include "attnviz/io/atomic_file.h"
#include "attnviz/io/input_file.h"
#include "attnviz/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attnviz {

namespace {

struct DTypeName {
    DType dtype;
    std::string_view name;
    std::size_t size;
};

constexpr std::array<DTypeName, 15> kDTypes = {{
    {DType::Bool, "BOOL", 1},
    {DType::U8, "U8", 1},
    {DType::I8, "I8", 1},
    {DType::F8E5M2, "F8_E5M2", 1},
    {DType::F8E4M3, "F8_E4M3", 1},
    {DType::I16, "I16", 2},
    {DType::U16, "U16", 2},
    {DType::F16, "F16", 2},
    {DType::BF16, "BF16", 2},
    {DType::I32, "I32", 4},
    {DType::U32, "U32", 4},
    {DType::F32, "F32", 4},
    {DType::I64, "I64", 8},
    {DType::U64, "U64", 8},
    {DType::F64, "F64", 8},
}};

const DTypeName &entry(DType dtype) {
    return *std::find_if(kDTypes.begin(), kDTypes.end(),
                         [dtype](const DTypeName &d) { return d.dtype == dtype; });
}

[[noreturn]] void fail(ErrorId id, std::vector<std::string> args) {
    throw InputError(id, std::move(args));
}

std::string number(std::uint64_t n) {
    return std::to_string(n);
}

std::string inQuotes(std::string_view name) {
    constexpr std::size_t kMax = 80; // a hostile name must not make the message enormous
    std::string shown(name.substr(0, kMax));
    if (name.size() > kMax)
        shown += "…";
    return "'" + shown + "'";
}

std::uint64_t readLittleEndian64(const std::byte *p) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | static_cast<std::uint64_t>(p[i]);
    return value;
}

float halfToFloat(std::uint16_t h) {
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1Fu;
    const std::uint32_t mantissa = h & 0x3FFu;
    if (exponent == 0) { // zero or subnormal: mantissa · 2^−24
        const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 31) // infinity or NaN
        return std::bit_cast<float>(sign | 0x7F800000u | (mantissa << 13));
    return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

DType parseDType(const std::string &text, const std::string &tensor) {
    for (const DTypeName &d : kDTypes)
        if (d.name == text)
            return d.dtype;
    fail(ErrorId::SafetensorsUnknownDtype, {inQuotes(tensor), inQuotes(text)});
}

std::vector<std::uint64_t> parseUnsignedList(const nlohmann::json &j, const std::string &what,
                                             const std::string &tensor) {
    if (!j.is_array())
        fail(ErrorId::SafetensorsBadList, {what, tensor});
    std::vector<std::uint64_t> values;
    values.reserve(j.size());
    for (const auto &v : j) {
        if (!v.is_number_unsigned())
            fail(ErrorId::SafetensorsBadList, {what, tensor});
        values.push_back(v.get<std::uint64_t>());
    }
    return values;
}

TensorInfo parseTensor(const std::string &name, const nlohmann::json &j) {
    if (!j.is_object())
        fail(ErrorId::SafetensorsTensorNotObject, {inQuotes(name)});
    const auto dtype = j.find("dtype");
    const auto shape = j.find("shape");
    const auto offsets = j.find("data_offsets");
    if (dtype == j.end() || shape == j.end() || offsets == j.end())
        fail(ErrorId::SafetensorsTensorFieldsMissing, {inQuotes(name)});
    if (!dtype->is_string())
        fail(ErrorId::SafetensorsDtypeNotString, {inQuotes(name)});
    TensorInfo t;
    t.name = name;
    t.dtype = parseDType(dtype->get<std::string>(), name);
    t.shape = parseUnsignedList(*shape, "the shape", inQuotes(name));
    const auto range = parseUnsignedList(*offsets, "data_offsets", inQuotes(name));
    if (range.size() != 2)
        fail(ErrorId::SafetensorsOffsetsNotTwo, {inQuotes(name)});
    t.begin = range[0];
    t.end = range[1];
    return t;
}

// Parses the header, refusing duplicate tensor names (which a JSON object would silently merge).
nlohmann::json parseHeader(std::string_view header) {
    if (const auto bad = findInvalidUtf8(header))
        fail(ErrorId::SafetensorsHeaderNotUtf8, {number(*bad)});
    std::set<std::string> names;
    std::string duplicate;
    const nlohmann::json::parser_callback_t noteKeys =
        [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json &parsed) {
            if (event == nlohmann::json::parse_event_t::key && depth == 1 &&
                !names.insert(parsed.get<std::string>()).second && duplicate.empty())
                duplicate = parsed.get<std::string>();
            return true;
        };
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(header.begin(), header.end(), noteKeys);
    } catch (const nlohmann::json::parse_error &e) {
        fail(ErrorId::SafetensorsHeaderNotJson, {number(e.byte)});
    } catch (const nlohmann::json::exception &) { // e.g. a number too large for a double
        fail(ErrorId::SafetensorsHeaderNumberRange, {});
    }
    if (!json.is_object())
        fail(ErrorId::SafetensorsHeaderNotObject, {});
    if (!duplicate.empty())
        fail(ErrorId::SafetensorsDuplicateName, {inQuotes(duplicate)});
    return json;
}

void checkLayout(std::vector<TensorInfo> &tensors, std::uint64_t bufferBytes) {
    std::sort(tensors.begin(), tensors.end(), [](const TensorInfo &a, const TensorInfo &b) {
        return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
    });
    std::uint64_t expected = 0;
    for (const TensorInfo &t : tensors) {
        const std::string name = inQuotes(t.name);
        if (t.end < t.begin)
            fail(ErrorId::SafetensorsReversedOffsets, {name, number(t.begin), number(t.end)});
        if (t.begin < expected)
            fail(ErrorId::SafetensorsOverlap, {name, number(t.begin), number(expected)});
        if (t.begin > expected)
            fail(ErrorId::SafetensorsGap, {name, number(expected), number(t.begin)});
        if (t.end > bufferBytes)
            fail(ErrorId::SafetensorsPastEnd, {name, number(t.end), number(bufferBytes)});
        std::uint64_t bytes = dtypeSize(t.dtype);
        for (const std::uint64_t dim : t.shape)
            if (__builtin_mul_overflow(bytes, dim, &bytes))
                fail(ErrorId::SafetensorsShapeOverflow, {name, t.shapeText()});
        if (bytes != t.end - t.begin)
            fail(ErrorId::SafetensorsSizeMismatch,
                 {name, t.shapeText(), std::string(toString(t.dtype)), number(bytes),
                  number(t.end - t.begin)});
        expected = t.end;
    }
    if (expected != bufferBytes)
        fail(ErrorId::SafetensorsTrailingBytes, {number(bufferBytes - expected)});
}

} // namespace

std::string_view toString(DType dtype) {
    return entry(dtype).name;
}
std::size_t dtypeSize(DType dtype) {
    return entry(dtype).size;
}
bool isFloatingPoint(DType dtype) {
    return dtype == DType::F16 || dtype == DType::BF16 || dtype == DType::F32 ||
           dtype == DType::F64;
}

std::uint64_t TensorInfo::elementCount() const {
    std::uint64_t count = 1;
    for (const std::uint64_t dim : shape)
        count *= dim; // validated not to overflow when the file was read
    return count;
}

std::string TensorInfo::shapeText() const {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

struct SafetensorsFile::Bytes {
    const std::byte *data = nullptr;
    std::size_t size = 0;
    std::vector<std::byte> owned;
    void *mapping = nullptr;

    Bytes() = default;
    Bytes(const Bytes &) = delete;
    Bytes &operator=(const Bytes &) = delete;
    ~Bytes() {
        if (mapping)
            ::munmap(mapping, size);
    }
};

namespace {

struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0)
            ::close(fd);
    }
};

void checkHeaderLength(std::uint64_t headerBytes, std::uint64_t fileBytes) {
    if (headerBytes > SafetensorsFile::kMaxHeaderBytes)
        fail(ErrorId::SafetensorsHeaderTooLong,
             {number(headerBytes), number(SafetensorsFile::kMaxHeaderBytes)});
    if (headerBytes > fileBytes - 8)
        fail(ErrorId::SafetensorsHeaderPastEnd, {number(headerBytes), number(fileBytes)});
}

void checkLength(std::uint64_t fileBytes) {
    if (fileBytes < 8)
        fail(ErrorId::SafetensorsTooShort, {number(fileBytes)});
}

} // namespace

SafetensorsFile SafetensorsFile::open(const std::string &path, std::string_view what) {
    // One open: it names a directory, device or FIFO without blocking, and the kind and size are
    // checked on the descriptor that is then mapped.
    FileDescriptor file;
    std::uint64_t size = 0;
    file.fd = openRegularFile(path, what, size);
    try {
        checkLength(size);
        std::array<std::byte, 8> length{};
        if (::pread(file.fd, length.data(), length.size(), 0) != 8)
            fail(ErrorId::SafetensorsCannotReadHeaderLength, {systemErrorText(errno)});
        // Checked against the real size before anything else is read or mapped: a corrupt
        // 4 GB file is refused at once.
        checkHeaderLength(readLittleEndian64(length.data()), size);
    } catch (const InputError &e) {
        throw InputError(ErrorId::SafetensorsInFile, {std::string(what), quotedPath(path)}, e);
    }
    auto bytes = std::make_shared<Bytes>();
    void *mapping =
        ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (mapping == MAP_FAILED)
        fail(ErrorId::FileCannotMap, {std::string(what), quotedPath(path), systemErrorText(errno)});
    bytes->mapping = mapping;
    bytes->data = static_cast<const std::byte *>(mapping);
    bytes->size = static_cast<std::size_t>(size);
    try {
        return parse(std::move(bytes));
    } catch (const InputError &e) { // name the file: the parser only knows bytes
        throw InputError(ErrorId::SafetensorsInFile, {std::string(what), quotedPath(path)}, e);
    }
}

SafetensorsFile SafetensorsFile::fromBytes(std::vector<std::byte> owned) {
    auto bytes = std::make_shared<Bytes>();
    bytes->owned = std::move(owned);
    bytes->data = bytes->owned.data();
    bytes->size = bytes->owned.size();
    return parse(std::move(bytes));
}

SafetensorsFile SafetensorsFile::parse(std::shared_ptr<const Bytes> bytes) {
    checkLength(bytes->size);
    const std::uint64_t headerBytes = readLittleEndian64(bytes->data);
    checkHeaderLength(headerBytes, bytes->size);

    const std::string_view header(reinterpret_cast<const char *>(bytes->data) + 8,
                                  static_cast<std::size_t>(headerBytes));
    const nlohmann::json json = parseHeader(header);

    SafetensorsFile file;
    for (const auto &[key, value] : json.items()) {
        if (key == "__metadata__") {
            if (!value.is_object())
                fail(ErrorId::SafetensorsMetadataNotObject, {});
            for (const auto &[mkey, mvalue] : value.items()) {
                if (!mvalue.is_string())
                    fail(ErrorId::SafetensorsMetadataNotString, {inQuotes(mkey)});
                file.m_metadata[mkey] = mvalue.get<std::string>();
            }
            continue;
        }
        file.m_tensors.push_back(parseTensor(key, value));
    }
    file.m_dataStart = 8 + static_cast<std::size_t>(headerBytes);
    checkLayout(file.m_tensors, bytes->size - file.m_dataStart);
    file.m_bytes = std::move(bytes);
    return file;
}

const TensorInfo *SafetensorsFile::find(std::string_view name) const {
    const auto it = std::find_if(m_tensors.begin(), m_tensors.end(),
                                 [name](const TensorInfo &t) { return t.name == name; });
    return it == m_tensors.end() ? nullptr : &*it;
}

std::vector<float> SafetensorsFile::values(const TensorInfo &tensor) const {
    if (!isFloatingPoint(tensor.dtype))
        fail(ErrorId::SafetensorsNotFloat,
             {inQuotes(tensor.name), std::string(toString(tensor.dtype))});
    const std::byte *data = m_bytes->data + m_dataStart + tensor.begin;
    const auto count = static_cast<std::size_t>(tensor.elementCount());
    std::vector<float> out(count);
    // The format is little-endian, as are the machines attnviz runs on.
    static_assert(std::endian::native == std::endian::little);
    for (std::size_t i = 0; i < count; ++i) {
        switch (tensor.dtype) {
        case DType::F32:
            std::memcpy(&out[i], data + 4 * i, 4);
            break;
        case DType::F64: {
            double d;
            std::memcpy(&d, data + 8 * i, 8);
            out[i] = static_cast<float>(d);
            break;
        }
        case DType::F16: {
            std::uint16_t h;
            std::memcpy(&h, data + 2 * i, 2);
            out[i] = halfToFloat(h);
            break;
        }
        case DType::BF16: {
            std::uint16_t b;
            std::memcpy(&b, data + 2 * i, 2);
            out[i] = std::bit_cast<float>(static_cast<std::uint32_t>(b) << 16);
            break;
        }
        default:
            break;
        }
    }
    return out;
}

Eigen::MatrixXf SafetensorsFile::matrix(const TensorInfo &tensor) const {
    if (tensor.shape.size() != 2)
        fail(ErrorId::SafetensorsNotMatrix, {inQuotes(tensor.name), tensor.shapeText()});
    const std::vector<float> v = values(tensor);
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    return Eigen::Map<const RowMajor>(v.data(), static_cast<Eigen::Index>(tensor.shape[0]),
                                      static_cast<Eigen::Index>(tensor.shape[1]));
}

std::span<const std::byte> SafetensorsFile::fileBytes() const {
    return {m_bytes->data, m_bytes->size};
}

Eigen::VectorXf SafetensorsFile::vector(const TensorInfo &tensor) const {
    if (tensor.shape.size() != 1)
        fail(ErrorId::SafetensorsNotVector, {inQuotes(tensor.name), tensor.shapeText()});
    const std::vector<float> v = values(tensor);
    return Eigen::Map<const Eigen::VectorXf>(v.data(), static_cast<Eigen::Index>(v.size()));
}

std::vector<float> rowMajorValues(const Eigen::MatrixXf &m) {
    std::vector<float> v(static_cast<std::size_t>(m.size()));
    using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Eigen::Map<RowMajor>(v.data(), m.rows(), m.cols()) = m;
    return v;
}

std::vector<float> vectorValues(const Eigen::VectorXf &v) {
    return {v.data(), v.data() + v.size()};
}

void writeSafetensors(const std::string &path, const std::vector<TensorToWrite> &tensors,
                      const std::map<std::string, std::string> &metadata) {
    nlohmann::ordered_json header;
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    for (const TensorToWrite &t : tensors) {
        const std::uint64_t bytes = 4 * static_cast<std::uint64_t>(t.values.size());
        header[t.name] = {
            {"dtype", "F32"}, {"shape", t.shape}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' '); // the data then starts 8-byte aligned

    AtomicFile out(path, "the weights file");
    std::array<char, 8> length{};
    for (int i = 0; i < 8; ++i)
        length[static_cast<std::size_t>(i)] = static_cast<char>((text.size() >> (8 * i)) & 0xFF);
    out.write(std::string_view(length.data(), length.size()));
    out.write(text);
    for (const TensorToWrite &t : tensors)
        out.write(
            std::string_view(reinterpret_cast<const char *>(t.values.data()), 4 * t.values.size()));
    out.commit();
}

} // namespace attnviz
