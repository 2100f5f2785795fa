#include "sample_sentences.h"

#include <QObject>

namespace attnviz::ui {

QList<SampleSentence> sampleSentences() {
    return {
        {QObject::tr("English: the cat"),
         QStringLiteral("The cat sat on the mat because it was warm.")},
        {QObject::tr("Chinese: multi-head attention"),
         QStringLiteral("多头注意力让模型从不同角度看输入序列。")},
        {QObject::tr("Repeated words"),
         QStringLiteral("The dog chased the cat and the cat chased the dog.")},
        {QObject::tr("Long: a paragraph"),
         QStringLiteral("Multi-head attention splits attention into several heads. Each head "
                        "projects the input into its own low-dimensional subspace and attends "
                        "independently, so different heads can capture different relations in "
                        "parallel; their outputs are concatenated and fused by a linear layer.")},
        {QObject::tr("Mixed scripts and emoji"),
         QStringLiteral("Transformers 很 cool 🤖, aren't they?")},
    };
}

} // namespace attnviz::ui
