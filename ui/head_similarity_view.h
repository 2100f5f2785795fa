// HeadSimilarityView: the heads × heads Jensen–Shannon distance matrix of the shown layer, heads
// in clustered order so that similar heads sit together.
#pragma once

#include <Eigen/Core>

#include <QWidget>

#include <vector>

namespace attnviz::ui {

class AttentionSession;
class MatrixPlot;

class HeadSimilarityView : public QWidget {
    Q_OBJECT
public:
    explicit HeadSimilarityView(AttentionSession *session, QWidget *parent = nullptr);

    // The distances in head order (empty until computed) and the clustered head order (0-based).
    const Eigen::MatrixXf &distances() const { return m_distances; }
    const std::vector<int> &order() const { return m_order; }
    MatrixPlot *picture() const { return m_picture; }
    // Whether the shown matrix belongs to the session's current snapshot.
    bool isCurrent() const { return !m_stale; }

signals:
    void distancesChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onResultChanged();
    void recompute();

    AttentionSession *m_session;
    MatrixPlot *m_picture;
    Eigen::MatrixXf m_distances;
    std::vector<int> m_order;
    bool m_stale = true;
};

} // namespace attnviz::ui
