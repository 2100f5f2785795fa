// Head roles in the window: a badge under each head's title with the numbers behind it, the
// metrics table ringing the head it selects, and the dump's metrics equal to the table's.
#include "../support/window_start.h"

#include <attention_session.h>
#include <head_grid_view.h>
#include <heatmap_view.h>
#include <main_window.h>
#include <metrics_dock.h>
#include <metrics_table_model.h>
#include <model_loader.h>
#include <role_text.h>

#include <attnviz/dump.h>

#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

class TestRoleBadges : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    void openBuiltin(const QString &name) {
        const QString error = openModelAndWait(*m_window, *m_session, name);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QVERIFY(startWindow(m_session, m_window,
                            "The teacher said that the students were ready for the test."));
    }

    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    // Every head's badge says its analysed role; the mean panel has none.
    void badgesNameEachHeadsRole() {
        auto options = m_session->options();
        options.attention.heads = 6;
        QVERIFY(m_session->setOptions(options));
        m_session->waitForIdle();
        const auto snapshot = m_session->snapshot();
        QVERIFY(snapshot && snapshot->analysis);
        HeadGridView *grid = m_window->headGrid();
        grid->setMeanPanelVisible(true);
        grid->showSnapshot(*snapshot);
        QCOMPARE(grid->headCount(), 6);
        for (int h = 0; h < 6; ++h) {
            const HeadAnalysis &head = snapshot->analysis->heads[static_cast<std::size_t>(h)];
            QCOMPARE(grid->headView(h)->badgeText(), RoleText::label(head.role.role));
            QVERIFY(!grid->headView(h)->badgeRect().isEmpty());
            // The tooltip carries the deciding number, as the table shows it.
            const RoleEvidence &deciding = head.role.evidence.front();
            QVERIFY2(
                grid->headView(h)->badgeToolTip().contains(QString::number(deciding.value, 'f', 2)),
                qPrintable(grid->headView(h)->badgeToolTip()));
        }
        HeatmapView *mean = grid->panels().at(6);
        QVERIFY(mean->badgeText().isEmpty());
        QVERIFY(mean->badgeRect().isEmpty());
    }

    // The badge sits between the title and the cells: the cells start below it.
    void badgeTakesItsOwnLine() {
        m_session->waitForIdle();
        HeatmapView *view = m_window->headGrid()->headView(0);
        QVERIFY(!view->badgeText().isEmpty());
        const QRect badge = view->badgeRect();
        const auto firstCellRow = [view] {
            for (int y = 0; y < view->height(); ++y)
                if (view->cellAt(QPoint(view->width() / 2, y)) != QPoint(-1, -1))
                    return y;
            return -1;
        };
        const int withBadge = firstCellRow();
        QVERIFY(withBadge >= 0);
        QVERIFY2(badge.bottom() < withBadge,
                 qPrintable(QStringLiteral("badge bottom %1, cells from %2")
                                .arg(badge.bottom())
                                .arg(withBadge)));
        // Without a badge the line is gone and the cells move up.
        view->setBadge({}, {}, {});
        QVERIFY(view->badgeRect().isEmpty());
        QTRY_VERIFY(firstCellRow() >= 0 && firstCellRow() < withBadge);
    }

    // The trained English model's heads specialise: their badges are not all one role, and
    // none is "broad" on the teaching sentence (random weights give broad heads).
    void trainedHeadsHaveDifferentRoles() {
        openBuiltin(QStringLiteral("en-next-word-h4"));
        const auto snapshot = m_session->snapshot();
        QVERIFY(snapshot->analysis);
        QSet<QString> badges;
        for (int h = 0; h < m_window->headGrid()->headCount(); ++h)
            badges << m_window->headGrid()->headView(h)->badgeText();
        QVERIFY2(badges.size() >= 2, qPrintable(QStringList(badges.values()).join(", ")));
        QVERIFY(!badges.contains(RoleText::label(HeadRole::Broad)));
    }

    // Selecting a row of the metrics table rings that head in the grid; clearing it unrings.
    void tableSelectionRingsTheHead() {
        auto *dock = m_window->findChild<MetricsDock *>();
        QVERIFY(dock);
        dock->show();
        m_session->waitForIdle();
        QTRY_COMPARE(dock->tableModel()->rowCount(), 4);
        dock->tableView()->sortByColumn(MetricsTableModel::kHeadColumn, Qt::DescendingOrder);
        dock->tableView()->selectRow(1); // head 3
        HeadGridView *grid = m_window->headGrid();
        QCOMPARE(grid->selectedHead(), 2);
        for (int h = 0; h < grid->headCount(); ++h)
            QCOMPARE(grid->headView(h)->isSelected(), h == 2);
        // A new result keeps the ring on the same head.
        m_session->setSeed(m_session->options().seed + 1);
        m_session->waitForIdle();
        QTRY_VERIFY(grid->headView(2)->isSelected());
        dock->tableView()->clearSelection();
        QCOMPARE(grid->selectedHead(), -1);
        for (int h = 0; h < grid->headCount(); ++h)
            QVERIFY(!grid->headView(h)->isSelected());
    }

    // The dump's metrics are the table's numbers, head by head (the dump writes floats).
    void dumpMetricsEqualTheTable() {
        m_session->waitForIdle();
        const auto snapshot = m_session->snapshot();
        MetricsTableModel table;
        table.showSnapshot(*snapshot);
        QVERIFY(snapshot->analysis);
        const QJsonObject dump =
            QJsonDocument::fromJson(QByteArray::fromStdString(
                                        dumpText(snapshot->options, snapshot->result,
                                                 {{"source", "random"}}, snapshot->analysis.get())))
                .object();
        const QJsonArray heads = dump["heads"].toArray();
        QCOMPARE(heads.size(), table.rowCount());
        int compared = 0;
        for (int row = 0; row < table.rowCount(); ++row) {
            const QJsonObject metrics = heads[row].toObject()["metrics"].toObject();
            const QString role = metrics["role"].toString();
            QCOMPARE(role.toStdString(),
                     std::string(roleKey(snapshot->analysis->heads[std::size_t(row)].role.role)));
            for (int column = MetricsTableModel::kFirstMetricColumn; column < table.columnCount();
                 ++column) {
                const std::string_view key =
                    metricInfo(MetricsTableModel::metricOfColumn(column)).key;
                const QJsonValue inDump = metrics[QString::fromUtf8(key.data(), key.size())];
                const QVariant inTable =
                    table.data(table.index(row, column), MetricsTableModel::SortRole);
                if (inDump.isNull()) { // absent in both
                    QVERIFY(std::isinf(inTable.toDouble()));
                    continue;
                }
                QCOMPARE(static_cast<float>(inDump.toDouble()),
                         static_cast<float>(inTable.toDouble()));
                ++compared;
            }
        }
        QVERIFY(compared >= 4 * 8);
    }
};

QTEST_MAIN(TestRoleBadges)
#include "test_role_badges.moc"
