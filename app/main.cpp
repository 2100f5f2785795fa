// attnviz: the window, or a headless run when the command line asks for one.
#include "cli_text.h"
#include "command_line.h"
#include "headless.h"
#include "model_command.h"
#include "window_start.h"

#include <attnviz/error.h>

#include <attention_session.h>
#include <control_panel.h>
#include <language.h>
#include <main_window.h>
#include <translated_error.h>

#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QIcon>

#include <cstdio>
#include <malloc.h>
#include <new>
#include <vector>

namespace {

// Attention results are large, short-lived matrices. By default glibc unmaps every freed block
// over 128 KiB and the next computation faults its pages back in one by one, which costs more
// than the arithmetic (N = 256: 46 ms → 6 ms in tests/bench/bench_attention).
void keepLargeBlocksInTheHeap() {
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

void setApplicationInfo() {
    QCoreApplication::setApplicationName(QStringLiteral("attnviz"));
    QCoreApplication::setOrganizationName(QStringLiteral("attnviz"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATTNVIZ_VERSION));
}

} // namespace

namespace attnviz {

int runWindow(const CommandLineOptions &options) {
    QApplication::setApplicationDisplayName(QStringLiteral("attnviz"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/attnviz/attnviz.svg")));
    ui::applyLanguage(ui::savedLanguageChoice()); // the locale's, or View ▸ Language's
    ui::AttentionSession session;
    ui::MainWindow window(&session);
    if (const QString error = prepareWindow(window, session, options); !error.isEmpty()) {
        std::fprintf(stderr, "attnviz: %s\n", printableLine(error.toStdString()).c_str());
        return 2;
    }
    window.show();
    return QApplication::exec();
}

} // namespace attnviz

namespace {

// The arguments as Qt would decode them (UTF-8 on Linux), before any application object exists.
QStringList decodedArguments(int argc, char **argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// The command line speaks the window's language: the locale's, or View ▸ Language's. Needs the
// application object; returns whether the language is not English (then texts made before it
// was installed, such as the parser's, are worth making again).
// In English nothing is installed, so the output stays exactly what it was.
bool speakTheUsersLanguage() {
    const attnviz::ui::LanguageChoice choice = attnviz::ui::savedLanguageChoice();
    return attnviz::ui::choiceMeansChinese(choice) && attnviz::ui::applyLanguage(choice);
}

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char **argv) {
    keepLargeBlocksInTheHeap();
    setApplicationInfo();
    // Parsed and validated before any application object exists: what to run (window or
    // headless, and which application class) is decided once, from the parsed options, and
    // argument errors are never hidden behind "no display".
    const attnviz::ParsedCommandLine parsed =
        attnviz::parseCommandLine(attnviz::withoutQtOptions(decodedArguments(argc, argv)),
                                  attnviz::rawOptionValue(argc, argv, "sentence"));
    // Qt must not see --session: it would take the file as its own session-management key.
    std::vector<char *> qtArguments = attnviz::argumentsForQt(argc, argv);
    int qtArgc = static_cast<int>(qtArguments.size()) - 1;
    const auto reparsed = [&] {
        return attnviz::parseCommandLine(attnviz::withoutQtOptions(decodedArguments(argc, argv)),
                                         attnviz::rawOptionValue(argc, argv, "sentence"));
    };
    if (!parsed.options) {
        const QCoreApplication app(qtArgc, qtArguments.data());
        const attnviz::ParsedCommandLine said = speakTheUsersLanguage() ? reparsed() : parsed;
        const QString error = said.options ? parsed.error : said.error;
        std::fprintf(
            stderr, "attnviz: %s\n",
            qPrintable(parsed.fileError
                           ? error
                           : attnviz::CommandLineText::tr("%1 (see attnviz --help)").arg(error)));
        return 2;
    }
    attnviz::CommandLineOptions options = *parsed.options;

    using Action = attnviz::CommandLineOptions::Action;
    switch (options.action) {
    case Action::ShowHelp: {
        const QCoreApplication app(qtArgc, qtArguments.data());
        speakTheUsersLanguage();
        return attnviz::writeStandardOutput(attnviz::helpText().toStdString()) ? 0 : 2;
    }
    case Action::ShowVersion:
        return attnviz::writeStandardOutput("attnviz " ATTNVIZ_VERSION "\n") ? 0 : 2;
    case Action::Headless:
    case Action::ListModules:
    case Action::ListModels: {
        const auto warn = [&] {
            QStringList warnings = options.sessionWarnings;
            if (speakTheUsersLanguage() && !warnings.isEmpty())
                if (const attnviz::ParsedCommandLine again = reparsed(); again.options)
                    warnings = again.options->sessionWarnings; // made in the language now
            for (const QString &warning : warnings)
                std::fprintf(
                    stderr, "%s\n",
                    qPrintable(attnviz::CommandLineText::tr("attnviz: warning: %1").arg(warning)));
        };
        if (options.exportPath.isEmpty()) {
            const QCoreApplication app(qtArgc, qtArguments.data());
            warn();
            return attnviz::runHeadless(options);
        }
        // Figures render with widgets but never need a display. Qt's notes about the platform
        // (no runtime directory, no window manager) are noise here; errors still reach stderr.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "attnviz: %s\n", qPrintable(text));
        });
        const QApplication app(qtArgc, qtArguments.data());
        warn();
        return attnviz::runHeadless(options);
    }
    case Action::OpenWindow:
        break;
    }
    if (!hasDisplay()) {
        const QCoreApplication app(qtArgc, qtArguments.data());
        speakTheUsersLanguage();
        if (const QString error = attnviz::checkWindowInputs(options); !error.isEmpty()) {
            std::fprintf(stderr, "attnviz: %s\n", qPrintable(error));
            return 2;
        }
        std::fprintf(stderr, "attnviz: %s\n",
                     qPrintable(attnviz::CommandLineText::tr(
                         "no display to open the window on (DISPLAY is not set); use --dump or "
                         "--export to run without one")));
        return 2;
    }
    const QApplication app(qtArgc, qtArguments.data());
    // Plain `attnviz` continues where the last run stopped; any argument starts from it instead.
    options.restoreLastState = argc == 1;
    return attnviz::runWindow(options);
}
