// Figures of whole models: every layer × head on one scale (the model view), any layer's grid,
// from the renderer, the Export dialog and the files they write.
#include <attention_session.h>
#include <export_dialog.h>
#include <figure_renderer.h>

#include <attnviz/error.h>
#include <attnviz/model/model_folder.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QString fixtureModel(const char *name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/") + QString::fromLatin1(name);
}

struct Svg {
    bool wellFormed = false;
    int images = 0;
    QStringList texts;
};

Svg readSvg(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QXmlStreamReader xml(&file);
    Svg svg;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("image"))
            ++svg.images;
        else if (xml.name() == QLatin1String("text"))
            svg.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    svg.wellFormed = !xml.hasError();
    return svg;
}

} // namespace

class TestModelFigures : public QObject {
    Q_OBJECT
    AttentionSession m_session;

    // gpt2_plain: 3 layers × 4 heads, causal.
    std::shared_ptr<const SessionSnapshot> modelSnapshot(const char *name = "gpt2_plain") {
        PipelineOptions o;
        o.sentence = "The cat sat on the mat.";
        m_session.setOptions(o);
        m_session.useModel(
            std::make_shared<const LoadedModel>(loadModelFolder(fixtureModel(name).toStdString())),
            fixtureModel(name));
        m_session.waitForIdle();
        return m_session.snapshot();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void modelViewSvgHasEveryLayerAndHead() {
        const auto snapshot = modelSnapshot();
        QVERIFY(snapshot && snapshot->run);
        const int layers = static_cast<int>(snapshot->run->trace.layers.size());
        const int heads = static_cast<int>(snapshot->result.attention.heads.size());
        QCOMPARE(layers * heads, 12);
        QTemporaryDir dir;
        const QString path = dir.filePath("model.svg");
        FigureOptions options;
        options.part = FigureOptions::Part::Model;
        options.caption = true;
        FigureRenderer renderer(*snapshot, options);
        QCOMPARE(renderer.panelCount(), layers * heads);
        renderer.save(path);
        const Svg svg = readSvg(path);
        QVERIFY(svg.wellFormed);
        QCOMPARE(svg.images, layers * heads); // one lossless thumbnail per head
        for (int l = 1; l <= layers; ++l)
            QVERIFY2(svg.texts.contains(QStringLiteral("L%1").arg(l)),
                     qPrintable(svg.texts.join('|')));
        for (int h = 1; h <= heads; ++h)
            QVERIFY(svg.texts.contains(QStringLiteral("H%1").arg(h)));
        QVERIFY(renderer.caption().contains("every layer"));
        // Written through a temporary file renamed into place: nothing else is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.svg"});
    }

    void modelViewPngIsDrawnOnOneScale() {
        const auto snapshot = modelSnapshot();
        QTemporaryDir dir;
        const QString path = dir.filePath("model.png");
        FigureOptions options;
        options.part = FigureOptions::Part::Model;
        options.size = {800, 600};
        options.scale = 1.0;
        FigureRenderer(*snapshot, options).save(path);
        const QImage image(path);
        QCOMPARE(image.size(), QSize(800, 600));
        QSet<QRgb> colours;
        int masked = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                colours.insert(image.pixel(x, y));
                masked += image.pixel(x, y) == QColor(0xD8, 0xD8, 0xD8).rgb();
            }
        QVERIFY2(colours.size() > 40, "a figure, not a blank page");
        QVERIFY(masked > 100); // GPT-2 is causal: the upper triangles are drawn masked
    }

    void anyLayersGrid_data() {
        QTest::addColumn<int>("layer");
        QTest::newRow("first") << 0;
        QTest::newRow("last") << 2;
    }
    void anyLayersGrid() {
        QFETCH(int, layer);
        const auto snapshot = modelSnapshot();
        QCOMPARE(snapshot->layer, 0);
        FigureOptions options;
        options.layer = layer;
        options.caption = true;
        FigureRenderer renderer(*snapshot, options);
        QCOMPARE(renderer.panelCount(), 4);
        QVERIFY2(renderer.caption().contains(QStringLiteral("layer %1 of 3").arg(layer + 1)),
                 qPrintable(renderer.caption()));
        QTemporaryDir dir;
        const QString path = dir.filePath("layer.svg");
        renderer.save(path);
        QVERIFY(readSvg(path).texts.contains("Head 4"));
        QCOMPARE(snapshot->layer, 0); // the window's snapshot is untouched
    }

    void missingLayerIsRefusedAndWritesNothing() {
        const auto snapshot = modelSnapshot();
        FigureOptions options;
        options.layer = 3;
        try {
            FigureRenderer renderer(*snapshot, options);
            QFAIL("layer 4 of a 3-layer model was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("no layer 4"), e.what());
        }
    }

    void exportDialogOffersLayersAndTheModelView() {
        const auto snapshot = modelSnapshot();
        ExportDialog dialog(4, false, HeatmapStyle{});
        dialog.setSnapshot(snapshot);
        auto *part = dialog.findChild<QComboBox *>();
        QVERIFY(part);
        const int layerItem = part->findText("Heads of layer 3");
        QVERIFY(layerItem >= 0);
        part->setCurrentIndex(layerItem);
        QCOMPARE(dialog.options().part, FigureOptions::Part::Grid);
        QCOMPARE(dialog.options().layer, 2);
        const int modelItem = part->findText("Every layer × head (model view)");
        QVERIFY(modelItem >= 0);
        part->setCurrentIndex(modelItem);
        QCOMPARE(dialog.options().part, FigureOptions::Part::Model);
        dialog.setSnapshot(snapshot); // a second call adds nothing twice
        QCOMPARE(part->findText("Heads of layer 3", Qt::MatchExactly), layerItem);
        QCOMPARE(part->count(), 1 + 4 + 1 + 3 + 1);
        // The shown view's figure is preselected.
        dialog.selectPart(FigureOptions::Part::Grid);
        QCOMPARE(dialog.options().part, FigureOptions::Part::Grid);
        QCOMPARE(part->currentIndex(), 0);
        dialog.selectPart(FigureOptions::Part::Model);
        QCOMPARE(part->currentIndex(), modelItem);
    }
};

QTEST_MAIN(TestModelFigures)
#include "test_model_figures.moc"
