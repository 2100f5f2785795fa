#include "reference_fixture.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace attnviz::test {

namespace {

std::filesystem::path referenceDir() {
    return std::filesystem::path(ATTNVIZ_FIXTURE_DIR) / "reference";
}

LinearLayer linearFromJson(const nlohmann::json &j) {
    LinearLayer layer;
    layer.weight = matrixFromJson(j.at("weight"));
    const auto &bias = j.at("bias");
    layer.bias.resize(static_cast<Eigen::Index>(bias.size()));
    for (std::size_t i = 0; i < bias.size(); ++i)
        layer.bias[static_cast<Eigen::Index>(i)] = bias[i].get<float>();
    return layer;
}

} // namespace

std::vector<std::string> referenceFixtureNames() {
    std::vector<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(referenceDir()))
        if (entry.path().extension() == ".json")
            names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

Eigen::MatrixXf matrixFromJson(const nlohmann::json &rows) {
    const auto r = static_cast<Eigen::Index>(rows.size());
    const auto c = r == 0 ? Eigen::Index{0} : static_cast<Eigen::Index>(rows[0].size());
    Eigen::MatrixXf m(r, c);
    for (Eigen::Index i = 0; i < r; ++i)
        for (Eigen::Index j = 0; j < c; ++j)
            m(i, j) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)].get<float>();
    return m;
}

ReferenceFixture loadReferenceFixture(const std::string &name) {
    std::ifstream file(referenceDir() / (name + ".json"));
    if (!file)
        throw std::runtime_error("cannot open fixture " + name);
    const nlohmann::json j = nlohmann::json::parse(file);
    ReferenceFixture f;
    f.name = name;
    f.module = j.at("module").get<std::string>();
    f.config.dModel = j.at("d_model").get<int>();
    f.config.heads = j.at("heads").get<int>();
    f.config.dk = j.at("dk").get<int>();
    f.config.dv = j.at("dv").get<int>();
    f.config.causal = j.at("causal").get<bool>();
    f.config.singleHead = f.module == "seed_self_attention";

    const auto &w = j.at("weights");
    f.weights.heads = f.config.heads;
    f.weights.dk = f.config.dk;
    f.weights.dv = f.config.dv;
    f.weights.dModel = f.config.dModel;
    f.weights.q = linearFromJson(w.at("q"));
    f.weights.k = linearFromJson(w.at("k"));
    f.weights.v = linearFromJson(w.at("v"));
    if (w.contains("out"))
        f.weights.out = linearFromJson(w.at("out"));

    f.input = matrixFromJson(j.at("input"));
    for (const auto &head : j.at("attention"))
        f.attention.push_back(matrixFromJson(head));
    f.output = matrixFromJson(j.at("output"));
    return f;
}

float maxAbsDifference(const Eigen::MatrixXf &a, const Eigen::MatrixXf &b) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return std::numeric_limits<float>::infinity();
    if (a.size() == 0)
        return 0.0f;
    return (a - b).cwiseAbs().maxCoeff();
}

} // namespace attnviz::test
