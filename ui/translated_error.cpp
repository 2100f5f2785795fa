#include "translated_error.h"

#include <attnviz/error.h>

#include <QCoreApplication>

namespace attnviz::ui {

namespace {

constexpr char kContext[] = "attnviz::InputError";

// Fills %1 … %9 in one pass, so an argument holding "%2" (a path, a tensor name) stays as it is.
QString fill(const QString &templ, const QStringList &args) {
    QString out;
    out.reserve(templ.size() + 32);
    for (qsizetype i = 0; i < templ.size(); ++i) {
        if (templ[i] == u'%' && i + 1 < templ.size() && templ[i + 1] >= u'1' &&
            templ[i + 1] <= u'9') {
            const qsizetype index = templ[i + 1].unicode() - u'1';
            if (index < args.size()) {
                out += args[index];
                ++i;
                continue;
            }
        }
        out += templ[i];
    }
    return out;
}

} // namespace

QString translatedError(const InputError &error) {
    if (error.id() == ErrorId::Other)
        return QString::fromUtf8(error.what());
    QStringList args;
    const auto &raw = error.args();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (error.cause() && i + 1 == raw.size())
            args << translatedError(*error.cause());
        else if (isErrorPhrase(raw[i]))
            args << QCoreApplication::translate(kContext, raw[i].c_str());
        else
            args << QString::fromStdString(raw[i]);
    }
    return fill(QCoreApplication::translate(kContext, errorTemplate(error.id())), args);
}

QString translatedSystemError(int errnum) {
    const std::string text = systemErrorText(errnum);
    return isErrorPhrase(text) ? QCoreApplication::translate(kContext, text.c_str())
                               : QString::fromLocal8Bit(text.c_str());
}

} // namespace attnviz::ui
