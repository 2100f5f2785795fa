// HeadCountQuestion: asks how many heads a loaded module's projections hold, when the file does
// not say (PyTorch keeps no head count).
#pragma once

#include <QList>
#include <QString>

#include <optional>

class QWidget;

namespace attnviz::ui {

struct HeadCountQuestion {
    QString fileName;
    int queryRows = 0;           // heads · dk
    int valueRows = 0;           // heads · dv
    QList<int> choices;          // every count that divides both, ascending
    std::optional<int> declared; // the file's own __metadata__ num_heads, when it has one
    int preselected = 1;         // one of `choices`
};

// Head counts that divide both projections (at most `maxHeads`), ascending; {1} at least.
QList<int> divisorHeadCounts(int queryRows, int valueRows, int maxHeads);

// The question for a module: the declared count is preselected when it is a choice, else the
// window's current count when it divides, else one head.
HeadCountQuestion makeHeadCountQuestion(const QString &fileName, int queryRows, int valueRows,
                                        std::optional<int> declared, int currentHeads);

// Shows a modal choice of the divisors; std::nullopt when cancelled.
std::optional<int> askHeadCount(QWidget *parent, const HeadCountQuestion &question);

} // namespace attnviz::ui
