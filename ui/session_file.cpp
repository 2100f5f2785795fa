#include "session_file.h"

#include <attnviz/error.h>
#include <attnviz/io/input_file.h>
#include <attnviz/loaders/load_model.h>
#include <attnviz/model/builtin_models.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace attnviz::ui {

namespace {
// The translation context of the session file's messages (the window shows them).
struct SessionFileText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::SessionFile)
};
} // namespace

namespace {

const QString kFormatTag = QStringLiteral("attnviz-session");

[[noreturn]] void fail(const QString &message) {
    throw InputError(message.toStdString());
}

// The seed as written by toJson: decimal digits only, within 64 bits.
std::uint64_t parseSeed(const QString &text) {
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,20}$"));
    bool ok = false;
    const std::uint64_t seed = text.toULongLong(&ok);
    if (!digits.match(text).hasMatch() || !ok)
        fail(SessionFileText::tr("'seed' must be a whole number from 0 to %1 written as text")
                 .arg(std::numeric_limits<std::uint64_t>::max()));
    return seed;
}

// The sentence's token count for the memory check, or 0 when it cannot be tokenized (the
// pipeline then says why, with the sentence in view).
std::size_t countTokens(const PipelineOptions &options) {
    try {
        return tokenize(options.sentence, options.tokenizer).size();
    } catch (const InputError &) {
        return 0;
    }
}

const QStringList &scaleNames() {
    static const QStringList names{"shared-unit", "shared-max", "per-head"};
    return names;
}

// Typed access that names the key in its error.
class Reader {
public:
    Reader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path)) {}

    QJsonValue value(const QString &key) const {
        if (!m_object.contains(key))
            fail(SessionFileText::tr("the session has no '%1'").arg(name(key)));
        return m_object.value(key);
    }
    QString string(const QString &key) const {
        const QJsonValue v = value(key);
        if (!v.isString())
            fail(SessionFileText::tr("'%1' must be text").arg(name(key)));
        return v.toString();
    }
    // Absent keys (files from before the key existed) give `fallback`.
    bool optionalBoolean(const QString &key, bool fallback) const {
        return m_object.contains(key) ? boolean(key) : fallback;
    }
    bool boolean(const QString &key) const {
        const QJsonValue v = value(key);
        if (!v.isBool())
            fail(SessionFileText::tr("'%1' must be true or false").arg(name(key)));
        return v.toBool();
    }
    // A whole number in [min, max]; the message names the key and the range.
    int integer(const QString &key, int min, int max) const {
        const QJsonValue v = value(key);
        const double d = v.toDouble(-1.5);
        if (!v.isDouble() || d != std::floor(d))
            fail(SessionFileText::tr("'%1' must be a whole number").arg(name(key)));
        if (d < min || d > max)
            fail(SessionFileText::tr("'%1' must be between %2 and %3, got %4")
                     .arg(name(key))
                     .arg(min)
                     .arg(max)
                     .arg(d, 0, 'g', 12));
        return static_cast<int>(d);
    }
    Reader object(const QString &key) const {
        const QJsonValue v = value(key);
        if (!v.isObject())
            fail(SessionFileText::tr("'%1' must be an object").arg(name(key)));
        return Reader(v.toObject(), name(key));
    }

private:
    QString name(const QString &key) const { return m_path.isEmpty() ? key : m_path + '.' + key; }
    QJsonObject m_object;
    QString m_path;
};

} // namespace

namespace {

bool isSha256(const QString &text) {
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

// "checkpoint.files" (version 2): plain file names in the model folder and their SHA-256. A name
// with a folder in it is refused: a session must not make attnviz hash files elsewhere.
QList<ModelFileDigest> readModelFiles(const QJsonValue &value) {
    QList<ModelFileDigest> files;
    if (value.isUndefined() || value.isNull())
        return files;
    if (!value.isArray())
        fail(SessionFileText::tr("'checkpoint.files' must be a list"));
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isObject())
            fail(SessionFileText::tr("'checkpoint.files' must hold objects"));
        const Reader file(entry.toObject(),
                          QStringLiteral("checkpoint.files[%1]").arg(files.size()));
        const QString name = file.string("file"), sha256 = file.string("sha256");
        if (name.isEmpty() || name.contains(u'/') || name.contains(u'\\') ||
            name == QLatin1String(".") || name == QLatin1String(".."))
            fail(SessionFileText::tr(
                     "'checkpoint.files' names '%1', which is not a file name in the "
                     "model folder")
                     .arg(name));
        if (!isSha256(sha256))
            fail(SessionFileText::tr("'checkpoint.files' gives '%1' a SHA-256 that is not 64 "
                                     "lower-case hexadecimal digits")
                     .arg(name));
        files.append({name, sha256});
    }
    return files;
}

} // namespace

