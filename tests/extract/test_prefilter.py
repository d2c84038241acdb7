import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract import claims, quantities
from armstrack.extract import pipeline as pipeline_module
from armstrack.extract.prefilter import CASELESS_ONLY, Prefiltered, WordFinder
from armstrack.extract.sentences import split_bounded

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("claims", "dates", "mentions", "quantities", "routes")
PHRASES = (
    "Moscow neither confirmed nor denied it; Tehran declined to comment and did not respond.",
    "Officials could not independently verify the report, which Kyiv dismissed as baseless.",
    "The Pentagon confirmed that some 40 Leopard tanks, reportedly shipped by sea via the "
    "Port of Gdansk, may have arrived in early January 2024, in the fourth quarter of 2023 "
    "or last summer; the two countries said on Tuesday that the junta and the group agreed.",
    "Hundreds of drones were airlifted overland through Syria in the autumn of 2022.",
    "Kyiv got more than 200 of its ",  # the text before a weapon, for quantities
    "Oslo will send more launchers to the embattled country.",
    "Reporters could not reach the ministry for comment, and neither Minsk nor Riga responded.",
    "Minsk ruled out having sent shells and brushed off the reports.",
)


def _prefiltered() -> Iterator[tuple[str, Prefiltered]]:
    """Every Prefiltered of the modules, alone, in a tuple or in a record's ``pattern``."""
    seen: set[int] = set()
    for name in MODULES:
        module = importlib.import_module(f"armstrack.extract.{name}")
        for attribute, value in vars(module).items():
            items = value if isinstance(value, tuple) else (value,)
            for index, item in enumerate(items):
                for part in item if isinstance(item, tuple) else (item,):
                    found = (
                        part if isinstance(part, Prefiltered) else getattr(part, "pattern", None)
                    )
                    if isinstance(found, Prefiltered) and id(found) not in seen:
                        seen.add(id(found))
                        yield f"{name}.{attribute}[{index}]", found


def _texts() -> list[str]:
    files = [*(ROOT / "tests" / "gold" / "articles").glob("*.txt")]
    files += (ROOT / "examples" / "articles").glob("*.txt")
    texts = [*PHRASES, *(path.read_text(encoding="utf-8") for path in sorted(files))]
    return [form for text in texts for form in (text, fold(text), caseless(text))]


PREFILTERED = list(_prefiltered())


def test_prefilter_every_pattern_of_the_extractor_is_found() -> None:
    assert len(PREFILTERED) >= 17


@pytest.mark.parametrize(("name", "prefiltered"), PREFILTERED, ids=[n for n, _ in PREFILTERED])
def test_prefilter_hint_lies_inside_every_match(name: str, prefiltered: Prefiltered) -> None:
    matched = 0
    for text in _texts():
        for match in prefiltered.pattern.finditer(text):
            matched += 1
            assert prefiltered.hint.search(text, match.start(), match.end()), (name, match)
    assert matched, f"{name}: no example text exercises the pattern"


# The patterns whose words the pipeline finds for a whole article with a ``WordFinder``.
FOUND_BY_WORDS = [
    (name, prefiltered)
    for name, prefiltered in PREFILTERED
    if name.split(".")[0] in ("dates", "mentions", "quantities", "routes")
    or (name.split(".")[0] == "claims" and prefiltered.words)
]


@pytest.mark.parametrize("name", [n for n, _ in FOUND_BY_WORDS])
def test_prefilter_word_finder_knows_every_pattern_of_its_modules(name: str) -> None:
    assert dict(FOUND_BY_WORDS)[name].words


@pytest.mark.parametrize(
    ("name", "prefiltered"), FOUND_BY_WORDS, ids=[n for n, _ in FOUND_BY_WORDS]
)
def test_prefilter_found_words_skip_no_match(name: str, prefiltered: Prefiltered) -> None:
    """The article-wide check lets through every span in which the pattern matches."""
    finder = WordFinder([prefiltered])
    for text in _texts():
        lowered, folded = caseless(text), fold(text)
        searched = lowered if prefiltered.caseless else folded if prefiltered.folded else text
        found = finder.find(text, lowered, folded)
        for match in prefiltered.pattern.finditer(searched):
            assert prefiltered.may_match(searched, match.start(), match.end(), found), (
                name,
                match,
            )


def test_prefilter_fold_keeps_what_caseless_reads_as_ascii_letters() -> None:
    """``WordFinder`` looks for caseless words in the folded text: it finds them all there
    as long as ``fold`` and ``caseless`` agree on every character that ``caseless`` makes an
    ASCII character, which all but ``CASELESS_ONLY`` do."""
    disagree = set()
    for code in range(0x110000):
        char = chr(code)
        lowered = caseless(char) if not 0xD800 <= code < 0xE000 else char
        if len(lowered) == 1 and lowered.isascii() and fold(char) != fold(lowered):
            disagree.add(char)
    assert disagree == set(CASELESS_ONLY)


