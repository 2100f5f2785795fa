// RoleText: a head's role as the window says it — a translated badge label, a colour, and the
// tooltip with the numbers behind the role.
#pragma once

#include <attnviz/analysis/layer_analysis.h>

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace attnviz::ui {

class RoleText {
    Q_DECLARE_TR_FUNCTIONS(RoleText)
public:
    // "previous token", "first token (sink)", … : short, for a badge under a heatmap's title.
    static QString label(HeadRole role);
    // One sentence saying what the role means.
    static QString explanation(HeadRole role);
    // The metric's name as tables and tooltips show it ("previous-token share").
    static QString metricName(Metric metric);
    // The badge's tooltip: the explanation, the deciding evidence against its threshold
    // ("previous-token share 0.93 > 0.50"), then entropy, confidence and distance.
    static QString toolTip(const HeadAnalysis &head);
    // A colour per role from the Okabe–Ito palette (distinct for colour-blind readers); grey for
    // broad, an invalid colour for mixed (drawn as an outline only).
    static QColor color(HeadRole role);
};

} // namespace attnviz::ui
