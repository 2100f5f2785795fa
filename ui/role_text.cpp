#include "role_text.h"

namespace attnviz::ui {

QString RoleText::label(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return tr("First token (sink)");
    case HeadRole::PreviousToken:
        return tr("Previous token");
    case HeadRole::NextToken:
        return tr("Next token");
    case HeadRole::Self:
        return tr("Self");
    case HeadRole::SameWord:
        return tr("Same word");
    case HeadRole::SpecialOrPunct:
        return tr("Special tokens / punctuation");
    case HeadRole::Broad:
        return tr("Broad");
    case HeadRole::Mixed:
        break;
    }
    return tr("Mixed");
}

QString RoleText::explanation(HeadRole role) {
    switch (role) {
    case HeadRole::FirstToken:
        return tr("Most attention goes to the first token, which serves as a resting place.");
    case HeadRole::PreviousToken:
        return tr("Most attention goes to the token just before the query.");
    case HeadRole::NextToken:
        return tr("Most attention goes to the token just after the query.");
    case HeadRole::Self:
        return tr("Most attention goes to the query token itself.");
    case HeadRole::SameWord:
        return tr("Most attention goes to other occurrences of the query's own word.");
    case HeadRole::SpecialOrPunct:
        return tr("Most attention goes to special tokens or punctuation.");
    case HeadRole::Broad:
        return tr("Attention is spread almost evenly over the allowed keys.");
    case HeadRole::Mixed:
        break;
    }
    return tr("No single pattern takes more than half of the attention.");
}

QString RoleText::toolTip(const HeadAnalysis &head) {
    QStringList lines{QStringLiteral("<b>%1</b>: %2")
                          .arg(label(head.role.role).toHtmlEscaped(),
                               explanation(head.role.role).toHtmlEscaped())};
    for (const RoleEvidence &e : head.role.evidence)
        lines << (e.passes ? tr("%1 %2 &gt; %3") : tr("%1 %2 ≤ %3"))
                     .arg(MetricText::label(e.metric).toHtmlEscaped())
                     .arg(e.value, 0, 'f', 2)
                     .arg(e.threshold, 0, 'f', 2);
    const auto add = [&](Metric metric, int decimals) {
        if (const auto value = head.metrics.value(metric))
            lines << tr("%1: %2")
                         .arg(MetricText::label(metric).toHtmlEscaped())
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

QString MetricText::label(Metric metric) {
    switch (metric) {
    case Metric::Entropy:
        return tr("Entropy");
    case Metric::Confidence:
        return tr("Confidence");
    case Metric::Previous:
        return tr("Previous");
    case Metric::Self:
        return tr("Self");
    case Metric::Next:
        return tr("Next");
    case Metric::First:
        return tr("First");
    case Metric::Distance:
        return tr("Distance");
    case Metric::SameToken:
        return tr("Same token");
    case Metric::Special:
        return tr("Special");
    case Metric::Punctuation:
        return tr("Punctuation");
    case Metric::Importance:
        break;
    }
    return tr("Importance");
}

QString MetricText::definition(Metric metric) {
    switch (metric) {
    case Metric::Entropy:
        return tr("Mean row entropy over ln(allowed keys): 0 = one key, 1 = uniform");
    case Metric::Confidence:
        return tr("Mean of each row's largest weight");
    case Metric::Previous:
        return tr("Mean weight on the previous token");
    case Metric::Self:
        return tr("Mean weight on the query token itself");
    case Metric::Next:
        return tr("Mean weight on the next token (absent when causal)");
    case Metric::First:
        return tr("Mean weight on the first token");
    case Metric::Distance:
        return tr("Mean distance in tokens between a query and the keys it attends to");
    case Metric::SameToken:
        return tr("Mean weight on other occurrences of the query's own word");
    case Metric::Special:
        return tr("Mean weight on special tokens such as [CLS], [SEP], <|endoftext|>");
    case Metric::Punctuation:
        return tr("Mean weight on punctuation tokens");
    case Metric::Importance:
        break;
    }
    return tr("How much the output changes when this head is removed: ‖y − y₋ₕ‖ / ‖y‖");
}

} // namespace attnviz::ui
