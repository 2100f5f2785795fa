#include "headless.h"

#include <attnviz/error.h>
#include <attnviz/weights_file.h>

#include <attention_session.h>

#include <cerrno>
#include <cstring>
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

void requireAgreement(bool given, const char *flag, int asked, int inFile, const std::string &why) {
    if (given && asked != inFile)
        throw InputError(std::string("--") + flag + " " + std::to_string(asked) +
                         " disagrees with the weights file, " + why + " " + std::to_string(inFile));
}

// Through the window's own session object, so the figure is the window's picture.
void exportFigure(const CommandLineOptions &options, const PreparedRun &run) {
    ui::AttentionSession session;
    if (!loadIntoSession(session, run, options))
        throw InputError(session.errorText().toStdString());
    session.waitForIdle();
    if (!session.snapshot())
        throw InputError(session.errorText().toStdString());
    ui::FigureRenderer renderer(*session.snapshot(), options.figure);
    renderer.save(options.exportPath);
}

} // namespace

bool loadIntoSession(ui::AttentionSession &session, const PreparedRun &run,
                     const CommandLineOptions &options) {
    if (run.weightsFromFile)
        session.useLoadedWeights(run.weights, options.weightsPath);
    session.setBaselineEnabled(options.baselinePanel);
    return session.setOptions(run.pipeline);
}

PreparedRun prepareRun(const CommandLineOptions &options) {
    PreparedRun run;
    run.pipeline = options.pipeline;
    AttentionConfig &c = run.pipeline.attention;
    if (options.weightsPath.isEmpty()) {
        validate(c, 0);
        run.weights =
            std::make_shared<const AttentionWeights>(makeRandomWeights(c, run.pipeline.seed));
        run.weightsInfo = {{"source", "random"}, {"seed", run.pipeline.seed}};
    } else {
        const SafetensorsFile file = SafetensorsFile::open(options.weightsPath.toStdString());
        WeightsLoadOptions load;
        load.prefix = options.weightsPrefix;
        if (options.headsGiven && !c.singleHead)
            load.heads = c.heads;
        LoadedWeights loaded = loadAttentionWeights(file, load);
        const AttentionWeights &w = loaded.weights;
        requireAgreement(options.dimGiven, "dim", c.dModel, w.dModel, "whose d_model is");
        requireAgreement(options.dkGiven, "dk", c.dk, w.dk,
                         "whose query projection gives " + std::to_string(w.heads) + " heads dk =");
        requireAgreement(options.dvGiven, "dv", c.dv, w.dv,
                         "whose value projection gives " + std::to_string(w.heads) + " heads dv =");
        if (c.singleHead && w.out)
            throw InputError("--single-head disagrees with the weights file, which has an output "
                             "projection (" +
                             std::string(describe(loaded.module.convention)) + ")");
        const bool causal = c.causal;
        c = w.config();
        c.causal = causal;
        run.weightsInfo = {{"source", "file"},
                           {"file", options.weightsPath.toStdString()},
                           {"prefix", loaded.module.prefix},
                           {"convention", std::string(describe(loaded.module.convention))}};
        run.weights = std::make_shared<const AttentionWeights>(std::move(loaded.weights));
        run.weightsFromFile = true;
    }
    if (!options.embeddingsPath.isEmpty())
        run.pipeline.embeddings = std::make_shared<const EmbeddingTable>(
            EmbeddingTable::load(options.embeddingsPath.toStdString(), options.vocabPath));
    return run;
}

int runHeadless(const CommandLineOptions &options) {
    try {
        if (options.action == CommandLineOptions::Action::ListModules) {
            const auto file = SafetensorsFile::open(options.weightsPath.toStdString());
            const auto modules = findAttentionModules(file);
            if (modules.empty())
                throw InputError("no attention module found in '" +
                                 options.weightsPath.toStdString() + "'");
            for (const AttentionModuleInfo &m : modules)
                std::cout << m.summary() << '\n';
            return 0;
        }
        const PreparedRun run = prepareRun(options);
        if (!options.dumpPath.isEmpty()) {
            const PipelineResult result = runPipeline(run.pipeline, *run.weights);
            writeText(options.dumpPath, makeDump(run.pipeline, result, run.weightsInfo).dump());
        }
        if (!options.exportPath.isEmpty())
            exportFigure(options, run);
        if (!options.saveWeightsPath.isEmpty())
            saveAttentionWeights(options.saveWeightsPath.toStdString(), *run.weights,
                                 run.pipeline.seed);
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
