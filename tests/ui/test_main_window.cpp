// The window as a user drives it, on the offscreen platform: controls, typing, hover, clicks.
#include <attention_session.h>
#include <colormaps.h>
#include <control_panel.h>
#include <head_grid_view.h>
#include <heatmap_view.h>
#include <main_window.h>
#include <sentence_bar.h>
#include <slider_spin_box.h>
#include <status_text.h>

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

PipelineOptions defaultOptions(const std::string &sentence = "The cat sat on the mat .") {
    PipelineOptions o;
    o.sentence = sentence;
    return o;
}

// The widget position of a cell's centre in a heatmap.
QPoint cellCentre(HeatmapView *view, int query, int key) {
    return view->cellCentre(query, key).toPoint();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    HeadGridView *grid() const { return m_window->headGrid(); }
    ControlPanel *controls() const { return m_window->controlPanel(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // keep users' settings out

    void init() {
        m_session = std::make_unique<AttentionSession>();
        m_window = std::make_unique<MainWindow>(m_session.get());
        QVERIFY(m_session->setOptions(defaultOptions()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(grid()->panels().size(), 4);
    }
    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void headsControlSetsTheNumberOfHeatmaps_data() {
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("columns");
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("2") << 2 << 2;
        QTest::newRow("8") << 8 << 4;
        QTest::newRow("16") << 16 << 4;
        // 64 heads: as many columns as fit at a legible size; the grid scrolls down for the rest.
        QTest::newRow("64 from the spin box") << 64 << 7;
    }
    void headsControlSetsTheNumberOfHeatmaps() {
        QFETCH(int, heads);
        QFETCH(int, columns);
        m_window->resize(1280, 720);
        controls()->headsControl()->spinBox()->setValue(heads);
        QTRY_COMPARE(grid()->panels().size(), heads);
        QCOMPARE(m_session->snapshot()->result.attention.heads.size(), std::size_t(heads));
        QCOMPARE(grid()->headView(heads - 1)->title(), QString("Head %1").arg(heads));
        QTRY_COMPARE(grid()->columnCount(), columns);
    }

    void balancedGrid_data() {
        QTest::addColumn<int>("panels");
        QTest::addColumn<QSize>("area");
        QTest::addColumn<int>("columns");
        QTest::newRow("8 landscape") << 8 << QSize(1000, 600) << 4;
        QTest::newRow("12 landscape") << 12 << QSize(965, 645) << 4;
        QTest::newRow("4 landscape") << 4 << QSize(1000, 600) << 2;
        QTest::newRow("3 wide") << 3 << QSize(1600, 500) << 3;
        QTest::newRow("2 tall") << 2 << QSize(400, 900) << 1;
        QTest::newRow("1") << 1 << QSize(800, 600) << 1;
        QTest::newRow("5 landscape") << 5 << QSize(1200, 600) << 3;
    }
    void balancedGrid() {
        QFETCH(int, panels);
        QFETCH(QSize, area);
        QFETCH(int, columns);
        QCOMPARE(HeadGridView::balancedColumns(panels, area.width(), area.height()), columns);
    }

    void plotsAreReusedWhenOnlyDataChanges() {
        HeatmapView *first = grid()->headView(0);
        const Eigen::MatrixXf before = first->matrix();
        controls()->seedControl()->setValue(7);
        QTRY_VERIFY(grid()->headView(0)->matrix() != before);
        QCOMPARE(grid()->headView(0), first);
    }

    void typingChangesTheAxisLabels() {
        QLineEdit *edit = m_window->sentenceBar()->lineEdit();
        edit->clear();
        QTest::keyClicks(edit, "hello big world");
        // Debounced: nothing changes while typing, then the labels follow.
        QCOMPARE(grid()->headView(0)->tokens().size(), 7);
        const QStringList expected{"hello", "big", "world"};
        QTRY_COMPARE(grid()->headView(0)->tokens(), expected);
        QTRY_COMPARE(grid()->headView(3)->axisLabels(Qt::Vertical), expected);
        QCOMPARE(grid()->headView(3)->axisLabels(Qt::Horizontal), expected);
    }

    void enterAppliesAtOnce() {
        QLineEdit *edit = m_window->sentenceBar()->lineEdit();
        edit->clear();
        QTest::keyClicks(edit, "one two");
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(grid()->headView(0)->tokens(), (QStringList{"one", "two"}));
    }

    void tooltipForAKnownCell() {
        const auto snapshot = m_session->snapshot();
        const float weight = snapshot->result.attention.heads[2].weights(0, 1);
        const QString expected = QStringLiteral("query ‘The’ → key ‘cat’: %1 (head 3)")
                                     .arg(static_cast<double>(weight), 0, 'f', 3);
        HeatmapView *head3 = grid()->headView(2);
        QCOMPARE(head3->cellToolTip(0, 1), expected);
        // The hovered position maps to that cell.
        QTRY_VERIFY(head3->cellsRect().width() > 50);
        QCOMPARE(head3->cellAt(cellCentre(head3, 0, 1)), QPoint(1, 0));
        QCOMPARE(head3->cellToolTip(99, 0), QString());
    }

    void causalToggleZeroesTheUpperTriangle() {
        QCheckBox *causal = controls()->causalControl();
        QVERIFY(!causal->isChecked());
        QVERIFY(grid()->headView(0)->matrix()(0, 1) > 0.0f);
        causal->click();
        QTRY_VERIFY(m_session->options().attention.causal);
        for (HeatmapView *view : grid()->panels()) {
            const Eigen::MatrixXf &m = view->matrix();
            for (int i = 0; i < m.rows(); ++i) {
                for (int j = i + 1; j < m.cols(); ++j)
                    QCOMPARE(m(i, j), 0.0f);
                QVERIFY(m(i, i) > 0.0f);
            }
        }
    }

    void clickingAQueryHighlightsItsRowEverywhere() {
        HeatmapView *head2 = grid()->headView(1);
        QTRY_VERIFY(head2->cellsRect().height() > 50);
        QTest::mouseClick(head2->plotArea(), Qt::LeftButton, {},
                          head2->plotArea()->mapFrom(head2, cellCentre(head2, 2, 4)));
        QCOMPARE(grid()->highlightedRow(), 2);
        for (HeatmapView *view : grid()->panels())
            QCOMPARE(view->highlightedRow(), 2);
        QTest::mouseClick(head2->plotArea(), Qt::LeftButton, {},
                          head2->plotArea()->mapFrom(head2, cellCentre(head2, 2, 0)));
        for (HeatmapView *view : grid()->panels())
            QCOMPARE(view->highlightedRow(), -1);
    }

    void badSentenceKeepsThePreviousPicture() {
        const QStringList before = grid()->headView(0)->tokens();
        QSignalSpy errors(m_session.get(), &AttentionSession::errorChanged);
        m_session->setSentence("   ");
        QTRY_COMPARE(errors.count(), 1);
        QVERIFY(errors.first().first().toString().contains("no tokens"));
        QCOMPARE(grid()->headView(0)->tokens(), before);
        m_session->setSentence("back again");
        QTRY_COMPARE(grid()->headView(0)->tokens(), (QStringList{"back", "again"}));
        QCOMPARE(m_session->errorText(), QString());
    }

    void lockSizesDkAndDvFromDModel() {
        controls()->lockControl()->click();
        QTRY_COMPARE(m_session->options().attention.dk, 64 / 4);
        controls()->headsControl()->spinBox()->setValue(8);
        QTRY_COMPARE(m_session->options().attention.dk, 8);
        QCOMPARE(m_session->options().attention.dv, 8);
        QVERIFY(!controls()->dkControl()->isEnabled());
        controls()->dModelControl()->spinBox()->setValue(128);
        QTRY_COMPARE(m_session->options().attention.dv, 16);
    }

    void singleHeadModeShowsOneHead() {
        controls()->singleHeadControl()->click();
        QTRY_COMPARE(grid()->panels().size(), 1);
        QVERIFY(!m_session->snapshot()->weights->out.has_value());
        QVERIFY(!controls()->headsControl()->isEnabled());
    }

    void meanAndBaselinePanels() {
        controls()->meanControl()->click();
        QTRY_COMPARE(grid()->panels().size(), 5);
        QCOMPARE(grid()->panels()[4]->title(), QString("Mean of 4 heads"));
        const auto snapshot = m_session->snapshot();
        Eigen::MatrixXf mean = Eigen::MatrixXf::Zero(7, 7);
        for (const HeadResult &h : snapshot->result.attention.heads)
            mean += h.weights / 4.0f;
        QVERIFY((grid()->panels()[4]->matrix() - mean).cwiseAbs().maxCoeff() < 1e-6f);
        controls()->baselineControl()->click();
        QTRY_COMPARE(grid()->panels().size(), 6);
        QCOMPARE(grid()->panels()[5]->title(), QString("Single head, dk = dv = 64"));
        QCOMPARE(m_session->snapshot()->baseline->heads.front().q.cols(), Eigen::Index(64));
    }

    void statusBarShowsShapesInTheSeedsNotation() {
        const QString text = statusText(*m_session->snapshot());
        QVERIFY2(text.contains("7 tokens") && text.contains("Q, K: [1, 4, 7, 16]") &&
                     text.contains("out: [1, 7, 64]") && text.contains("16,640 parameters"),
                 qPrintable(text));
    }

    void valuesAppearOnlyForShortSentences() {
        QCOMPARE(grid()->style().showValues, true);
        controls()->valuesControl()->click();
        QCOMPARE(grid()->style().showValues, false);
    }

    void badWeightsFileLeavesThePreviousStateUntouched_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("not safetensors") << "embeddings_d16.txt";
        QTest::newRow("several modules, none chosen") << "seed_mha_bf16_prefix_causal.safetensors";
        QTest::newRow("no attention module") << "embeddings_d16.safetensors";
        QTest::newRow("missing") << "absent.safetensors";
    }
    void badWeightsFileLeavesThePreviousStateUntouched() {
        QFETCH(QString, file);
        controls()->headsControl()->spinBox()->setValue(3);
        QTRY_COMPARE(grid()->panels().size(), 3);
        const auto before = m_session->snapshot();
        const PipelineOptions options = m_session->options();
        QSignalSpy results(m_session.get(), &AttentionSession::resultChanged);
        QVERIFY(!m_window->openWeights(QStringLiteral(ATTNVIZ_FIXTURE_DIR "/safetensors/") + file,
                                       true));
        QCOMPARE(results.count(), 0);
        QCOMPARE(m_session->snapshot(), before);
        QVERIFY(m_session->options().attention == options.attention);
        QVERIFY(!m_session->hasLoadedWeights());
        QCOMPARE(grid()->panels().size(), 3);
        QCOMPARE(controls()->headsControl()->value(), 3);
    }

    void loadedWeightsDriveTheSizes() {
        QVERIFY(m_window->openWeights(
            QStringLiteral(ATTNVIZ_FIXTURE_DIR "/safetensors/seed_mha_f32.safetensors"), true));
        QTRY_COMPARE(grid()->panels().size(), 2); // __metadata__ num_heads
        QCOMPARE(m_session->options().attention.dModel, 16);
        QCOMPARE(m_session->options().attention.dk, 6);
        QVERIFY(!controls()->dkControl()->isEnabled());
        QVERIFY(!controls()->dModelControl()->isEnabled());
        QCOMPARE(m_session->allowedHeadCounts(), (QList<int>{1, 2, 4}));
        controls()->headsControl()->spinBox()->setValue(3); // not a divisor: moves on to 4
        QTRY_COMPARE(grid()->panels().size(), 4);
        QCOMPARE(controls()->headsControl()->value(), 4);
        QCOMPARE(m_session->options().attention.dk, 3);
        QCOMPARE(m_session->options().attention.dv, 2);
        m_session->useRandomWeights();
        QVERIFY(!m_session->hasLoadedWeights());
        QVERIFY(controls()->dkControl()->isEnabled());
    }

    void colourScales() {
        QComboBox *scale = controls()->scaleControl();
        scale->setCurrentIndex(1); // shared, 0 – largest weight
        QCOMPARE(grid()->style().scale, ColorScale::SharedMax);
        float largest = 0;
        for (const HeadResult &h : m_session->snapshot()->result.attention.heads)
            largest = std::max(largest, h.weights.maxCoeff());
        QVERIFY(largest < 0.9f); // random weights spread attention: the scale must follow
        HeatmapView *first = grid()->headView(0);
        QCOMPARE(first->scaleHigh(), static_cast<double>(largest));
        QCOMPARE(first->cellColor(largest), colorAt(Colormap::Viridis, 1.0)); // the top colour
        scale->setCurrentIndex(2);                                            // per head
        QCOMPARE(grid()->headView(1)->scaleHigh(),
                 static_cast<double>(
                     m_session->snapshot()->result.attention.heads[1].weights.maxCoeff()));
        scale->setCurrentIndex(0);
        QCOMPARE(first->scaleHigh(), 1.0);
    }

    void copyFigurePutsASharpImageOnTheClipboard() {
        QGuiApplication::clipboard()->clear();
        QAction *copy = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C))
                copy = action;
        QVERIFY(copy);
        copy->trigger();
        const QImage image = QGuiApplication::clipboard()->image();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), grid()->size() * 2); // 2× for slides and documents
    }

    void followsTheSystemPalette() {
        QPalette dark = m_window->palette();
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xEE, 0xEE, 0xEE));
        m_window->setPalette(dark);
        HeatmapView *head = grid()->headView(0);
        QTRY_COMPARE(head->labelColor(), QColor(0xEE, 0xEE, 0xEE));
        QCOMPARE(head->backgroundColor(), QColor(0x20, 0x20, 0x20));
    }

    void colormapsUseThePublishedEndpoints() {
        QCOMPARE(colorAt(Colormap::Viridis, 0.0).name(), QString("#440154"));
        QCOMPARE(colorAt(Colormap::Viridis, 1.0).name(), QString("#fde725"));
        QCOMPARE(colorAt(Colormap::Magma, 1.0).name(), QString("#fcfdbf"));
        QCOMPARE(colorAt(Colormap::Cividis, 0.0).name(), QString("#00224e"));
        QCOMPARE(colorAt(Colormap::Grayscale, 0.0).name(), QString("#ffffff"));
        Colormap parsed;
        QVERIFY(parseColormap("Cividis", &parsed) && parsed == Colormap::Cividis);
        QVERIFY(!parseColormap("jet", &parsed));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
