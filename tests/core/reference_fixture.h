// ReferenceFixture: one PyTorch reference case written by tests/fixtures/make_fixtures.py.
#pragma once

#include <attnviz/attention_weights.h>

#include <nlohmann/json.hpp>

#include <Eigen/Core>

#include <string>
#include <vector>

namespace attnviz::test {

struct ReferenceFixture {
    std::string name;
    std::string module; // seed_mha, seed_self_attention or torch_mha
    AttentionConfig config;
    AttentionWeights weights;
    Eigen::MatrixXf input;
    std::vector<Eigen::MatrixXf> attention; // one [N × N] per head
    Eigen::MatrixXf output;
};

// Names of every fixture in tests/fixtures/reference, sorted.
std::vector<std::string> referenceFixtureNames();

// Loads tests/fixtures/reference/<name>.json; throws std::runtime_error when it cannot.
ReferenceFixture loadReferenceFixture(const std::string &name);

Eigen::MatrixXf matrixFromJson(const nlohmann::json &rows);

// Largest |a − b| over all elements; infinity when the shapes differ.
float maxAbsDifference(const Eigen::MatrixXf &a, const Eigen::MatrixXf &b);

} // namespace attnviz::test
