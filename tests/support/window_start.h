// How the window tests start: a MainWindow on a new AttentionSession, shown at 1280 × 720 on a
// sentence, and a model opened and computed before a test looks at it.
#pragma once

#include <attention_session.h>
#include <main_window.h>
#include <model_loader.h>

#include <QString>
#include <QTest>

#include <memory>
#include <string>

namespace attnviz::ui::testing {

// A model folder of tests/fixtures/models (the test target defines ATTNVIZ_FIXTURE_DIR).
#ifdef ATTNVIZ_FIXTURE_DIR
inline QString fixtureModel(const char *name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/") + QString::fromLatin1(name);
}
#endif

// Replaces `window` and `session` with new ones on `sentence` (none: the session's default) and
// shows the window. False when the sentence is refused or the window never appears.
[[nodiscard]] inline bool startWindow(std::unique_ptr<AttentionSession> &session,
                                      std::unique_ptr<MainWindow> &window,
                                      const char *sentence = "The cat sat on the mat.") {
    window.reset();
    session = std::make_unique<AttentionSession>();
    window = std::make_unique<MainWindow>(session.get());
    if (sentence) {
        PipelineOptions options;
        options.sentence = sentence;
        if (!session->setOptions(options))
            return false;
    }
    window->resize(1280, 720);
    window->show();
    return QTest::qWaitForWindowExposed(window.get());
}

// Opens a built-in model or a folder quietly and waits until it is loaded and computed. Returns
// what went wrong (a refusal, a load that never ends, the session's error), or nothing.
[[nodiscard]] inline QString openModelAndWait(MainWindow &window, AttentionSession &session,
                                              const QString &model) {
    if (!window.openModel(model, true))
        return QStringLiteral("%1 was not opened").arg(model);
    const bool loaded = QTest::qWaitFor(
        [&] { return session.hasModel() && !window.modelLoader()->isLoading(); }, 10000);
    if (!loaded)
        return QStringLiteral("%1 did not load within 10 s").arg(model);
    session.waitForIdle();
    return session.errorText();
}

} // namespace attnviz::ui::testing
