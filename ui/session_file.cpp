#include "session_file.h"

#include <attnviz/error.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace attnviz::ui {

namespace {

const QString kFormatTag = QStringLiteral("attnviz-session");

[[noreturn]] void fail(const QString &message) {
    throw InputError(message.toStdString());
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
            fail(QStringLiteral("the session has no '%1'").arg(name(key)));
        return m_object.value(key);
    }
    QString string(const QString &key) const {
        const QJsonValue v = value(key);
        if (!v.isString())
            fail(QStringLiteral("'%1' must be text").arg(name(key)));
        return v.toString();
    }
    bool boolean(const QString &key) const {
        const QJsonValue v = value(key);
        if (!v.isBool())
            fail(QStringLiteral("'%1' must be true or false").arg(name(key)));
        return v.toBool();
    }
    int integer(const QString &key) const {
        const QJsonValue v = value(key);
        const double d = v.toDouble(-1.5);
        if (!v.isDouble() || d != std::floor(d) || d < 0 || d > 1e9)
            fail(QStringLiteral("'%1' must be a whole number").arg(name(key)));
        return static_cast<int>(d);
    }
    Reader object(const QString &key) const {
        const QJsonValue v = value(key);
        if (!v.isObject())
            fail(QStringLiteral("'%1' must be an object").arg(name(key)));
        return Reader(v.toObject(), name(key));
    }

private:
    QString name(const QString &key) const { return m_path.isEmpty() ? key : m_path + '.' + key; }
    QJsonObject m_object;
    QString m_path;
};

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
                             {"lock_sizes", d.lockSizes}}},
        {"weights", d.weightsPath.isEmpty() ? QJsonValue() : QJsonValue(weights)},
    };
}

SessionDocument fromJson(const QJsonObject &json) {
    const Reader root(json, {});
    if (json.value("format").toString() != kFormatTag)
        fail(QStringLiteral("this is not an attnviz session (no \"format\": \"%1\")")
                 .arg(kFormatTag));
    const int version = root.integer("version");
    if (version > SessionDocument::kFormatVersion)
        fail(QStringLiteral("the session was written by a newer attnviz (format version %1; this "
                            "version reads up to %2)")
                 .arg(version)
                 .arg(SessionDocument::kFormatVersion));

    SessionDocument d;
    PipelineOptions &o = d.options;
    o.sentence = root.string("sentence").toStdString();
    o.tokenizer.mode = parseTokenizerMode(root.string("tokenizer").toStdString());
    o.tokenizer.maxTokens = static_cast<std::size_t>(std::max(1, root.integer("max_tokens")));
    bool ok = false;
    o.seed = root.string("seed").toULongLong(&ok);
    if (!ok)
        fail(QStringLiteral("'seed' must be a whole number written as text"));
    o.positional = root.boolean("positional");
    const Reader model = root.object("model");
    AttentionConfig &c = o.attention;
    c.dModel = model.integer("d_model");
    c.heads = model.integer("heads");
    c.dk = model.integer("dk");
    c.dv = model.integer("dv");
    c.causal = model.boolean("causal");
    c.singleHead = model.boolean("single_head");
    validate(c, 0);

    const Reader view = root.object("view");
    if (!parseColormap(view.string("colormap"), &d.style.colormap))
        fail(QStringLiteral("'view.colormap' is not a known colour map"));
    const auto scale = static_cast<int>(scaleNames().indexOf(view.string("scale")));
    if (scale < 0)
        fail(QStringLiteral("'view.scale' must be one of %1").arg(scaleNames().join(", ")));
    d.style.scale = static_cast<ColorScale>(scale);
    d.style.showValues = view.boolean("values");
    d.meanPanel = view.boolean("mean_panel");
    d.baselinePanel = view.boolean("baseline_panel");
    d.lockSizes = view.boolean("lock_sizes");

    const QJsonValue weights = root.value("weights");
    if (!weights.isNull()) {
        if (!weights.isObject())
            fail(QStringLiteral("'weights' must be null or an object"));
        const Reader w(weights.toObject(), QStringLiteral("weights"));
        d.weightsPath = w.string("file");
        d.weightsSha256 = w.string("sha256");
        const QString prefix = w.string("prefix");
        if (!prefix.isEmpty())
            d.weightsPrefix = prefix.toStdString();
        c.heads = w.integer("heads");
    }
    return d;
}

QString fileSha256(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

void saveSession(const QString &path, const SessionDocument &document) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot save '%1': %2").arg(path, file.errorString()));
    file.write(QJsonDocument(toJson(document)).toJson(QJsonDocument::Indented));
    if (!file.commit())
        fail(QStringLiteral("cannot save '%1': %2; the previous file is unchanged")
                 .arg(path, file.errorString()));
}

SessionDocument loadSession(const QString &path, QStringList *warnings) {
    QFile file(path);
    if (QFileInfo(path).isDir())
        fail(QStringLiteral("'%1' is a directory, not a session").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot open '%1': %2").arg(path, file.errorString()));
    if (file.size() > 16 << 20)
        fail(QStringLiteral("'%1' is too large to be a session").arg(path));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        fail(QStringLiteral("'%1' is not JSON (%2 at byte %3)")
                 .arg(path, error.errorString())
                 .arg(error.offset));
    if (!json.isObject())
        fail(QStringLiteral("'%1' is not a JSON object").arg(path));
    SessionDocument d = fromJson(json.object());
    if (!d.weightsPath.isEmpty()) {
        d.weightsPath =
            QFileInfo(path).dir().absoluteFilePath(d.weightsPath); // relative to the session
        if (!QFileInfo::exists(d.weightsPath))
            fail(QStringLiteral("the session's weights file '%1' is missing").arg(d.weightsPath));
        if (fileSha256(d.weightsPath) != d.weightsSha256 && warnings)
            *warnings << QStringLiteral(
                             "the weights file '%1' has changed since the session was saved "
                             "(its SHA-256 differs); the figure may differ")
                             .arg(d.weightsPath);
    }
    return d;
}

} // namespace attnviz::ui
