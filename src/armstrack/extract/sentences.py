"""Sentence boundaries as character offsets into the original text.

A regular-expression splitter rather than pysbd or a statistical model: news copy
is well punctuated, the only traps are abbreviations ("U.S.", "Gen.", "Feb."),
and the extractor runs the splitter only on the few articles that mention
weapons at all, so it must cost next to nothing.
"""

from __future__ import annotations

import re

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr brig rep sen gov pres prof st jan "
    "feb mar apr jun jul aug sep sept oct nov dec no vs etc inc ltd co corp jr sr u.s u.k "
    "u.n e.u u.s.a d.c a.m p.m approx est fig".split()
)

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


_LAST_WORD = re.compile(r"[\w.]*\Z")


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _LAST_WORD.search(text, max(0, dot - 12), dot)
    word = match.group(0) if match else ""
    if not word:
        return False
    # A single capital letter is an initial ("John F. Kennedy").
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
