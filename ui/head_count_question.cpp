#include "head_count_question.h"

#include <attnviz/attention_config.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QInputDialog>

#include <algorithm>

namespace attnviz::ui {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("attnviz::ui::HeadCountQuestion", text);
}

QString itemText(const HeadCountQuestion &q, int heads) {
    const int dk = q.queryRows / heads, dv = q.valueRows / heads;
    QString text = heads == 1 ? tr("1 head (dk = %1, dv = %2)").arg(dk).arg(dv)
                              : tr("%1 heads (dk = %2, dv = %3)").arg(heads).arg(dk).arg(dv);
    if (q.declared == heads)
        text += tr(" — the file's num_heads");
    return text;
}

} // namespace

QList<int> divisorHeadCounts(int queryRows, int valueRows, int maxHeads) {
    QList<int> counts;
    for (int h = 1; h <= std::min(queryRows, maxHeads); ++h)
        if (queryRows % h == 0 && valueRows % h == 0)
            counts << h;
    if (counts.isEmpty())
        counts << 1;
    return counts;
}

HeadCountQuestion makeHeadCountQuestion(const QString &fileName, int queryRows, int valueRows,
                                        std::optional<int> declared, int currentHeads) {
    HeadCountQuestion q;
    q.fileName = fileName;
    q.queryRows = queryRows;
    q.valueRows = valueRows;
    q.choices = divisorHeadCounts(queryRows, valueRows, ConfigLimits::maxHeads);
    q.declared = declared;
    if (declared && q.choices.contains(*declared))
        q.preselected = *declared;
    else if (q.choices.contains(currentHeads))
        q.preselected = currentHeads;
    else
        q.preselected = q.choices.front();
    return q;
}

std::optional<int> askHeadCount(QWidget *parent, const HeadCountQuestion &q) {
    QStringList items;
    for (int heads : q.choices)
        items << itemText(q, heads);
    const QString intro =
        q.declared ? tr("%1 says its projections hold %2 heads.").arg(q.fileName).arg(*q.declared)
                   : tr("%1 does not say how many heads its projections hold (PyTorch does not "
                        "store it).")
                         .arg(q.fileName);
    const QString label =
        intro + QLatin1Char('\n') +
        tr("Split the %1 query rows and %2 value rows into:").arg(q.queryRows).arg(q.valueRows);
    QInputDialog dialog(parent);
    dialog.setWindowTitle(tr("How Many Heads?"));
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

} // namespace attnviz::ui
