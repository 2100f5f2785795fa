#include "attnviz/dump.h"

namespace attnviz {

DumpJson matrixToJson(const Eigen::MatrixXf &m) {
    DumpJson rows = DumpJson::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        DumpJson row = DumpJson::array();
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            row.push_back(m(i, j));
        rows.push_back(std::move(row));
    }
    return rows;
}

DumpJson makeDump(const PipelineOptions &options, const PipelineResult &result,
                  const DumpJson &weights) {
    const AttentionConfig &c = options.attention;
    DumpJson dump;
    dump["tokens"] = DumpJson::array();
    dump["token_offsets"] = DumpJson::array();
    for (const Token &t : result.tokens) {
        dump["tokens"].push_back(t.text);
        dump["token_offsets"].push_back(t.byteOffset);
    }
    dump["config"] = {
        {"d_model", c.dModel},
        {"heads", c.heads},
        {"dk", c.dk},
        {"dv", c.dv},
        {"causal", c.causal},
        {"positional", options.positional},
        {"seed", options.seed},
        {"tokenizer", std::string(toString(options.tokenizer.mode))},
        {"single_head", c.singleHead},
        {"weights", weights},
    };
    dump["input"] = matrixToJson(result.input);
    if (options.embeddings)
        dump["oov"] = result.outOfVocabulary;
    dump["heads"] = DumpJson::array();
    for (const HeadResult &head : result.attention.heads) {
        dump["heads"].push_back({
            {"attention", matrixToJson(head.weights)},
            {"scores", matrixToJson(head.scores)},
            {"q", matrixToJson(head.q)},
            {"k", matrixToJson(head.k)},
            {"v", matrixToJson(head.v)},
            {"output", matrixToJson(head.output)},
        });
    }
    dump["concat"] = matrixToJson(result.attention.concat);
    dump["output"] = matrixToJson(result.attention.output);
    return dump;
}

} // namespace attnviz
