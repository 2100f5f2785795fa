// The dump of a whole model's run: the command line's machine-readable output for --model.
#pragma once

#include "attnviz/analysis/layer_analysis.h"
#include "attnviz/model/model_folder.h"
#include "attnviz/model/model_run.h"

#include <string>

namespace attnviz {

class ByteSink;

// Writes, as compact JSON streamed to `sink`:
// {"model": {"family", "name", "layers", "heads", "d_model", "source"}, "tokens": [display text],
//  "token_ids": [...], "token_offsets": [...], "special": [bool], "oov": [...],
//  "layers": [{"heads": [{"attention": N×N, "metrics": {entropy, …, role}}], "head_distance":
//  H×H}]}
// Layer 0 first. Metrics follow docs/metrics.md. Throws what the sink throws (InputError).
void writeModelDump(ByteSink &sink, const LoadedModel &model, const std::string &source,
                    const ModelRun &run);

// Every layer's metrics, roles and (when asked) head distances, layer 0 first: what the dump
// writes and `--metrics` prints.
std::vector<LayerAnalysis> analyseModelRun(const LoadedModel &model, const ModelRun &run,
                                           HeadDistances distances = HeadDistances::Compute);

// The family's model_type: "gpt2", "bert", "distilbert", "attnviz" or "module".
std::string familyName(ModelFamily family);

} // namespace attnviz
