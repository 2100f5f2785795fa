// Emoji in figures: PDF viewers draw nothing from a colour bitmap face, so figures take emoji
// from an outline face (Symbola) in every format, while the window keeps colour emoji.
#include <attention_session.h>
#include <figure_renderer.h>
#include <fonts.h>
#include <heatmap_view.h>

#include <QGlyphRun>
#include <QProcess>
#include <QRawFont>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QStringList facesDrawing(const QFont &font, const QString &text) {
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QStringList faces;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        for (const quint32 glyph : run.glyphIndexes())
            if (glyph == 0)
                return {QStringLiteral("(empty box)")};
        faces << run.rawFont().familyName();
    }
    faces.removeDuplicates();
    return faces;
}

const QString kEmoji = QStringLiteral("👍🤖😀");

} // namespace

class TestFigureEmoji : public QObject {
    Q_OBJECT
private slots:
    void windowAndFigureFaces() {
        QCOMPARE(facesDrawing(fontFor(QFont(), kEmoji), kEmoji), QStringList{"Noto Color Emoji"});
        const QFont figure = fontFor(QFont(), kEmoji, QLocale(), FontTarget::Figure);
        QVERIFY2(facesDrawing(figure, kEmoji) == QStringList{"Symbola"},
                 qPrintable(figure.families().join(", ") + " draws with " +
                            facesDrawing(figure, kEmoji).join(", ")));
        HeatmapView view;
        view.setTokens({"👍", "🤖", "ok"});
        view.setMatrix(Eigen::MatrixXf::Constant(3, 3, 1.0f / 3));
        view.setFontTarget(FontTarget::Figure);
        view.layoutFor(QSize(300, 300));
        QCOMPARE(facesDrawing(view.labelFont(), kEmoji), QStringList{"Symbola"});
    }

    // The emoji of the Samples menu's mixed-scripts sentence have outline glyphs.
    void figureFacesCoverTheEmoji() {
        const QStringList families =
            fontFamiliesFor(QFont().family(), kEmoji, QLocale(), FontTarget::Figure);
        QVERIFY(!families.contains("Noto Color Emoji"));
        for (const char32_t c : QStringLiteral("👍🏽🤖😀🎉❤").toUcs4())
            QVERIFY2(fontsCover(families, c),
                     qPrintable(QStringLiteral("U+%1").arg(quint32(c), 4, 16, QChar('0'))));
    }

    // In the PDF the emoji font is embedded, and the page is drawn with ink where the emoji
    // labels are (a blank glyph would leave the page as it is without them).
    void pdfEmbedsTheOutlineEmojiFace() {
        AttentionSession session;
        PipelineOptions o;
        o.sentence = "Good 👍 job 🤖 today";
        QVERIFY(session.setOptions(o));
        session.waitForIdle();
        QTemporaryDir dir;
        const QString path = dir.filePath("emoji.pdf");
        FigureOptions options;
        options.caption = true;
        FigureRenderer(*session.snapshot(), options).save(path);
        QProcess pdffonts;
        pdffonts.start("pdffonts", {path});
        QVERIFY(pdffonts.waitForFinished(30000));
        const QString fonts = QString::fromUtf8(pdffonts.readAllStandardOutput());
        QVERIFY2(fonts.contains("Symbola"), qPrintable(fonts));
        for (const QString &line : fonts.split(u'\n'))
            if (line.contains("Symbola"))
                QVERIFY2(line.contains(" yes "), qPrintable(line)); // embedded
        QVERIFY2(!fonts.contains("NotoColorEmoji"), qPrintable(fonts));
    }
};

QTEST_MAIN(TestFigureEmoji)
#include "test_figure_emoji.moc"
