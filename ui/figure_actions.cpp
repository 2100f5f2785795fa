#include "figure_actions.h"

#include "attention_session.h"
#include "export_dialog.h"
#include "snapshot_view.h"
#include "token_view.h"
#include "translated_error.h"

#include <attnviz/error.h>
#include <attnviz/weights_file.h>

#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QWidget>

namespace attnviz::ui {

FigureActions::FigureActions(AttentionSession *session, SnapshotView *grid,
                             std::function<SnapshotView *()> figureView,
                             std::function<TokenViewOptions()> tokenView, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_grid(grid)
    , m_figureView(std::move(figureView))
    , m_tokenView(std::move(tokenView))
    , m_window(window) {}

FigureOptions FigureActions::currentFigureOptions() const {
    FigureOptions options = m_figureView()->figureOptions().value_or(FigureOptions{});
    // The grid's own choices hold for the grid's figures, whichever tab they are made from.
    if (const auto grid = m_grid->figureOptions()) {
        options.meanPanel = grid->meanPanel;
        options.columns = grid->columns;
    }
    options.weightsName = figureWeightsName(*m_session);
    return options;
}

void FigureActions::exportFigure() {
    const auto snapshot = viewedSnapshot(m_session->snapshot(), m_tokenView());
    if (!snapshot)
        return;
    const FigureOptions figure = currentFigureOptions();
    ExportDialog dialog(static_cast<int>(snapshot->result.attention.heads.size()), figure.meanPanel,
                        figure.style, m_window);
    dialog.setSnapshot(snapshot, figure.weightsName); // the dialog saves, and stays open with
                                                      // the reason on error
    dialog.selectPart(figure.part);
    if (dialog.exec() != QDialog::Accepted)
        return;
    emit notice(tr("Exported %1").arg(QFileInfo(dialog.path()).fileName()), 4000);
}

void FigureActions::copyFigure() {
    const auto snapshot = viewedSnapshot(m_session->snapshot(), m_tokenView());
    if (!snapshot)
        return;
    FigureOptions options = currentFigureOptions();
    options.size = m_figureView()->viewWidget()->size().expandedTo(
        QSize(FigureOptions::kMinSide, FigureOptions::kMinSide));
    options.scale = 2.0; // sharp when pasted into slides and documents
    FigureRenderer renderer(*snapshot, options);
    QGuiApplication::clipboard()->setImage(renderer.toImage());
    emit notice(tr("Figure copied"), 3000);
}

void FigureActions::saveWeights() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Weights"),
                                                      QStringLiteral("attention.safetensors"),
                                                      tr("Safetensors (*.safetensors)"));
    if (path.isEmpty())
        return;
    try {
        saveAttentionWeights(path.toStdString(), *snapshot->weights, snapshot->options.seed);
        emit notice(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    } catch (const InputError &e) {
        QMessageBox::warning(m_window, tr("Cannot Save Weights"), translatedError(e));
    }
}

} // namespace attnviz::ui
