// Language: which language the interface speaks (English or Simplified Chinese), chosen from
// the locale or by the user, switched live and remembered.
#pragma once

#include <QMenu>

class QActionGroup;

namespace attnviz::ui {

// What the user chose in View ▸ Language: follow the system locale, or one language.
enum class LanguageChoice { System, English, Chinese };

// The contract other code relies on. applyLanguage() installs (or removes) attnviz's catalogue
// and Qt's own (qtbase_zh_CN.qm, for standard dialogs and buttons), so every widget receives
// QEvent::LanguageChange; it calls QLocale::setDefault(QLocale("zh_CN") or English), so code
// asks QLocale().language() which language the interface speaks; and it gives the interface
// font the Simplified Chinese face of Noto CJK for Han text. Returns true when Chinese is in
// effect. It does not save the choice (see saveLanguageChoice).
bool applyLanguage(LanguageChoice choice);
// The language in effect for `choice`: System means Chinese when QLocale::system() is Chinese.
bool choiceMeansChinese(LanguageChoice choice);
// The saved choice (QSettings "language": "system", "en" or "zh_CN"), System when none.
LanguageChoice savedLanguageChoice();
void saveLanguageChoice(LanguageChoice choice);
// True while the Chinese catalogue is installed.
bool chineseInterface();

// View ▸ Language: System / English / 简体中文. Choosing one applies it at once and saves it.
// Each language is named in itself, so a user who cannot read the current one finds their own.
class LanguageMenu : public QMenu {
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    QAction *actionFor(LanguageChoice choice) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QActionGroup *m_group;
    QAction *m_system;
    QAction *m_english;
    QAction *m_chinese;
};

} // namespace attnviz::ui
