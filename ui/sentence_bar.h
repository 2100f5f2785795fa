// SentenceBar: the sentence entry with sample sentences; applies typing after a short pause.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace attnviz::ui {

class SentenceBar : public QWidget {
    Q_OBJECT
public:
    explicit SentenceBar(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);     // shows a sentence without emitting sentenceEdited()
    void setError(const QString &message); // empty hides the message
    QLineEdit *lineEdit() const { return m_edit; }
    QComboBox *samples() const { return m_samples; }

    // Typing waits this long for a pause before the heatmaps follow; Enter applies at once.
    static constexpr int kDebounceMilliseconds = 150;

signals:
    void sentenceEdited(const QString &sentence);

private:
    void apply();

    QLineEdit *m_edit;
    QComboBox *m_samples;
    QLabel *m_error;
    QTimer *m_debounce;
};

} // namespace attnviz::ui
