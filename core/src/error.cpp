#include "attnviz/error.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cerrno>
#include <cstring>
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
    {ErrorId::WriteNeedsFileName,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 needs a file name")},
    {ErrorId::WriteCannot, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot write %1 %2: %3")},
    {ErrorId::WriteCannotCreateIn,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "cannot write %1 %2: no new file can be made in the folder %3: %4")},
    {ErrorId::WriteNotRegular,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "cannot write %1 %2: it is %3, not a regular file; it is left as it is")},
    {ErrorId::WriteTooManyLinks,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "cannot write %1 %2: too many levels of symbolic links")},
    {ErrorId::WriteFailed,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "writing %1 %2 failed: %3; any previous file is unchanged")},
    {ErrorId::WriteAlreadyClosed,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot write %1 %2: the file was already closed")},
    {ErrorId::WriteCannotReplace,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot replace %1 %2: %3")},
    {ErrorId::WriteStandardOutput,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot write %1 to standard output: %2")},
    {ErrorId::FileCannotMap, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot map %1 %2: %3")},
    {ErrorId::SafetensorsCannotReadHeaderLength,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "cannot read the header length: %1")},
    {ErrorId::SafetensorsMetadataNotObject,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "__metadata__ must be a JSON object of strings")},
    {ErrorId::SafetensorsMetadataNotString,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "__metadata__ value %1 is not a string")},
    {ErrorId::WeightsTensorMissing,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' is missing")},
    {ErrorId::WeightsTensorNotMatrix,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' has shape %2; expected a matrix")},
    {ErrorId::WeightsTensorTooLarge,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' has shape %2, too large for attnviz")},
    {ErrorId::WeightsTensorOneNonFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' holds 1 NaN or infinite value")},
    {ErrorId::WeightsTensorNonFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' holds %2 NaN or infinite values")},
    {ErrorId::WeightsBiasLength,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' has length %2, expected %3")},
    {ErrorId::WeightsInFeatures,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "tensor '%1' has %2 in-features but the query projection has %3")},
    {ErrorId::WeightsNoModule,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "no attention module found: expected tensors named q_linear/k_linear/v_linear/out_linear, "
         "q/k/v, or in_proj_weight/out_proj (under any prefix)")},
    {ErrorId::WeightsNoModuleWithPrefix,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "no attention module has the prefix '%1'; found %2")},
    {ErrorId::WeightsSeveralModules,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "the file holds %1 attention modules; choose one with --weights-prefix: %2")},
    {ErrorId::WeightsPackedRows,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "tensor '%1' has %2 rows, not three equal blocks for q, k and v")},
    {ErrorId::WeightsKeyQueryRows,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the key projection has %1 rows but the query projection has %2")},
    {ErrorId::WeightsOutputShape,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the output projection has shape [%1, %2], expected [%3, %4]")},
    {ErrorId::WeightsLayerShape,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1.weight has shape %2, expected [%3 x %4]")},
    {ErrorId::WeightsLayerBiasLength,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1.bias has length %2, expected %3")},
    {ErrorId::WeightsLayerNotFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 holds NaN or infinite values")},
    {ErrorId::WeightsDoNotMatchConfig,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the weights do not match the configuration (weights have d_model %1, %2 "
                        "heads, dk %3, dv %4)")},
    {ErrorId::SingleHeadHeads,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "single-head mode has exactly one head, got heads = %1")},
    {ErrorId::OverflowOfHead,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the %1 of head %2 overflow the float range (a value is infinite or NaN); "
                        "the weights or embeddings are too large in magnitude")},
    {ErrorId::OverflowOfOutput,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the %1 overflow the float range (a value is infinite or NaN); the weights "
                        "or embeddings are too large in magnitude")},
    {ErrorId::EmbeddingsWhichTensor,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "cannot tell which tensor holds the embeddings: the file has %1 matrices "
                        "and %2 named like *embedding.weight")},
    {ErrorId::EmbeddingsNeedVocabulary,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the embeddings need a vocabulary: give --vocab FILE (one token per line) "
                        "or store __metadata__ vocab as a JSON list")},
    {ErrorId::EmbeddingsMetadataVocab,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "__metadata__ vocab is not a JSON list of strings")},
    {ErrorId::EmbeddingsVocabularyRows,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the vocabulary has %1 tokens but tensor '%2' has %3 rows")},
    {ErrorId::EmbeddingsTensorNotFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "tensor '%1' holds NaN or infinite values")},
    {ErrorId::EmbeddingsLineNotUtf8,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "embeddings line %1: the word is not valid UTF-8")},
    {ErrorId::EmbeddingsLineNoNumbers,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "embeddings line %1 has a word but no numbers")},
    {ErrorId::EmbeddingsLineCount,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "embeddings line %1 has %2 numbers; the first line has %3")},
    {ErrorId::EmbeddingsLineOutOfRange,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "embeddings line %1: '%2' is out of the range of a 32-bit float (about "
                        "1.2e-38 to 3.4e38 in magnitude, or 0)")},
    {ErrorId::EmbeddingsLineNotNumber,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "embeddings line %1: '%2' is not a number")},
    {ErrorId::EmbeddingsLineNotFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "embeddings line %1: '%2' is not a finite number (NaN or infinity)")},
    {ErrorId::EmbeddingsEmpty,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the embeddings file %1 holds no vectors")},
    {ErrorId::EmbeddingsVocabWithText,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "--vocab goes with safetensors embeddings; %1 is a text file")},
    {ErrorId::EmbeddingsDimension,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the embeddings have %1 dimensions but d_model is %2")},
    {ErrorId::TokenizerUnknown,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "unknown tokenizer '%1' (use words or chars)")},
    {ErrorId::SegmenterUnavailable,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the text segmenter (ICU break iterator) is unavailable: %1")},
    {ErrorId::SegmenterCannotOpen,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the text segmenter (ICU) cannot open the sentence: %1")},
    {ErrorId::SegmenterCannotSegment,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the text segmenter (ICU) cannot segment the sentence: %1")},
    {ErrorId::SplitPatternDoesNotCompile,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "GPT-2's split pattern does not compile with ICU (%1)")},
    {ErrorId::SplitPatternFailed,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "GPT-2's split pattern failed on the sentence (%1)")},
    {ErrorId::NormalizationUnavailable,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the Unicode normalization data is unavailable (%1)")},
    {ErrorId::SentenceOver2GiB,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the sentence is too long (over 2 GiB)")},
    {ErrorId::SentenceTooManyBytes,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the sentence is %1 bytes long; the limit is 1 MiB")},
    {ErrorId::SentenceTooManyTokensWithSpecial,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the sentence has more than %1 tokens (the limit is "
                                               "%1, with the %2 special tokens the model adds)")},
    {ErrorId::TokenLimitBelowSpecialTokens,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "a limit of %1 tokens leaves no room for %2 special tokens")},
    {ErrorId::VocabularyDuplicate,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the vocabulary lists '%1' twice (lines %2 and %3)")},
    {ErrorId::VocabularyNoUnknownEntry,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the vocabulary has no unknown-token entry '%1'")},
    {ErrorId::VocabularyNotUtf8,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the vocabulary is not valid UTF-8 (byte offset %1)")},
    {ErrorId::VocabularyEmpty,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the vocabulary is empty")},
    {ErrorId::VocabularyNoCharacter,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "the vocabulary has no entry for the character \"%1\" and no unknown token")},
    {ErrorId::UnknownTokenNotInVocabulary,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1: the unknown token \"%2\" is not in the vocabulary")},
    {ErrorId::MergeUsesUnknownToken,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1: merge %2 (\"%3 %4\") uses a token that is not in the vocabulary")},
    {ErrorId::FileNotUtf8,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 is not valid UTF-8 (byte offset %2)")},
    {ErrorId::MergesLineNotPair,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1: line %2 must be two tokens separated by one space")},
    {ErrorId::FileTooManyLines, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 has too many lines")},
    {ErrorId::FileEmpty, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 is empty")},
    {ErrorId::VocabularyNoClsSep,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1 has no [CLS] or no [SEP] entry, which BERT's template needs")},
    {ErrorId::JsonInvalid, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1 is not valid JSON (%2)")},
    {ErrorId::JsonFieldProblem, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1: %2 %3")},
    {ErrorId::PostProcessorUnsupported,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1: %2 \"%3\" is not supported (supported: TemplateProcessing, "
                        "BertProcessing, ByteLevel, Sequence of those, or null)")},
    {ErrorId::NormalizerUnsupported,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "%1: normalizer.type \"%2\" is not supported (supported: BertNormalizer, or null)")},
    {ErrorId::PreTokenizerUnsupported,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1: pre_tokenizer.type \"%2\" is not supported "
                                               "(supported: ByteLevel, BertPreTokenizer)")},
    {ErrorId::TokenizerCombinationUnsupported,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "%1: model %2 with pre_tokenizer %3 is not supported (supported: BPE with the ByteLevel "
         "pre-tokenizer and no normalizer; WordPiece with BertPreTokenizer)")},
    {ErrorId::TokenizerCombinationWithNormalizerUnsupported,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "%1: model %2 with pre_tokenizer %3 and BertNormalizer is not supported (supported: BPE "
         "with the ByteLevel pre-tokenizer and no normalizer; WordPiece with BertPreTokenizer)")},
    {ErrorId::TokenizerModelTypeUnsupported,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1: model.type \"%2\" is not supported (supported: BPE, WordPiece)")},
    {ErrorId::VocabularyIdNotIndex,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1: %2 must be a whole number from 0 to 2147483647, not %3")},
    {ErrorId::ModuleTokenizerKind,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "config.json: \"tokenizer\" is '%1'; attnviz models use words, words-lowercase or chars")},
    {ErrorId::ModelWidthNotMultiple,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "%1 config: %2 (%3) is not a multiple of the head count (%4)")},
    {ErrorId::ModelActivationUnsupported,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "config.json: \"%1\" is '%2'; attnviz runs gelu, gelu_new and gelu_pytorch_tanh")},
    {ErrorId::Gpt2OptionsUnsupported,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "config.json: scale_attn_by_inverse_layer_idx and "
                                               "reorder_and_upcast_attn are not supported")},
    {ErrorId::BertPositionsUnsupported,
     ATTNVIZ_ERROR_TEXT(
         "attnviz::InputError",
         "config.json: position_embedding_type '%1' is not supported (only absolute)")},
    {ErrorId::ModuleModelLayout,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "config.json: attnviz models use sinusoidal positions and post-norm")},
    {ErrorId::ConfigKeyIntegerRange,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1: \"%2\" is %3; attnviz reads %4 to %5")},
    {ErrorId::ConfigKeyNumberRange,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "%1: \"%2\" is out of range (%3 to %4)")},
    {ErrorId::ModelNoTokenizer,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the model %1 has no tokenizer")},
    {ErrorId::TokenIdOutsideVocabulary,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "token id %1 is outside the vocabulary of %2 entries")},
    {ErrorId::ModelNotFinite,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the %1 of layer %2, head %3 are not finite numbers "
                                               "(the weights or inputs are too large)")},
    {ErrorId::ModelScoresOverflow,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "the attention scores of layer %1, head %2 overflow (a query·key product "
                        "is not a finite float); the weights or inputs are too large")},
    {ErrorId::LoadCancelled, ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the load was cancelled")},
    {ErrorId::CostTooLarge,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "this configuration's cost is too large to count in 64 bits")},
    {ErrorId::CostHeadTooWide,
     ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                        "one head of the same total width would be %1 wide, too wide to describe")},
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
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the dump"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "the metrics"),
    // Properties of a JSON field or config.json key (JsonFieldProblem, ConfigBadKey)
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "is missing"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "is empty"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "is not supported"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "is not supported (encoding must be deterministic)"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                       "is missing (supported: ByteLevel, BertPreTokenizer)"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be a whole number"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be a whole number from 0 to 2147483647"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be a number"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be a string"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be true or false"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be an object"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be an array"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be two tokens separated by one space"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                       "must be a string \"left right\" or a pair of strings"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must have as many ids as tokens, at least one"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError",
                       "must be {\"Sequence\": ...} or {\"SpecialToken\": ...}"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be [token, id]"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "must be \"A\" in a single-sentence template"),
    // What overflowed (OverflowOfHead, OverflowOfOutput, ModelNotFinite)
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "queries"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "keys"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "values"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "scores"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "outputs"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "outputs of the output projection"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "attention weights"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "attention outputs"),
    // The system's errors (systemErrorText), in the C locale's words
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "No space left on device"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Disk quota exceeded"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "File too large"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Permission denied"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Operation not permitted"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Read-only file system"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "No such file or directory"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Is a directory"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Not a directory"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Input/output error"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "File name too long"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Too many levels of symbolic links"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Too many open files"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Cannot allocate memory"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Device or resource busy"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Text file busy"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "No such device or address"),
    ATTNVIZ_ERROR_TEXT("attnviz::InputError", "Stale file handle"),
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

