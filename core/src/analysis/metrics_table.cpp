#include "attnviz/analysis/metrics_table.h"

#include <algorithm>
#include <cstdio>

namespace attnviz {

namespace {

std::string formatNumber(double value, const char *format) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// Role keys have no commas or quotes; the check keeps the CSV valid if one ever does.
std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

std::string metricsCsvHeader() {
    std::string header = "layer,head,role";
    for (const MetricInfo &info : metricInfos())
        header += ',' + std::string(info.key);
    return header;
}

std::string metricsCsvLine(int layer, int head, const HeadAnalysis &analysis) {
    std::string line = std::to_string(layer + 1) + ',' + std::to_string(head + 1) + ',' +
                       csvField(roleKey(analysis.role.role));
    for (const MetricInfo &info : metricInfos()) {
        line += ',';
        if (const auto value = analysis.metrics.value(info.metric))
            line += formatNumber(*value, "%.9g");
    }
    return line;
}

std::string formatMetricsTable(const std::vector<LayerAnalysis> &layers,
                               MetricsTableFormat format) {
    if (format == MetricsTableFormat::Csv) {
        std::string csv = metricsCsvHeader() + '\n';
        for (std::size_t l = 0; l < layers.size(); ++l)
            for (std::size_t h = 0; h < layers[l].heads.size(); ++h)
                csv +=
                    metricsCsvLine(static_cast<int>(l), static_cast<int>(h), layers[l].heads[h]) +
                    '\n';
        return csv;
    }
    // Text: every cell first, then each column padded to its widest cell.
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"layer", "head", "role"};
    for (const MetricInfo &info : metricInfos())
        header.emplace_back(info.key);
    rows.push_back(std::move(header));
    for (std::size_t l = 0; l < layers.size(); ++l)
        for (std::size_t h = 0; h < layers[l].heads.size(); ++h) {
            const HeadAnalysis &head = layers[l].heads[h];
            std::vector<std::string> row{std::to_string(l + 1), std::to_string(h + 1),
                                         std::string(roleLabel(head.role.role))};
            for (const MetricInfo &info : metricInfos()) {
                const auto value = head.metrics.value(info.metric);
                row.push_back(
                    !value
                        ? "-"
                        : formatNumber(*value, info.metric == Metric::Distance ? "%.2f" : "%.3f"));
            }
            rows.push_back(std::move(row));
        }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto &row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    constexpr std::size_t kRoleColumn = 2; // text: left-aligned; numbers: right-aligned
    std::string text;
    for (const auto &row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string padding(widths[c] - row[c].size(), ' ');
            if (c > 0)
                line += "  ";
            line += c == kRoleColumn ? row[c] + padding : padding + row[c];
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        text += line + '\n';
    }
    return text;
}

} // namespace attnviz
