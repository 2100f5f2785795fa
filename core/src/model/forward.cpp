#include "attnviz/model/trace.h"

#include "attnviz/error.h"
#include "attnviz/ops.h"

#include <cmath>
#include <exception>
#include <string>
#include <vector>

namespace attnviz {

namespace {

void requireFinite(const Eigen::MatrixXf &m, int layer, int head, const char *what) {
    if (!m.allFinite())
        throw InputError(ErrorId::ModelNotFinite,
                         {what, std::to_string(layer + 1), std::to_string(head + 1)});
}

// Scores that are −∞ only where the mask put them: anything else non-finite is overflow.
void requireFiniteScores(const Eigen::MatrixXf &scores, bool causal, int layer, int head) {
    for (Eigen::Index j = 0; j < scores.cols(); ++j)
        for (Eigen::Index i = causal ? j : 0; i < scores.rows(); ++i)
            if (!std::isfinite(scores(i, j)))
                throw InputError(ErrorId::ModelScoresOverflow,
                                 {std::to_string(layer + 1), std::to_string(head + 1)});
}

// The "no √dk scaling" variant of one head of a module's result: its scores are Q·Kᵀ itself, and
// the concatenation and output follow from its new weights; every other head is left as it was.
void recomputeUnscaled(AttentionResult &result, const AttentionWeights &weights, bool causal,
                       int h) {
    HeadResult &head = result.heads[static_cast<std::size_t>(h)];
    Eigen::MatrixXf scores(head.q.rows(), head.k.rows());
    scores.noalias() = head.q * head.k.transpose();
    if (causal)
        ops::applyCausalMask(scores);
    requireFiniteScores(scores, causal, 0, h);
    head.weights = softmaxRows(scores);
    head.scores = std::move(scores);
    head.output.noalias() = head.weights * head.v;
    if (!weights.out) { // the seed's Self_Attention: the head's output is the module's
        result.concat = head.output;
        result.output = head.output;
        return;
    }
    result.concat.middleCols(static_cast<Eigen::Index>(h) * weights.dv, weights.dv) = head.output;
    result.output = ops::linear(result.concat, *weights.out);
}

// The seed's modules, through their own forward, so their numbers stay bit-identical.
Trace runModule(const Model &model, const Eigen::MatrixXf &x, const TraceRequest &request) {
    const Block &block = model.blocks.front();
    Trace trace;
    trace.input = x;
    LayerTrace layer;
    layer.input = x;
    layer.attention = attentionForward(x, block.attention, model.spec.causal);
    for (int h = 0; h < block.attention.heads; ++h) {
        const HeadResult &head = layer.attention.heads[static_cast<std::size_t>(h)];
        requireFiniteScores(head.scores, model.spec.causal, 0, h);
        requireFinite(head.weights, 0, h, "attention weights");
    }
    const bool wantSteps =
        request.layer == 0 && request.head >= 0 && request.head < block.attention.heads;
    if (wantSteps && request.unscaled)
        recomputeUnscaled(layer.attention, block.attention, model.spec.causal, request.head);
    requireFinite(layer.attention.output, 0, 0, "outputs");
    if (wantSteps) {
        const HeadResult &head = layer.attention.heads[static_cast<std::size_t>(request.head)];
        HeadSteps steps;
        steps.layer = 0;
        steps.head = request.head;
        steps.x = x;
        steps.q = head.q;
        steps.k = head.k;
        steps.v = head.v;
        steps.rawScores.noalias() = head.q * head.k.transpose();
        // The module's own scaling (the seed's Self_Attention multiplies by dk^−½, its
        // MultiHeadAttention divides by √dk) on the kept product; masked cells then take −∞.
        const auto dk = static_cast<float>(block.attention.dk);
        if (request.unscaled)
            steps.scaledScores = steps.rawScores;
        else
            steps.scaledScores = block.attention.out
                                     ? Eigen::MatrixXf(steps.rawScores / std::sqrt(dk))
                                     : Eigen::MatrixXf(steps.rawScores * (1.0f / std::sqrt(dk)));
        steps.maskedScores = head.scores;
        steps.probabilities = head.weights;
        steps.headOutput = head.output;
        steps.concat = layer.attention.concat;
        steps.output = layer.attention.output;
        trace.steps = std::move(steps);
    }
    trace.output = layer.attention.output;
    trace.layers.push_back(std::move(layer));
    return trace;
}

// Multi-head attention of one block over its (normalised) input a [N × d_model].
AttentionResult blockAttention(const Model &model, const Block &block, const Eigen::MatrixXf &a,
                               int layerIndex, const TraceRequest &request,
                               std::optional<HeadSteps> &steps) {
    const AttentionWeights &w = block.attention;
    const bool causal = model.spec.causal;
    const Eigen::Index n = a.rows();
    const Eigen::MatrixXf q = ops::linear(a, w.q);
    const Eigen::MatrixXf k = ops::linear(a, w.k);
    const Eigen::MatrixXf v = ops::linear(a, w.v);
    const float root = std::sqrt(static_cast<float>(w.dk));

    AttentionResult result;
    result.heads.resize(static_cast<std::size_t>(w.heads));
    result.concat.resize(n, static_cast<Eigen::Index>(w.heads) * w.dv);
    // Each head writes only its own HeadResult, its columns of concat and (one head) the steps.
    const auto runHead = [&](int h) {
        const bool keepSteps = layerIndex == request.layer && h == request.head;
        HeadResult &head = result.heads[static_cast<std::size_t>(h)];
        const bool scaled = !(keepSteps && request.unscaled);
        Eigen::MatrixXf qh = q.middleCols(static_cast<Eigen::Index>(h) * w.dk, w.dk);
        if (scaled && model.spec.scaling == QueryScaling::ScaleQuery)
            qh /= root;
        const auto kh = k.middleCols(static_cast<Eigen::Index>(h) * w.dk, w.dk);
        const auto vh = v.middleCols(static_cast<Eigen::Index>(h) * w.dv, w.dv);
        Eigen::MatrixXf scores(n, n);
        scores.noalias() = qh * kh.transpose();
        if (keepSteps) {
            steps.emplace();
            steps->layer = layerIndex;
            steps->head = h;
            steps->x = a;
            steps->q = qh;
            steps->k = kh;
            steps->v = vh;
            steps->rawScores = scores;
        }
        // With "no √dk scaling", Q·Kᵀ goes to the softmax as it is.
        if (scaled && model.spec.scaling == QueryScaling::DivideScores)
            scores /= root;
        else if (scaled && model.spec.scaling == QueryScaling::MultiplyScores)
            scores *= 1.0f / root;
        if (keepSteps)
            steps->scaledScores = scores;
        if (causal)
            ops::applyCausalMask(scores);
        requireFiniteScores(scores, causal, layerIndex, h);
        head.weights = softmaxRows(scores);
        auto output = result.concat.middleCols(static_cast<Eigen::Index>(h) * w.dv, w.dv);
        output.noalias() = head.weights * vh;
        if (keepSteps) {
            steps->maskedScores = scores;
            steps->probabilities = head.weights;
            steps->headOutput = output;
        }
        if (request.keepAllHeads) {
            head.q = qh;
            head.k = kh;
            head.v = vh;
            head.scores = std::move(scores);
            head.output = output;
        }
    };
    // With more than one compute thread the heads run side by side (each head's products are too
    // small to split well); the numbers are the same either way, as each head runs alone.
    const bool parallel = ops::computeThreads() > 1 && w.heads > 1;
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(w.heads));
#pragma omp parallel for schedule(dynamic) num_threads(ops::computeThreads()) if (parallel)
    for (int h = 0; h < w.heads; ++h) {
        try {
            runHead(h);
        } catch (...) { // an exception must not leave the parallel loop
            errors[static_cast<std::size_t>(h)] = std::current_exception();
        }
    }
    for (const std::exception_ptr &error : errors) // the first head's error, as when serial
        if (error)
            std::rethrow_exception(error);
    result.output = w.out ? ops::linear(result.concat, *w.out) : result.concat;
    if (steps && steps->layer == layerIndex) {
        steps->concat = result.concat;
        steps->output = result.output;
    }
    return result;
}

Eigen::MatrixXf normed(const Eigen::MatrixXf &x, const LayerNormWeights &norm) {
    return ops::layerNorm(x, norm.weight, norm.bias, norm.eps);
}

Eigen::MatrixXf mlp(const MlpWeights &weights, const Eigen::MatrixXf &x) {
    const Eigen::MatrixXf hidden = ops::linear(x, weights.fc1);
    const Eigen::MatrixXf activated =
        weights.activation == Activation::GeluErf ? ops::geluErf(hidden) : ops::geluTanh(hidden);
    return ops::linear(activated, weights.fc2);
}

} // namespace

