// Running the attnviz executable from a test, as a user or a script would, and reading its dump.
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace attnviz_test {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run runAttnviz(const QStringList &arguments) {
    QProcess process;
    process.start(QStringLiteral(ATTNVIZ_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// Through the shell, so an argument can hold bytes that are not UTF-8 (or a redirection, or a
// limit set by `setup`).
inline Run runAttnvizShell(const QString &argumentsScript, const QString &setup = {}) {
    QProcess process;
    process.start("/bin/sh", {"-c", setup + "exec \"$0\" " + argumentsScript,
                              QStringLiteral(ATTNVIZ_EXECUTABLE)});
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// Runs with an environment change (no display, a variable set).
inline Run runAttnvizWith(const QStringList &arguments, const QProcessEnvironment &env) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ATTNVIZ_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

inline QProcessEnvironment withoutDisplay() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    return env;
}

// A session file as the window saves it.
inline QString writeSession(const QString &dir, const QString &sentence, int heads,
                            const QString &extraView = {}) {
    const QString path = dir + "/lesson.attnviz";
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(QStringLiteral(R"({"format": "attnviz-session", "version": 1, "sentence": "%1",
        "tokenizer": "words", "max_tokens": 512, "seed": "42", "positional": true,
        "model": {"d_model": 32, "heads": %2, "dk": 8, "dv": 8, "causal": false,
                  "single_head": false},
        "view": {"colormap": "magma", "scale": "shared-unit", "values": true,
                 "mean_panel": false, "baseline_panel": false, "lock_sizes": false%3},
        "weights": null})")
                   .arg(sentence)
                   .arg(heads)
                   .arg(extraView)
                   .toUtf8());
    return path;
}

inline QJsonObject parseDump(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("dump is not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

inline QString fixture(const QString &name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/safetensors/") + name;
}

} // namespace attnviz_test
