// The analysis panels driven through a session: metrics table, CSV, similarity order,
// difference view, head-count sweep and cost panel agree with the core.
#include <analysis_panels.h>
#include <attention_session.h>
#include <cost_panel.h>
#include <difference_view.h>
#include <head_count_sweep_view.h>
#include <head_similarity_view.h>
#include <metrics_dock.h>
#include <metrics_table_model.h>
#include <plot/matrix_plot.h>

#include <attnviz/analysis/cost_model.h>
#include <attnviz/analysis/head_similarity.h>
#include <attnviz/analysis/layer_analysis.h>
#include <attnviz/model/model_folder.h>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

PipelineOptions optionsWith(int heads, int dModel, bool causal,
                            const std::string &sentence = "the cat sat on the mat , the end .") {
    PipelineOptions o;
    o.sentence = sentence;
    o.attention.dModel = dModel;
    o.attention.heads = heads;
    o.attention.dk = dModel / heads;
    o.attention.dv = dModel / heads;
    o.attention.causal = causal;
    return o;
}

LayerAnalysis coreAnalysis(const SessionSnapshot &s) {
    return analyseLayer(s.result.attention, *s.weights, describeTokens(s.result.tokens),
                        s.options.attention.causal, HeadDistances::Compute);
}

// Saves a widget's picture when ATTNVIZ_SCREENSHOT_DIR is set (for looking at the panels).
void maybeSave(QWidget *widget, const QString &name) {
    const QByteArray dir = qgetenv("ATTNVIZ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + name + ".png");
}

} // namespace

