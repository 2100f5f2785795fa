// InputError: a problem the user can fix (a bad sentence, setting or file), with a one-line
// message.
#pragma once

#include <stdexcept>

namespace attnviz {

// Thrown for every rejected input. The message is one line, written for people, and names the
// offending value; callers show it as it is (the command line exits 2, the window shows a dialog).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace attnviz
