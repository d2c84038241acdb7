"""Hand readers of the sentence view agree with the plain forms they replace.

``tokenize`` lowers a sentence at once and splits it at spaces; the form before it found
each chunk's offset by a search and lowered each token apart. ``_few_other_words`` spares
the quantity pattern texts it cannot match: it must never refuse one it matches.
"""

from __future__ import annotations

import re
from typing import Final

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless, original_groups
from armstrack.extract import actor_readings, mentions, quantities, view
from armstrack.records import Quantity, Span

_TOKEN = re.compile(r"\w+|['’]s\b|[^\w\s]")


def _lone_mark(char: str) -> bool:
    return not char.isalnum() and char not in "_'’"


def _plain_tokenize(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """``tokenize`` as written before: a search per chunk, a lower case per token (a
    slice of the lowered sentence when it is ASCII), marks beside a word as written."""
    piece = text[start:end]
    lowered = piece.lower() if piece.isascii() else ""
    starts: list[int] = []
    ends: list[int] = []
    lows: list[str] = []
    at = 0
    for chunk in piece.split():
        at = piece.find(chunk, at)
        if chunk.isalnum():
            starts.append(start + at)
            ends.append(start + at + len(chunk))
            lows.append(lowered[at : at + len(chunk)] if lowered else chunk.lower())
            at += len(chunk)
            continue
        if len(chunk) > 1 and _lone_mark(chunk[-1]) and chunk[:-1].isalnum():
            word = chunk[:-1]
            starts += (start + at, start + at + len(word))
            ends += (start + at + len(word), start + at + len(chunk))
            lows += (lowered[at : at + len(word)] if lowered else word.lower(), chunk[-1])
            at += len(chunk)
            continue
        if len(chunk) > 1 and _lone_mark(chunk[0]) and chunk[1:].isalnum():
            word = chunk[1:]
            starts += (start + at, start + at + 1)
            ends += (start + at + 1, start + at + len(chunk))
            lows += (chunk[0], lowered[at + 1 : at + len(chunk)] if lowered else word.lower())
            at += len(chunk)
            continue
        for word in _TOKEN.findall(chunk):
            starts.append(start + at)
            ends.append(start + at + len(word))
            lows.append(lowered[at : at + len(word)] if lowered else word.lower())
            at += len(word)
    if "’" in piece:
        lows = [low.replace("’", "'") for low in lows]
    return starts, ends, lows


# Characters that lower in more than one way or split chunks in more than one way: the
# dotted capital I (two characters in lower case), capital sigma (final or not, as its
# neighbours say), a circled capital (a mark with a lower case), apostrophes, white space
# other than a space.
_TRICKY = st.text(
    alphabet=st.sampled_from(
        [*"aZS0_’'s.,(-\"$ \t\nİΣσςÉéŞı", "Ⓐ", "\u0301", "\u0663", "\u00a0", "\u2009"]
    ),
    max_size=40,
)
_WORDY = st.lists(
    st.sampled_from(
        [
            *"Russia’s U.S. F-16s (AP) “We said,” 2024. KYIV IT'S Σ ΟΔΟΣ İstanbul "
            "tanks\nand $2.5 billion Iranian-made".split(" "),
            "  ",
            "\u00a0",
            "\n\n",
        ]
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(_TRICKY, _WORDY, st.text(max_size=30)),
    cut=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_tokenize_is_the_plain_reader(text: str, cut: tuple[int, int]) -> None:
    start, end = cut[0], max(cut[0], len(text) - cut[1])
    assert mentions.tokenize(text, start, end) == _plain_tokenize(text, start, end)


# Chunks of words and marks without spaces between: the shapes ``_read_plain`` reads
# ("Kyiv,", "(AP", "F-16", "Russia’s") and those it leaves to ``_read_chunk``.
_CHUNKY = st.lists(
    st.lists(
        st.sampled_from([*"Kyiv IT S 16 x_y İ Σ Ⓐ 's 'S ’s ’S".split(), *"-,.(“”$'’_\n"]),
        min_size=1,
        max_size=4,
    ).map("".join),
    max_size=8,
).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(text=_CHUNKY, cut=st.tuples(st.integers(0, 10), st.integers(0, 10)))
def test_tokenize_reads_chunks_as_the_plain_reader(text: str, cut: tuple[int, int]) -> None:
    start, end = cut[0], max(cut[0], len(text) - cut[1])
    assert mentions.tokenize(text, start, end) == _plain_tokenize(text, start, end)


def test_tokenize_real_like_sentences() -> None:
    for text in (
        "Russia’s Defence Ministry said on Monday (AP) that 24 F-16s, “already delivered,” "
        "would fly by 2025.",
        "KYIV, Ukraine —  Germany will send IRIS-T\nsystems and\u00a0Leopard 2A6 tanks.",
        "İstanbul’s shipyard built ΟΔΟΣ-class boats; IT'S the U.S.' $2.5bn deal.",
        "anti-tank “Javelin” (FGM-148) don't Kyiv’s Iran's ISN'T -x x- a-b-c “quoted.”",
        "",
        "   ",
    ):
        for start in range(0, len(text), 7):
            assert mentions.tokenize(text, start, len(text)) == _plain_tokenize(
                text, start, len(text)
            )


_QUANTITY_WORDS = (
    "two twenty-four thirty-six a dozen pair of couple half single hundred thousand million "
    "around more than up to at least approx. an estimated in excess of hundreds dozens tens "
    "of thousands several a number few handful of its their the his her units unit examples "
    "battery batteries regiments 24 1,200 3.5 155mm 8x8 new Chinese U.S. Navy T-72 "
    "soviet-built heavy, (fic) and or"
).split()


@settings(max_examples=2000, deadline=None)
@given(words=st.lists(st.sampled_from(_QUANTITY_WORDS), min_size=1, max_size=10))
def test_few_other_words_never_refuses_a_match(words: list[str]) -> None:
    lowered = caseless(" ".join(words) + " ")
    pattern = quantities._BEFORE_WEAPON.pattern
    for start in range(len(lowered)):
        if pattern.match(lowered, start, len(lowered)) is not None:
            assert quantities._few_other_words(lowered, start, len(lowered))


def test_few_other_words_refuses_long_gaps() -> None:
    lowered = "two countries traditionally centred on the supply of "
    assert not quantities._few_other_words(lowered, 0, len(lowered))
    assert quantities._few_other_words("around 24 new u.s. navy ", 0, 24)


_CONTEXT_WORDS = [
    *"the The THE both two its their to for This this the embattled small nation country "
    "island countries nations sides states States allies governments junta army air force "
    "navy military armed forces defence defense ministry of marines country's regime "
    "kingdom sultanate government United international countryside , . - ’s mılitary "
    "ſtates İsland Kelvin \u212aingdom".split(),
    "the country's military",
    "to the embattled small nation",
    "for the island",
    "the two countries",
    "both sides",
    "its ministry of defence",
    "their armed forces",
    "the air force",
]


# The context patterns with the lead words, head words and reach their gates read.
_CONTEXT_PATTERNS: Final = (
    (actor_readings.PAIR, actor_readings._PAIR_LEADS, actor_readings._PAIR_HEADS, 1),
    (
        actor_readings.INSTITUTION,
        actor_readings._INSTITUTION_LEADS,
        actor_readings._INSTITUTION_HEADS,
        1,
    ),
    (
        actor_readings.COUNTRY_ANAPHOR,
        actor_readings._COUNTRY_LEADS,
        actor_readings._COUNTRY_HEADS,
        3,
    ),
)


@settings(max_examples=2000, deadline=None)
@given(words=st.lists(st.sampled_from(_CONTEXT_WORDS), min_size=1, max_size=12))
def test_may_hold_never_refuses_a_match(words: list[str]) -> None:
    text = " ".join(words)
    lowered = caseless(text)
    sentence = view.SentenceView(0, len(text), *mentions.tokenize(text, 0, len(text)))
    for pattern, leads, heads, reach in _CONTEXT_PATTERNS:
        if pattern.pattern.search(lowered, 0, len(text)) is not None:
            assert actor_readings._may_hold(sentence, text, leads, heads, reach)


@settings(max_examples=2000, deadline=None)
@given(words=st.lists(st.sampled_from(_CONTEXT_WORDS), min_size=1, max_size=14))
def test_search_from_finds_every_match(words: list[str]) -> None:
    """Searched from where ``_search_from`` says a match may open, a pattern finds what it
    finds searched from the sentence's start."""
    text = " ".join(words)
    lowered = caseless(text)
    sentence = view.SentenceView(0, len(text), *mentions.tokenize(text, 0, len(text)))
    for pattern, leads, heads, reach in _CONTEXT_PATTERNS:
        everywhere = [m.span() for m in pattern.pattern.finditer(lowered, 0, len(text))]
        begin = actor_readings._search_from(sentence, text, leads, heads, reach)
        found = [] if begin < 0 else [m.span() for m in pattern.pattern.finditer(lowered, begin)]
        assert found == everywhere


def test_may_hold_refuses_words_inside_others() -> None:
    text = "The United States sent aid to international partners in the countryside."
    sentence = view.SentenceView(0, len(text), *mentions.tokenize(text, 0, len(text)))
    pair = (actor_readings._PAIR_LEADS, actor_readings._PAIR_HEADS, 1)
    assert not actor_readings._may_hold(sentence, text, *pair)
    assert not actor_readings._may_hold(
        sentence, text, actor_readings._COUNTRY_LEADS, actor_readings._COUNTRY_HEADS, 3
    )


def _plain_quantity(text: str, match: re.Match[str], weapon_start: int) -> object:
    """``quantities._quantity`` as written before: each group read from the original
    text and put in ``caseless`` form there."""
    groups = original_groups(text, match)
    gap = [caseless(w).strip("'’") for w in (groups["gap"] or "").split()]
    if any(word in quantities._BLOCKERS for word in gap):
        return None
    if groups["units_of"] and gap:
        return None
    words = text[match.start() : weapon_start].rstrip()
    span = Span(match.start(), match.start() + len(words), words)
    if groups["vague"]:
        return Quantity(None, True, span)
    scale = quantities._SCALES.get(caseless(groups["scale"] or ""), 1)
    if stated := groups["digits"]:
        digits = stated.replace(",", "")
        if scale == 1 and ("." in digits or (1900 <= int(digits) <= 2100 and "," not in stated)):
            return None
        value = round(float(digits) * scale)
    else:
        tens = quantities.NUMBER_WORDS[caseless(groups["word"] or "")]
        unit = quantities.NUMBER_WORDS.get(caseless(groups["unit"] or ""), 0)
        if unit and not (20 <= tens <= 90 and tens % 10 == 0):
            return None
        value = (tens + unit) * scale
    if value == 0:
        return None
    return Quantity(value, bool(groups["approx"]), span)


_CASED_QUANTITY_WORDS = [
    *_QUANTITY_WORDS,
    *"TWO Thirty-Six Dozens HUNDRED Around ıs ſome İn Km KM \u212am Éclair xÉ ΣA aΣ".split(),
    "İstanbul",
    "2,000",
    "٣",
]


@settings(max_examples=1500, deadline=None)
@given(
    words=st.lists(st.sampled_from(_CASED_QUANTITY_WORDS), min_size=1, max_size=8),
    before=st.sampled_from(["", "İ ", "The "]),
)
def test_quantity_reads_groups_as_the_plain_form(words: list[str], before: str) -> None:
    text = before + " ".join(words) + " "
    lowered = caseless(text)
    pattern = quantities._BEFORE_WEAPON.pattern
    for start in range(len(text)):
        match = pattern.match(lowered, start, len(text))
        if match is not None:
            expected = _plain_quantity(text, match, len(text))
            assert quantities._quantity(text, match, len(text)) == expected
