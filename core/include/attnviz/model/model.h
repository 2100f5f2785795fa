// Model: a Transformer as attnviz runs it — embeddings, a stack of blocks, an optional final norm.
//
// The seed's random module and a loaded single module are one-block models without norms or MLP;
// GPT-2, BERT, DistilBERT and attnviz's own trained models fill in the rest. Every front end runs a
// Model through runModel() (attnviz/model/trace.h).
#pragma once

#include "attnviz/attention_weights.h"

#include <Eigen/Core>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attnviz {

class ModelTokenizer;

enum class ModelFamily {
    Module,     // one attention module fed seeded (or table) embeddings: the seed's modules
    Attnviz,    // attnviz's own trained models (resources/models)
    Gpt2,       // model_type gpt2
    Bert,       // model_type bert
    DistilBert, // model_type distilbert
};

// Where LayerNorm sits: GPT-2 normalises before attention and MLP (pre-LN); BERT, DistilBERT and
// attnviz's models after each residual sum (post-LN); a bare module has none.
enum class NormPlacement { None, Pre, Post };
enum class Activation { GeluErf, GeluTanh };
enum class PositionalKind { None, Sinusoidal, Learned };
// How 1/√dk is applied: to the scores (the seed, GPT-2, BERT) or to q before the product
// (DistilBERT). The two differ only in rounding, but each reference is followed exactly.
enum class QueryScaling { DivideScores, ScaleQuery, MultiplyScores };

struct LayerNormWeights {
    Eigen::VectorXf weight;
    Eigen::VectorXf bias;
    float eps = 1e-5f;
};

struct MlpWeights {
    LinearLayer fc1; // [d_mlp × d_model]
    LinearLayer fc2; // [d_model × d_mlp]
    Activation activation = Activation::GeluErf;
};

// One Transformer block. With NormPlacement::Pre: x += attn(norm1(x)); x += mlp(norm2(x)).
// With Post: x = norm1(x + attn(x)); x = norm2(x + mlp(x)). Without an MLP the block is the
// attention module alone (no residual), as the seed's modules are.
struct Block {
    AttentionWeights attention;
    std::optional<LayerNormWeights> norm1, norm2;
    std::optional<MlpWeights> mlp;
};

struct ModelSpec {
    ModelFamily family = ModelFamily::Module;
    std::string name;        // "gpt2", "en-next-word-h8", "random"
    std::string description; // one line for people
    std::string language;    // "en", "zh" or empty
    std::string objective;   // "causal", "masked" or empty
    NormPlacement norm = NormPlacement::None;
    QueryScaling scaling = QueryScaling::DivideScores;
    PositionalKind positional = PositionalKind::None;
    bool causal = false;
    float embeddingScale = 1.0f; // token embeddings are multiplied by this before positions
    int maxPositions = 0;        // 0: unbounded (sinusoidal or none)
    double validationLoss = 0;   // attnviz's own models: nats per token on held-out text
    std::string unknownPiece;    // the tokenizer's unknown token ("[UNK]", "<unk>"), if any
};

struct Model {
    ModelSpec spec;
    Eigen::MatrixXf tokenEmbedding;        // [vocab × d_model]; empty for ModelFamily::Module
    Eigen::MatrixXf positionEmbedding;     // [max positions × d_model] when learned
    Eigen::RowVectorXf tokenTypeEmbedding; // BERT's token type 0, added to every row; or empty
    std::optional<LayerNormWeights> embeddingNorm; // BERT, DistilBERT
    std::vector<Block> blocks;
    std::optional<LayerNormWeights> finalNorm;       // GPT-2's ln_f
    std::shared_ptr<const ModelTokenizer> tokenizer; // null for ModelFamily::Module

    int layers() const { return static_cast<int>(blocks.size()); }
    int heads() const { return blocks.empty() ? 0 : blocks.front().attention.heads; }
    int dModel() const { return blocks.empty() ? 0 : blocks.front().attention.dModel; }
    std::uint64_t parameterCount() const;
};

// The seed's modules as a one-block model (no norms, no MLP): random or loaded attention weights.
Model makeModuleModel(AttentionWeights weights, bool causal);

// Input rows for token ids: embedding[id] · scale + positions (+ token type), then the embedding
// norm. Throws InputError for an id outside the vocabulary or more tokens than maxPositions.
Eigen::MatrixXf embedIds(const Model &model, const std::vector<int> &ids);

// Bytes runModel holds for N tokens: every layer × head's attention map, the kept intermediates
// of one layer (or of every head for a one-block model) and the activations of one block.
std::uint64_t estimateTraceBytes(const Model &model, std::size_t tokens);

} // namespace attnviz
