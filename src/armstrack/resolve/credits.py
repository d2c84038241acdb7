"""Credits: which outlet a report says its account comes from.

Wire copy carries its credit in a dateline or byline ("BEIRUT (AP) —", "/TASS/",
"Reuters | Updated ..."), rewrites name their source in the text ("told Reuters",
"according to Yonhap", "AFP reported"), and syndicated pages often add a line at the
end ("Reuters contributed reporting", "with AFP", "Source: Yonhap"). Each pattern
below frames a name slot; a framed name counts only when the outlet catalogue knows
it, so "told reporters" or "according to officials" never make a credit.

Credits come in tiers, strongest first:

1. ``byline``: a dateline, byline or credit line. It says who wrote the text.
2. ``sourced``: the outlet's own sourcing, anywhere in the text ("told Reuters",
   "seen by the Guardian", "a appris l'AFP"). Whoever carries such a sentence carries
   that outlet's reporting.
3. ``cited``: another outlet's report cited ("according to", "X reported"), counted
   only in the lead: an outlet cited further down is usually credited for a side
   detail or for background ("The Hindu reported" of one detail of the signing).
4. ``contributed``: a contribution line ("additional input from Reuters"), weaker
   than any of the above.

Photo credits are never credits: a name framed as a credit stands alone in its
parentheses or slashes, so "(Yves Herman, Pool Photo via AP, File)" or
"Photograph: AFP/Getty" match no pattern.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum


class Tier(IntEnum):
    """How strongly a credit ties a text to an outlet; lower is stronger."""

    BYLINE = 1
    SOURCED = 2
    CITED = 3
    CONTRIBUTED = 4


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet credited by a text, with the phrase that credits it."""

    outlet: str  # outlet key (catalogue id)
    tier: Tier
    start: int  # character offsets of the phrase in the text
    end: int
    phrase: str


# The lead: cited credits further down credit side details. A fraction of the text,
# but never less than its first few sentences (excerpts and briefs are short).
LEAD_FRACTION = 0.35
LEAD_MIN_CHARS = 600

# A name slot: up to six words starting with a capital ("The Wall Street Journal",
# "AP", "Kyiv Independent"), or an all-caps acronym. Which words name an outlet is
# decided by the catalogue lookup, trying the longest candidate first.
_NAME = r"(?P<name>[A-Z][\w&'’.\-]*(?:[ \u00a0](?:of |de |the )?[A-Z][\w&'’.\-]*){0,5})"
_ANY_NAME = r"(?P<name>[A-Za-z][\w&'’.\- ]{0,38}[\w.])"  # a slot in lowercase too: /tass/
_THE = r"(?:[Tt]he )?"
_KIND = (
    r"(?:(?:news |state |the )?(?:agency|newspaper|daily|broadcaster|outlet|magazine|website) )?"
)
_ELISION = r"(?:l['’]|le |la |die |der |das |dem |a |o |el |il |agencja )?"


@dataclass(frozen=True, slots=True)
class _Pattern:
    tier: Tier
    regex: re.Pattern[str]
    # Which end of the captured words holds the name: "told Reuters on Monday" has it
    # first, "the Kyiv Independent reported" last.
    name_at_end: bool = False
    any_case: bool = False  # "/tass/": the frame alone makes it a credit
    # Where a pattern is tried: a regex without a literal prefix tries every position of
    # a text (measured: 0.2 ms a pattern for a 700-word article).
    line_start: bool = False  # tried only where a line starts
    at_end: bool = False  # tried only on the last lines ("With AFP")
    word_start: bool = False  # the match must start a word
    # A word the text must hold for the pattern to be tried ("told"): checked against
    # the text's set of words, built once, instead of scanning the text per pattern.
    word: str = ""
    longest: int = 0  # of a line a line pattern is tried on; 0: any
    mark: str = ""  # a character the text must hold ("|")


def _p(
    tier: Tier,
    pattern: str,
    flags: int = 0,
    any_case: bool = False,
    line_start: bool = False,
    at_end: bool = False,
) -> _Pattern:
    return _Pattern(
        tier, re.compile(pattern, flags), any_case=any_case, line_start=line_start, at_end=at_end
    )


