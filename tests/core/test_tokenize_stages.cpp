// The tokenizer stages alone (normalizer, pre-tokenizers, byte map, BPE, WordPiece, added
// tokens), with rows in the manner of huggingface/tokenizers' own unit tests.
#include <attnviz/tokenize/added_vocabulary.h>
#include <attnviz/tokenize/bert_text.h>
#include <attnviz/tokenize/bpe_model.h>
#include <attnviz/tokenize/byte_level.h>
#include <attnviz/tokenize/wordpiece_model.h>

#include <QTest>

using namespace attnviz::tokenize;

namespace {

QString joined(const std::vector<AlignedText> &words) {
    QStringList list;
    for (const AlignedText &w : words)
        list << QString::fromStdString(toUtf8(w));
    return list.join('|');
}

QString spans(const AlignedText &text) {
    QStringList list;
    for (const AlignedChar &c : text)
        list << QString("%1-%2").arg(c.begin).arg(c.end);
    return list.join(' ');
}

QString pieces(const std::vector<ModelToken> &tokens) {
    QStringList list;
    for (const ModelToken &t : tokens)
        list << QString("%1:%2").arg(QString::fromStdString(t.piece)).arg(t.id);
    return list.join(' ');
}

} // namespace

class TestTokenizeStages : public QObject {
    Q_OBJECT
private slots:
    void bertNormalizer_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("lowercase");
        QTest::addColumn<int>("stripAccents"); // -1 unset, 0 false, 1 true
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("lowercase strips accents when unset")
            << QByteArray("Héllo ÅNGSTRÖM") << true << -1 << QByteArray("hello angstrom");
        QTest::newRow("cased keeps accents")
            << QByteArray("Héllo") << false << -1 << QByteArray("Héllo");
        QTest::newRow("accents stripped without lowercasing")
            << QByteArray("Héllo") << false << 1 << QByteArray("Hello");
        QTest::newRow("lowercase keeps accents when told")
            << QByteArray("Héllo") << true << 0 << QByteArray("héllo");
        QTest::newRow("whitespace becomes space, controls vanish")
            << QByteArray("a\tb\nc\x0b"
                          "d\xc2\x85"
                          "e\xe2\x80\x8d"
                          "f\xee\x80\x80g")
            << false << -1 << QByteArray("a b cdefg");
        QTest::newRow("nul and replacement character vanish") << QByteArray("a\0b\xef\xbf\xbd"
                                                                            "c",
                                                                            7)
                                                              << false << -1 << QByteArray("abc");
        QTest::newRow("unassigned code point kept") << QByteArray("a\xcd\xb8"
                                                                  "b")
                                                    << false << -1
                                                    << QByteArray("a\xcd\xb8"
                                                                  "b");
        QTest::newRow("cjk characters spaced")
            << QByteArray("a多头b") << false << -1 << QByteArray("a 多  头 b");
        QTest::newRow("cjk ranges as the library has them") << QByteArray("a\xf0\xab\xa0\xa0"
                                                                          "b\xf0\xab\xa4\xa0"
                                                                          "c")
                                                            << false << 0
                                                            << QByteArray("a\xf0\xab\xa0\xa0"
                                                                          "b \xf0\xab\xa4\xa0 c");
        QTest::newRow("final sigma is not special")
            << QByteArray("ΟΔΟΣ") << true << 0 << QByteArray("οδοσ");
        QTest::newRow("dotted capital i lowercases to two characters")
            << QByteArray("İ") << true << 0 << QByteArray("i\xcc\x87");
    }
    void bertNormalizer() {
        QFETCH(QByteArray, input);
        QFETCH(bool, lowercase);
        QFETCH(int, stripAccents);
        QFETCH(QByteArray, expected);
        BertNormalizerOptions options;
        options.lowercase = lowercase;
        if (stripAccents >= 0)
            options.stripAccents = stripAccents == 1;
        const auto out =
            bertNormalize(decodeAligned(std::string_view(input.data(), input.size()), 0), options);
        QCOMPARE(QByteArray::fromStdString(toUtf8(out)), expected);
    }

    void normalizedCharactersKeepTheirSpans() {
        const auto out = bertNormalize(decodeAligned("cafés 多", 10), {});
        QCOMPARE(QString::fromStdString(toUtf8(out)), QString("cafes  多 "));
        QCOMPARE(spans(out), QString("10-11 11-12 12-13 13-15 15-16 16-17 17-20 17-20 17-20"));
    }

    void bertPreTokenizer_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("words");
        QTest::newRow("punctuation isolated")
            << QByteArray("Hello, world!  x$y") << "Hello|,|world|!|x|$|y";
        QTest::newRow("unicode punctuation") << QByteArray("a—b «c» d’s") << "a|—|b|«|c|»|d|’|s";
        QTest::newRow("symbols stay in words") << QByteArray("5€ a😀b") << "5€|a😀b";
        QTest::newRow("only whitespace") << QByteArray(" \t ") << "";
    }
    void bertPreTokenizer() {
        QFETCH(QByteArray, input);
        QFETCH(QString, words);
        QCOMPARE(joined(bertPreTokenize(decodeAligned(input.toStdString(), 0))), words);
    }

    void byteMap() {
        QCOMPARE(byteToChar(' '), char32_t(0x120));  // Ġ
        QCOMPARE(byteToChar('\n'), char32_t(0x10A)); // Ċ
        QCOMPARE(byteToChar('a'), char32_t('a'));
        QCOMPARE(byteToChar(0xAD), char32_t(0x143)); // the last unprintable byte
        for (int b = 0; b < 256; ++b) {
            unsigned char back = 0;
            QVERIFY(charToByte(byteToChar(static_cast<unsigned char>(b)), back));
            QCOMPARE(int(back), b);
        }
        unsigned char unused = 0;
        QVERIFY(!charToByte(0x144, unused));
        QVERIFY(!charToByte(0x20, unused));
        QCOMPARE(decodeByteLevel("ĠcatĊ"), std::string(" cat\n"));
        QCOMPARE(decodeByteLevel("å¤ļ"), std::string("多"));
    }

    void byteLevelSplit_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("prefixSpace");
        QTest::addColumn<QString>("words");
        QTest::newRow("contractions and spaces")
            << QByteArray("It's  ok\n\nyes") << false << "It|'s|Ġ|Ġok|Ċ|Ċ|yes";
        QTest::newRow("prefix space") << QByteArray("hi there") << true << "Ġhi|Ġthere";
        QTest::newRow("no second prefix space") << QByteArray(" hi") << true << "Ġhi";
        QTest::newRow("vertical tab is whitespace after a space")
            << QByteArray("x \x0by") << false << "x|Ġ|ċ|y";
        QTest::newRow("digits and punctuation") << QByteArray("3.14!!") << false << "3|.|14|!!";
    }
    void byteLevelSplit() {
        QFETCH(QByteArray, input);
        QFETCH(bool, prefixSpace);
        QFETCH(QString, words);
        const ByteLevelPreTokenizer pre(prefixSpace, true);
        QCOMPARE(joined(pre.split(decodeAligned(input.toStdString(), 0))), words);
    }

    void bpeMergesByRank() {
        // "ab" outranks "bc": "abc" → ab + c, even though "bc" appears too.
        const BpeModel bpe({{"a", 0}, {"b", 1}, {"c", 2}, {"ab", 3}, {"bc", 4}, {"abc", 5}},
                           {{"ab", "c"}, {"a", "b"}, {"b", "c"}}, {}, "test");
        std::vector<ModelToken> out;
        bpe.tokenize(decodeAligned("abc", 0), out);
        QCOMPARE(pieces(out), QString("abc:5"));
        out.clear();
        bpe.tokenize(decodeAligned("bcab", 0), out);
        QCOMPARE(pieces(out), QString("bc:4 ab:3"));
        out.clear();
        bpe.tokenize(decodeAligned("bcab", 0), out); // from the cache
        QCOMPARE(pieces(out), QString("bc:4 ab:3"));
        QCOMPARE(out[1].firstChar, std::size_t{2});
    }

    void wordPieceGreedy() {
        const WordPieceModel wp({{"[UNK]", 0}, {"un", 1}, {"##aff", 2}, {"##able", 3}, {"u", 4}},
                                {"[UNK]", "##", 8}, "test");
        std::vector<ModelToken> out;
        wp.tokenize(decodeAligned("unaffable", 0), out); // 9 characters > 8
        QCOMPARE(pieces(out), QString("[UNK]:0"));
        out.clear();
        wp.tokenize(decodeAligned("unaff", 0), out);
        QCOMPARE(pieces(out), QString("un:1 ##aff:2"));
        out.clear();
        wp.tokenize(decodeAligned("unx", 0), out); // no piece for "x": the whole word
        QCOMPARE(pieces(out), QString("[UNK]:0"));
        QCOMPARE(out[0].endChar, std::size_t{3});
    }

    void addedTokens_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("singleWord");
        QTest::addColumn<bool>("lstrip");
        QTest::addColumn<bool>("rstrip");
        QTest::addColumn<QString>("segments");
        QTest::newRow("plain") << QByteArray("a<m>b") << false << false << false << "0-1 1-4:m 4-5";
        QTest::newRow("longest wins")
            << QByteArray("<mask>") << false << false << false << "0-6:mask";
        QTest::newRow("lstrip takes spaces")
            << QByteArray("a  <m> b") << false << true << false << "0-1 1-6:m 6-8";
        QTest::newRow("rstrip takes spaces")
            << QByteArray("a <m>  b") << false << false << true << "0-2 2-7:m 7-8";
        QTest::newRow("single word refuses inside a word")
            << QByteArray("x<m> <m>") << true << false << false << "0-5 5-8:m";
    }
    void addedTokens() {
        QFETCH(QByteArray, text);
        QFETCH(bool, singleWord);
        QFETCH(bool, lstrip);
        QFETCH(bool, rstrip);
        QFETCH(QString, segments);
        AddedToken m{"<m>", 1, singleWord, lstrip, rstrip, false, true};
        AddedToken mask{"<mask>", 2, false, false, false, false, true};
        const AddedTokenMatcher matcher({m, mask});
        QStringList list;
        for (const AddedMatch &s : matcher.split(text.toStdString()))
            list << QString("%1-%2%3").arg(s.begin).arg(s.end).arg(
                s.token < 0
                    ? QString()
                    : ":" +
                          QString::fromStdString(matcher.token(s.token).content).mid(1).chopped(1));
        QCOMPARE(list.join(' '), segments);
    }
};

QTEST_GUILESS_MAIN(TestTokenizeStages)
#include "test_tokenize_stages.moc"
