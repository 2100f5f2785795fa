// ModelLoader: reads model folders off the GUI thread, newest request wins, and keeps the ones it
// read so switching between a family's variants is instant.
#pragma once

#include <attnviz/model/model_folder.h>

#include <QHash>
#include <QObject>
#include <QString>

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
    // Blocks until the running request has been reported (tests, shutdown).
    void waitForIdle();

signals:
    void loaded(std::shared_ptr<const attnviz::LoadedModel> model, const QString &source);
    void failed(const QString &message, const QString &folder);
    void busyChanged(bool busy);

private:
    struct Result;
    void start();
    void finish();

    QFutureWatcher<std::shared_ptr<Result>> *m_watcher;
    QHash<QString, std::shared_ptr<const LoadedModel>> m_cache;
    std::shared_ptr<Result> m_reported; // the last result handled
    QString m_pendingFolder, m_pendingSource;
    bool m_hasPending = false;
};

} // namespace attnviz::ui
