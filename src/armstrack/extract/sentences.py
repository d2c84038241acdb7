"""Sentence boundaries as character offsets into the original text.

A regular-expression splitter rather than pysbd or a statistical model: news copy
is well punctuated, the only traps are abbreviations ("U.S.", "Gen.", "Feb."),
and the extractor runs the splitter only on the few articles that mention
weapons at all, so it must cost next to nothing.
"""

from __future__ import annotations

import re
from typing import Final

# Words that end with a period without ending the sentence.
ABBREVIATIONS: Final = frozenset(
    "mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr brig rep sen gov pres prof st jan "
    "feb mar apr jun jul aug sep sept oct nov dec no vs etc inc ltd co corp jr sr u.s u.k "
    "u.n e.u u.s.a d.c a.m p.m approx est fig e.g i.e incl esp viz cf ca".split()
)

# A boundary is a run of end marks before a capital or a digit, or a line break (two
# with only white space between them make one boundary):
#     [.!?](?<![.!?].)[.!?]*+["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9]) | \n\s*\n | \n
# A run of marks is matched from its first mark only (no mark before it), and
# possessively: a long run of "!?" not followed by a capital is then tried once, not once
# per mark (which was quadratic in the run's length). The pattern opens with the one
# character set of all its first characters: the regex engine then scans for that set
# alone, where it tries an alternation, or a look back, at every position (2-3 times
# slower).
_BOUNDARY: Final = re.compile(
    r"[.!?\n](?:(?<=\n)(?:\s*\n)?|(?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9]))"
)

# Wire copy hard-wrapped at a fixed width breaks lines inside sentences ("used by the
# United\nStates"): there only a blank line or an end mark ends a sentence.
_WRAPPED_BOUNDARY: Final = re.compile(
    r"\n\s*\n|[.!?](?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])"
)
# A line break inside a sentence (``count_wraps``): a word or a comma, then the sentence
# going on in lower case. Paragraph-per-line copy has a few (captions, bylines); wrapped
# copy has them on a large share of its lines.
_WRAPS_MIN: Final = 3
_WRAPPED_SHARE: Final = 0.25


def hard_wrapped(text: str) -> bool:
    """Whether the text's lines were wrapped at a fixed width, so most line breaks sit
    inside sentences."""
    return _hard_wrapped(text, offsets(text, "\n"))


def _hard_wrapped(text: str, breaks: list[int]) -> bool:
    """``hard_wrapped``, given the offsets of the text's line breaks."""
    if len(breaks) < _WRAPS_MIN:
        return False
    wraps = _count_wraps(text, breaks)
    return wraps >= _WRAPS_MIN and wraps >= _WRAPPED_SHARE * len(breaks)


def count_wraps(text: str) -> int:
    """How many line breaks sit inside a sentence: after a word character, comma or
    semicolon and before a lower-case ASCII letter, matches not overlapping (the letter
    after one break cannot open the next). Read from the line breaks alone: as a pattern
    opening with a character class, the engine tried it at every character of every
    article (4% of all extraction); a test checks the two agree."""
    return _count_wraps(text, offsets(text, "\n"))


def _count_wraps(text: str, breaks: list[int]) -> int:
    """``count_wraps``, given the offsets of the text's line breaks."""
    count = 0
    free = 0  # the first index a match may start at
    for at in breaks:
        if at == 0:
            continue  # no character before it
        before = text[at - 1]
        after = text[at + 1 : at + 2]
        if (
            at - 1 >= free
            and (before.isalnum() or before in "_,;")
            and after
            and "a" <= after <= "z"
        ):
            count += 1
            free = at + 2
    return count


