// attnviz: the window, or a headless run when the command line asks for one.
#include "command_line.h"
#include "headless.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {

void setApplicationInfo() {
    QCoreApplication::setApplicationName(QStringLiteral("attnviz"));
    QCoreApplication::setOrganizationName(QStringLiteral("attnviz"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATTNVIZ_VERSION));
}

} // namespace

int main(int argc, char **argv) {
    setApplicationInfo();
    std::unique_ptr<QCoreApplication> app = std::make_unique<QCoreApplication>(argc, argv);

    const attnviz::ParsedCommandLine parsed =
        attnviz::parseCommandLine(QCoreApplication::arguments(),
                                  attnviz::rawOptionValue(argc, argv, "sentence"));
    if (!parsed.options) {
        std::fprintf(stderr, "attnviz: %s\nTry 'attnviz --help'.\n", qPrintable(parsed.error));
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
    case Action::Dump:
        return attnviz::runDump(*parsed.options);
    case Action::OpenWindow:
        break;
    }
    // The window arrives with the desktop issue; until then show the headless result.
    attnviz::CommandLineOptions dumpToStdout = *parsed.options;
    dumpToStdout.dumpPath = QStringLiteral("-");
    return attnviz::runDump(dumpToStdout);
}
