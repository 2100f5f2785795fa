#include "retranslator.h"

#include <QEvent>
#include <QWidget>

namespace attnviz::ui {

Retranslator::Retranslator(QWidget *owner)
    : QObject(owner) {
    owner->installEventFilter(this);
}

void Retranslator::add(std::function<void()> apply) {
    apply();
    m_texts.push_back(std::move(apply));
}

bool Retranslator::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::LanguageChange && watched == parent())
        for (const auto &apply : m_texts)
            apply();
    return QObject::eventFilter(watched, event);
}

} // namespace attnviz::ui
