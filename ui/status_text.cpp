#include "status_text.h"

#include "attention_session.h"

#include <QCoreApplication>
#include <QLocale>
#include <QObject>
#include <QTime>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct StatusBarText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::StatusText)
};
} // namespace

QString statusText(const SessionSnapshot &snapshot) {
    const AttentionConfig &c = snapshot.options.attention;
    const auto n = static_cast<int>(snapshot.tokens.size());
    const QLocale locale;
    const QString shape = QStringLiteral("[1, %1, %2, %3]");
    const int outWidth = c.singleHead ? c.dv : c.dModel;
    const QString tokens = StatusBarText::tr("%n token(s)", nullptr, n);
    const std::uint64_t parameters =
        snapshot.model ? snapshot.model->model.parameterCount() : parameterCount(c);
    QString model;
    if (snapshot.model) {
        const ModelSpec &spec = snapshot.model->model.spec;
        model = QString::fromStdString(spec.name) + QStringLiteral("  ·  ") +
                StatusBarText::tr("layer %1 of %2")
                    .arg(snapshot.layer + 1)
                    .arg(snapshot.model->model.layers()) +
                QStringLiteral("  ·  ");
        if (spec.validationLoss > 0)
            model += StatusBarText::tr("validation loss %1").arg(spec.validationLoss, 0, 'f', 3) +
                     QStringLiteral("  ·  ");
    }
    return model + tokens + QStringLiteral("  ·  ") +
           StatusBarText::tr("Q, K: %1").arg(shape.arg(c.heads).arg(n).arg(c.dk)) +
           QStringLiteral("  ·  ") +
           StatusBarText::tr("V: %1").arg(shape.arg(c.heads).arg(n).arg(c.dv)) +
           QStringLiteral("  ·  ") + StatusBarText::tr("out: [1, %1, %2]").arg(n).arg(outWidth) +
           QStringLiteral("  ·  ") +
           StatusBarText::tr("%1 parameters")
               .arg(locale.toString(static_cast<qulonglong>(parameters))) +
           QStringLiteral("  ·  ") +
           StatusBarText::tr("updated at %1 in %2 ms")
               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
               .arg(snapshot.computeMilliseconds, 0, 'f', 1);
}

} // namespace attnviz::ui
