// The command line's flags and the parsers shared by its parts (internal to app/): the figure and
// view flags are parsed in figure_flags.cpp, everything else in command_line.cpp.
#pragma once

#include "cli_text.h"
#include "command_line.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace attnviz::cli_detail {

struct Flags {
    QCommandLineOption sentence{"sentence", CommandLineText::tr("The sentence to analyse."),
                                "TEXT"};
    QCommandLineOption heads{"heads", CommandLineText::tr("Number of attention heads (default 4)."),
                             "H"};
    QCommandLineOption dk{"dk", CommandLineText::tr("Query/key width per head (default 16)."), "K"};
    QCommandLineOption dv{"dv", CommandLineText::tr("Value width per head (default 16)."), "V"};
    QCommandLineOption dim{"dim", CommandLineText::tr("Model width d_model (default 64)."), "D"};
    QCommandLineOption seed{
        "seed", CommandLineText::tr("Seed for embeddings and random weights (default 42)."), "S"};
    QCommandLineOption causal{
        "causal", CommandLineText::tr("Mask keys after each query (decoder-style attention).")};
    QCommandLineOption noPositional{
        "no-positional", CommandLineText::tr("Do not add sinusoidal positional encoding.")};
    QCommandLineOption tokenizer{
        "tokenizer", CommandLineText::tr("Tokenizer: words (default) or chars."), "MODE"};
    QCommandLineOption singleHead{
        "single-head",
        CommandLineText::tr("The seed's Self_Attention: one head, no output projection.")};
    QCommandLineOption maxTokens{
        "max-tokens",
        CommandLineText::tr("Refuse sentences longer than N tokens (default 512, at most %1).")
            .arg(ConfigLimits::maxTokens),
        "N"};
    QCommandLineOption dump{
        "dump",
        CommandLineText::tr("Write the result as JSON to FILE ('-' for standard output) "
                            "and exit, without opening a window."),
        "FILE"};
    QCommandLineOption weights{
        "weights", CommandLineText::tr("Load attention weights from a safetensors FILE."), "FILE"};
    QCommandLineOption weightsPrefix{
        "weights-prefix",
        CommandLineText::tr("Which module of the weights file to use, e.g. "
                            "'encoder.layers.0.self_attn.'."),
        "P"};
    QCommandLineOption listModules{
        "list-modules",
        CommandLineText::tr("List the attention modules in the --weights file and exit.")};
    QCommandLineOption saveWeights{
        "save-weights",
        CommandLineText::tr("Save the weights (random or loaded) as safetensors FILE in the "
                            "seed's names, then exit unless --dump is given."),
        "FILE"};
    QCommandLineOption embeddings{
        "embeddings",
        CommandLineText::tr("Token vectors: a safetensors [vocab x d_model] tensor, or a "
                            "GloVe/word2vec text file."),
        "FILE"};
    QCommandLineOption exportFigure{
        "export",
        CommandLineText::tr("Render the figure to FILE (.png, .svg or .pdf) without a "
                            "display, then exit."),
        "FILE"};
    QCommandLineOption dpi{"dpi", CommandLineText::tr("PNG resolution, 96-600 (default 192)."),
                           "N"};
    QCommandLineOption head{
        "head", CommandLineText::tr("What to export: all heads (default), one head K, or mean."),
        "K|mean|all"};
    QCommandLineOption columns{
        "columns", CommandLineText::tr("Columns of the exported grid (default: balanced)."), "C"};
    QCommandLineOption colormap{
        "colormap", CommandLineText::tr("viridis (default), magma, cividis or grayscale."), "NAME"};
    QCommandLineOption scale{
        "scale",
        CommandLineText::tr("Colour scale: shared-unit (default; every heatmap 0-1), shared-max "
                            "(0 to the largest weight shown) or per-head (each its own)."),
        "MODE"};
    QCommandLineOption values{
        "values", CommandLineText::tr("Print each weight in its cell (up to 12 tokens; default).")};
    QCommandLineOption noValues{"no-values",
                                CommandLineText::tr("Do not print weights in the cells.")};
    QCommandLineOption meanPanel{"mean-panel",
                                 CommandLineText::tr("Add the panel of the mean over heads.")};
    QCommandLineOption baselinePanel{
        "baseline-panel", CommandLineText::tr("Add the uniform-attention baseline panel.")};
    QCommandLineOption size{
        "size",
        CommandLineText::tr("Figure size in pixels at 96 DPI (default 1600x900, "
                            "sides %1-%2).")
            .arg(ui::FigureOptions::kMinSide)
            .arg(ui::FigureOptions::kMaxSide),
        "WxH"};
    QCommandLineOption session{
        "session",
        CommandLineText::tr("Open a saved session (.attnviz); with --export or --dump, "
                            "render it headless."),
        "FILE"};
    QCommandLineOption roles{
        "roles", CommandLineText::tr("Put each head's role badge (previous token, self, ...) "
                                     "under its title, as the window does.")};
    QCommandLineOption caption{
        "caption",
        CommandLineText::tr("Print the sentence and the configuration under the figure.")};
    QCommandLineOption vocab{
        "vocab",
        CommandLineText::tr("The vocabulary of safetensors --embeddings, one token per line."),
        "FILE"};
    QCommandLineOption model{
        "model",
        CommandLineText::tr("Run a whole model: a built-in model's NAME (see --list-models) or "
                            "a model folder (GPT-2, BERT, DistilBERT)."),
        "NAME|DIR"};
    QCommandLineOption listModels{
        "list-models", CommandLineText::tr("List the built-in trained models and exit.")};
    QCommandLineOption width{
        "width",
        CommandLineText::tr(
            "Figure width with a unit: 3.3in (single column), 7in, 17cm, 240pt; "
            "the height follows the nearest preset's aspect unless --height is given."),
        "LENGTH"};
    QCommandLineOption height{
        "height", CommandLineText::tr("Figure height with a unit (see --width)."), "LENGTH"};
    QCommandLineOption fontSize{"font-size",
                                CommandLineText::tr("Figure text size in points, 4-72."), "PT"};
    QCommandLineOption metrics{
        "metrics",
        CommandLineText::tr("Print every head's metrics and role (entropy, shares, distance, "
                            "importance; see docs/metrics.md) as a table and exit: text "
                            "(aligned columns, the default) or csv. '--metrics' alone means "
                            "text."),
        "FORMAT"};
    QCommandLineOption lockSizes{
        "lock-sizes",
        CommandLineText::tr("Set dk = dv = d_model / heads (the standard sizing; the window's "
                            "size lock).")};
    QCommandLineOption hideSpecial{
        "hide-special",
        CommandLineText::tr("Leave the model's special tokens ([CLS], [SEP], "
                            "<|endoftext|>) out of the heatmaps; the model still sees "
                            "them, so rows sum to less than 1.")};
    QCommandLineOption mergeSubwords{
        "merge-subwords",
        CommandLineText::tr("One row and column per word: attention to a word sums its "
                            "pieces, attention from a word averages their rows.")};
    QCommandLineOption layer{
        "layer",
        CommandLineText::tr("With --model: show (or export) the heads of layer K (default: 1)."),
        "K"};
    QCommandLineOption view{
        "view",
        CommandLineText::tr("What to export: heads (one layer's grid, default) or model (every "
                            "layer × head as thumbnails on one scale)."),
        "heads|model"};
};

// Parses a whole-number flag value within [min, max], or throws InputError naming the flag.
long long parseInteger(const QCommandLineParser &parser, const QCommandLineOption &option,
                       long long min, long long max);

// What the window's View controls set, for the window and figures alike; a session's view is
// the starting point and these flags override it.
void parseViewOptions(const QCommandLineParser &parser, const Flags &f,
                      CommandLineOptions &options);

// The figure flags (--dpi, --head, --columns, --size, --width/--height, --font-size, --layer,
// --view, --caption, --roles) and the view flags, checked against --export.
void parseFigureOptions(const QCommandLineParser &parser, const Flags &f,
                        CommandLineOptions &options);

} // namespace attnviz::cli_detail
