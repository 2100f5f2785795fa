// CommandLineText: the translation context of the command line's messages and --help.
#pragma once

#include <QCoreApplication>

namespace attnviz {

// tr() here speaks the interface's language once main() has installed the translators
// (ui::applyLanguage); before that, and under an English locale, it returns the English text.
struct CommandLineText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::CommandLine)
};

} // namespace attnviz
