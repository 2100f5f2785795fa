// Headless runs: compute and write the JSON dump without a display.
#pragma once

#include "command_line.h"

namespace attnviz {

// Runs the pipeline with random weights and writes the dump. Returns the process exit code:
// 0 on success, 2 after printing a one-line message to stderr.
int runDump(const CommandLineOptions &options);

} // namespace attnviz
