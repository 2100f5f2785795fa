#include "metrics_json.h"

namespace attnviz {

void writeHeadMetrics(JsonWriter &json, const HeadAnalysis &head) {
    json.beginObject();
    for (const MetricInfo &info : metricInfos()) {
        json.key(info.key);
        if (const auto value = head.metrics.value(info.metric))
            json.value(static_cast<float>(*value));
        else
            json.null();
    }
    json.key("role");
    json.value(roleKey(head.role.role));
    json.endObject();
}

} // namespace attnviz
