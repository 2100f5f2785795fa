#include "sample_sentences.h"

#include <QCoreApplication>
#include <QObject>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct SampleText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::SampleSentences)
};
} // namespace

QList<SampleSentence> sampleSentences() {
    return {
        {SampleText::tr("English: the cat"),
         QStringLiteral("The cat sat on the mat because it was warm.")},
        {SampleText::tr("Chinese: multi-head attention"),
         QStringLiteral("多头注意力让模型从不同角度看输入序列。")},
        {SampleText::tr("Repeated words"),
         QStringLiteral("The dog chased the cat and the cat chased the dog.")},
        {SampleText::tr("Long: a paragraph"),
         QStringLiteral("Multi-head attention splits attention into several heads. Each head "
                        "projects the input into its own low-dimensional subspace and attends "
                        "independently, so different heads can capture different relations in "
                        "parallel; their outputs are concatenated and fused by a linear layer.")},
        {SampleText::tr("Mixed scripts and emoji"),
         QStringLiteral("Transformers 很 cool 🤖, aren't they?")},
    };
}

} // namespace attnviz::ui
