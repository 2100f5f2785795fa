#include "control_panel.h"

#include "attention_session.h"
#include "retranslator.h"
#include "slider_spin_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace attnviz::ui {

ControlPanel::ControlPanel(AttentionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_texts(new Retranslator(this)) {
    auto *layout = new QVBoxLayout(this);
    auto *model = new QGroupBox(this);
    auto *view = new QGroupBox(this);
    m_texts->add([model, view] {
        model->setTitle(tr("Model"));
        view->setTitle(tr("View"));
    });
    buildModelGroup(model);
    buildViewGroup(view);
    layout->addWidget(model);
    layout->addWidget(view);
    layout->addStretch(1);
    connectModelControls();
    connect(m_session, &AttentionSession::optionsChanged, this, &ControlPanel::showSessionState);
    showSessionState();
    m_texts->add([this] { showSessionState(); }); // the notes under the sizes
}

void ControlPanel::buildModelGroup(QWidget *group) {
    auto *form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_heads = new SliderSpinBox(1, 16, 64, group);
    m_dk = new SliderSpinBox(1, 128, 128, group);
    m_dv = new SliderSpinBox(1, 128, 128, group);
    m_dModel = new SliderSpinBox(8, 1024, 1024, group);
    m_dModel->setSingleStep(8);
    m_lock = new QCheckBox(group);
    m_lockNote = new QLabel(group);
    m_lockNote->setWordWrap(true);
    m_lockNote->setVisible(false);
    m_seed = new QSpinBox(group);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setKeyboardTracking(false);
    m_newSeed = new QPushButton(group);
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_newSeed);
    m_causal = new QCheckBox(group);
    m_positional = new QCheckBox(group);
    m_tokenizer = new QComboBox(group);
    m_tokenizer->addItem(QString(), QStringLiteral("words"));
    m_tokenizer->addItem(QString(), QStringLiteral("chars"));
    m_singleHead = new QCheckBox(group);
    m_weightsNote = new QLabel(group);
    m_weightsNote->setWordWrap(true);
    m_weightsNote->setVisible(false);

    const auto labelFor = [group](QWidget *buddy) {
        auto *label = new QLabel(group);
        label->setBuddy(buddy);
        return label;
    };
    QLabel *headsLabel = labelFor(m_heads), *dkLabel = labelFor(m_dk), *dvLabel = labelFor(m_dv),
           *dModelLabel = labelFor(m_dModel), *seedLabel = labelFor(m_seed),
           *tokensLabel = labelFor(m_tokenizer);
    form->addRow(headsLabel, m_heads);
    form->addRow(dkLabel, m_dk);
    form->addRow(dvLabel, m_dv);
    form->addRow(dModelLabel, m_dModel);
    form->addRow(m_lock);
    form->addRow(m_lockNote);
    form->addRow(seedLabel, seedRow);
    form->addRow(tokensLabel, m_tokenizer);
    form->addRow(m_causal);
    form->addRow(m_positional);
    form->addRow(m_singleHead);
    form->addRow(m_weightsNote);

    // Labels and tooltips: what each size and switch is, for a student meeting them first.
    m_texts->add([=, this] {
        headsLabel->setText(tr("&Heads:"));
        m_heads->setToolTip(tr("The number of attention heads h. Each head has its own query, "
                               "key and value projections and its own heatmap."));
        dkLabel->setText(tr("&dk:"));
        m_dk->setToolTip(tr("dk: the width of each head's queries and keys. Scores are the "
                            "scaled dot product q · k / √dk."));
        dvLabel->setText(tr("d&v:"));
        m_dv->setToolTip(tr("dv: the width of each head's values, so each head outputs dv "
                            "numbers per token; the h outputs are concatenated (h · dv)."));
        dModelLabel->setText(tr("d_&model:"));
        m_dModel->setToolTip(tr("d_model: the width of each token's vector (the embedding) "
                                "going in and of the output coming out."));
        m_lock->setText(tr("dk = dv = d_model / heads"));
        m_lock->setToolTip(tr("The standard Transformer sizing. Off: dk and dv move freely, as "
                              "in the seed's MultiHeadAttention(dim, dk, dv, num_heads)."));
        seedLabel->setText(tr("S&eed:"));
        m_seed->setToolTip(tr("The seed of the random weights and embeddings: the same seed "
                              "gives the same numbers."));
        m_newSeed->setText(tr("&New seed"));
        m_newSeed->setToolTip(tr("Draw new random weights and embeddings"));
        tokensLabel->setText(tr("&Tokens:"));
        m_tokenizer->setItemText(0, tr("Words"));
        m_tokenizer->setItemText(1, tr("Characters"));
        m_tokenizer->setToolTip(tr("How the sentence is cut into tokens: words (Chinese words "
                                   "by a dictionary) or single characters"));
        m_causal->setText(tr("&Causal mask (decoder)"));
        m_causal->setToolTip(tr("Each token attends only to itself and earlier tokens, as in a "
                                "decoder that predicts the next word; later cells are masked."));
        m_positional->setText(tr("&Positional encoding"));
        m_positional->setToolTip(tr("Adds sinusoidal position vectors to the embeddings. "
                                    "Without them attention ignores word order, and repeated "
                                    "words get identical rows."));
        m_singleHead->setText(tr("Single-head &seed mode"));
        m_singleHead->setToolTip(tr("The seed's Self_Attention(dim, dk, dv): one head, no "
                                    "output projection"));
    });
}

