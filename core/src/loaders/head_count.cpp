#include "attnviz/loaders/head_count.h"

#include "attnviz/attention_config.h"
#include "attnviz/error.h"

#include <algorithm>
#include <charconv>

namespace attnviz {

namespace {

bool divides(int heads, const HeadCountFacts &f) {
    return heads >= 1 && f.queryRows % heads == 0 && f.valueRows % heads == 0;
}

[[noreturn]] void notDivisor(int heads, const HeadCountFacts &f) {
    throw InputError(
        ErrorId::HeadCountNotDivisor,
        {std::to_string(heads), std::to_string(f.queryRows), std::to_string(f.valueRows)});
}

} // namespace

std::vector<int> headCountDivisors(int queryRows, int valueRows) {
    std::vector<int> counts;
    if (queryRows < 1 || valueRows < 1)
        return counts;
    for (int h = 1; h <= std::min(queryRows, ConfigLimits::maxHeads); ++h)
        if (queryRows % h == 0 && valueRows % h == 0)
            counts.push_back(h);
    return counts;
}

std::optional<int> declaredHeadCount(const std::map<std::string, std::string> &metadata) {
    const auto it = metadata.find("num_heads");
    if (it == metadata.end())
        return std::nullopt;
    const std::string &text = it->second;
    int heads = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), heads);
    if (ec != std::errc() || end != text.data() + text.size() || heads < 1 ||
        heads > ConfigLimits::maxHeads)
        throw InputError(ErrorId::HeadCountMetadataBad,
                         {text.substr(0, 40), std::to_string(ConfigLimits::maxHeads)});
    return heads;
}

int resolveHeadCount(const HeadCountFacts &f, HeadCountAnswer answer) {
    if (f.singleHeadModule) {
        if (f.asked && *f.asked != 1)
            throw InputError(ErrorId::HeadCountSingleHeadModule, {});
        return 1;
    }
    if (f.asked) {
        if (*f.asked < 1 || *f.asked > ConfigLimits::maxHeads)
            throw InputError(ErrorId::HeadCountOutOfRange,
                             {std::to_string(*f.asked), std::to_string(ConfigLimits::maxHeads)});
        if (!divides(*f.asked, f))
            notDivisor(*f.asked, f);
        if (answer == HeadCountAnswer::Refuse && f.declared && *f.declared != *f.asked)
            throw InputError(ErrorId::HeadCountDisagrees,
                             {std::to_string(*f.asked), std::to_string(*f.declared)});
        return *f.asked;
    }
    if (f.declared) {
        if (!divides(*f.declared, f))
            notDivisor(*f.declared, f);
        return *f.declared;
    }
    if (headCountDivisors(f.queryRows, f.valueRows) == std::vector<int>{1})
        return 1; // nothing to choose
    throw InputError(ErrorId::HeadCountUnknown, {});
}

HeadCountOffer offerHeadCounts(const HeadCountFacts &f, int currentHeads) {
    HeadCountOffer offer;
    offer.choices =
        f.singleHeadModule ? std::vector<int>{1} : headCountDivisors(f.queryRows, f.valueRows);
    if (offer.choices.empty())
        offer.choices = {1};
    const auto offered = [&](std::optional<int> h) {
        return h &&
               std::find(offer.choices.begin(), offer.choices.end(), *h) != offer.choices.end();
    };
    if (offered(f.declared))
        offer.preselected = *f.declared;
    else if (offered(currentHeads))
        offer.preselected = currentHeads;
    offer.needsAsking = offer.choices.size() > 1;
    return offer;
}

} // namespace attnviz
