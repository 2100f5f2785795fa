// The JSON dump: the command line's machine-readable result (schema in the README).
#pragma once

#include "attnviz/pipeline.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace attnviz {

// JSON whose numbers are floats, so every value prints in the shortest form that reads back as
// the same float ("0.312", not "0.31200000643730164"). Non-finite values print as null.
using DumpJson = nlohmann::basic_json<std::map, std::vector, std::string, bool, std::int64_t,
                                      std::uint64_t, float>;

// A matrix as a list of rows.
DumpJson matrixToJson(const Eigen::MatrixXf &m);

// The full dump: tokens, config, input, per-head q/k/v/scores/attention/output, concat, output.
// `weights` says where the weights came from; by default {"source": "random"}.
DumpJson makeDump(const PipelineOptions &options, const PipelineResult &result,
                  const DumpJson &weights = {{"source", "random"}});

} // namespace attnviz
