#include "sentence_bar.h"

#include "retranslator.h"

#include "sample_sentences.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>

#include <limits>

namespace attnviz::ui {

SentenceBar::SentenceBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_samples(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_debounce(new QTimer(this)) {
    auto *label = new QLabel(this);
    label->setBuddy(m_edit);
    m_edit->setClearButtonEnabled(true);
    // QLineEdit cuts text at 32,767 characters without a word; a long paste must reach the
    // tokenizer whole, so that its token limit explains what is wrong.
    m_edit->setMaxLength(std::numeric_limits<int>::max());
    QFont big = m_edit->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_edit->setFont(big);

    m_samples->addItem(QString());
    for (const SampleSentence &s : sampleSentences())
        m_samples->addItem(s.label, s.text);
    auto *texts = new Retranslator(this);
    texts->add([this, label] {
        label->setText(tr("&Sentence:"));
        m_edit->setPlaceholderText(tr("Type a sentence; the heads follow as you type"));
        m_edit->setToolTip(tr("The input sequence: every token becomes a query row and a key "
                              "column in each head"));
        m_samples->setItemText(0, tr("Samples…"));
        const QList<SampleSentence> samples = sampleSentences();
        for (int i = 0; i < samples.size() && i + 1 < m_samples->count(); ++i)
            m_samples->setItemText(i + 1, samples[i].label);
        m_samples->setToolTip(tr("Replace the sentence with a sample"));
    });

    m_error->setVisible(false);
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xC6, 0x28, 0x28));
    m_error->setPalette(errorPalette);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 2);
    layout->addWidget(label, 0, 0);
    layout->addWidget(m_edit, 0, 1);
    layout->addWidget(m_samples, 0, 2);
    layout->addWidget(m_error, 1, 1, 1, 2);
    layout->setColumnStretch(1, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMilliseconds);
    connect(m_debounce, &QTimer::timeout, this, &SentenceBar::apply);
    connect(m_edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, &SentenceBar::apply);
    connect(m_samples, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        m_edit->setText(m_samples->itemData(index).toString());
        m_samples->setCurrentIndex(0);
        apply();
    });
}

QString SentenceBar::text() const {
    return m_edit->text();
}

void SentenceBar::setText(const QString &text) {
    if (text != m_edit->text())
        m_edit->setText(text);
}

void SentenceBar::setError(const QString &message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SentenceBar::apply() {
    m_debounce->stop();
    emit sentenceEdited(m_edit->text());
}

} // namespace attnviz::ui
