#include "model_loader.h"
#include "translated_error.h"

#include <QCoreApplication>
#include <attnviz/error.h>

#include <QFileInfo>
#include <QFutureWatcher>
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
};

ModelLoader::ModelLoader(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<std::shared_ptr<Result>>(this)) {
    connect(m_watcher, &QFutureWatcher<std::shared_ptr<Result>>::finished, this,
            &ModelLoader::finish);
}

ModelLoader::~ModelLoader() {
    m_watcher->waitForFinished(); // a worker must not outlive what it reports to
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

void ModelLoader::start() {
    m_hasPending = false;
    const QString folder = m_pendingFolder, source = m_pendingSource;
    emit busyChanged(true);
    m_watcher->setFuture(QtConcurrent::run([folder, source] {
        auto result = std::make_shared<Result>();
        result->folder = folder;
        result->source = source;
        try {
            result->model =
                std::make_shared<const LoadedModel>(loadModelFolder(folder.toStdString()));
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
    if (m_hasPending) { // a newer request supersedes this one
        if (result->model)
            m_cache.insert(result->folder, result->model);
        start();
        return;
    }
    emit busyChanged(false);
    if (result->model) {
        m_cache.insert(result->folder, result->model);
        emit loaded(result->model, result->source);
    } else {
        emit failed(result->error, result->folder);
    }
}

void ModelLoader::waitForIdle() {
    while (m_watcher->isRunning() || (m_watcher->isFinished() && m_watcher->future().isValid() &&
                                      m_watcher->result() != m_reported)) {
        m_watcher->waitForFinished();
        finish();
    }
}

} // namespace attnviz::ui
