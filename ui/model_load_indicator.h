// ModelLoadIndicator: the status bar's view of a model load — how far the tensors are converted,
// and a Cancel button that stops the load and keeps the model shown. Hidden when idle.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace attnviz::ui {

class ModelLoader;

class ModelLoadIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ModelLoadIndicator(ModelLoader *loader, QWidget *parent = nullptr);

    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void showBusy(bool busy);
    void showProgress(qint64 done, qint64 total);

    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace attnviz::ui
