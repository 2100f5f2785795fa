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

} // namespace attnviz::ui