QJsonObject toJson(const SessionDocument &d) {
    const AttentionConfig &c = d.options.attention;
    QJsonObject weights;
    if (!d.weightsPath.isEmpty()) {
        weights["file"] = d.weightsPath;
        weights["sha256"] = d.weightsSha256;
        weights["prefix"] = QString::fromStdString(d.weightsPrefix.value_or(""));
        weights["heads"] = c.heads;
    }
    QJsonObject checkpoint{{"source", d.modelSource}, {"layer", d.modelLayer}};
    if (!d.modelFiles.isEmpty()) {
        QJsonArray files;
        for (const ModelFileDigest &f : d.modelFiles)
            files.append(QJsonObject{{"file", f.name}, {"sha256", f.sha256}});
        checkpoint["files"] = files;
    }
    return {
        {"format", kFormatTag},
        {"version", SessionDocument::kFormatVersion},
        {"sentence", QString::fromStdString(d.options.sentence)},
        {"tokenizer", QString::fromUtf8(toString(d.options.tokenizer.mode).data())},
        {"max_tokens", static_cast<int>(d.options.tokenizer.maxTokens)},
        {"seed", QString::number(d.options.seed)}, // text: a JSON number loses 64-bit seeds
        {"positional", d.options.positional},
        {"model", QJsonObject{{"d_model", c.dModel},
                              {"heads", c.heads},
                              {"dk", c.dk},
                              {"dv", c.dv},
                              {"causal", c.causal},
                              {"single_head", c.singleHead}}},
        {"view", QJsonObject{{"colormap", colormapName(d.style.colormap)},
                             {"scale", scaleNames()[static_cast<int>(d.style.scale)]},
                             {"values", d.style.showValues},
                             {"mean_panel", d.meanPanel},
                             {"baseline_panel", d.baselinePanel},
                             {"lock_sizes", d.lockSizes},
                             {"hide_special", d.tokenView.hideSpecial},
                             {"merge_subwords", d.tokenView.mergeSubwords}}},
        {"weights", d.weightsPath.isEmpty() ? QJsonValue() : QJsonValue(weights)},
        {"checkpoint", d.modelSource.isEmpty() ? QJsonValue() : QJsonValue(checkpoint)},
    };
}

