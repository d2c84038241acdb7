"""Numbers of items before a weapon mention: "around 400 missiles", "24 F-16 jets"."""

from __future__ import annotations

import re
from typing import Final

from armstrack.catalogue.normalise import caseless
from armstrack.extract.lexicon import CONTAINER_NOUNS
from armstrack.extract.prefilter import FoundWords, Prefiltered
from armstrack.extract.spans import new_quantity, new_span
from armstrack.records import Quantity

NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "a dozen": 12, "two dozen": 24, "three dozen": 36, "a hundred": 100,
    "a thousand": 1000, "a pair of": 2, "a couple of": 2, "half a dozen": 6,
    "a single": 1,
}  # fmt: skip
APPROXIMATORS: Final = (
    "around", "about", "some", "nearly", "almost", "roughly", "approximately", "up to",
    "more than", "over", "at least", "an estimated", "as many as", "close to",
    "fewer than", "less than", "at most", "estimated", "just over", "just under",
    "upwards of", "in excess of", "roughly", "approx.",
)  # fmt: skip
VAGUE: Final = (
    "hundreds", "dozens", "thousands", "scores", "tens of thousands",
    "hundreds of thousands", "several", "numerous", "a number of", "a few",
    "a handful of", "countless", "multiple",
)  # fmt: skip

_SCALES: Final = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# "thirty-six": the units a written ten may take after a hyphen.
_UNITS: Final = "one|two|three|four|five|six|seven|eight|nine"
_WORDS: Final = "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
_APPROX: Final = "|".join(sorted(map(re.escape, APPROXIMATORS), key=len, reverse=True))
_VAGUE: Final = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
# A number, then up to three words that are not numbers, units or stop words, then
# the weapon (the pattern is matched against the text just before the weapon). It runs
# on ``caseless`` text: as fast without IGNORECASE, and the same matches as with it.
# Its words are those a match can start with: a digit, a number, a vague number or an
# approximator. Most text before a weapon has none (see ``prefilter``); where it has
# some, the pattern is tried at each of them alone (see ``quantity_before``).
_BEFORE_WEAPON: Final = Prefiltered.on_words(
    re.compile(
        rf"(?:(?P<approx>{_APPROX})\s+)?"
        rf"(?:(?:(?P<digits>(?<![\w$€£.,/\-])\d{{1,3}}(?:,\d{{3}})+|(?<![\w$€£.,/\-])\d{{1,6}}(?:\.\d+)?)"
        rf"|\b(?P<word>{_WORDS})(?:-(?P<unit>{_UNITS}))?)(?:\s+(?P<scale>hundred|thousand|million))?"
        rf"|\b(?P<vague>{_VAGUE})(?:\s+of)?)"
        # "more than 200 of its T-72 tanks": a part of a stock is still a count.
        r"(?:\s+of\s+(?:its|their|the|his|her))?"
        # "20 units of K9 howitzers": the count is of the weapon, "units" only names it;
        # so do the firing units of air defence ("five regiments of the S-400").
        r"(?P<units_of>\s+(?:units?|examples|batter(?:y|ies)|regiments?)\s+of(?:\s+(?:the|its|their))?)?"
        # Spec tokens may stand in the gap too: "twelve 8x8 vehicles", "eighteen 155mm guns".
        # Dotted abbreviations too: "two U.S. Navy frigates".
        r"(?P<gap>(?:\s+(?:[A-Za-z][\w'’\-]*(?:\.[A-Za-z]+)*\.?|\d+x\d+|\d+mm)){0,3})\s+$"
    ),
    (*"0123456789", *NUMBER_WORDS, *VAGUE, *APPROXIMATORS),
    caseless=True,
)
PATTERNS: Final = (_BEFORE_WEAPON,)
# Every offset where one of the words starts, overlaps included ("an estimated" holds
# "estimated"): where no ``FoundWords`` is at hand.
_STARTS: Final = re.compile(f"(?=({_BEFORE_WEAPON.hint.pattern}))")
# Words that may not stand between the number and the weapon.
_BLOCKERS: Final = (
    frozenset(
        [
            "of",
            "the",
            "a",
            "an",
            "and",
            "or",
            "to",
            "in",
            "on",
            "at",
            "for",
            "from",
            "by",
            "with",
            "than",
            "per",
            "mm",
            "km",
            "kilometers",
            "kilometres",
            "miles",
            "kg",
            "tonnes",
            "tons",
            "percent",
            "million",
            "billion",
            "years",
            "year",
            "days",
            "months",
            "weeks",
            "people",
            "soldiers",
            "troops",
        ]
    )
    | CONTAINER_NOUNS
)


