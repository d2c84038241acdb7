"""Patterns rewritten for speed find what their plain forms find.

A pattern that opens with ``\\b`` is tried by the regex engine at every position; one
whose opening words each check the boundary behind them (``the(?<!\\wthe)``) opens with a
letter, and positions without it are skipped. The two forms must agree on any text.
"""

import bisect
import dataclasses
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract import (
    actor_readings,
    bisection,
    dates,
    matching,
    pipeline,
    prefilter,
    quantities,
    sentences,
    view,
)
from armstrack.extract.spans import (
    new_claim,
    new_quantity,
    new_span,
    new_speaker,
    new_time,
    new_transfer,
)
from armstrack.records import (
    ActorKind,
    ActorRef,
    Category,
    Claim,
    Quantity,
    Span,
    Speaker,
    Stance,
    Status,
    SystemRef,
    TimeRef,
    Transfer,
)

# The plain forms, as written before the rewrite.
PLAIN = {
    "PAIR": r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|states|allies)\b",
    "INSTITUTION": (
        r"\b(?:the|its|their)\s+(?:junta|army|air force|navy|military|government|regime|"
        r"kingdom|armed forces|defen[cs]e ministry|ministry of defen[cs]e|marines|"
        r"country's military)\b"
    ),
    "GROUP_ANAPHOR": (
        r"\b(?:[Tt]he|[Tt]his)\s+(?:[A-Z][a-z]+\s+|armed\s+|militant\s+|rebel\s+)?"
        r"(?:group|militia|movement|rebels|militants|organi[sz]ation|insurgents|paramilitaries)\b"
    ),
    "COUNTRY_ANAPHOR": (
        r"\b(?:to|for)\s+(?P<np>the\s+(?:[a-z]+\s+){0,2}?(?:country|nation|island))\b(?!['’-])"
    ),
}
# Words and marks the patterns turn on, with near misses ("bathe", "fort", "xthe").
_SINGLE = (
    "the The THE both two its their This this to for bathe xthe fort into Lebanese armed "
    "countries nations sides states allies junta army air force navy military government "
    "regime kingdom armed forces defence ministry ministry of defense marines country's "
    "group militia movement rebels militants organisation organization insurgents "
    "paramilitaries country nation island embattled small 2024 _the é"
).split()
WORDS = [*_SINGLE, "to the", "for the", "to the small", "the two", "both the", "this armed"]
GLUE = (" ", " ", " ", "  ", "\n", "-", "'", "’", ",", ".", "", "_", "(")


def _texts(count: int) -> list[str]:
    rng = random.Random(20260512)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 14)):
            parts += [rng.choice(WORDS), rng.choice(GLUE)]
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_opening_words_find_what_a_leading_boundary_finds(name: str) -> None:
    rewritten = getattr(actor_readings, name).pattern
    plain = re.compile(PLAIN[name])
    matched = 0
    for text in _texts(4000):
        for form in (text, caseless(text)):
            expected = [(m.span(), m.groups()) for m in plain.finditer(form)]
            assert [(m.span(), m.groups()) for m in rewritten.finditer(form)] == expected
            # From inside the text too: the boundary looks behind the start of the search.
            for start in range(0, len(form), 7):
                spans = [m.span() for m in rewritten.finditer(form, start)]
                assert spans == [m.span() for m in plain.finditer(form, start)]
            matched += len(expected)
    assert matched > 20


def test_quantity_skips_only_digits_no_count_can_open_at() -> None:
    """``quantity_before`` skips a digit after a word character or one of ``$€£.,/-``: the
    pattern never matches there."""
    pattern = quantities.PATTERNS[0].pattern
    rng = random.Random(7)
    chars = "0123456789 ,.$€£/-_a²x"
    for _ in range(3000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(2, 12))) + " tanks"
        lowered = caseless(text)
        for start in range(1, len(lowered)):
            if quantities._inside_number(lowered, start):
                assert pattern.match(lowered, start, len(lowered) - len("tanks")) is None


def test_new_span_is_the_span_its_dataclass_makes() -> None:
    """``new_span`` sets the fields ``Span.__init__`` sets, and there is nothing else a
    ``Span`` runs when made (no ``__post_init__``) that it would skip."""
    assert [f.name for f in dataclasses.fields(Span)] == ["start", "end", "text"]
    assert not hasattr(Span, "__post_init__")
    for start, end, text in ((0, 0, ""), (3, 9, "Kyiv’s"), (10**9, 10**9 + 2, "é")):
        made = new_span(start, end, text)
        plain = Span(start, end, text)
        assert type(made) is Span
        assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 1  # type: ignore[misc]


