#include "role_text.h"

namespace attnviz::ui {

QString RoleText::label(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return tr("first token (sink)");
    case HeadRole::PreviousToken:
        return tr("previous token");
    case HeadRole::NextToken:
        return tr("next token");
    case HeadRole::Self:
        return tr("self");
    case HeadRole::SameWord:
        return tr("same word");
    case HeadRole::SpecialOrPunct:
        return tr("special tokens / punctuation");
    case HeadRole::Broad:
        return tr("broad");
    case HeadRole::Mixed:
        break;
    }
    return tr("mixed");
}

QString RoleText::explanation(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return tr("Most of each query's attention goes to the first token, a resting place "
                  "when nothing else fits.");
    case HeadRole::PreviousToken:
        return tr("Most of each query's attention goes to the token just before it.");
    case HeadRole::NextToken:
        return tr("Most of each query's attention goes to the token just after it.");
    case HeadRole::Self:
        return tr("Most of each query's attention stays on the query's own token.");
    case HeadRole::SameWord:
        return tr("Most of each query's attention goes to other occurrences of the same word.");
    case HeadRole::SpecialOrPunct:
        return tr("Most of each query's attention goes to special tokens or punctuation.");
    case HeadRole::Broad:
        return tr("Attention is spread almost evenly over the keys each query may see.");
    case HeadRole::Mixed:
        break;
    }
    return tr("No single pattern takes more than half of the attention, and it is not spread "
              "evenly either.");
}

QString RoleText::metricName(Metric metric) {
    switch (metric) {
    case Metric::Entropy:
        return tr("normalised entropy");
    case Metric::Confidence:
        return tr("confidence");
    case Metric::Previous:
        return tr("previous-token share");
    case Metric::Self:
        return tr("self share");
    case Metric::Next:
        return tr("next-token share");
    case Metric::First:
        return tr("first-token share");
    case Metric::Distance:
        return tr("mean distance");
    case Metric::SameToken:
        return tr("same-word share");
    case Metric::Special:
        return tr("special-token share");
    case Metric::Punctuation:
        return tr("punctuation share");
    case Metric::Importance:
        break;
    }
    return tr("importance");
}

QString RoleText::toolTip(const HeadAnalysis &head) {
    QStringList lines{QStringLiteral("<b>%1</b>: %2")
                          .arg(label(head.role.role).toHtmlEscaped(),
                               explanation(head.role.role).toHtmlEscaped())};
    for (const RoleEvidence &e : head.role.evidence)
        lines << (e.passes ? tr("%1 %2 &gt; %3") : tr("%1 %2 ≤ %3"))
                     .arg(metricName(e.metric).toHtmlEscaped())
                     .arg(e.value, 0, 'f', 2)
                     .arg(e.threshold, 0, 'f', 2);
    const auto add = [&](Metric metric, int decimals) {
        if (const auto value = head.metrics.value(metric))
            lines << tr("%1: %2")
                         .arg(metricName(metric).toHtmlEscaped())
                         .arg(*value, 0, 'f', decimals);
    };
    add(Metric::Confidence, 2);
    add(Metric::Distance, 1);
    add(Metric::Importance, 2);
    return lines.join(QStringLiteral("<br>"));
}

QColor RoleText::color(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return {0xE6, 0x9F, 0x00}; // orange
    case HeadRole::PreviousToken:
        return {0x56, 0xB4, 0xE9}; // sky blue
    case HeadRole::NextToken:
        return {0x00, 0x9E, 0x73}; // bluish green
    case HeadRole::Self:
        return {0xF0, 0xE4, 0x42}; // yellow
    case HeadRole::SameWord:
        return {0xCC, 0x79, 0xA7}; // reddish purple
    case HeadRole::SpecialOrPunct:
        return {0xD5, 0x5E, 0x00}; // vermillion
    case HeadRole::Broad:
        return {0x99, 0x99, 0x99}; // grey
    case HeadRole::Mixed:
        break;
    }
    return {};
}

} // namespace attnviz::ui
