// attnviz: the window, or a headless run when the command line asks for one.
#include "command_line.h"
#include "headless.h"

#include <attnviz/error.h>

#include <attention_session.h>
#include <main_window.h>

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

#include <cstdio>
#include <malloc.h>
#include <memory>

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
    ui::AttentionSession session;
    ui::MainWindow window(&session);
    if (!options.sessionPath.isEmpty()) {
        QString error;
        if (!window.openSession(options.sessionPath, true, &error)) {
            std::fprintf(stderr, "attnviz: %s\n", qPrintable(error));
            return 2;
        }
        window.show();
        return QApplication::exec();
    }
    try {
        if (!loadIntoSession(session, prepareRun(options), options)) {
            std::fprintf(stderr, "attnviz: %s\n", qPrintable(session.errorText()));
            return 2;
        }
    } catch (const InputError &e) {
        std::fprintf(stderr, "attnviz: %s\n", e.what());
        return 2;
    }
    if (options.restoreLastState)
        window.restoreLastState();
    window.setWindowModified(false); // what the command line asked for is not an edit
    window.show();
    return QApplication::exec();
}

} // namespace attnviz

int main(int argc, char **argv) {
    keepLargeBlocksInTheHeap();
    setApplicationInfo();
    // Only the window needs a display; dumps, help and version run anywhere.
    std::unique_ptr<QCoreApplication> app;
    if (attnviz::rawOptionValue(argc, argv, "export")) {
        // Figures render with widgets but never need a display. Qt's notes about the platform
        // (no runtime directory, no window manager) are noise here; errors still reach stderr.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "attnviz: %s\n", qPrintable(text));
        });
        app = std::make_unique<QApplication>(argc, argv);
    } else if (attnviz::isHeadlessRequest(argc, argv)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        if (qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            std::fputs("attnviz: no display to open the window on (DISPLAY is not set); "
                       "use --dump or --export to run without one\n",
                       stderr);
            return 2;
        }
        app = std::make_unique<QApplication>(argc, argv);
    }

    attnviz::ParsedCommandLine parsed = attnviz::parseCommandLine(
        QCoreApplication::arguments(), attnviz::rawOptionValue(argc, argv, "sentence"));
    if (!parsed.options) {
        std::fprintf(stderr, "attnviz: %s (see attnviz --help)\n", qPrintable(parsed.error));
        return 2;
    }
    using Action = attnviz::CommandLineOptions::Action;
    switch (parsed.options->action) {
    case Action::ShowHelp:
        std::fputs(qPrintable(parsed.helpText), stdout);
        return 0;
    case Action::ShowVersion:
        std::printf("attnviz %s\n", ATTNVIZ_VERSION);
        return 0;
    case Action::Headless:
    case Action::ListModules:
        for (const QString &warning : parsed.options->sessionWarnings)
            std::fprintf(stderr, "attnviz: warning: %s\n", qPrintable(warning));
        return attnviz::runHeadless(*parsed.options);
    case Action::OpenWindow:
        break;
    }
    // Plain `attnviz` continues where the last run stopped; any argument starts from it instead.
    parsed.options->restoreLastState = argc == 1;
    return attnviz::runWindow(*parsed.options);
}
