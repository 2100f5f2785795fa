// The streamed dump: byte for byte what the nlohmann tree printed, written without building one.
#include <attnviz/dump.h>
#include <attnviz/error.h>
#include <attnviz/io/atomic_file.h>

#include <QTest>

#include <limits>

using namespace attnviz;

namespace {

// The dump as the first version built it: a whole nlohmann tree, then dump(). The streamed
// writer must print exactly this.
DumpJson matrixTree(const Eigen::MatrixXf &m) {
    DumpJson rows = DumpJson::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        DumpJson row = DumpJson::array();
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            row.push_back(m(i, j));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string treeDump(const PipelineOptions &options, const PipelineResult &result,
                     const DumpJson &weights) {
    const AttentionConfig &c = options.attention;
    DumpJson dump;
    dump["tokens"] = DumpJson::array();
    dump["token_offsets"] = DumpJson::array();
    for (const Token &t : result.tokens) {
        dump["tokens"].push_back(t.text);
        dump["token_offsets"].push_back(t.byteOffset);
    }
    dump["config"] = {{"d_model", c.dModel},
                      {"heads", c.heads},
                      {"dk", c.dk},
                      {"dv", c.dv},
                      {"causal", c.causal},
                      {"positional", options.positional},
                      {"seed", options.seed},
                      {"tokenizer", std::string(toString(options.tokenizer.mode))},
                      {"single_head", c.singleHead},
                      {"weights", weights}};
    dump["input"] = matrixTree(result.input);
    if (options.embeddings)
        dump["oov"] = result.outOfVocabulary;
    dump["heads"] = DumpJson::array();
    for (const HeadResult &head : result.attention.heads)
        dump["heads"].push_back({{"attention", matrixTree(head.weights)},
                                 {"scores", matrixTree(head.scores)},
                                 {"q", matrixTree(head.q)},
                                 {"k", matrixTree(head.k)},
                                 {"v", matrixTree(head.v)},
                                 {"output", matrixTree(head.output)}});
    dump["concat"] = matrixTree(result.attention.concat);
    dump["output"] = matrixTree(result.attention.output);
    return dump.dump();
}

// Fails after `budget` bytes, as a full disk does.
class FailingSink : public ByteSink {
public:
    explicit FailingSink(std::size_t budget)
        : m_budget(budget) {}
    void write(std::string_view bytes) override {
        if (bytes.size() > m_budget)
            throw InputError("writing the dump failed: No space left on device");
        m_budget -= bytes.size();
        written += bytes.size();
    }
    std::size_t written = 0;

private:
    std::size_t m_budget;
};

} // namespace

class TestDumpWriter : public QObject {
    Q_OBJECT
private slots:
    void sameBytesAsTheTree_data() {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<int>("heads");
        QTest::addColumn<QString>("tokenizer");
        QTest::newRow("English, 4 heads") << "The cat sat on the mat." << false << 4 << "words";
        QTest::newRow("causal: null scores") << "a b c d" << true << 2 << "words";
        QTest::newRow("quotes, backslash, control byte")
            << "say \"hi\" \\ now \x01 ok" << false << 1 << "chars";
        QTest::newRow("Chinese and emoji") << "多头注意力 👍🏽 ok" << true << 3 << "chars";
    }
    void sameBytesAsTheTree() {
        QFETCH(QString, sentence);
        QFETCH(bool, causal);
        QFETCH(int, heads);
        QFETCH(QString, tokenizer);
        PipelineOptions options;
        options.sentence = sentence.toStdString();
        options.tokenizer.mode = parseTokenizerMode(tokenizer.toStdString());
        options.attention.heads = heads;
        options.attention.causal = causal;
        options.seed = 7;
        const AttentionWeights weights = makeRandomWeights(options.attention, options.seed);
        const PipelineResult result = runPipeline(options, weights);
        const DumpJson source = {{"source", "file"}, {"file", "w \"1\".safetensors"}};
        const std::string streamed = dumpText(options, result, source);
        QCOMPARE(streamed, treeDump(options, result, source));
        QVERIFY(!causal || streamed.find("null") != std::string::npos);
    }

    void nonFiniteValuesAreNull() {
        PipelineOptions options;
        options.sentence = "a b";
        options.attention.causal = true;
        const AttentionWeights weights = makeRandomWeights(options.attention, 1);
        PipelineResult result = runPipeline(options, weights);
        result.input(0, 0) = std::numeric_limits<float>::quiet_NaN();
        QCOMPARE(dumpText(options, result), treeDump(options, result, {{"source", "random"}}));
    }

    // A sink that fails part-way stops the writer with the sink's message.
    void aFailingSinkStopsTheWriter() {
        PipelineOptions options;
        options.sentence = "one two three four five six seven eight nine ten eleven twelve";
        const AttentionWeights weights = makeRandomWeights(options.attention, 1);
        const PipelineResult result = runPipeline(options, weights);
        const std::size_t total = dumpText(options, result).size();
        FailingSink sink(total / 2);
        try {
            writeDump(sink, options, result);
            QFAIL("the writer went on after the sink failed");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("No space left on device"), e.what());
        }
        QVERIFY(sink.written <= total / 2);
    }
};

QTEST_GUILESS_MAIN(TestDumpWriter)
#include "test_dump_writer.moc"
