// The one matrix plot: rectangular matrices, both colour scales, fixed and automatic ranges,
// masked cells, notes, and drawing into a painter (vector cells for figures).
#include <plot/matrix_plot.h>
#include <plot/matrix_scale.h>

#include <QBuffer>
#include <QPainter>
#include <QSignalSpy>
#include <QSvgGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace attnviz::ui;

class TestMatrixPlot : public QObject {
    Q_OBJECT
private slots:
    void divergingScaleIsCentredOnZero() {
        Eigen::MatrixXf m(2, 2);
        m << -0.5f, 0.25f, 0.1f, 0.0f;
        const MatrixScale scale = MatrixScale::diverging();
        const auto [low, high] = scale.rangeFor(m);
        QCOMPARE(low, -0.5);
        QCOMPARE(high, 0.5);
        QCOMPARE(scale.colorOf(0.0, low, high), QColor(247, 247, 247)); // 0 is white
        QVERIFY(scale.colorOf(high, low, high).red() > scale.colorOf(high, low, high).blue());
        QVERIFY(scale.colorOf(low, low, high).blue() > scale.colorOf(low, low, high).red());
        // An all-zero difference still has a range, and a fixed limit is kept.
        QCOMPARE(scale.rangeFor(Eigen::MatrixXf::Zero(3, 3)).second, 1.0);
        QCOMPARE(MatrixScale::diverging(2.0).rangeFor(m).first, -2.0);
    }

    void sequentialScalesFixedOrFromTheData() {
        Eigen::MatrixXf m(1, 3);
        m << 0.1f, 0.4f, std::numeric_limits<float>::infinity();
        const auto automatic = MatrixScale::sequentialAutomatic(Colormap::Magma).rangeFor(m);
        QCOMPARE(automatic.first, 0.0);
        QCOMPARE(automatic.second, static_cast<double>(0.4f)); // ∞ left out
        const MatrixScale fixed = MatrixScale::sequential(Colormap::Viridis, 0.0, 1.0);
        QCOMPARE(fixed.rangeFor(m).second, 1.0);
        QCOMPARE(fixed.colorOf(1.0, 0, 1).name(), colorAt(Colormap::Viridis, 1.0).name());
        // The stops the plotting library's gradient interpolates are the map's own colours.
        QCOMPARE(fixed.stops().constFirst().second.name(), QString("#440154"));
        QCOMPARE(fixed.stops().constLast().second.name(), QString("#fde725"));
    }

    void rectangularMatrixWithItsOwnLabels() {
        MatrixPlot plot;
        Eigen::MatrixXf m = Eigen::MatrixXf::Zero(2, 5);
        m(1, 4) = 1;
        plot.setLabels({"r1", "r2"}, {"a", "b", "c", "d", "e"});
        plot.setMatrix(m);
        plot.resize(500, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QCOMPARE(plot.axisLabels(Qt::Vertical), QStringList({"r1", "r2"}));
        QCOMPARE(plot.axisLabels(Qt::Horizontal), QStringList({"a", "b", "c", "d", "e"}));
        QCOMPARE(plot.cellAt(plot.cellCentre(1, 4).toPoint()), QPoint(4, 1));
        QCOMPARE(plot.cellAt(plot.cellCentre(0, 0).toPoint()), QPoint(0, 0));
        // Five columns and two rows share the cells' rectangle.
        const QRect cells = plot.cellsRect();
        const QPointF origin = plot.cellCentre(0, 0);
        QVERIFY(std::abs(plot.cellCentre(0, 1).x() - origin.x() - cells.width() / 5.0) < 1.5);
        QVERIFY(std::abs(plot.cellCentre(1, 0).y() - origin.y() - cells.height() / 2.0) < 1.5);
        QSignalSpy rows(&plot, &MatrixPlot::rowClicked);
        QTest::mouseClick(plot.plotArea(), Qt::LeftButton, {},
                          plot.plotArea()->mapFrom(&plot, plot.cellCentre(1, 2).toPoint()));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().constFirst().toInt(), 1);
    }

    void automaticRangeFollowsTheMatrix() {
        MatrixPlot plot;
        plot.setScale(MatrixScale::diverging());
        Eigen::MatrixXf m(2, 2);
        m << 0.3f, -0.1f, 0.0f, 0.2f;
        plot.setMatrix(m);
        QCOMPARE(plot.scaleHigh(), static_cast<double>(0.3f));
        QCOMPARE(plot.scaleLow(), -plot.scaleHigh());
        plot.setMatrix(m * 2);
        QCOMPARE(plot.scaleHigh(), static_cast<double>(0.6f));
        QCOMPARE(plot.cellColor(0.0), QColor(247, 247, 247));
    }