@pytest.mark.parametrize("odd", sorted(CASELESS_ONLY))
def test_prefilter_found_words_with_a_character_only_caseless_reads(odd: str) -> None:
    """ "ın early 2023", with a dotless i: the caseless pattern still finds its words there."""
    finder = WordFinder([prefiltered for _, prefiltered in FOUND_BY_WORDS])
    plain = caseless(fold(" ".join(PHRASES)))
    text = plain.replace({"ſ": "s", "K": "k"}.get(odd, "i"), odd)  # "ın 2023", "ſince"
    lowered, folded = caseless(text), fold(text)
    found = finder.find(text, lowered, folded)
    for name, prefiltered in FOUND_BY_WORDS:
        searched = lowered if prefiltered.caseless else folded if prefiltered.folded else text
        for match in prefiltered.pattern.finditer(searched):
            assert prefiltered.may_match(searched, match.start(), match.end(), found), name


def test_prefilter_quantity_matches_start_with_one_of_its_words() -> None:
    """``quantity_before`` tries the pattern only where one of its words starts."""
    pattern = quantities.PATTERNS[0]
    matched = 0
    for text in _texts():
        lowered = caseless(text)
        for start in range(len(lowered)):
            match = pattern.pattern.match(lowered, start)
            if match is not None:
                matched += 1
                assert lowered.startswith(pattern.words, start), match
    assert matched


# The patterns whose every match opens with one of their words (``opens``): tried only
# where a found word starts, in a sentence and article-wide.
OPENED = [
    *((name, prefiltered) for name, prefiltered in FOUND_BY_WORDS if prefiltered.opens),
    ("claims._SPOKEN_HINT", claims._SPOKEN_HINT),
    ("claims._TITLE_HINT", claims._TITLE_HINT),
    ("pipeline._TOPICAL_NOUN", pipeline_module._TOPICAL_NOUN),
    ("pipeline._ROUTE_WORDS", pipeline_module._ROUTE_WORDS),
    ("pipeline._REPORT_HINT", pipeline_module._REPORT_HINT),
    ("pipeline._COUNTED_PLATFORM", pipeline_module._COUNTED_PLATFORM),
]
# Words of the finder's patterns, whole and cut, and what stands around them.
WORD_PIECES = [
    *("by", "by ", "sea", "via", "not", "n't", "said", "says", "report", "reported", "Mar"),
    *("march", "2023", "19", "one", "two", "dozen", "deal", "the", "ſ", "ı", "İ", "K", "é"),
    *(" ", " ", "  ", "\n", "-", ".", ",", "’", "\uffff", "A", "S", "t", "e", "r", "i"),
]
TRICKY = "the shipments’ story; don't deny-deny it, reaffirmed; by sea via\nvia. It said so."


def test_prefilter_the_stance_cues_open_with_their_words() -> None:
    assert {"claims._SPOKEN_HINT", "claims.STANCE_CUES[1]", "claims.STANCE_CUES[7]"} <= {
        name for name, _ in OPENED
    }
    assert all(prefiltered.opens for _, prefiltered in OPENED)


@pytest.mark.parametrize(("name", "prefiltered"), OPENED, ids=[n for n, _ in OPENED])
def test_prefilter_found_matches_are_the_pattern_matches(
    name: str, prefiltered: Prefiltered
) -> None:
    """``FoundWords.matches`` finds what ``finditer`` over the whole text finds, and
    ``finditer`` in a sentence what the pattern's own search of the sentence finds."""
    finder = WordFinder([prefiltered])
    matched = 0
    for text in [*_texts(), TRICKY]:
        lowered, folded = caseless(text), fold(text)
        searched = lowered if prefiltered.caseless else folded if prefiltered.folded else text
        found = finder.find(text, lowered, folded)
        expected = [m.span() for m in prefiltered.pattern.finditer(searched)]
        assert [m.span() for m in found.matches(prefiltered, searched)] == expected, name
        matched += len(expected)
        for start, end in split_bounded(text)[0]:
            spans = [m.span() for m in prefiltered.finditer(searched, start, end, found)]
            assert spans == [m.span() for m in prefiltered.pattern.finditer(searched, start, end)]
    assert matched, f"{name}: no example text exercises the pattern"


def _plain_starts(prefiltered: Prefiltered, text: str, lowered: str, folded: str) -> list[int]:
    """Where a word of the pattern starts in the form of the text it runs on, one offset
    for each word found there: what a ``WordFinder`` finds, read the plain way."""
    form = lowered if prefiltered.caseless else folded if prefiltered.folded else text
    starts = []
    for word in prefiltered.words:
        at = form.find(word)
        while at >= 0:
            starts.append(at)
            at = form.find(word, at + 1)
    return sorted(starts)


def _assert_finds_plain_starts(text: str) -> None:
    finder = pipeline_module._WORDS
    lowered, folded = caseless(text), fold(text)
    found = finder.find(text, lowered, folded)
    for prefiltered in finder._patterns:
        expected = _plain_starts(prefiltered, text, lowered, folded)
        assert found.positions[prefiltered] == expected, prefiltered.words


def test_prefilter_word_finder_finds_every_start_of_every_word() -> None:
    """Keys added in order of character frequency, and one that stands for no pattern
    (a space and U+FFFF, also where the text holds them): every word's every start."""
    for text in [*_texts(), TRICKY, " \uffff by sea\uffff \uffff via  \uffff"]:
        _assert_finds_plain_starts(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join))
def test_prefilter_word_finder_finds_every_start_in_any_text(text: str) -> None:
    _assert_finds_plain_starts(text)
