#include "status_text.h"

#include "attention_session.h"

#include <QLocale>
#include <QObject>
#include <QTime>

namespace attnviz::ui {

QString statusText(const SessionSnapshot &snapshot) {
    const AttentionConfig &c = snapshot.options.attention;
    const auto n = static_cast<int>(snapshot.tokens.size());
    const QLocale locale;
    const QString shape = QStringLiteral("[1, %1, %2, %3]");
    const int outWidth = c.singleHead ? c.dv : c.dModel;
    const QString tokens = n == 1 ? QObject::tr("1 token") : QObject::tr("%1 tokens").arg(n);
    return tokens + QStringLiteral("  ·  ") +
           QObject::tr("Q, K: %1").arg(shape.arg(c.heads).arg(n).arg(c.dk)) +
           QStringLiteral("  ·  ") + QObject::tr("V: %1").arg(shape.arg(c.heads).arg(n).arg(c.dv)) +
           QStringLiteral("  ·  ") + QObject::tr("out: [1, %1, %2]").arg(n).arg(outWidth) +
           QStringLiteral("  ·  ") +
           QObject::tr("%1 parameters")
               .arg(locale.toString(static_cast<qulonglong>(parameterCount(c)))) +
           QStringLiteral("  ·  ") +
           QObject::tr("updated at %1 in %2 ms")
               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
               .arg(snapshot.computeMilliseconds, 0, 'f', 1);
}

} // namespace attnviz::ui