SessionDocument fromJson(const QJsonObject &json) {
    const Reader root(json, {});
    if (json.value("format").toString() != kFormatTag)
        fail(SessionFileText::tr("this is not an attnviz session (no \"format\": \"%1\")")
                 .arg(kFormatTag));
    const int version = root.integer("version", 1, std::numeric_limits<int>::max());
    if (version > SessionDocument::kFormatVersion)
        fail(SessionFileText::tr(
                 "the session was written by a newer attnviz (format version %1; this "
                 "version reads up to %2)")
                 .arg(version)
                 .arg(SessionDocument::kFormatVersion));

    // Every number is checked here, at the boundary: nothing past this point divides by a head
    // count of 0 or allocates from an absurd size.
    SessionDocument d;
    PipelineOptions &o = d.options;
    o.sentence = root.string("sentence").toStdString();
    o.tokenizer.mode = parseTokenizerMode(root.string("tokenizer").toStdString());
    o.tokenizer.maxTokens =
        static_cast<std::size_t>(root.integer("max_tokens", 1, SessionDocument::kMaxTokensLimit));
    o.seed = parseSeed(root.string("seed"));
    o.positional = root.boolean("positional");
    const Reader model = root.object("model");
    AttentionConfig &c = o.attention;
    c.dModel = model.integer("d_model", 1, ConfigLimits::maxDModel);
    c.heads = model.integer("heads", 1, ConfigLimits::maxHeads);
    c.dk = model.integer("dk", 1, ConfigLimits::maxHeadDim);
    c.dv = model.integer("dv", 1, ConfigLimits::maxHeadDim);
    c.causal = model.boolean("causal");
    c.singleHead = model.boolean("single_head");
    validate(c, countTokens(o));

    const Reader view = root.object("view");
    if (!parseColormap(view.string("colormap"), &d.style.colormap))
        fail(SessionFileText::tr("'view.colormap' is not a known colour map"));
    const auto scale = static_cast<int>(scaleNames().indexOf(view.string("scale")));
    if (scale < 0)
        fail(SessionFileText::tr("'view.scale' must be one of %1").arg(scaleNames().join(", ")));
    d.style.scale = static_cast<ColorScale>(scale);
    d.style.showValues = view.boolean("values");
    d.meanPanel = view.boolean("mean_panel");
    d.baselinePanel = view.boolean("baseline_panel");
    d.lockSizes = view.boolean("lock_sizes");
    d.tokenView.hideSpecial = view.optionalBoolean("hide_special", false);
    d.tokenView.mergeSubwords = view.optionalBoolean("merge_subwords", false);

    // Absent in sessions written before whole models: then the module, as before.
    const QJsonValue checkpoint = json.value("checkpoint");
    if (!checkpoint.isNull() && !checkpoint.isUndefined()) {
        if (!checkpoint.isObject())
            fail(SessionFileText::tr("'checkpoint' must be null or an object"));
        const Reader m(checkpoint.toObject(), QStringLiteral("checkpoint"));
        d.modelSource = m.string("source");
        if (d.modelSource.isEmpty())
            fail(SessionFileText::tr("'checkpoint.source' is empty; use null for the module"));
        d.modelLayer = m.integer("layer", 0, 127);
        d.modelFiles = readModelFiles(checkpoint.toObject().value("files"));
    }

    const QJsonValue weights = root.value("weights");
    if (!weights.isNull()) {
        if (!weights.isObject())
            fail(SessionFileText::tr("'weights' must be null or an object"));
        const Reader w(weights.toObject(), QStringLiteral("weights"));
        d.weightsPath = w.string("file");
        if (d.weightsPath.isEmpty())
            fail(SessionFileText::tr("'weights.file' is empty; use null for random weights"));
        d.weightsSha256 = w.string("sha256");
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!d.weightsSha256.isEmpty() && !hex.match(d.weightsSha256).hasMatch())
            fail(SessionFileText::tr("'weights.sha256' must be 64 lower-case hexadecimal digits"));
        const QString prefix = w.string("prefix");
        if (!prefix.isEmpty())
            d.weightsPrefix = prefix.toStdString();
        c.heads = w.integer("heads", 1, ConfigLimits::maxHeads);
        if (c.singleHead && c.heads != 1)
            fail(SessionFileText::tr(
                     "'weights.heads' is %1, but single-head mode has exactly one head")
                     .arg(c.heads));
    }
    return d;
}

QString fileSha256(const QString &path) {
    const std::string name = path.toStdString();
    // Opened without blocking and checked to be a regular file on the same descriptor: a FIFO
    // or a device (/dev/zero) is refused instead of being read forever.
    const int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        fail(SessionFileText::tr("cannot read the weights file %1: %2")
                 .arg(QString::fromStdString(quotedPath(name)),
                      QString::fromLocal8Bit(std::strerror(errno))));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        requireRegularFile(name, "the weights file"); // throws, naming what the path is
        fail(SessionFileText::tr("the weights file %1 is not a regular file")
                 .arg(QString::fromStdString(quotedPath(name))));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::vector<char> chunk(std::size_t{1} << 20); // bounded memory, whatever the file's size
    for (;;) {
        const ssize_t got = ::read(fd, chunk.data(), chunk.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            fail(SessionFileText::tr("cannot read the weights file %1: %2")
                     .arg(QString::fromStdString(quotedPath(name)),
                          QString::fromLocal8Bit(std::strerror(error))));
        }
        if (got == 0)
            break;
        hash.addData(QByteArrayView(chunk.data(), got));
    }
    ::close(fd);
    return QString::fromLatin1(hash.result().toHex());
}

void saveSession(const QString &path, const SessionDocument &document,
                 const SessionWriter &writer) {
    const QFileInfo target(path);
    if (target.exists() && !target.isFile()) // a directory, a device, a FIFO: never replaced
        fail(
            SessionFileText::tr("cannot save '%1': it exists and is not a regular file").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        fail(SessionFileText::tr("cannot save '%1': %2").arg(path, file.errorString()));
    const QByteArray bytes = QJsonDocument(toJson(document)).toJson(QJsonDocument::Indented);
    QString error;
    const bool written = writer ? writer(file, bytes, &error) : writeAll(file, bytes, &error);
    // flush() pushes buffered bytes to the disk now, so a full disk is seen before commit().
    if (written && !file.flush())
        error = file.errorString();
    if (!written || !error.isEmpty()) {
        file.cancelWriting();
        fail(SessionFileText::tr("cannot save '%1': %2; the previous file is unchanged")
                 .arg(path, error.isEmpty() ? SessionFileText::tr("the write failed") : error));
    }
    if (!file.commit())
        fail(SessionFileText::tr("cannot save '%1': %2; the previous file is unchanged")
                 .arg(path, file.errorString()));
}

bool writeAll(QSaveFile &file, const QByteArray &bytes, QString *error) {
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 wrote = file.write(bytes.constData() + done, bytes.size() - done);
        if (wrote <= 0) {
            *error = file.errorString();
            return false;
        }
        done += wrote;
    }
    return true;
}

