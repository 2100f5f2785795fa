// MetricsTableModel: one row per head of the shown layer — layer, head, role and every metric.
#pragma once

#include <attnviz/analysis/layer_analysis.h>

#include <QAbstractTableModel>
#include <QList>

namespace attnviz::ui {

struct SessionSnapshot;

class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Columns: layer, head, role, then metricInfos() in order.
    static constexpr int kLayerColumn = 0;
    static constexpr int kHeadColumn = 1;
    static constexpr int kRoleColumn = 2;
    static constexpr int kFirstMetricColumn = 3;
    // The role that holds a cell's number for sorting (absent metrics sort first as NaN → −1).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit MetricsTableModel(QObject *parent = nullptr);

    // Shows the snapshot's analysis of its shown layer. A snapshot the analysis refused empties
    // the table and sets errorText().
    void showSnapshot(const SessionSnapshot &snapshot);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int layer() const { return m_layer; }     // 0-based
    int headAt(int row) const { return row; } // rows are in head order
    const LayerAnalysis &analysis() const { return m_analysis; }
    QString errorText() const { return m_error; }
    static Metric metricOfColumn(int column);

    // CSV: a header line (layer,head,role,<metric keys>) and one line per row in `rows` (model
    // rows, e.g. in the view's sorted order; all rows in head order when empty). Layer and head
    // are 1-based as the table shows them; absent metrics are empty fields; numbers keep 9
    // significant digits so a spreadsheet gets the table's values, not its rounding.
    QString toCsv(const QList<int> &rows = {}) const;

private:
    LayerAnalysis m_analysis;
    int m_layer = 0;
    QString m_error;
};

} // namespace attnviz::ui
