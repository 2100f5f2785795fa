// libFuzzer target: the command-line parser (app/command_line.*). The input is split on NUL bytes
// into argv words; Qt's options are taken out as main does, then parsing must return options or a
// one-line error, never crash or throw.
//   build/fuzz/tests/fuzz/fuzz_arguments -max_total_time=600 tests/fuzz/corpus/fuzz_arguments
#include "command_line.h"

#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::vector<std::string> words{"attnviz"};
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(current);
            current.clear();
        } else {
            current.push_back(static_cast<char>(data[i]));
        }
    }
    if (!current.empty())
        words.push_back(current);
    if (words.size() > 64)
        return 0;
    std::vector<char *> argv;
    QStringList arguments;
    for (std::string &word : words) {
        argv.push_back(word.data());
        arguments << QString::fromLocal8Bit(word);
    }
    const int argc = static_cast<int>(argv.size());
    argv.push_back(nullptr);
    // Session files named by the input are read when they exist; everything else is pure.
    const attnviz::ParsedCommandLine parsed =
        attnviz::parseCommandLine(attnviz::withoutQtOptions(arguments),
                                  attnviz::rawOptionValue(argc, argv.data(), "sentence"));
    if (!parsed.options && parsed.error.isEmpty())
        std::abort(); // a refusal always says why
    if (parsed.error.contains(u'\n'))
        std::abort(); // one line
    const std::vector<char *> forQt = attnviz::argumentsForQt(argc, argv.data());
    if (forQt.empty() || forQt.back() != nullptr || forQt.size() > argv.size())
        std::abort();
    return 0;
}
