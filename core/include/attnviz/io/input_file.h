// Reading input files safely: regular files only, size capped before anything is read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace attnviz {

// Reads a whole input file. `what` names the file's role in messages ("the session", "the
// vocabulary"). Throws InputError naming the path and the cause for anything but a readable
// regular file of at most `maxBytes` bytes: a directory, a device (/dev/zero), a FIFO (opened
// without blocking, so it cannot hang), a socket, a missing file, a read error, or a file larger
// than the cap (checked with fstat before reading).
std::string readInputFile(const std::string &path, std::uint64_t maxBytes, std::string_view what);

// Throws InputError unless `path` names an existing regular file (links are followed). The same
// checks as readInputFile, for callers that map or stream the file themselves.
void requireRegularFile(const std::string &path, std::string_view what);

// Opens `path` for reading without blocking and checks, on the opened descriptor, that it is a
// regular file; returns the descriptor (the caller closes it) and its size in `size`. The one
// open behind requireRegularFile, for readers that map the file (each open is a read to count).
int openRegularFile(const std::string &path, std::string_view what, std::uint64_t &size);

// What a file that is not a regular one is, from its st_mode: "a directory", "a FIFO (named
// pipe)", "a device", "a socket" — for messages of readers and writers alike.
std::string fileKind(unsigned mode);

// "'path'" shortened for messages, so a hostile path cannot make a message enormous.
std::string quotedPath(std::string_view path);

} // namespace attnviz
