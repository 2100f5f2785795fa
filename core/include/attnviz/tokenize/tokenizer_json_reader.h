// Reads a tokenizer.json in one streaming pass: the small stages become a JSON tree, while
// model.vocab and model.merges (most of the file: 50,000 entries each for GPT-2) go straight
// into plain containers, which keeps loading GPT-2's file fast.
#pragma once

#include "attnviz/tokenize/json_fields.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace attnviz::tokenize {

struct TokenizerJsonDocument {
    nlohmann::json root; // model.vocab and model.merges, when captured, are left empty here
    bool vocabCaptured = false, mergesCaptured = false;
    std::vector<std::pair<std::string, int>> vocab;
    std::vector<std::pair<std::string, std::string>> merges;
};

// Throws InputError naming the file and the field for malformed JSON, vocab ids that are not
// whole numbers in int range, and merges that are neither "left right" nor ["left", "right"].
TokenizerJsonDocument readTokenizerJson(std::string_view text, const JsonFields &fields);

} // namespace attnviz::tokenize
