// What the command line asks of the window before it shows: a session, or a run and a model on
// a layer, and the view flags. Apart from main() so tests can start a window as a user does.
#pragma once

#include "command_line.h"

#include <QString>

namespace attnviz {

namespace ui {
class AttentionSession;
class MainWindow;
} // namespace ui

// Opens what `options` name in `window` (the model loads beside the event loop and shows
// options.figure.layer once loaded). Returns the one-line reason when the command line cannot be
// followed (the program then exits 2 without a window), else an empty string.
QString prepareWindow(ui::MainWindow &window, ui::AttentionSession &session,
                      const CommandLineOptions &options);

// The files and the model the window would open, checked without reading them (regular files,
// a known model name or a folder): a bad argument is named even when no window can open.
// Returns the translated reason, or an empty string. Needs the application object.
QString checkWindowInputs(const CommandLineOptions &options);

} // namespace attnviz
