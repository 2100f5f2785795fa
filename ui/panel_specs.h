// PanelSpec: what each heatmap of a result shows. The window's grid and exported figures take
// their panels from here, so a figure carries the window's titles and tooltips.
#pragma once

#include <Eigen/Core>

#include <QColor>
#include <QList>
#include <QString>

namespace attnviz::ui {

struct SessionSnapshot;

struct PanelSpec {
    QString title;                           // "Head 3"
    QString tooltipName;                     // "head 3", as tooltips name the panel
    const Eigen::MatrixXf *matrix = nullptr; // owned by the snapshot
    // A head's role badge (empty for the mean and baseline panels, or without an analysis).
    QString badge;
    QString badgeToolTip;
    QColor badgeColor;
};

PanelSpec headPanel(const SessionSnapshot &snapshot, int head);
PanelSpec meanPanel(const SessionSnapshot &snapshot);
// Every head, then the mean (when asked), then the single-head baseline (when computed).
QList<PanelSpec> gridPanels(const SessionSnapshot &snapshot, bool withMean);

} // namespace attnviz::ui
