// TourActions: what each page of the guided tour sets up in the window, through its public API.
#pragma once

#include <attnviz/pipeline.h>

#include <QObject>
#include <QString>

namespace attnviz::ui {

class AttentionSession;
class MainWindow;
struct SessionSnapshot;

// Each page's button puts the window into the state its page explains: which weights (random or
// the built-in English model), which options, which tab and which panels. Opening a model runs
// off the GUI thread, so a page may finish later: ready() is emitted once the state is there.
class TourActions : public QObject {
    Q_OBJECT
public:
    // The pages, in the order the tour shows them (resources/tour/<language>/01.html …).
    enum Page {
        OneVersusMany,
        Roles,
        Steps,
        Scaling,
        Cost,
        CausalMask,
        Positional,
        Caveat,
        PageCount
    };

    TourActions(MainWindow *window, AttentionSession *session, QObject *parent = nullptr);

    // The label of a page's button ("Show one head beside eight").
    QString buttonText(int page) const;
    // Sets the window up for `page`. Returns an empty string, or why it cannot (then nothing
    // changed): an unknown page, or no built-in English model to open.
    QString apply(int page);
    // The page whose state is still being set up (a model loading), or −1.
    int pendingPage() const { return m_pending; }

    // The sentences the pages use.
    static QString exampleSentence();  // every word in the built-in English model's vocabulary
    static QString repeatedSentence(); // repeated words, for the positional-encoding page
    // The head of the shown layer whose attention goes most to the previous token, or −1.
    static int previousTokenHead(const SessionSnapshot &snapshot);

signals:
    void ready(int page);

private:
    // Random weights with these sizes and switches, the rest of the options kept.
    PipelineOptions randomOptions(int heads, int dModel, int dk, bool causal, bool positional,
                                  const QString &sentence) const;
    void tryFinish();
    void finish(int page);

    MainWindow *m_window;
    AttentionSession *m_session;
    int m_pending = -1;
    QString m_wantedModel;    // empty: random weights
    PipelineOptions m_wanted; // the options a random-weights page waits for
    QString m_wantedSentence;
};

} // namespace attnviz::ui