void ControlPanel::buildViewGroup(QWidget *group) {
    auto *form = new QFormLayout(group);
    m_colormap = new QComboBox(group);
    m_colormap->addItems(colormapDisplayNames());
    m_values = new QCheckBox(group);
    m_values->setChecked(true);
    m_scale = new QComboBox(group);
    m_scale->addItems({QString(), QString(), QString()});
    m_mean = new QCheckBox(group);
    m_baseline = new QCheckBox(group);
    auto *label = new QLabel(group);
    m_hideSpecial = new QCheckBox(group);
    m_mergeSubwords = new QCheckBox(group);
    label->setBuddy(m_colormap);
    form->addRow(label, m_colormap);
    auto *scaleLabel = new QLabel(group);
    scaleLabel->setBuddy(m_scale);
    form->addRow(scaleLabel, m_scale);
    form->addRow(m_values);
    form->addRow(m_mean);
    form->addRow(m_baseline);
    m_texts->add([=, this] {
        label->setText(tr("C&olours:"));
        const QStringList names = colormapDisplayNames();
        for (int i = 0; i < names.size() && i < m_colormap->count(); ++i)
            m_colormap->setItemText(i, names[i]);
        m_colormap->setToolTip(tr("The colour map from weight 0 (dark) to the largest weight "
                                  "(bright); cividis suits colour-blind readers, grayscale "
                                  "print"));
        scaleLabel->setText(tr("Sc&ale:"));
        m_scale->setItemText(0, tr("Shared, 0 – 1"));
        m_scale->setItemText(1, tr("Shared, 0 – largest weight"));
        m_scale->setItemText(2, tr("Per head, 0 – its largest"));
        m_scale->setToolTip(tr("Shared scales keep heads comparable; per-head scales show each "
                               "head's pattern at full contrast"));
        m_values->setText(tr("Values in cells (N ≤ %1)").arg(HeatmapStyle::kMaxTokensForValues));
        m_values->setToolTip(tr("Print each attention weight in its cell when the sentence is "
                                "short enough to read them"));
        m_mean->setText(tr("Mean over heads panel"));
        m_mean->setToolTip(tr("One more heatmap: the average of all heads' weights"));
        m_baseline->setText(tr("Single-head baseline panel"));
        m_baseline->setToolTip(tr("One head with dk = dv = d_model, for comparison"));
        m_hideSpecial->setText(tr("Hide special tokens"));
        m_hideSpecial->setToolTip(
            tr("Leave [CLS], [SEP], <|endoftext|> and the model's other special tokens out of the "
               "heatmaps. The model still sees them, so rows then sum to less than 1."));
        m_mergeSubwords->setText(tr("Merge sub-word pieces into words"));
        m_mergeSubwords->setToolTip(
            tr("One row and column per word: attention to a word is the sum over its pieces, "
               "attention from a word the mean over its pieces' rows."));
    });
    form->addRow(m_hideSpecial);
    form->addRow(m_mergeSubwords);
    showTokenKinds();

    for (QCheckBox *box : {m_values, m_mean, m_hideSpecial, m_mergeSubwords})
        connect(box, &QCheckBox::toggled, this, &ControlPanel::viewOptionsChanged);
    for (QComboBox *box : {m_colormap, m_scale})
        connect(box, &QComboBox::currentIndexChanged, this, &ControlPanel::viewOptionsChanged);
    connect(m_baseline, &QCheckBox::toggled, m_session, &AttentionSession::setBaselineEnabled);
    connect(m_session, &AttentionSession::resultChanged, this, &ControlPanel::showTokenKinds);
}

