// FigureActions: File ▸ Export Figure, Copy Figure and Save Weights. The figure is the one a view
// describes through the SnapshotView seam (the heads' grid in the window), drawn from the run as
// the view options group its tokens.
#pragma once

#include "figure_renderer.h"

#include <attnviz/analysis/token_groups.h>

#include <QObject>

#include <functional>

class QWidget;

namespace attnviz::ui {

class AttentionSession;
class SnapshotView;

class FigureActions : public QObject {
    Q_OBJECT
public:
    // `figureView` gives the view whose figure is made (the shown one, when it has figures);
    // `grid` describes the grid's figures, which the export dialog offers from any view;
    // `tokenView` reads the view options' token grouping; dialogs open over `window`.
    FigureActions(AttentionSession *session, SnapshotView *grid,
                  std::function<SnapshotView *()> figureView,
                  std::function<TokenViewOptions()> tokenView, QWidget *window);

    // The figure options of the view, with the weights named for the caption.
    FigureOptions currentFigureOptions() const;
    void exportFigure();
    void copyFigure();
    void saveWeights();

signals:
    // A passing note for the status bar.
    void notice(const QString &text, int milliseconds);

private:
    AttentionSession *m_session;
    SnapshotView *m_grid;
    std::function<SnapshotView *()> m_figureView;
    std::function<TokenViewOptions()> m_tokenView;
    QWidget *m_window;
};

} // namespace attnviz::ui
