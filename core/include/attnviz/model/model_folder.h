// Model folders: config.json + model.safetensors + tokenizer files, as the Hugging Face Hub ships
// them (gpt2, bert, distilbert) and as attnviz ships its own trained models ("attnviz").
#pragma once

#include "attnviz/model/model.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace attnviz {

struct LoadedModel {
    Model model;
    std::string folder;
    std::string modelType;          // config.json's model_type
    std::vector<std::string> files; // config, weights and tokenizer files, in the order read
};

// Progress and cancellation of loadModelFolder, called on the loading thread. `progress` gets the
// bytes of tensors converted so far and the bytes of every tensor in the weights file: never
// decreasing, and ending with done == total. `cancel`, when set, is read before each tensor; once
// it is true the load stops with InputError("the load was cancelled") and returns nothing.
struct LoadControl {
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

// Reads a model folder: config, weights and tokenizer (tokenizer.json; else GPT-2's vocab.json +
// merges.txt, BERT's vocab.txt (+ tokenizer_config.json), or an attnviz model's vocab.txt). Throws
// InputError naming the file, the tensor or the config key for a missing file, an unsupported
// model_type (listing the supported ones), a missing or mis-shaped tensor, or a bad config value.
// Mask buffers and task heads (lm_head, cls.*, pooler.*, vocab_*) are ignored.
LoadedModel loadModelFolder(const std::string &folder, const LoadControl &control = {});

// The model_type values loadModelFolder reads.
const std::vector<std::string> &supportedModelTypes();

} // namespace attnviz
