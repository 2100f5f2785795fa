#include "headless.h"

#include <attnviz/dump.h>
#include <attnviz/error.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace attnviz {

namespace {

void writeText(const QString &path, const std::string &text) {
    if (path == QLatin1String("-")) {
        std::cout << text << '\n';
        std::cout.flush();
        if (!std::cout)
            throw InputError("cannot write the dump to standard output");
        return;
    }
    std::ofstream file(path.toStdString(), std::ios::binary | std::ios::trunc);
    if (!file)
        throw InputError("cannot write '" + path.toStdString() + "': " + std::strerror(errno));
    file << text << '\n';
    file.close();
    if (!file)
        throw InputError("writing '" + path.toStdString() + "' failed: " + std::strerror(errno));
}

} // namespace

int runDump(const CommandLineOptions &options) {
    try {
        const AttentionWeights weights =
            makeRandomWeights(options.pipeline.attention, options.pipeline.seed);
        const PipelineResult result = runPipeline(options.pipeline, weights);
        writeText(options.dumpPath, makeDump(options.pipeline, result).dump());
        return 0;
    } catch (const InputError &e) {
        std::cerr << "attnviz: " << e.what() << '\n';
        return 2;
    } catch (const std::bad_alloc &) {
        std::cerr << "attnviz: out of memory; lower the sizes or the sentence length\n";
        return 2;
    }
}

} // namespace attnviz
