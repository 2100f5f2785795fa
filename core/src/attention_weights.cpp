#include "attnviz/attention_weights.h"

#include "attnviz/error.h"
#include "attnviz/random.h"

#include <cmath>
#include <string>

namespace attnviz {

namespace {

enum class Stream : std::uint64_t {
    QWeight = 1,
    QBias,
    KWeight,
    KBias,
    VWeight,
    VBias,
    OutWeight,
    OutBias,
};

// Fills rows [head·rowsPerHead, …) of a projection from its own per-head streams.
void fillHeadRows(LinearLayer &layer, int head, int rowsPerHead, std::uint64_t seed,
                  Stream weightStream, Stream biasStream) {
    const float bound = 1.0f / std::sqrt(static_cast<float>(layer.inFeatures()));
    const auto h = static_cast<std::uint64_t>(head);
    const std::uint64_t weightKey =
        rng::streamKey(seed, static_cast<std::uint64_t>(weightStream), h);
    const std::uint64_t biasKey = rng::streamKey(seed, static_cast<std::uint64_t>(biasStream), h);
    for (int r = 0; r < rowsPerHead; ++r) {
        const int row = head * rowsPerHead + r;
        for (int c = 0; c < layer.inFeatures(); ++c)
            layer.weight(row, c) =
                bound *
                rng::symmetricUniform(weightKey, rng::cellIndex(static_cast<std::uint64_t>(r),
                                                                static_cast<std::uint64_t>(c)));
        layer.bias[row] = bound * rng::symmetricUniform(biasKey, static_cast<std::uint64_t>(r));
    }
}

LinearLayer makeLayer(int out, int in) {
    return {Eigen::MatrixXf(out, in), Eigen::VectorXf(out)};
}

bool allFinite(const LinearLayer &layer) {
    return layer.weight.allFinite() && layer.bias.allFinite();
}

std::string shape(const Eigen::MatrixXf &m) {
    return "[" + std::to_string(m.rows()) + " x " + std::to_string(m.cols()) + "]";
}

} // namespace

AttentionConfig AttentionWeights::config() const {
    AttentionConfig c;
    c.dModel = dModel;
    c.heads = heads;
    c.dk = dk;
    c.dv = dv;
    c.singleHead = !out.has_value();
    return c;
}

AttentionWeights makeRandomWeights(const AttentionConfig &config, std::uint64_t seed) {
    validate(config, 0);
    AttentionWeights w;
    w.heads = config.heads;
    w.dk = config.dk;
    w.dv = config.dv;
    w.dModel = config.dModel;
    w.q = makeLayer(config.heads * config.dk, config.dModel);
    w.k = makeLayer(config.heads * config.dk, config.dModel);
    w.v = makeLayer(config.heads * config.dv, config.dModel);
    for (int h = 0; h < config.heads; ++h) {
        fillHeadRows(w.q, h, config.dk, seed, Stream::QWeight, Stream::QBias);
        fillHeadRows(w.k, h, config.dk, seed, Stream::KWeight, Stream::KBias);
        fillHeadRows(w.v, h, config.dv, seed, Stream::VWeight, Stream::VBias);
    }
    if (config.singleHead)
        return w;

    // The out projection's in-features are all heads' values: head h owns columns h·dv … .
    LinearLayer out = makeLayer(config.dModel, config.heads * config.dv);
    const float bound = 1.0f / std::sqrt(static_cast<float>(out.inFeatures()));
    for (int h = 0; h < config.heads; ++h) {
        const std::uint64_t key = rng::streamKey(
            seed, static_cast<std::uint64_t>(Stream::OutWeight), static_cast<std::uint64_t>(h));
        for (int row = 0; row < config.dModel; ++row)
            for (int c = 0; c < config.dv; ++c)
                out.weight(row, h * config.dv + c) =
                    bound *
                    rng::symmetricUniform(key, rng::cellIndex(static_cast<std::uint64_t>(row),
                                                              static_cast<std::uint64_t>(c)));
    }
    const std::uint64_t biasKey = rng::streamKey(seed, static_cast<std::uint64_t>(Stream::OutBias));
    for (int row = 0; row < config.dModel; ++row)
        out.bias[row] = bound * rng::symmetricUniform(biasKey, static_cast<std::uint64_t>(row));
    w.out = std::move(out);
    return w;
}

void checkConsistent(const AttentionWeights &w) {
    const auto expect = [](const char *name, const LinearLayer &layer, int rows, int cols) {
        if (layer.weight.rows() != rows || layer.weight.cols() != cols)
            throw InputError(
                ErrorId::WeightsLayerShape,
                {name, shape(layer.weight), std::to_string(rows), std::to_string(cols)});
        if (layer.bias.size() != rows)
            throw InputError(ErrorId::WeightsLayerBiasLength,
                             {name, std::to_string(layer.bias.size()), std::to_string(rows)});
        if (!allFinite(layer))
            throw InputError(ErrorId::WeightsLayerNotFinite, {name});
    };
    expect("q", w.q, w.heads * w.dk, w.dModel);
    expect("k", w.k, w.heads * w.dk, w.dModel);
    expect("v", w.v, w.heads * w.dv, w.dModel);
    if (w.out)
        expect("out", *w.out, w.dModel, w.heads * w.dv);
}

} // namespace attnviz
