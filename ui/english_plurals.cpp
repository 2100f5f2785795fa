// Installs attnviz's English plural forms ("%n head(s)" → "1 head", "4 heads") when the
// application object is created. Compiled into every program that links attnviz_ui (an
// INTERFACE source), so the window, the command line's figures and the tests all read "4 heads"
// without asking; the Chinese catalogue, installed later by applyLanguage(), takes precedence.
#include <QCoreApplication>
#include <QTranslator>

namespace {

void installEnglishPlurals() {
    QCoreApplication *app = QCoreApplication::instance();
    const QString name = QStringLiteral("attnviz-english-plurals");
    if (app->findChild<QTranslator *>(name, Qt::FindDirectChildrenOnly))
        return; // linked into more than one part of the program: install once
    auto *translator = new QTranslator(app);
    translator->setObjectName(name);
    if (translator->load(QStringLiteral(":/i18n/attnviz_en.qm")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)
