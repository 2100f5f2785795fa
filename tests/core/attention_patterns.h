// Hand-made attention matrices with answers that can be worked out on paper, for the analysis
// tests. Each row sums to 1 exactly (every weight is a power of two or 1/(i + 1)).
#pragma once

#include <attnviz/analysis/head_metrics.h>

#include <Eigen/Core>

#include <string>
#include <vector>

namespace attnviz::patterns {

// Every query attends to itself.
inline Eigen::MatrixXf identity(int n) {
    return Eigen::MatrixXf::Identity(n, n);
}

// Query i attends to i − 1; query 0, having no previous token, to itself.
inline Eigen::MatrixXf previousToken(int n) {
    Eigen::MatrixXf a = Eigen::MatrixXf::Zero(n, n);
    a(0, 0) = 1.0f;
    for (int i = 1; i < n; ++i)
        a(i, i - 1) = 1.0f;
    return a;
}

// Query i attends to i + 1; the last query, having no next token, to itself.
inline Eigen::MatrixXf nextToken(int n) {
    Eigen::MatrixXf a = Eigen::MatrixXf::Zero(n, n);
    for (int i = 0; i + 1 < n; ++i)
        a(i, i + 1) = 1.0f;
    a(n - 1, n - 1) = 1.0f;
    return a;
}

// Every query spreads evenly over all keys.
inline Eigen::MatrixXf uniform(int n) {
    return Eigen::MatrixXf::Constant(n, n, 1.0f / static_cast<float>(n));
}

// Every query attends to the first token.
inline Eigen::MatrixXf firstColumn(int n) {
    Eigen::MatrixXf a = Eigen::MatrixXf::Zero(n, n);
    a.col(0).setOnes();
    return a;
}

// Query i spreads evenly over keys 0 … i (the causal mask's allowed keys).
inline Eigen::MatrixXf causalUniform(int n) {
    Eigen::MatrixXf a = Eigen::MatrixXf::Zero(n, n);
    for (int i = 0; i < n; ++i)
        a.row(i).head(i + 1).setConstant(1.0f / static_cast<float>(i + 1));
    return a;
}

// Plain tokens "t0", "t1", …: no repeats, no special tokens, no punctuation.
inline std::vector<TokenFacts> plainTokens(int n) {
    std::vector<std::string> texts;
    for (int i = 0; i < n; ++i)
        texts.push_back("t" + std::to_string(i));
    return describeTokens(texts);
}

} // namespace attnviz::patterns