def _line(tier: Tier, pattern: str, longest: int = 80, mark: str = "") -> _Pattern:
    """A credit line, opening a line ("Reuters | Updated ...", "— Reuters"): tried on
    lines up to ``longest`` characters, in texts holding ``mark``."""
    return _Pattern(tier, re.compile(pattern), line_start=True, longest=longest, mark=mark)


_WORDS = re.compile(r"\w+")


def _key(trigger: str) -> str:
    """The longest word of a trigger, lowercased: the one to look for first."""
    return str(max(_WORDS.findall(trigger.lower()), key=len))


def _after(tier: Tier, triggers: tuple[str, ...]) -> list[_Pattern]:
    """A name written before its trigger ("the Kyiv Independent reported"): the trigger
    is searched, and the name read from the words just before it. A regex opening on
    the name slot would try every capitalised word of the text (measured: 5 ms an
    article, a third of the store's time)."""
    return [_Pattern(tier, re.compile(re.escape(t) + r"\b"), True, word=_key(t)) for t in triggers]


def _from(tier: Tier, triggers: tuple[str, ...], rest: str) -> list[_Pattern]:
    """A name written after a trigger ("told Reuters"): one regex per trigger, so that
    each opens on a literal and is searched as fast as ``str.find``; the trigger must
    start a word."""
    return [
        _Pattern(tier, re.compile(re.escape(t) + rest), word_start=True, word=_key(t))
        for t in triggers
    ]


# The words before a trigger that may name an outlet, ending right at it.
_NAME_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w&'’.\-]*(?:[ \u00a0](?:of |de |the )?[A-Z][\w&'’.\-]*){0,5})"
    r"(?:'s|’s)?(?:\s+(?:has|had|first))?\s*$"
)
_BEFORE_CHARS = 80


