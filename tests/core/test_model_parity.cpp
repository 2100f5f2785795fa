// GPT-2, BERT and DistilBERT folders through the core's model forward, against the plain-PyTorch
// re-implementations in tests/fixtures/make_model_fixtures.py.
#include <attnviz/error.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/trace.h>
#include <attnviz/tokenize/model_tokenizer.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace attnviz;

namespace {

// Float32 forwards through up to three blocks of LayerNorm, GELU and softmax: the largest
// difference seen against PyTorch is 1.7e-6 (DistilBERT's last hidden state; attention maps
// 1e-7); 1e-5 leaves room for another BLAS's summation order.
constexpr float kParityTolerance = 1e-5f;

std::string fixtureFolder(const QString &name) {
    return (QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/") + name).toStdString();
}

nlohmann::json expected(const QString &name) {
    std::ifstream in(fixtureFolder(name) + "/expected.json");
    return nlohmann::json::parse(in);
}

Eigen::MatrixXf toMatrix(const nlohmann::json &rows) {
    Eigen::MatrixXf m(static_cast<Eigen::Index>(rows.size()),
                      static_cast<Eigen::Index>(rows.at(0).size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            m(i, j) =
                rows.at(static_cast<std::size_t>(i)).at(static_cast<std::size_t>(j)).get<float>();
    return m;
}

float largestDifference(const Eigen::MatrixXf &a, const Eigen::MatrixXf &b) {
    return (a - b).cwiseAbs().maxCoeff();
}

} // namespace

class TestModelParity : public QObject {
    Q_OBJECT
private slots:
    void matchesPyTorch_data() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("gpt2, no prefix, mask buffers") << "gpt2_plain";
        QTest::newRow("gpt2, transformer. prefix, F16") << "gpt2_prefixed_f16";
        QTest::newRow("bert, gamma/beta, pooler and cls") << "bert";
        QTest::newRow("bert, BF16") << "bert_bf16";
        QTest::newRow("distilbert, vocab_* heads") << "distilbert";
    }

    void matchesPyTorch() {
        QFETCH(QString, folder);
        const LoadedModel loaded = loadModelFolder(fixtureFolder(folder));
        const nlohmann::json reference = expected(folder);
        QCOMPARE(loaded.model.layers(), reference.at("layers").get<int>());
        QCOMPARE(loaded.model.heads(), reference.at("heads").get<int>());
        QCOMPARE(loaded.model.dModel(), reference.at("d_model").get<int>());
        for (const nlohmann::json &sentence : reference.at("sentences")) {
            const auto ids = sentence.at("input_ids").get<std::vector<int>>();
            std::vector<int> encoded;
            for (const EncodedToken &token :
                 loaded.model.tokenizer->encode(sentence.at("text").get<std::string>(), 512))
                encoded.push_back(token.id);
            QCOMPARE(encoded, ids); // the folder's own tokenizer gives the reference's ids
            const Trace trace = runModel(loaded.model, embedIds(loaded.model, ids));
            QCOMPARE(trace.layers.size(), reference.at("layers").get<std::size_t>());
            float worst = 0;
            for (std::size_t l = 0; l < trace.layers.size(); ++l) {
                const nlohmann::json &heads = sentence.at("layers").at(l).at("heads");
                for (std::size_t h = 0; h < heads.size(); ++h) {
                    const Eigen::MatrixXf &ours = trace.layers[l].attention.heads[h].weights;
                    worst = std::max(
                        worst, largestDifference(ours, toMatrix(heads.at(h).at("attention"))));
                }
            }
            worst = std::max(
                worst, largestDifference(trace.output, toMatrix(sentence.at("last_hidden_state"))));
            QVERIFY2(worst <= kParityTolerance,
                     qPrintable(QString("%1: largest difference %2 on '%3'")
                                    .arg(folder)
                                    .arg(double(worst))
                                    .arg(QString::fromStdString(sentence.at("text")))));
        }
    }

    void gpt2IsCausalAndRowsSumToOne() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("gpt2_plain"));
        const Trace trace =
            runModel(loaded.model, embedIds(loaded.model, {260, 263, 266, 268, 13}));
        for (const LayerTrace &layer : trace.layers)
            for (const HeadResult &head : layer.attention.heads) {
                const Eigen::MatrixXf &a = head.weights;
                for (Eigen::Index i = 0; i < a.rows(); ++i) {
                    QVERIFY(std::abs(a.row(i).sum() - 1.0f) < 1e-6f);
                    for (Eigen::Index j = i + 1; j < a.cols(); ++j)
                        QCOMPARE(a(i, j), 0.0f);
                }
            }
    }

