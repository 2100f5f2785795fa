// Parity with the Hugging Face tokenizers library: GPT-2's real vocabulary and BERT-style
// WordPiece tokenizers, loaded from tokenizer.json and from legacy files, encode every hard string
// of tests/fixtures/tokenizers to the ids, pieces and offsets the library gave
// (make_tokenizer_fixtures.mjs); plus display text, limits and bad files.
#include <attnviz/error.h>
#include <attnviz/tokenize/model_tokenizer.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

using namespace attnviz;
using nlohmann::json;

namespace {

const std::string kFixtures = ATTNVIZ_FIXTURE_DIR "/tokenizers/";
const QStringList kTokenizers = {"gpt2", "bert-uncased", "bert-cased", "bert-chinese"};

json readJson(const std::string &path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

// Loaded once: tokenizer.json and the legacy files of each fixture tokenizer.
const ModelTokenizer &tokenizer(const QString &name, const QString &loader) {
    static std::map<std::string, std::unique_ptr<ModelTokenizer>> cache;
    const std::string dir = kFixtures + name.toStdString() + "/";
    const std::string key = dir + loader.toStdString();
    auto &slot = cache[key];
    if (!slot) {
        if (loader == "json")
            slot = loadTokenizerJson(dir + "tokenizer.json");
        else if (name == "gpt2")
            slot = loadGpt2VocabFiles(dir + "vocab.json", dir + "merges.txt");
        else
            slot = loadWordPieceVocabFile(dir + "vocab.txt", name == "bert-uncased"
                                                                 ? std::string()
                                                                 : dir + "tokenizer_config.json");
    }
    return *slot;
}

const json &expected(const QString &name) {
    static std::map<QString, json> cache;
    auto &slot = cache[name];
    if (slot.is_null())
        slot = readJson(kFixtures + name.toStdString() + "/expected.json");
    return slot;
}

const json &flagExpectations() {
    static const json all = readJson(kFixtures + "flags/expected.json");
    return all;
}

std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &text) {
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

QString errorOf(const std::function<void()> &action) {
    try {
        action();
    } catch (const InputError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// A small GPT-2-style tokenizer.json in the Hub's spelling of GPT-2's own file: merges as "a b"
// strings, empty prefix and suffix, <|endoftext|> marked normalized.
std::string tinyBpeJson(const std::string &merges, const std::string &extra = "") {
    return R"({"version":"1.0","added_tokens":[{"id":6,"content":"<|endoftext|>","special":true,)"
           R"("normalized":true}],)"
           R"("normalizer":null,"pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false},)"
           R"("post_processor":{"type":"ByteLevel","trim_offsets":false},"decoder":null,)"
           R"("model":{"type":"BPE","dropout":null,"unk_token":null,)"
           R"("continuing_subword_prefix":"","end_of_word_suffix":"","fuse_unk":false,)"
           R"("vocab":{"a":0,"b":1,"ab":2,"Ġ":3,"Ġab":4,"c":5,)"
           R"("<|endoftext|>":6},"merges":)" +
           merges + "}" + extra + "}";
}

} // namespace

class TestHfTokenizers : public QObject {
    Q_OBJECT
private slots:
    void parity_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("loader");
        QTest::addColumn<int>("row");
        for (const QString &name : kTokenizers)
            for (const QString loader : {"json", "legacy"}) {
                const json &cases = expected(name)["cases"];
                for (std::size_t i = 0; i < cases.size(); ++i) {
                    const std::string rowName = name.toStdString() + "/" + loader.toStdString() +
                                                "/" + cases[i]["name"].get<std::string>();
                    QTest::newRow(rowName.c_str()) << name << loader << static_cast<int>(i);
                }
            }
    }
    void parity() {
        QFETCH(QString, name);
        QFETCH(QString, loader);
        QFETCH(int, row);
        const json &c = expected(name)["cases"][static_cast<std::size_t>(row)];
        const auto tokens = tokenizer(name, loader).encode(c["text"].get<std::string>(), 4096);
        std::vector<int> ids;
        std::vector<std::string> pieces;
        std::vector<std::vector<std::size_t>> offsets;
        std::vector<int> special;
        for (const EncodedToken &t : tokens) {
            ids.push_back(t.id);
            pieces.push_back(t.piece);
            offsets.push_back({t.byteBegin, t.byteEnd});
            special.push_back(t.special ? 1 : 0);
        }
        QCOMPARE(json(ids).dump(), c["ids"].dump());
        QCOMPARE(json(pieces).dump(), c["tokens"].dump());
        QCOMPARE(json(offsets).dump(), c["offsets"].dump());
        // The library's special-tokens mask marks what the post-processor added; `special` also
        // marks special tokens typed in the text.
        auto expectedSpecial = c["special"].get<std::vector<int>>();
        for (std::size_t i = 0; i < expectedSpecial.size() && i < pieces.size(); ++i)
            if (pieces[i] == "[MASK]" || pieces[i] == "<|endoftext|>")
                expectedSpecial[i] = 1;
        QCOMPARE(json(special).dump(), json(expectedSpecial).dump());
    }

