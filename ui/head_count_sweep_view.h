// HeadCountSweepView: each head's normalised entropy for 1, 2, 4, 8, 16 heads over the current
// sentence, computed off the GUI thread, as one small dot plot.
#pragma once

#include <attnviz/analysis/head_count_sweep.h>

#include <QWidget>

#include <cstdint>
#include <vector>

class QLabel;
template <typename T> class QFutureWatcher;

namespace attnviz::ui {

class AttentionSession;
class DotPlot;

class HeadCountSweepView : public QWidget {
    Q_OBJECT
public:
    explicit HeadCountSweepView(AttentionSession *session, QWidget *parent = nullptr);
    ~HeadCountSweepView() override;

    // The last finished sweep (head counts that divide d_model only).
    const std::vector<HeadCountPoint> &points() const { return m_points; }
    QString errorText() const { return m_error; }
    bool isComputing() const;
    DotPlot *plot() const { return m_plot; }

signals:
    void sweepFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Outcome {
        std::vector<HeadCountPoint> points;
        QString error;
        quint64 id = 0;
    };
    void onResultChanged();
    void start();
    void finish();
    void redraw();

    AttentionSession *m_session;
    DotPlot *m_plot;
    QLabel *m_status;
    QFutureWatcher<Outcome> *m_watcher;
    std::vector<HeadCountPoint> m_points;
    QString m_error;
    // What the shown sweep was computed from: the sweep depends on these only, so moving the
    // head or width sliders does not start it again.
    Eigen::MatrixXf m_sweptInput;
    std::uint64_t m_sweptSeed = 0;
    bool m_sweptCausal = false;
    bool m_stale = true;
    bool m_pending = false; // a newer snapshot arrived while a sweep was running
    quint64 m_lastId = 0;
};

} // namespace attnviz::ui
