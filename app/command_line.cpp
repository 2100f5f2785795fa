#include "command_line.h"

#include <attnviz/error.h>

#include <session_file.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstring>
#include <limits>

namespace attnviz {

namespace {

struct Flags {
    QCommandLineOption sentence{"sentence", "The sentence to analyse.", "TEXT"};
    QCommandLineOption heads{"heads", "Number of attention heads (default 4).", "H"};
    QCommandLineOption dk{"dk", "Query/key width per head (default 16).", "K"};
    QCommandLineOption dv{"dv", "Value width per head (default 16).", "V"};
    QCommandLineOption dim{"dim", "Model width d_model (default 64).", "D"};
    QCommandLineOption seed{"seed", "Seed for embeddings and random weights (default 42).", "S"};
    QCommandLineOption causal{"causal", "Mask keys after each query (decoder-style attention)."};
    QCommandLineOption noPositional{"no-positional", "Do not add sinusoidal positional encoding."};
    QCommandLineOption tokenizer{"tokenizer", "Tokenizer: words (default) or chars.", "MODE"};
    QCommandLineOption singleHead{"single-head",
                                  "The seed's Self_Attention: one head, no output projection."};
    QCommandLineOption maxTokens{"max-tokens",
                                 "Refuse sentences longer than N tokens (default 512).", "N"};
    QCommandLineOption dump{"dump",
                            "Write the result as JSON to FILE ('-' for standard output) "
                            "and exit, without opening a window.",
                            "FILE"};
    QCommandLineOption weights{"weights", "Load attention weights from a safetensors FILE.",
                               "FILE"};
    QCommandLineOption weightsPrefix{"weights-prefix",
                                     "Which module of the weights file to use, e.g. "
                                     "'encoder.layers.0.self_attn.'.",
                                     "P"};
    QCommandLineOption listModules{"list-modules",
                                   "List the attention modules in the --weights file and exit."};
    QCommandLineOption saveWeights{"save-weights",
                                   "Save the weights (random or loaded) as safetensors FILE in the "
                                   "seed's names, then exit unless --dump is given.",
                                   "FILE"};
    QCommandLineOption embeddings{"embeddings",
                                  "Token vectors: a safetensors [vocab x d_model] tensor, or a "
                                  "GloVe/word2vec text file.",
                                  "FILE"};
    QCommandLineOption exportFigure{"export",
                                    "Render the figure to FILE (.png, .svg or .pdf) without a "
                                    "display, then exit.",
                                    "FILE"};
    QCommandLineOption dpi{"dpi", "PNG resolution, 96-600 (default 192).", "N"};
    QCommandLineOption head{"head", "What to export: all heads (default), one head K, or mean.",
                            "K|mean|all"};
    QCommandLineOption columns{"columns", "Columns of the exported grid (default: balanced).", "C"};
    QCommandLineOption colormap{"colormap", "viridis (default), magma, cividis or grayscale.",
                                "NAME"};
    QCommandLineOption size{"size", "Figure size in pixels at 96 DPI (default 1600x900).", "WxH"};
    QCommandLineOption session{"session",
                               "Open a saved session (.attnviz); with --export or --dump, "
                               "render it headless.",
                               "FILE"};
    QCommandLineOption caption{"caption",
                               "Print the sentence and the configuration under the figure."};
    QCommandLineOption vocab{
        "vocab", "The vocabulary of safetensors --embeddings, one token per line.", "FILE"};
};

// Parses a whole-number flag value within [min, max], or throws InputError naming the flag.
long long parseInteger(const QCommandLineParser &parser, const QCommandLineOption &option,
                       long long min, long long max) {
    const QString name = option.names().constFirst();
    const QString text = parser.value(option);
    bool ok = false;
    const long long value = text.toLongLong(&ok);
    if (!ok)
        throw InputError(
            QStringLiteral("--%1: '%2' is not a whole number").arg(name, text).toStdString());
    if (value < min || value > max)
        throw InputError(QStringLiteral("--%1: %2 is out of range (%3 to %4)")
                             .arg(name, text)
                             .arg(min)
                             .arg(max)
                             .toStdString());
    return value;
}

std::uint64_t parseSeed(const QCommandLineParser &parser, const QCommandLineOption &option) {
    const QString text = parser.value(option);
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (!ok || text.startsWith(u'-'))
        throw InputError(
            QStringLiteral("--seed: '%1' is not a whole number from 0 to 18446744073709551615")
                .arg(text)
                .toStdString());
    return value;
}

// A flag's value, refusing an empty one.
QString requireValue(const QCommandLineParser &parser, const QCommandLineOption &option,
                     const char *what) {
    const QString value = parser.value(option);
    if (parser.isSet(option) && value.isEmpty())
        throw InputError(
            QStringLiteral("--%1 needs %2").arg(option.names().constFirst(), what).toStdString());
    return value;
}

void parseFigureOptions(const QCommandLineParser &parser, const Flags &f,
                        CommandLineOptions &options) {
    ui::FigureOptions &figure = options.figure;
    const bool figureFlags = parser.isSet(f.dpi) || parser.isSet(f.head) ||
                             parser.isSet(f.columns) || parser.isSet(f.colormap) ||
                             parser.isSet(f.size) || parser.isSet(f.caption);
    if (figureFlags && options.exportPath.isEmpty())
        throw InputError(
            "--dpi, --head, --columns, --colormap, --size and --caption go with --export FILE");
    if (!options.exportPath.isEmpty() && ui::FigureRenderer::formatOf(options.exportPath).isEmpty())
        throw InputError(
            QStringLiteral("--export: cannot tell the format of '%1'; use .png, .svg or .pdf")
                .arg(options.exportPath)
                .toStdString());
    figure.scale =
        (parser.isSet(f.dpi)
             ? static_cast<double>(parseInteger(parser, f.dpi, ui::FigureOptions::kMinDpi,
                                                ui::FigureOptions::kMaxDpi))
             : 192.0) /
        96.0;
    if (parser.isSet(f.head)) {
        const QString head = parser.value(f.head);
        if (head == QLatin1String("mean")) {
            figure.part = ui::FigureOptions::Part::Mean;
        } else if (head != QLatin1String("all")) {
            figure.part = ui::FigureOptions::Part::Head;
            figure.head =
                static_cast<int>(parseInteger(parser, f.head, 1, ConfigLimits::maxHeads)) - 1;
        }
    }
    if (parser.isSet(f.columns))
        figure.columns =
            static_cast<int>(parseInteger(parser, f.columns, 1, ConfigLimits::maxHeads));
    if (parser.isSet(f.colormap) &&
        !ui::parseColormap(parser.value(f.colormap), &figure.style.colormap))
        throw InputError(
            QStringLiteral(
                "--colormap: unknown colour map '%1' (use viridis, magma, cividis or grayscale)")
                .arg(parser.value(f.colormap))
                .toStdString());
    if (parser.isSet(f.size)) {
        const QStringList parts = parser.value(f.size).split(u'x');
        bool okW = false, okH = false;
        const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
        constexpr int lo = ui::FigureOptions::kMinSide, hi = ui::FigureOptions::kMaxSide;
        if (!okW || !okH || w < lo || h < lo || w > hi || h > hi)
            throw InputError(
                QStringLiteral("--size: '%1' is not WIDTHxHEIGHT with sides from %2 to %3")
                    .arg(parser.value(f.size))
                    .arg(lo)
                    .arg(hi)
                    .toStdString());
        figure.size = {w, h};
    }
    figure.caption = parser.isSet(f.caption);
}

CommandLineOptions outputOptions(const QCommandLineParser &parser, const Flags &f,
                                 CommandLineOptions options);

// Settings from a session file; only output flags may join it.
CommandLineOptions sessionOptions(const QCommandLineParser &parser, const Flags &f,
                                  const QString &path) {
    for (const QCommandLineOption *model :
         {&f.sentence, &f.heads, &f.dk, &f.dv, &f.dim, &f.seed, &f.causal, &f.noPositional,
          &f.tokenizer, &f.singleHead, &f.maxTokens, &f.weights, &f.weightsPrefix, &f.embeddings,
          &f.vocab})
        if (parser.isSet(*model))
            throw InputError(
                QStringLiteral("--%1 cannot be combined with a session; the session holds "
                               "every setting")
                    .arg(model->names().constFirst())
                    .toStdString());
    if (parser.positionalArguments().size() > (parser.isSet(f.session) ? 0 : 1))
        throw InputError("give one session at a time");
    CommandLineOptions options;
    const ui::SessionDocument d = ui::loadSession(path, &options.sessionWarnings);
    options.sessionPath = path;
    options.pipeline = d.options;
    if (!d.weightsPath.isEmpty()) {
        options.weightsPath = d.weightsPath;
        options.weightsPrefix = d.weightsPrefix;
        options.headsGiven = true;
    }
    options.figure.style = d.style;
    options.figure.meanPanel = d.meanPanel;
    options.baselinePanel = d.baselinePanel;
    return outputOptions(parser, f, std::move(options));
}

CommandLineOptions toOptions(const QCommandLineParser &parser, const Flags &f,
                             const std::optional<std::string> &rawSentence) {
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == 1 && positional.first().endsWith(QLatin1String(".attnviz")) &&
        !parser.isSet(f.session))
        return sessionOptions(parser, f, positional.first());
    if (parser.isSet(f.session))
        return sessionOptions(parser, f, parser.value(f.session));
    if (!positional.isEmpty())
        throw InputError(
            QStringLiteral("unexpected argument '%1' (give the sentence with --sentence)")
                .arg(parser.positionalArguments().constFirst())
                .toStdString());
    CommandLineOptions options;
    PipelineOptions &p = options.pipeline;
    AttentionConfig &c = p.attention;
    if (parser.isSet(f.sentence))
        p.sentence = rawSentence ? *rawSentence : parser.value(f.sentence).toStdString();
    else
        p.sentence = defaultSentence().toStdString();
    // Each size is parsed against the widest sane range; validate() then explains combinations.
    constexpr long long intMax = std::numeric_limits<int>::max();
    options.headsGiven = parser.isSet(f.heads);
    options.dkGiven = parser.isSet(f.dk);
    options.dvGiven = parser.isSet(f.dv);
    options.dimGiven = parser.isSet(f.dim);
    if (options.headsGiven)
        c.heads = static_cast<int>(parseInteger(parser, f.heads, 1, ConfigLimits::maxHeads));
    if (options.dkGiven)
        c.dk = static_cast<int>(parseInteger(parser, f.dk, 1, ConfigLimits::maxHeadDim));
    if (options.dvGiven)
        c.dv = static_cast<int>(parseInteger(parser, f.dv, 1, ConfigLimits::maxHeadDim));
    if (options.dimGiven)
        c.dModel = static_cast<int>(parseInteger(parser, f.dim, 1, ConfigLimits::maxDModel));
    if (parser.isSet(f.maxTokens))
        p.tokenizer.maxTokens =
            static_cast<std::size_t>(parseInteger(parser, f.maxTokens, 1, intMax));
    if (parser.isSet(f.seed))
        p.seed = parseSeed(parser, f.seed);
    if (parser.isSet(f.tokenizer))
        p.tokenizer.mode = parseTokenizerMode(parser.value(f.tokenizer).toStdString());
    c.causal = parser.isSet(f.causal);
    p.positional = !parser.isSet(f.noPositional);
    c.singleHead = parser.isSet(f.singleHead);
    if (c.singleHead) {
        if (options.headsGiven && c.heads != 1)
            throw InputError("--single-head has exactly one head; drop --heads or set it to 1");
        c.heads = 1;
    }

