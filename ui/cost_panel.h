// CostPanel: parameters, FLOPs and attention-map memory of the current configuration, per head
// and in total, beside one head of the same total width.
#pragma once

#include <attnviz/analysis/cost_model.h>

#include <QWidget>

#include <optional>

class QTextBrowser;

namespace attnviz::ui {

class AttentionSession;
struct SessionSnapshot;

class CostPanel : public QWidget {
    Q_OBJECT
public:
    explicit CostPanel(AttentionSession *session, QWidget *parent = nullptr);

    // The comparison shown (none before the first snapshot or when the core refuses it).
    const std::optional<CostComparison> &comparison() const { return m_comparison; }
    QString text() const; // the panel's plain text
    QTextBrowser *browser() const { return m_browser; }

    // The configuration a snapshot ran: the weights' sizes and the mask it was run with.
    static AttentionConfig configOf(const SessionSnapshot &snapshot);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    QString html(const CostComparison &comparison) const;

    AttentionSession *m_session;
    QTextBrowser *m_browser;
    std::optional<CostComparison> m_comparison;
    bool m_stale = true;
};

} // namespace attnviz::ui
