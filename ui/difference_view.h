// DifferenceView: A − B of two attention panels (two heads, or now against a pinned earlier
// picture) on a diverging colour scale centred on 0.
#pragma once

#include <Eigen/Core>

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace attnviz::ui {

class AttentionSession;
class MatrixPlot;
struct SessionSnapshot;

class DifferenceView : public QWidget {
    Q_OBJECT
public:
    explicit DifferenceView(AttentionSession *session, QWidget *parent = nullptr);

    // Keeps the current snapshot so that later pictures can be compared with it.
    void pin();
    bool hasPin() const { return m_pinned != nullptr; }
    // Chooses the panels: A is a head of the current picture, B a head of the current or of
    // the pinned picture (0-based heads). Out-of-range choices are ignored.
    void choose(int headA, int headB, bool bFromPin);

    // A − B, [N × N]; empty when refused (see note()).
    const Eigen::MatrixXf &difference() const { return m_difference; }
    // Why nothing is shown (different token counts, no pin), or empty.
    QString note() const;
    MatrixPlot *picture() const { return m_picture; }
    // Writes the picture as it is shown (caption, labels, colour bar) as PNG, SVG or PDF (by the
    // suffix), atomically. Returns an empty string, or a one-line message naming the cause.
    QString saveImage(const QString &path) const;

signals:
    void differenceChanged();

private:
    void refillChoices();
    void recompute();

    AttentionSession *m_session;
    std::shared_ptr<const SessionSnapshot> m_pinned;
    QComboBox *m_first, *m_second;
    QPushButton *m_pinButton;
    QPushButton *m_saveButton;
    QLabel *m_pinLabel;
    MatrixPlot *m_picture;
    Eigen::MatrixXf m_difference;
};

} // namespace attnviz::ui
