#include "file_load_worker.h"
#include "translated_error.h"

#include <QCoreApplication>
#include <attnviz/error.h>
#include <attnviz/io/input_file.h>

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <charconv>
#include <exception>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct LoadText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::FileLoadWorker)
};
} // namespace

std::optional<int> OpenedWeightsFile::declaredHeads() const {
    const auto it = file->metadata().find("num_heads");
    if (it == file->metadata().end())
        return std::nullopt;
    int heads = 0;
    const char *begin = it->second.data(), *end = begin + it->second.size();
    const auto [stop, ec] = std::from_chars(begin, end, heads);
    if (ec != std::errc() || stop != end || heads < 1)
        return std::nullopt;
    return heads;
}

OpenedWeightsFile openWeightsFile(const QString &path) {
    // Checked first: the reader below would block on a FIFO and hashing /dev/zero never ends.
    requireRegularFile(path.toStdString(), "the weights file");
    OpenedWeightsFile opened;
    opened.path = QFileInfo(path).absoluteFilePath();
    opened.file =
        std::make_shared<const SafetensorsFile>(SafetensorsFile::open(path.toStdString()));
    opened.modules = findAttentionModules(*opened.file);
    opened.sha256 = fileSha256(path);
    return opened;
}

OpenedSession openSessionFile(const QString &path) {
    OpenedSession opened;
    opened.path = path;
    opened.document = readSessionFile(path);
    if (!opened.document.weightsPath.isEmpty()) {
        opened.weights = openWeightsFile(opened.document.weightsPath);
        const QString warning = weightsChangedWarning(opened.document, opened.weights->sha256);
        if (!warning.isEmpty())
            opened.warnings << warning;
    }
    opened.warnings << checkModelFiles(opened.document); // hashed here, off the GUI thread
    return opened;
}

struct FileLoadWorker::Outcome {
    quint64 id = 0;
    Kind kind = Kind::Weights;
    QString path;
    QString error;
    std::optional<OpenedWeightsFile> weights;
    std::optional<OpenedSession> session;
};

FileLoadWorker::FileLoadWorker(QObject *parent)
    : QObject(parent) {}

void FileLoadWorker::loadWeights(const QString &path) {
    start(path, Kind::Weights);
}

void FileLoadWorker::loadSession(const QString &path) {
    start(path, Kind::Session);
}

// Runs on a pool thread: touches nothing but its arguments, and lets no exception out.
FileLoadWorker::Outcome FileLoadWorker::run(quint64 id, const QString &path, Kind kind) {
    Outcome out;
    out.id = id;
    out.kind = kind;
    out.path = path;
    try {
        if (kind == Kind::Weights)
            out.weights = openWeightsFile(path);
        else
            out.session = openSessionFile(path);
    } catch (const InputError &e) {
        out.error = translatedError(e);
    } catch (const std::bad_alloc &) {
        out.error = LoadText::tr("'%1' is too large to load into memory").arg(path);
    } catch (const std::exception &e) { // nothing may escape a worker: it would end the app
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

void FileLoadWorker::start(const QString &path, Kind kind) {
    const bool wasBusy = isBusy();
    const quint64 id = ++m_latestId;
    m_latestPath = path;
    // One watcher per request, so a newer request never waits for an older one to finish.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        deliver(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([id, path, kind] { return run(id, path, kind); }));
    if (!wasBusy)
        emit busyChanged(true);
}

void FileLoadWorker::deliver(const Outcome &outcome) {
    if (outcome.id != m_latestId)
        return; // replaced by a newer request while it ran
    m_finishedId = outcome.id;
    emit busyChanged(false);
    if (!outcome.error.isEmpty()) {
        if (outcome.kind == Kind::Weights)
            emit weightsFailed(outcome.path, outcome.error);
        else
            emit sessionFailed(outcome.path, outcome.error);
    } else if (outcome.weights) {
        emit weightsLoaded(*outcome.weights);
    } else if (outcome.session) {
        emit sessionLoaded(*outcome.session);
    }
}

} // namespace attnviz::ui
