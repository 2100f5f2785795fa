// HeadSimilarityView: the heads × heads Jensen–Shannon distance matrix of the shown layer, heads
// in clustered order so that similar heads sit together.
#include "head_similarity_view.h"

#include "attention_session.h"
#include "plot/matrix_plot.h"
#include "retranslator.h"
#include "translated_error.h"

#include <attnviz/analysis/head_similarity.h>
#include <attnviz/error.h>

#include <QLabel>
#include <QVBoxLayout>

namespace attnviz::ui {

HeadSimilarityView::HeadSimilarityView(AttentionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_picture(new MatrixPlot) {
    auto *explanation = new QLabel;
    (new Retranslator(this))->add([this, explanation] {
        onResultChanged(); // the title and notes of the picture
        explanation->setText(
            tr("Jensen–Shannon distance between heads' attention, row by row: 0 = they attend "
               "the same way, 1 = to different keys. Heads are ordered so that similar ones sit "
               "together."));
    });
    explanation->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(explanation);
    layout->addWidget(m_picture, 1);
    m_picture->setCellValuesShown(true);
    m_picture->setColorBarVisible(true);
    m_picture->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_picture->setMinimumSize(200, 180);
    connect(m_session, &AttentionSession::resultChanged, this,
            &HeadSimilarityView::onResultChanged);
}

void HeadSimilarityView::onResultChanged() {
    m_stale = true;
    // The distances are the costly part of the analysis at large N (every pair of heads, N²
    // logarithms each): compute them only while someone can see them.
    if (isVisible())
        recompute();
}

void HeadSimilarityView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        recompute();
}

void HeadSimilarityView::recompute() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    m_stale = false;
    const auto &heads = snapshot->result.attention.heads;
    try {
        m_distances =
            headDistanceMatrix(snapshot->result.attention, snapshot->options.attention.causal);
        m_order = clusterOrder(m_distances);
    } catch (const InputError &error) {
        m_distances.resize(0, 0);
        m_order.clear();
        m_picture->setNote(translatedError(error));
        emit distancesChanged();
        return;
    }
    const auto count = static_cast<Eigen::Index>(m_order.size());
    Eigen::MatrixXf ordered(count, count);
    QStringList labels;
    for (Eigen::Index r = 0; r < count; ++r) {
        labels << tr("H%1").arg(m_order[static_cast<std::size_t>(r)] + 1);
        for (Eigen::Index c = 0; c < count; ++c)
            ordered(r, c) = m_distances(m_order[static_cast<std::size_t>(r)],
                                        m_order[static_cast<std::size_t>(c)]);
    }
    // The scale runs from 0 to the largest distance: random heads all lie near 0.2 and would
    // look alike on a fixed 0–1 scale. The colour bar says where the top is.
    const float largest = m_distances.size() ? m_distances.maxCoeff() : 0.0f;
    m_picture->setScale(
        MatrixScale::sequential(Colormap::Viridis, 0.0, largest > 0.01f ? largest : 0.01));
    m_picture->setLabels(labels, labels);
    m_picture->setMatrix(ordered);
    m_picture->setCaption(
        snapshot->model
            ? tr("Layer %1: distance between %n head(s)", nullptr, static_cast<int>(heads.size()))
                  .arg(snapshot->layer + 1)
            : tr("Distance between %n head(s)", nullptr, static_cast<int>(heads.size())));
    if (heads.size() < 2)
        m_picture->setNote(tr("One head: nothing to compare. Raise the head count."));
    emit distancesChanged();
}

} // namespace attnviz::ui
