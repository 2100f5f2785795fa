#include "model_load_indicator.h"

#include "model_loader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace attnviz::ui {

ModelLoadIndicator::ModelLoadIndicator(ModelLoader *loader, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(tr("Loading the model…"), this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("modelLoadIndicator"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 0); // busy until the first report says how much there is
    m_bar->setMaximumWidth(160);
    m_cancel->setToolTip(tr("Stop loading; the model shown now stays"));
    connect(m_cancel, &QPushButton::clicked, loader, &ModelLoader::cancel);
    connect(loader, &ModelLoader::busyChanged, this, &ModelLoadIndicator::showBusy);
    connect(loader, &ModelLoader::progress, this, &ModelLoadIndicator::showProgress);
    setVisible(false);
}

void ModelLoadIndicator::showBusy(bool busy) {
    m_bar->setRange(0, 0);
    m_bar->setToolTip(QString());
    setVisible(busy);
}

void ModelLoadIndicator::showProgress(qint64 done, qint64 total) {
    // Per mille of the bytes: a QProgressBar holds int, and models pass 2 GB.
    m_bar->setRange(0, 1000);
    m_bar->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 1000);
    const QLocale locale;
    m_bar->setToolTip(tr("%1 of %2 of weights converted")
                          .arg(locale.formattedDataSize(done), locale.formattedDataSize(total)));
}

} // namespace attnviz::ui
