// Builders from a checkpoint's config and tensors to a Model, one per model_type, each following
// its reference implementation (transformers' modeling_gpt2.py, modeling_bert.py,
// modeling_distilbert.py; attnviz's training/train.py).
#pragma once

#include "attnviz/model/model.h"

#include <string>

namespace attnviz {

class ConfigReader;
class SafetensorsFile;

// Upper bounds on what a config may declare, so a hostile config cannot ask for absurd sizes.
struct ModelLimits {
    static constexpr int maxLayers = 128;
    static constexpr int maxHeads = 256;
    static constexpr int maxWidth = 16384;
    static constexpr int maxMlpWidth = 65536;
    static constexpr int maxVocab = 1'000'000;
    static constexpr int maxPositions = 65536;
};

Model buildGpt2(const ConfigReader &config, const SafetensorsFile &weights,
                const std::string &fileName);
Model buildBert(const ConfigReader &config, const SafetensorsFile &weights,
                const std::string &fileName);
Model buildDistilBert(const ConfigReader &config, const SafetensorsFile &weights,
                      const std::string &fileName);
Model buildAttnviz(const ConfigReader &config, const SafetensorsFile &weights,
                   const std::string &fileName);

} // namespace attnviz
