// FileLoadWorker: reads and hashes weights and session files off the GUI thread; the newest
// request wins.
#pragma once

#include "session_file.h"

#include <attnviz/safetensors.h>
#include <attnviz/weights_file.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace attnviz::ui {

// A weights file read, validated and hashed: everything slow is done, what remains (choosing a
// module and a head count, converting the tensors) is quick and happens on the GUI thread.
struct OpenedWeightsFile {
    QString path; // absolute
    QString sha256;
    std::shared_ptr<const SafetensorsFile> file;
    std::vector<AttentionModuleInfo> modules;

    // __metadata__ num_heads when the file states a positive whole number.
    std::optional<int> declaredHeads() const;
};

// Runs on any thread. Throws InputError: a FIFO, a device or a directory is refused without
// blocking, and so is anything the safetensors reader rejects. When `cancel` turns true the
// hashing stops and it throws (a dropped request frees its thread instead of hashing on).
OpenedWeightsFile openWeightsFile(const QString &path, const std::atomic<bool> *cancel = nullptr);

// A session read and checked, with its weights file opened when it names one.
struct OpenedSession {
    QString path;
    SessionDocument document;
    std::optional<OpenedWeightsFile> weights;
    QStringList warnings; // e.g. the weights changed since the session was saved
};

// Runs on any thread; throws InputError. The weights file is hashed once.
OpenedSession openSessionFile(const QString &path);

class FileLoadWorker : public QObject {
    Q_OBJECT
public:
    explicit FileLoadWorker(QObject *parent = nullptr);

    // Starts reading on a pool thread and returns at once. A newer request replaces an older one
    // that is still running: only the newest result is reported.
    void loadWeights(const QString &path);
    void loadSession(const QString &path);
    // A document that is not a file (the last run's state): its weights file is opened here.
    void loadDocument(const attnviz::ui::SessionDocument &document);

    // The running request's result is dropped (it still finishes on its thread) and the worker
    // reports itself idle.
    void abandon();

    bool isBusy() const { return m_finishedId != m_latestId; }
    QString busyPath() const { return isBusy() ? m_latestPath : QString(); }

signals:
    void busyChanged(bool busy);
    void weightsLoaded(const attnviz::ui::OpenedWeightsFile &weights);
    void sessionLoaded(const attnviz::ui::OpenedSession &session);
    void documentLoaded(const attnviz::ui::OpenedSession &document); // with an empty path
    // `path` could not be used; `message` names the cause. Nothing has been applied.
    void weightsFailed(const QString &path, const QString &message);
    void sessionFailed(const QString &path, const QString &message);
    void documentFailed(const QString &message);

private:
    enum class Kind { Weights, Session, Document };
    struct Outcome;
    static Outcome run(quint64 id, const QString &path, Kind kind,
                       const std::optional<SessionDocument> &document,
                       const std::atomic<bool> *cancel);
    void start(const QString &path, Kind kind, std::optional<SessionDocument> document = {});
    void deliver(const Outcome &outcome);

    quint64 m_latestId = 0;
    std::shared_ptr<std::atomic<bool>> m_cancelLatest; // the running request's, set to drop it
    quint64 m_finishedId = 0;
    QString m_latestPath;
};

} // namespace attnviz::ui
