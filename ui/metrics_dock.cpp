// MetricsDock: the sortable per-head metrics table, live with the session, copyable as CSV.
#include "metrics_dock.h"

#include "retranslator.h"
#include "role_text.h"

#include "attention_session.h"
#include "metrics_table_model.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace attnviz::ui {

MetricsDock::MetricsDock(AttentionSession *session, QWidget *parent)
    : QDockWidget(parent)
    , m_session(session)
    , m_model(new MetricsTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_status(new QLabel) {
    setObjectName(QStringLiteral("metricsDock"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MetricsTableModel::SortRole);
    // Keeps the user's sort column and order when a new snapshot resets the model.
    m_proxy->setDynamicSortFilter(true);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MetricsTableModel::kHeadColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Columns are fitted when the head count changes, not on every update: ResizeToContents
    // measures every cell each time and cost ~20 ms per slider step with 16 heads.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *copyAction = new QAction(m_table);
    connect(copyAction, &QAction::triggered, this, &MetricsDock::copyCsv);
    m_table->addAction(copyAction);

    auto *copyButton = new QPushButton;
    auto *texts = new Retranslator(this);
    texts->add([this, copyAction, copyButton] {
        setWindowTitle(tr("Head metrics"));
        copyAction->setText(tr("Copy as CSV"));
        copyButton->setText(tr("Copy as CSV"));
        copyButton->setToolTip(tr("Copy the table, in the order shown, to the clipboard as CSV"));
    });
    connect(copyButton, &QPushButton::clicked, this, &MetricsDock::copyCsv);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(copyButton);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    setWidget(body);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MetricsDock::emitSelection);
    connect(m_session, &AttentionSession::resultChanged, this, &MetricsDock::refresh);
    refresh();
    texts->add([this] { refresh(); }); // headers, roles and the status line
}

void MetricsDock::refresh() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    // Keep the selected head selected across the reset, so moving a slider does not lose it.
    int selectedHead = -1;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (!selected.isEmpty())
        selectedHead = m_proxy->mapToSource(selected.front()).row();
    const int rowsBefore = m_model->rowCount();
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_model->showSnapshot(*snapshot);
        if (m_model->rowCount() != rowsBefore) {
            m_table->resizeColumnsToContents();
            // Wide enough for every role, so a role changing under a slider is not cut off.
            int roleWidth = m_table->columnWidth(MetricsTableModel::kRoleColumn);
            for (int role = 0; role <= static_cast<int>(HeadRole::Mixed); ++role) {
                roleWidth = std::max(roleWidth, m_table->fontMetrics().horizontalAdvance(
                                                    RoleText::label(static_cast<HeadRole>(role))) +
                                                    16);
            }
            m_table->setColumnWidth(MetricsTableModel::kRoleColumn, roleWidth);
        }
        if (selectedHead >= 0 && selectedHead < m_model->rowCount())
            m_table->selectRow(m_proxy->mapFromSource(m_model->index(selectedHead, 0)).row());
    }
    m_status->setText(m_model->errorText().isEmpty()
                          ? tr("Layer %1 · %n head(s) · hover a role for its numbers", nullptr,
                               m_model->rowCount())
                                .arg(m_model->layer() + 1)
                          : m_model->errorText());
}

void MetricsDock::emitSelection() {
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        emit headSelected(m_model->layer(), -1);
        return;
    }
    const int row = m_proxy->mapToSource(selected.front()).row();
    emit headSelected(m_model->layer(), m_model->headAt(row));
}

QString MetricsDock::shownCsv() const {
    QList<int> rows;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    return m_model->toCsv(rows);
}

void MetricsDock::copyCsv() {
    QApplication::clipboard()->setText(shownCsv());
}

} // namespace attnviz::ui
