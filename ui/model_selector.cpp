#include "model_selector.h"

#include "retranslator.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace attnviz::ui {

namespace {
const QString kRandom = QStringLiteral("random");
const QString kFolder = QStringLiteral("folder");
const QString kOpen = QStringLiteral("open");
const QString kFamilyPrefix = QStringLiteral("family:");
} // namespace

QString ModelSelector::familyLabel(const BuiltinModelInfo &info) {
    // A Chinese model is named in Chinese whatever the interface language: that is its content.
    if (info.language == "zh" && info.objective == "causal")
        return QStringLiteral("中文，下一个字");
    if (info.language == "en" && info.objective == "causal")
        return tr("English, next word");
    return QString::fromStdString(info.family);
}

ModelSelector::ModelSelector(std::vector<BuiltinModelInfo> builtins, QWidget *parent)
    : QWidget(parent)
    , m_builtins(std::move(builtins))
    , m_model(new QComboBox(this))
    , m_variantRow(new QWidget(this))
    , m_variants(new QButtonGroup(this))
    , m_variantNote(new QLabel(this))
    , m_layerRow(new QWidget(this))
    , m_layer(new QSpinBox(this))
    , m_texts(new Retranslator(this)) {
    m_model->addItem(QString(), kRandom);
    QStringList families;
    for (const BuiltinModelInfo &info : m_builtins) {
        const QString family = QString::fromStdString(info.family);
        if (families.contains(family))
            continue;
        families << family;
        m_model->addItem(familyLabel(info), kFamilyPrefix + family);
    }
    m_model->addItem(QString(), kOpen);

    auto *variantLayout = new QHBoxLayout(m_variantRow);
    variantLayout->setContentsMargins(0, 0, 0, 0);
    variantLayout->setSpacing(2);
    m_variants->setExclusive(true);
    variantLayout->addStretch(1);
    m_variantNote->setWordWrap(true);

    auto *layerLayout = new QHBoxLayout(m_layerRow);
    layerLayout->setContentsMargins(0, 0, 0, 0);
    layerLayout->addWidget(m_layer, 1);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *group = new QGroupBox(this);
    outer->addWidget(group);
    auto *form = new QFormLayout(group);
    auto *modelLabel = new QLabel(group), *headsLabel = new QLabel(group),
         *layerLabel = new QLabel(group);
    modelLabel->setBuddy(m_model);
    layerLabel->setBuddy(m_layer);
    form->addRow(modelLabel, m_model);
    form->addRow(headsLabel, m_variantRow);
    form->addRow(QString(), m_variantNote);
    form->addRow(layerLabel, m_layerRow);
    m_texts->add([=, this] {
        group->setTitle(tr("Weights"));
        modelLabel->setText(tr("&Model"));
        headsLabel->setText(tr("Heads"));
        layerLabel->setText(tr("&Layer"));
        m_model->setItemText(m_model->findData(kRandom),
                             tr("Random weights (the article's module)"));
        m_model->setItemText(m_model->findData(kOpen), tr("Open model folder…"));
        for (const BuiltinModelInfo &info : m_builtins)
            m_model->setItemText(
                m_model->findData(kFamilyPrefix + QString::fromStdString(info.family)),
                familyLabel(info));
        m_model->setToolTip(tr("Which weights produce the attention: untrained random weights "
                               "as in the article's module, a small model attnviz trained (its "
                               "heads specialise), or a GPT-2 / BERT / DistilBERT folder"));
        m_layer->setToolTip(tr("The layer whose heads the grid shows (PgUp / PgDn)"));
        headsLabel->setToolTip(tr("The trained head counts of this model: the same width "
                                  "split into 1, 2, 4 or 8 heads"));
    });

    connect(m_model, &QComboBox::activated, this, [this](int index) {
        const QString choice = m_model->itemData(index).toString();
        if (choice == kRandom)
            emit randomRequested();
        else if (choice == kOpen)
            emit openFolderRequested();
        else if (choice.startsWith(kFamilyPrefix)) {
            const QString family = choice.mid(kFamilyPrefix.size());
            // Keep the head count when the new family has it: the comparison a teacher makes.
            const int heads = m_variants->checkedId();
            const BuiltinModelInfo *chosen = variant(family, heads);
            if (!chosen)
                chosen = variant(family, -1);
            if (chosen)
                emit builtinRequested(QString::fromStdString(chosen->name));
        }
    });
    connect(m_variants, &QButtonGroup::idClicked, this, [this](int heads) {
        if (const BuiltinModelInfo *chosen = variant(currentFamily(), heads))
            emit builtinRequested(QString::fromStdString(chosen->name));
    });
    connect(m_layer, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_showing)
            emit layerRequested(value - 1);
    });
    showState({}, {}, 1, 0);
    // The head buttons' tooltips, the loss note and the layer suffix are computed: redo them.
    m_texts->add([this] {
        if (!m_shownBuiltin.isEmpty() || m_layer->maximum() > 1)
            showState(m_shownBuiltin, m_shownFolder, m_layer->maximum(), m_layer->value() - 1);
    });
}

