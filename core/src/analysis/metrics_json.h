// The "metrics" object of a head in the dumps (module and model dumps write the same keys).
#pragma once

#include "../io/json_writer.h"

#include "attnviz/analysis/layer_analysis.h"

namespace attnviz {

// {"entropy": …, …, "importance": …, "role": "previous"}: every metric in metricInfos() order,
// an absent one as null, then the role's key.
void writeHeadMetrics(JsonWriter &json, const HeadAnalysis &head);

} // namespace attnviz
