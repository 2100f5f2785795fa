// translatedError: a core InputError in the interface's language.
#pragma once

#include <QString>

namespace attnviz {
class InputError;
}

namespace attnviz::ui {

// The one mapping from the core's error ids to the interface: the id's English template
// (errorTemplate) translated in the context "attnviz::InputError", filled with the error's
// arguments (fixed phrases such as "the vocabulary" translated too, a wrapped cause translated in
// turn). An error without an id (ErrorId::Other) is shown as the core wrote it.
QString translatedError(const InputError &error);

// The system's text for errno `errnum` (systemErrorText) in the interface's language.
QString translatedSystemError(int errnum);

} // namespace attnviz::ui