    options.weightsPath = requireValue(parser, f.weights, "a file name");
    options.embeddingsPath = requireValue(parser, f.embeddings, "a file name");
    if (parser.isSet(f.weightsPrefix))
        options.weightsPrefix = parser.value(f.weightsPrefix).toStdString();
    if (parser.isSet(f.vocab))
        options.vocabPath = requireValue(parser, f.vocab, "a file name").toStdString();
    if (options.weightsPrefix && options.weightsPath.isEmpty())
        throw InputError("--weights-prefix needs --weights FILE");
    if (options.vocabPath && options.embeddingsPath.isEmpty())
        throw InputError("--vocab needs --embeddings FILE");
    return outputOptions(parser, f, std::move(options));
}

CommandLineOptions outputOptions(const QCommandLineParser &parser, const Flags &f,
                                 CommandLineOptions options) {
    options.saveWeightsPath = requireValue(parser, f.saveWeights, "a file name");
    options.dumpPath = requireValue(parser, f.dump, "a file name, or '-' for standard output");
    options.exportPath =
        requireValue(parser, f.exportFigure, "a file name ending in .png, .svg or .pdf");
    parseFigureOptions(parser, f, options);
    if (parser.isSet(f.listModules)) {
        if (options.weightsPath.isEmpty())
            throw InputError("--list-modules needs --weights FILE");
        options.action = CommandLineOptions::Action::ListModules;
    } else if (!options.dumpPath.isEmpty() || !options.saveWeightsPath.isEmpty() ||
               !options.exportPath.isEmpty()) {
        options.action = CommandLineOptions::Action::Headless;
    }
    return options;
}

} // namespace

