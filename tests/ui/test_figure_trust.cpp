// Figures that can be trusted: captions name the weights, size limits are stated, writes that
// fail say why and keep the old file, large heatmaps become images, physical sizes and fonts.
#include <attention_session.h>
#include <figure_renderer.h>
#include <heatmap_view.h>

#include <attnviz/error.h>

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

// A device that accepts `capacity` bytes and then fails like a full disk.
class FullDevice : public QIODevice {
public:
    explicit FullDevice(qint64 capacity)
        : m_capacity(capacity) {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 length) override {
        if (m_written + length > m_capacity) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        m_written += length;
        return length;
    }

private:
    qint64 m_capacity;
    qint64 m_written = 0;
};

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFigureTrust : public QObject {
    Q_OBJECT
    AttentionSession m_session;

    std::shared_ptr<const SessionSnapshot> snapshotOf(const QString &sentence, int heads,
                                                      bool causal = false, int dModel = 64) {
        PipelineOptions o;
        o.sentence = sentence.toStdString();
        o.attention.heads = heads;
        o.attention.dModel = dModel;
        o.attention.dk = o.attention.dv = dModel / heads;
        o.attention.causal = causal;
        o.tokenizer.maxTokens = 600;
        if (!m_session.setOptions(o))
            qWarning() << m_session.errorText();
        m_session.waitForIdle();
        return m_session.snapshot();
    }

private slots:
    // Item 11: loaded weights are named, random weights give their seed.
    void captionNamesTheWeightsOrTheSeed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("mentionsSeed");
        QTest::newRow("random") << QString() << QString() << "seed 42, random weights" << true;
        QTest::newRow("file") << "models/mha.safetensors" << QString() << "weights mha.safetensors"
                              << false;
        QTest::newRow("file and module") << "x/enc.safetensors"
                                         << "encoder.attn"
                                         << "weights enc.safetensors, module encoder.attn" << false;
    }
    void captionNamesTheWeightsOrTheSeed() {
        QFETCH(QString, path);
        QFETCH(QString, module);
        QFETCH(QString, expected);
        QFETCH(bool, mentionsSeed);
        const auto snapshot = snapshotOf("The cat sat.", 4);
        const QString name = figureWeightsName(path, module.toStdString());
        QVERIFY(!name.contains(u'/')); // never the folder
        const QString caption = figureCaption(*snapshot, name);
        QVERIFY2(caption.contains(expected), qPrintable(caption));
        QCOMPARE(caption.contains("seed"), mentionsSeed);
        FigureOptions options;
        options.weightsName = name;
        QCOMPARE(FigureRenderer(*snapshot, options).caption(), caption);
    }

    // Item 17: limits stated by FigureOptions, shared by the dialog and the command line.
    void validationStatesTheLimit_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<bool>("png");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("15.6 GB png") << QSize(10000, 10000) << 600 << true << "100 million pixels";
        QTest::newRow("same as svg") << QSize(10000, 10000) << 600 << false << QString();
        QTest::newRow("default png") << QSize(1600, 900) << 192 << true << QString();
        QTest::newRow("too small") << QSize(100, 900) << 192 << false << "200 … 10000 px";
        QTest::newRow("dpi") << QSize(1600, 900) << 1200 << true << "96 … 600 DPI";
    }
    void validationStatesTheLimit() {
        QFETCH(QSize, size);
        QFETCH(int, dpi);
        QFETCH(bool, png);
        QFETCH(QString, message);
        FigureOptions options;
        options.size = size;
        options.scale = dpi / 96.0;
        try {
            options.validate(png);
            QVERIFY2(message.isEmpty(), "accepted");
        } catch (const InputError &e) {
            QVERIFY2(!message.isEmpty() && QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }
    void hugePngIsRefusedBeforeAnyFileIsTouched() {
        QTemporaryDir dir;
        FigureOptions options;
        options.size = {10000, 10000};
        options.scale = 600 / 96.0;
        const QString path = dir.filePath("huge.png");
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 FigureRenderer(*snapshotOf("a b", 1), options).save(path));
        QVERIFY(!QFile::exists(path));
    }

    // Item 17: above 64 tokens a side the cells are one image per heatmap, text stays text.
    void largeHeatmapsBecomeOneImageEach_data() {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("images");
        QTest::newRow("64 tokens: rectangles") << 64 << 0;
        QTest::newRow("65 tokens: images") << 65 << 2;
    }
    void largeHeatmapsBecomeOneImageEach() {
        QFETCH(int, tokens);
        QFETCH(int, images);
        QStringList words;
        for (int i = 0; i < tokens; ++i)
            words << QStringLiteral("w%1").arg(i);
        QTemporaryDir dir;
        const QString path = dir.filePath("big.svg");
        FigureRenderer(*snapshotOf(words.join(' '), 2), FigureOptions{}).save(path);
        const QString svg = QString::fromUtf8(readAll(path));
        QCOMPARE(svg.count("<image "), images);
        QCOMPARE(svg.count("image-rendering:pixelated"), images); // no smoothing
        QVERIFY(svg.contains(">Head 2<"));                        // titles stay text
        if (images > 0) {
            // One pixel per cell: the embedded PNG is tokens × tokens.
            const QRegularExpression data("data:image/png;base64,([A-Za-z0-9+/=]+)");
            const QImage cells = QImage::fromData(
                QByteArray::fromBase64(data.match(svg).captured(1).toLatin1()), "PNG");
            QCOMPARE(cells.size(), QSize(tokens, tokens));
        }
    }

    void largePdfCellsAreLossless() {
        QStringList words;
        for (int i = 0; i < 80; ++i)
            words << QStringLiteral("w%1").arg(i);
        QTemporaryDir dir;
        const QString path = dir.filePath("big.pdf");
        FigureRenderer(*snapshotOf(words.join(' '), 2, true), FigureOptions{}).save(path);
        QProcess images;
        images.start("pdfimages", {"-list", path});
        QVERIFY(images.waitForFinished(30000));
        const QStringList rows =
            QString::fromUtf8(images.readAllStandardOutput()).split('\n').filter(" image ");
        QCOMPARE(rows.size(), 2);
        for (const QString &row : rows) {
            const QStringList columns = row.simplified().split(' ');
            QCOMPARE(columns.value(3), QString("80"));    // one pixel per cell
            QCOMPARE(columns.value(8), QString("image")); // encoding: Flate ("image"), not jpeg
            QCOMPARE(columns.value(9), QString("no"));    // no interpolation
        }
    }

    // Item 26: a failing write names the cause, never "Unknown error".
    void failedWritesNameTheCause_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << "png";
        QTest::newRow("svg") << "svg";
        QTest::newRow("pdf") << "pdf";
    }
    void failedWritesNameTheCause() {
        QFETCH(QString, format);
        FigureRenderer renderer(*snapshotOf("The cat sat on the mat.", 4), FigureOptions{});
        FullDevice device(4096);
        try {
            renderer.write(device, format, "out." + format);
            QFAIL("a failed write was not reported");
        } catch (const InputError &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     "cannot write 'out." + format + "': No space left on device");
        }
    }
    // The same on a real full file system, when this process may mount one.
    void fullDiskKeepsThePreviousFile() {
        QTemporaryDir dir;
        if (geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        QProcess mount;
        mount.start("mount", {"-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path()});
        if (!mount.waitForFinished(10000) || mount.exitCode() != 0)
            QSKIP(qPrintable("cannot mount a tmpfs here: " +
                             QString::fromUtf8(mount.readAllStandardError()).trimmed()));
        const auto unmount = qScopeGuard([&] { QProcess::execute("umount", {dir.path()}); });
        const QString path = dir.filePath("figure.png");
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous figure");
        }
        FigureOptions options;
        options.scale = 2; // far more than 64 KB
        try {
            FigureRenderer(*snapshotOf("The cat sat on the mat.", 4), options).save(path);
            QFAIL("a write to a full disk was reported as done");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("No space left on device"), e.what());
        }
        QCOMPARE(readAll(path), QByteArray("previous figure"));
    }

    // Item 29: lengths with units and presets in physical sizes.
    void parseLengthReadsUnits_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("inches"); // < 0: refused
        QTest::newRow("in") << "3.3in" << 3.3;
        QTest::newRow("mm") << "84mm" << 84 / 25.4;
        QTest::newRow("cm") << "8.5 cm" << 8.5 / 2.54;
        QTest::newRow("pt") << "240pt" << 240 / 72.0;
        QTest::newRow("px") << "960px" << 10.0;
        QTest::newRow("bare") << "96" << 1.0;
        QTest::newRow("zero") << "0in" << -1.0;
        QTest::newRow("unit") << "3furlong" << -1.0;
        QTest::newRow("negative") << "-3in" << -1.0;
        QTest::newRow("empty") << "" << -1.0;
    }
    void parseLengthReadsUnits() {
        QFETCH(QString, text);
        QFETCH(double, inches);
        if (inches < 0) {
            QVERIFY_THROWS_EXCEPTION(InputError, parseLength(text));
            return;
        }
        QVERIFY(qAbs(parseLength(text) - inches) < 1e-9);
    }
    void singleColumnLabelsStayLegible() {
        FigureOptions options;
        options.size = FigureOptions::sizeFromInches(
            FigureOptions::presetInches(FigureOptions::Preset::SingleColumn));
        QCOMPARE(options.size.width(), qRound(3.3 * 96));
        options.fontPoints = 8;
        options.caption = true;
        const auto snapshot =
            snapshotOf("The quick brown fox jumps over a lazy dog near the river", 4);
        QCOMPARE(snapshot->tokens.size(), 12);
        FigureRenderer renderer(*snapshot, options);
        QTemporaryDir dir;
        renderer.save(dir.filePath("column.pdf")); // lays every panel out at its real size
        for (HeatmapView *panel : renderer.panels()) {
            QVERIFY2(panel->labelFont().pointSizeF() >= 6.0,
                     qPrintable(QString::number(panel->labelFont().pointSizeF())));
            QVERIFY(panel->labelFont().pointSizeF() <= 8.0);
            QVERIFY(!panel->axisLabels(Qt::Vertical).isEmpty());
        }
        // The PDF page is 3.3 in wide.
        QProcess info;
        info.start("pdfinfo", {dir.filePath("column.pdf")});
        QVERIFY(info.waitForFinished(30000));
        const QString pdfInfo = QString::fromUtf8(info.readAllStandardOutput());
        const auto pageSize = QRegularExpression("Page size:\\s+([0-9.]+) x").match(pdfInfo);
        QVERIFY2(qAbs(pageSize.captured(1).toDouble() - 3.3 * 72) < 0.5, qPrintable(pdfInfo));
    }
    // A heatmap is tokens × tokens: every preset, with and without a caption, one head or all,
    // gets square panels inside the page (a short, wide area used to stretch them flat).
    void panelsStaySquare_data() {
        QTest::addColumn<int>("preset");
        QTest::addColumn<bool>("caption");
        QTest::addColumn<int>("head"); // −1: the grid
        for (int preset = 0; preset < 3; ++preset)
            for (const bool caption : {false, true}) {
                QTest::addRow("preset %d, caption %d, grid", preset, caption)
                    << preset << caption << -1;
                QTest::addRow("preset %d, caption %d, one head", preset, caption)
                    << preset << caption << 1;
            }
    }
    void panelsStaySquare() {
        QFETCH(int, preset);
        QFETCH(bool, caption);
        QFETCH(int, head);
        FigureOptions options;
        options.size = FigureOptions::sizeFromInches(
            FigureOptions::presetInches(static_cast<FigureOptions::Preset>(preset)));
        options.fontPoints = 8;
        options.caption = caption;
        if (head >= 0) {
            options.part = FigureOptions::Part::Head;
            options.head = head;
        }
        FigureRenderer renderer(*snapshotOf("The quick brown fox jumps over a lazy dog", 4),
                                options);
        (void)renderer.toImage();
        QCOMPARE(renderer.panelRects().size(), head >= 0 ? 1 : 4);
        const QRect page(QPoint(0, 0), options.size);
        for (const QRect &panel : renderer.panelRects()) {
            QCOMPARE(panel.width(), panel.height());
            QVERIFY2(page.contains(panel), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                          .arg(panel.x())
                                                          .arg(panel.y())
                                                          .arg(panel.width())
                                                          .arg(panel.height())));
            QVERIFY(panel.width() >= 60);
        }
    }
    void svgNamesFamiliesEveryViewerResolves() {
        QTemporaryDir dir;
        const QString path = dir.filePath("fonts.svg");
        FigureRenderer(*snapshotOf("多头注意力", 2), FigureOptions{}).save(path);
        const QString svg = QString::fromUtf8(readAll(path));
        const QRegularExpression family("font-family=\"([^\"]*)\"");
        auto it = family.globalMatch(svg);
        int count = 0;
        while (it.hasNext()) {
            const QString value = it.next().captured(1);
            ++count;
            QVERIFY2(value.contains("'Noto Sans CJK SC'") && value.endsWith(", sans-serif"),
                     qPrintable(value));
        }
        QVERIFY(count > 0);
    }
};

QTEST_MAIN(TestFigureTrust)
#include "test_figure_trust.moc"
