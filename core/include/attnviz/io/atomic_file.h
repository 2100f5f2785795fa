// AtomicFile: the one rule for every output file — regular targets only, temp file + fsync +
// rename.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace attnviz {

// Where bytes go: a file being written atomically, standard output, or a test's stand-in.
// write() throws InputError naming the cause when the bytes cannot be written.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::string_view bytes) = 0;
};

// Writes `path` so that readers see the old file or the whole new one, never a part:
// - an existing target must be a regular file (a device, FIFO or directory is refused, so
//   `--save-weights /dev/null` never replaces the device node);
// - a symbolic link is followed to its final target, which is replaced in its own directory (the
//   link stays a link);
// - bytes go to a temporary file beside the target; every write is checked; commit() flushes,
//   fsyncs and renames it over the target, keeping the old file's permissions;
// - without commit() (an error, an exception) the temporary file is removed and any old file is
//   untouched.
// `what` names the file's role in messages ("the dump", "the weights file").
class AtomicFile : public ByteSink {
public:
    AtomicFile(const std::string &path, std::string_view what);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    void write(std::string_view bytes) override; // buffered; throws InputError on failure
    void commit();                               // throws InputError on failure

    const std::string &targetPath() const { return m_target; } // after following links

private:
    void flushBuffer();
    [[noreturn]] void failWith(int error);

    std::string m_path;   // as given, for messages
    std::string m_target; // the link-resolved file that will be replaced
    std::string m_temporary;
    std::string m_what;
    std::string m_buffer;
    int m_fd = -1;
    bool m_committed = false;
};

// Writes `bytes` to `path` through AtomicFile.
void writeFileAtomically(const std::string &path, std::string_view bytes, std::string_view what);

// Resolves symbolic links in `path` (the final target may not exist yet) and refuses an existing
// target that is not a regular file. Returns the path to replace. Throws InputError.
std::string resolveOutputTarget(const std::string &path, std::string_view what);

} // namespace attnviz