Trace runModel(const Model &model, const Eigen::MatrixXf &x, const TraceRequest &request) {
    if (model.blocks.empty())
        throw InputError("the model has no layers");
    if (x.cols() != model.dModel())
        throw InputError(
            "the input rows have " + std::to_string(x.cols()) +
            " values but the model expects d_model = " + std::to_string(model.dModel()));
    if (model.spec.maxPositions > 0 && x.rows() > model.spec.maxPositions)
        throw InputError(
            ErrorId::SentenceTooLongForModel,
            {std::to_string(x.rows()), model.spec.name, std::to_string(model.spec.maxPositions)});
    if (model.spec.family == ModelFamily::Module)
        return runModule(model, x, request);

    Trace trace;
    trace.input = x;
    Eigen::MatrixXf stream = x;
    for (int l = 0; l < model.layers(); ++l) {
        const Block &block = model.blocks[static_cast<std::size_t>(l)];
        LayerTrace layer;
        layer.input = stream;
        const bool pre = model.spec.norm == NormPlacement::Pre;
        const Eigen::MatrixXf attentionInput =
            pre && block.norm1 ? normed(stream, *block.norm1) : stream;
        layer.attention = blockAttention(model, block, attentionInput, l, request, trace.steps);
        requireFinite(layer.attention.output, l, 0, "attention outputs");
        if (model.spec.norm == NormPlacement::Pre) {
            stream += layer.attention.output;
            if (block.mlp)
                stream += mlp(*block.mlp, block.norm2 ? normed(stream, *block.norm2) : stream);
        } else if (model.spec.norm == NormPlacement::Post) {
            stream += layer.attention.output;
            if (block.norm1)
                stream = normed(stream, *block.norm1);
            if (block.mlp) {
                stream += mlp(*block.mlp, stream);
                if (block.norm2)
                    stream = normed(stream, *block.norm2);
            }
        } else {
            stream = layer.attention.output;
        }
        trace.layers.push_back(std::move(layer));
    }
    trace.output = model.finalNorm ? normed(stream, *model.finalNorm) : stream;
    return trace;
}

} // namespace attnviz