_ENDS = r"\s*"
PATTERNS: tuple[_Pattern, ...] = (
    # -- bylines, datelines and credit lines
    _p(Tier.BYLINE, r"\(\s*" + _NAME + r"\s*\)\s*(?:[-—–:]|$)", re.M),  # BERLIN (AP) —
    _Pattern(  # "/tass/."
        Tier.BYLINE,
        re.compile(r"/" + _ANY_NAME + r"/(?=[\s.,:]|$)", re.M),
        any_case=True,
        word_start=True,
    ),
    _line(Tier.BYLINE, _NAME + r"\s*\|", longest=0, mark="|"),  # Reuters | Updated: ...
    _line(
        Tier.BYLINE, r"\s*(?P<name>[A-Z][A-Za-z&'’. ]{1,40}?)\s*\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\s*$"
    ),
    _line(Tier.BYLINE, r"\s*[-—–]\s*" + _NAME + r"\s*\.?\s*$"),  # — Reuters
    _line(Tier.BYLINE, r"\s*By [A-Z][^\n,]{1,60},\s*" + _NAME + r"\s*$"),
    *_from(Tier.BYLINE, ("Source", "SOURCE", "Quelle", "Fuente"), r"s?\s*:\s*" + _THE + _NAME),
    # -- the outlet's own sourcing
    *_from(Tier.SOURCED, ("told ", "telling ", "briefed ", "informed "), _THE + _KIND + _NAME),
    *_from(
        Tier.SOURCED,
        ("seen by ", "obtained by ", "reviewed by ", "viewed by ", "verified by "),
        _THE + _NAME,
    ),
    *_from(
        Tier.SOURCED, ("interview with ", "speaking to ", "spoke to ", "said to "), _THE + _NAME
    ),
    *_after(Tier.SOURCED, (" learned", " learnt", " understands")),
    *_from(
        Tier.SOURCED,
        ("a appris ", "ont appris ", "a déclaré à ", "a indiqué à ", "a confié à "),
        _ELISION + _NAME,
    ),
    *_from(
        Tier.SOURCED,
        ("erfuhr ", "erfuhren ", "sagte ", "sagten ", "bestätigte "),
        _ELISION + r"(?:Nachrichtenagentur |Zeitung |Magazin )?" + _NAME,
    ),
    # -- another outlet's report cited (lead only)
    *_from(
        Tier.CITED,
        ("according to ", "According to ", "citing ", "Citing ", "quoting ", "Quoting "),
        r"(?:an? |the )?(?:(?:new |recent |exclusive )?reports? (?:by|in|from) )?"
        + _THE
        + _KIND
        + _NAME,
    ),
    *_after(
        Tier.CITED,
        (" reported", " reports", " wrote", " revealed", " said in a report", " broke the news"),
    ),
    # The same in the languages wire copy is translated into most: "wie Reuters
    # berichtete", "Reuters zufolge", "informó Reuters" is a _from below.
    *_after(Tier.CITED, (" berichtete", " berichtet", " zufolge", " informou")),
    *_from(
        Tier.CITED,
        ("reported by ", "revealed by ", "published by ", "cited by ", "quoted by "),
        _THE + _NAME,
    ),
    *_from(
        Tier.CITED,
        (
            *("report by ", "report in ", "report from ", "reports by ", "reports in "),
            *("reports from ", "story by ", "story in ", "article in ", "article by "),
        ),
        _THE + _KIND + _NAME,
    ),
    *_from(
        Tier.CITED,
        (
            *("Dilansir ", "dilansir ", "Menurut ", "menurut ", "Selon ", "selon ", "Laut "),
            *("laut ", "Según ", "según ", "Secondo ", "secondo ", "Segundo ", "segundo "),
            *("De acordo com ", "de acordo com ", "De acuerdo con ", "de acuerdo con "),
            *("Według ", "według ", "Volgens ", "volgens ", "D'après ", "d'après "),
            *("D’après ", "d’après ", "Stando a ", "stando a "),
        ),
        r"(?:dari )?" + _ELISION + _NAME,
    ),
    *_from(
        Tier.CITED,
        (
            *("berichtete ", "berichteten ", "meldete ", "rapporte ", "a rapporté "),
            *("informó ", "informa ", "reportó ", "noticiou ", "riporta ", "ha riferito "),
            "podała ",
        ),
        _ELISION + r"(?:Nachrichtenagentur |Zeitung |Magazin )?" + _NAME,
    ),
    _p(Tier.CITED, r"\A\s*" + _NAME + r"\s*:\s"),  # "Der Spiegel: Germany to ..."
    # -- contribution lines
    *_after(Tier.CONTRIBUTED, (" contributed reporting", " contributed to this report")),
    *_from(
        Tier.CONTRIBUTED,
        ("input from ", "inputs from ", "input by ", "reporting from ", "reporting by "),
        _THE + _NAME,
    ),
    _p(
        Tier.CONTRIBUTED,
        r"\b[Ww]ith (?:inputs? from )?" + _THE + _NAME + r"\s*\.?\s*$",
        re.M,
        at_end=True,
    ),
)
# Datelines, bylines and credit lines alone: what a text that reports no transfer is
# read for (it matters only as the source of later copies).
BYLINES: tuple[_Pattern, ...] = tuple(p for p in PATTERNS if p.tier is Tier.BYLINE)

_SPLIT = re.compile(r"[ \u00a0]+")


Lookup = Callable[[str, bool], str | None]


def outlet_lookup(names: Mapping[str, str], fold: Callable[[str], str]) -> Lookup:
    """A function from a framed name to its outlet key, or None for an unknown name.

    ``names`` maps folded outlet names and aliases to their keys; ``fold`` is the fold
    they were made with. Acronyms only count in capitals, as the catalogue says,
    unless the frame alone marks a credit (``any_case``: "/tass/").
    """

    def find(words: str, any_case: bool = False) -> str | None:
        key = names.get(fold(words))
        if key is None:
            return None
        if not any_case and len(words) <= 5 and words.upper() != words:
            return None  # "Ap", "Afp" in running text: not the acronym
        return key

    return find


