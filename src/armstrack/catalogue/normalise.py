"""Text folding shared by the catalogue index and the matcher.

``fold`` keeps the length of the text, so an offset found in folded text is the
same offset in the original: that is what lets every span point into the
untouched article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

# Hyphen-like characters become spaces so "Shahed-136", "Shahed 136" and
# "SHAHED‑136" fold alike; typographic apostrophes become ASCII ones.
_SAME_LENGTH: Final = {
    "-": " ",
    "\u2010": " ",
    "\u2011": " ",
    "\u2012": " ",
    "\u2013": " ",
    "\u2014": " ",
    "\u2212": " ",
    "_": " ",
    "/": " ",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00a0": " ",
    "\t": " ",
    "\n": " ",
    "\r": " ",
}


def _fold_char(char: str) -> str:
    mapped = _SAME_LENGTH.get(char)
    if mapped is not None:
        return mapped
    lowered = char.lower()
    # A few characters lower-case to two code points (İ); keep those as they are.
    return lowered if len(lowered) == 1 else char


_TABLE: Final = {ord(c): _fold_char(c) for c in map(chr, range(0x250))}
_TABLE.update({ord(k): v for k, v in _SAME_LENGTH.items()})


def _ascii_bytes(table: dict[int, str]) -> bytes:
    """``table`` for ASCII as a ``bytes.translate`` table (every ASCII character maps to
    one ASCII character in the tables here)."""
    return bytes(ord(table.get(code, chr(code))) for code in range(128)) + bytes(range(128, 256))


class _Encoded:
    """A text as ASCII bytes, each other character a "?", and where those stand
    (``marks``; not the text's own question marks)."""

    def __init__(self, text: str, raw: bytes, marks: list[int]) -> None:
        self.text, self.raw, self.marks = text, raw, marks


class _Memo:
    """The last text encoded: the extractor folds an article, folds it by words and
    lowers it in turn, which then encode it and look for its marks once."""

    def __init__(self) -> None:
        self.last = _Encoded("", b"", [])


_MEMO: Final = _Memo()


def _encoded(text: str) -> _Encoded:
    """``text`` encoded, from the memo when it holds this very string (held there, so no
    other string can take its identity). One record replaced at once keeps the memo
    consistent between threads."""
    last = _MEMO.last
    if last.text is text:
        return last
    raw = text.encode("ascii", "replace")
    marks: list[int] = []
    if not text.isascii():
        # The marks found in a str: compiled, its ``find`` is a direct call, where the
        # bytes' is a call by name.
        plain = raw.decode("ascii")
        mark = plain.find("?")
        while mark >= 0:
            if text[mark] != "?":
                marks.append(mark)
            mark = plain.find("?", mark + 1)
    encoded = _Encoded(text, raw, marks)
    _MEMO.last = encoded
    return encoded


def _translate(text: str, table: dict[int, str], ascii_table: bytes) -> str:
    """``text.translate(table)``, quicker: ``str.translate`` looks every character up in the
    table once the text holds one that is not ASCII (most news has a curly quote), where
    ``bytes.translate`` maps the ASCII ones by array. Encoding puts one "?" for each other
    character, which the few places holding one then take from ``table`` (every value of
    the tables here is a string: a character not in one stays as it is)."""
    encoded = _encoded(text)
    done = encoded.raw.translate(ascii_table).decode("ascii")
    if not encoded.marks:
        return done
    return _with_marks(text, done, encoded.marks, table)


def _with_marks(text: str, done: str, marks: list[int], table: dict[int, str]) -> str:
    """``done``, the text's ASCII characters mapped, with the characters at ``marks`` each
    mapped by ``table`` (kept where it has none)."""
    parts: list[str] = []
    last = 0
    for mark in marks:
        char = text[mark]
        parts.append(done[last:mark])
        parts.append(table.get(ord(char), char))
        last = mark + 1
    parts.append(done[last:])
    return "".join(parts)


def fold(text: str) -> str:
    """Lower-case text and turn hyphens into spaces without changing its length."""
    return _translate(text, _TABLE, _ASCII_TABLE)


# The characters Python's ``re`` takes for an ASCII letter under IGNORECASE: the ASCII
# capitals and four others (dotted and dotless I, long s, the Kelvin sign).
_CASELESS: Final = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_CASELESS.update({0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"})


def caseless(text: str) -> str:
    """Text in lower case, with its length kept, such that a pattern of lower-case ASCII
    words (and the classes ``\\w``, ``\\d``, ``\\s``, ``[A-Za-z]``) matches it exactly
    where, with IGNORECASE, it matches the original; and several times faster, as without
    the flag the regex engine dismisses a failing alternative on its first character.
    Read the matched words from the original text by the match's offsets.

    ``str.lower`` does it (checked for every code point: it keeps those classes, and
    lowers to an ASCII letter just what IGNORECASE equates with one) but for the dotless
    i and the long s, which IGNORECASE equates with "i" and "s", and the dotted capital
    I, which lowers to two characters: a text with it takes the slower exact table.
    """
    if text.isascii():
        return text.lower()
    # As in ``_translate``: the ASCII characters lowered by array, the few others (a
    # curly quote, an accented letter) each on its own, not the whole text character by
    # character through the Unicode tables.
    encoded = _encoded(text)
    done = encoded.raw.lower().decode("ascii")
    if any(text[mark] == "\u0130" for mark in encoded.marks):
        # "İ" lowers to two characters: the exact table, which ``_caseless_whole`` reads
        # such a text with, mapped onto the others alone.
        return _with_marks(text, done, encoded.marks, _CASELESS)
    parts: list[str] = []
    last = 0
    for mark in encoded.marks:
        char = text[mark]
        lowered = char.lower()
        if len(lowered) != 1 or char == "\u03a3":
            return _caseless_whole(text)  # "İ" lowers to two; "Σ" by its neighbours
        parts.append(done[last:mark])
        parts.append(_AS_ASCII.get(lowered, lowered))
        last = mark + 1
    parts.append(done[last:])
    return "".join(parts)


# CPython's own ``str.lower``, called through the method object: mypyc compiles
# ``.lower()`` to a lowering character by character that makes a word-final "Σ" a "σ"
# where CPython writes "ς". Where a text may hold "Σ", the compiled build must lower it
# as the pure-Python one does.
exact_lower: Final[Callable[[str], str]] = str.lower


def _caseless_whole(text: str) -> str:
    """``caseless`` read the plain way: what the quick form makes (tests check it)."""
    lowered = exact_lower(text).replace("ı", "i").replace("ſ", "s")
    if len(lowered) != len(text):
        return text.translate(_CASELESS)
    return lowered


# What ``caseless`` makes of the two lower-case letters IGNORECASE reads as ASCII ones.
_AS_ASCII: Final = {"ı": "i", "ſ": "s"}


def original_groups(text: str, match: re.Match[str]) -> dict[str, str | None]:
    """The named groups of a match found in ``caseless(text)``, as ``text`` writes them."""
    groups: dict[str, str | None] = {}
    for name in match.re.groupindex:
        start, end = match.span(name)
        groups[name] = text[start:end] if start >= 0 else None
    return groups


_SPACES: Final = re.compile(r"\s+")


def fold_term(term: str) -> str:
    """Fold a catalogue term the way text is folded, with single spaces."""
    return _SPACES.sub(" ", fold(term)).strip()


_NON_ALNUM: Final = re.compile(r"[\W_]+")


def key(term: str) -> str:
    """Identity key of a name: two names with the same key are the same name."""
    return _NON_ALNUM.sub("", term.lower())


def _word_char(char: str) -> str:
    if not char.isalnum():
        return " "
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


_WORD_TABLE: Final = {ord(c): _word_char(c) for c in map(chr, range(0x250))}
_WORD_TABLE.update(
    {
        ord(c): " "
        for c in "\u2010\u2011\u2012\u2013\u2014\u2212\u2018\u2019\u201c\u201d\u02bc\u00a0\u2026"
    }
)


# Fullwidth forms ("Ｆ-16", common in East Asian copy) read as their ASCII letters and
# digits, one character for one, so that offsets stay those of the text.
_WORD_TABLE.update({code: _word_char(chr(code - 0xFEE0)) for code in range(0xFF01, 0xFF5F)})
_ASCII_TABLE: Final = _ascii_bytes(_TABLE)
_ASCII_WORD_TABLE: Final = _ascii_bytes(_WORD_TABLE)


def fold_words(text: str) -> str:
    """Lower-case letters and digits, everything else a space; the length is kept.

    Word-boundary matching then needs no checks: a term padded with spaces can
    only match whole words.
    """
    return _translate(text, _WORD_TABLE, _ASCII_WORD_TABLE)


def word_key(term: str) -> str:
    """A catalogue term folded like ``fold_words`` with single spaces."""
    return _SPACES.sub(" ", fold_words(term)).strip()


_LETTER_DIGIT: Final = re.compile(r"(?<=[a-z]) (?=\d)|(?<=\d) (?=[a-z])")
# Where a joined name may be written apart: before a number of two digits or more ("M777"
# as "M-777", "K239" as "K-239") and before two letters or more ("AMX-10 RC" as
# "AMX-10RC"); not "K9" as "K-9" (police dogs) nor "F-35A" as "F-35 a".
_CUT: Final = re.compile(r"(?<=[a-z])(?=\d\d)|(?<=\d)(?=[a-z][a-z])")
_MAX_CUTS: Final = 3  # variants double with each place a name may be cut


def spelling_variants(term: str) -> set[str]:
    """Word-folded spellings of a name: "Su-35" is also "su 35", "su35", "su 35s"; "M777"
    is also "m 777"."""
    folded = word_key(term)
    joined = _LETTER_DIGIT.sub("", folded)
    variants = {folded, joined}
    cuts = [m.start() for m in _CUT.finditer(joined)]
    if len(cuts) <= _MAX_CUTS:
        for mask in range(1, 2 ** len(cuts)):
            chosen = [cut for bit, cut in enumerate(cuts) if mask >> bit & 1]
            pieces = [
                joined[a:b] for a, b in zip([0, *chosen], [*chosen, len(joined)], strict=True)
            ]
            variants.add(" ".join(pieces))
    for variant in list(variants):
        if variant[-1:].isdigit():
            variants.add(variant + "s")  # "F-16s"
    return variants