SessionDocument readSessionFile(const QString &path) {
    const std::string bytes = readInputFile(path.toStdString(), kMaxSessionBytes, "the session");
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())), &error);
    if (error.error != QJsonParseError::NoError)
        fail(SessionFileText::tr("'%1' is not JSON (%2 at byte %3)")
                 .arg(path, error.errorString())
                 .arg(error.offset));
    if (!json.isObject())
        fail(SessionFileText::tr("'%1' is not a JSON object").arg(path));
    SessionDocument d = fromJson(json.object());
    if (!d.weightsPath.isEmpty()) {
        d.weightsPath =
            QFileInfo(path).dir().absoluteFilePath(d.weightsPath); // relative to the session
        if (!QFileInfo::exists(d.weightsPath))
            fail(SessionFileText::tr("the session's weights file '%1' is missing")
                     .arg(d.weightsPath));
        requireRegularFile(d.weightsPath.toStdString(), "the session's weights file");
    }
    return d;
}

QList<ModelFileDigest> hashModelFiles(const LoadedModel &model) {
    const QDir folder(QString::fromStdString(model.folder));
    QList<ModelFileDigest> digests;
    for (const std::string &file : model.files) {
        const QString path = QString::fromStdString(file);
        digests.append({folder.relativeFilePath(path), fileSha256(path)});
    }
    return digests;
}

QString modelFolderOf(const SessionDocument &document) {
    // The loader's rule (a built-in name first, then a folder), as the model itself is opened.
    std::string builtinDir;
    try {
        // The command line reads sessions before any application object exists.
        const std::string programDir =
            QCoreApplication::instance()
                ? QCoreApplication::applicationDirPath().toStdString()
                : std::filesystem::read_symlink("/proc/self/exe").parent_path().string();
        builtinDir = findBuiltinModelsDir(programDir);
    } catch (const InputError &) {
        // no built-in models here: only a folder can be meant
    } catch (const std::filesystem::filesystem_error &) {
        // no /proc: the same
    }
    try {
        return QString::fromStdString(
            modelFolder(ModelSource::named(document.modelSource.toStdString(), builtinDir)));
    } catch (const InputError &) {
        return document.modelSource; // neither: the check below names the missing files
    }
}

QStringList checkModelFiles(const SessionDocument &document) {
    QStringList warnings;
    if (document.modelFiles.isEmpty())
        return warnings;
    const QDir folder(modelFolderOf(document));
    for (const ModelFileDigest &file : document.modelFiles) {
        const QString path = folder.filePath(file.name);
        if (!QFileInfo::exists(path))
            fail(SessionFileText::tr("the session's model file '%1' is missing").arg(path));
        requireRegularFile(path.toStdString(), "the session's model file");
        if (fileSha256(path) != file.sha256)
            warnings << SessionFileText::tr("the model file '%1' has changed since the session was "
                                            "saved (its SHA-256 differs); the figure may differ")
                            .arg(path);
    }
    return warnings;
}

QString weightsChangedWarning(const SessionDocument &document, const QString &actualSha256) {
    if (document.weightsPath.isEmpty() || actualSha256 == document.weightsSha256)
        return {};
    return SessionFileText::tr("the weights file '%1' has changed since the session was saved "
                               "(its SHA-256 differs); the figure may differ")
        .arg(document.weightsPath);
}

SessionDocument loadSession(const QString &path, QStringList *warnings) {
    SessionDocument d = readSessionFile(path);
    if (!d.weightsPath.isEmpty()) {
        const QString warning = weightsChangedWarning(d, fileSha256(d.weightsPath));
        if (!warning.isEmpty() && warnings)
            *warnings << warning;
    }
    const QStringList modelWarnings = checkModelFiles(d);
    if (warnings)
        *warnings << modelWarnings;
    return d;
}

} // namespace attnviz::ui
