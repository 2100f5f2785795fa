#include "menu_shortcut_priority.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace attnviz::ui {

MenuShortcutPriority::MenuShortcutPriority(QWidget *window)
    : QObject(window)
    , m_window(window) {
    qApp->installEventFilter(this);
}

MenuShortcutPriority::~MenuShortcutPriority() {
    if (qApp)
        qApp->removeEventFilter(this);
}

bool MenuShortcutPriority::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window)
        return false; // a dialog's editor keeps its own bindings
    const QKeySequence pressed(static_cast<QKeyEvent *>(event)->keyCombination());
    const auto actions = m_window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->isEnabled() && action->shortcuts().contains(pressed)) {
            // Not accepted: the editor does not claim the key, so the shortcut map runs it.
            event->ignore();
            return true;
        }
    }
    return false;
}

} // namespace attnviz::ui
