// The status bar's summary of a result: tokens, shapes in the seed's notation, parameters, time.
#pragma once

#include <QString>

namespace attnviz::ui {

struct SessionSnapshot;

// "7 tokens · Q, K: [1, 4, 7, 16] · V: [1, 4, 7, 16] · out: [1, 7, 64] · 16,640 parameters ·
// updated at 14:03:21 in 0.4 ms" — shapes as the seed's comments write them, [B, heads, N, dk].
QString statusText(const SessionSnapshot &snapshot);

} // namespace attnviz::ui
