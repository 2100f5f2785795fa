#include "attnviz/io/input_file.h"

#include "attnviz/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace attnviz {

std::string fileKind(unsigned mode) {
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

namespace {

std::string megabytes(std::uint64_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

// Opens without blocking (a FIFO with no writer would otherwise wait forever) and checks the
// kind and size on the opened descriptor, so nothing can be swapped in between.
int openRegular(const std::string &path, std::string_view what, struct stat &info) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        throw InputError(ErrorId::FileCannotOpen,
                         {std::string(what), quotedPath(path), systemErrorText(errno)});
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        throw InputError(ErrorId::FileCannotRead,
                         {std::string(what), quotedPath(path), systemErrorText(error)});
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        throw InputError(ErrorId::FileNotRegular,
                         {std::string(what), quotedPath(path), fileKind(info.st_mode)});
    }
    return fd;
}

} // namespace

int openRegularFile(const std::string &path, std::string_view what, std::uint64_t &size) {
    struct stat info {};
    const int fd = openRegular(path, what, info);
    size = static_cast<std::uint64_t>(info.st_size);
    return fd;
}

std::string quotedPath(std::string_view path) {
    constexpr std::size_t kMax = 160;
    std::string shown(path.substr(0, kMax));
    if (path.size() > kMax)
        shown += "…";
    return "'" + shown + "'";
}

void requireRegularFile(const std::string &path, std::string_view what) {
    struct stat info {};
    ::close(openRegular(path, what, info));
}

std::string readInputFile(const std::string &path, std::uint64_t maxBytes, std::string_view what) {
    struct stat info {};
    const int fd = openRegular(path, what, info);
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size > maxBytes) {
        ::close(fd);
        throw InputError(ErrorId::FileTooLarge, {std::string(what), quotedPath(path),
                                                 megabytes(size), megabytes(maxBytes)});
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            const int error = got < 0 ? errno : 0;
            ::close(fd);
            if (!error)
                throw InputError(ErrorId::FileShrank, {std::string(what), quotedPath(path)});
            throw InputError(ErrorId::FileCannotRead,
                             {std::string(what), quotedPath(path), systemErrorText(error)});
        }
        done += static_cast<std::size_t>(got);
    }
    ::close(fd);
    return bytes;
}

} // namespace attnviz