QString defaultSentence() {
    return QStringLiteral("The cat sat on the mat because it was warm.");
}

ParsedCommandLine parseCommandLine(const QStringList &arguments,
                                   const std::optional<std::string> &rawSentence) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("attnviz shows what multi-head self-attention does: one heatmap per head.\n"
                       "Without --dump it opens the window; with --dump it runs headless."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const Flags flags;
    parser.addOptions(
        {flags.sentence,   flags.heads,         flags.dk,           flags.dv,
         flags.dim,        flags.seed,          flags.causal,       flags.noPositional,
         flags.tokenizer,  flags.singleHead,    flags.maxTokens,    flags.dump,
         flags.weights,    flags.weightsPrefix, flags.listModules,  flags.saveWeights,
         flags.embeddings, flags.vocab,         flags.exportFigure, flags.dpi,
         flags.head,       flags.columns,       flags.colormap,     flags.size,
         flags.caption,    flags.session});
    parser.addPositionalArgument(QStringLiteral("session"),
                                 QStringLiteral("A .attnviz session to open."),
                                 QStringLiteral("[FILE.attnviz]"));

    ParsedCommandLine parsed;
    parsed.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(help)) {
        parsed.options = CommandLineOptions{};
        parsed.options->action = CommandLineOptions::Action::ShowHelp;
        return parsed;
    }
    if (parser.isSet(version)) {
        parsed.options = CommandLineOptions{};
        parsed.options->action = CommandLineOptions::Action::ShowVersion;
        return parsed;
    }
    try {
        parsed.options = toOptions(parser, flags, rawSentence);
    } catch (const InputError &e) {
        parsed.error = QString::fromStdString(e.what());
    }
    return parsed;
}

std::optional<std::string> rawOptionValue(int argc, char **argv, std::string_view name) {
    const std::string flag = "--" + std::string(name);
    std::optional<std::string> value;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--")
            break;
        if (arg == flag && i + 1 < argc)
            value = argv[++i];
        else if (arg.size() > flag.size() && arg.substr(0, flag.size()) == flag &&
                 arg[flag.size()] == '=')
            value = std::string(arg.substr(flag.size() + 1));
    }
    return value;
}

bool isHeadlessRequest(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        for (const char *flag : {"--dump", "--save-weights", "--list-modules", "--export", "-h",
                                 "--help", "--help-all", "-v", "--version"}) {
            const std::size_t length = std::strlen(flag);
            if (std::strncmp(arg, flag, length) == 0 && (arg[length] == '\0' || arg[length] == '='))
                return true;
        }
    }
    return false;
}

} // namespace attnviz
