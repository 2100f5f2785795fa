#include "language.h"

#include "fonts.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace attnviz::ui {

namespace {

const QString kSettingsKey = QStringLiteral("language");
// The installed translators are children of the application, found by these names, so that
// switching twice replaces them rather than stacking them (no static state).
const QString kOwnTranslator = QStringLiteral("attnviz-translator");
const QString kQtTranslator = QStringLiteral("qtbase-translator");
const QString kBaseFontProperty = QStringLiteral("attnvizBaseFont");

void removeTranslators() {
    QCoreApplication *app = QCoreApplication::instance();
    for (const QString &name : {kOwnTranslator, kQtTranslator})
        if (auto *translator = app->findChild<QTranslator *>(name, Qt::FindDirectChildrenOnly)) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
}

void installTranslator(const QString &name, const QString &file, const QString &directory) {
    auto *translator = new QTranslator(QCoreApplication::instance());
    translator->setObjectName(name);
    if (translator->load(file, directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator; // a missing qtbase catalogue leaves Qt's dialogs in English
}

// The application font with the CJK face for the language: Simplified glyph shapes (骨, 直, 角)
// in a Chinese interface, whatever face fontconfig would pick for Han on its own.
void applyInterfaceFont(const QLocale &locale) {
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app)
        return;
    QVariant base = app->property(kBaseFontProperty.toUtf8().constData());
    if (!base.isValid()) {
        base = QApplication::font();
        app->setProperty(kBaseFontProperty.toUtf8().constData(), base);
    }
    QApplication::setFont(fontFor(base.value<QFont>(), QString(), locale));
}

} // namespace

bool choiceMeansChinese(LanguageChoice choice) {
    switch (choice) {
    case LanguageChoice::English:
        return false;
    case LanguageChoice::Chinese:
        return true;
    case LanguageChoice::System:
        break;
    }
    return QLocale::system().language() == QLocale::Chinese;
}

bool applyLanguage(LanguageChoice choice) {
    const bool chinese = choiceMeansChinese(choice);
    const QLocale locale =
        chinese ? QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China)
                : QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(locale);
    applyInterfaceFont(locale);
    if (chinese == chineseInterface())
        return chinese;  // already so: no needless LanguageChange to every widget
    removeTranslators(); // each removal and installation sends LanguageChange
    if (chinese) {
        installTranslator(kQtTranslator, QStringLiteral("qtbase_zh_CN"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        installTranslator(kOwnTranslator, QStringLiteral("attnviz_zh_CN"),
                          QStringLiteral(":/i18n"));
    }
    return chinese;
}

bool chineseInterface() {
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->findChild<QTranslator *>(kOwnTranslator, Qt::FindDirectChildrenOnly);
}

LanguageChoice savedLanguageChoice() {
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (saved == QLatin1String("en"))
        return LanguageChoice::English;
    if (saved == QLatin1String("zh_CN"))
        return LanguageChoice::Chinese;
    return LanguageChoice::System;
}

void saveLanguageChoice(LanguageChoice choice) {
    QSettings().setValue(kSettingsKey, choice == LanguageChoice::English ? QStringLiteral("en")
                                       : choice == LanguageChoice::Chinese
                                           ? QStringLiteral("zh_CN")
                                           : QStringLiteral("system"));
}

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(parent)
    , m_group(new QActionGroup(this))
    , m_system(addAction(QString()))
    , m_english(addAction(QStringLiteral("English")))
    , m_chinese(addAction(QStringLiteral("简体中文"))) {
    const LanguageChoice saved = savedLanguageChoice();
    for (const auto &[action, choice] : {std::pair{m_system, LanguageChoice::System},
                                         std::pair{m_english, LanguageChoice::English},
                                         std::pair{m_chinese, LanguageChoice::Chinese}}) {
        action->setCheckable(true);
        action->setChecked(choice == saved);
        m_group->addAction(action);
        const LanguageChoice chosen = choice;
        connect(action, &QAction::triggered, this, [chosen] {
            saveLanguageChoice(chosen);
            applyLanguage(chosen);
        });
    }
    retranslateUi();
}

QAction *LanguageMenu::actionFor(LanguageChoice choice) const {
    return choice == LanguageChoice::English   ? m_english
           : choice == LanguageChoice::Chinese ? m_chinese
                                               : m_system;
}

void LanguageMenu::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void LanguageMenu::retranslateUi() {
    setTitle(tr("&Language"));
    m_system->setText(tr("&System"));
    m_system->setToolTip(tr("Follow the system's language (LANG)"));
    // "English" and "简体中文" stay in their own language on purpose.
}

} // namespace attnviz::ui
