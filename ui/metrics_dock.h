// MetricsDock: the sortable per-head metrics table, live with the session, copyable as CSV.
#pragma once

#include <QDockWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace attnviz::ui {

class AttentionSession;
class MetricsTableModel;

class MetricsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit MetricsDock(AttentionSession *session, QWidget *parent = nullptr);

    MetricsTableModel *tableModel() const { return m_model; }
    QSortFilterProxyModel *sortedModel() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    // The CSV of the table in the order it is shown (sorted), as "Copy as CSV" puts it on the
    // clipboard.
    QString shownCsv() const;

public slots:
    void copyCsv();

signals:
    // A row was selected: its layer and head, 0-based; head −1 when the selection was cleared.
    void headSelected(int layer, int head);

private:
    void refresh();
    void emitSelection();

    AttentionSession *m_session;
    MetricsTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_status;
};

} // namespace attnviz::ui
