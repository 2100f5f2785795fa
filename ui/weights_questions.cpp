#include "weights_questions.h"

#include "file_load_worker.h"

#include <attnviz/attention_config.h>
#include <attnviz/loaders/head_count.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QInputDialog>

#include <algorithm>

namespace attnviz::ui {

namespace {

// The translation context of the questions asked when weights are opened.
struct WeightsQuestions {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::WeightsQuestions)
};

QString itemText(const HeadCountQuestion &q, int heads) {
    const int dk = q.queryRows / heads, dv = q.valueRows / heads;
    if (q.declared == heads)
        return WeightsQuestions::tr("%n head(s) (dk = %1, dv = %2) — the file's num_heads", nullptr,
                                    heads)
            .arg(dk)
            .arg(dv);
    return WeightsQuestions::tr("%n head(s) (dk = %1, dv = %2)", nullptr, heads).arg(dk).arg(dv);
}

} // namespace

QList<int> divisorHeadCounts(int queryRows, int valueRows, int maxHeads) {
    QList<int> counts;
    for (int h : headCountDivisors(queryRows, valueRows)) // the loader's rule (loaders/)
        if (h <= maxHeads)
            counts << h;
    if (counts.isEmpty())
        counts << 1;
    return counts;
}

HeadCountQuestion makeHeadCountQuestion(const QString &fileName, int queryRows, int valueRows,
                                        std::optional<int> declared, int currentHeads) {
    HeadCountFacts facts;
    facts.queryRows = queryRows;
    facts.valueRows = valueRows;
    facts.declared = declared;
    const HeadCountOffer offer = offerHeadCounts(facts, currentHeads);
    HeadCountQuestion q;
    q.fileName = fileName;
    q.queryRows = queryRows;
    q.valueRows = valueRows;
    q.choices = QList<int>(offer.choices.begin(), offer.choices.end());
    q.declared = declared;
    q.preselected = offer.preselected;
    return q;
}

std::optional<int> askHeadCount(QWidget *parent, const HeadCountQuestion &q) {
    QStringList items;
    for (int heads : q.choices)
        items << itemText(q, heads);
    const QString intro =
        q.declared ? WeightsQuestions::tr("%1 says its projections hold %2 heads.")
                         .arg(q.fileName)
                         .arg(*q.declared)
                   : WeightsQuestions::tr(
                         "%1 does not say how many heads its projections hold (PyTorch does not "
                         "store it).")
                         .arg(q.fileName);
    const QString label = intro + QLatin1Char('\n') +
                          WeightsQuestions::tr("Split the %1 query rows and %2 value rows into:")
                              .arg(q.queryRows)
                              .arg(q.valueRows);
    QInputDialog dialog(parent);
    dialog.setWindowTitle(WeightsQuestions::tr("How Many Heads?"));
    dialog.setLabelText(label);
    dialog.setComboBoxItems(items);
    dialog.setComboBoxEditable(false);
    dialog.setTextValue(items.value(q.choices.indexOf(q.preselected)));
    if (auto *combo = dialog.findChild<QComboBox *>()) // wide enough for the longest choice
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const auto index = items.indexOf(dialog.textValue());
    if (index < 0)
        return std::nullopt;
    return q.choices[index];
}

std::optional<int> DialogWeightsAnswers::chooseModule(const QString &fileName,
                                                      const QStringList &modules) {
    bool ok = false;
    const QString item = QInputDialog::getItem(
        m_parent, WeightsQuestions::tr("Choose an Attention Module"),
        WeightsQuestions::tr("%1 holds several attention modules:").arg(fileName), modules, 0,
        false, &ok);
    if (!ok || !modules.contains(item))
        return std::nullopt;
    return static_cast<int>(modules.indexOf(item));
}

std::optional<WeightsChoice> chooseWeightsUse(WeightsAnswers *answers,
                                              const OpenedWeightsFile &opened, int currentHeads) {
    const QString fileName = QFileInfo(opened.path).fileName();
    WeightsChoice choice;
    const AttentionModuleInfo *module =
        opened.modules.size() == 1 ? &opened.modules.front() : nullptr;
    if (opened.modules.size() > 1 && answers) {
        QStringList items;
        for (const AttentionModuleInfo &m : opened.modules)
            items << QString::fromStdString(m.summary());
        const std::optional<int> index = answers->chooseModule(fileName, items);
        if (!index || *index < 0 || *index >= items.size())
            return std::nullopt;
        module = &opened.modules[static_cast<std::size_t>(*index)];
        choice.prefix = module->prefix;
    }
    // Several modules and none chosen, or none at all: the loader names the problem.
    if (!module || module->convention == WeightsConvention::SeedSelfAttention)
        return choice;
    const HeadCountQuestion question = makeHeadCountQuestion(
        fileName, module->queryRows, module->valueRows, opened.declaredHeads(), currentHeads);
    if (question.choices.size() == 1) {
        choice.heads = 1; // nothing to choose
    } else if (answers) {
        choice.heads = answers->chooseHeadCount(question);
        if (!choice.heads || !question.choices.contains(*choice.heads))
            return std::nullopt; // cancelled
    } else if (!opened.file->metadata().count("num_heads")) {
        return std::nullopt; // nobody to ask, and guessing would show wrong heads
    }
    return choice;
}

} // namespace attnviz::ui