def count_word(word: str) -> int | None:
    """The number one lower-case token says ("12", "six"), or None ("²" is no count)."""
    if word.isascii() and word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def quantity_before(
    text: str,
    weapon_start: int,
    window: int = 80,
    lowered: str | None = None,
    found: FoundWords | None = None,
) -> Quantity | None:
    """The quantity written right before the weapon mention that starts at ``weapon_start``.

    The leftmost candidate may be no count ("the 2018 deal covers five S-400s": a year);
    then the next one to its right is tried. ``lowered`` is ``caseless(text)`` and
    ``found`` the words of ``PATTERNS`` in it, made once per article by callers that ask
    for many weapons.
    """
    if lowered is None:
        lowered = caseless(text[: weapon_start + 1])
    lo = max(0, weapon_start - window)
    starts = found.starts(_BEFORE_WEAPON, lo, weapon_start) if found is not None else None
    if starts is None:
        starts = [m.start() for m in _STARTS.finditer(lowered, lo, weapon_start)]
    # A match starts with one of the words, so trying each of their offsets from the left
    # finds what searching the window would, without trying every offset between them.
    tried = -1
    for start in starts:
        if start == tried:
            continue  # "two" and "two dozen" start at one offset
        tried = start
        if start > 0 and _inside_number(lowered, start):
            continue  # "2024" holds four digits: only its first may open a count
        # A failed match costs the regex engine dearly (it backtracks); the test is only
        # made where there are spaces enough for four words (else the match is tried).
        if lowered.count(" ", start, weapon_start) > 3 and not _few_other_words(
            lowered, start, weapon_start
        ):
            continue
        match = _BEFORE_WEAPON.pattern.match(lowered, start, weapon_start)
        if match is not None:
            quantity = _quantity(text, match, weapon_start)
            if quantity is not None:
                return quantity
    return None


def _inside_number(lowered: str, start: int) -> bool:
    """Whether no match of ``_BEFORE_WEAPON`` can open at ``start``, for the plain reason
    that a digit there follows what its digits' lookbehind excludes (a word character or
    one of ``$€£.,/-``): every other way to open a match starts with a letter. This spares
    a call of the pattern for each digit of every number but the first."""
    if not lowered[start].isdigit():
        return False
    before = lowered[start - 1]
    return before.isalnum() or before in "_$€£.,/-"


# The words of a match but those of its gap (up to three words): of its approximators,
# numbers, vague numbers and scales, and the glue of "more than 200 of its", "20 units of
# the". Every other word of a match is of its gap.
_MATCH_WORDS: Final = frozenset(
    " ".join(
        (
            *APPROXIMATORS,
            *NUMBER_WORDS,
            *VAGUE,
            *_SCALES,
            "of its their the his her",
            "unit units examples battery batteries regiment regiments",
        )
    ).split()
)


def _few_other_words(lowered: str, start: int, end: int) -> bool:
    """Whether ``lowered[start:end]`` holds at most three words that only the gap of
    ``_BEFORE_WEAPON`` can match, which a match of it there needs: its parts stand apart
    by white space, and each word of theirs is of ``_MATCH_WORDS``, a number ("26,000",
    "3.5") or a written ten and its unit ("thirty-six")."""
    others = 0
    for word in lowered[start:end].split():
        if word in _MATCH_WORDS or word[0].isdigit():
            continue
        dash = word.find("-")
        if dash > 0 and word[:dash] in _MATCH_WORDS:
            continue
        others += 1
        if others > 3:
            return False
    return True


def _quantity(text: str, match: re.Match[str], weapon_start: int) -> Quantity | None:
    # The groups as matched, in ``caseless`` text: each is read in lower case only (or
    # as digits, which ``caseless`` keeps), and ``caseless`` of a part of a text is that
    # part of it. One call for all, where ``original_groups`` asks for each one's span.
    groups = match.groupdict()
    gap = groups["gap"]
    if gap:  # a word or more (a loop, not a generator: ``any`` of one costs a call)
        for word in gap.split():
            if word.strip("'’") in _BLOCKERS:
                return None
        if groups["units_of"]:
            return None  # "two units of the army got tanks": units of something else
    start = match.start()
    words = text[start:weapon_start].rstrip()
    span = new_span(start, start + len(words), words)
    if groups["vague"]:
        return new_quantity(None, True, span)
    scale = _SCALES.get(groups["scale"] or "", 1)
    if stated := groups["digits"]:
        digits = stated.replace(",", "")
        # A bare four-digit year ("in 2023 missiles") is not a count.
        if scale == 1 and ("." in digits or (1900 <= int(digits) <= 2100 and "," not in stated)):
            return None
        value = round(float(digits) * scale)
    else:
        tens = NUMBER_WORDS[groups["word"] or ""]
        unit = NUMBER_WORDS.get(groups["unit"] or "", 0)
        if unit and not (20 <= tens <= 90 and tens % 10 == 0):
            return None  # "two-three tanks" is a range; the next start reads "three"
        value = (tens + unit) * scale
    if value == 0:
        return None
    return new_quantity(value, bool(groups["approx"]), span)
