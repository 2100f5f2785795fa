// The command line's whole-model actions: --list-models, and --model with --dump or --export.
#pragma once

#include "command_line.h"

#include <QString>

namespace attnviz {

// The folder of a built-in model called `nameOrFolder`, or `nameOrFolder` itself when it is a
// folder. Throws InputError naming both possibilities otherwise. Needs a QCoreApplication.
QString resolveModelFolder(const QString &nameOrFolder);

// Prints NAME<TAB>LANGUAGE<TAB>HEADS<TAB>LAYERS<TAB>OBJECTIVE<TAB>VALIDATION_LOSS<TAB>DESCRIPTION,
// one built-in model a line. Throws InputError.
void listModels();

// Runs options.model over the sentence: the dump (writeModelDump) and/or the figure (through the
// window's session object). Throws InputError.
void runModelHeadless(const CommandLineOptions &options);

} // namespace attnviz
