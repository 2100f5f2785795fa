// StepView: one head's computation drawn step by step, from X to the attention output.
#pragma once

#include "step_diagram.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPainter;
class QScrollArea;
class QSpinBox;
template <typename T> class QFutureWatcher;

namespace attnviz::ui {

struct SessionSnapshot;
class StepCanvas;

// Shows the steps of one (layer, head) of a snapshot. It recomputes them with the core's runModel
// on the snapshot's own input, so what it draws is the core's intermediates. A small computation
// runs at once; a large one on a worker (the newest request wins, a stale result is dropped), so
// the GUI thread never waits for a whole model's run. It has no signals: the window calls
// setSnapshot() on every result and showHead() to pick a head.
class StepView : public QWidget {
    Q_OBJECT
public:
    explicit StepView(QWidget *parent = nullptr);
    ~StepView() override;

    // Takes a new result; keeps the chosen (layer, head) when it still exists. A hidden view
    // computes the steps only when it is shown (or asked to draw), so a background tab costs
    // nothing per result.
    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    // Shows the steps of this layer and head (0-based; clamped to the snapshot's).
    void showHead(int layer, int head);
    // "No √dk scaling" for the shown head.
    void setUnscaled(bool unscaled);

    int layer() const { return m_layer; }
    bool unscaled() const { return m_unscaled; }
    int head() const { return m_head; }
    const StepDiagram &diagram() const { return m_diagram; }
    // Mean normalised entropy of the head's softmax with and without the scaling (NaN before the
    // toggle was used once for this head).
    double scaledEntropy() const { return m_scaledEntropy; }
    double unscaledEntropy() const { return m_unscaledEntropy; }
    QString errorText() const { return m_error; }
    // True while the steps asked for last are computed on a worker (the previous ones stay drawn).
    bool isComputing() const;
    // Blocks until the steps asked for last are drawn (tests, export).
    void waitForSteps();
    // The explanation shown for the cell last hovered (empty when none).
    QString hoverText() const;

    // Paints the whole diagram at its natural size (diagram().size()).
    void renderTo(QPainter &painter);
    // Writes .png, .svg or .pdf atomically; returns an empty string or the reason it failed.
    QString save(const QString &path);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Job;
    struct Outcome;
    static Outcome compute(const Job &job);
    void start(Job job);
    void finished();
    void apply(const Outcome &outcome);
    void recompute();
    void recomputeIfStale();
    void relayout();
    void syncSelectors();
    void showHover(const QString &text);

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    int m_layer = 0, m_head = 0;
    bool m_unscaled = false;
    bool m_stale = false; // a snapshot arrived while hidden; the steps are not computed yet
    double m_scaledEntropy, m_unscaledEntropy;
    QString m_error;
    StepDiagram m_diagram;
    QFutureWatcher<Outcome> *m_watcher = nullptr;
    std::unique_ptr<Job> m_pending; // asked for while one ran: started when that one finishes
    quint64 m_latestId = 0;         // the newest request; results of older ones are dropped
    quint64 m_handledId = 0;        // the newest worker result handled
    QSpinBox *m_layerBox = nullptr;
    QSpinBox *m_headBox = nullptr;
    QCheckBox *m_unscaledBox = nullptr;
    QLabel *m_entropyLabel = nullptr;
    QLabel *m_hoverLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    StepCanvas *m_canvas = nullptr;
    friend class StepCanvas;
};

} // namespace attnviz::ui
