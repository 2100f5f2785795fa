#include "command_line.h"

#include "cli_text.h"
#include "command_line_flags.h"

#include <attnviz/error.h>
#include <attnviz/io/input_file.h>

#include <session_file.h>
#include <translated_error.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <limits>

namespace attnviz {

using namespace cli_detail;

// Parses a whole-number flag value within [min, max], or throws InputError naming the flag.
long long cli_detail::parseInteger(const QCommandLineParser &parser,
                                   const QCommandLineOption &option, long long min, long long max) {
    const QString name = option.names().constFirst();
    const QString text = parser.value(option);
    bool ok = false;
    const long long value = text.toLongLong(&ok);
    if (!ok)
        throw InputError(
            CommandLineText::tr("--%1: '%2' is not a whole number").arg(name, text).toStdString());
    if (value < min || value > max)
        throw InputError(CommandLineText::tr("--%1: %2 is out of range (%3 to %4)")
                             .arg(name, text)
                             .arg(min)
                             .arg(max)
                             .toStdString());
    return value;
}

namespace {

std::uint64_t parseSeed(const QCommandLineParser &parser, const QCommandLineOption &option) {
    const QString text = parser.value(option);
    bool ok = false;
    const qulonglong value = text.toULongLong(&ok);
    if (!ok || text.startsWith(u'-'))
        throw InputError(attnviz::CommandLineText::tr(
                             "--seed: '%1' is not a whole number from 0 to 18446744073709551615")
                             .arg(text)
                             .toStdString());
    return value;
}

// A flag's value, refusing an empty one.
QString requireValue(const QCommandLineParser &parser, const QCommandLineOption &option,
                     const QString &what) {
    const QString value = parser.value(option);
    if (parser.isSet(option) && value.isEmpty())
        throw InputError(CommandLineText::tr("--%1 needs %2")
                             .arg(option.names().constFirst(), what)
                             .toStdString());
    return value;
}

CommandLineOptions outputOptions(const QCommandLineParser &parser, const Flags &f,
                                 CommandLineOptions options);

// A session file could not be read: a file problem, not a misuse of the flags.
struct SessionFileError : InputError {
    using InputError::InputError;
};

// Settings from a session file; only output flags may join it.
CommandLineOptions sessionOptions(const QCommandLineParser &parser, const Flags &f,
                                  const QString &path) {
    for (const QCommandLineOption *model :
         {&f.sentence, &f.heads, &f.dk, &f.dv, &f.dim, &f.seed, &f.causal, &f.noPositional,
          &f.tokenizer, &f.singleHead, &f.maxTokens, &f.weights, &f.weightsPrefix, &f.embeddings,
          &f.vocab, &f.lockSizes})
        if (parser.isSet(*model))
            throw InputError(
                CommandLineText::tr("--%1 cannot be combined with a session; the session holds "
                                    "every setting")
                    .arg(model->names().constFirst())
                    .toStdString());
    if (parser.positionalArguments().size() > (parser.isSet(f.session) ? 0 : 1))
        throw InputError(CommandLineText::tr("give one session at a time").toStdString());
    CommandLineOptions options;
    ui::SessionDocument d;
    try {
        // A FIFO or device would block or never end inside the loader: refused here first.
        requireRegularFile(path.toStdString(), "the session");
        d = ui::loadSession(path, &options.sessionWarnings);
    } catch (const InputError &e) {
        throw SessionFileError(ui::translatedError(e).toStdString());
    }
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
    options.tokenView = d.tokenView;
    if (!d.modelSource.isEmpty()) { // a whole model: its figure shows the session's layer
        options.model = d.modelSource;
        options.figure.layer = d.modelLayer;
    }
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
            CommandLineText::tr("unexpected argument '%1' (give the sentence with --sentence)")
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
            static_cast<std::size_t>(parseInteger(parser, f.maxTokens, 1, ConfigLimits::maxTokens));
    if (parser.isSet(f.seed))
        p.seed = parseSeed(parser, f.seed);
    if (parser.isSet(f.tokenizer))
        p.tokenizer.mode = parseTokenizerMode(parser.value(f.tokenizer).toStdString());
    if (parser.isSet(f.lockSizes)) { // the window's lock: rounded down as it rounds
        if (options.dkGiven || options.dvGiven)
            throw InputError(
                CommandLineText::tr(
                    "--lock-sizes sets dk and dv to d_model / heads; drop --dk and --dv")
                    .toStdString());
        if (c.dModel < c.heads)
            throw InputError(
                CommandLineText::tr("--lock-sizes needs d_model of at least the head count")
                    .toStdString());
        c.dk = c.dv = c.dModel / c.heads;
        options.lockSizes = true;
        options.viewGiven = true;
    }
    c.causal = parser.isSet(f.causal);
    p.positional = !parser.isSet(f.noPositional);
    c.singleHead = parser.isSet(f.singleHead);
    if (c.singleHead) {
        if (options.headsGiven && c.heads != 1)
            throw InputError(CommandLineText::tr(
                                 "--single-head has exactly one head; drop --heads or set it to 1")
                                 .toStdString());
        c.heads = 1;
    }

    options.weightsPath = requireValue(parser, f.weights, CommandLineText::tr("a file name"));
    options.embeddingsPath = requireValue(parser, f.embeddings, CommandLineText::tr("a file name"));
    if (parser.isSet(f.weightsPrefix))
        options.weightsPrefix = parser.value(f.weightsPrefix).toStdString();
    if (parser.isSet(f.vocab))
        options.vocabPath =
            requireValue(parser, f.vocab, CommandLineText::tr("a file name")).toStdString();
    if (options.weightsPrefix && options.weightsPath.isEmpty())
        throw InputError(
            CommandLineText::tr("--weights-prefix needs --weights FILE").toStdString());
    if (options.vocabPath && options.embeddingsPath.isEmpty())
        throw InputError(CommandLineText::tr("--vocab needs --embeddings FILE").toStdString());
    options.model = requireValue(parser, f.model,
                                 CommandLineText::tr("a built-in model's name or a model folder"));
    if (!options.model.isEmpty()) // a model fixes its sizes, mask, tokens and weights
        for (const QCommandLineOption *fixed :
             {&f.heads, &f.dk, &f.dv, &f.dim, &f.seed, &f.causal, &f.noPositional, &f.tokenizer,
              &f.singleHead, &f.weights, &f.weightsPrefix, &f.embeddings, &f.vocab, &f.saveWeights,
              &f.lockSizes, &f.listModules})
            if (parser.isSet(*fixed))
                throw InputError(
                    CommandLineText::tr("--%1 cannot be combined with --model; the model "
                                        "fixes it")
                        .arg(fixed->names().constFirst())
                        .toStdString());
    return outputOptions(parser, f, std::move(options));
}

CommandLineOptions outputOptions(const QCommandLineParser &parser, const Flags &f,
                                 CommandLineOptions options) {
    options.saveWeightsPath =
        requireValue(parser, f.saveWeights, CommandLineText::tr("a file name"));
    options.dumpPath = requireValue(parser, f.dump,
                                    CommandLineText::tr("a file name, or '-' for standard output"));
    options.exportPath = requireValue(
        parser, f.exportFigure, CommandLineText::tr("a file name ending in .png, .svg or .pdf"));
    parseFigureOptions(parser, f, options);
    if (parser.isSet(f.metrics)) {
        const QString format = parser.value(f.metrics);
        if (format == QLatin1String("text"))
            options.metrics = MetricsTableFormat::Text;
        else if (format == QLatin1String("csv"))
            options.metrics = MetricsTableFormat::Csv;
        else
            throw InputError(CommandLineText::tr("--metrics: unknown format '%1' (use text or csv)")
                                 .arg(format)
                                 .toStdString());
        if (options.dumpPath == QLatin1String("-"))
            throw InputError(CommandLineText::tr(
                                 "--metrics and --dump - both print to standard output; give the "
                                 "dump a file name")
                                 .toStdString());
    }
    if (parser.isSet(f.listModels)) {
        options.action = CommandLineOptions::Action::ListModels;
    } else if (parser.isSet(f.listModules)) {
        if (options.weightsPath.isEmpty())
            throw InputError(
                CommandLineText::tr("--list-modules needs --weights FILE").toStdString());
        options.action = CommandLineOptions::Action::ListModules;
    } else if (!options.dumpPath.isEmpty() || !options.saveWeightsPath.isEmpty() ||
               !options.exportPath.isEmpty() || options.metrics) {
        options.action = CommandLineOptions::Action::Headless;
    }
    return options;
}

} // namespace

QString defaultSentence() {
    return QStringLiteral("The cat sat on the mat because it was warm.");
}

namespace {

QList<QCommandLineOption> allFlags(const Flags &flags) {
    return {flags.sentence,      flags.heads,         flags.dk,           flags.dv,
            flags.dim,           flags.seed,          flags.causal,       flags.noPositional,
            flags.tokenizer,     flags.singleHead,    flags.maxTokens,    flags.dump,
            flags.weights,       flags.weightsPrefix, flags.listModules,  flags.saveWeights,
            flags.embeddings,    flags.vocab,         flags.exportFigure, flags.dpi,
            flags.head,          flags.columns,       flags.colormap,     flags.scale,
            flags.values,        flags.noValues,      flags.meanPanel,    flags.baselinePanel,
            flags.size,          flags.caption,       flags.session,      flags.model,
            flags.listModels,    flags.width,         flags.height,       flags.fontSize,
            flags.lockSizes,     flags.layer,         flags.view,         flags.hideSpecial,
            flags.mergeSubwords, flags.metrics,       flags.roles};
}

struct BuiltinOptions {
    QCommandLineOption help;
    QCommandLineOption version;
};

BuiltinOptions setUpParser(QCommandLineParser &parser, const Flags &flags) {
    parser.setApplicationDescription(
        CommandLineText::tr(
            "attnviz shows what multi-head self-attention does: one heatmap per head.\n"
            "Without --dump, --export, --save-weights or --list-modules it opens the window;\n"
            "with them it runs headless. Limits: at most %1 tokens, %2 heads, d_model %3,\n"
            "dk and dv %4, and about %5 MiB for one computation (the estimate is printed\n"
            "when a configuration is refused).")
            .arg(ConfigLimits::maxTokens)
            .arg(ConfigLimits::maxHeads)
            .arg(ConfigLimits::maxDModel)
            .arg(ConfigLimits::maxHeadDim)
            .arg(ConfigLimits::maxResultBytes >> 20));
    BuiltinOptions builtin{parser.addHelpOption(), parser.addVersionOption()};
    parser.addOptions(allFlags(flags));
    parser.addPositionalArgument(QStringLiteral("session"),
                                 CommandLineText::tr("A .attnviz session to open."),
                                 QStringLiteral("[FILE.attnviz]"));
    return builtin;
}

// The option a command-line word names ("--dump", "-h"), or null.
const QCommandLineOption *optionNamed(const QList<QCommandLineOption> &options,
                                      const QString &word) {
    QString name;
    if (word.startsWith(QLatin1String("--")))
        name = word.mid(2).section(u'=', 0, 0);
    else if (word.size() == 2 && word.startsWith(u'-'))
        name = word.mid(1);
    if (name.isEmpty())
        return nullptr;
    for (const QCommandLineOption &option : options)
        if (option.names().contains(name))
            return &option;
    return nullptr;
}

// "--weights --list-modules": the parser would take the flag word as the file name and the run
// would silently become something else. A value that is itself a flag is refused;
// "--weights=--list-modules" still passes such a value on purpose.
QString flagTakenAsValue(const QList<QCommandLineOption> &options, const QStringList &arguments) {
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        const QString &word = arguments[i];
        if (word == QLatin1String("--"))
            break;
        if (word.contains(u'='))
            continue;
        const QCommandLineOption *option = optionNamed(options, word);
        if (!option || option->valueName().isEmpty())
            continue;
        const QString &next = arguments[i + 1];
        if (optionNamed(options, next) || next == QLatin1String("--help-all"))
            return CommandLineText::tr("%1 needs a value (%2) but is followed by the flag %3; to "
                                       "use that text as the value, write %1=%3")
                .arg(word, option->valueName(), next.section(u'=', 0, 0));
        ++i; // the value
    }
    return {};
}

} // namespace