# Pieces that make the new-deal pattern's choices: openers whole and inside words, nouns
# whole, inside words and after marks, tokens and marks, white space of several kinds.
DEAL_PIECES = [
    *("a", "an", "its", "their", "ideal", "deals", "deal", "contract", "tranche", "package"),
    *("x", "é", "_", "$", "-", ".", ",", "(", "’", " ", " ", " ", "  ", "\n", "\t", "\u2003"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(DEAL_PIECES), max_size=30).map("".join))
def test_new_deal_positions_scanned_near_nouns_are_those_of_a_whole_scan(text: str) -> None:
    """``_new_deal_positions`` scans only near the nouns: it finds what a finditer of the
    whole text finds."""
    expected = [m.start() for m in pipeline._NEW_DEAL.finditer(text)]
    assert pipeline._new_deal_positions(text) == expected


def test_new_deal_positions_in_real_like_articles() -> None:
    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "tests" / "gold" / "articles").glob("*.txt"))
    paths += sorted((root / "examples" / "articles").glob("*.txt"))
    matched = 0
    for path in paths:
        folded = fold(path.read_text(encoding="utf-8"))
        expected = [m.start() for m in pipeline._NEW_DEAL.finditer(folded)]
        assert pipeline._new_deal_positions(folded) == expected, path.name
        matched += len(expected)
    assert matched


# The support opening as written for reading (see ``pipeline._SUPPORT_OPENING``).
READABLE_SUPPORT_OPENING = re.compile(
    r"\b(?:a|an|its|their)\s+(?:[\w$.,-]+\s+){0,3}?agreement\b"
    r"|\b(?:military|defen[cs]e|security|further|additional|new|latest)\s+"
    r"(?:military\s+)?(?:aid|support|assistance)\s+(?:for|to)\b"
    r"|\b(?:military|defen[cs]e|security)\s+(?:help|aid|assistance)\b|\barming\b"
    r"|['’]s\s+(?:[\w$.,-]+\s+){0,2}?(?:deal|contract|package|tranche|shipment|consignment)\b"
)
# Its opening words whole and inside words, its nouns, tokens, marks and white space.
SUPPORT_PIECES = [
    *("a", "an", "its", "their", "military", "defence", "defense", "security", "further"),
    *("additional", "new", "latest", "arming", "disarming", "aid", "said", "support"),
    *("assistance", "help", "for", "to", "agreement", "deal", "tranche", "shipment"),
    *("x", "é", "_", "$", "-", ".", ",", "'", "’", "s", " ", " ", " ", "\n", "\u2003"),
]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(SUPPORT_PIECES), max_size=25).map("".join),
    st.integers(0, 60),
    st.integers(0, 200),
)
def test_support_opening_finds_what_its_readable_form_finds(text: str, lo: int, hi: int) -> None:
    """Each alternative opens with its first character and checks the boundary behind it:
    the pattern finds what the readable one finds, in the whole text and in a window."""
    pattern = pipeline._SUPPORT_OPENING
    assert [m.span() for m in pattern.finditer(text)] == [
        m.span() for m in READABLE_SUPPORT_OPENING.finditer(text)
    ]
    found, expected = pattern.search(text, lo, hi), READABLE_SUPPORT_OPENING.search(text, lo, hi)
    assert (found and found.span()) == (expected and expected.span())


def test_support_positions_in_real_like_articles() -> None:
    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "tests" / "gold" / "articles").glob("*.txt"))
    paths += sorted((root / "examples" / "articles").glob("*.txt"))
    matched = 0
    for path in paths:
        folded = fold(path.read_text(encoding="utf-8"))
        expected = [m.span() for m in READABLE_SUPPORT_OPENING.finditer(folded)]
        assert [m.span() for m in pipeline._SUPPORT_OPENING.finditer(folded)] == expected
        matched += len(expected)
    assert matched


# Counts, platform nouns, words between and around them, white space and marks.
PLATFORM_PIECES = [
    *("2", "14", "2024", "one", "two", "someone", "twenty", "three", "new", "used", "of"),
    *("aircraft", "planes", "jets", "trainers", "ships", "vessels", "boats", "spaceships"),
    *(" ", " ", " ", "  ", "\n", "\u2003", "-", ".", ",", "(", "x", "é", "Two", "S", "٣", "_"),
]


def _plain_platform_counts(text: str) -> list[int]:
    """``pipeline._platform_counts`` read the plain way: every count tried."""
    folded = fold(text)
    found = prefilter.WordFinder([pipeline._COUNTED_PLATFORM]).find(text, caseless(text), folded)
    if not any(noun in folded for noun in pipeline.weapon_readings.PLATFORM_NOUNS):
        return []
    return [m.start() for m in found.matches(pipeline._COUNTED_PLATFORM, folded)]


