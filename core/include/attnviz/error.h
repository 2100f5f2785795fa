// InputError: a problem the user can fix (a bad sentence, setting or file), with a one-line
// message, an id and the message's arguments so an interface can translate it.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz {

// Which message an InputError carries. Each id has one English template (errorTemplate) with
// %1, %2, … for its arguments; an interface translates the template and fills in the same
// arguments. `Other` is a message without a template: it is shown as written.
enum class ErrorId {
    Other,
    // The sentence
    SentenceNoTokens,
    SentenceTooManyTokens,
    SentenceTooManyTokensLimit,
    SentenceTooLongForModel,
    SentenceNotUtf8,
    ConfigNeedsTooMuchMemory,
    ModelRunNeedsTooMuchMemory,
    SettingOutOfRange,
    // Files of every kind
    FileCannotOpen,
    FileCannotRead,
    FileNotRegular,
    FileTooLarge,
    FileShrank,
    // Model folders
    ModelFolderMissing,
    ModelFolderNotFolder,
    ModelFolderNoTokenizer,
    ModelTypeUnsupported,
    TokenizerLargerThanEmbeddings,
    ConfigNotJson,
    ConfigNotObject,
    ConfigBadKey,
    TensorMissing,
    TensorMissingWithPrefix,
    TensorNotFinite,
    TensorWrongShape,
    // Safetensors validation
    SafetensorsInFile,
    SafetensorsTooShort,
    SafetensorsHeaderTooLong,
    SafetensorsHeaderPastEnd,
    SafetensorsHeaderNotUtf8,
    SafetensorsHeaderNotJson,
    SafetensorsHeaderNumberRange,
    SafetensorsHeaderNotObject,
    SafetensorsDuplicateName,
    SafetensorsTensorNotObject,
    SafetensorsTensorFieldsMissing,
    SafetensorsDtypeNotString,
    SafetensorsUnknownDtype,
    SafetensorsBadList,
    SafetensorsOffsetsNotTwo,
    SafetensorsReversedOffsets,
    SafetensorsOverlap,
    SafetensorsGap,
    SafetensorsPastEnd,
    SafetensorsShapeOverflow,
    SafetensorsSizeMismatch,
    SafetensorsTrailingBytes,
    SafetensorsNotFloat,
    SafetensorsNotMatrix,
    SafetensorsNotVector,
    // Writing files (the dump, saved weights)
    WriteNeedsFileName,
    WriteCannot,
    WriteCannotCreateIn,
    WriteNotRegular,
    WriteTooManyLinks,
    WriteFailed,
    WriteAlreadyClosed,
    WriteCannotReplace,
    WriteStandardOutput,
    FileCannotMap,
    SafetensorsCannotReadHeaderLength,
    SafetensorsMetadataNotObject,
    SafetensorsMetadataNotString,
    // Attention weights files
    WeightsTensorMissing,
    WeightsTensorNotMatrix,
    WeightsTensorTooLarge,
    WeightsTensorOneNonFinite,
    WeightsTensorNonFinite,
    WeightsBiasLength,
    WeightsInFeatures,
    WeightsNoModule,
    WeightsNoModuleWithPrefix,
    WeightsSeveralModules,
    WeightsPackedRows,
    WeightsKeyQueryRows,
    WeightsOutputShape,
    WeightsLayerShape,
    WeightsLayerBiasLength,
    WeightsLayerNotFinite,
    WeightsDoNotMatchConfig,
    SingleHeadHeads,
    OverflowOfHead,
    OverflowOfOutput,
    // Embeddings
    EmbeddingsWhichTensor,
    EmbeddingsNeedVocabulary,
    EmbeddingsMetadataVocab,
    EmbeddingsVocabularyRows,
    EmbeddingsTensorNotFinite,
    EmbeddingsLineNotUtf8,
    EmbeddingsLineNoNumbers,
    EmbeddingsLineCount,
    EmbeddingsLineOutOfRange,
    EmbeddingsLineNotNumber,
    EmbeddingsLineNotFinite,
    EmbeddingsEmpty,
    EmbeddingsVocabWithText,
    EmbeddingsDimension,
    // Tokenizers and vocabularies
    TokenizerUnknown,
    SegmenterUnavailable,
    SegmenterCannotOpen,
    SegmenterCannotSegment,
    SplitPatternDoesNotCompile,
    SplitPatternFailed,
    NormalizationUnavailable,
    SentenceOver2GiB,
    SentenceTooManyBytes,
    SentenceTooManyTokensWithSpecial,
    TokenLimitBelowSpecialTokens,
    VocabularyDuplicate,
    VocabularyNoUnknownEntry,
    VocabularyNotUtf8,
    VocabularyEmpty,
    VocabularyNoCharacter,
    UnknownTokenNotInVocabulary,
    MergeUsesUnknownToken,
    FileNotUtf8,
    MergesLineNotPair,
    FileTooManyLines,
    FileEmpty,
    VocabularyNoClsSep,
    JsonInvalid,
    JsonFieldProblem,
    PostProcessorUnsupported,
    NormalizerUnsupported,
    PreTokenizerUnsupported,
    TokenizerCombinationUnsupported,
    TokenizerCombinationWithNormalizerUnsupported,
    TokenizerModelTypeUnsupported,
    VocabularyIdNotIndex,
    // Models
    ModuleTokenizerKind,
    ModelWidthNotMultiple,
    ModelActivationUnsupported,
    Gpt2OptionsUnsupported,
    BertPositionsUnsupported,
    ModuleModelLayout,
    ConfigKeyIntegerRange,
    ConfigKeyNumberRange,
    ModelNoTokenizer,
    TokenIdOutsideVocabulary,
    ModelNotFinite,
    ModelScoresOverflow,
    LoadCancelled,
    CostTooLarge,
    CostHeadTooWide,
    // The loader (loaders/): the head count and the source
    HeadCountUnknown,
    HeadCountNotDivisor,
    HeadCountOutOfRange,
    HeadCountSingleHeadModule,
    HeadCountDisagrees,
    HeadCountMetadataBad,
    ModelSourceUnknown,
    Count // not an error: the number of ids
};