    // Small hand-written files (flags/) for the flags GPT-2 and BERT files use less.
    void flagParity_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("row");
        const json &all = flagExpectations();
        for (const auto &[file, cases] : all.items())
            for (std::size_t i = 0; i < cases.size(); ++i) {
                const std::string rowName = file + "/" + cases[i]["name"].get<std::string>();
                QTest::newRow(rowName.c_str())
                    << QString::fromStdString(file) << static_cast<int>(i);
            }
    }
    void flagParity() {
        QFETCH(QString, file);
        QFETCH(int, row);
        static std::map<QString, std::unique_ptr<ModelTokenizer>> loaded;
        auto &slot = loaded[file];
        if (!slot)
            slot = loadTokenizerJson(kFixtures + "flags/" + file.toStdString());
        const json &c = flagExpectations()[file.toStdString()][static_cast<std::size_t>(row)];
        std::vector<int> ids;
        std::vector<std::string> pieces;
        std::vector<std::vector<std::size_t>> offsets;
        for (const EncodedToken &t : slot->encode(c["text"].get<std::string>(), 4096)) {
            ids.push_back(t.id);
            pieces.push_back(t.piece);
            offsets.push_back({t.byteBegin, t.byteEnd});
        }
        QCOMPARE(json(ids).dump(), c["ids"].dump());
        QCOMPARE(json(pieces).dump(), c["tokens"].dump());
        QCOMPARE(json(offsets).dump(), c["offsets"].dump());
    }

    void describe_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("loader");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("description");
        QTest::newRow("gpt2 json") << "gpt2"
                                   << "json" << 50257 << "byte-level BPE, 50257 entries";
        QTest::newRow("gpt2 legacy") << "gpt2"
                                     << "legacy" << 50257 << "byte-level BPE, 50257 entries";
        QTest::newRow("bert json") << "bert-uncased"
                                   << "json" << 30522 << "WordPiece, 30522 entries";
        QTest::newRow("bert legacy") << "bert-uncased"
                                     << "legacy" << 30522 << "WordPiece, 30522 entries";
    }
    void describe() {
        QFETCH(QString, name);
        QFETCH(QString, loader);
        QFETCH(int, size);
        QFETCH(QString, description);
        QCOMPARE(tokenizer(name, loader).vocabSize(), size);
        QCOMPARE(QString::fromStdString(tokenizer(name, loader).describe()), description);
    }

    // Display text, continuation and spans: "|"-joined displays, continuation flags as 0/1.
    void display_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("sentence");
        QTest::addColumn<QString>("displays");
        QTest::addColumn<QString>("continuation");
        QTest::addColumn<QString>("spans");
        QTest::newRow("gpt2 space marks removed")
            << "gpt2" << QByteArray("The cat sat") << "The|cat|sat"
            << "000"
            << "0-3 3-7 7-11";
        QTest::newRow("gpt2 cjk split over pieces shown on the first")
            << "gpt2" << QByteArray("多头") << "多|…|头|…"
            << "0111"
            << "0-3 0-3 3-6 3-6";
        QTest::newRow("gpt2 whitespace pieces visible")
            << "gpt2" << QByteArray("a\n\nb  c") << "a|↵|↵|b|␣|c"
            << "000000"
            << "0-1 1-2 2-3 3-4 4-5 5-7";
        QTest::newRow("gpt2 special token typed")
            << "gpt2" << QByteArray("a<|endoftext|>") << "a|<|endoftext|>"
            << "00"
            << "0-1 1-14";
        QTest::newRow("gpt2 word pieces continue")
            << "gpt2" << QByteArray("Ångström") << "Å|…|ng|str|ö|m"
            << "011111"
            << "0-2 0-2 2-4 4-7 7-9 9-10";
        QTest::newRow("bert hashes removed")
            << "bert-uncased" << QByteArray("Ångström [MASK]") << "[CLS]|ang|strom|[MASK]|[SEP]"
            << "00100"
            << "0-0 0-4 4-10 11-17 0-0";
        QTest::newRow("bert cjk characters")
            << "bert-chinese" << QByteArray("注意力") << "[CLS]|注|意|力|[SEP]"
            << "00000"
            << "0-0 0-3 3-6 6-9 0-0";
    }
    void display() {
        QFETCH(QString, name);
        QFETCH(QByteArray, sentence);
        QFETCH(QString, displays);
        QFETCH(QString, continuation);
        QFETCH(QString, spans);
        const auto tokens = tokenizer(name, "json").encode(sentence.toStdString(), 64);
        QStringList shown, spanList;
        QString flags;
        for (const EncodedToken &t : tokens) {
            shown << QString::fromStdString(t.display);
            flags += t.continuation ? '1' : '0';
            spanList << QString("%1-%2").arg(t.byteBegin).arg(t.byteEnd);
        }
        QCOMPARE(shown.join('|'), displays);
        QCOMPARE(flags, continuation);
        QCOMPARE(spanList.join(' '), spans);
    }

    void specialFlags() {
        const auto gpt2 = tokenizer("gpt2", "json").encode("x<|endoftext|>", 8);
        QCOMPARE(gpt2.size(), std::size_t{2});
        QVERIFY(!gpt2[0].special);
        QVERIFY(gpt2[1].special);
        QCOMPARE(gpt2[1].id, 50256);
        const auto bert = tokenizer("bert-uncased", "legacy").encode("x", 8);
        QCOMPARE(bert.size(), std::size_t{3});
        QVERIFY(bert.front().special && bert.back().special && !bert[1].special);
        QCOMPARE(bert.front().id, 101);
        QCOMPARE(bert.back().id, 102);
    }

    void sentenceErrors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("sentence");
        QTest::addColumn<int>("maxTokens");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid utf8 gpt2")
            << "gpt2" << QByteArray("ab\xff") << 64 << "byte offset 2";
        QTest::newRow("invalid utf8 bert")
            << "bert-uncased" << QByteArray("\xc3(") << 64 << "byte offset 0";
        QTest::newRow("too many tokens gpt2")
            << "gpt2" << QByteArray("one two three four") << 3 << "more than 3 tokens";
        // [CLS] and [SEP] count: 3 words + 2 > 4.
        QTest::newRow("too many tokens bert")
            << "bert-uncased" << QByteArray("one two three") << 4
            << "more than 4 tokens (the limit is 4, with the 2 special tokens the model adds)";
        QTest::newRow("no room for the template")
            << "bert-uncased" << QByteArray("x") << 1 << "leaves no room";
        QTest::newRow("enormous sentence")
            << "gpt2" << QByteArray(2 << 20, 'a') << 64 << "the limit is 1 MiB";
    }
    void sentenceErrors() {
        QFETCH(QString, name);
        QFETCH(QByteArray, sentence);
        QFETCH(int, maxTokens);
        QFETCH(QString, message);
        const QString error = errorOf([&] {
            tokenizer(name, "json")
                .encode(sentence.toStdString(), static_cast<std::size_t>(maxTokens));
        });
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void exactlyAtTheLimit() {
        QCOMPARE(tokenizer("gpt2", "json").encode("one two three", 3).size(), std::size_t{3});
        QCOMPARE(tokenizer("bert-uncased", "json").encode("one two three", 5).size(),
                 std::size_t{5});
    }

    void olderHubSpelling() {
        QTemporaryDir dir;
        const auto path = writeFile(dir, "tokenizer.json", tinyBpeJson(R"(["a b","Ġ ab"])"));
        const auto tokens = loadTokenizerJson(path)->encode("ab ab<|endoftext|>c", 16);
        std::vector<int> ids;
        for (const EncodedToken &t : tokens)
            ids.push_back(t.id);
        QCOMPARE(json(ids).dump(), std::string("[2,4,6,5]"));
    }

    void badFiles_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{\"model\": ") << "is not valid JSON";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "the top level must be an object";
        QTest::newRow("no model") << QByteArray("{}") << "model is missing";
        QTest::newRow("unknown merge")
            << QByteArray::fromStdString(tinyBpeJson(R"(["a b","b zz"])"))
            << "merge 1 (\"b zz\") uses a token that is not in the vocabulary";
        QTest::newRow("merge without space")
            << QByteArray::fromStdString(tinyBpeJson(R"(["ab"])")) << "model.merges[0] must be";
        QTest::newRow("merge of wrong type")
            << QByteArray::fromStdString(tinyBpeJson(R"([7])")) << "model.merges[0] must be";
        QTest::newRow("vocab id of wrong type")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("vocab":{"a":"zero"},"merges":[]}})")
            << "model.vocab[\"a\"] must be a whole number";
        QTest::newRow("merge pair of three")
            << QByteArray::fromStdString(tinyBpeJson(R"([["a","b"],["a","b","c"]])"))
            << "model.merges[1] must be";
        QTest::newRow("merge of null")
            << QByteArray::fromStdString(tinyBpeJson(R"([null])")) << "model.merges[0] must be";
        QTest::newRow("vocab id an object")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("vocab":{"a":{"b":1}},"merges":[]}})")
            << "model.vocab[\"a\"] must be a whole number";
        QTest::newRow("vocab id a fraction")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("vocab":{"a":1.5},"merges":[]}})")
            << "model.vocab[\"a\"] must be a whole number";
        QTest::newRow("vocab an array")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("vocab":["a"],"merges":[]}})")
            << "model.vocab must be an object";
        QTest::newRow("truncated inside the vocab")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("vocab":{"a":1,)")
            << "is not valid JSON";
        QTest::newRow("negative id")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("vocab":{"a":-1},"merges":[]}})")
            << "model.vocab[\"a\"] must be a whole number";
        QTest::newRow("unsupported model")
            << QByteArray(R"({"pre_tokenizer":{"type":"Metaspace"},"model":{"type":"Unigram"}})")
            << "\"Metaspace\" is not supported (supported: ByteLevel, BertPreTokenizer)";
        QTest::newRow("unsupported model type")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"Unigram"}})")
            << "model.type \"Unigram\" is not supported (supported: BPE, WordPiece)";
        QTest::newRow("unsupported normalizer")
            << QByteArray(R"({"normalizer":{"type":"NFKC"},"pre_tokenizer":{"type":"ByteLevel"},)"
                          R"("model":{"type":"BPE","vocab":{"a":0},"merges":[]}})")
            << "normalizer.type \"NFKC\" is not supported (supported: BertNormalizer";
        QTest::newRow("dropout")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":{"type":"BPE",)"
                          R"("dropout":0.1,"vocab":{"a":0},"merges":[]}})")
            << "model.dropout is not supported";
        QTest::newRow("wordpiece without its unknown token")
            << QByteArray(R"({"pre_tokenizer":{"type":"BertPreTokenizer"},"model":)"
                          R"({"type":"WordPiece","vocab":{"a":0}}})")
            << "the unknown token \"[UNK]\" is not in the vocabulary";
        QTest::newRow("wordpiece with byte level")
            << QByteArray(R"({"pre_tokenizer":{"type":"ByteLevel"},"model":)"
                          R"({"type":"WordPiece","vocab":{"[UNK]":0}}})")
            << "WordPiece with pre_tokenizer ByteLevel is not supported";
        QTest::newRow("template special token undefined")
            << QByteArray(
                   R"({"pre_tokenizer":{"type":"BertPreTokenizer"},"post_processor":)"
                   R"({"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"[CLS]"}}],)"
                   R"("special_tokens":{}},"model":{"type":"WordPiece","vocab":{"[UNK]":0}}})")
            << "post_processor.special_tokens[\"[CLS]\"]";
        QTest::newRow("unsupported post processor")
            << QByteArray(
                   R"({"pre_tokenizer":{"type":"BertPreTokenizer"},"post_processor":)"
                   R"({"type":"RobertaProcessing"},"model":{"type":"WordPiece","vocab":{"[UNK]":0}}})")
            << "post_processor.type \"RobertaProcessing\" is not supported";
        QTest::newRow("added token without content")
            << QByteArray(
                   R"({"pre_tokenizer":{"type":"BertPreTokenizer"},"added_tokens":[{"id":0}],)"
                   R"("model":{"type":"WordPiece","vocab":{"[UNK]":0}}})")
            << "added_tokens[0].content is missing";
    }
    void badFiles() {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto path = writeFile(dir, "tokenizer.json", text.toStdString());
        const QString error = errorOf([&] { loadTokenizerJson(path); });
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(!error.contains('\n'), qPrintable(error));
    }

    void badPaths() {
        QTemporaryDir dir;
        QVERIFY(!errorOf([&] { loadTokenizerJson(dir.path().toStdString()); }).isEmpty());
        QVERIFY(!errorOf([&] {
                     loadTokenizerJson(dir.filePath("missing.json").toStdString());
                 }).isEmpty());
        QVERIFY(!errorOf([&] { loadTokenizerJson("/dev/zero"); }).isEmpty());
    }

    void badLegacyFiles() {
        QTemporaryDir dir;
        const auto vocab = writeFile(dir, "vocab.json", R"({"a":0,"b":1,"ab":2})");
        const auto merges = writeFile(dir, "merges.txt", "#version: 0.2\na b\nab c\n");
        QVERIFY(errorOf([&] {
                    loadGpt2VocabFiles(vocab, merges);
                }).contains("merge 1 (\"ab c\") uses a token that is not in the vocabulary"));
        const auto badLine = writeFile(dir, "bad.txt", "#version: 0.2\na b c\n");
        QVERIFY(errorOf([&] { loadGpt2VocabFiles(vocab, badLine); }).contains("line 2"));
        const auto vocabTxt = writeFile(dir, "vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\na\n");
        const auto config = writeFile(dir, "config.json", R"({"do_lower_case":"yes"})");
        QVERIFY(errorOf([&] {
                    loadWordPieceVocabFile(vocabTxt, config);
                }).contains("do_lower_case must be true or false"));
        const auto noCls = writeFile(dir, "nocls.txt", "[UNK]\na\n");
        QVERIFY(errorOf([&] { loadWordPieceVocabFile(noCls, ""); }).contains("[CLS]"));
        const auto notUtf8 = writeFile(dir, "latin1.txt", "[UNK]\ncaf\xe9\n");
        QVERIFY(errorOf([&] { loadWordPieceVocabFile(notUtf8, ""); }).contains("not valid UTF-8"));
        // Defaults without a config: lowercase.
        const auto lower = loadWordPieceVocabFile(vocabTxt, "")->encode("A", 8);
        QCOMPARE(lower.at(1).piece, std::string("a"));
    }

    // The BPE cache is shared; encoding from two threads gives the same ids as one.
    void concurrentEncodingAgrees() {
        const ModelTokenizer &gpt2 = tokenizer("gpt2", "json");
        const std::string text = expected("gpt2")["cases"][1]["text"].get<std::string>() + " " +
                                 expected("gpt2")["cases"][2]["text"].get<std::string>();
        std::vector<int> first, second;
        std::thread a([&] {
            for (int i = 0; i < 50; ++i)
                for (const auto &t : gpt2.encode(text + std::to_string(i), 256))
                    first.push_back(t.id);
        });
        std::thread b([&] {
            for (int i = 0; i < 50; ++i)
                for (const auto &t : gpt2.encode(text + std::to_string(i), 256))
                    second.push_back(t.id);
        });
        a.join();
        b.join();
        QVERIFY(!first.empty());
        QCOMPARE(first, second);
    }
};

QTEST_GUILESS_MAIN(TestHfTokenizers)
#include "test_hf_tokenizers.moc"
