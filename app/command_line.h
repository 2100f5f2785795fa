// CommandLine: attnviz's flags, parsed into options for the window or a headless run.
#pragma once

#include <attnviz/analysis/metrics_table.h>
#include <attnviz/analysis/token_groups.h>
#include <attnviz/pipeline.h>

#include <figure_renderer.h>

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

struct CommandLineOptions {
    enum class Action { OpenWindow, Headless, ListModules, ListModels, ShowHelp, ShowVersion };
    Action action = Action::OpenWindow;
    PipelineOptions pipeline;
    QString dumpPath;        // "-" is standard output; empty: no dump
    QString saveWeightsPath; // empty: do not save
    QString weightsPath;     // empty: random weights
    std::optional<std::string> weightsPrefix;
    QString embeddingsPath;
    std::optional<std::string> vocabPath;
    QString exportPath;  // a figure to write headless; empty: none
    QString sessionPath; // a .attnviz session that supplies the settings
    QString model;       // --model: a built-in model's name or a model folder; empty: the module
    QStringList sessionWarnings;
    bool baselinePanel = false;    // the figure (and window) show the baseline panel too
    bool viewGiven = false;        // a view flag (--scale, --values, ...) was given
    bool lockSizes = false;        // --lock-sizes: dk = dv = d_model / heads, as in the window
    bool restoreLastState = false; // the window reopens the last run's state
    bool layerGiven = false;       // --layer K: figure.layer, also the window's layer
    std::optional<MetricsTableFormat> metrics; // --metrics: print the metrics table
    TokenViewOptions tokenView; // --hide-special, --merge-subwords (figures and the window)
    ui::FigureOptions figure;
    // Which sizes were given explicitly (they must then agree with a weights file).
    bool headsGiven = false, dkGiven = false, dvGiven = false, dimGiven = false;
};

// The result of parsing: options, or a one-line error for the user.
struct ParsedCommandLine {
    std::optional<CommandLineOptions> options;
    QString error;
    bool fileError = false; // the error is about a file's contents, not the flags' use
};

// `message` with control characters shown as escapes ("\\n", "\\x12"), so an error that quotes
// user input stays one line on the terminal.
std::string printableLine(std::string_view message);

// The --help text. Needs a QCoreApplication (it names the executable).
QString helpText();

// The sentence shown when none is given.
QString defaultSentence();

// Parses argv (arguments[0] is the program). Never exits; the caller decides. Works before a
// QCoreApplication exists, so the window-or-headless choice is made from the parsed options.
// `rawSentence` holds --sentence's bytes exactly as given: Qt's argument decoding replaces invalid
// UTF-8, which must instead be reported with its byte offset.
ParsedCommandLine parseCommandLine(const QStringList &arguments,
                                   const std::optional<std::string> &rawSentence = std::nullopt);

// The bytes of the last "--NAME VALUE" or "--NAME=VALUE" in argv, undecoded.
std::optional<std::string> rawOptionValue(int argc, char **argv, std::string_view name);

// The arguments without Qt's own GUI options (-platform NAME, -style NAME, -reverse, ...): Qt
// takes those out of argv itself when the application object is made, after our parsing.
QStringList withoutQtOptions(const QStringList &arguments);

// Qt's own session management takes "-session FILE" / "--session FILE" out of argv before any
// parser of ours could see it. Parsing happens before the application object exists; this gives
// the arguments for Qt with our --session (both forms, and --session=FILE) removed.
std::vector<char *> argumentsForQt(int argc, char **argv);

} // namespace attnviz