def find_credits(
    text: str,
    lookup: Lookup,
    patterns: Iterable[_Pattern] = PATTERNS,
    words: Iterable[str] | None = None,
) -> list[Credit]:
    """Every credit in the text, in text order.

    A cited outlet counts in the lead, or anywhere when the text cites it more than
    once: a text resting on one outlet's report keeps coming back to it. ``words``
    are the text's lowercased words, when the caller has split it already.
    """
    found: dict[tuple[int, str], Credit] = {}
    lines = _lines(text)
    patterns = list(patterns)
    # Most triggers are absent from most texts. Many are checked against the set of the
    # text's words, built once; a few against the text itself.
    present: set[str] | str = text.lower() if words is None else set(words)
    if words is None and sum(1 for p in patterns if p.word) > WORD_SET_FROM:
        present = set(_WORDS.findall(text.lower()))
    for pattern in patterns:
        if pattern.word and pattern.word not in present:
            continue
        for match in _matches(pattern, text, lines):
            if pattern.word_start and match.start() and text[match.start() - 1].isalnum():
                continue
            if pattern.name_at_end:
                before = _NAME_BEFORE.search(
                    text, max(0, match.start() - _BEFORE_CHARS), match.start()
                )
                if before is None:
                    continue
                words, start = before.group("name"), before.start("name")
            else:
                words, start = match.group("name"), match.start("name")
            outlet = _name_in(words, lookup, pattern)
            if outlet is None:
                continue
            phrase = text[min(start, match.start()) : match.end()].strip()
            credit = Credit(outlet, pattern.tier, min(start, match.start()), match.end(), phrase)
            slot = (start, outlet)
            if slot not in found or credit.tier < found[slot].tier:
                found[slot] = credit
    lead = max(LEAD_MIN_CHARS, int(len(text) * LEAD_FRACTION))
    cited = Counter(c.outlet for c in found.values() if c.tier is Tier.CITED)
    kept = [
        c
        for c in found.values()
        if c.tier is not Tier.CITED or c.start <= lead or cited[c.outlet] > 1
    ]
    return sorted(kept, key=lambda c: (c.start, c.tier))


WORD_SET_FROM = 8  # triggers to check from which a set of the text's words pays
TAIL = 300  # characters at the end of a text where contribution lines stand


def _lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line."""
    found, start = [], 0
    for line in text.split("\n"):
        found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _matches(pattern: _Pattern, text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    if pattern.mark and pattern.mark not in text:
        return
    if pattern.line_start:
        for start, end in lines:
            if pattern.longest and end - start > pattern.longest:
                continue
            match = pattern.regex.match(text, start, end)
            if match is not None:
                yield match
    elif pattern.at_end:
        yield from pattern.regex.finditer(text, max(0, len(text) - TAIL))
    else:
        yield from pattern.regex.finditer(text)


def _name_in(words: str, lookup: Lookup, pattern: _Pattern) -> str | None:
    """The longest run of the captured words, from the named end, that is an outlet.

    The frame has taken a leading "the" ("seen by the Guardian"), so a run is also
    tried with it: the catalogue keeps "The Guardian", never a bare "Guardian".
    """
    parts = _SPLIT.split(words.strip().rstrip(".,:;’'"))
    for size in range(len(parts), 0, -1):
        run = parts[len(parts) - size :] if pattern.name_at_end else parts[:size]
        candidate = " ".join(run).rstrip(".,:;’'")
        for spelling in (candidate, f"The {candidate}", candidate.removeprefix("The ")):
            outlet = lookup(spelling, pattern.any_case)
            if outlet is not None:
                return outlet
    return None


def main_credit(credits: Iterable[Credit]) -> Credit | None:
    """The credit the text's account rests on: the strongest tier, then the earliest.

    A credit of the publishing outlet itself ("told Reuters" on reuters.com) counts
    too: the text then rests on its own outlet's reporting.
    """
    ranked = sorted(credits, key=lambda c: (c.tier, c.start))
    return ranked[0] if ranked else None