// The English template of an id, e.g. "the sentence has more than %1 tokens (the limit is %1)".
// Also the source text an interface translates (context "attnviz::InputError").
const char *errorTemplate(ErrorId id);

// Fills %1 … %9 of `templ` with `args` (a missing argument leaves its marker).
std::string formatError(std::string_view templ, const std::vector<std::string> &args);

// The fixed English phrases core passes as arguments (a file's role such as "the vocabulary",
// a file kind such as "a directory"): an interface translates an argument only if it is one.
bool isErrorPhrase(std::string_view text);

// The system's text for errno `errnum`. The common ones (ENOSPC, EACCES, EROFS, ENOENT, EISDIR,
// EDQUOT, EIO, …) are fixed English phrases, the C locale's wording, that an interface translates
// (isErrorPhrase); any other is strerror's text.
std::string systemErrorText(int errnum);

// Thrown for every rejected input. what() is one line, written for people, and names the
// offending value; the command line prints it as it is (and exits 2), the window translates it
// from id() and args(). `cause` is an inner error this one wraps (a safetensors problem inside
// a named file): its text is the last argument.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string &message)
        : std::runtime_error(message) {}
    explicit InputError(const char *message)
        : std::runtime_error(message) {}
    InputError(ErrorId id, std::vector<std::string> args);
    InputError(ErrorId id, std::vector<std::string> args, const InputError &cause);

    ErrorId id() const noexcept { return m_id; }
    const std::vector<std::string> &args() const noexcept { return m_args; }
    const InputError *cause() const noexcept { return m_cause.get(); }

private:
    ErrorId m_id = ErrorId::Other;
    std::vector<std::string> m_args;
    std::shared_ptr<const InputError> m_cause;
};

} // namespace attnviz
