#include "token_view.h"

#include "attention_session.h"

namespace attnviz::ui {

std::optional<SessionSnapshot> groupedSnapshot(const SessionSnapshot &snapshot,
                                               const TokenViewOptions &options) {
    if (!snapshot.run || options == TokenViewOptions{})
        return std::nullopt;
    const std::vector<EncodedToken> &tokens = snapshot.run->tokens;
    std::vector<std::string> shown; // the axes' texts ("zebra?" for an unknown word)
    if (static_cast<std::size_t>(snapshot.tokens.size()) == tokens.size())
        for (const QString &text : snapshot.tokens)
            shown.push_back(text.toStdString());
    const std::vector<TokenGroup> groups = groupTokens(tokens, options, shown);
    if (groups.empty() || groups.size() == tokens.size())
        return std::nullopt; // nothing left to show, or nothing changes

    SessionSnapshot view = snapshot;
    auto run = std::make_shared<ModelRun>();
    run->outOfVocabulary = snapshot.run->outOfVocabulary;
    for (const TokenGroup &group : groups) {
        EncodedToken token = tokens[static_cast<std::size_t>(group.tokens.front())];
        token.display = group.label;
        token.byteEnd = tokens[static_cast<std::size_t>(group.tokens.back())].byteEnd;
        run->tokens.push_back(std::move(token));
    }
    for (const LayerTrace &layer : snapshot.run->trace.layers) {
        LayerTrace grouped;
        for (const HeadResult &head : layer.attention.heads) {
            HeadResult h;
            h.weights = groupAttention(head.weights, groups);
            grouped.attention.heads.push_back(std::move(h));
        }
        run->trace.layers.push_back(std::move(grouped));
    }
    view.run = std::move(run);
    view.tokens.clear();
    view.result.tokens.clear();
    for (const EncodedToken &token : view.run->tokens) {
        view.tokens << QString::fromStdString(token.display);
        view.result.tokens.push_back({token.display, token.byteBegin});
    }
    showLayer(view, snapshot.layer);
    view.result.input.resize(0, 0); // rows per token: meaningless for a group
    view.tokenView = options;
    view.hiddenTokens = hiddenTokenCount(groups, tokens.size());
    return view;
}

std::shared_ptr<const SessionSnapshot>
viewedSnapshot(const std::shared_ptr<const SessionSnapshot> &snapshot,
               const TokenViewOptions &options) {
    if (!snapshot)
        return snapshot;
    std::optional<SessionSnapshot> grouped = groupedSnapshot(*snapshot, options);
    if (!grouped)
        return snapshot;
    return std::make_shared<const SessionSnapshot>(std::move(*grouped));
}

} // namespace attnviz::ui
