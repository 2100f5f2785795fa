// ModelLoader: reads model folders off the GUI thread, newest request wins, reports progress and
// can be cancelled, keeps the ones it read so switching between a family's variants is instant,
// and hashes their files in the background for sessions.
#pragma once

#include "session_file.h"

#include <attnviz/model/model_folder.h>

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

template <typename T> class QFutureWatcher;

namespace attnviz::ui {

class ModelLoader : public QObject {
    Q_OBJECT
public:
    explicit ModelLoader(QObject *parent = nullptr);
    ~ModelLoader() override;

    // Starts reading `folder`; `source` travels with the result (a built-in model's name or the
    // folder). A cached folder is reported at once. A request made while one runs replaces it.
    void load(const QString &folder, const QString &source);
    bool isLoading() const;
    // Stops the running load between two tensors and drops a waiting one: neither is reported
    // as loaded, so the model shown stays. Emits cancelled() once the worker has stopped.
    void cancel();
    // Blocks until the running request has been reported (tests, shutdown).
    void waitForIdle();
    // The SHA-256 of every file of a folder this loader read, hashed off the GUI thread after the
    // load; waits for the hashing when it is still running. Empty for a folder never loaded, or
    // when a file could not be read.
    QList<ModelFileDigest> fileDigests(const QString &folder) const;

signals:
    void loaded(std::shared_ptr<const attnviz::LoadedModel> model, const QString &source);
    void failed(const QString &message, const QString &folder);
    void cancelled(const QString &folder);
    void busyChanged(bool busy);
    // Bytes of tensors converted so far of the running load, out of `total`; never decreasing
    // within one load, and ending with done == total.
    void progress(qint64 done, qint64 total);

private:
    struct Result;
    void start();
    void finish();
    void startHashing(const QString &folder, std::shared_ptr<const LoadedModel> model);

    QFutureWatcher<std::shared_ptr<Result>> *m_watcher;
    QHash<QString, std::shared_ptr<const LoadedModel>> m_cache;
    QHash<QString, QFuture<QList<ModelFileDigest>>> m_digests;
    std::shared_ptr<Result> m_reported;          // the last result handled
    std::shared_ptr<std::atomic<bool>> m_cancel; // of the running load
    quint64 m_loadId = 0;                        // of the running load, for its progress
    QString m_pendingFolder, m_pendingSource;
    bool m_hasPending = false;
};

} // namespace attnviz::ui
