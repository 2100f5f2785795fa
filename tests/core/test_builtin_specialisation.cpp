// The article's point, measured: the shipped models' heads specialise on held-out teaching
// sentences (tests/fixtures/builtin/heldout_*.txt, none of them in the training corpora), while
// random weights of the same shape stay near uniform; and eight heads beat one at equal width.
#include <attnviz/analysis/head_metrics.h>
#include <attnviz/model/builtin_models.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>

#include <QTest>

#include <fstream>
#include <random>

using namespace attnviz;

namespace {

const std::string kModelsDir = ATTNVIZ_SOURCE_DIR "/resources/models";

// Issue 12's acceptance thresholds for every model with four or more heads.
constexpr double kMaxMeanEntropy = 0.75;
constexpr double kMinMeanHeadDistance = 0.45; // total variation, averaged over rows and pairs
constexpr double kMinBestShare = 0.35;        // previous-, self- or first-token share of one head

struct Specialisation {
    double entropy = 0, distance = 0, bestShare = 0;
};

std::vector<std::string> heldOut(const std::string &language) {
    std::ifstream in(std::string(ATTNVIZ_FIXTURE_DIR "/builtin/heldout_") + language + ".txt");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

// Mean total-variation distance between two heads' rows (rows with one allowed key left out).
double totalVariation(const Eigen::MatrixXf &a, const Eigen::MatrixXf &b) {
    double sum = 0;
    for (Eigen::Index i = 1; i < a.rows(); ++i)
        sum += 0.5 * (a.row(i) - b.row(i)).cwiseAbs().sum();
    return a.rows() > 1 ? sum / static_cast<double>(a.rows() - 1) : 0;
}

Specialisation measure(const Model &model, const std::vector<std::string> &sentences) {
    Specialisation s;
    int runs = 0, pairs = 0;
    std::vector<double> previous(model.heads()), self(model.heads()), first(model.heads());
    for (const std::string &sentence : sentences) {
        const ModelRun run = runModelOnSentence(model, sentence);
        std::vector<std::string> texts;
        for (const EncodedToken &t : run.tokens)
            texts.push_back(t.display);
        const auto facts = describeTokens(texts);
        const auto &heads = run.trace.layers[0].attention.heads;
        double entropy = 0;
        for (std::size_t h = 0; h < heads.size(); ++h) {
            const HeadMetrics m = computeHeadMetrics(heads[h].weights, facts, true);
            entropy += m.entropy.value_or(0);
            previous[h] += m.previous.value_or(0);
            self[h] += m.self.value_or(0);
            first[h] += m.first.value_or(0);
            for (std::size_t g = h + 1; g < heads.size(); ++g, ++pairs)
                s.distance += totalVariation(heads[h].weights, heads[g].weights);
        }
        s.entropy += entropy / static_cast<double>(heads.size());
        ++runs;
    }
    s.entropy /= runs;
    s.distance = pairs ? s.distance / pairs : 0;
    for (int h = 0; h < model.heads(); ++h)
        s.bestShare = std::max({s.bestShare, previous[h] / runs, self[h] / runs, first[h] / runs});
    return s;
}

// The same model with every attention weight redrawn as PyTorch's nn.Linear default would.
Model withRandomAttention(Model model) {
    std::mt19937 generator(42);
    for (Block &block : model.blocks) {
        const float bound = 1.0f / std::sqrt(static_cast<float>(block.attention.dModel));
        std::uniform_real_distribution<float> uniform(-bound, bound);
        for (LinearLayer *layer : {&block.attention.q, &block.attention.k})
            for (float &w : layer->weight.reshaped())
                w = uniform(generator);
    }
    return model;
}

} // namespace

class TestBuiltinSpecialisation : public QObject {
    Q_OBJECT
private slots:
    void headsSpecialise_data() {
        QTest::addColumn<QString>("name");
        for (const BuiltinModelInfo &info : listBuiltinModels(kModelsDir))
            if (info.heads >= 4)
                QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
    }

    void headsSpecialise() {
        QFETCH(QString, name);
        const auto models = listBuiltinModels(kModelsDir);
        const BuiltinModelInfo *info = findBuiltinModel(models, name.toStdString());
        const LoadedModel loaded = loadModelFolder(info->folder);
        const auto sentences = heldOut(info->language);
        QVERIFY(sentences.size() >= 20);
        const Specialisation trained = measure(loaded.model, sentences);
        const Specialisation random = measure(withRandomAttention(loaded.model), sentences);
        qInfo("%s: entropy %.2f (random %.2f), head distance %.2f (random %.2f), best share %.2f "
              "(random %.2f)",
              qPrintable(name), trained.entropy, random.entropy, trained.distance, random.distance,
              trained.bestShare, random.bestShare);
        QVERIFY(trained.entropy <= kMaxMeanEntropy);
        QVERIFY(trained.distance >= kMinMeanHeadDistance);
        QVERIFY(trained.bestShare >= kMinBestShare);
        // Random query and key weights in the same model miss every threshold, by a margin.
        QVERIFY(random.entropy > kMaxMeanEntropy + 0.1);
        QVERIFY(random.distance < kMinMeanHeadDistance - 0.1);
        QVERIFY(random.bestShare < kMinBestShare);
    }

    void eightHeadsBeatOneAtEqualWidth_data() {
        QTest::addColumn<QString>("family");
        QTest::newRow("English") << "en-next-word";
        QTest::newRow("Chinese") << "zh-next-char";
    }

    void eightHeadsBeatOneAtEqualWidth() {
        QFETCH(QString, family);
        const auto models = listBuiltinModels(kModelsDir);
        const BuiltinModelInfo *one = findBuiltinModel(models, family.toStdString() + "-h1");
        const BuiltinModelInfo *eight = findBuiltinModel(models, family.toStdString() + "-h8");
        QVERIFY(one && eight);
        const LoadedModel a = loadModelFolder(one->folder), b = loadModelFolder(eight->folder);
        QCOMPARE(a.model.parameterCount(), b.model.parameterCount()); // equal width
        QVERIFY(eight->validationLoss < one->validationLoss);
    }
};

QTEST_GUILESS_MAIN(TestBuiltinSpecialisation)
#include "test_builtin_specialisation.moc"
