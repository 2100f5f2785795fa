// Token views: a snapshot as the views show it with special tokens hidden or sub-word pieces
// merged into words. The run itself (what the model saw) is never changed.
#pragma once

#include <attnviz/analysis/token_groups.h>

#include <memory>
#include <optional>

namespace attnviz::ui {

struct SessionSnapshot;

// A copy of `snapshot` whose tokens, every layer's heads and mean attention are grouped as
// `options` asks (groupAttention), or nothing when the options change nothing: no model run, no
// special tokens or pieces, or every token special. The copy's hiddenTokens counts the tokens
// left out; its run keeps only attention (no inputs: the step view reads the original).
std::optional<SessionSnapshot> groupedSnapshot(const SessionSnapshot &snapshot,
                                               const TokenViewOptions &options);
// The same for a shared snapshot: the snapshot itself when nothing changes.
std::shared_ptr<const SessionSnapshot>
viewedSnapshot(const std::shared_ptr<const SessionSnapshot> &snapshot,
               const TokenViewOptions &options);

} // namespace attnviz::ui
