#include "file_load_worker.h"
#include "translated_error.h"

#include <QCoreApplication>
#include <attnviz/error.h>
#include <attnviz/io/input_file.h>
#include <attnviz/loaders/head_count.h>

#include <QCryptographicHash>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <span>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct LoadText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::FileLoadWorker)
};
} // namespace

std::optional<int> OpenedWeightsFile::declaredHeads() const {
    try {
        return declaredHeadCount(file->metadata());
    } catch (const InputError &) {
        return std::nullopt; // not offered in the question; the loader then refuses the file
    }
}

OpenedWeightsFile openWeightsFile(const QString &path, const std::atomic<bool> *cancel) {
    // One open and one pass over the file: SafetensorsFile refuses a FIFO, a device or a directory
    // without blocking, and the hash is taken from its mapping, the same pages the tensors are
    // converted from later.
    OpenedWeightsFile opened;
    opened.path = QFileInfo(path).absoluteFilePath();
    opened.file = std::make_shared<const SafetensorsFile>(
        SafetensorsFile::open(path.toStdString(), "the weights file"));
    opened.modules = findAttentionModules(*opened.file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const std::span<const std::byte> bytes = opened.file->fileBytes();
    constexpr std::size_t kChunk = std::size_t{1} << 24; // addData takes a qsizetype
    for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
        if (cancel && *cancel)
            throw InputError("cancelled"); // never shown: the request was dropped
        const std::size_t n = std::min(kChunk, bytes.size() - at);
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(bytes.data() + at),
                                    static_cast<qsizetype>(n)));
    }
    opened.sha256 = QString::fromLatin1(hash.result().toHex());
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

void FileLoadWorker::loadDocument(const SessionDocument &document) {
    start(document.weightsPath, Kind::Document, document);
}

// Runs on a pool thread: touches nothing but its arguments, and lets no exception out.
FileLoadWorker::Outcome FileLoadWorker::run(quint64 id, const QString &path, Kind kind,
                                            const std::optional<SessionDocument> &document,
                                            const std::atomic<bool> *cancel) {
    Outcome out;
    out.id = id;
    out.kind = kind;
    out.path = path;
    try {
        if (kind == Kind::Weights) {
            out.weights = openWeightsFile(path, cancel);
        } else if (kind == Kind::Session) {
            out.session = openSessionFile(path);
        } else {
            out.session = OpenedSession{};
            out.session->document = *document;
            if (!document->weightsPath.isEmpty())
                out.session->weights = openWeightsFile(document->weightsPath, cancel);
        }
    } catch (const InputError &e) {
        out.error = translatedError(e);
    } catch (const std::bad_alloc &) {
        out.error = LoadText::tr("'%1' is too large to load into memory").arg(path);
    } catch (const std::exception &e) { // nothing may escape a worker: it would end the app
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

void FileLoadWorker::abandon() {
    if (!isBusy())
        return;
    m_finishedId = ++m_latestId; // no outcome carries this id
    if (m_cancelLatest)
        *m_cancelLatest = true;
    emit busyChanged(false);
}

void FileLoadWorker::start(const QString &path, Kind kind,
                           std::optional<SessionDocument> document) {
    const bool wasBusy = isBusy();
    const quint64 id = ++m_latestId;
    m_latestPath = path;
    if (m_cancelLatest) // a newer request replaces it: its hashing need not go on
        *m_cancelLatest = true;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancelLatest = cancel;
    // One watcher per request, so a newer request never waits for an older one to finish.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        deliver(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([id, path, kind, document = std::move(document), cancel] {
        return run(id, path, kind, document, cancel.get());
    }));
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
        else if (outcome.kind == Kind::Session)
            emit sessionFailed(outcome.path, outcome.error);
        else
            emit documentFailed(outcome.error);
    } else if (outcome.weights) {
        emit weightsLoaded(*outcome.weights);
    } else if (outcome.session && outcome.kind == Kind::Session) {
        emit sessionLoaded(*outcome.session);
    } else if (outcome.session) {
        emit documentLoaded(*outcome.session);
    }
}

} // namespace attnviz::ui
