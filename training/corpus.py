"""Builds the English and Chinese training corpora from Debian packages: extract, clean, split.

Each corpus is a list of sentences taken from text that Debian ships (the packages are named in
PACKAGES and installed with apt-get when missing). Sentences are cleaned (no code, tables, URLs,
too short or too long), de-duplicated and split into train and validation sets by a hash of the
sentence text, so the split is deterministic and independent of the order files are read in.
"""
import gzip
import hashlib
import html.parser
import pathlib
import re
import subprocess

import icu

import tokenization

PACKAGES = {
    "en": ["fortunes", "wordnet-base", "debian-reference-en"],
    "zh": ["debian-reference-zh-cn", "manpages-zh", "fortunes-zh"],
}
# Everything else (the tokenizer, fast BLAS, the plots) that the scripts need.
TOOL_PACKAGES = ["python3-torch", "python3-icu", "libopenblas0-pthread", "python3-matplotlib"]

FORTUNES = pathlib.Path("/usr/share/games/fortunes")
WORDNET = pathlib.Path("/usr/share/wordnet")
DEBIAN_REFERENCE = pathlib.Path("/usr/share/debian-reference")
MANPAGES_ZH = pathlib.Path("/usr/share/man/zh_CN")
# Fortune files that are pictures or Chinese, not English prose.
FORTUNE_SKIP = {"art", "ascii-art", "chinese", "song100", "tang300"}
VALIDATION_PERCENT = 5

URL = re.compile(r"(https?://|ftp://|www\.|\.org\b|\.com\b|\.html?\b|@\w)", re.I)
CODE_CHARS = set("{}<>=$\\|#_~`^[]*/;")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def dpkg_installed(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                            capture_output=True, text=True, check=False)
    return result.returncode == 0 and "install ok installed" in result.stdout


def install_packages(packages):
    """Installs (as root, with apt-get) whichever of the named Debian packages are missing."""
    missing = [p for p in packages if not dpkg_installed(p)]
    if missing:
        print("installing:", " ".join(missing), flush=True)
        subprocess.run(["apt-get", "install", "-y", *missing], check=True)


