// SessionFile: a .attnviz document (JSON with a format version) that reproduces a figure: the
// sentence, every setting, the view, and the weights file with its SHA-256.
#pragma once

#include "heatmap_style.h"

#include <attnviz/analysis/token_groups.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/pipeline.h>

#include <QJsonObject>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace attnviz::ui {

// One file of a model folder and its SHA-256, as sessions record it.
struct ModelFileDigest {
    QString name; // relative to the folder: "config.json", "model.safetensors", "vocab.txt"
    QString sha256;
    bool operator==(const ModelFileDigest &) const = default;
};

struct SessionDocument {
    // 2: the model folder's files with their SHA-256 ("checkpoint.files"). Version 1 files,
    // without them, keep opening.
    static constexpr int kFormatVersion = 2;
    static constexpr int kMaxTokensLimit = 100'000; // the largest max_tokens a session may ask

    PipelineOptions options; // embeddings are not part of a session
    HeatmapStyle style;
    bool meanPanel = false;
    bool baselinePanel = false;
    bool lockSizes = false;
    TokenViewOptions tokenView; // optional in the file (absent: both off)
    QString weightsPath;        // empty: random weights
    QString weightsSha256;
    std::optional<std::string> weightsPrefix;
    // A whole model instead of the module: a built-in model's name or a model folder, and the
    // layer shown. Empty: the module (random or loaded weights). Optional in version 1 files.
    QString modelSource;
    int modelLayer = 0;
    QList<ModelFileDigest> modelFiles; // empty in version 1 files: nothing to compare
};

QJsonObject toJson(const SessionDocument &document);
// Throws InputError naming the first wrong key and why. Paths stay as written (relative ones
// are resolved against the session file by loadSession).
SessionDocument fromJson(const QJsonObject &json);

// Sessions are small; anything larger is not one (checked before reading).
constexpr std::uint64_t kMaxSessionBytes = 16 << 20;

// Writes `bytes` into an open QSaveFile; returns false with the reason in `error` when any
// write fails. The default is writeAll(); tests pass one that fails like a full disk.
using SessionWriter = std::function<bool(QSaveFile &file, const QByteArray &bytes, QString *error)>;
bool writeAll(QSaveFile &file, const QByteArray &bytes, QString *error);

// Writes with QSaveFile, checking every write, the flush and the commit: on failure the previous
// file is intact and InputError says why ("No space left on device"). An existing target that is
// not a regular file (a directory, a device) is refused.
void saveSession(const QString &path, const SessionDocument &document,
                 const SessionWriter &writer = {});
// Reads and checks a session without hashing its weights: the file is read only when it is a
// regular file of at most kMaxSessionBytes; every value is checked; the weights path is resolved
// against the session and must name an existing regular file.
SessionDocument readSessionFile(const QString &path);
// Hashes every file loadModelFolder read, in that order (names relative to the folder). Runs on
// any thread; throws InputError when a file cannot be read.
QList<ModelFileDigest> hashModelFiles(const LoadedModel &model);
// The folder of a session's model: a built-in model's folder for its name, else the source.
QString modelFolderOf(const SessionDocument &document);
// Hashes the session's recorded model files: InputError naming a missing one (the session is then
// refused); one warning a file whose SHA-256 differs (the model is used anyway).
QStringList checkModelFiles(const SessionDocument &document);
// The warning for weights whose SHA-256 differs from the recorded one, or an empty string.
QString weightsChangedWarning(const SessionDocument &document, const QString &actualSha256);
// readSessionFile(), then hashes the weights file and the model's files (checkModelFiles): when one
// differs from the recorded SHA-256, a warning is appended to `warnings` and it is used anyway.
SessionDocument loadSession(const QString &path, QStringList *warnings);

// Hex SHA-256 of a regular file, read in 1 MiB chunks; throws InputError when it cannot be read
// or is a FIFO, a device or a directory (which would never end or block).
QString fileSha256(const QString &path);

} // namespace attnviz::ui
