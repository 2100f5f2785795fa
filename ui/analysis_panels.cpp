// installAnalysisPanels: puts the metrics table, head similarity, difference, head-count sweep
// and cost panels into a main window as docks, with View-menu toggles.
#include "analysis_panels.h"

#include "cost_panel.h"
#include "difference_view.h"
#include "head_count_sweep_view.h"
#include "head_similarity_view.h"
#include "metrics_dock.h"
#include "retranslator.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

namespace attnviz::ui {

namespace {

// The translation context of the docks' titles.
struct AnalysisPanelsText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::AnalysisPanels)
};

// `title` is translated now and again when the language changes.
QDockWidget *makeDock(QMainWindow *window, const char *title, const QString &objectName,
                      QWidget *content) {
    auto *dock = new QDockWidget(window);
    (new Retranslator(dock))->add([dock, title] {
        dock->setWindowTitle(AnalysisPanelsText::tr(title));
    });
    dock->setObjectName(objectName); // saveState() restores docks by name
    dock->setWidget(content);
    return dock;
}

} // namespace

AnalysisPanels installAnalysisPanels(QMainWindow *window, AttentionSession *session,
                                     QMenu *viewMenu) {
    AnalysisPanels panels;
    panels.metrics = new MetricsDock(session, window);
    panels.similarity = new HeadSimilarityView(session);
    panels.similarityDock =
        makeDock(window, QT_TRANSLATE_NOOP("attnviz::ui::AnalysisPanels", "Head similarity"),
                 QStringLiteral("headSimilarityDock"), panels.similarity);
    panels.difference = new DifferenceView(session);
    panels.differenceDock =
        makeDock(window, QT_TRANSLATE_NOOP("attnviz::ui::AnalysisPanels", "Difference"),
                 QStringLiteral("differenceDock"), panels.difference);
    panels.sweep = new HeadCountSweepView(session);
    panels.sweepDock =
        makeDock(window, QT_TRANSLATE_NOOP("attnviz::ui::AnalysisPanels", "Head-count sweep"),
                 QStringLiteral("headCountSweepDock"), panels.sweep);
    panels.cost = new CostPanel(session);
    panels.costDock = makeDock(window, QT_TRANSLATE_NOOP("attnviz::ui::AnalysisPanels", "Cost"),
                               QStringLiteral("costDock"), panels.cost);

    QDockWidget *const docks[] = {panels.metrics, panels.similarityDock, panels.differenceDock,
                                  panels.sweepDock, panels.costDock};
    window->addDockWidget(Qt::RightDockWidgetArea, panels.metrics);
    for (QDockWidget *dock : docks) {
        if (dock != panels.metrics) {
            window->tabifyDockWidget(panels.metrics, dock);
            dock->hide();
        }
        if (viewMenu)
            viewMenu->addAction(dock->toggleViewAction());
    }
    // Wide enough for the table's first columns and the cost formulas without wrapping.
    window->resizeDocks({panels.metrics}, {560}, Qt::Horizontal);
    panels.metrics->raise();
    // Hidden until asked for (View menu): on a projector the heads need the whole width.
    panels.metrics->hide();
    // A hidden tabified dock, when shown again, should come to the front rather than behind.
    for (QDockWidget *dock : docks)
        QObject::connect(dock->toggleViewAction(), &QAction::toggled, dock, [dock](bool on) {
            if (on)
                dock->raise();
        });
    return panels;
}

} // namespace attnviz::ui