# --- Extraction: raw paragraphs of text from each package ------------------------------------
class ParagraphText(html.parser.HTMLParser):
    """Collects the text of <p> elements (not <pre>, tables or listings) of a DocBook HTML page."""

    def __init__(self):
        super().__init__()
        self.paragraphs, self.depth, self.skip, self.parts = [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
        elif tag in ("pre", "code", "table", "script", "style", "tt"):
            self.skip += 1
            if self.depth:
                self.parts.append(" \x00 ")  # marks the paragraph as containing code

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.paragraphs.append("".join(self.parts))
                self.parts = []
        elif tag in ("pre", "code", "table", "script", "style", "tt") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def debian_reference_paragraphs(language_suffix):
    for page in sorted(DEBIAN_REFERENCE.glob("*." + language_suffix + ".html")):
        parser = ParagraphText()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        # A paragraph with inline code is split at the code, so no sentence spans it.
        for paragraph in parser.paragraphs:
            yield from paragraph.split("\x00")


def fortune_paragraphs(names):
    for name in names:
        text = ANSI.sub("", (FORTUNES / name).read_text(encoding="utf-8", errors="replace"))
        for entry in text.split("\n%\n"):
            lines = [line for line in entry.split("\n")
                     if line.strip() and not line.strip().startswith("--")
                     and not line.strip().startswith("——")]
            # Indented or very short lines are verse, dialogue layout or pictures: keep prose.
            if any(len(line) - len(line.lstrip()) >= 4 for line in lines):
                continue
            yield " ".join(line.strip() for line in lines)


def english_fortune_files():
    return sorted(p.name for p in FORTUNES.iterdir()
                  if p.is_file() and not p.suffix and p.name not in FORTUNE_SKIP
                  and (FORTUNES / (p.name + ".dat")).exists())


def wordnet_sentences():
    """The glosses of WordNet synsets and their quoted example sentences."""
    for part in ("noun", "verb", "adj", "adv"):
        for line in (WORDNET / ("data." + part)).read_text(encoding="utf-8",
                                                          errors="replace").splitlines():
            if line.startswith("  ") or " | " not in line:
                continue
            gloss = line.split(" | ", 1)[1].strip()
            for piece in gloss.split(";"):
                piece = piece.strip()
                if piece.startswith('"'):
                    piece = piece.strip('"').strip()
                    if piece:
                        yield piece
                elif piece:
                    yield piece


MAN_ESCAPE = re.compile(r"\\f(\[[^\]]*\]|\(..|.)|\\\(..|\\\[[^\]]*\]|\\[-&/,|^e ]|\\\*\(..|\\\*.")


def manpage_paragraphs():
    for page in sorted(MANPAGES_ZH.glob("man*/*.gz")):
        try:
            text = gzip.decompress(page.read_bytes()).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        paragraph, in_example = [], False
        for line in text.splitlines():
            if line.startswith((".nf", ".EX")):
                in_example = True
            elif line.startswith((".fi", ".EE")):
                in_example = False
            if line.startswith((".", "'")) or in_example:
                if paragraph:
                    yield "".join(paragraph)
                    paragraph = []
                continue
            paragraph.append(MAN_ESCAPE.sub("", line).strip())
        if paragraph:
            yield "".join(paragraph)


# --- Sentences and cleaning --------------------------------------------------------------------
def split_sentences(paragraph):
    iterator = icu.BreakIterator.createSentenceInstance(icu.Locale.getRoot())
    text = icu.UnicodeString(paragraph)
    iterator.setText(text)
    start = iterator.first()
    for end in iterator:
        yield str(text[start:end]).strip()
        start = end


def clean_english(sentence):
    sentence = " ".join(sentence.split())
    if URL.search(sentence) or sum(c in CODE_CHARS for c in sentence) > 1:
        return None
    if not sentence[:1].isalpha() and sentence[:1] not in "\"'(":
        return None
    tokens = tokenization.tokenize(sentence, "words")
    if not 4 <= len(tokens) <= 40:
        return None
    words = sum(1 for t in tokens if t.isalpha())
    if words < 0.7 * len(tokens) or sum(1 for t in tokens if t.isupper() and len(t) > 1) > 3:
        return None
    return sentence


def clean_chinese(sentence):
    sentence = sentence.strip()
    if URL.search(sentence) or sum(c in CODE_CHARS for c in sentence) > 1:
        return None
    tokens = tokenization.tokenize(sentence, "chars")
    if not 6 <= len(tokens) <= 80:
        return None
    if sum(1 for t in tokens if CJK.match(t)) < 0.6 * len(tokens):
        return None
    return sentence


def is_validation(sentence):
    digest = hashlib.sha256(sentence.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "little") % 100 < VALIDATION_PERCENT


def raw_sentences(language):
    """(package, sentence) pairs before cleaning."""
    if language == "en":
        for paragraph in fortune_paragraphs(english_fortune_files()):
            for s in split_sentences(paragraph):
                yield "fortunes", s
        for s in wordnet_sentences():
            yield "wordnet-base", s
        for paragraph in debian_reference_paragraphs("en"):
            for s in split_sentences(paragraph):
                yield "debian-reference-en", s
    else:
        for paragraph in debian_reference_paragraphs("zh-cn"):
            for s in split_sentences(paragraph):
                yield "debian-reference-zh-cn", s
        for paragraph in manpage_paragraphs():
            for s in split_sentences(paragraph):
                yield "manpages-zh", s
        for paragraph in fortune_paragraphs(["chinese", "song100", "tang300"]):
            for s in split_sentences(paragraph):
                yield "fortunes-zh", s


def build(language):
    """Returns {"train": [...], "validation": [...], "per_package": {package: count}}."""
    clean = clean_english if language == "en" else clean_chinese
    seen, train, validation, per_package = set(), [], [], {}
    for package, sentence in raw_sentences(language):
        sentence = clean(sentence)
        if sentence is None or sentence in seen:
            continue
        seen.add(sentence)
        per_package[package] = per_package.get(package, 0) + 1
        (validation if is_validation(sentence) else train).append(sentence)
    return {"train": train, "validation": validation, "per_package": per_package}


if __name__ == "__main__":
    import sys
    for lang in sys.argv[1:] or ["en", "zh"]:
        corpus = build(lang)
        print(lang, len(corpus["train"]), len(corpus["validation"]), corpus["per_package"])
        for s in corpus["train"][:: max(1, len(corpus["train"]) // 15)]:
            print("   ", s)