QString helpText() {
    QCommandLineParser parser;
    const Flags flags;
    setUpParser(parser, flags);
    return parser.helpText();
}

std::string printableLine(std::string_view message) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string line;
    line.reserve(message.size());
    for (const char c : message) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n')
            line += "\\n";
        else if (c == '\r')
            line += "\\r";
        else if (c == '\t')
            line += "\\t";
        else if (byte < 0x20 || byte == 0x7F)
            line += {'\\', 'x', hex[byte >> 4], hex[byte & 0xF]};
        else
            line += c;
    }
    return line;
}

namespace {

// "--metrics" takes an optional format: alone (or followed by anything but "text" or "csv") it
// means text. QCommandLineParser has no optional values, so the bare word gets its default here.
QStringList withMetricsFormat(const QStringList &arguments) {
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--"))
            return out + arguments.mid(i);
        const bool bare = i > 0 && arguments[i] == QLatin1String("--metrics");
        const QString next = i + 1 < arguments.size() ? arguments[i + 1] : QString();
        if (bare && next != QLatin1String("text") && next != QLatin1String("csv"))
            out << QStringLiteral("--metrics=text");
        else
            out << arguments[i];
    }
    return out;
}

ParsedCommandLine parseUnchecked(const QStringList &givenArguments,
                                 const std::optional<std::string> &rawSentence) {
    const QStringList arguments = withMetricsFormat(givenArguments);
    QCommandLineParser parser;
    const Flags flags;
    const auto [help, version] = setUpParser(parser, flags);
    QList<QCommandLineOption> everyOption = allFlags(flags);
    everyOption << help << version;
    ParsedCommandLine parsed;
    if (const QString misuse = flagTakenAsValue(everyOption, arguments); !misuse.isEmpty()) {
        parsed.error = misuse;
        return parsed;
    }
    if (!parser.parse(arguments)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
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
    } catch (const SessionFileError &e) {
        parsed.error = QString::fromStdString(e.what());
        parsed.fileError = true;
    } catch (const InputError &e) {
        parsed.error = ui::translatedError(e);
    }
    return parsed;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments,
                                   const std::optional<std::string> &rawSentence) {
    ParsedCommandLine parsed = parseUnchecked(arguments, rawSentence);
    parsed.error = QString::fromStdString(printableLine(parsed.error.toStdString()));
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

QStringList withoutQtOptions(const QStringList &arguments) {
    // QGuiApplication's and QApplication's own options (qguiapplication.cpp, qapplication.cpp),
    // which Qt takes out of argv itself; "-x" and "--x" are the same to Qt.
    static const QStringList withValue{"platform",
                                       "platformpluginpath",
                                       "platformtheme",
                                       "plugin",
                                       "qwindowgeometry",
                                       "qwindowicon",
                                       "qwindowtitle",
                                       "stylesheet",
                                       "style",
                                       "display",
                                       "geometry",
                                       "title",
                                       "name",
                                       "visual",
                                       "ncols",
                                       "qmljsdebugger"};
    static const QStringList alone{"reverse", "widgetcount", "cmap", "nograb", "dograb", "sync"};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments[i];
        if (word == QLatin1String("--")) {
            kept += arguments.mid(i);
            break;
        }
        if (i > 0 && word.startsWith(u'-')) {
            const QString name = word.mid(word.startsWith(QLatin1String("--")) ? 2 : 1);
            if (alone.contains(name))
                continue;
            if (withValue.contains(name.section(u'=', 0, 0))) {
                if (!name.contains(u'='))
                    ++i; // and its value
                continue;
            }
        }
        kept << word;
    }
    return kept;
}

std::vector<char *> argumentsForQt(int argc, char **argv) {
    std::vector<char *> kept;
    for (int i = 0; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (i > 0 && (word == "--session" || word == "-session")) {
            ++i; // and its value
            continue;
        }
        if (i > 0 && (word.starts_with("--session=") || word.starts_with("-session=")))
            continue;
        if (word == "--") { // everything after it is ours as it is
            for (; i < argc; ++i)
                kept.push_back(argv[i]);
            break;
        }
        kept.push_back(argv[i]);
    }
    kept.push_back(nullptr); // argv[argc] is null by convention
    return kept;
}

} // namespace attnviz
