"""attnviz's tokenizers in Python (PyICU), equal to core/src/tokenizer.cpp, and a check against the app.

words: ICU word break iterator (root locale); segments made only of white space are dropped, every
other segment (words, punctuation, emoji) is a token. chars: ICU grapheme clusters, white space
dropped. The models' "words-lowercase" tokenizer lowercases each word token with ICU's full case
mapping in the root locale.
"""
import json
import subprocess

import icu

_ROOT = icu.Locale.getRoot()
_ITERATORS = {}


def _iterator(mode):
    if mode not in _ITERATORS:
        _ITERATORS[mode] = (icu.BreakIterator.createWordInstance(_ROOT) if mode == "words"
                            else icu.BreakIterator.createCharacterInstance(_ROOT))
    return _ITERATORS[mode]


def _all_white_space(piece):
    return all(icu.Char.isUWhiteSpace(c) for c in piece)


def tokenize(text, mode):
    """Display tokens (not lowercased) of text, as attnviz's tokenizer gives them."""
    iterator = _iterator(mode)
    utext = icu.UnicodeString(text)
    iterator.setText(utext)
    tokens, start = [], iterator.first()
    for end in iterator:
        piece = str(utext[start:end])
        start = end
        if not _all_white_space(piece):
            tokens.append(piece)
    return tokens


def lowercase(token):
    return str(icu.UnicodeString(token).toLower(_ROOT))


def model_tokens(text, tokenizer):
    """Tokens as a model looks them up: tokenizer is "words-lowercase" or "chars"."""
    if tokenizer == "words-lowercase":
        return [lowercase(t) for t in tokenize(text, "words")]
    return tokenize(text, "chars")


def app_tokens(attnviz, text, mode):
    """The tokens the built attnviz gives for text (its --dump)."""
    result = subprocess.run([attnviz, "--sentence", text, "--tokenizer", mode, "--dump", "-"],
                            capture_output=True, text=True, check=True)
    return [t if isinstance(t, str) else t["text"] for t in json.loads(result.stdout)["tokens"]]


def check_against_app(attnviz, sentences, mode):
    """Returns (agreeing, total, first disagreements) over sentences."""
    agree, bad = 0, []
    for s in sentences:
        ours, theirs = tokenize(s, mode), app_tokens(attnviz, s, mode)
        if ours == theirs:
            agree += 1
        elif len(bad) < 5:
            bad.append((s, ours, theirs))
    return agree, len(sentences), bad


def main():
    """Compares these tokenizers with a built attnviz on ~200 cached corpus sentences per language:
        training/tokenization.py build/ci/app/attnviz
    """
    import pathlib
    import pickle
    import sys
    attnviz = sys.argv[1]
    cache = pathlib.Path(__file__).resolve().parent / ".cache"
    for language, modes in (("en", ["words"]), ("zh", ["chars", "words"])):
        sentences = pickle.loads((cache / f"corpus-{language}.pickle").read_bytes())["train"]
        sample = sentences[:: max(1, len(sentences) // 200)][:200]
        for mode in modes:
            agree, total, bad = check_against_app(attnviz, sample, mode)
            print(f"{language} {mode}: {agree}/{total} sentences tokenized identically")
            for s, ours, theirs in bad:
                print("   ", s, "\n    ours:  ", ours, "\n    attnviz:", theirs)


if __name__ == "__main__":
    main()
