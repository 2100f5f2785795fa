#include "model_command.h"

#include "cli_text.h"

#include "headless.h"

#include <attnviz/error.h>
#include <attnviz/io/atomic_file.h>
#include <attnviz/io/input_file.h>
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

std::vector<BuiltinModelInfo> builtinModels() {
    return listBuiltinModels(
        findBuiltinModelsDir(QCoreApplication::applicationDirPath().toStdString()));
}

} // namespace

QString resolveModelFolder(const QString &nameOrFolder) {
    const std::vector<BuiltinModelInfo> models = builtinModels();
    if (const BuiltinModelInfo *info = findBuiltinModel(models, nameOrFolder.toStdString()))
        return QString::fromStdString(info->folder);
    if (QFileInfo(nameOrFolder).isDir())
        return nameOrFolder;
    throw InputError(CommandLineText::tr("'%1' is neither a built-in model (see attnviz "
                                         "--list-models) nor a model folder")
                         .arg(QString::fromStdString(printableLine(nameOrFolder.toStdString())))
                         .toStdString());
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
    const QString folder = resolveModelFolder(options.model);
    auto loaded = std::make_shared<const LoadedModel>(loadModelFolder(folder.toStdString()));
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
