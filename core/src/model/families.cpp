#include "families.h"

#include "config_reader.h"
#include "tensor_lookup.h"

#include "attnviz/error.h"

#include <string>

namespace attnviz {

namespace {

struct Sizes {
    int layers, heads, width, mlpWidth, vocab, positions;
};

std::string layerName(const char *pattern, int layer) {
    std::string name = pattern;
    name.replace(name.find('#'), 1, std::to_string(layer));
    return name;
}

void requireDivisible(const ConfigReader &config, const Sizes &s, const char *widthKey) {
    if (s.width % s.heads != 0)
        throw InputError(ErrorId::ModelWidthNotMultiple,
                         {config.json().value("model_type", std::string("model")), widthKey,
                          std::to_string(s.width), std::to_string(s.heads)});
}

AttentionWeights attentionShell(const Sizes &s) {
    AttentionWeights a;
    a.heads = s.heads;
    a.dk = s.width / s.heads;
    a.dv = a.dk;
    a.dModel = s.width;
    return a;
}

Activation activationNamed(const std::string &name, const std::string &key) {
    if (name == "gelu")
        return Activation::GeluErf;
    if (name == "gelu_new" || name == "gelu_pytorch_tanh")
        return Activation::GeluTanh;
    throw InputError(ErrorId::ModelActivationUnsupported, {key, name});
}

// Conv1D stores [in × out] and computes x · W + b; as nn.Linear that is Wᵀ.
LinearLayer conv1d(const TensorLookup &t, const std::string &name, int in, int out) {
    return {t.matrix(name + ".weight", in, out).transpose(), t.vector(name + ".bias", out)};
}

// The tensor names of one post-LN encoder layer ('#' stands for the layer number): BERT and
// DistilBERT differ only in these.
struct PostNormLayerNames {
    const char *layer, *q, *k, *v, *out, *norm1, *fc1, *fc2, *norm2;
};

constexpr PostNormLayerNames kBertLayer{
    "encoder.layer.#.",     "attention.self.query",   "attention.self.key",
    "attention.self.value", "attention.output.dense", "attention.output.LayerNorm",
    "intermediate.dense",   "output.dense",           "output.LayerNorm"};
constexpr PostNormLayerNames kDistilBertLayer{
    "transformer.layer.#.", "attention.q_lin", "attention.k_lin", "attention.v_lin",
    "attention.out_lin",    "sa_layer_norm",   "ffn.lin1",        "ffn.lin2",
    "output_layer_norm"};

Block postNormBlock(const TensorLookup &t, const PostNormLayerNames &names, int layer,
                    const Sizes &s, float eps, Activation activation) {
    const std::string p = layerName(names.layer, layer);
    Block block;
    block.attention = attentionShell(s);
    block.attention.q = t.linear(p + names.q, s.width, s.width);
    block.attention.k = t.linear(p + names.k, s.width, s.width);
    block.attention.v = t.linear(p + names.v, s.width, s.width);
    block.attention.out = t.linear(p + names.out, s.width, s.width);
    block.norm1 = t.layerNorm(p + names.norm1, s.width, eps);
    block.mlp = MlpWeights{t.linear(p + names.fc1, s.mlpWidth, s.width),
                           t.linear(p + names.fc2, s.width, s.mlpWidth), activation};
    block.norm2 = t.layerNorm(p + names.norm2, s.width, eps);
    return block;
}

} // namespace

Model buildGpt2(const ConfigReader &config, const SafetensorsFile &weights,
                const std::string &fileName) {
    Sizes s{};
    s.layers = config.integer("n_layer", 1, ModelLimits::maxLayers);
    s.heads = config.integer("n_head", 1, ModelLimits::maxHeads);
    s.width = config.integer("n_embd", 1, ModelLimits::maxWidth);
    s.mlpWidth = config.integer("n_inner", 1, ModelLimits::maxMlpWidth, 4 * s.width);
    s.vocab = config.integer("vocab_size", 1, ModelLimits::maxVocab);
    s.positions = config.integer("n_positions", 1, ModelLimits::maxPositions,
                                 config.integer("n_ctx", 1, ModelLimits::maxPositions, 1024));
    requireDivisible(config, s, "n_embd");
    if (config.flag("scale_attn_by_inverse_layer_idx", false) ||
        config.flag("reorder_and_upcast_attn", false))
        throw InputError(ErrorId::Gpt2OptionsUnsupported, {});
    const auto eps = static_cast<float>(config.number("layer_norm_epsilon", 0, 1, 1e-5));
    const Activation activation =
        activationNamed(config.text("activation_function", "gelu_new"), "activation_function");

    const TensorLookup t(weights, {"transformer."}, fileName);
    Model model;
    model.spec.family = ModelFamily::Gpt2;
    model.spec.norm = NormPlacement::Pre;
    model.spec.positional = PositionalKind::Learned;
    model.spec.causal = true;
    model.spec.objective = "causal";
    model.spec.maxPositions = s.positions;
    model.tokenEmbedding = t.matrix("wte.weight", s.vocab, s.width);
    model.positionEmbedding = t.matrix("wpe.weight", s.positions, s.width);
    for (int l = 0; l < s.layers; ++l) {
        const std::string p = "h." + std::to_string(l) + ".";
        Block block;
        block.attention = attentionShell(s);
        const LinearLayer qkv = conv1d(t, p + "attn.c_attn", s.width, 3 * s.width);
        block.attention.q = {qkv.weight.topRows(s.width), qkv.bias.head(s.width)};
        block.attention.k = {qkv.weight.middleRows(s.width, s.width),
                             qkv.bias.segment(s.width, s.width)};
        block.attention.v = {qkv.weight.bottomRows(s.width), qkv.bias.tail(s.width)};
        block.attention.out = conv1d(t, p + "attn.c_proj", s.width, s.width);
        block.norm1 = t.layerNorm(p + "ln_1", s.width, eps);
        block.norm2 = t.layerNorm(p + "ln_2", s.width, eps);
        block.mlp = MlpWeights{conv1d(t, p + "mlp.c_fc", s.width, s.mlpWidth),
                               conv1d(t, p + "mlp.c_proj", s.mlpWidth, s.width), activation};
        model.blocks.push_back(std::move(block));
    }
    model.finalNorm = t.layerNorm("ln_f", s.width, eps);
    return model;
}

Model buildBert(const ConfigReader &config, const SafetensorsFile &weights,
                const std::string &fileName) {
    Sizes s{};
    s.layers = config.integer("num_hidden_layers", 1, ModelLimits::maxLayers);
    s.heads = config.integer("num_attention_heads", 1, ModelLimits::maxHeads);
    s.width = config.integer("hidden_size", 1, ModelLimits::maxWidth);
    s.mlpWidth = config.integer("intermediate_size", 1, ModelLimits::maxMlpWidth);
    s.vocab = config.integer("vocab_size", 1, ModelLimits::maxVocab);
    s.positions = config.integer("max_position_embeddings", 1, ModelLimits::maxPositions);
    requireDivisible(config, s, "hidden_size");
    const int typeVocab = config.integer("type_vocab_size", 1, 1024, 2);
    if (const std::string kind = config.text("position_embedding_type", "absolute");
        kind != "absolute")
        throw InputError(ErrorId::BertPositionsUnsupported, {kind});
    const auto eps = static_cast<float>(config.number("layer_norm_eps", 0, 1, 1e-12));
    const Activation activation = activationNamed(config.text("hidden_act", "gelu"), "hidden_act");

    const TensorLookup t(weights, {"bert."}, fileName);
    Model model;
    model.spec.family = ModelFamily::Bert;
    model.spec.norm = NormPlacement::Post;
    model.spec.positional = PositionalKind::Learned;
    model.spec.objective = "masked";
    model.spec.maxPositions = s.positions;
    model.tokenEmbedding = t.matrix("embeddings.word_embeddings.weight", s.vocab, s.width);
    model.positionEmbedding =
        t.matrix("embeddings.position_embeddings.weight", s.positions, s.width);
    // Every token is segment 0, so only that row of the token-type table is used.
    model.tokenTypeEmbedding =
        t.matrix("embeddings.token_type_embeddings.weight", typeVocab, s.width).row(0);
    model.embeddingNorm = t.layerNorm("embeddings.LayerNorm", s.width, eps);
    for (int l = 0; l < s.layers; ++l)
        model.blocks.push_back(postNormBlock(t, kBertLayer, l, s, eps, activation));
    return model;
}

Model buildDistilBert(const ConfigReader &config, const SafetensorsFile &weights,
                      const std::string &fileName) {
    Sizes s{};
    s.layers = config.integer("n_layers", 1, ModelLimits::maxLayers);
    s.heads = config.integer("n_heads", 1, ModelLimits::maxHeads);
    s.width = config.integer("dim", 1, ModelLimits::maxWidth);
    s.mlpWidth = config.integer("hidden_dim", 1, ModelLimits::maxMlpWidth);
    s.vocab = config.integer("vocab_size", 1, ModelLimits::maxVocab);
    s.positions = config.integer("max_position_embeddings", 1, ModelLimits::maxPositions);
    requireDivisible(config, s, "dim");
    constexpr float kEps = 1e-12f; // hard-coded in modeling_distilbert.py
    const Activation activation = activationNamed(config.text("activation", "gelu"), "activation");

    const TensorLookup t(weights, {"distilbert."}, fileName);
    Model model;
    model.spec.family = ModelFamily::DistilBert;
    model.spec.norm = NormPlacement::Post;
    model.spec.scaling = QueryScaling::ScaleQuery;
    model.spec.positional = PositionalKind::Learned;
    model.spec.objective = "masked";
    model.spec.maxPositions = s.positions;
    model.tokenEmbedding = t.matrix("embeddings.word_embeddings.weight", s.vocab, s.width);
    model.positionEmbedding =
        t.matrix("embeddings.position_embeddings.weight", s.positions, s.width);
    model.embeddingNorm = t.layerNorm("embeddings.LayerNorm", s.width, kEps);
    for (int l = 0; l < s.layers; ++l)
        model.blocks.push_back(postNormBlock(t, kDistilBertLayer, l, s, kEps, activation));
    return model;
}

Model buildAttnviz(const ConfigReader &config, const SafetensorsFile &weights,
                   const std::string &fileName) {
    Sizes s{};
    s.layers = config.integer("layers", 1, ModelLimits::maxLayers);
    s.heads = config.integer("heads", 1, ModelLimits::maxHeads);
    s.width = config.integer("d_model", 1, ModelLimits::maxWidth);
    s.mlpWidth = config.integer("d_mlp", 1, ModelLimits::maxMlpWidth);
    s.vocab = config.integer("vocab_size", 1, ModelLimits::maxVocab);
    const int dk = config.integer("dk", 1, ModelLimits::maxWidth);
    const int dv = config.integer("dv", 1, ModelLimits::maxWidth);
    if (config.text("positional", "sinusoidal") != "sinusoidal" ||
        config.text("norm", "post") != "post")
        throw InputError(ErrorId::ModuleModelLayout, {});
    const auto eps = static_cast<float>(config.number("layer_norm_eps", 0, 1, 1e-5));
    const Activation activation = activationNamed(config.text("activation", "gelu"), "activation");

    const TensorLookup t(weights, {}, fileName);
    Model model;
    model.spec.family = ModelFamily::Attnviz;
    model.spec.norm = NormPlacement::Post;
    model.spec.positional = PositionalKind::Sinusoidal;
    model.spec.causal = config.flag("causal", true);
    model.spec.objective = config.text("objective", "causal");
    model.spec.language = config.text("language", "");
    model.spec.description = config.text("description", "");
    model.spec.embeddingScale = static_cast<float>(config.number("embedding_scale", 0, 1e6, 1.0));
    model.spec.maxPositions = config.integer("max_positions", 1, ModelLimits::maxPositions, 512);
    model.spec.validationLoss = config.number("validation_loss", 0, 1e6, 0);
    model.tokenEmbedding = t.matrix("embed.weight", s.vocab, s.width);
    for (int l = 0; l < s.layers; ++l) {
        const std::string p = "blocks." + std::to_string(l) + ".";
        Block block;
        AttentionWeights &a = block.attention;
        a.heads = s.heads;
        a.dk = dk;
        a.dv = dv;
        a.dModel = s.width;
        a.q = t.linear(p + "attn.q_linear", s.heads * dk, s.width);
        a.k = t.linear(p + "attn.k_linear", s.heads * dk, s.width);
        a.v = t.linear(p + "attn.v_linear", s.heads * dv, s.width);
        a.out = t.linear(p + "attn.out_linear", s.width, s.heads * dv);
        block.norm1 = t.layerNorm(p + "norm1", s.width, eps);
        block.mlp = MlpWeights{t.linear(p + "mlp.fc1", s.mlpWidth, s.width),
                               t.linear(p + "mlp.fc2", s.width, s.mlpWidth), activation};
        block.norm2 = t.layerNorm(p + "norm2", s.width, eps);
        model.blocks.push_back(std::move(block));
    }
    return model;
}

} // namespace attnviz