# The longest sentence analysed whole. Real news sentences stay well under it (the
# longest of 1,543 in the development texts has 389 characters); a longer "sentence" is
# lower-case or unpunctuated text, and analysing it whole costs more than linear time.
MAX_SENTENCE: Final = 600
# Where a runaway sentence is cut: the last clause break, else the last space, in the
# second half of the window.
_CUT_MARKS: Final = ("; ", ", ", " ")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, whitespace trimmed, in order."""
    return split_bounded(text)[0]


def split_bounded(text: str) -> tuple[list[tuple[int, int]], int]:
    """Sentences as in ``split_sentences``, and how many runaway sentences were cut
    into pieces of at most ``MAX_SENTENCE`` characters."""
    spans: list[tuple[int, int]] = []
    start = 0
    breaks = offsets(text, "\n")
    for at, end in _find_boundaries(text, _hard_wrapped(text, breaks), breaks):
        if text[at] == "." and _is_abbreviation(text, at):
            continue
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    bounded: list[tuple[int, int]] = []
    cut = 0
    for start, end in spans:
        if end - start > MAX_SENTENCE:
            cut += 1
            for piece_start, piece_end in _pieces(text, start, end):
                _add(bounded, text, piece_start, piece_end)
        else:
            bounded.append((start, end))
    return bounded, cut


# Where a boundary of either pattern can open: an end mark or a line break.
_END_MARKS: Final = ".!?"


def offsets(text: str, char: str) -> list[int]:
    """Offsets of ``char`` in ``text``, in order (a string's ``find`` skips to each one)."""
    found: list[int] = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def _marks(text: str, breaks: list[int]) -> list[int]:
    """Offsets of the characters a boundary opens with, sorted, given those of the line
    breaks: the boundary is read there alone, as the engine's scan for its opening set
    would try it, at a fraction of the cost."""
    marks = list(breaks)
    for mark in _END_MARKS:
        marks += offsets(text, mark)
    marks.sort()
    return marks


def _boundaries(text: str, wrapped: bool) -> list[tuple[int, int]]:
    """The spans ``_WRAPPED_BOUNDARY`` (if ``wrapped``) or ``_BOUNDARY`` finds in the text,
    read by hand at its end marks and line breaks alone: the pattern's call costs several
    times the reading (a property test checks both against a scan of the text)."""
    return _find_boundaries(text, wrapped, offsets(text, "\n"))


def _find_boundaries(text: str, wrapped: bool, breaks: list[int]) -> list[tuple[int, int]]:
    """``_boundaries``, given the offsets of the text's line breaks."""
    found: list[tuple[int, int]] = []
    reach = 0
    for at in _marks(text, breaks):
        if at < reach:
            continue  # inside the last boundary: the scan goes on from its end
        if text[at] == "\n":
            end = _blank_lines_end(text, at)
            if end < 0:
                if wrapped:
                    continue  # one line break alone ends no sentence of wrapped copy
                end = at + 1
        else:
            end = _end_mark_reach(text, at)
            if end < 0:
                continue
        found.append((at, end))
        reach = end
    return found


def _end_mark_reach(text: str, at: int) -> int:
    """Where the boundary of both patterns that opens with the end mark at ``at`` ends, or
    -1 if none does: ``[.!?](?<![.!?].)[.!?]*+["'”’)\\]]*+(?=\\s+["'“‘(\\[]?[A-Z0-9])``. The
    mark opens no run of marks (none stands before it); the run and the closing quotes
    and brackets after it are taken whole, then white space must lead to a capital or a
    digit, an opening quote or bracket allowed before it."""
    # Characters read by their codes: compiled, ``ord`` of an index makes no string.
    if at > 0 and ord(text[at - 1]) in _END_CODES:
        return -1
    size = len(text)
    end = at + 1
    while end < size and ord(text[end]) in _END_CODES:
        end += 1
    while end < size and ord(text[end]) in _CLOSER_CODES:
        end += 1
    ahead = end
    while ahead < size and _space_at(text, ahead):
        ahead += 1
    if ahead in (end, size):
        return -1
    if ord(text[ahead]) in _OPENER_CODES:
        ahead += 1
        if ahead == size:
            return -1
    code = ord(text[ahead])
    return end if 65 <= code <= 90 or 48 <= code <= 57 else -1


# The codes of the end marks, and of the closing and the opening quotes and brackets
# around a boundary: tuples, which compiled code tests by comparisons, code by code.
_END_CODES: Final = (0x2E, 0x21, 0x3F)  # . ! ?
_CLOSER_CODES: Final = (0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D)  # " ' ” ’ ) ]
_OPENER_CODES: Final = (0x22, 0x27, 0x201C, 0x2018, 0x28, 0x5B)  # " ' “ ‘ ( [


def _space_at(text: str, index: int) -> bool:
    """``text[index].isspace()``, an ASCII character tested by its code."""
    code = ord(text[index])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[index].isspace()


def _blank_lines_end(text: str, at: int) -> int:
    """One past the last line break in the white space after the line break at ``at``, or
    -1 if it holds none: where ``\\n\\s*\\n`` ends (``\\s*`` takes the white space, then
    gives back to its last line break)."""
    run = at + 1
    while run < len(text) and _space_at(text, run):
        run += 1
    last = text.rfind("\n", at + 1, run)
    return last + 1 if last >= 0 else -1


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut one runaway sentence at clause breaks or spaces; each search reads one window,
    so the cutting is linear in the sentence's length."""
    pieces = []
    while end - start > MAX_SENTENCE:
        low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
        cut = next((i + 1 for mark in _CUT_MARKS if (i := text.rfind(mark, low, high)) >= 0), high)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


_LAST_WORD: Final = re.compile(r"[\w.]*\Z")
# Characters read back from the full stop: one more than the longest abbreviation, as a
# word that reaches that far is none (nor an initial) whatever its length.
_WORD_REACH: Final = max(map(len, ABBREVIATIONS)) + 1


def _is_abbreviation(text: str, dot: int) -> bool:
    word = text[_last_word_start(text, dot) : dot]
    if not word:
        return False
    # A single capital letter is an initial ("John F. Kennedy").
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _last_word_start(text: str, dot: int) -> int:
    """Where what ``_LAST_WORD`` finds in the ``_WORD_REACH`` characters before ``dot``
    starts: the word characters and full stops right before it, read backwards (the
    pattern's search tries each of the positions, and a test checks the two agree)."""
    floor = max(0, dot - _WORD_REACH)
    start = dot
    while start > floor and _word_or_stop_at(text, start - 1):
        start -= 1
    return start


def _word_or_stop_at(text: str, index: int) -> bool:
    """Whether ``text[index]`` is a word character or a full stop (``[\\w.]``), an ASCII
    one tested by its code."""
    code = ord(text[index])
    if code < 128:
        return 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code in (95, 46)
    return text[index].isalnum()


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and _space_at(text, start):
        start += 1
    while end > start and _space_at(text, end - 1):
        end -= 1
    if end > start:
        spans.append((start, end))
