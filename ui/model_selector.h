// ModelSelector: which weights the window shows — the article's random module, a built-in trained
// family (with its head-count variants), or a model folder — and which layer.
#pragma once

#include <attnviz/model/builtin_models.h>

#include <QWidget>

#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QSpinBox;

namespace attnviz::ui {

class Retranslator;

class ModelSelector : public QWidget {
    Q_OBJECT
public:
    explicit ModelSelector(std::vector<BuiltinModelInfo> builtins, QWidget *parent = nullptr);

    // Shows the current choice without emitting: `builtinName` empty for random weights or a
    // folder (then `folderLabel` names it); `layers` > 1 shows the layer control.
    void showState(const QString &builtinName, const QString &folderLabel, int layers, int layer);

    const std::vector<BuiltinModelInfo> &builtins() const { return m_builtins; }
    QComboBox *modelControl() const { return m_model; }
    QSpinBox *layerControl() const { return m_layer; }
    // The trained head counts offered for the current family (empty for other sources).
    QList<int> variantHeadCounts() const;
    // Chooses the family variant with `heads` heads; false when there is none.
    bool chooseVariant(int heads);

    // The trained English model a first start opens on (4 heads, or the nearest), or empty.
    QString defaultModel() const;

    // "English, next word" / "中文，下一个字" for a family's combo entry.
    static QString familyLabel(const BuiltinModelInfo &info);

signals:
    void randomRequested();
    void builtinRequested(const QString &name);
    void openFolderRequested();
    void layerRequested(int layer); // 0-based

private:
    void fillVariants(const QString &family, const QString &chosen);
    const BuiltinModelInfo *variant(const QString &family, int heads) const;
    QString currentFamily() const;

    std::vector<BuiltinModelInfo> m_builtins;
    QComboBox *m_model;
    QWidget *m_variantRow;
    QButtonGroup *m_variants;
    QLabel *m_variantNote;
    QWidget *m_layerRow;
    QSpinBox *m_layer;
    Retranslator *m_texts;
    QString m_shownBuiltin, m_shownFolder; // what showState() last showed
    int m_folderIndex = -1;                // the combo entry naming an opened folder
    bool m_showing = false;                // showState() is setting controls: no signals
};

} // namespace attnviz::ui