QString ModelSelector::currentFamily() const {
    const QString choice = m_model->currentData().toString();
    return choice.startsWith(kFamilyPrefix) ? choice.mid(kFamilyPrefix.size()) : QString();
}

const BuiltinModelInfo *ModelSelector::variant(const QString &family, int heads) const {
    const BuiltinModelInfo *best = nullptr;
    for (const BuiltinModelInfo &info : m_builtins) {
        if (QString::fromStdString(info.family) != family)
            continue;
        if (info.heads == heads)
            return &info;
        if (heads < 0 && (!best || info.heads > best->heads)) // the richest variant by default
            best = &info;
    }
    return best;
}

QString ModelSelector::defaultModel() const {
    const BuiltinModelInfo *best = nullptr;
    for (const BuiltinModelInfo &info : m_builtins)
        if (info.language == "en" && info.objective == "causal" &&
            (!best || std::abs(info.heads - 4) < std::abs(best->heads - 4)))
            best = &info; // four heads: varied, and large enough to read on a projector
    return best ? QString::fromStdString(best->name) : QString();
}

QList<int> ModelSelector::variantHeadCounts() const {
    QList<int> counts;
    for (QAbstractButton *button : m_variants->buttons())
        counts << m_variants->id(button);
    std::sort(counts.begin(), counts.end());
    return counts;
}

bool ModelSelector::chooseVariant(int heads) {
    QAbstractButton *button = m_variants->button(heads);
    if (!button)
        return false;
    button->click();
    return true;
}

void ModelSelector::fillVariants(const QString &family, const QString &chosen) {
    for (QAbstractButton *button : m_variants->buttons()) {
        m_variants->removeButton(button);
        delete button;
    }
    auto *layout = static_cast<QHBoxLayout *>(m_variantRow->layout());
    QString note;
    int position = 0;
    for (const BuiltinModelInfo &info : m_builtins) {
        if (QString::fromStdString(info.family) != family)
            continue;
        auto *button = new QToolButton(m_variantRow);
        button->setText(QString::number(info.heads));
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setMinimumWidth(32);
        button->setToolTip(tr("%n head(s), trained like the others (equal width and steps); "
                              "validation loss %1 nats per token",
                              nullptr, info.heads)
                               .arg(info.validationLoss, 0, 'f', 3));
        m_variants->addButton(button, info.heads);
        layout->insertWidget(position++, button);
        if (QString::fromStdString(info.name) == chosen) {
            button->setChecked(true);
            note = tr("Validation loss %1 (perplexity %2)")
                       .arg(info.validationLoss, 0, 'f', 3)
                       .arg(std::exp(info.validationLoss), 0, 'f', 1);
        }
    }
    m_variantNote->setText(note);
}

void ModelSelector::showState(const QString &builtinName, const QString &folderLabel, int layers,
                              int layer) {
    m_showing = true;
    m_shownBuiltin = builtinName;
    m_shownFolder = folderLabel;
    const QSignalBlocker blocker(m_model);
    QString family;
    for (const BuiltinModelInfo &info : m_builtins)
        if (QString::fromStdString(info.name) == builtinName)
            family = QString::fromStdString(info.family);
    if (m_folderIndex >= 0) {
        m_model->removeItem(m_folderIndex);
        m_folderIndex = -1;
    }
    if (!family.isEmpty()) {
        m_model->setCurrentIndex(m_model->findData(kFamilyPrefix + family));
    } else if (!folderLabel.isEmpty()) {
        m_folderIndex = m_model->count() - 1; // just above "Open model folder…"
        m_model->insertItem(m_folderIndex, folderLabel, kFolder);
        m_model->setCurrentIndex(m_folderIndex);
    } else {
        m_model->setCurrentIndex(m_model->findData(kRandom));
    }
    fillVariants(family, builtinName);
    m_variantRow->setVisible(!family.isEmpty());
    m_variantNote->setVisible(!family.isEmpty());
    m_layer->setRange(1, std::max(1, layers));
    m_layer->setValue(layer + 1);
    m_layer->setSuffix(tr(" of %1").arg(layers));
    m_layerRow->setVisible(layers > 1);
    if (auto *form = findChild<QFormLayout *>()) {
        form->setRowVisible(m_variantRow, !family.isEmpty());
        form->setRowVisible(m_variantNote, !family.isEmpty());
        form->setRowVisible(m_layerRow, layers > 1);
    }
    m_showing = false;
}

} // namespace attnviz::ui
