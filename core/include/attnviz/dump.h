// The JSON dump: the command line's machine-readable result (schema in the README).
#pragma once

#include "attnviz/analysis/layer_analysis.h"
#include "attnviz/pipeline.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace attnviz {

class ByteSink;

// JSON whose numbers are floats, so every value prints in the shortest form that reads back as
// the same float ("0.312", not "0.31200000643730164"). Non-finite values print as null. Used for
// the small parts of the dump (config.weights); the matrices are streamed.
using DumpJson = nlohmann::basic_json<std::map, std::vector, std::string, bool, std::int64_t,
                                      std::uint64_t, float>;

// Writes the full dump — tokens, config, input, per-head q/k/v/scores/attention/output, concat,
// output — as compact JSON text straight to `sink`, keys in alphabetical order. Nothing but a
// 64 KiB buffer is held beyond `result`, so memory stays within the configuration's estimate.
// `weights` says where the weights came from. With `analysis` (analyseLayer of this result),
// each head gets "metrics" (every metric and "role") and the top level "head_distance".
// Throws what the sink throws (InputError).
void writeDump(ByteSink &sink, const PipelineOptions &options, const PipelineResult &result,
               const DumpJson &weights = {{"source", "random"}},
               const LayerAnalysis *analysis = nullptr);

// The dump as one string (tests and small results).
std::string dumpText(const PipelineOptions &options, const PipelineResult &result,
                     const DumpJson &weights = {{"source", "random"}},
                     const LayerAnalysis *analysis = nullptr);

} // namespace attnviz
