// The one loader (loaders/): each source kind, the head-count rule's table, a bad number in a
// file refused, and the module choice.
#include <attnviz/error.h>
#include <attnviz/loaders/head_count.h>
#include <attnviz/loaders/load_model.h>
#include <attnviz/model/builtin_models.h>

#include <QTemporaryDir>
#include <QTest>

using namespace attnviz;

Q_DECLARE_METATYPE(attnviz::ErrorId)

namespace {

const std::string kSafetensors = ATTNVIZ_FIXTURE_DIR "/safetensors/";
const std::string kModels = ATTNVIZ_FIXTURE_DIR "/models/";
const std::string kBuiltins = ATTNVIZ_SOURCE_DIR "/resources/models";

ErrorId errorOf(const std::function<void()> &f) {
    try {
        f();
    } catch (const InputError &e) {
        return e.id();
    }
    return ErrorId::Count; // no error
}

// A seed MultiHeadAttention module with 12 query rows and 8 value rows over d_model 4, and
// `metadata` as its __metadata__.
std::string writeModule(const QTemporaryDir &dir,
                        const std::map<std::string, std::string> &metadata) {
    auto tensor = [](std::string name, std::uint64_t rows, std::uint64_t cols) {
        return TensorToWrite{std::move(name), {rows, cols}, std::vector<float>(rows * cols, 0.25f)};
    };
    const std::string path = dir.filePath("module.safetensors").toStdString();
    writeSafetensors(path,
                     {tensor("q_linear.weight", 12, 4), tensor("k_linear.weight", 12, 4),
                      tensor("v_linear.weight", 8, 4), tensor("out_linear.weight", 4, 8)},
                     metadata);
    return path;
}

} // namespace

class TestLoader : public QObject {
    Q_OBJECT
private slots:
    // asked / declared / divisors → heads or the error, for both ways of answering a doubt.
    void headCountRule_data() {
        QTest::addColumn<int>("queryRows");
        QTest::addColumn<int>("valueRows");
        QTest::addColumn<bool>("single");
        QTest::addColumn<int>("declared"); // 0: none
        QTest::addColumn<int>("asked");    // 0: none
        QTest::addColumn<bool>("refuse");  // the command line's way
        QTest::addColumn<int>("heads");    // 0: an error
        QTest::addColumn<ErrorId>("error");
        const ErrorId none = ErrorId::Count;
        QTest::newRow("declared") << 12 << 8 << false << 2 << 0 << true << 2 << none;
        QTest::newRow("asked, no declared") << 12 << 8 << false << 0 << 4 << true << 4 << none;
        QTest::newRow("asked = declared") << 12 << 8 << false << 4 << 4 << true << 4 << none;
        QTest::newRow("asked ≠ declared, refused")
            << 12 << 8 << false << 2 << 4 << true << 0 << ErrorId::HeadCountDisagrees;
        QTest::newRow("asked ≠ declared, asked wins")
            << 12 << 8 << false << 2 << 4 << false << 4 << none;
        QTest::newRow("asked not a divisor")
            << 12 << 8 << false << 0 << 3 << false << 0 << ErrorId::HeadCountNotDivisor;
        QTest::newRow("asked not a divisor before disagreement")
            << 12 << 8 << false << 2 << 3 << true << 0 << ErrorId::HeadCountNotDivisor;
        QTest::newRow("declared not a divisor")
            << 12 << 8 << false << 3 << 0 << true << 0 << ErrorId::HeadCountNotDivisor;
        QTest::newRow("asked zero")
            << 12 << 8 << false << 0 << -1 << false << 0 << ErrorId::HeadCountOutOfRange;
        QTest::newRow("asked above the limit")
            << 512 << 512 << false << 0 << 512 << false << 0 << ErrorId::HeadCountOutOfRange;
        QTest::newRow("unknown, several divisors")
            << 12 << 8 << false << 0 << 0 << true << 0 << ErrorId::HeadCountUnknown;
        QTest::newRow("unknown, only 1 divides") << 7 << 5 << false << 0 << 0 << true << 1 << none;
        QTest::newRow("single-head module") << 12 << 12 << true << 0 << 0 << true << 1 << none;
        QTest::newRow("single-head module, asked 1")
            << 12 << 12 << true << 0 << 1 << true << 1 << none;
        QTest::newRow("single-head module, asked 4")
            << 12 << 12 << true << 0 << 4 << false << 0 << ErrorId::HeadCountSingleHeadModule;
    }
    void headCountRule() {
        QFETCH(int, queryRows);
        QFETCH(int, valueRows);
        QFETCH(bool, single);
        QFETCH(int, declared);
        QFETCH(int, asked);
        QFETCH(bool, refuse);
        QFETCH(int, heads);
        QFETCH(ErrorId, error);
        HeadCountFacts facts;
        facts.queryRows = queryRows;
        facts.valueRows = valueRows;
        facts.singleHeadModule = single;
        if (declared)
            facts.declared = declared;
        if (asked)
            facts.asked = asked < 0 ? 0 : asked;
        const HeadCountAnswer answer =
            refuse ? HeadCountAnswer::Refuse : HeadCountAnswer::AskedWins;
        int got = 0;
        QCOMPARE(errorOf([&] { got = resolveHeadCount(facts, answer); }), error);
        QCOMPARE(got, heads);
    }