void ControlPanel::showTokenKinds() {
    const auto snapshot = m_session->snapshot();
    const bool run = snapshot && snapshot->run;
    m_hideSpecial->setEnabled(run && hasSpecialTokens(snapshot->run->tokens));
    m_mergeSubwords->setEnabled(run && hasSubwordPieces(snapshot->run->tokens));
}

TokenViewOptions ControlPanel::tokenView() const {
    return {m_hideSpecial->isChecked(), m_mergeSubwords->isChecked()};
}

void ControlPanel::setTokenView(const TokenViewOptions &view) {
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_hideSpecial),
                                           QSignalBlocker(m_mergeSubwords)};
        m_hideSpecial->setChecked(view.hideSpecial);
        m_mergeSubwords->setChecked(view.mergeSubwords);
    }
    emit viewOptionsChanged();
}

void ControlPanel::connectModelControls() {
    connect(m_heads, &SliderSpinBox::valueChanged, this, [this](int heads) {
        const QList<int> allowed = m_session->allowedHeadCounts();
        if (allowed.isEmpty()) {
            applySizes(heads, m_session->options().attention.dModel);
            return;
        }
        // Loaded weights: move to the nearest count that divides the projections, in the
        // direction the user moved.
        const int current = m_session->options().attention.heads;
        int next = current;
        for (const int h : allowed)
            if ((heads > current && h >= heads) || (heads < current && h <= heads)) {
                next = h;
                if (heads > current)
                    break;
            }
        m_heads->setValue(next);
        if (next != current)
            m_session->setHeads(next);
    });
    connect(m_dModel, &SliderSpinBox::valueChanged, this,
            [this](int d) { applySizes(m_session->options().attention.heads, d); });
    connect(m_dk, &SliderSpinBox::valueChanged, m_session, &AttentionSession::setDk);
    connect(m_dv, &SliderSpinBox::valueChanged, m_session, &AttentionSession::setDv);
    connect(m_lock, &QCheckBox::toggled, this, &ControlPanel::applyLock);
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int seed) { m_session->setSeed(static_cast<std::uint64_t>(seed)); });
    connect(m_newSeed, &QPushButton::clicked, this, [this] {
        m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1, 1000000)));
    });
    connect(m_causal, &QCheckBox::toggled, m_session, &AttentionSession::setCausal);
    connect(m_positional, &QCheckBox::toggled, m_session, &AttentionSession::setPositional);
    connect(m_singleHead, &QCheckBox::toggled, m_session, &AttentionSession::setSingleHead);
    connect(m_tokenizer, &QComboBox::currentIndexChanged, this, [this] {
        m_session->setTokenizerMode(
            parseTokenizerMode(m_tokenizer->currentData().toString().toStdString()));
    });
}

void ControlPanel::applySizes(int heads, int dModel) {
    PipelineOptions next = m_session->options();
    next.attention.heads = heads;
    next.attention.dModel = dModel;
    if (m_lock->isChecked()) {
        next.attention.dk = std::max(1, dModel / heads);
        next.attention.dv = next.attention.dk;
    }
    m_session->setOptions(next);
}

