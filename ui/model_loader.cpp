#include "model_loader.h"
#include "translated_error.h"

#include <QCoreApplication>
#include <attnviz/error.h>
#include <attnviz/loaders/load_model.h>

#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct LoadText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::ModelLoader)
};
} // namespace

struct ModelLoader::Result {
    QString folder, source, error;
    std::shared_ptr<const LoadedModel> model;
    bool cancelled = false;
};

ModelLoader::ModelLoader(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<std::shared_ptr<Result>>(this)) {
    connect(m_watcher, &QFutureWatcher<std::shared_ptr<Result>>::finished, this,
            &ModelLoader::finish);
}

ModelLoader::~ModelLoader() {
    if (m_cancel)
        m_cancel->store(true);    // nobody waits for this result any more
    m_watcher->waitForFinished(); // a worker must not outlive what it reports to
    for (QFuture<QList<ModelFileDigest>> &digests : m_digests)
        digests.waitForFinished();
}

bool ModelLoader::isLoading() const {
    return m_watcher->isRunning();
}

void ModelLoader::load(const QString &folder, const QString &source) {
    const QString key = QFileInfo(folder).absoluteFilePath();
    if (const auto cached = m_cache.value(key); cached && !isLoading()) {
        emit loaded(cached, source);
        return;
    }
    m_pendingFolder = key;
    m_pendingSource = source;
    m_hasPending = true;
    if (!isLoading())
        start();
}

void ModelLoader::cancel() {
    m_hasPending = false;
    if (m_cancel) // finish() then reports it as cancelled, even when the worker got to the end
        m_cancel->store(true);
}

void ModelLoader::start() {
    m_hasPending = false;
    const QString folder = m_pendingFolder, source = m_pendingSource;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const quint64 id = ++m_loadId;
    emit busyChanged(true);
    // Progress crosses to the GUI thread queued; a report of a replaced load is dropped there.
    // Only whole-percent steps are sent, so a large model posts at most about a hundred events.
    QPointer<ModelLoader> self(this);
    const auto report = [self, id, last = std::make_shared<int>(-1)](std::uint64_t done,
                                                                     std::uint64_t total) {
        const int percent = total ? static_cast<int>(done * 100 / total) : 100;
        if (percent == *last && done != total)
            return;
        *last = percent;
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, done, total] {
                if (self && self->m_loadId == id)
                    emit self->progress(static_cast<qint64>(done), static_cast<qint64>(total));
            },
            Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run([folder, source, cancel, report] {
        auto result = std::make_shared<Result>();
        result->folder = folder;
        result->source = source;
        LoadControl control;
        control.cancel = cancel.get();
        control.progress = report;
        try {
            result->model = loadModel(ModelSource::folder(folder.toStdString()), control).model;
        } catch (const InputError &e) {
            result->error = translatedError(e);
        } catch (const std::bad_alloc &) {
            result->error =
                LoadText::tr("the model in %1 is too large for this computer's memory").arg(folder);
        }
        return result;
    }));
}

void ModelLoader::finish() {
    const std::shared_ptr<Result> result = m_watcher->result();
    if (!result || result == m_reported) // waitForIdle() reported it before the signal came
        return;
    m_reported = result;
    result->cancelled = m_cancel && m_cancel->load();
    if (result->model && !result->cancelled) {
        m_cache.insert(result->folder, result->model);
        startHashing(result->folder, result->model);
    }
    if (m_hasPending) { // a newer request supersedes this one
        start();
        return;
    }
    emit busyChanged(false);
    if (result->cancelled)
        emit cancelled(result->folder);
    else if (result->model)
        emit loaded(result->model, result->source);
    else
        emit failed(result->error, result->folder);
}

void ModelLoader::startHashing(const QString &folder, std::shared_ptr<const LoadedModel> model) {
    if (m_digests.contains(folder))
        return;
    m_digests.insert(folder, QtConcurrent::run([model] {
                         try {
                             return hashModelFiles(*model);
                         } catch (const InputError &) {
                             return QList<ModelFileDigest>(); // the session then records none
                         }
                     }));
}

QList<ModelFileDigest> ModelLoader::fileDigests(const QString &folder) const {
    const auto it = m_digests.constFind(QFileInfo(folder).absoluteFilePath());
    return it == m_digests.constEnd() ? QList<ModelFileDigest>() : it->result();
}

void ModelLoader::waitForIdle() {
    while (m_watcher->isRunning() || (m_watcher->isFinished() && m_watcher->future().isValid() &&
                                      m_watcher->result() != m_reported)) {
        m_watcher->waitForFinished();
        finish();
    }
}

} // namespace attnviz::ui
