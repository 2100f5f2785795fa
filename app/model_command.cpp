#include "model_command.h"

#include "cli_text.h"

#include "headless.h"

#include <attnviz/error.h>
#include <attnviz/io/atomic_file.h>
#include <attnviz/io/input_file.h>
#include <attnviz/loaders/load_model.h>
#include <attnviz/model/builtin_models.h>
#include <attnviz/model/model_dump.h>

#include <attention_session.h>
#include <figure_renderer.h>
#include <token_view.h>

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <cstring>
#include <sstream>

namespace attnviz {

namespace {

std::string builtinModelsDir() {
    return findBuiltinModelsDir(QCoreApplication::applicationDirPath().toStdString());
}

std::vector<BuiltinModelInfo> builtinModels() {
    return listBuiltinModels(builtinModelsDir());
}

} // namespace

QString resolveModelFolder(const QString &nameOrFolder) {
    const ModelSource source = ModelSource::named(nameOrFolder.toStdString(), builtinModelsDir());
    if (source.kind == ModelSource::Kind::Builtin)
        return QString::fromStdString(findBuiltinModel(builtinModels(), source.name)->folder);
    return nameOrFolder;
}

void listModels() {
    std::ostringstream out;
    for (const BuiltinModelInfo &m : builtinModels())
        out << m.name << '\t' << m.language << '\t' << m.heads << '\t' << m.layers << '\t'
            << m.objective << '\t' << m.validationLoss << '\t' << m.description << '\n';
    if (!writeStandardOutput(out.str()))
        throw InputError(
            CommandLineText::tr("the list of models could not be written").toStdString());
}

void runModelHeadless(const CommandLineOptions &options) {
    if (!options.dumpPath.isEmpty() && options.dumpPath != QLatin1String("-"))
        resolveOutputTarget(options.dumpPath.toStdString(), "the dump");
    const std::shared_ptr<const LoadedModel> loaded =
        loadModel(ModelSource::named(options.model.toStdString(), builtinModelsDir())).model;
    if (!options.dumpPath.isEmpty() || options.metrics) {
        ModelRunLimits limits;
        limits.maxTokens = options.pipeline.tokenizer.maxTokens;
        const ModelRun run = runModelOnSentence(loaded->model, options.pipeline.sentence, limits);
        if (options.metrics) {
            StandardOutputSink out("the metrics");
            out.write(formatMetricsTable(analyseModelRun(*loaded, run, HeadDistances::Skip),
                                         *options.metrics));
            out.finish();
        }
        if (options.dumpPath == QLatin1String("-")) {
            StandardOutputSink out("the dump");
            writeModelDump(out, *loaded, options.model.toStdString(), run);
            out.write("\n");
            out.finish();
        } else if (!options.dumpPath.isEmpty()) {
            AtomicFile file(options.dumpPath.toStdString(), "the dump");
            writeModelDump(file, *loaded, options.model.toStdString(), run);
            file.write("\n");
            file.commit();
        }
    }
    if (!options.exportPath.isEmpty()) { // the window's own session object draws the figure
        ui::AttentionSession session;
        if (!session.setOptions(options.pipeline))
            throw InputError(session.errorText().toStdString());
        session.useModel(loaded, options.model);
        session.waitForIdle();
        if (!session.snapshot() || !session.snapshot()->model)
            throw InputError(session.errorText().toStdString());
        ui::FigureOptions figure = options.figure;
        figure.weightsName = ui::figureWeightsName(session);
        ui::FigureRenderer(*ui::viewedSnapshot(session.snapshot(), options.tokenView), figure)
            .save(options.exportPath);
    }
}

} // namespace attnviz