std::string systemErrorText(int errnum) {
    // The C locale's wording, whatever the process's locale: the interface translates these.
    switch (errnum) {
    case ENOSPC:
        return "No space left on device";
    case EDQUOT:
        return "Disk quota exceeded";
    case EFBIG:
        return "File too large";
    case EACCES:
        return "Permission denied";
    case EPERM:
        return "Operation not permitted";
    case EROFS:
        return "Read-only file system";
    case ENOENT:
        return "No such file or directory";
    case EISDIR:
        return "Is a directory";
    case ENOTDIR:
        return "Not a directory";
    case EIO:
        return "Input/output error";
    case ENAMETOOLONG:
        return "File name too long";
    case ELOOP:
        return "Too many levels of symbolic links";
    case EMFILE:
        return "Too many open files";
    case ENOMEM:
        return "Cannot allocate memory";
    case EBUSY:
        return "Device or resource busy";
    case ETXTBSY:
        return "Text file busy";
    case ENXIO:
        return "No such device or address";
    case ESTALE:
        return "Stale file handle";
    default:
        return std::strerror(errnum);
    }
}

bool isErrorPhrase(std::string_view text) {
    return std::any_of(std::begin(kPhrases), std::end(kPhrases),
                       [text](const char *p) { return text == p; });
}

namespace {
// The highest %n of a template: the number of arguments its throw sites must give.
[[maybe_unused]] std::size_t markerCount(std::string_view templ) {
    std::size_t highest = 0;
    for (std::size_t i = 0; i + 1 < templ.size(); ++i)
        if (templ[i] == '%' && templ[i + 1] >= '1' && templ[i + 1] <= '9')
            highest = std::max(highest, static_cast<std::size_t>(templ[i + 1] - '0'));
    return highest;
}
} // namespace

InputError::InputError(ErrorId id, std::vector<std::string> args)
    : std::runtime_error(formatError(errorTemplate(id), args))
    , m_id(id)
    , m_args(std::move(args)) {
    assert(m_args.size() == markerCount(errorTemplate(id)) && "a throw site's argument count");
}

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