void ControlPanel::applyLock(bool locked) {
    if (locked)
        applySizes(m_session->options().attention.heads, m_session->options().attention.dModel);
    showSessionState();
}

void ControlPanel::showSessionState() {
    const PipelineOptions &o = m_session->options();
    const AttentionConfig &c = o.attention;
    const bool loaded = m_session->hasLoadedWeights();
    m_heads->setValue(c.heads);
    m_dk->setValue(c.dk);
    m_dv->setValue(c.dv);
    m_dModel->setValue(c.dModel);
    {
        const QSignalBlocker blockers[] = {
            QSignalBlocker(m_seed), QSignalBlocker(m_causal), QSignalBlocker(m_positional),
            QSignalBlocker(m_singleHead), QSignalBlocker(m_tokenizer)};
        m_seed->setValue(
            static_cast<int>(std::min<std::uint64_t>(o.seed, std::numeric_limits<int>::max())));
        m_causal->setChecked(c.causal);
        m_positional->setChecked(o.positional);
        m_singleHead->setChecked(c.singleHead);
        m_tokenizer->setCurrentIndex(o.tokenizer.mode == TokenizerMode::Words ? 0 : 1);
    }
    const bool locked = m_lock->isChecked();
    const bool model = m_session->hasModel(); // a whole model fixes every size and switch
    m_heads->setEnabled(!model && !c.singleHead &&
                        (!loaded || m_session->allowedHeadCounts().size() > 1));
    m_dk->setEnabled(!model && !locked && !loaded);
    m_dv->setEnabled(!model && !locked && !loaded);
    m_dModel->setEnabled(!model && !loaded);
    m_lock->setEnabled(!model && !c.singleHead && !loaded);
    m_singleHead->setEnabled(!model && !loaded);
    for (QWidget *w : {static_cast<QWidget *>(m_seed), static_cast<QWidget *>(m_newSeed),
                       static_cast<QWidget *>(m_causal), static_cast<QWidget *>(m_positional),
                       static_cast<QWidget *>(m_tokenizer)})
        w->setEnabled(!model);
    if (locked && c.dModel % c.heads != 0)
        m_lockNote->setText(tr("%1 is not divisible by %2 heads: dk = dv = %3 (rounded down)")
                                .arg(c.dModel)
                                .arg(c.heads)
                                .arg(c.dk));
    else if (locked)
        m_lockNote->setText(tr("dk = dv = %1 / %2 = %3").arg(c.dModel).arg(c.heads).arg(c.dk));
    m_lockNote->setVisible(locked);
    m_weightsNote->setText(
        model ? tr("Sizes, mask and tokens come from the model %1.").arg(m_session->weightsSource())
              : tr("Weights from %1; sizes come from the file.").arg(m_session->weightsSource()));
    m_weightsNote->setVisible(loaded || model);
}

HeatmapStyle ControlPanel::heatmapStyle() const {
    HeatmapStyle style;
    style.colormap = static_cast<Colormap>(std::max(0, m_colormap->currentIndex()));
    style.scale = static_cast<ColorScale>(std::max(0, m_scale->currentIndex()));
    style.showValues = m_values->isChecked();
    return style;
}

void ControlPanel::setViewState(const HeatmapStyle &style, bool meanPanel, bool baselinePanel,
                                bool lockSizes) {
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_colormap), QSignalBlocker(m_scale),
                                           QSignalBlocker(m_values), QSignalBlocker(m_mean),
                                           QSignalBlocker(m_lock)};
        m_colormap->setCurrentIndex(static_cast<int>(style.colormap));
        m_scale->setCurrentIndex(static_cast<int>(style.scale));
        m_values->setChecked(style.showValues);
        m_mean->setChecked(meanPanel);
        m_lock->setChecked(lockSizes);
    }
    m_baseline->setChecked(baselinePanel); // the session computes it
    showSessionState();
    emit viewOptionsChanged();
}

bool ControlPanel::meanPanelRequested() const {
    return m_mean->isChecked();
}

} // namespace attnviz::ui
