// Tokenizer rows: scripts, punctuation, emoji, marks, and every way a sentence can be refused.
#include <attnviz/error.h>
#include <attnviz/tokenizer.h>

#include <QTest>

using namespace attnviz;

namespace {

QStringList texts(const std::vector<Token> &tokens) {
    QStringList list;
    for (const Token &t : tokens)
        list << QString::fromStdString(t.text);
    return list;
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT
private slots:
    void tokens_data() {
        QTest::addColumn<QByteArray>("sentence");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("english punctuation contractions")
            << QByteArray("Don't stop, it's fine!") << "words"
            << QStringList{"Don't", "stop", ",", "it's", "fine", "!"};
        QTest::newRow("english sentence")
            << QByteArray("The cat sat on the mat.") << "words"
            << QStringList{"The", "cat", "sat", "on", "the", "mat", "."};
        QTest::newRow("chinese dictionary segmentation")
            << QByteArray("多头注意力让模型") << "words"
            << QStringList{"多头", "注意力", "让", "模型"};
        QTest::newRow("mixed scripts") << QByteArray("Attention 注意力 works 好") << "words"
                                       << QStringList{"Attention", "注意力", "works", "好"};
        QTest::newRow("zwj emoji is one token")
            << QByteArray("I love my 👩‍👩‍👧 family") << "words"
            << QStringList{"I", "love", "my", "👩‍👩‍👧", "family"};
        QTest::newRow("emoji with variation selector")
            << QByteArray("I ❤️ tea") << "words" << QStringList{"I", "❤️", "tea"};
        QTest::newRow("right to left hebrew")
            << QByteArray("שלום עולם") << "words" << QStringList{"שלום", "עולם"};
        QTest::newRow("right to left arabic")
            << QByteArray("مرحبا بالعالم!") << "words" << QStringList{"مرحبا", "بالعالم", "!"};
        QTest::newRow("combining marks stay in the word")
            << QByteArray("cafe\xCC\x81 noe\xCC\x88l") << "words"
            << QStringList{"cafe\u0301", "noe\u0308l"};
        QTest::newRow("chars graphemes")
            << QByteArray("e\xCC\x81t\xC3\xA9") << "chars" << QStringList{"e\u0301", "t", "é"};
        QTest::newRow("chars zwj emoji") << QByteArray("a👩‍👩‍👧b") << "chars"
                                         << QStringList{"a", "👩‍👩‍👧", "b"};
        QTest::newRow("chars chinese drops spaces")
            << QByteArray("多头 注意") << "chars" << QStringList{"多", "头", "注", "意"};
        QTest::newRow("empty") << QByteArray("") << "words" << QStringList{};
        QTest::newRow("whitespace only") << QByteArray(" \t\n\u3000 ") << "words" << QStringList{};
        QTest::newRow("whitespace only chars") << QByteArray("   \n") << "chars" << QStringList{};
        QTest::newRow("newlines and tabs separate")
            << QByteArray("one\ttwo\nthree") << "words" << QStringList{"one", "two", "three"};
    }

    void tokens() {
        QFETCH(QByteArray, sentence);
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        TokenizerOptions options;
        options.mode = parseTokenizerMode(mode.toStdString());
        const auto tokens = tokenize(sentence.toStdString(), options);
        QCOMPARE(texts(tokens), expected);
        for (const Token &t : tokens) // offsets point at the token's bytes in the sentence
            QCOMPARE(sentence.mid(static_cast<qsizetype>(t.byteOffset),
                                  static_cast<qsizetype>(t.text.size())),
                     QByteArray::fromStdString(t.text));
    }

    void invalidUtf8_data() {
        QTest::addColumn<QByteArray>("sentence");
        QTest::addColumn<QString>("offset");
        QTest::newRow("stray continuation") << QByteArray("ab\x80") << "byte offset 2";
        QTest::newRow("bad lead byte") << QByteArray("\xFFok") << "byte offset 0";
        QTest::newRow("truncated sequence") << QByteArray("猫\xE4\xBD") << "byte offset 3";
        QTest::newRow("overlong slash") << QByteArray("x\xC0\xAF") << "byte offset 1";
        QTest::newRow("surrogate") << QByteArray("ok \xED\xA0\x80") << "byte offset 3";
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << "byte offset 0";
    }

    void invalidUtf8() {
        QFETCH(QByteArray, sentence);
        QFETCH(QString, offset);
        try {
            tokenize(sentence.toStdString());
            QFAIL("invalid UTF-8 was accepted");
        } catch (const InputError &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains("not valid UTF-8") && message.contains(offset),
                     qPrintable(message));
        }
    }

    void tokenLimit() {
        TokenizerOptions options;
        options.maxTokens = 3;
        QCOMPARE(tokenize("one two three", options).size(), std::size_t(3));
        try {
            tokenize("one two three four", options);
            QFAIL("the token limit was not enforced");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("more than 3 tokens"), e.what());
        }
    }

    void defaultLimitIs512AndHugeInputFailsFast() {
        std::string huge;
        for (int i = 0; i < 200000; ++i)
            huge += "word ";
        QVERIFY_THROWS_EXCEPTION(InputError, tokenize(huge));
        std::string exactly512;
        for (int i = 0; i < 512; ++i)
            exactly512 += "w ";
        QCOMPARE(tokenize(exactly512).size(), std::size_t(512));
    }

    void modeNames() {
        QVERIFY(parseTokenizerMode("chars") == TokenizerMode::Chars);
        QCOMPARE(QString::fromUtf8(toString(TokenizerMode::Words).data()), QString("words"));
        QVERIFY_THROWS_EXCEPTION(InputError, parseTokenizerMode("bpe"));
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
