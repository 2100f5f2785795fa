// RoleText: head roles (core's HeadRole) named and explained in the interface's language.
#pragma once

#include <attnviz/analysis/head_metrics.h>
#include <attnviz/analysis/head_roles.h>

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
};

// MetricText: the metrics table's column names and definitions (core's MetricInfo), translated.
struct MetricText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::MetricText)
public:
    static QString label(Metric metric);
    static QString definition(Metric metric);
};

} // namespace attnviz::ui
