#include "panel_specs.h"

#include "attention_session.h"
#include "role_text.h"

#include <QCoreApplication>
#include <QObject>

namespace attnviz::ui {

namespace {

PanelSpec panel(const QString &title, const QString &tooltipName, const Eigen::MatrixXf *matrix) {
    PanelSpec spec;
    spec.title = title;
    spec.tooltipName = tooltipName;
    spec.matrix = matrix;
    return spec;
}

// The translation context of this file's free functions.
struct PanelText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::PanelSpecs)
};
} // namespace

PanelSpec headPanel(const SessionSnapshot &snapshot, int head) {
    const Eigen::MatrixXf *weights =
        &snapshot.result.attention.heads[static_cast<std::size_t>(head)].weights;
    PanelSpec spec = snapshot.options.attention.singleHead
                         ? panel(PanelText::tr("Single head (Self_Attention)"),
                                 PanelText::tr("single head"), weights)
                         : panel(PanelText::tr("Head %1").arg(head + 1),
                                 PanelText::tr("head %1").arg(head + 1), weights);
    if (snapshot.analysis && head < static_cast<int>(snapshot.analysis->heads.size())) {
        const HeadAnalysis &analysis = snapshot.analysis->heads[static_cast<std::size_t>(head)];
        spec.badge = RoleText::label(analysis.role.role);
        spec.badgeToolTip = RoleText::toolTip(analysis);
        spec.badgeColor = RoleText::color(analysis.role.role);
    }
    return spec;
}

PanelSpec meanPanel(const SessionSnapshot &snapshot) {
    const auto heads = static_cast<int>(snapshot.result.attention.heads.size());
    return panel(PanelText::tr("Mean of %n head(s)", nullptr, heads),
                 PanelText::tr("mean of heads"), &snapshot.meanAttention);
}

QList<PanelSpec> gridPanels(const SessionSnapshot &snapshot, bool withMean) {
    QList<PanelSpec> panels;
    const auto heads = static_cast<int>(snapshot.result.attention.heads.size());
    for (int h = 0; h < heads; ++h)
        panels << headPanel(snapshot, h);
    if (withMean)
        panels << meanPanel(snapshot);
    if (snapshot.baseline)
        panels << panel(
            PanelText::tr("Single head, dk = dv = %1").arg(snapshot.options.attention.dModel),
            PanelText::tr("single-head baseline"), &snapshot.baseline->heads.front().weights);
    return panels;
}

} // namespace attnviz::ui
