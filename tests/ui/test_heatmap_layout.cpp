// Heatmap layout and masks: labels never overprint, the colour bar keeps its size, the grid
// scrolls instead of squeezing, and causal cells are drawn as masked, not as zeros.
#include <attention_session.h>
#include <color_bar_view.h>
#include <figure_renderer.h>
#include <head_grid_view.h>
#include <heatmap_view.h>

#include <QFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QStringList words(int count) {
    QStringList tokens;
    for (int i = 0; i < count; ++i)
        tokens << QStringLiteral("token%1").arg(i);
    return tokens;
}

QStringList svgTexts(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    return texts;
}

} // namespace

class TestHeatmapLayout : public QObject {
    Q_OBJECT
    AttentionSession m_session;

    std::shared_ptr<const SessionSnapshot> snapshotOf(const QStringList &tokens, int heads,
                                                      bool causal) {
        PipelineOptions o;
        o.sentence = tokens.join(' ').toStdString();
        o.attention.heads = heads;
        o.attention.dModel = 64;
        o.attention.dk = o.attention.dv = 64 / heads;
        o.attention.causal = causal;
        o.tokenizer.maxTokens = 600;
        m_session.setOptions(o);
        m_session.waitForIdle();
        return m_session.snapshot();
    }

private slots:
    void labelsNeverOverlap_data() {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<QSize>("size");
        QTest::newRow("512 tokens, 600 px") << 512 << QSize(600, 600);
        QTest::newRow("512 tokens, 160 px") << 512 << QSize(160, 160);
        QTest::newRow("40 tokens, 300 px") << 40 << QSize(300, 300);
        QTest::newRow("12 tokens, 1000 px") << 12 << QSize(1000, 1000);
    }
    void labelsNeverOverlap() {
        QFETCH(int, tokens);
        QFETCH(QSize, size);
        HeatmapView view;
        view.setTokens(words(tokens));
        view.setMatrix(
            Eigen::MatrixXf::Constant(tokens, tokens, 1.0f / static_cast<float>(tokens)));
        view.resize(size);
        view.layoutFor(size);
        for (const Qt::Orientation o : {Qt::Horizontal, Qt::Vertical}) {
            const QList<QRectF> rects = view.labelRects(o);
            QVERIFY(!rects.isEmpty());
            for (qsizetype i = 1; i < rects.size(); ++i) {
                const bool apart = o == Qt::Horizontal ? rects[i - 1].right() < rects[i].left()
                                                       : rects[i - 1].bottom() < rects[i].top();
                QVERIFY2(apart,
                         qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i - 1).arg(i)));
            }
        }
        if (tokens == 12) // room for all: none dropped
            QCOMPARE(view.axisLabels(Qt::Horizontal).size(), 12);
    }

    void colorBarKeepsItsSizeAndTheGridScrolls() {
        HeadGridView grid;
        grid.resize(1280, 720);
        grid.show();
        grid.showSnapshot(*snapshotOf(words(11), 64, false));
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QTRY_VERIFY(grid.colorBar()->height() >= ColorBarView::kMinimumHeight);
        QVERIFY(grid.colorBar()->width() >= grid.colorBar()->sizeHint().width());
        // 64 panels of at least 110 px do not fit 720 px: the grid scrolls down rather than
        // clipping, and never sideways.
        QTRY_VERIFY(grid.scrollArea()->verticalScrollBar()->maximum() > 0);
        QCOMPARE(grid.scrollArea()->horizontalScrollBar()->maximum(), 0);
        for (HeatmapView *panel : grid.panels())
            QVERIFY(panel->height() >= 110);
        // 512 tokens need at least a pixel per cell.
        grid.showSnapshot(*snapshotOf(words(512), 4, false));
        QTRY_VERIFY(grid.panels().constFirst()->width() >= 512);
    }

    void causalCellsAreMaskedNotZero() {
        HeatmapView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        const int n = 4;
        Eigen::MatrixXf m = Eigen::MatrixXf::Zero(n, n); // real zeros everywhere below
        m(0, 0) = 1;
        view.setTokens(words(n));
        view.setMatrix(m);
        view.setCausalMask(true);
        view.resize(400, 400);
        view.layoutFor(QSize(400, 400));
        const QSize plotSize = view.plotArea()->size();
        const QImage image = view.toImage(plotSize);
        QCOMPARE(image.size(), plotSize);
        const QPointF origin = view.plotArea()->pos(); // widget → image coordinates
        const QSizeF cell(view.cellsRect().width() / double(n),
                          view.cellsRect().height() / double(n));
        const auto pixelAt = [&](int row, int column) {
            const QPointF centre = view.cellCentre(row, column) - origin;
            // A fifth in from the top-left corner: off the hatching diagonal and the value.
            const QPointF p = centre - QPointF(cell.width() * 0.3, cell.height() * 0.3);
            return QColor(image.pixel(p.toPoint()));
        };
        const QColor masked = pixelAt(0, 3), zero = pixelAt(3, 0);
        QVERIFY2(masked.lightness() > 200, qPrintable(masked.name())); // a light blank
        QVERIFY2(zero.lightness() < 80, qPrintable(zero.name()));      // viridis' dark zero
        QCOMPARE(masked.name(), pixelAt(1, 2).name());                 // every masked cell alike
        view.setCausalMask(false);
        const QImage plain = view.toImage(plotSize);
        QVERIFY(QColor(plain.pixel(image.width() - 60, 80)).lightness() < 80 ||
                QColor(plain.pixel(image.width() - 60, 80)) != masked);
    }

    void figuresPrintNoValueInMaskedCellsAndHaveALegend_data() {
        QTest::addColumn<bool>("causal");
        QTest::newRow("causal") << true;
        QTest::newRow("full") << false;
    }
    void figuresPrintNoValueInMaskedCellsAndHaveALegend() {
        QFETCH(bool, causal);
        const int n = 5, heads = 2;
        const auto snapshot = snapshotOf(words(n), heads, causal);
        QTemporaryDir dir;
        const QString path = dir.filePath("mask.svg");
        FigureRenderer(*snapshot, FigureOptions{}).save(path);
        const QStringList texts = svgTexts(path);
        const qsizetype values = texts.filter(QRegularExpression("^[01]\\.\\d\\d$")).size();
        QCOMPARE(values, qsizetype(heads * (causal ? n * (n + 1) / 2 : n * n)));
        QCOMPARE(texts.join(' ').contains(HeatmapView::maskedLegendText()), causal);

        HeadGridView grid;
        grid.showSnapshot(*snapshot);
        QCOMPARE(grid.colorBar()->maskedLegendVisible(), causal);
        for (HeatmapView *panel : grid.panels())
            QCOMPARE(panel->causalMask(), causal);
    }
};

QTEST_MAIN(TestHeatmapLayout)
#include "test_heatmap_layout.moc"