class TestAnalysisPanels : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<QMainWindow> m_window;
    AnalysisPanels m_panels;
    QMenu *m_viewMenu = nullptr;

    void apply(const PipelineOptions &options) {
        QVERIFY(m_session->setOptions(options));
        m_session->waitForIdle();
        QTRY_VERIFY(m_session->snapshot() && m_session->snapshot()->result.attention.heads.size() ==
                                                 static_cast<std::size_t>(options.attention.heads));
    }
    void showDock(QDockWidget *dock) {
        dock->show();
        dock->raise();
        QTRY_VERIFY(dock->widget()->isVisible());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_session = std::make_unique<AttentionSession>();
        m_window = std::make_unique<QMainWindow>();
        m_window->setCentralWidget(new QWidget);
        m_viewMenu = m_window->menuBar()->addMenu(QStringLiteral("View"));
        m_panels = installAnalysisPanels(m_window.get(), m_session.get(), m_viewMenu);
        apply(optionsWith(4, 64, false));
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void installsFiveDocksWithToggles() {
        QCOMPARE(m_window->findChildren<QDockWidget *>().size(), 5);
        QCOMPARE(m_viewMenu->actions().size(), 5);
        QVERIFY(!m_panels.metrics->isVisible()); // every panel hidden until asked for
        QVERIFY(!m_panels.similarityDock->isVisible());
        m_panels.metrics->toggleViewAction()->trigger();
        QTRY_VERIFY(m_panels.metrics->isVisible());
        m_panels.similarityDock->toggleViewAction()->trigger();
        QTRY_VERIFY(m_panels.similarity->isVisible());
    }

    void tableHasOneRowPerHeadWithTheCoresValues_data() {
        QTest::addColumn<int>("heads");
        QTest::addColumn<bool>("causal");
        QTest::newRow("1 head") << 1 << false;
        QTest::newRow("4 heads causal") << 4 << true;
        QTest::newRow("8 heads") << 8 << false;
        QTest::newRow("16 heads causal") << 16 << true;
    }
    void tableHasOneRowPerHeadWithTheCoresValues() {
        QFETCH(int, heads);
        QFETCH(bool, causal);
        apply(optionsWith(heads, 64, causal));
        const MetricsTableModel *model = m_panels.metrics->tableModel();
        QCOMPARE(model->rowCount(), heads);
        QCOMPARE(model->columnCount(), MetricsTableModel::kFirstMetricColumn + kMetricCount);
        const LayerAnalysis expected = coreAnalysis(*m_session->snapshot());
        for (int row = 0; row < heads; ++row) {
            const HeadAnalysis &head = expected.heads[std::size_t(row)];
            QCOMPARE(model->data(model->index(row, MetricsTableModel::kHeadColumn)).toInt(),
                     row + 1);
            QCOMPARE(model->data(model->index(row, MetricsTableModel::kRoleColumn)).toString(),
                     QString::fromUtf8(roleLabel(head.role.role).data()));
            for (int m = 0; m < kMetricCount; ++m) {
                const int column = MetricsTableModel::kFirstMetricColumn + m;
                const std::optional<double> value =
                    head.metrics.value(metricInfos()[std::size_t(m)].metric);
                const QModelIndex index = model->index(row, column);
                if (!value) {
                    QVERIFY(model->data(index).toString().isEmpty());
                    continue;
                }
                QCOMPARE(model->data(index, MetricsTableModel::SortRole).toDouble(), *value);
                const int decimals =
                    metricInfos()[std::size_t(m)].metric == Metric::Distance ? 2 : 3;
                QCOMPARE(model->data(index).toString(), QString::number(*value, 'f', decimals));
            }
        }
        // Causal attention allows no next token anywhere: the column is blank.
        if (causal) {
            const int next = MetricsTableModel::kFirstMetricColumn + int(Metric::Next);
            QVERIFY(model->data(model->index(0, next)).toString().isEmpty());
        }
    }

    void roleCellsExplainThemselves() {
        const MetricsTableModel *model = m_panels.metrics->tableModel();
        const LayerAnalysis expected = coreAnalysis(*m_session->snapshot());
        const QString tip =
            model->data(model->index(0, MetricsTableModel::kRoleColumn), Qt::ToolTipRole)
                .toString();
        QCOMPARE(tip, QString::fromStdString(describeRole(expected.heads[0].role)));
        QVERIFY(
            tip.contains(QString::fromUtf8(roleExplanation(expected.heads[0].role.role).data())));
    }

    void sortingByEntropyOrdersRows_data() {
        QTest::addColumn<int>("order");
        QTest::newRow("ascending") << int(Qt::AscendingOrder);
        QTest::newRow("descending") << int(Qt::DescendingOrder);
    }
    void sortingByEntropyOrdersRows() {
        QFETCH(int, order);
        apply(optionsWith(8, 64, false));
        const int column = MetricsTableModel::kFirstMetricColumn + int(Metric::Entropy);
        m_panels.metrics->tableView()->sortByColumn(column, Qt::SortOrder(order));
        const QSortFilterProxyModel *sorted = m_panels.metrics->sortedModel();
        QCOMPARE(sorted->rowCount(), 8);
        QSet<int> heads;
        for (int row = 0; row + 1 < sorted->rowCount(); ++row) {
            const double here =
                sorted->index(row, column).data(MetricsTableModel::SortRole).toDouble();
            const double next =
                sorted->index(row + 1, column).data(MetricsTableModel::SortRole).toDouble();
            QVERIFY2(order == Qt::AscendingOrder ? here <= next : here >= next,
                     qPrintable(QString("row %1: %2 then %3").arg(row).arg(here).arg(next)));
        }
        for (int row = 0; row < sorted->rowCount(); ++row)
            heads.insert(sorted->index(row, MetricsTableModel::kHeadColumn).data().toInt());
        QCOMPARE(heads.size(), 8); // a permutation, nothing lost
        // The order survives a new snapshot (a slider moving).
        m_session->setSeed(7);
        m_session->waitForIdle();
        QTRY_COMPARE(m_panels.metrics->tableView()->horizontalHeader()->sortIndicatorSection(),
                     column);
        const double first = sorted->index(0, column).data(MetricsTableModel::SortRole).toDouble();
        const double last = sorted->index(7, column).data(MetricsTableModel::SortRole).toDouble();
        QVERIFY(order == Qt::AscendingOrder ? first <= last : first >= last);
    }

    void csvHasAHeaderAndOneLinePerHeadWithTheSameNumbers() {
        apply(optionsWith(4, 64, true));
        m_panels.metrics->copyCsv();
        const QString csv = QApplication::clipboard()->text();
        const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4);
        const QStringList header = lines[0].split(',');
        QCOMPARE(header.mid(0, 3), QStringList({"layer", "head", "role"}));
        QCOMPARE(header.size(), 3 + kMetricCount);
        const LayerAnalysis expected = coreAnalysis(*m_session->snapshot());
        for (int line = 1; line < lines.size(); ++line) {
            const QStringList fields = lines[line].split(',');
            QCOMPARE(fields.size(), header.size());
            const int head = fields[1].toInt() - 1;
            QVERIFY(head >= 0 && head < 4);
            const HeadAnalysis &h = expected.heads[std::size_t(head)];
            QCOMPARE(fields[2], QString::fromUtf8(roleKey(h.role.role).data()));
            for (int m = 0; m < kMetricCount; ++m) {
                const MetricInfo &info = metricInfos()[std::size_t(m)];
                QCOMPARE(header[3 + m], QString::fromUtf8(info.key.data()));
                const std::optional<double> value = h.metrics.value(info.metric);
                if (!value) {
                    QVERIFY(fields[3 + m].isEmpty());
                    continue;
                }
                bool ok = false;
                QVERIFY(std::abs(fields[3 + m].toDouble(&ok) - *value) <= 1e-8 * (1 + *value));
                QVERIFY(ok);
            }
        }
    }

    void selectingARowNamesItsHead() {
        QSignalSpy spy(m_panels.metrics, &MetricsDock::headSelected);
        m_panels.metrics->tableView()->sortByColumn(MetricsTableModel::kHeadColumn,
                                                    Qt::DescendingOrder);
        m_panels.metrics->tableView()->selectRow(0); // head 4 shown first
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 0);
        QCOMPARE(spy.at(0).at(1).toInt(), 3);
    }

    void similarityOrderIsTheClusterOrder_data() {
        QTest::addColumn<int>("heads");
        QTest::newRow("4") << 4;
        QTest::newRow("8") << 8;
    }
    void similarityOrderIsTheClusterOrder() {
        QFETCH(int, heads);
        apply(optionsWith(heads, 64, false));
        QVERIFY(!m_panels.similarity->isCurrent()); // hidden: nothing computed
        showDock(m_panels.similarityDock);
        QTRY_VERIFY(m_panels.similarity->isCurrent());
        const auto &result = m_session->snapshot()->result.attention;
        const Eigen::MatrixXf distances = headDistanceMatrix(result, false);
        QCOMPARE(m_panels.similarity->order(), clusterOrder(distances));
        QVERIFY(m_panels.similarity->distances().isApprox(distances));
        // The picture shows the matrix in that order.
        const std::vector<int> &order = m_panels.similarity->order();
        const Eigen::MatrixXf &shown = m_panels.similarity->picture()->matrix();
        for (int r = 0; r < heads; ++r)
            for (int c = 0; c < heads; ++c)
                QCOMPARE(shown(r, c), distances(order[std::size_t(r)], order[std::size_t(c)]));
        // Live while visible.
        QSignalSpy spy(m_panels.similarity, &HeadSimilarityView::distancesChanged);
        m_session->setSeed(99);
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(m_panels.similarity->order(),
                 clusterOrder(headDistanceMatrix(m_session->snapshot()->result.attention, false)));
    }

    void aPanelMinusItselfIsExactlyZero_data() {
        QTest::addColumn<int>("head");
        QTest::addColumn<bool>("pinned");
        QTest::newRow("head 1 - head 1") << 0 << false;
        QTest::newRow("head 3 - head 3") << 2 << false;
        QTest::newRow("head 2 - its pin") << 1 << true;
    }
    void aPanelMinusItselfIsExactlyZero() {
        QFETCH(int, head);
        QFETCH(bool, pinned);
        showDock(m_panels.differenceDock);
        if (pinned)
            m_panels.difference->pin();
        m_panels.difference->choose(head, head, pinned);
        const Eigen::MatrixXf &d = m_panels.difference->difference();
        QCOMPARE(d.rows(), Eigen::Index(m_session->snapshot()->tokens.size()));
        QCOMPARE(d.cwiseAbs().maxCoeff(), 0.0f);
        QVERIFY(m_panels.difference->note().isEmpty());
    }

    void pinThenChangeTheSeedDiffers() {
        showDock(m_panels.differenceDock);
        m_panels.difference->pin();
        const Eigen::MatrixXf before = m_session->snapshot()->result.attention.heads[0].weights;
        m_session->setSeed(1234);
        m_session->waitForIdle();
        QTRY_VERIFY(m_session->snapshot()->options.seed == 1234);
        m_panels.difference->choose(0, 0, true);
        const Eigen::MatrixXf &d = m_panels.difference->difference();
        const Eigen::MatrixXf expected =
            m_session->snapshot()->result.attention.heads[0].weights - before;
        QCOMPARE(d.rows(), expected.rows());
        QVERIFY(d.cwiseAbs().maxCoeff() > 0);
        QVERIFY(d == expected);
        // The colour scale is centred on 0.
        QCOMPARE(m_panels.difference->picture()->scaleLow(),
                 -m_panels.difference->picture()->scaleHigh());
    }

    void pinWithOtherTokenCountIsRefused() {
        showDock(m_panels.differenceDock);
        m_panels.difference->pin();
        m_session->setSentence(QStringLiteral("a much shorter one"));
        m_session->waitForIdle();
        QTRY_COMPARE(m_session->snapshot()->tokens.size(), 4);
        m_panels.difference->choose(0, 0, true);
        QCOMPARE(m_panels.difference->difference().size(), Eigen::Index(0));
        QVERIFY2(m_panels.difference->note().contains("4"),
                 qPrintable(m_panels.difference->note()));
        // Two heads of the current picture still work.
        m_panels.difference->choose(0, 1, false);
        QCOMPARE(m_panels.difference->difference().rows(), Eigen::Index(4));
    }

    void differenceSavesAsPngSvgPdfOrSaysWhyNot() {
        showDock(m_panels.differenceDock);
        m_panels.difference->choose(0, 1, false);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("difference.png");
        QCOMPARE(m_panels.difference->saveImage(path), QString());
        const QImage saved(path);
        QCOMPARE(saved.size(), m_panels.difference->picture()->size() * 2); // sharp when printed
        QVERIFY(saved.pixelColor(0, 0) == Qt::white);
        // Vector files keep the caption as text.
        QCOMPARE(m_panels.difference->saveImage(dir.filePath("difference.svg")), QString());
        QFile svg(dir.filePath("difference.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("minus"));
        QCOMPARE(m_panels.difference->saveImage(dir.filePath("difference.pdf")), QString());
        QFile pdf(dir.filePath("difference.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3); // no temp file left
        const QString unknown = m_panels.difference->saveImage(dir.filePath("difference.bmp"));
        QVERIFY2(unknown.contains(".pdf"), qPrintable(unknown));
        // A directory is refused with a message naming it, and left as it was.
        const QString refused = m_panels.difference->saveImage(dir.path());
        QVERIFY2(refused.contains(dir.path()) && refused.contains("regular file"),
                 qPrintable(refused));
        QVERIFY(QFileInfo(dir.path()).isDir());
    }

    void sweepHasOneCountPerDivisor_data() {
        QTest::addColumn<int>("dModel");
        QTest::addColumn<QList<int>>("counts");
        QTest::newRow("64") << 64 << QList<int>{1, 2, 4, 8, 16};
        QTest::newRow("40") << 40 << QList<int>{1, 2, 4, 8};
        QTest::newRow("36") << 36 << QList<int>{1, 2, 4};
        QTest::newRow("9") << 9 << QList<int>{1};
    }
    void sweepHasOneCountPerDivisor() {
        QFETCH(int, dModel);
        QFETCH(QList<int>, counts);
        apply(optionsWith(1, dModel, false));
        QSignalSpy spy(m_panels.sweep, &HeadCountSweepView::sweepFinished);
        showDock(m_panels.sweepDock);
        QTRY_VERIFY(spy.size() >= 1 && !m_panels.sweep->isComputing());
        QVERIFY2(m_panels.sweep->errorText().isEmpty(), qPrintable(m_panels.sweep->errorText()));
        QList<int> got;
        for (const HeadCountPoint &point : m_panels.sweep->points()) {
            got << point.heads;
            QCOMPARE(int(point.entropy.size()), point.heads); // one dot per head
        }
        QCOMPARE(got, counts);
    }

    void sweepIgnoresHeadCountChanges() {
        apply(optionsWith(4, 64, false));
        QSignalSpy spy(m_panels.sweep, &HeadCountSweepView::sweepFinished);
        showDock(m_panels.sweepDock);
        QTRY_VERIFY(spy.size() == 1 && !m_panels.sweep->isComputing());
        apply(optionsWith(8, 64, false)); // same input rows: the sweep does not depend on h
        QVERIFY(!m_panels.sweep->isComputing());
        m_session->setSeed(77);
        m_session->waitForIdle();
        QTRY_VERIFY(spy.size() == 2 && !m_panels.sweep->isComputing());
    }

    void costTotalsAreTheCoresEstimate_data() {
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("dk");
        QTest::newRow("4 heads, dk = d/h") << 4 << 16;
        QTest::newRow("8 heads, dk != d/h") << 8 << 12;
    }
    void costTotalsAreTheCoresEstimate() {
        QFETCH(int, heads);
        QFETCH(int, dk);
        PipelineOptions o = optionsWith(heads, 64, false);
        o.attention.dk = dk;
        apply(o);
        showDock(m_panels.costDock);
        const auto &comparison = m_panels.cost->comparison();
        QVERIFY(comparison);
        const auto snapshot = m_session->snapshot();
        const CostReport expected = estimateCost(o.attention, snapshot->result.tokens.size());
        QCOMPARE(comparison->multiHead.totalParameters(), expected.totalParameters());
        QCOMPARE(comparison->multiHead.totalFlops(), expected.totalFlops());
        QCOMPARE(comparison->multiHead.totalMemory(), expected.totalMemory());
        const CostReport wide =
            estimateCost(oneWideHead(o.attention), snapshot->result.tokens.size());
        QCOMPARE(comparison->oneWideHead.totalFlops(), wide.totalFlops());
        // The text shows the totals as numbers people read.
        const QString text = m_panels.cost->text();
        QVERIFY2(text.contains(QLocale().toString(qulonglong(expected.totalParameters()))),
                 qPrintable(text));
        QVERIFY(text.contains(QLocale().toString(qulonglong(expected.totalFlops()))));
    }

    void modelLayersAreAnalysedPerLayer() {
        auto model = std::make_shared<const LoadedModel>(
            loadModelFolder(ATTNVIZ_FIXTURE_DIR "/models/gpt2_plain"));
        m_session->useModel(model, QStringLiteral("gpt2_plain"));
        m_session->waitForIdle();
        QTRY_VERIFY(m_session->snapshot()->run);
        if (model->model.layers() < 2)
            QSKIP("the fixture model has one layer");
        m_session->setLayer(1);
        QTRY_COMPARE(m_session->snapshot()->layer, 1);
        const MetricsTableModel *table = m_panels.metrics->tableModel();
        QCOMPARE(table->rowCount(), model->model.heads());
        QCOMPARE(table->data(table->index(0, MetricsTableModel::kLayerColumn)).toInt(), 2);
        const LayerAnalysis expected = coreAnalysis(*m_session->snapshot());
        const int entropy = MetricsTableModel::kFirstMetricColumn + int(Metric::Entropy);
        QCOMPARE(table->data(table->index(0, entropy), MetricsTableModel::SortRole).toDouble(),
                 *expected.heads[0].metrics.entropy);
        showDock(m_panels.similarityDock);
        QTRY_VERIFY(m_panels.similarity->isCurrent());
        QCOMPARE(m_panels.similarity->order(), expected.clusteredOrder);
    }

    // Not an assertion: prints what a new snapshot costs each panel when ATTNVIZ_MEASURE is set.
    void measureRefresh_data() {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("similarity");
        QTest::newRow("N = 32, metrics") << 32 << false;
        QTest::newRow("N = 32, metrics + similarity") << 32 << true;
        QTest::newRow("N = 128, metrics") << 128 << false;
        QTest::newRow("N = 128, metrics + similarity") << 128 << true;
    }
    void measureRefresh() {
        if (qEnvironmentVariableIsEmpty("ATTNVIZ_MEASURE"))
            QSKIP("set ATTNVIZ_MEASURE to print the panels' refresh times");
        QFETCH(int, tokens);
        QFETCH(bool, similarity);
        QStringList words;
        for (int i = 0; i < tokens; ++i)
            words << QStringLiteral("w%1").arg(i % 37);
        apply(optionsWith(16, 64, false, words.join(' ').toStdString()));
        if (similarity) {
            showDock(m_panels.similarityDock);
            QTRY_VERIFY(m_panels.similarity->isCurrent());
        }
        QList<double> forward, beforePaint, total;
        QElapsedTimer timer;
        for (int run = 0; run < 21; ++run) {
            timer.start();
            m_session->setSeed(1000 + std::uint64_t(run)); // small job: computed and published now
            m_session->waitForIdle();
            QCoreApplication::processEvents();
            beforePaint << double(timer.nsecsElapsed()) / 1e6;
            (similarity ? static_cast<QWidget *>(m_panels.similarity->picture())
                        : m_panels.metrics->tableView()->viewport())
                ->repaint();
            total << double(timer.nsecsElapsed()) / 1e6;
            forward << m_session->snapshot()->computeMilliseconds;
        }
        std::sort(total.begin(), total.end());
        std::sort(forward.begin(), forward.end());
        std::sort(beforePaint.begin(), beforePaint.end());
        qInfo("N = %d, 16 heads, %s: forward p50 %.2f ms; forward + shown panels computed and "
              "painted p50 %.2f ms (before painting %.2f ms), p95 %.2f ms",
              tokens, similarity ? "metrics + similarity" : "metrics only", forward[10], total[10],
              beforePaint[10], total[19]);
    }

    // Not an assertion about looks: saves each panel when ATTNVIZ_SCREENSHOT_DIR is set.
    void screenshots() {
        if (qEnvironmentVariableIsEmpty("ATTNVIZ_SCREENSHOT_DIR"))
            QSKIP("set ATTNVIZ_SCREENSHOT_DIR to save the panels as PNG");
        apply(optionsWith(8, 64, true, "the cat sat on the mat because the mat was warm ."));
        maybeSave(m_window.get(), "metrics");
        showDock(m_panels.similarityDock);
        QTRY_VERIFY(m_panels.similarity->isCurrent());
        maybeSave(m_window.get(), "similarity");
        showDock(m_panels.differenceDock);
        m_panels.difference->pin();
        m_session->setSeed(5);
        m_session->waitForIdle();
        m_panels.difference->choose(0, 0, true);
        maybeSave(m_window.get(), "difference");
        QSignalSpy spy(m_panels.sweep, &HeadCountSweepView::sweepFinished);
        showDock(m_panels.sweepDock);
        QTRY_VERIFY(spy.size() >= 1 && !m_panels.sweep->isComputing());
        maybeSave(m_window.get(), "sweep");
        showDock(m_panels.costDock);
        maybeSave(m_window.get(), "cost");
        apply(optionsWith(4, 64, false, "多头注意力让模型从不同角度看输入序列"));
        showDock(m_panels.differenceDock);
        m_panels.difference->choose(0, 1, false);
        maybeSave(m_window.get(), "difference_zh");
        auto model = std::make_shared<const LoadedModel>(
            loadModelFolder(ATTNVIZ_FIXTURE_DIR "/models/gpt2_plain"));
        m_session->useModel(model, QStringLiteral("gpt2_plain"));
        m_session->waitForIdle();
        QTRY_VERIFY(m_session->snapshot()->run);
        showDock(m_panels.similarityDock);
        QTRY_VERIFY(m_panels.similarity->isCurrent());
        maybeSave(m_window.get(), "similarity_model");
        m_panels.metrics->show();
        m_panels.metrics->raise();
        maybeSave(m_window.get(), "metrics_model");
    }
};

QTEST_MAIN(TestAnalysisPanels)
#include "test_analysis_panels.moc"
