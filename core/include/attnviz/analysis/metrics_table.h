// Metrics table: the per-head metrics of one or more layers as text for people (aligned
// columns) or as CSV for spreadsheets — what `--metrics` prints and the window's Copy as CSV.
#pragma once

#include "attnviz/analysis/layer_analysis.h"

#include <string>
#include <vector>

namespace attnviz {

enum class MetricsTableFormat { Text, Csv };

// The CSV header: "layer,head,role," then every metric's key in metricInfos() order.
std::string metricsCsvHeader();
// One CSV line (no newline) for a head: layer and head 1-based, the role's key, every metric
// with 9 significant digits (so a spreadsheet reads the value, not the table's rounding), an
// absent metric as an empty field.
std::string metricsCsvLine(int layer, int head, const HeadAnalysis &analysis);

// Every head of every layer, layer 0 first (layer numbers printed 1-based). Text: a header row,
// then one row per head, numbers right-aligned with 3 decimals (distance 2, in tokens), an absent
// metric as "-"; the role as its label ("Previous token"). CSV: the header and metricsCsvLine.
std::string formatMetricsTable(const std::vector<LayerAnalysis> &layers, MetricsTableFormat format);

} // namespace attnviz
