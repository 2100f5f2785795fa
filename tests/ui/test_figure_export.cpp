// Figures: the PNG's pixel size, the SVG's cells and texts, the PDF, and failures that keep files.
#include <attention_session.h>
#include <export_dialog.h>
#include <figure_renderer.h>

#include <attnviz/error.h>

#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

struct SvgContents {
    bool wellFormed = false;
    int rects = 0;
    int cellRects = 0; // filled and outlined in one colour: how the figure draws a cell
    int images = 0;
    QStringList texts;
};

SvgContents readSvg(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QXmlStreamReader xml(&file);
    SvgContents svg;
    QList<std::pair<QString, QString>> groups; // fill and stroke of the enclosing <g> elements
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("g") && !groups.isEmpty())
            groups.removeLast();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("g"))
            groups.append({xml.attributes().value("fill").toString(),
                           xml.attributes().value("stroke").toString()});
        if (xml.name() == QLatin1String("rect")) {
            ++svg.rects;
            if (!groups.isEmpty() && groups.last().first.startsWith('#') &&
                groups.last().first == groups.last().second)
                ++svg.cellRects;
        } else if (xml.name() == QLatin1String("image"))
            ++svg.images;
        else if (xml.name() == QLatin1String("text"))
            svg.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    svg.wellFormed = !xml.hasError();
    return svg;
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT
    AttentionSession m_session;

    std::shared_ptr<const SessionSnapshot> snapshotOf(const char *sentence, int heads) {
        PipelineOptions o;
        o.sentence = sentence;
        o.attention.heads = heads;
        m_session.setOptions(o);
        m_session.waitForIdle();
        return m_session.snapshot();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the Export dialog's remembered choices
        QSettings().clear();
    }

    void pngHasThePixelSizeTheDpiAsks_data() {
        QTest::addColumn<int>("dpi");
        QTest::addColumn<QSize>("size");
        QTest::newRow("96 dpi") << 96 << QSize(800, 600);
        QTest::newRow("300 dpi") << 300 << QSize(800, 600);
        QTest::newRow("600 dpi small") << 600 << QSize(300, 200);
    }
    void pngHasThePixelSizeTheDpiAsks() {
        QFETCH(int, dpi);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        FigureOptions options;
        options.size = size;
        options.scale = dpi / 96.0;
        const QString path = dir.filePath("figure.png");
        FigureRenderer(*snapshotOf("The cat sat on the mat.", 4), options).save(path);
        const QImage image(path);
        QCOMPARE(image.size(), (QSizeF(size) * (dpi / 96.0)).toSize());
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), dpi);
        // A figure, not a blank page: the first head's top-left cell is viridis-dark.
        int dark = 0;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                dark += qGray(image.pixel(x, y)) < 80;
        QVERIFY(dark > 100);
    }

    void svgHoldsCellsAsRectanglesAndTokensAsText() {
        QTemporaryDir dir;
        const QString path = dir.filePath("figure.svg");
        const auto snapshot = snapshotOf("多头注意力让模型", 4);
        FigureOptions options;
        options.caption = true;
        FigureRenderer(*snapshot, options).save(path);
        const SvgContents svg = readSvg(path);
        QVERIFY(svg.wellFormed);
        QCOMPARE(svg.images, 0); // no raster pasted inside
        const int n = static_cast<int>(snapshot->tokens.size());
        QCOMPARE(n, 4);
        QCOMPARE(svg.cellRects, 4 * n * n); // heads × N × N, one rectangle per cell
        for (const QString &token : snapshot->tokens)
            QVERIFY2(svg.texts.count(token) >= 2 * 4, qPrintable(token)); // both axes of 4 heads
        QVERIFY(svg.texts.contains("Head 4"));
        QVERIFY(svg.texts.contains("attention weight"));
    }

    void oneHeadAndTheMean() {
        const auto snapshot = snapshotOf("a b c", 4);
        FigureOptions head;
        head.part = FigureOptions::Part::Head;
        head.head = 2;
        QCOMPARE(FigureRenderer(*snapshot, head).panelCount(), 1);
        FigureOptions mean;
        mean.part = FigureOptions::Part::Mean;
        QCOMPARE(FigureRenderer(*snapshot, mean).panelCount(), 1);
        head.head = 9;
        QVERIFY_THROWS_EXCEPTION(InputError, FigureRenderer(*snapshot, head));
    }

    void pdfIsAPdfThatPopplerRenders() {
        QTemporaryDir dir;
        const QString path = dir.filePath("figure.pdf");
        FigureRenderer(*snapshotOf("The cat sat on the mat.", 2), FigureOptions{}).save(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5).startsWith("%PDF-"));
        QVERIFY(file.readAll().contains("/FontFile")); // fonts embedded
        QProcess pdftoppm;
        pdftoppm.start("pdftoppm", {"-png", "-r", "48", "-singlefile", path, dir.filePath("page")});
        QVERIFY(pdftoppm.waitForFinished(30000));
        QCOMPARE(pdftoppm.exitCode(), 0);
        const QImage page(dir.filePath("page.png"));
        QCOMPARE(page.size(), QSize(800, 450)); // 1600 × 900 at 96 DPI is 1200 × 675 pt
    }

    void chineseTokensUseAnEmbeddedCjkFont() {
        QTemporaryDir dir;
        const QString path = dir.filePath("zh.pdf");
        FigureRenderer(*snapshotOf("多头注意力让模型", 2), FigureOptions{}).save(path);
        QProcess pdffonts;
        pdffonts.start("pdffonts", {path});
        QVERIFY(pdffonts.waitForFinished(30000));
        const QString fonts = QString::fromUtf8(pdffonts.readAllStandardOutput());
        const auto cjk = fonts.split('\n').filter("CJK");
        QVERIFY2(!cjk.isEmpty(), qPrintable(fonts));
        // Columns: name, type, encoding, emb, sub, uni, object, ID. Qt subsets the font without
        // renaming it, so only "emb" must say yes.
        const QRegularExpression embedded(
            "\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$");
        for (const QString &line : cjk) {
            const auto match = embedded.match(line);
            QVERIFY2(match.hasMatch() && match.captured(1) == "yes", qPrintable(line));
        }
    }

    void failuresKeepThePreviousFile() {
        QTemporaryDir dir;
        const auto snapshot = snapshotOf("a b", 1);
        FigureRenderer renderer(*snapshot, FigureOptions{});
        const QString path = dir.filePath("keep.png");
        renderer.save(path);
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        try {
            renderer.save(dir.filePath("figure.bmp"));
            QFAIL("an unknown extension was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains(".png, .svg or .pdf"), e.what());
        }
        try {
            renderer.save(dir.filePath("no/such/dir/figure.png"));
            QFAIL("an unwritable path was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("cannot write"), e.what());
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void exportDialogShowsTheResultingSize() {
        ExportDialog dialog(4, false, HeatmapStyle{});
        QVERIFY(dialog.resultingSizeText().contains("PDF"));
        auto *path = dialog.findChild<QLineEdit *>();
        path->setText("figure.png");
        QCOMPARE(dialog.resultingSizeText(), QString("3200 × 1800 pixels PNG at 192 DPI"));
        path->setText("figure.txt");
        QVERIFY(dialog.resultingSizeText().contains(".png, .svg or .pdf"));
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