def _platform_counts(text: str) -> list[int]:
    return pipeline._platform_counts(fold(text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PLATFORM_PIECES), max_size=25).map("".join))
def test_platform_counts_tried_before_nouns_are_those_of_every_count(text: str) -> None:
    assert _platform_counts(text) == _plain_platform_counts(text)


def test_platform_counts_in_real_like_articles() -> None:
    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "tests" / "gold" / "articles").glob("*.txt"))
    paths += sorted((root / "examples" / "articles").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    texts.append("It bought 12 new jets, two planes and 3\nships; twenty  used  aircraft.")
    matched = 0
    for text in texts:
        expected = _plain_platform_counts(text)
        assert _platform_counts(text) == expected
        matched += len(expected)
    assert matched


def test_new_speaker_and_claim_are_what_their_dataclasses_make() -> None:
    assert [f.name for f in dataclasses.fields(Speaker)] == [
        *("text", "actor", "role", "outlet", "count"),
    ]
    assert [f.name for f in dataclasses.fields(Claim)] == [
        *("speaker", "stance", "evidence", "hedges", "status"),
    ]
    assert not hasattr(Speaker, "__post_init__") and not hasattr(Claim, "__post_init__")
    actor = ActorRef("UKR", ActorKind.STATE, "Ukraine")
    for args in (("a spokesman",), ("Kyiv", actor, "ministry", "Courier", 2)):
        assert new_speaker(*args) == Speaker(*args)
        assert repr(new_speaker(*args)) == repr(Speaker(*args))
    span = Span(0, 4, "said")
    for speaker in (None, Speaker("Kyiv", actor)):
        for rest in ((), (("reportedly",), Status.DELIVERED)):
            made, plain = (
                new_claim(speaker, Stance.DENIES, span, *rest),
                Claim(speaker, Stance.DENIES, span, *rest),
            )
            assert type(made) is Claim and made == plain and hash(made) == hash(plain)
            assert repr(made) == repr(plain)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.integers(-5, 60), max_size=24).map(sorted),
    st.integers(-10, 70),
    st.integers(0, 30),
)
def test_bisection_finds_what_bisect_finds(values: list[int], value: int, lo: int) -> None:
    assert bisection.bisect_left(values, value) == bisect.bisect_left(values, value)
    assert bisection.bisect_right(values, value) == bisect.bisect_right(values, value)
    assert bisection.bisect_left(values, value, lo) == bisect.bisect_left(values, value, lo)
    assert bisection.bisect_right(values, value, lo) == bisect.bisect_right(values, value, lo)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="aZ_.é1² -\n,\u0301Ⅻ", max_size=30), st.integers(0, 35))
def test_last_word_read_backwards_is_the_pattern_search(text: str, dot: int) -> None:
    """``sentences._last_word_start`` finds where ``_LAST_WORD`` finds the word before a
    full stop, in the same reach."""
    dot = min(dot, len(text))
    match = sentences._LAST_WORD.search(text, max(0, dot - sentences._WORD_REACH), dot)
    assert match is not None
    assert sentences._last_word_start(text, dot) == match.start()


def test_weapon_with_is_what_replace_makes() -> None:
    """``actor_readings.weapon_with`` copies every field but the two it is given."""
    assert [f.name for f in dataclasses.fields(view.WeaponMention)] == [
        *("first", "last", "category", "span", "system", "generic", "origin", "quantity"),
        "made_in",
    ]
    weapon = view.WeaponMention(
        2, 4, Category.AIRCRAFT, Span(5, 9, "F-16"), "F-16", True, "USA", None, "USA"
    )
    quantity = Quantity(12, False, Span(0, 2, "12"))
    for origin in (None, "POL"):
        for count in (None, quantity):
            made = actor_readings.weapon_with(weapon, origin, count)
            plain = dataclasses.replace(weapon, origin=origin, quantity=count)
            assert made == plain and repr(made) == repr(plain) and made is not weapon


