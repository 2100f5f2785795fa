// Fonts: Chinese takes the Simplified Chinese face, every script of the samples has a glyph, and
// captions keep an Arabic sentence in its own direction.
#include <attention_session.h>
#include <figure_renderer.h>
#include <fonts.h>
#include <heatmap_view.h>
#include <sample_sentences.h>

#include <QProcess>
#include <QRawFont>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

// The family of the face Qt really draws `text` with, through the whole fallback chain.
QStringList facesDrawing(const QFont &font, const QString &text) {
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QStringList faces;
    for (const QGlyphRun &run : layout.glyphRuns())
        faces << run.rawFont().familyName();
    return faces;
}

} // namespace

class TestFonts : public QObject {
    Q_OBJECT

private slots:
    void cjkFaceByScriptAndLocale_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("family");
        QTest::newRow("Chinese, English locale") << "骨直角"
                                                 << "en_US"
                                                 << "Noto Sans CJK SC";
        QTest::newRow("Chinese, mainland") << "多头注意力"
                                           << "zh_CN"
                                           << "Noto Sans CJK SC";
        QTest::newRow("Chinese, Taiwan") << "骨直角"
                                         << "zh_TW"
                                         << "Noto Sans CJK TC";
        QTest::newRow("Chinese, Hong Kong") << "骨直角"
                                            << "zh_HK"
                                            << "Noto Sans CJK HK";
        QTest::newRow("Han, Japanese locale") << "骨直角"
                                              << "ja_JP"
                                              << "Noto Sans CJK JP";
        QTest::newRow("kana") << "ひらがなと漢字"
                              << "en_US"
                              << "Noto Sans CJK JP";
        QTest::newRow("hangul") << "한국어"
                                << "zh_CN"
                                << "Noto Sans CJK KR";
    }
    void cjkFaceByScriptAndLocale() {
        QFETCH(QString, text);
        QFETCH(QString, locale);
        QFETCH(QString, family);
        QCOMPARE(cjkFamilyFor(text, QLocale(locale)), family);
        // And Qt really draws every character with that face.
        const QStringList faces = facesDrawing(fontFor(QFont(), text, QLocale(locale)), text);
        QVERIFY(!faces.isEmpty());
        for (const QString &face : faces)
            QCOMPARE(face, family);
    }

    void heatmapLabelsUseTheSimplifiedFace() {
        HeatmapView view;
        view.setTokens({"骨", "直", "角"});
        view.setMatrix(Eigen::MatrixXf::Constant(3, 3, 1.0f / 3));
        view.layoutFor(QSize(300, 300));
        QCOMPARE(facesDrawing(view.labelFont(), "骨直角"), QStringList{"Noto Sans CJK SC"});
    }

    void pdfEmbedsTheSimplifiedFace() {
        AttentionSession session;
        PipelineOptions o;
        o.sentence = "骨 直 角 多头注意力";
        session.setOptions(o);
        session.waitForIdle();
        QTemporaryDir dir;
        const QString path = dir.filePath("zh.pdf");
        FigureOptions options;
        options.caption = true;
        FigureRenderer(*session.snapshot(), options).save(path);
        QProcess pdffonts;
        pdffonts.start("pdffonts", {path});
        QVERIFY(pdffonts.waitForFinished(30000));
        const QString fonts = QString::fromUtf8(pdffonts.readAllStandardOutput());
        QVERIFY2(fonts.contains("NotoSansCJKsc-Regular"), qPrintable(fonts));
        QVERIFY2(!fonts.contains("CJKjp"), qPrintable(fonts));
    }

    // Every character of every sample sentence, and of the scripts people type, has a glyph in
    // the chain (so nothing is drawn as an empty box).
    void everyScriptHasAGlyph_data() {
        QTest::addColumn<QString>("text");
        for (const SampleSentence &sample : sampleSentences())
            QTest::newRow(qPrintable("sample: " + sample.label)) << sample.text;
        QTest::newRow("emoji") << "🤖😀👍";
        QTest::newRow("Thai") << "ภาษาไทยสวัสดี";
        QTest::newRow("Arabic") << "مرحبا بالعالم";
        QTest::newRow("Hebrew") << "שלום עולם";
        QTest::newRow("Devanagari") << "नमस्ते दुनिया";
        QTest::newRow("Greek and Cyrillic") << "αβγ Привет";
        QTest::newRow("Korean") << "안녕하세요";
    }
    void everyScriptHasAGlyph() {
        QFETCH(QString, text);
        // What Qt really draws has no missing glyph (index 0 is the empty box).
        QTextLayout layout(text, fontFor(QFont(), text));
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        for (const QGlyphRun &run : layout.glyphRuns())
            for (const quint32 glyph : run.glyphIndexes())
                QVERIFY2(glyph != 0, qPrintable("an empty box drawn with " +
                                                run.rawFont().familyName() + " in " + text));
        const QStringList families = fontFamiliesFor(QFont().family(), text);
        for (const char32_t c : text.toUcs4()) {
            if (QChar::isSpace(c) || QChar::category(c) == QChar::Other_Format)
                continue;
            QVERIFY2(fontsCover(families, c),
                     qPrintable(QStringLiteral("no font has U+%1 (%2); tried %3")
                                    .arg(quint32(c), 4, 16, QChar('0'))
                                    .arg(QString::fromUcs4(&c, 1), families.join(", "))));
        }
    }

    // An Arabic sentence inside an English caption: the caption reads left to right, the sentence
    // right to left, and neither moves the other.
    void arabicCaptionKeepsItsOrder() {
        AttentionSession session;
        PipelineOptions o;
        o.sentence = "القط جلس على الحصيرة";
        session.setOptions(o);
        session.waitForIdle();
        const QString caption = figureCaption(*session.snapshot());
        QTextLayout layout(caption, fontFor(QFont(), caption));
        layout.setTextOption(FigureRenderer::captionTextOption());
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(100000);
        layout.endLayout();
        const int sentenceStart = static_cast<int>(caption.indexOf(u'ا'));
        const int sentenceEnd = static_cast<int>(caption.indexOf(u'ة'));
        const int dash = static_cast<int>(caption.indexOf(u'—'));
        const int heads = static_cast<int>(caption.indexOf(QLatin1String("heads")));
        QVERIFY(sentenceStart > 0 && sentenceEnd > sentenceStart && dash > sentenceEnd);
        const auto x = [&](int position) { return line.cursorToX(position); };
        // The opening quote first, then the sentence, then the English parts left to right. Inside
        // the sentence (run boundaries are ambiguous): its first letter right of its last.
        QVERIFY(x(0) < x(sentenceEnd - 1));
        QVERIFY2(x(sentenceStart + 1) > x(sentenceEnd - 1),
                 "the Arabic sentence is not right to left");
        for (int i = sentenceStart + 1; i < sentenceEnd; ++i)
            QVERIFY2(x(dash) > x(i), "the caption's English moved before the sentence");
        QVERIFY(x(heads) > x(dash));
    }
};

QTEST_MAIN(TestFonts)
#include "test_fonts.moc"
