// MenuShortcutPriority: lets the window's menu shortcuts win over editor key bindings (Ctrl+E is
// "end of line" in a line edit or a spin box), so they work whichever control has focus.
#pragma once

#include <QObject>

class QWidget;

namespace attnviz::ui {

class MenuShortcutPriority : public QObject {
    Q_OBJECT
public:
    // Watches the application's ShortcutOverride events for controls inside `window`.
    explicit MenuShortcutPriority(QWidget *window);
    ~MenuShortcutPriority() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
};

} // namespace attnviz::ui
