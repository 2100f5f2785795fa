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
    const std::uint64_t parameters =
        snapshot.model ? snapshot.model->model.parameterCount() : parameterCount(c);
    QString model;
    if (snapshot.model) {
        const ModelSpec &spec = snapshot.model->model.spec;
        model = QString::fromStdString(spec.name) + QStringLiteral("  ·  ") +
                QObject::tr("layer %1 of %2")
                    .arg(snapshot.layer + 1)
                    .arg(snapshot.model->model.layers()) +
                QStringLiteral("  ·  ");
        if (spec.validationLoss > 0)
            model += QObject::tr("validation loss %1").arg(spec.validationLoss, 0, 'f', 3) +
                     QStringLiteral("  ·  ");
    }
    return model + tokens + QStringLiteral("  ·  ") +
           QObject::tr("Q, K: %1").arg(shape.arg(c.heads).arg(n).arg(c.dk)) +
           QStringLiteral("  ·  ") + QObject::tr("V: %1").arg(shape.arg(c.heads).arg(n).arg(c.dv)) +
           QStringLiteral("  ·  ") + QObject::tr("out: [1, %1, %2]").arg(n).arg(outWidth) +
           QStringLiteral("  ·  ") +
           QObject::tr("%1 parameters").arg(locale.toString(static_cast<qulonglong>(parameters))) +
           QStringLiteral("  ·  ") +
           QObject::tr("updated at %1 in %2 ms")
               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
               .arg(snapshot.computeMilliseconds, 0, 'f', 1);
}

} // namespace attnviz::ui
