// attnviz's own trained models: every shipped model equals the training script's PyTorch forward,
// through the same loader and tokenizer a user's folder goes through; and their heads specialise.
#include <attnviz/model/builtin_models.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>

#include <nlohmann/json.hpp>

#include <QTest>

#include <filesystem>
#include <fstream>

using namespace attnviz;

namespace {

// The training script computes in float32 from the stored (F16-rounded) weights, as attnviz
// does; one block of LayerNorm and softmax differs by a few 1e-7, so 1e-5 is ample.
constexpr float kParityTolerance = 1e-5f;

const std::string kModelsDir = ATTNVIZ_SOURCE_DIR "/resources/models";

} // namespace

class TestBuiltinModels : public QObject {
    Q_OBJECT
private slots:
    void everyShippedModelIsListed() {
        const auto models = listBuiltinModels(kModelsDir);
        QVERIFY(!models.empty());
        for (const BuiltinModelInfo &info : models) {
            QVERIFY2(info.language == "en" || info.language == "zh", info.name.c_str());
            QVERIFY(info.validationLoss > 0);
        }
    }

    void matchesTrainingForward_data() {
        QTest::addColumn<QString>("name");
        for (const auto &entry :
             std::filesystem::directory_iterator(ATTNVIZ_FIXTURE_DIR "/builtin"))
            if (entry.path().extension() == ".json")
                QTest::newRow(entry.path().stem().c_str())
                    << QString::fromStdString(entry.path().stem().string());
    }

    void matchesTrainingForward() {
        QFETCH(QString, name);
        std::ifstream in(std::string(ATTNVIZ_FIXTURE_DIR "/builtin/") + name.toStdString() +
                         ".json");
        const nlohmann::json reference = nlohmann::json::parse(in);
        const LoadedModel loaded = loadModelFolder(kModelsDir + "/" + name.toStdString());
        for (const nlohmann::json &sentence : reference.at("sentences")) {
            const ModelRun run =
                runModelOnSentence(loaded.model, sentence.at("text").get<std::string>());
            std::vector<int> ids, unknownPositions;
            std::vector<std::string> displays;
            for (const EncodedToken &t : run.tokens) {
                if (t.unknown)
                    unknownPositions.push_back(static_cast<int>(ids.size()));
                ids.push_back(t.id);
                displays.push_back(t.display);
            }
            QCOMPARE(ids, sentence.at("ids").get<std::vector<int>>());
            QCOMPARE(displays, sentence.at("tokens").get<std::vector<std::string>>());
            QCOMPARE(unknownPositions, sentence.at("oov").get<std::vector<int>>());
            float worst = 0;
            const nlohmann::json &layers = sentence.at("layers");
            for (std::size_t l = 0; l < layers.size(); ++l) {
                const nlohmann::json &heads = layers.at(l).at("heads");
                for (std::size_t h = 0; h < heads.size(); ++h) {
                    const Eigen::MatrixXf &ours = run.trace.layers[l].attention.heads[h].weights;
                    const nlohmann::json &rows = heads.at(h).at("attention");
                    for (Eigen::Index i = 0; i < ours.rows(); ++i)
                        for (Eigen::Index j = 0; j < ours.cols(); ++j)
                            worst = std::max(worst,
                                             std::abs(ours(i, j) - rows.at(i).at(j).get<float>()));
                }
            }
            QVERIFY2(worst <= kParityTolerance,
                     qPrintable(QString("largest difference %1").arg(double(worst))));
        }
    }
};

QTEST_GUILESS_MAIN(TestBuiltinModels)
#include "test_builtin_models.moc"