    void aNoteTakesThePlacesOfTheMatrixUntilTheNextOne() {
        MatrixPlot plot;
        plot.setMatrix(Eigen::MatrixXf::Ones(2, 2));
        plot.setNote("nothing to show");
        QVERIFY(plot.plotArea()->isHidden());
        QCOMPARE(plot.cellAt(QPoint(50, 50)), QPoint(-1, -1));
        plot.setMatrix(Eigen::MatrixXf::Ones(2, 2));
        QVERIFY(plot.note().isEmpty());
        QVERIFY(!plot.plotArea()->isHidden());
    }

    // The step view's matrices: −∞ (masked) cells are the masked blank, not a colour of the scale.
    void paintedCellsShowMaskedCellsAsMasked() {
        Eigen::MatrixXf m(2, 2);
        m << 1.0f, -std::numeric_limits<float>::infinity(), -1.0f, 0.5f;
        const MatrixScale scale = MatrixScale::diverging();
        const QImage cells = MatrixPlot::cellImage(m, scale);
        QCOMPARE(cells.size(), QSize(2, 2));
        QImage image(40, 40, QImage::Format_RGB32);
        image.fill(Qt::black);
        QPainter painter(&image);
        MatrixPlot::paintCells(painter, QRectF(0, 0, 40, 40), cells, m);
        painter.end();
        const QColor masked = image.pixelColor(34, 14); // off the hatching diagonal
        QVERIFY2(masked.lightness() > 200, qPrintable(masked.name()));
        QCOMPARE(image.pixelColor(5, 5), scale.colorOf(1.0, -1.0, 1.0));
        QCOMPARE(image.pixelColor(5, 25), scale.colorOf(-1.0, -1.0, 1.0));
        QVERIFY(masked != scale.colorOf(0.0, -1.0, 1.0)); // not white: not a value of 0
    }

    // Figures: few cells are drawn as rectangles (no raster image in the SVG), many as one image.
    void figuresDrawFewCellsAsVectors() {
        for (const int n : {4, MatrixPlot::kMaxVectorCells + 1}) {
            MatrixPlot plot;
            plot.setMatrix(Eigen::MatrixXf::Random(n, n));
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(QSize(300, 300));
            {
                const MatrixPlot::FigurePainter painter = MatrixPlot::figurePainter();
                QVERIFY(painter->begin(&svg));
                plot.renderTo(*painter, QRect(0, 0, 300, 300));
                painter->end();
            }
            QCOMPARE(buffer.data().contains("<image"), n > MatrixPlot::kMaxVectorCells);
        }
    }

    // On screen the masked cells cover the whole top row of the cell image: no line of the cells'
    // colour above them, whatever fraction of a pixel the cells' top edge falls on.
    void maskedCellsLeaveNoLineOfCellColourOnScreen() {
        MatrixPlot plot;
        plot.setMatrix(Eigen::MatrixXf::Zero(11, 11)); // viridis' 0, dark violet, under the mask
        plot.setCausalMask(true);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        for (int height = 300; height < 310; ++height) {
            plot.resize(420, height);
            QTest::qWait(20);
            const QImage image = plot.grab().toImage();
            const int top = plot.cellsRect().top();
            for (int column = 1; column < 11; ++column) {
                const QPointF centre = plot.cellCentre(0, column);
                for (int y = top - 2; y < centre.y(); ++y)
                    QVERIFY2(image.pixelColor(static_cast<int>(centre.x()), y) !=
                                 plot.cellColor(0.0),
                             qPrintable(QStringLiteral("height %1, column %2, y %3")
                                            .arg(height)
                                            .arg(column)
                                            .arg(y)));
            }
        }
    }

    // Any other painter gets the same plot (recorded, then replayed).
    void anyPainterCanDrawThePlot() {
        MatrixPlot plot;
        Eigen::MatrixXf m = Eigen::MatrixXf::Constant(3, 3, 0.0f);
        plot.setMatrix(m);
        QImage image(300, 300, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        plot.renderTo(painter, QRect(0, 0, 300, 300));
        painter.end();
        int dark = 0; // viridis' 0 is dark violet, the background white
        for (int y = 0; y < 300; y += 5)
            for (int x = 0; x < 300; x += 5)
                dark += image.pixelColor(x, y) == plot.cellColor(0.0) ? 1 : 0;
        QVERIFY2(dark > 1000, qPrintable(QString::number(dark)));
    }
};

QTEST_MAIN(TestMatrixPlot)
#include "test_matrix_plot.moc"
