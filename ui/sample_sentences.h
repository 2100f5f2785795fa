// Sample sentences offered in the sentence bar, each chosen to show something.
#pragma once

#include <QList>
#include <QString>

namespace attnviz::ui {

struct SampleSentence {
    QString label; // what the drop-down shows
    QString text;
};

QList<SampleSentence> sampleSentences();

} // namespace attnviz::ui
