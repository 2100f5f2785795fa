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
