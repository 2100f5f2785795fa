// RoleText: head roles (core's HeadRole) named, explained and coloured in the interface's
// language, for the badges under the heatmaps and the metrics table.
#pragma once

#include <attnviz/analysis/head_metrics.h>
#include <attnviz/analysis/head_roles.h>
#include <attnviz/analysis/layer_analysis.h>

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace attnviz::ui {

struct RoleText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::RoleText)
public:
    // "Previous token" / "前一个词元": core's roleLabel, translated.
    static QString label(HeadRole role);
    // One sentence saying what the role means (core's roleExplanation, translated).
    static QString explanation(HeadRole role);
    // The role badge's tooltip (rich text): the explanation, the deciding evidence against its
    // threshold ("Previous 0.93 > 0.50"), then confidence, distance and importance.
    static QString toolTip(const HeadAnalysis &head);
    // A colour per role from the Okabe–Ito palette (distinct for colour-blind readers); grey for
    // broad, an invalid colour for mixed (drawn as an outline only).
    static QColor color(HeadRole role);
};

// MetricText: the metrics table's column names and definitions (core's MetricInfo), translated.
struct MetricText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::MetricText)
public:
    static QString label(Metric metric);
    static QString definition(Metric metric);
};

} // namespace attnviz::ui
