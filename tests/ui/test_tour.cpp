// The guided tour: its pages in both languages, the language it picks, every page's button
// putting the window into the state the page explains, and double-click opening a head's steps.
#include "../support/window_start.h"

#include <attention_session.h>
#include <control_panel.h>
#include <cost_panel.h>
#include <head_grid_view.h>
#include <heatmap_view.h>
#include <main_window.h>
#include <metrics_dock.h>
#include <metrics_table_model.h>
#include <model_loader.h>
#include <model_selector.h>
#include <model_view.h>
#include <step_view.h>
#include <tour_actions.h>
#include <tour_panel.h>

#include <attnviz/analysis/head_metrics.h>
#include <attnviz/analysis/head_roles.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleHints>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

namespace {

const QRegularExpression kHan(QStringLiteral("\\p{Han}"));

// What a window system delivers for a double click: press, release, double-click, release.
void doubleClick(QWidget *widget, QPoint pos) {
    QTest::mousePress(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
    QTest::mouseDClick(widget, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, pos);
}

bool dockShown(MainWindow *window, const char *name) {
    auto *dock = window->findChild<QDockWidget *>(QLatin1String(name));
    return dock && dock->isVisible();
}

} // namespace

class TestTour : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    TourPanel *panel() const { return m_window->tourDock()->panel(); }
    TourActions *actions() const { return m_window->tourDock()->actions(); }
    QWidget *currentTab() const { return m_window->viewTabs()->currentWidget(); }

