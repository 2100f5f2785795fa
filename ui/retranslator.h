// Retranslator: re-applies a widget's translated texts when the interface language changes.
#pragma once

#include <QObject>

#include <functional>
#include <vector>

class QWidget;

namespace attnviz::ui {

// Why this design: each text is set by a small closure kept next to the widget it labels
// (`texts->add([=] { label->setText(tr("…")); })`). The closure runs once at once and again on
// every QEvent::LanguageChange of the owner, so switching the language live touches only texts
// and keeps all state (sentence, options, model, session path, modified mark, dock layout,
// selections), and a new widget needs one line rather than a second copy of its strings in a
// retranslateUi(). Dynamic texts (status, notes) add their refresh function the same way.
class Retranslator : public QObject {
public:
    // Watches `owner` for LanguageChange (Qt sends it to every widget when a translator is
    // installed or removed, or when applyLanguage() is called).
    explicit Retranslator(QWidget *owner);

    // Runs `apply` now and after every language change.
    void add(std::function<void()> apply);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::vector<std::function<void()>> m_texts;
};

} // namespace attnviz::ui