    void secondRunIsBitIdentical() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("bert"));
        const std::vector<int> ids{2, 10, 11, 12, 3};
        const Trace a = runModel(loaded.model, embedIds(loaded.model, ids));
        const Trace b = runModel(loaded.model, embedIds(loaded.model, ids));
        for (std::size_t l = 0; l < a.layers.size(); ++l)
            for (std::size_t h = 0; h < a.layers[l].attention.heads.size(); ++h)
                QVERIFY(a.layers[l].attention.heads[h].weights ==
                        b.layers[l].attention.heads[h].weights);
    }

    void stepsAreTheForwardsOwnIntermediates() {
        const LoadedModel loaded = loadModelFolder(fixtureFolder("distilbert"));
        const std::vector<int> ids{2, 10, 11, 12, 3};
        TraceRequest request;
        request.layer = 1;
        request.head = 2;
        const Trace trace = runModel(loaded.model, embedIds(loaded.model, ids), request);
        QVERIFY(trace.steps.has_value());
        const HeadSteps &s = *trace.steps;
        QCOMPARE(s.probabilities, trace.layers[1].attention.heads[2].weights);
        QCOMPARE(s.x, trace.layers[1].input); // post-LN: attention reads the residual stream
        QCOMPARE(s.rawScores.rows(), Eigen::Index(ids.size()));
        QCOMPARE(s.headOutput.cols(), Eigen::Index(loaded.model.blocks[1].attention.dv));
    }

    void badFolders_data() {
        QTest::addColumn<QString>("configText");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown model_type") << R"({"model_type": "llama"})"
                                            << "gpt2, bert";
        QTest::newRow("not JSON") << "{"
                                  << "not valid JSON";
        QTest::newRow("zero layers")
            << R"({"model_type": "gpt2", "n_layer": 0, "n_head": 4, "n_embd": 64, "vocab_size": 10})"
            << "n_layer";
        QTest::newRow("width not divisible")
            << R"({"model_type": "gpt2", "n_layer": 1, "n_head": 5, "n_embd": 64, "vocab_size": 10})"
            << "multiple of the head count";
        QTest::newRow("tensor missing")
            << R"({"model_type": "gpt2", "n_layer": 1, "n_head": 4, "n_embd": 64, "vocab_size": 346, "n_positions": 64})"
            << "no tensor 'wte.weight'";
    }

    void badFolders() {
        QFETCH(QString, configText);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        std::ofstream(dir.filePath("config.json").toStdString()) << configText.toStdString();
        // A valid safetensors file that holds nothing the config asks for.
        const std::string header =
            "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        std::ofstream weights(dir.filePath("model.safetensors").toStdString(), std::ios::binary);
        const std::uint64_t length = header.size();
        weights.write(reinterpret_cast<const char *>(&length), 8);
        weights << header << std::string(4, '\0');
        weights.close();
        try {
            loadModelFolder(dir.path().toStdString());
            QFAIL("accepted a bad folder");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
        }
    }

    void missingFolder() {
        QVERIFY_THROWS_EXCEPTION(InputError, loadModelFolder("/nonexistent/model"));
    }
};

QTEST_GUILESS_MAIN(TestModelParity)
#include "test_model_parity.moc"