    // Presses the page's button in the panel and waits until the page's state is there.
    void pressPageButton(int page) {
        m_window->tourDock()->show();
        QTRY_VERIFY(panel()->actionButton()->isVisible());
        panel()->setPage(page);
        QCOMPARE(panel()->currentPage(), page);
        QSignalSpy ready(actions(), &TourActions::ready);
        QTest::mouseClick(panel()->actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
        QCOMPARE(ready.last().at(0).toInt(), page);
        m_session->waitForIdle();
        QVERIFY2(m_session->errorText().isEmpty(), qPrintable(m_session->errorText()));
    }

    bool hasEnglishModel() const { return !m_window->modelSelector()->defaultModel().isEmpty(); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(startWindow(m_session, m_window));
    }

    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    // ---- pages ----

    void pagesExistInBothLanguagesWithTheSameCount() {
        const QStringList en = TourPanel::pageFiles("en");
        const QStringList zh = TourPanel::pageFiles("zh_CN");
        QCOMPARE(en.size(), int(TourActions::PageCount));
        QCOMPARE(zh.size(), en.size());
        for (qsizetype i = 0; i < en.size(); ++i) {
            QCOMPARE(QFileInfo(zh[i]).fileName(), QFileInfo(en[i]).fileName());
            QFile enFile(en[i]), zhFile(zh[i]);
            QVERIFY(enFile.open(QIODevice::ReadOnly) && zhFile.open(QIODevice::ReadOnly));
            const QString enText = QString::fromUtf8(enFile.readAll());
            const QString zhText = QString::fromUtf8(zhFile.readAll());
            QVERIFY2(enText.contains("<title>") && zhText.contains("<title>"), qPrintable(en[i]));
            QVERIFY2(!enText.contains(kHan), qPrintable(en[i]));
            QVERIFY2(zhText.contains(kHan), qPrintable(zh[i]));
        }
    }

    void everyPageHasAButtonAndNavigates() {
        TourPanel *tour = panel();
        m_window->tourDock()->show();
        QTRY_VERIFY(tour->isVisible());
        QCOMPARE(tour->language(), QString("en"));
        QCOMPARE(tour->pageCount(), int(TourActions::PageCount));
        QCOMPARE(tour->pageList()->count(), tour->pageCount());
        QVERIFY(!tour->backButton()->isEnabled());
        QStringList titles, labels;
        for (int page = 0; page < tour->pageCount(); ++page) {
            QCOMPARE(tour->currentPage(), page);
            QVERIFY(!tour->pageTitle().isEmpty());
            QVERIFY(tour->browser()->toPlainText().contains(tour->pageTitle()));
            QVERIFY(!tour->actionButton()->text().isEmpty());
            titles << tour->pageTitle();
            labels << tour->actionButton()->text();
            if (page + 1 < tour->pageCount())
                QTest::mouseClick(tour->nextButton(), Qt::LeftButton);
        }
        QVERIFY(!tour->nextButton()->isEnabled());
        QCOMPARE(QSet<QString>(titles.begin(), titles.end()).size(), titles.size());
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        QTest::mouseClick(tour->backButton(), Qt::LeftButton);
        QCOMPARE(tour->currentPage(), tour->pageCount() - 2);
    }

    void helpMenuOpensTheTourOnTheRight() {
        QVERIFY(!m_window->tourDock()->isVisible());
        QAction *entry = nullptr;
        for (QAction *menu : m_window->menuBar()->actions())
            if (menu->menu())
                for (QAction *action : menu->menu()->actions())
                    if (action->text().remove('&') == "Why multi-head attention?")
                        entry = action;
        QVERIFY(entry);
        entry->trigger();
        QTRY_VERIFY(m_window->tourDock()->isVisible());
        QCOMPARE(m_window->dockWidgetArea(m_window->tourDock()), Qt::RightDockWidgetArea);
    }

    void chineseLocaleGetsChinesePagesAndFollowsLanguageChanges() {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        // A window started in a Chinese locale.
        cleanup();
        m_session = std::make_unique<AttentionSession>();
        m_window = std::make_unique<MainWindow>(m_session.get());
        QCOMPARE(panel()->language(), QString("zh_CN"));
        QVERIFY(panel()->pageHtml().contains(kHan));
        QVERIFY(panel()->pageTitle().contains(kHan));
        QVERIFY(panel()->pageList()->itemText(0).contains(kHan));
        panel()->setPage(3);

        // Switching the interface language live: the page stays, its text changes.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(panel(), &change);
        QCOMPARE(panel()->language(), QString("en"));
        QCOMPARE(panel()->currentPage(), 3);
        QVERIFY(!panel()->pageHtml().contains(kHan));
        QVERIFY(panel()->browser()->toPlainText().contains("√dk"));
    }

    // ---- every page's button ----

    void oneVersusManyShowsHeadsBesideTheBaseline() {
        pressPageButton(TourActions::OneVersusMany);
        const auto snapshot = m_session->snapshot();
        QVERIFY(!snapshot->model);
        const AttentionConfig &c = snapshot->options.attention;
        QVERIFY(c.heads > 1);
        QCOMPARE(c.heads * c.dk, c.dModel); // the baseline has the same total width
        QVERIFY(snapshot->baseline.has_value());
        QVERIFY(m_window->controlPanel()->baselineControl()->isChecked());
        QCOMPARE(m_window->headGrid()->style().scale, ColorScale::SharedMax);
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->headGrid()));
        const QList<HeatmapView *> panels = m_window->headGrid()->panels();
        QCOMPARE(panels.size(), c.heads + 1);
        QTRY_VERIFY(panels.last()->isVisible());
        QVERIFY(panels.last()->matrix() == snapshot->baseline->heads[0].weights);
    }

    void rolesPageOpensTheTrainedModelAndItsMetrics() {
        if (!hasEnglishModel())
            QSKIP("the built-in English model is not installed");
        pressPageButton(TourActions::Roles);
        const auto snapshot = m_session->snapshot();
        QVERIFY(snapshot->model);
        QCOMPARE(m_session->modelSource(), m_window->modelSelector()->defaultModel());
        QVERIFY(snapshot->result.attention.heads.size() > 1);
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->headGrid()));
        QVERIFY(dockShown(m_window.get(), "metricsDock"));
        // What the page describes: one head on the first word, heads on the word itself, and
        // one that puts much of its weight on the word before.
        std::vector<std::string> texts;
        for (const QString &t : snapshot->tokens)
            texts.push_back(t.toStdString());
        QList<HeadRole> roles;
        std::vector<HeadMetrics> metrics;
        for (const HeadResult &h : snapshot->result.attention.heads) {
            metrics.push_back(computeHeadMetrics(h.weights, describeTokens(texts), true));
            roles << assignRole(metrics.back()).role;
        }
        QCOMPARE(roles.count(HeadRole::FirstToken), 1);
        QCOMPARE(roles.count(HeadRole::Self), 2);
        const int head = TourActions::previousTokenHead(*snapshot);
        QVERIFY(head >= 0);
        QVERIFY(*metrics[static_cast<std::size_t>(head)].previous > 0.3);
    }

    void stepsPageOpensThePreviousWordHead() {
        if (!hasEnglishModel())
            QSKIP("the built-in English model is not installed");
        pressPageButton(TourActions::Steps);
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->stepView()));
        const int head = TourActions::previousTokenHead(*m_session->snapshot());
        QVERIFY(head >= 0);
        QCOMPARE(m_window->stepView()->head(), head);
        QVERIFY(m_window->stepView()->errorText().isEmpty());
        QVERIFY(m_window->stepView()->diagram().matrix(StepMatrix::Probabilities));
    }

    void scalingPageTurnsTheScalingOffAndTheSoftmaxCollapses() {
        pressPageButton(TourActions::Scaling);
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->stepView()));
        QVERIFY(!m_session->snapshot()->model);
        QVERIFY(m_session->options().attention.dk >= 64);
        StepView *steps = m_window->stepView();
        QVERIFY(steps->unscaled());
        QTRY_VERIFY(!std::isnan(steps->unscaledEntropy()));
        // The collapse the page describes: clearly lower entropy without the scaling.
        QVERIFY2(steps->unscaledEntropy() < steps->scaledEntropy() - 0.2,
                 qPrintable(QString("scaled %1, unscaled %2")
                                .arg(steps->scaledEntropy())
                                .arg(steps->unscaledEntropy())));
        // Another page turns the scaling back on.
        pressPageButton(TourActions::CausalMask);
        QVERIFY(!steps->unscaled());
    }

    void costPageShowsTheCostPanel() {
        pressPageButton(TourActions::Cost);
        QVERIFY(dockShown(m_window.get(), "costDock"));
        QVERIFY(!dockShown(m_window.get(), "controls")); // made room for the panel
        auto *cost = m_window->findChild<CostPanel *>();
        QVERIFY(cost);
        QTRY_VERIFY(cost->comparison().has_value());
        const CostComparison &c = *cost->comparison();
        QCOMPARE(c.multiHead.config.heads, 8);
        QCOMPARE(c.multiHead.config.heads * c.multiHead.config.dk, c.multiHead.config.dModel);
        // What the page says: splitting the width keeps the projections' parameters the same.
        QCOMPARE(c.multiHead.parameters.at(0).total, c.oneWideHead.parameters.at(0).total);
        QVERIFY(c.multiHead.totalMemory() > c.oneWideHead.totalMemory());
        pressPageButton(TourActions::Positional);
        QVERIFY(!dockShown(m_window.get(), "costDock"));
    }

    void causalPageMasksTheFuture() {
        pressPageButton(TourActions::CausalMask);
        const auto snapshot = m_session->snapshot();
        QVERIFY(!snapshot->model);
        QVERIFY(snapshot->options.attention.causal);
        QVERIFY(m_window->controlPanel()->causalControl()->isChecked());
        QVERIFY(dockShown(m_window.get(), "controls")); // the page points at its check box
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->headGrid()));
        QVERIFY(m_window->headGrid()->headView(0)->causalMask());
        for (const HeadResult &head : snapshot->result.attention.heads) {
            const Eigen::MatrixXf &a = head.weights;
            for (Eigen::Index i = 0; i < a.rows(); ++i)
                for (Eigen::Index j = i + 1; j < a.cols(); ++j)
                    QCOMPARE(a(i, j), 0.0f);
        }
    }

    void positionalPageGivesRepeatedWordsIdenticalRows() {
        pressPageButton(TourActions::Positional);
        auto snapshot = m_session->snapshot();
        QVERIFY(!snapshot->options.positional);
        QVERIFY(!m_window->controlPanel()->positionalControl()->isChecked());
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->headGrid()));
        const auto repeatedRowsDiffer = [](const SessionSnapshot &s, int *pairs) {
            float largest = 0;
            *pairs = 0;
            for (qsizetype i = 0; i < s.tokens.size(); ++i)
                for (qsizetype j = i + 1; j < s.tokens.size(); ++j)
                    if (s.tokens[i] == s.tokens[j]) {
                        ++*pairs;
                        for (const HeadResult &head : s.result.attention.heads)
                            largest = std::max(
                                largest,
                                (head.weights.row(i) - head.weights.row(j)).cwiseAbs().maxCoeff());
                    }
            return largest;
        };
        int pairs = 0;
        QVERIFY(repeatedRowsDiffer(*snapshot, &pairs) < 1e-6f);
        QVERIFY2(pairs >= 4, "the page's sentence repeats words");
        // The control the page points to: with positions, the same rows differ.
        m_window->controlPanel()->positionalControl()->setChecked(true);
        m_session->waitForIdle();
        snapshot = m_session->snapshot();
        QVERIFY(snapshot->options.positional);
        QVERIFY(repeatedRowsDiffer(*snapshot, &pairs) > 1e-3f);
    }

    void caveatPageSortsTheHeadsByImportance() {
        if (!hasEnglishModel())
            QSKIP("the built-in English model is not installed");
        pressPageButton(TourActions::Caveat);
        QVERIFY(m_session->snapshot()->model);
        QVERIFY(dockShown(m_window.get(), "metricsDock"));
        auto *metrics = m_window->findChild<MetricsDock *>();
        const QHeaderView *header = metrics->tableView()->horizontalHeader();
        QCOMPARE(MetricsTableModel::metricOfColumn(header->sortIndicatorSection()),
                 Metric::Importance);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        // Beside the roles, not the last column scrolled out of view.
        QCOMPARE(header->visualIndex(header->sortIndicatorSection()),
                 MetricsTableModel::kFirstMetricColumn);
    }

    void aPageWaitsForItsModelAndRefusesNothingElse() {
        QCOMPARE(actions()->apply(TourActions::PageCount), QString("The tour has no page 9."));
        QCOMPARE(actions()->pendingPage(), -1);
        if (!hasEnglishModel())
            QSKIP("the built-in English model is not installed");
        QVERIFY(!m_session->hasModel());
        QVERIFY(actions()->apply(TourActions::Roles).isEmpty());
        QCOMPARE(actions()->pendingPage(), int(TourActions::Roles)); // loading off the GUI thread
        QTRY_COMPARE_WITH_TIMEOUT(actions()->pendingPage(), -1, 20000);
        QVERIFY(m_session->hasModel());
    }

    // ---- double-click opens a head's steps ----

    void doubleClickingAHeadOpensItsSteps() {
        m_session->setHeads(4);
        m_session->waitForIdle();
        HeatmapView *head = m_window->headGrid()->headView(2);
        QTRY_VERIFY(head->isVisible());
        doubleClick(head->plotArea(), head->plotArea()->mapFrom(head, head->cellsRect().center()));
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->stepView()));
        QCOMPARE(m_window->stepView()->head(), 2);
        QCOMPARE(m_window->stepView()->layer(), 0);
        QVERIFY(m_window->stepView()->diagram().matrix(StepMatrix::Probabilities));
        // The selector names the same head.
        auto *headBox = m_window->stepView()->findChildren<QSpinBox *>().value(1);
        QVERIFY(headBox);
        QCOMPARE(headBox->value(), 3);
    }

    void doubleClickingTheBaselineSaysItIsNoHead() {
        m_session->setHeads(4);
        m_window->controlPanel()->baselineControl()->setChecked(true);
        m_session->waitForIdle();
        const QList<HeatmapView *> panels = m_window->headGrid()->panels();
        QCOMPARE(panels.size(), 5);
        QTRY_VERIFY(panels.last()->isVisible());
        QSignalSpy opened(m_window->headGrid(), &HeadGridView::headDoubleClicked);
        doubleClick(
            panels.last()->plotArea(),
            panels.last()->plotArea()->mapFrom(panels.last(), panels.last()->cellsRect().center()));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().at(0).toInt(), -1);
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->headGrid()));
        QVERIFY(m_window->statusBar()->currentMessage().contains("not heads"));
    }

    void doubleClickingAThumbnailOpensThatLayersHead() {
        QVERIFY(m_window->openModel(QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/bert"), true));
        QTRY_VERIFY(m_session->hasModel() && !m_window->modelLoader()->isLoading());
        m_session->waitForIdle();
        ModelView *view = m_window->modelView();
        m_window->viewTabs()->setCurrentWidget(view);
        QTRY_VERIFY(view->paintCount() > 0);
        QSignalSpy clicked(view, &ModelView::headActivated);
        doubleClick(view, view->thumbnailRect(1, 2).center());
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->stepView()));
        QCOMPARE(m_window->stepView()->layer(), 1);
        QCOMPARE(m_window->stepView()->head(), 2);
        QCOMPARE(m_session->layer(), 1); // the grid follows the opened layer
        // The first click of the pair must not also open the layer in the grid afterwards:
        // waiting out the double-click interval is the only way to see that nothing comes.
        QTest::qWait(QGuiApplication::styleHints()->mouseDoubleClickInterval() + 200);
        QCOMPARE(clicked.size(), 0);
        QCOMPARE(currentTab(), static_cast<QWidget *>(m_window->stepView()));
    }
};

QTEST_MAIN(TestTour)
#include "test_tour.moc"
