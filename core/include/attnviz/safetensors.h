// Safetensors: reading and writing the Hugging Face tensor file format.
//
// Layout: 8 bytes little-endian header length n; n bytes of UTF-8 JSON (padding spaces allowed):
// {"__metadata__": {str: str}, "name": {"dtype": "F32", "shape": [r, c], "data_offsets": [b, e]}};
// then the data buffer, where offsets are relative to its start. Validation follows the reference
// reader: header ≤ 100,000,000 bytes and inside the file, known dtypes, shape × dtype size equal
// to the byte length (overflow-checked), tensors packed from offset 0 with no gap or overlap,
// the buffer fully covered, no duplicate names.
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

enum class DType {
    Bool,
    U8,
    I8,
    F8E5M2,
    F8E4M3,
    I16,
    U16,
    F16,
    BF16,
    I32,
    U32,
    F32,
    I64,
    U64,
    F64
};

std::string_view toString(DType dtype);
std::size_t dtypeSize(DType dtype);
// F16, BF16, F32 and F64 convert to float; the integer types cannot be weights.
bool isFloatingPoint(DType dtype);

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::uint64_t> shape;
    std::uint64_t begin = 0; // byte offsets into the data buffer
    std::uint64_t end = 0;

    std::uint64_t elementCount() const;
    std::string shapeText() const; // "[64, 64]"
};

class SafetensorsFile {
public:
    static constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

    // Opens and validates a file: regular files only (a directory, device or FIFO is refused
    // without blocking), the 8-byte header length checked against the file's size before
    // anything else, then the file mapped read-only; only the header and the tensors asked for
    // are ever read. `what` names the file's role in messages ("the weights file"). Throws
    // InputError with a one-line message naming the problem (and the tensor).
    static SafetensorsFile open(const std::string &path,
                                std::string_view what = "the safetensors file");
    // Validates an in-memory file (the fuzzer's entry point).
    static SafetensorsFile fromBytes(std::vector<std::byte> bytes);

    const std::vector<TensorInfo> &tensors() const { return m_tensors; }
    const std::map<std::string, std::string> &metadata() const { return m_metadata; }
    const TensorInfo *find(std::string_view name) const;

    // The tensor's values as float. Throws InputError for a non-floating dtype.
    std::vector<float> values(const TensorInfo &tensor) const;
    // A 2-D tensor as a matrix [rows × columns] (row-major in the file); throws when not 2-D.
    Eigen::MatrixXf matrix(const TensorInfo &tensor) const;
    // A 1-D tensor as a vector; throws when not 1-D.
    Eigen::VectorXf vector(const TensorInfo &tensor) const;
    // Every byte of the file (the mapping), e.g. to hash it without reading the file again.
    std::span<const std::byte> fileBytes() const;

private:
    struct Bytes; // the file's bytes: a read-only mapping or an owned buffer
    static SafetensorsFile parse(std::shared_ptr<const Bytes> bytes);

    std::shared_ptr<const Bytes> m_bytes;
    std::size_t m_dataStart = 0;
    std::vector<TensorInfo> m_tensors; // in offset order
    std::map<std::string, std::string> m_metadata;
};

// A tensor to write: F32 values in row-major order.
struct TensorToWrite {
    std::string name;
    std::vector<std::uint64_t> shape;
    std::vector<float> values;
};

// Writes F32 tensors in the given order with __metadata__, the header padded with spaces to a
// multiple of 8 bytes. Written through AtomicFile (io/atomic_file.h): regular targets only, links
// followed, temp file + fsync + rename, so a failure leaves any previous file intact. Throws
// InputError naming the path and the reason.
void writeSafetensors(const std::string &path, const std::vector<TensorToWrite> &tensors,
                      const std::map<std::string, std::string> &metadata);

// Row-major values of a matrix / vector, for TensorToWrite.
std::vector<float> rowMajorValues(const Eigen::MatrixXf &m);
std::vector<float> vectorValues(const Eigen::VectorXf &v);

} // namespace attnviz
