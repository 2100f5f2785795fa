#include "window_start.h"

#include "cli_text.h"
#include "headless.h"
#include "model_command.h"

#include <attnviz/error.h>
#include <attnviz/io/input_file.h>

#include <attention_session.h>
#include <control_panel.h>
#include <main_window.h>
#include <translated_error.h>

#include <QCheckBox>

#include <new>

namespace attnviz {

QString prepareWindow(ui::MainWindow &window, ui::AttentionSession &session,
                      const CommandLineOptions &options) {
    if (!options.sessionPath.isEmpty()) {
        QString error;
        if (!window.openSession(options.sessionPath, true, &error))
            return error;
        if (options.layerGiven) // --layer overrides the session's layer
            window.showLayerWhenLoaded(options.figure.layer);
        if (options.viewGiven) { // flags given with the session override its view
            window.controlPanel()->setViewState(options.figure.style, options.figure.meanPanel,
                                                options.baselinePanel,
                                                window.controlPanel()->lockControl()->isChecked());
            window.controlPanel()->setTokenView(options.tokenView);
        }
        return {};
    }
    try {
        if (!loadIntoSession(session, prepareRun(options), options))
            return session.errorText();
    } catch (const InputError &e) {
        return ui::translatedError(e);
    } catch (const std::bad_alloc &) {
        return CommandLineText::tr("out of memory loading the weights or embeddings");
    }
    if (options.restoreLastState)
        window.restoreLastState();
    if (!options.model.isEmpty()) {
        try {
            resolveModelFolder(options.model); // an unknown name or path: exit 2 before the window
        } catch (const InputError &e) {
            return ui::translatedError(e);
        }
        window.openModel(options.model, false, std::max(options.figure.layer, 0));
    }
    if (options.viewGiven) {
        window.controlPanel()->setViewState(
            options.figure.style, options.figure.meanPanel, options.baselinePanel,
            options.lockSizes || window.controlPanel()->lockControl()->isChecked());
        window.controlPanel()->setTokenView(options.tokenView);
    }
    window.documents()->setModified(false); // what the command line asked for is not an edit
    return {};
}

QString checkWindowInputs(const CommandLineOptions &options) {
    try {
        if (!options.weightsPath.isEmpty())
            requireRegularFile(options.weightsPath.toStdString(), "the weights file");
        if (!options.embeddingsPath.isEmpty())
            requireRegularFile(options.embeddingsPath.toStdString(), "the embeddings file");
        if (options.vocabPath)
            requireRegularFile(*options.vocabPath, "the vocabulary");
        if (!options.model.isEmpty())
            resolveModelFolder(options.model);
    } catch (const InputError &e) {
        return ui::translatedError(e);
    }
    return {};
}

} // namespace attnviz
