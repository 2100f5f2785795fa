#include "attnviz/io/atomic_file.h"

#include "attnviz/error.h"
#include "attnviz/io/input_file.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attnviz {

namespace {

constexpr std::size_t kBufferBytes = 1 << 16;
constexpr int kMaxLinkHops = 40; // as the kernel's own limit (ELOOP)

std::string directoryOf(const std::string &path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string fileNameOf(const std::string &path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Opens a new temporary file beside `target` (O_EXCL: never someone else's file).
int createTemporary(const std::string &target, std::string &temporary) {
    static std::atomic<unsigned> counter{0};
    const std::string directory = directoryOf(target);
    const std::string prefix =
        (directory == "/" ? "/" : directory + "/") + "." + fileNameOf(target).substr(0, 200);
    for (int attempt = 0; attempt < 100; ++attempt) {
        temporary = prefix + ".tmp-" + std::to_string(::getpid()) + "-" +
                    std::to_string(counter.fetch_add(1));
        const int fd =
            ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

} // namespace

std::string resolveOutputTarget(const std::string &path, std::string_view what) {
    if (path.empty())
        throw InputError(ErrorId::WriteNeedsFileName, {std::string(what)});
    std::string current = path;
    for (int hop = 0; hop <= kMaxLinkHops; ++hop) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0) {
            if (errno == ENOENT)
                return current; // a new file; its directory is checked when the file is created
            throw InputError(ErrorId::WriteCannot,
                             {std::string(what), quotedPath(path), systemErrorText(errno)});
        }
        if (S_ISREG(info.st_mode))
            return current;
        if (!S_ISLNK(info.st_mode))
            throw InputError(ErrorId::WriteNotRegular,
                             {std::string(what), quotedPath(path), fileKind(info.st_mode)});
        std::string link(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 4096) + 1,
                         '\0');
        const ssize_t length = ::readlink(current.c_str(), link.data(), link.size());
        if (length < 0)
            throw InputError(ErrorId::WriteCannot,
                             {std::string(what), quotedPath(path), systemErrorText(errno)});
        link.resize(static_cast<std::size_t>(length));
        current = link.starts_with('/')
                      ? link
                      : (directoryOf(current) == "/" ? "/" : directoryOf(current) + "/") + link;
    }
    throw InputError(ErrorId::WriteTooManyLinks, {std::string(what), quotedPath(path)});
}

AtomicFile::AtomicFile(const std::string &path, std::string_view what)
    : m_path(path)
    , m_target(resolveOutputTarget(path, what))
    , m_what(what) {
    m_fd = createTemporary(m_target, m_temporary);
    if (m_fd < 0) {
        const int error = errno;
        m_temporary.clear();
        // The new file is made beside the target, so the folder is what refused (/proc, a
        // read-only or missing folder); naming it tells the user where to look.
        throw InputError(ErrorId::WriteCannotCreateIn,
                         {m_what, quotedPath(m_path), quotedPath(directoryOf(m_target)),
                          systemErrorText(error)});
    }
    // The new file keeps an existing file's permissions.
    struct stat old {};
    if (::stat(m_target.c_str(), &old) == 0 && S_ISREG(old.st_mode))
        ::fchmod(m_fd, old.st_mode & 07777);
    m_buffer.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_temporary.empty())
        ::unlink(m_temporary.c_str());
}

void AtomicFile::failWith(int error) {
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    ::unlink(m_temporary.c_str());
    m_temporary.clear();
    throw InputError(ErrorId::WriteFailed, {m_what, quotedPath(m_path), systemErrorText(error)});
}

void AtomicFile::write(std::string_view bytes) {
    if (m_fd < 0)
        throw InputError(ErrorId::WriteAlreadyClosed, {m_what, quotedPath(m_path)});
    if (m_buffer.size() + bytes.size() > kBufferBytes)
        flushBuffer();
    if (bytes.size() >= kBufferBytes) {
        m_buffer.assign(bytes);
        flushBuffer();
        return;
    }
    m_buffer.append(bytes);
}

void AtomicFile::flushBuffer() {
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t written = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) // a short write of 0 bytes means the device is full
            failWith(written < 0 ? errno : ENOSPC);
        done += static_cast<std::size_t>(written);
    }
    m_buffer.clear();
}

void AtomicFile::commit() {
    if (m_fd < 0)
        throw InputError(ErrorId::WriteAlreadyClosed, {m_what, quotedPath(m_path)});
    flushBuffer();
    if (::fsync(m_fd) != 0)
        failWith(errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) { // NFS and some FUSE file systems report write errors only here
        const int error = errno;
        ::unlink(m_temporary.c_str());
        m_temporary.clear();
        throw InputError(ErrorId::WriteFailed,
                         {m_what, quotedPath(m_path), systemErrorText(error)});
    }
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        const int error = errno;
        ::unlink(m_temporary.c_str());
        m_temporary.clear();
        throw InputError(ErrorId::WriteCannotReplace,
                         {m_what, quotedPath(m_path), systemErrorText(error)});
    }
    m_committed = true;
    // The rename itself survives a crash only once the directory is on disk; best effort.
    const int directory = ::open(directoryOf(m_target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
}

void writeFileAtomically(const std::string &path, std::string_view bytes, std::string_view what) {
    AtomicFile file(path, what);
    file.write(bytes);
    file.commit();
}

} // namespace attnviz
