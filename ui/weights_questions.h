// The questions asked when a weights file is opened: which attention module, and how many heads
// its projections hold (PyTorch keeps no head count, so a file may not say).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

class QWidget;

namespace attnviz::ui {

struct OpenedWeightsFile;

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

// How an opened file is to be used: passed on to AttentionSession::useWeightsFile.
struct WeightsChoice {
    std::optional<std::string> prefix; // the chosen module, when the file holds several
    std::optional<int> heads;          // std::nullopt: the file's own num_heads
};

// Who answers the two questions: the window with dialogs, tests with fixed answers.
// std::nullopt means cancelled.
class WeightsAnswers {
public:
    virtual ~WeightsAnswers() = default;
    // Which of `modules` (their summaries) to use: an index into the list.
    virtual std::optional<int> chooseModule(const QString &fileName,
                                            const QStringList &modules) = 0;
    virtual std::optional<int> chooseHeadCount(const HeadCountQuestion &question) = 0;
};

// The answers as modal dialogs over `parent`.
class DialogWeightsAnswers : public WeightsAnswers {
public:
    explicit DialogWeightsAnswers(QWidget *parent)
        : m_parent(parent) {}
    std::optional<int> chooseModule(const QString &fileName, const QStringList &modules) override;
    std::optional<int> chooseHeadCount(const HeadCountQuestion &question) override {
        return askHeadCount(m_parent, question);
    }

private:
    QWidget *m_parent;
};

// Asks which module (when there are several) and how many heads (every divisor offered, the
// file's num_heads preselected; not asked when only one count divides). No `answers` (quiet) asks
// nothing: a file whose head count is unknown and ambiguous is then refused. std::nullopt when
// cancelled or refused; nothing has changed then.
std::optional<WeightsChoice> chooseWeightsUse(WeightsAnswers *answers,
                                              const OpenedWeightsFile &opened, int currentHeads);

} // namespace attnviz::ui
