// StepDiagram: lays out, paints and explains one head's computation, matrix by matrix.
#pragma once

#include "plot/matrix_scale.h"

#include <attnviz/model/trace.h>

#include <QCoreApplication>
#include <QImage>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QPainter;

namespace attnviz::ui {

// The matrices of the step view, left to right.
enum class StepMatrix {
    X,
    Q,
    K,
    V,
    Scores,
    ScaledScores,
    MaskedScores,
    Probabilities,
    HeadOutput,
    Concat,
    Output
};

// What the diagram needs besides the steps: sizes, scaling and the tokens' text.
struct StepContext {
    int layers = 1, heads = 1;
    bool causal = false;
    bool unscaled = false;       // the steps came from a "no √dk scaling" run
    bool queryPrescaled = false; // the model divides Q by √dk before Q·Kᵀ (GPT-2 style ScaleQuery)
    bool hasOutProjection = true;
    QString modelName; // empty for the seed's module
    QStringList tokens;
};

// One cell under the mouse.
struct StepHit {
    StepMatrix matrix = StepMatrix::X;
    int row = 0, column = 0;
};

class StepDiagram {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::StepDiagram)
public:
    void setSteps(const HeadSteps &steps, const StepContext &context);
    bool isEmpty() const { return !m_steps.has_value(); }
    const HeadSteps *steps() const { return m_steps ? &*m_steps : nullptr; }

    // The matrix a panel draws (nullptr when the diagram omits it, e.g. the mask without causal).
    const Eigen::MatrixXf *matrix(StepMatrix which) const;
    // Where a panel's cells are, in diagram coordinates (empty when omitted).
    QRectF cellsRect(StepMatrix which) const;
    QSizeF size() const { return m_size; }

    // Lays the panels out so the whole fits `height` where it can; wider diagrams scroll.
    void layout(qreal height);
    void paint(QPainter &painter) const;
    std::optional<StepHit> hitTest(QPointF point) const;
    // The explanation of one cell: the dot product behind a score, the mix behind an output.
    QString explain(const StepHit &hit) const;

    // Mean over rows of the softmax's entropy ÷ log(visible keys): 1 uniform, 0 one key.
    static double meanNormalisedEntropy(const Eigen::MatrixXf &probabilities, bool causal);

private:
    struct Panel {
        StepMatrix matrix;
        QString name, shape;
        QRectF cells;
        QImage image; // one pixel per cell, drawn through the matrix plot
        MatrixScale scale;
        double low = 0, high = 0; // the colour scale's ends
    };
    QString tokenName(char vector, int index) const;
    QString explainScore(int row, int column) const;
    QString explainOutput(int row, int column) const;
    void paintPanel(QPainter &painter, const Panel &panel) const;

    std::optional<HeadSteps> m_steps;
    StepContext m_context;
    std::vector<Panel> m_panels;
    std::vector<std::pair<QPointF, QString>> m_arrows; // arrow start and operator text
    QSizeF m_size;
};

} // namespace attnviz::ui
