"""The catalogue scan's quick forms find what their readable forms find."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue import normalise
from armstrack.catalogue.normalise import caseless, fold, fold_words
from armstrack.extract import matching, prefilter, sentences

# Characters the quick forms read apart: ASCII, question marks (the encoding's own mark),
# curly quotes, letters outside ASCII, the four caseless reads as ASCII, a fullwidth one.
ODD: tuple[str, ...] = tuple("aZ ?-’“é\u0130\u0131\u017f\u212aΣ海Ｆ\n.")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(ODD), max_size=20), min_size=1, max_size=4))
def test_folds_from_the_memo_are_the_tables(texts: list[str]) -> None:
    """Each text folded, folded by words and lowered in turn, as the extractor does, and
    again after the others (the memo holds the last one): each time what the plain
    forms make."""
    for text in texts + texts:
        assert fold(text) == text.translate(normalise._TABLE)
        assert fold_words(text) == text.translate(normalise._WORD_TABLE)
        assert caseless(text) == normalise._caseless_whole(text)
        assert fold("".join(reversed(text))) == "".join(reversed(text)).translate(normalise._TABLE)


def test_memo_answers_for_that_string_alone() -> None:
    text = "Russia’s “Geran-2”?"
    same = "".join(list(text))  # equal, but another string
    assert fold(text) == fold(same) == "russia's “geran 2”?"
    assert fold_words(same) == "russia s  geran 2  "


# ``_BOUNDARY`` read from an end mark, as the text's scan tries it there.
END_MARKS = ".!?"
BOUNDARY_TEXT = st.text(
    alphabet=st.sampled_from(list(".!?\n \t\x1c\x85\xa0\u2028\u3000\"'”’)]([“‘Aa0Ｚ１_")),
    max_size=30,
)


@settings(max_examples=1000, deadline=None)
@given(BOUNDARY_TEXT)
def test_end_mark_read_by_hand_is_the_pattern(text: str) -> None:
    for at, char in enumerate(text):
        if char in END_MARKS:
            for pattern in (sentences._BOUNDARY, sentences._WRAPPED_BOUNDARY):
                match = pattern.match(text, at)
                assert sentences._end_mark_reach(text, at) == (-1 if match is None else match.end())


def test_end_mark_read_by_hand_in_real_like_copy() -> None:
    text = (
        'He said so. "Then," she said!? (More.) U.S. officials... 12 came. a b.\n'
        "Done.’ “Next”. Fine.\u00a0Yes. 5 more."
    )
    for at, char in enumerate(text):
        if char in END_MARKS:
            match = sentences._BOUNDARY.match(text, at)
            assert sentences._end_mark_reach(text, at) == (-1 if match is None else match.end())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z_,;.\n\n1é-")), max_size=60))
def test_wraps_counted_from_the_breaks_are_the_pattern_count(text: str) -> None:
    breaks = [at for at, char in enumerate(text) if char == "\n"]
    assert sentences._count_wraps(text, breaks) == len(re.findall(r"[\w,;]\n[a-z]", text))
    expected = len(breaks) >= 3 and sentences.count_wraps(text) >= max(3, 0.25 * len(breaks))
    assert sentences._hard_wrapped(text, breaks) is expected


# Matches as (start, length, target): the target tells apart those on the same span.
SPANS = st.lists(st.tuples(st.integers(0, 8), st.integers(1, 5), st.integers(0, 3)), max_size=12)


def _made(spans: list[tuple[int, int, int]]) -> list[matching.Match]:
    return [matching.Match(s, s + n, matching.STATE, str(t)) for s, n, t in spans]


def _plain_order(matches: list[matching.Match]) -> list[tuple[int, int, str]]:
    ordered = sorted(matches, key=lambda m: (m.start, m.start - m.end))
    return [(m.start, m.end, m.target) for m in ordered]


@given(SPANS, SPANS)
def test_sorted_by_insertion_then_inserted_is_the_stable_sort(
    spans: list[tuple[int, int, int]], more: list[tuple[int, int, int]]
) -> None:
    first, second = _made(spans), _made(more)
    expected = _plain_order(first + second)
    matching._sort_by_start(first)
    for match in second:
        matching._insert_by_start(first, match)
    assert [(m.start, m.end, m.target) for m in first] == expected


@settings(max_examples=500)
@given(st.text(max_size=3))
def test_first_letter_tests_are_the_methods(surface: str) -> None:
    assert matching._opens_lower(surface) is surface[:1].islower()
    assert matching._opens_upper(surface) is surface[:1].isupper()


WORDS = st.lists(st.sampled_from(["Long", "range", "Caesar", "ÉCLAIR", "émile", "9x", "İz"]))


@given(WORDS, WORDS)
def test_same_capitals_is_its_readable_form(written: list[str], listed: list[str]) -> None:
    surface, catalogued = " ".join(written), " ".join(listed)
    entry = matching._Entry(
        matching.SYSTEM, "x", False, True, None, catalogued, matching._capitals(catalogued)
    )
    words, names = surface.split(), catalogued.split()
    if len(words) != len(names):
        expected = surface[:1].isupper() == catalogued[:1].isupper()
    else:
        expected = all(
            a[:1].isupper() == b[:1].isupper() for a, b in zip(words, names, strict=True)
        )
    assert matching._same_capitals(entry, surface) is expected


@given(
    st.lists(st.integers(0, 40), max_size=12).map(sorted),
    st.integers(0, 45),
    st.integers(0, 45),
)
def test_found_starts_are_the_bisected_slice(positions: list[int], start: int, end: int) -> None:
    pattern = prefilter.Prefiltered.on_words(re.compile("a"), ["a"])
    found = prefilter.FoundWords({pattern: positions})
    expected = [p for p in positions if start <= p < end]
    assert found.starts(pattern, start, end) == expected


@given(st.text(alphabet="ab ", max_size=30), st.integers(0, 32))
def test_matches_read_on_to_the_end_are_the_search(text: str, end: int) -> None:
    pattern = re.compile(r"ab+|ba")
    positions = [i for i in range(len(text)) if text.startswith(("a", "b"), i)]
    found = prefilter.matches_at(pattern, text, positions, end)
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text, 0, end)]


def _readable_pick(bucket: tuple[matching._Entry, ...], surface: str) -> matching._Entry | None:
    core = surface[:-1] if surface.endswith("s") and surface[-2:-1].isdigit() else surface
    for entry in bucket:
        if entry.needs is not None:
            continue
        if entry.acronym and any(c.islower() for c in core):
            continue
        if entry.proper and surface[:1].islower():
            continue
        if entry.surface and not matching._same_capitals(entry, surface):
            continue
        return entry
    return None


def _entry(acronym: bool, proper: bool, surface: str) -> matching._Entry:
    capitals = matching._capitals(surface)
    return matching._Entry(matching.SYSTEM, "x", acronym, proper, None, surface, capitals)


ENTRY = st.builds(
    _entry,
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", "Long Range", "Russian Helicopters", "CV90"]),
)


@given(
    st.lists(ENTRY, min_size=1, max_size=3).map(tuple),
    st.text(alphabet=st.sampled_from(list("aZs9 é-É")), max_size=8),
    st.text(alphabet="x ", max_size=3),
)
def test_pick_read_in_place_is_its_readable_form(
    bucket: tuple[matching._Entry, ...], surface: str, around: str
) -> None:
    text = around + surface + around
    start, end = len(around), len(around) + len(surface)
    assert matching._pick(bucket, text, start, end) is _readable_pick(bucket, surface)


# Pieces of text for the word finder: digits, a capital "Q", the characters only
# ``caseless`` reads as ASCII letters, fullwidth forms, words in any case.
FINDER_PIECES = [
    *("0", "1", "2", "3", "9", "19", "20", "2023", "Q", "q", "Ｑ", "３", "İ", "ı", "ſ", "K"),
    *("by", "BY", "By sea", "by air", "Via", "via", "said", "SAID", "units", "UNITS"),
    *("dozen", "Dozen", "tanks", "the", "The", "two", " ", "-", ".", "’", "\n", "é"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FINDER_PIECES), max_size=30).map("".join))
def test_word_finder_finds_the_plain_starts_of_characters_and_caseless_words(
    text: str,
) -> None:
    from armstrack.extract import pipeline

    lowered, folded = caseless(text), fold(text)
    found = pipeline._WORDS.find(text, lowered, folded)
    for pattern in pipeline._WORDS._patterns:
        form = lowered if pattern.caseless else folded if pattern.folded else text
        expected = sorted(
            at for word in pattern.words for at in range(len(form)) if form.startswith(word, at)
        )
        assert found.positions[pattern] == expected, pattern.words


def test_characters_read_by_code_are_the_methods() -> None:
    for code in range(0x3100):
        text = f"a{chr(code)}"
        assert sentences._space_at(text, 1) is text[1].isspace()
        assert sentences._word_or_stop_at(text, 1) is bool(re.fullmatch(r"[\w.]", text[1]))
        assert matching._lower_at(text, 1) is text[1].islower()
        assert matching._upper_at(text, 1) is text[1].isupper()
