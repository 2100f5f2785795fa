// The views behind one seam: every tab of the window is a SnapshotView fed the same way, its
// tab texts come from the view, the figure is the heads' grid's, and the views' own gestures
// arrive as ViewRequests.
#include <attention_session.h>
#include <control_panel.h>
#include <head_grid_view.h>
#include <main_window.h>
#include <model_view.h>
#include <snapshot_view.h>
#include <step_view.h>

#include <QCheckBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace attnviz;
using namespace attnviz::ui;

class TestSnapshotViews : public QObject {
    Q_OBJECT
    std::unique_ptr<AttentionSession> m_session;

    std::shared_ptr<const SessionSnapshot> run(const std::string &sentence) {
        PipelineOptions options;
        options.sentence = sentence;
        options.attention.heads = 4;
        if (!m_session->setOptions(options))
            return nullptr;
        m_session->waitForIdle();
        return m_session->snapshot();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_session = std::make_unique<AttentionSession>(); }
    void cleanup() { m_session.reset(); }

    void everyTabIsAViewWithItsOwnTitle() {
        MainWindow window(m_session.get());
        QTabWidget *tabs = window.viewTabs();
        QCOMPARE(tabs->count(), 3);
        for (int i = 0; i < tabs->count(); ++i) {
            auto *view = dynamic_cast<SnapshotView *>(tabs->widget(i));
            if (tabs->widget(i) == window.stepView())
                continue; // behind its adapter
            QVERIFY2(view, qPrintable(tabs->tabText(i)));
            QCOMPARE(tabs->tabText(i), view->tabTitle());
            QCOMPARE(tabs->tabToolTip(i), view->tabToolTip());
        }
        QCOMPARE(tabs->widget(0), window.headGrid());
        QCOMPARE(tabs->widget(1), window.modelView());
    }

    void theViewOptionsReachEveryViewAndTheFigure() {
        MainWindow window(m_session.get());
        QVERIFY(run("The cat sat on the mat."));
        HeatmapStyle style = window.headGrid()->style();
        style.showValues = !style.showValues;
        window.controlPanel()->setViewState(style, true, false, false);
        QCOMPARE(window.headGrid()->style(), style);
        QVERIFY(window.headGrid()->meanPanelVisible());
        const auto model = window.modelView()->figureOptions();
        QVERIFY(model && model->part == FigureOptions::Part::Model);
        QCOMPARE(model->style, style);
        const FigureOptions figure = window.currentFigureOptions();
        QCOMPARE(figure.part, FigureOptions::Part::Grid);
        QCOMPARE(figure.style, style);
        QVERIFY(figure.meanPanel && figure.roleBadges);
        QCOMPARE(figure.columns, window.headGrid()->columnCount());
        // With the model view's tab shown, figures are of every layer × head; the step view
        // makes none of its own, so the grid's are made there.
        window.viewTabs()->setCurrentWidget(window.modelView());
        QCOMPARE(window.currentFigureOptions().part, FigureOptions::Part::Model);
        QVERIFY(window.currentFigureOptions().meanPanel); // the grid's, for the grid's parts
        window.viewTabs()->setCurrentWidget(window.stepView());
        QCOMPARE(window.currentFigureOptions().part, FigureOptions::Part::Grid);
    }

    void newTokensClearTheHighlightedRowTheSameKeepIt() {
        HeadGridView grid;
        const auto first = run("one two three four");
        QVERIFY(first);
        grid.showRun(first, *first);
        grid.setHighlightedRow(2);
        const auto again = run("one two three four"); // the same tokens again
        grid.showRun(again, *again);
        QCOMPARE(grid.highlightedRow(), 2);
        const auto other = run("five six seven eight");
        grid.showRun(other, *other);
        QCOMPARE(grid.highlightedRow(), -1);
    }

    void gesturesArriveAsRequests() {
        ViewRequests requests;
        QSignalSpy layers(&requests, &ViewRequests::layerRequested);
        QSignalSpy steps(&requests, &ViewRequests::headStepsRequested);
        QSignalSpy notAHead(&requests, &ViewRequests::notAHeadActivated);
        ModelView model;
        model.connectRequests(&requests);
        emit model.headActivated(2, 1);
        emit model.headDoubleClicked(1, 3);
        QCOMPARE(layers.count(), 1);
        QCOMPARE(layers.first().first().toInt(), 2);
        QCOMPARE(steps.count(), 1);
        QCOMPARE(steps.first(), (QList<QVariant>{1, 3}));
        HeadGridView grid;
        grid.connectRequests(&requests);
        emit grid.headDoubleClicked(-1); // the mean panel
        QCOMPARE(notAHead.count(), 1);
        emit grid.headDoubleClicked(2);
        QCOMPARE(steps.count(), 2);
        QCOMPARE(steps.last(), (QList<QVariant>{0, 2})); // the layer the grid shows
    }

    void doubleClickingTheMeanPanelSaysWhyNoSteps() {
        MainWindow window(m_session.get());
        QVERIFY(run("The cat sat on the mat."));
        emit window.headGrid()->headDoubleClicked(-1);
        QVERIFY(window.statusBar()->currentMessage().contains("not heads of the model"));
        QCOMPARE(window.viewTabs()->currentWidget(), window.headGrid());
        emit window.headGrid()->headDoubleClicked(1);
        QCOMPARE(window.viewTabs()->currentWidget(), window.stepView());
    }
};

QTEST_MAIN(TestSnapshotViews)
#include "test_snapshot_views.moc"
