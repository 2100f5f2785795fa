#include "attnviz/error.h"

#include <algorithm>
#include <array>
#include <utility>

// Marks a text for Qt's lupdate (given `-tr-function-alias QT_TRANSLATE_NOOP+=ATTNVIZ_ERROR_TEXT`)
// without making core depend on Qt: the window translates these templates and phrases.
#define ATTNVIZ_ERROR_TEXT(context, text) text

namespace attnviz {

namespace {

struct Template {
    ErrorId id;
    const char *text;
};

// One English line per id; the window's translation uses the same text as its source.
constexpr Template kTemplates[] = {
    {ErrorId::SentenceNoTokens,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the sentence has no tokens; type some words")},
    {ErrorId::SentenceTooManyTokens,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the sentence has more than %1 tokens (the limit is %1)")},
    {ErrorId::SentenceTooManyTokensLimit,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the sentence has more than %1 tokens (the limit is %1, attnviz's "
                        "largest)")},
    {ErrorId::SentenceTooLongForModel,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the sentence has %1 tokens; %2 reads at most %3")},
    {ErrorId::SentenceNotUtf8,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the sentence is not valid UTF-8 (byte 0x%1 at byte offset %2)")},
    {ErrorId::ConfigNeedsTooMuchMemory,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "this configuration needs about %1 for %2 tokens, more than the limit of "
                        "%3; lower heads, dk, dv, d_model or the sentence length")},
    {ErrorId::ModelRunNeedsTooMuchMemory,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "running %1 on %2 tokens needs about %3, more than the limit of %4; "
                        "shorten the sentence")},
    {ErrorId::SettingOutOfRange,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 must be between 1 and %2 (%3), got %4")},
    {ErrorId::FileCannotOpen, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot open %1 %2: %3")},
    {ErrorId::FileCannotRead, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot read %1 %2: %3")},
    {ErrorId::FileNotRegular,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 %2 is %3, not a regular file")},
    {ErrorId::FileTooLarge,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 %2 has %3; the limit is %4")},
    {ErrorId::FileShrank,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "cannot read %1 %2: the file shrank while being read")},
    {ErrorId::ModelFolderMissing,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the model folder %1 does not exist")},
    {ErrorId::ModelFolderNotFolder,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the model folder %1 is not a folder")},
    {ErrorId::ModelFolderNoTokenizer,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the model folder has no tokenizer: tokenizer.json, or %1")},
    {ErrorId::ModelTypeUnsupported,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "config.json has model_type '%1'; attnviz reads %2")},
    {ErrorId::TokenizerLargerThanEmbeddings,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the tokenizer has %1 entries but the model embeds only %2")},
    {ErrorId::ConfigNotJson, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 is not valid JSON: %2")},
    {ErrorId::ConfigNotObject,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 is not a JSON object")},
    {ErrorId::ConfigBadKey, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1: \"%2\" %3")},
    {ErrorId::TensorMissing, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 has no tensor '%2'")},
    {ErrorId::TensorMissingWithPrefix,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 has no tensor '%2' (also looked under '%3')")},
    {ErrorId::TensorNotFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' in %2 holds NaN or infinite values")},
    {ErrorId::TensorWrongShape,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' has shape %2, expected %3")},
    {ErrorId::SafetensorsInFile, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 %2: %3")},
    {ErrorId::SafetensorsTooShort,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the file is too short to be safetensors (%1 bytes; the header length "
                        "alone takes 8)")},
    {ErrorId::SafetensorsHeaderTooLong,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the header length %1 exceeds the limit of %2 bytes")},
    {ErrorId::SafetensorsHeaderPastEnd,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the header length %1 goes past the end of the file (%2 bytes)")},
    {ErrorId::SafetensorsHeaderNotUtf8,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the header is not valid UTF-8 (byte offset %1)")},
    {ErrorId::SafetensorsHeaderNotJson,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the header is not valid JSON (at byte %1)")},
    {ErrorId::SafetensorsHeaderNumberRange,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the header is not valid JSON (a number is out of range)")},
    {ErrorId::SafetensorsHeaderNotObject,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the header is not a JSON object")},
    {ErrorId::SafetensorsDuplicateName,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "tensor name %1 appears more than once in the header")},
    {ErrorId::SafetensorsTensorNotObject,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor %1 is not described by a JSON object")},
    {ErrorId::SafetensorsTensorFieldsMissing,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor %1 needs dtype, shape and data_offsets")},
    {ErrorId::SafetensorsDtypeNotString,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the dtype of tensor %1 is not a string")},
    {ErrorId::SafetensorsUnknownDtype,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor %1 has unknown dtype %2")},
    {ErrorId::SafetensorsBadList,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1 of tensor %2 must be a list of non-negative integers")},
    {ErrorId::SafetensorsOffsetsNotTwo,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "data_offsets of tensor %1 must hold exactly two offsets")},
    {ErrorId::SafetensorsReversedOffsets,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor %1 has reversed data_offsets [%2, %3]")},
    {ErrorId::SafetensorsOverlap,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "tensor %1 overlaps the tensor before it (starts at byte %2, expected %3)")},
    {ErrorId::SafetensorsGap,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "gap before tensor %1: bytes %2 to %3 belong to no tensor")},
    {ErrorId::SafetensorsPastEnd,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "tensor %1 ends at byte %2, past the end of the data (%3 bytes)")},
    {ErrorId::SafetensorsShapeOverflow,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the shape of tensor %1 %2 overflows 64 bits")},
    {ErrorId::SafetensorsSizeMismatch,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "tensor %1 has shape %2 of %3 (%4 bytes) but data_offsets cover %5 bytes")},
    {ErrorId::SafetensorsTrailingBytes,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the file has %1 bytes after the last tensor that belong to no tensor")},
    {ErrorId::SafetensorsNotFloat,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "tensor %1 holds %2; weights must be F16, BF16, F32 or F64")},
    {ErrorId::SafetensorsNotMatrix,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor %1 has shape %2; expected a matrix")},
    {ErrorId::SafetensorsNotVector,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor %1 has shape %2; expected a vector")},
    {ErrorId::HeadCountUnknown,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the file does not say how many heads the projections hold (PyTorch does "
                        "not store it); give it with --heads, or as __metadata__ num_heads")},
    {ErrorId::HeadCountNotDivisor,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1 heads do not divide the projections: the query has %2 rows and the "
                        "value %3")},
    {ErrorId::HeadCountOutOfRange,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the head count %1 is out of range (1 to %2)")},
    {ErrorId::HeadCountSingleHeadModule,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "Self_Attention weights have exactly one head; drop --heads")},
    {ErrorId::HeadCountDisagrees,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "--heads %1 disagrees with the weights file, whose __metadata__ num_heads "
                        "is %2")},
    {ErrorId::HeadCountMetadataBad,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "__metadata__ num_heads is '%1', not a whole number from 1 to %2")},
    {ErrorId::ModelSourceUnknown,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "'%1' is neither a built-in model (see attnviz --list-models) nor a model "
                        "folder")},
};

static_assert(std::size(kTemplates) == static_cast<std::size_t>(ErrorId::Count) - 1,
              "every ErrorId but Other has a template");

// Fixed phrases passed as arguments: files' roles, file kinds, settings' meanings.
constexpr const char *kPhrases[] = {
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the weights file"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the session"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the session's weights file"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the model's config.json"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the vocabulary"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the merges"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the tokenizer"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the tokenizer config"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the embeddings file"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "a directory"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "a FIFO (named pipe)"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "a device"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "a socket"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "not a regular file"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the model width"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the number of heads"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the query/key width per head"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the value width per head"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the shape"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the safetensors file"),
};

} // namespace

const char *errorTemplate(ErrorId id) {
    for (const Template &t : kTemplates)
        if (t.id == id)
            return t.text;
    return "%1";
}

std::string formatError(std::string_view templ, const std::vector<std::string> &args) {
    std::string out;
    out.reserve(templ.size() + 32);
    for (std::size_t i = 0; i < templ.size(); ++i) {
        const char c = templ[i];
        if (c == '%' && i + 1 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(templ[i + 1] - '1');
            if (index < args.size()) {
                out += args[index];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

bool isErrorPhrase(std::string_view text) {
    return std::any_of(std::begin(kPhrases), std::end(kPhrases),
                       [text](const char *p) { return text == p; });
}

InputError::InputError(ErrorId id, std::vector<std::string> args)
    : std::runtime_error(formatError(errorTemplate(id), args))
    , m_id(id)
    , m_args(std::move(args)) {}

namespace {
std::vector<std::string> withCause(std::vector<std::string> args, const InputError &cause) {
    args.emplace_back(cause.what());
    return args;
}
} // namespace

InputError::InputError(ErrorId id, std::vector<std::string> args, const InputError &cause)
    : std::runtime_error(formatError(errorTemplate(id), withCause(args, cause)))
    , m_id(id)
    , m_args(withCause(std::move(args), cause))
    , m_cause(std::make_shared<InputError>(cause)) {}

} // namespace attnviz
