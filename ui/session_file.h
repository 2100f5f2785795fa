// SessionFile: a .attnviz document (JSON with a format version) that reproduces a figure: the
// sentence, every setting, the view, and the weights file with its SHA-256.
#pragma once

#include "heatmap_style.h"

#include <attnviz/pipeline.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace attnviz::ui {

struct SessionDocument {
    static constexpr int kFormatVersion = 1;

    PipelineOptions options; // embeddings are not part of a session
    HeatmapStyle style;
    bool meanPanel = false;
    bool baselinePanel = false;
    bool lockSizes = false;
    QString weightsPath; // empty: random weights
    QString weightsSha256;
    std::optional<std::string> weightsPrefix;
};

QJsonObject toJson(const SessionDocument &document);
// Throws InputError naming the first wrong key and why. Paths stay as written (relative ones
// are resolved against the session file by loadSession).
SessionDocument fromJson(const QJsonObject &json);

// Writes with QSaveFile: on failure the previous file is intact and InputError says why.
void saveSession(const QString &path, const SessionDocument &document);
// Reads and checks a session. The weights file must exist; when its SHA-256 differs from the
// recorded one, a warning is appended to `warnings` and it is used anyway.
SessionDocument loadSession(const QString &path, QStringList *warnings);

// Hex SHA-256 of a file; throws InputError when it cannot be read.
QString fileSha256(const QString &path);

} // namespace attnviz::ui
