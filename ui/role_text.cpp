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
