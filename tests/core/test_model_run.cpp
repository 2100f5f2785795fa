// A sentence through a model's own tokenizer: tokens, unknown words, limits; and the vocabulary
// tokenizer of attnviz's own models.
#include <attnviz/error.h>
#include <attnviz/model/builtin_models.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>
#include <attnviz/model/vocabulary_tokenizer.h>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace attnviz;

namespace {

std::string fixtureFolder(const char *name) {
    return std::string(ATTNVIZ_FIXTURE_DIR "/models/") + name;
}

QStringList displays(const std::vector<EncodedToken> &tokens) {
    QStringList list;
    for (const EncodedToken &t : tokens)
        list << QString::fromStdString(t.display);
    return list;
}

} // namespace

class TestModelRun : public QObject {
    Q_OBJECT
private slots:
    void bertMarksUnknownWords() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("bert"));
        const ModelRun run = runModelOnSentence(loaded.model, "A zebra ran home!");
        QCOMPARE(run.tokens.size(), std::size_t(7));
        QVERIFY(run.tokens.front().special); // [CLS]
        QVERIFY(run.tokens[2].unknown);
        QCOMPARE(run.outOfVocabulary, std::vector<std::string>{"zebra"});
        QCOMPARE(run.trace.layers.size(), std::size_t(loaded.model.layers()));
        QCOMPARE(run.trace.layers[0].attention.heads[0].weights.rows(), Eigen::Index(7));
    }

    void limits_data() {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<qulonglong>("maxTokens");
        QTest::addColumn<qulonglong>("maxBytes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << "" << 512ULL << (2ULL << 30) << "no tokens";
        QTest::newRow("token limit") << "the cat sat on the mat" << 4ULL << (2ULL << 30) << "4";
        QTest::newRow("memory") << "the cat sat on the mat" << 512ULL << 1000ULL << "MiB";
        // The fixture model has 64 positions.
        QTest::newRow("positions")
            << QString("cat ").repeated(70) << 512ULL << (2ULL << 30) << "at most 64";
    }

    void limits() {
        QFETCH(QString, sentence);
        QFETCH(qulonglong, maxTokens);
        QFETCH(qulonglong, maxBytes);
        QFETCH(QString, mentions);
        const LoadedModel loaded = loadModelFolder(fixtureFolder("gpt2_plain"));
        ModelRunLimits limits;
        limits.maxTokens = maxTokens;
        limits.maxTraceBytes = maxBytes;
        try {
            runModelOnSentence(loaded.model, sentence.toStdString(), limits);
            QFAIL("accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
        }
    }

    void vocabularyTokenizerLowercasesForLookupOnly() {
        const VocabularyTokenizer tokenizer({"<unk>", "the", "cat", "."}, TokenizerMode::Words,
                                            true, "<unk>");
        const auto tokens = tokenizer.encode("The CAT sat.", 512);
        QCOMPARE(displays(tokens), (QStringList{"The", "CAT", "sat", "."}));
        QCOMPARE(tokens[0].id, 1);
        QCOMPARE(tokens[1].id, 2);
        QCOMPARE(tokens[2].id, 0);
        QVERIFY(tokens[2].unknown);
        QCOMPARE(tokens[3].byteBegin, std::size_t(11));
    }

    void vocabularyTokenizerCharacters() {
        const VocabularyTokenizer tokenizer({"<unk>", "多", "头"}, TokenizerMode::Chars, false,
                                            "<unk>");
        const auto tokens = tokenizer.encode("多头 注意", 512);
        QCOMPARE(displays(tokens), (QStringList{"多", "头", "注", "意"}));
        QCOMPARE(tokens[1].id, 2);
        QVERIFY(tokens[3].unknown);
    }

    void vocabularyFileRefusals_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no unknown entry") << QByteArray("a\nb\n") << "unknown-token";
        QTest::newRow("repeated entry") << QByteArray("<unk>\na\na\n") << "twice";
        QTest::newRow("invalid UTF-8") << QByteArray("<unk>\n\xff\n") << "UTF-8";
    }

    void vocabularyFileRefusals() {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const std::string path = dir.filePath("vocab.txt").toStdString();
        std::ofstream(path, std::ios::binary) << content.toStdString();
        try {
            VocabularyTokenizer::fromFile(path, "words", "<unk>");
            QFAIL("accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
        }
    }

    void builtinRegistryListsAttnvizFoldersOnly() {
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const std::string &config) {
            QVERIFY(QDir(dir.path()).mkpath(name));
            std::ofstream(dir.filePath(name + "/config.json").toStdString()) << config;
        };
        write("b-h8",
              R"({"model_type":"attnviz","family":"b","heads":8,"layers":1,"language":"en"})");
        write("b-h2",
              R"({"model_type":"attnviz","family":"b","heads":2,"layers":1,"language":"en"})");
        write("gpt", R"({"model_type":"gpt2"})");
        const auto models = listBuiltinModels(dir.path().toStdString());
        QCOMPARE(models.size(), std::size_t(2));
        QCOMPARE(models[0].name, std::string("b-h2")); // sorted by family, then heads
        QCOMPARE(models[1].heads, 8);
        QVERIFY(findBuiltinModel(models, "b-h8"));
        QVERIFY(!findBuiltinModel(models, "gpt"));
    }
};

QTEST_GUILESS_MAIN(TestModelRun)
#include "test_model_run.moc"
