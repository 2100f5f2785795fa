// ControlPanel: every model setting and view option, wired to the session and the head grid.
#pragma once

#include "heatmap_style.h"

#include <attnviz/analysis/token_groups.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace attnviz::ui {

class Retranslator;

class AttentionSession;
class SliderSpinBox;

class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(AttentionSession *session, QWidget *parent = nullptr);

    HeatmapStyle heatmapStyle() const;
    // Shows a saved view (a session being opened); emits viewOptionsChanged() once.
    void setViewState(const HeatmapStyle &style, bool meanPanel, bool baselinePanel,
                      bool lockSizes);
    bool meanPanelRequested() const;
    // Special tokens hidden, sub-word pieces merged: what the check boxes ask (they are enabled
    // only when the shown tokens have such tokens, and change nothing otherwise).
    TokenViewOptions tokenView() const;
    // Shows a saved token view (a session, the command line); emits viewOptionsChanged() once.
    void setTokenView(const TokenViewOptions &view);

    SliderSpinBox *headsControl() const { return m_heads; }
    SliderSpinBox *dkControl() const { return m_dk; }
    SliderSpinBox *dvControl() const { return m_dv; }
    SliderSpinBox *dModelControl() const { return m_dModel; }
    QCheckBox *lockControl() const { return m_lock; }
    QSpinBox *seedControl() const { return m_seed; }
    QCheckBox *causalControl() const { return m_causal; }
    QCheckBox *positionalControl() const { return m_positional; }
    QComboBox *tokenizerControl() const { return m_tokenizer; }
    QCheckBox *singleHeadControl() const { return m_singleHead; }
    QComboBox *colormapControl() const { return m_colormap; }
    QCheckBox *valuesControl() const { return m_values; }
    QComboBox *scaleControl() const { return m_scale; }
    QCheckBox *meanControl() const { return m_mean; }
    QCheckBox *baselineControl() const { return m_baseline; }
    QCheckBox *hideSpecialControl() const { return m_hideSpecial; }
    QCheckBox *mergeSubwordsControl() const { return m_mergeSubwords; }

signals:
    void viewOptionsChanged();

private:
    void buildModelGroup(QWidget *group);
    void buildViewGroup(QWidget *group);
    void connectModelControls();
    void showSessionState(); // session → controls, without feedback
    void applySizes(int heads, int dModel);
    void applyLock(bool locked);
    void showTokenKinds(); // enables the token view boxes that apply to the shown tokens

    AttentionSession *m_session;
    SliderSpinBox *m_heads, *m_dk, *m_dv, *m_dModel;
    QCheckBox *m_lock, *m_causal, *m_positional, *m_singleHead;
    QSpinBox *m_seed;
    QPushButton *m_newSeed;
    QComboBox *m_tokenizer, *m_colormap, *m_scale;
    QCheckBox *m_values, *m_mean, *m_baseline;
    QCheckBox *m_hideSpecial, *m_mergeSubwords;
    QLabel *m_lockNote, *m_weightsNote;
    Retranslator *m_texts;
};

} // namespace attnviz::ui
