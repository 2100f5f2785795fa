// MetricsTableModel: one row per head of the shown layer — layer, head, role and every metric.
#include "metrics_table_model.h"

#include "attention_session.h"
#include "role_text.h"
#include "translated_error.h"

#include <attnviz/analysis/metrics_table.h>

#include <cmath>
#include <limits>

namespace attnviz::ui {

MetricsTableModel::MetricsTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

Metric MetricsTableModel::metricOfColumn(int column) {
    return metricInfos()[static_cast<std::size_t>(column - kFirstMetricColumn)].metric;
}

void MetricsTableModel::showSnapshot(const SessionSnapshot &snapshot) {
    LayerAnalysis next = snapshot.analysis ? *snapshot.analysis : LayerAnalysis{};
    m_error = snapshot.analysisError;
    // Same rows: change the values in place. A reset would make the view lay itself out again
    // and drop the selection, which costs about 10 ms per slider step with 16 heads.
    if (next.heads.size() == m_analysis.heads.size() && !m_analysis.heads.empty()) {
        m_analysis = std::move(next);
        m_layer = snapshot.layer;
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_analysis = std::move(next);
    m_layer = snapshot.layer;
    endResetModel();
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_analysis.heads.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : kFirstMetricColumn + kMetricCount;
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const HeadAnalysis &head = m_analysis.heads[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (column == kLayerColumn || column == kHeadColumn) {
        const int value = (column == kLayerColumn ? m_layer : index.row()) + 1;
        if (role == Qt::DisplayRole || role == SortRole)
            return value;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (column == kRoleColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return RoleText::label(head.role.role);
        case SortRole:
            return static_cast<int>(head.role.role);
        case Qt::ToolTipRole:
            return QString::fromStdString(describeRole(head.role));
        default:
            return {};
        }
    }
    const std::optional<double> value = head.metrics.value(metricOfColumn(column));
    switch (role) {
    case Qt::DisplayRole:
        return value ? QString::number(*value, 'f',
                                       metricOfColumn(column) == Metric::Distance ? 2 : 3)
                     : QString();
    case SortRole:
        // Absent values sort below every present one.
        return value ? *value : -std::numeric_limits<double>::infinity();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= kFirstMetricColumn) {
        const MetricInfo &info =
            metricInfos()[static_cast<std::size_t>(section - kFirstMetricColumn)];
        if (role == Qt::DisplayRole)
            return MetricText::label(info.metric);
        if (role == Qt::ToolTipRole)
            return MetricText::definition(info.metric);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case kLayerColumn:
        return tr("Layer");
    case kHeadColumn:
        return tr("Head");
    default:
        return tr("Role");
    }
}

QString MetricsTableModel::toCsv(const QList<int> &rows) const {
    std::string csv = metricsCsvHeader() + '\n';
    QList<int> order = rows;
    if (order.isEmpty())
        for (int row = 0; row < rowCount(); ++row)
            order << row;
    for (int row : order)
        if (row >= 0 && row < rowCount())
            csv += metricsCsvLine(m_layer, row, m_analysis.heads[static_cast<std::size_t>(row)]) +
                   '\n';
    return QString::fromStdString(csv);
}

} // namespace attnviz::ui