    void divisorsAndTheOffer() {
        QCOMPARE(headCountDivisors(12, 8), (std::vector<int>{1, 2, 4}));
        QCOMPARE(headCountDivisors(7, 5), (std::vector<int>{1}));
        QVERIFY(headCountDivisors(0, 8).empty());
        QCOMPARE(headCountDivisors(1024, 1024).back(), 256); // capped at ConfigLimits::maxHeads
        HeadCountFacts facts{12, 8, false, 2, std::nullopt};
        HeadCountOffer offer = offerHeadCounts(facts, 4);
        QCOMPARE(offer.choices, (std::vector<int>{1, 2, 4}));
        QCOMPARE(offer.preselected, 2); // the file's num_heads first
        QVERIFY(offer.needsAsking);
        facts.declared = 3; // not a divisor: the window's own count, when it divides
        QCOMPARE(offerHeadCounts(facts, 4).preselected, 4);
        QCOMPARE(offerHeadCounts(facts, 5).preselected, 1);
        facts.singleHeadModule = true;
        QVERIFY(!offerHeadCounts(facts, 4).needsAsking);
    }

    void badNumHeadsInTheFileIsRefused_data() {
        QTest::addColumn<QString>("numHeads");
        QTest::newRow("word") << "two";
        QTest::newRow("zero") << "0";
        QTest::newRow("negative") << "-2";
        QTest::newRow("trailing text") << "2 heads";
        QTest::newRow("above the limit") << "257";
        QTest::newRow("overflow") << "99999999999999999999";
        QTest::newRow("empty") << "";
    }
    void badNumHeadsInTheFileIsRefused() {
        QFETCH(QString, numHeads);
        QTemporaryDir dir;
        const std::string path = writeModule(dir, {{"num_heads", numHeads.toStdString()}});
        // Refused even when the heads are asked: a file with a bad number is not trusted.
        for (std::optional<int> asked : {std::optional<int>(), std::optional<int>(2)})
            QCOMPARE(errorOf([&] { loadModel(ModelSource::weightsFile(path, {}, asked)); }),
                     ErrorId::HeadCountMetadataBad);
    }

    void randomSource() {
        const AttentionConfig config{32, 4, 8, 6, true, false};
        const LoadedSource loaded = loadModel(ModelSource::random(config, 7));
        QCOMPARE(loaded.kind, ModelSource::Kind::Random);
        QVERIFY(loaded.weights && !loaded.model);
        const AttentionWeights expected = makeRandomWeights(config, 7);
        QVERIFY(loaded.weights->q.weight == expected.q.weight);
        QVERIFY(loaded.weights->out->weight == expected.out->weight);
        QCOMPARE(loaded.weights->heads, 4);
        AttentionConfig bad = config;
        bad.heads = 0;
        QCOMPARE(errorOf([&] { loadModel(ModelSource::random(bad, 7)); }),
                 ErrorId::SettingOutOfRange);
    }