def test_new_quantity_time_and_transfer_are_what_their_dataclasses_make() -> None:
    assert [f.name for f in dataclasses.fields(Quantity)] == ["value", "approximate", "span"]
    assert [f.name for f in dataclasses.fields(TimeRef)] == ["value", "granularity", "span"]
    assert [f.name for f in dataclasses.fields(Transfer)] == [
        *("supplier", "recipient", "category", "status", "systems", "quantity", "times"),
        *("routes", "claims", "evidence"),
    ]
    for record in (Quantity, TimeRef, Transfer):
        assert not hasattr(record, "__post_init__")
    span = Span(3, 9, "twelve")
    for args in ((12, True, span), (None, False, span)):
        made, plain = new_quantity(*args), Quantity(*args)
        assert type(made) is Quantity and made == plain and hash(made) == hash(plain)
        assert repr(made) == repr(plain)
    made_time, plain_time = (
        new_time("2024-Q1", "quarter", span),
        TimeRef("2024-Q1", "quarter", span),
    )
    assert made_time == plain_time and hash(made_time) == hash(plain_time)
    assert repr(made_time) == repr(plain_time)
    us, ua = (
        ActorRef("USA", ActorKind.STATE, "United States"),
        ActorRef("UKR", ActorKind.STATE, "Ukraine"),
    )
    claim = Claim(Speaker("Kyiv", ua), Stance.CONFIRMS, span)
    args = (
        us, ua, Category.AIRCRAFT, Status.DELIVERED, (SystemRef("F-16", Category.AIRCRAFT, "USA"),),
        Quantity(12, False, span), (plain_time,), (), (claim,), (span,),
    )  # fmt: skip
    made_transfer, plain_transfer = new_transfer(*args), Transfer(*args)
    assert type(made_transfer) is Transfer and made_transfer == plain_transfer
    assert hash(made_transfer) == hash(plain_transfer)
    assert repr(made_transfer) == repr(plain_transfer)


# Pieces of text around the year and day-name patterns' words, with near misses.
_DATE_PIECES = (
    "in", "In", "since", "by", "of", "mid", "early", "late", "between", "through", "xin",
    "2019", "2020", "1999", "20", "19", "192", "2021.5", "2022,3", "on", "On", "Monday",
    "today", "yesterday", "holiday", "days", "day", "Sunday", "_", "é", "Ⅻ", "1",
    "March", "Mar.", "May", "Sept", "Sep", "Dec", "Jan", "June", "the", "end", "end of",
    "the end of", "the beginning of", "start of", "12", "3rd", "th", " of", "last", "this",
    "next", "past", "later", "earlier", "year", "years", "month", "week", "fall", "summer",
    " ", " ", "  ", "\n", "-", " -", ",", ".", "\u00a0", "\u2009",
)  # fmt: skip


def _occurrences(text: str, words: tuple[str, ...], start: int, end: int) -> list[int]:
    found = [i for i in range(start, end) for word in words if text.startswith(word, i)]
    return sorted(set(found))


def _same_matches(found: list[re.Match[str]], expected: list[re.Match[str]]) -> None:
    assert [(m.span(), m.groupdict()) for m in found] == [
        (m.span(), m.groupdict()) for m in expected
    ]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(_DATE_PIECES), max_size=25).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_date_openings_find_what_a_search_finds(text: str, lo: int, hi: int) -> None:
    start, end = min(lo, hi, len(text)), min(max(lo, hi), len(text))
    for pattern, openings in (
        (dates._YEARS, dates._year_openings),
        (dates._DAYS, dates._day_openings),
        (dates._MONTHS, dates._month_openings),
        (dates._RELATIVE, dates._relative_openings),
    ):
        subject = caseless(text) if pattern.caseless else text
        words = _occurrences(subject, pattern.words, start, end)
        found = prefilter.matches_at(pattern.pattern, subject, openings(subject, words, start), end)
        _same_matches(found, list(pattern.pattern.finditer(subject, start, end)))


def test_date_openings_in_real_like_articles() -> None:
    for path in sorted(Path("examples/articles").glob("*.txt"))[:40]:
        text = path.read_text()
        for start in (0, 7, len(text) // 3):
            for pattern, openings in (
                (dates._YEARS, dates._year_openings),
                (dates._DAYS, dates._day_openings),
                (dates._MONTHS, dates._month_openings),
                (dates._RELATIVE, dates._relative_openings),
            ):
                subject = caseless(text) if pattern.caseless else text
                words = _occurrences(subject, pattern.words, start, len(text))
                found = prefilter.matches_at(
                    pattern.pattern, subject, openings(subject, words, start), len(text)
                )
                _same_matches(found, list(pattern.pattern.finditer(subject, start, len(text))))


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 4), st.integers(0, 3)), max_size=8))
def test_longest_first_skips_only_sorts_that_change_nothing(
    spans: list[tuple[int, int, int]],
) -> None:
    # The target tells apart matches on the same span, whose order the sort must keep.
    made = [
        matching.Match(start, start + length, matching.STATE, str(target))
        for start, length, target in spans
    ]
    sorted_ = sorted(made, key=lambda m: (m.start, m.start - m.end))
    if matching._in_order(made):
        assert sorted_ == made
    chosen = matching._longest_first(list(made))
    plain: list[matching.Match] = []
    reach = -1
    for match in sorted_:
        if match.start >= reach:
            plain.append(match)
            reach = match.end
    assert [(m.start, m.end, m.target) for m in chosen] == [
        (m.start, m.end, m.target) for m in plain
    ]
