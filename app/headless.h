// Headless runs (dump, save weights, list modules) and the loading shared with the window.
#pragma once

#include "command_line.h"

#include <attnviz/dump.h>
#include <attnviz/io/atomic_file.h>

#include <memory>
#include <string>
#include <string_view>

namespace attnviz::ui {
class AttentionSession;
}

namespace attnviz {

// What a run computes with: the final pipeline options and the weights, loaded or random.
struct PreparedRun {
    PipelineOptions pipeline;
    std::shared_ptr<const AttentionWeights> weights;
    bool weightsFromFile = false;
    DumpJson weightsInfo; // the dump's config.weights
};

// Loads the weights file and embeddings the options name, or makes random weights. Throws
// InputError when a file is bad or an explicit size disagrees with the weights file.
PreparedRun prepareRun(const CommandLineOptions &options);

// Puts a prepared run into a session object (the window's, or a headless figure's). Returns
// false when the session refuses the options; its errorText() says why.
bool loadIntoSession(ui::AttentionSession &session, const PreparedRun &run,
                     const CommandLineOptions &options);

// Standard output as a sink for streamed output (dumps, tables): every write checked, so a full
// disk or a closed pipe throws InputError ("cannot write … to standard output: No space left on
// device"); finish() flushes and checks once more.
class StandardOutputSink : public ByteSink {
public:
    explicit StandardOutputSink(std::string what = "the output")
        : m_what(std::move(what)) {}
    void write(std::string_view bytes) override;
    void finish();

private:
    [[noreturn]] void fail() const;
    std::string m_what;
};

// Writes to standard output and flushes, checking both (a full disk, a closed pipe). On failure
// prints a one-line message to stderr and returns false.
bool writeStandardOutput(std::string_view text);

// Runs a headless action. Returns the exit code: 0 on success, 2 after printing a one-line
// message to stderr.
int runHeadless(const CommandLineOptions &options);

} // namespace attnviz