    void weightsFileSource() {
        const std::string f32 = kSafetensors + "seed_mha_f32.safetensors"; // num_heads 2
        LoadedSource loaded = loadModel(ModelSource::weightsFile(f32));
        QCOMPARE(loaded.kind, ModelSource::Kind::WeightsFile);
        QVERIFY(loaded.weights && loaded.module && !loaded.model);
        QCOMPARE(loaded.weights->heads, 2);
        QCOMPARE(loaded.weights->dk * 2, loaded.module->queryRows);
        QCOMPARE(errorOf([&] { loadModel(ModelSource::weightsFile(f32, {}, 1)); }),
                 ErrorId::HeadCountDisagrees);
        loaded = loadModel(ModelSource::weightsFile(f32, {}, 1, HeadCountAnswer::AskedWins));
        QCOMPARE(loaded.weights->heads, 1);
        const std::string noHeads = kSafetensors + "torch_mha_bf16_nobias_causal.safetensors";
        QCOMPARE(errorOf([&] { loadModel(ModelSource::weightsFile(noHeads)); }),
                 ErrorId::HeadCountUnknown);
        QCOMPARE(loadModel(ModelSource::weightsFile(noHeads, {}, 8)).weights->dk, 2);
        // Module choice: two modules need a prefix; the wrong prefix names the ones found.
        const std::string two = kSafetensors + "seed_mha_bf16_prefix_causal.safetensors";
        try {
            loadModel(ModelSource::weightsFile(two, {}, 4));
            QFAIL("a file of two modules loaded without a prefix");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("--weights-prefix"), e.what());
        }
        QCOMPARE(errorOf([&] { loadModel(ModelSource::weightsFile("/nonexistent.safetensors")); }),
                 ErrorId::FileCannotOpen);
    }

    void folderAndBuiltinSources() {
        const LoadedSource folder = loadModel(ModelSource::folder(kModels + "gpt2_plain"));
        QCOMPARE(folder.kind, ModelSource::Kind::Folder);
        QVERIFY(folder.model && !folder.weights);
        QCOMPARE(folder.model->model.layers(),
                 loadModelFolder(kModels + "gpt2_plain").model.layers());
        const std::vector<BuiltinModelInfo> builtins = listBuiltinModels(kBuiltins);
        QVERIFY(!builtins.empty());
        const BuiltinModelInfo &first = builtins.front();
        const LoadedSource builtin = loadModel(ModelSource::builtin(first.name, kBuiltins));
        QCOMPARE(builtin.kind, ModelSource::Kind::Builtin);
        QCOMPARE(builtin.model->folder, first.folder);
        QCOMPARE(builtin.model->model.blocks.front().attention.heads, first.heads);
        QCOMPARE(errorOf([&] { loadModel(ModelSource::builtin("no-such-model", kBuiltins)); }),
                 ErrorId::ModelSourceUnknown);
        // A name or a folder, as the command line and sessions give them.
        QCOMPARE(ModelSource::named(first.name, kBuiltins).kind, ModelSource::Kind::Builtin);
        QCOMPARE(ModelSource::named(kModels + "bert", kBuiltins).kind, ModelSource::Kind::Folder);
        QCOMPARE(errorOf([&] { ModelSource::named("no-such-model", kBuiltins); }),
                 ErrorId::ModelSourceUnknown);
        // The folder each is read from: what a session hashes.
        QCOMPARE(modelFolder(ModelSource::named(first.name, kBuiltins)), first.folder);
        QCOMPARE(modelFolder(ModelSource::named(kModels + "bert", kBuiltins)), kModels + "bert");
        QCOMPARE(errorOf([&] { modelFolder(ModelSource::builtin("no-such-model", kBuiltins)); }),
                 ErrorId::ModelSourceUnknown);
        QCOMPARE(errorOf([&] { modelFolder(ModelSource::weightsFile("w.safetensors")); }),
                 ErrorId::ModelSourceUnknown);
    }

    void folderLoadsAreCancellable() {
        std::atomic<bool> cancel{true};
        LoadControl control;
        control.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadModel(ModelSource::folder(kModels + "gpt2_plain"), control));
    }

    void resplittingKeepsTheProjections() {
        const AttentionWeights w = makeRandomWeights(AttentionConfig{16, 2, 8, 4, false, false}, 3);
        const AttentionWeights four = resplitHeads(w, 4);
        QCOMPARE(four.heads, 4);
        QCOMPARE(four.dk, 4);
        QCOMPARE(four.dv, 2);
        QVERIFY(four.q.weight == w.q.weight);
        QCOMPARE(errorOf([&] { resplitHeads(w, 3); }), ErrorId::HeadCountNotDivisor);
        QCOMPARE(errorOf([&] { resplitHeads(w, 0); }), ErrorId::HeadCountOutOfRange);
    }
};

QTEST_GUILESS_MAIN(TestLoader)
#include "test_loader.moc"
