#include "headless.h"

#include "cli_text.h"
#include "model_command.h"

#include <attnviz/error.h>
#include <attnviz/io/atomic_file.h>
#include <attnviz/loaders/load_model.h>
#include <attnviz/weights_file.h>

#include <attention_session.h>
#include <translated_error.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace attnviz {

namespace {

// The dump goes straight from the result to its file as text (no JSON tree in memory), into a
// temporary file renamed over the target only when every byte is written.
void writeDumpTo(const QString &path, const PreparedRun &run, const PipelineResult &result,
                 const LayerAnalysis &analysis) {
    if (path == QLatin1String("-")) {
        StandardOutputSink out("the dump");
        writeDump(out, run.pipeline, result, run.weightsInfo, &analysis);
        out.write("\n");
        out.finish();
        return;
    }
    AtomicFile file(path.toStdString(), "the dump");
    writeDump(file, run.pipeline, result, run.weightsInfo, &analysis);
    file.write("\n");
    file.commit();
}

// `message` is the whole sentence, with %1 the value asked for, %2 the file's and %3 (if
// `heads` is given) the file's head count.
void requireAgreement(bool given, const QString &message, int asked, int inFile, int heads = -1) {
    if (!given || asked == inFile)
        return;
    const QString text = message.arg(asked).arg(inFile);
    throw InputError((heads < 0 ? text : text.arg(heads)).toStdString());
}

// Through the window's own session object, so the figure is the window's picture.
void exportFigure(const CommandLineOptions &options, const PreparedRun &run) {
    ui::AttentionSession session;
    if (!loadIntoSession(session, run, options))
        throw InputError(session.errorText().toStdString());
    session.waitForIdle();
    if (!session.snapshot())
        throw InputError(session.errorText().toStdString());
    ui::FigureOptions figure = options.figure;
    figure.weightsName = ui::figureWeightsName(session);
    ui::FigureRenderer renderer(*session.snapshot(), figure);
    renderer.save(options.exportPath);
}

} // namespace

void StandardOutputSink::write(std::string_view bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size())
        fail();
}

void StandardOutputSink::finish() {
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
        fail();
}

void StandardOutputSink::fail() const {
    throw InputError(ErrorId::WriteStandardOutput, {m_what, systemErrorText(errno)});
}

bool writeStandardOutput(std::string_view text) {
    errno = 0;
    const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
    if (written && std::fflush(stdout) == 0 && !std::ferror(stdout))
        return true;
    std::fprintf(stderr, "attnviz: %s\n",
                 qPrintable(CommandLineText::tr("cannot write to standard output: %1")
                                .arg(errno ? ui::translatedSystemError(errno)
                                           : CommandLineText::tr("write error"))));
    return false;
}

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
        run.weights = loadModel(ModelSource::random(c, run.pipeline.seed)).weights;
        run.weightsInfo = {{"source", "random"}, {"seed", run.pipeline.seed}};
    } else {
        // The command line cannot ask: a head count in doubt, or one that disagrees with the
        // file's num_heads, is refused (the window asks instead).
        std::optional<int> heads;
        if (options.headsGiven && !c.singleHead)
            heads = c.heads;
        const LoadedSource loaded = loadModel(ModelSource::weightsFile(
            options.weightsPath.toStdString(), options.weightsPrefix, heads));
        const AttentionWeights &w = *loaded.weights;
        requireAgreement(
            options.dimGiven,
            CommandLineText::tr("--dim %1 disagrees with the weights file, whose d_model is %2"),
            c.dModel, w.dModel);
        requireAgreement(options.dkGiven,
                         CommandLineText::tr("--dk %1 disagrees with the weights file, whose query "
                                             "projection gives %3 heads dk = %2"),
                         c.dk, w.dk, w.heads);
        requireAgreement(options.dvGiven,
                         CommandLineText::tr("--dv %1 disagrees with the weights file, whose value "
                                             "projection gives %3 heads dv = %2"),
                         c.dv, w.dv, w.heads);
        if (c.singleHead && w.out)
            throw InputError(CommandLineText::tr("--single-head disagrees with the weights file, "
                                                 "which has an output projection (%1)")
                                 .arg(QString::fromUtf8(describe(loaded.module->convention)))
                                 .toStdString());
        const bool causal = c.causal;
        c = w.config();
        c.causal = causal;
        run.weightsInfo = {{"source", "file"},
                           {"file", options.weightsPath.toStdString()},
                           {"prefix", loaded.module->prefix},
                           {"convention", std::string(describe(loaded.module->convention))}};
        run.weights = loaded.weights;
        run.weightsFromFile = true;
    }
    if (!options.embeddingsPath.isEmpty())
        run.pipeline.embeddings = std::make_shared<const EmbeddingTable>(
            EmbeddingTable::load(options.embeddingsPath.toStdString(), options.vocabPath));
    return run;
}

int runHeadless(const CommandLineOptions &options) {
    try {
        if (options.action == CommandLineOptions::Action::ListModels) {
            listModels();
            return 0;
        }
        if (!options.model.isEmpty()) {
            runModelHeadless(options);
            return 0;
        }
        if (options.action == CommandLineOptions::Action::ListModules) {
            const auto file =
                SafetensorsFile::open(options.weightsPath.toStdString(), "the weights file");
            const auto modules = findAttentionModules(file);
            if (modules.empty())
                throw InputError(CommandLineText::tr("no attention module found in '%1'")
                                     .arg(options.weightsPath)
                                     .toStdString());
            std::string list;
            for (const AttentionModuleInfo &m : modules)
                list += m.summary() + '\n';
            return writeStandardOutput(list) ? 0 : 2;
        }
        // Refuse a device, FIFO or directory as an output before minutes of computing.
        if (!options.dumpPath.isEmpty() && options.dumpPath != QLatin1String("-"))
            resolveOutputTarget(options.dumpPath.toStdString(), "the dump");
        if (!options.saveWeightsPath.isEmpty())
            resolveOutputTarget(options.saveWeightsPath.toStdString(), "the weights file");
        const PreparedRun run = prepareRun(options);
        if (!options.dumpPath.isEmpty() || options.metrics) {
            const PipelineResult result = runPipeline(run.pipeline, *run.weights);
            const LayerAnalysis analysis = analyseLayer(
                result.attention, *run.weights, describeTokens(result.tokens),
                run.pipeline.attention.causal,
                options.dumpPath.isEmpty() ? HeadDistances::Skip : HeadDistances::Compute);
            if (options.metrics &&
                !writeStandardOutput(formatMetricsTable({analysis}, *options.metrics)))
                return 2;
            if (!options.dumpPath.isEmpty())
                writeDumpTo(options.dumpPath, run, result, analysis);
        }
        if (!options.exportPath.isEmpty())
            exportFigure(options, run);
        if (!options.saveWeightsPath.isEmpty())
            saveAttentionWeights(options.saveWeightsPath.toStdString(), *run.weights,
                                 run.pipeline.seed);
        return 0;
    } catch (const InputError &e) {
        std::cerr << "attnviz: " << printableLine(ui::translatedError(e).toStdString()) << '\n';
        return 2;
    } catch (const std::bad_alloc &) {
        std::cerr << "attnviz: "
                  << CommandLineText::tr("out of memory; lower the sizes or the sentence length")
                         .toStdString()
                  << '\n';
        return 2;
    }
}

} // namespace attnviz
