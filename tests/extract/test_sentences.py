import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armstrack.extract import sentences
from armstrack.extract.sentences import MAX_SENTENCE, split_bounded, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran sent drones. Russia used them.", ["Iran sent drones.", "Russia used them."]),
        (
            "A U.S. official said so. Tehran denied it.",
            ["A U.S. official said so.", "Tehran denied it."],
        ),
        ("Gen. Smith spoke. He left.", ["Gen. Smith spoke.", "He left."]),
        (
            '"They arrived," he said. Then more came.',
            ['"They arrived," he said.', "Then more came."],
        ),
        ("Headline\n\nBody text here.", ["Headline", "Body text here."]),
        # Latin and list abbreviations lead into a list; the list is part of the sentence.
        (
            "The radar went to four buyers, e.g. Chile, Peru and Ghana. Talks go on.",
            ["The radar went to four buyers, e.g. Chile, Peru and Ghana.", "Talks go on."],
        ),
        (
            "Five navies fly it, incl. Spain and Norway. Ghana may follow.",
            ["Five navies fly it, incl. Spain and Norway.", "Ghana may follow."],
        ),
    ],
)
def test_split_sentences_handles_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_split_sentences_offsets_are_exact() -> None:
    text = "  One here.   Two there.  "
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]


@pytest.mark.parametrize(
    "text",
    [
        "iran delivered drones to russia officials said " * 100,
        "Iran delivered drones to Russia, " * 100,
        "x" * 2000,
    ],
    ids=["lower_case", "one_comma_chain", "no_space"],
)
def test_split_bounded_cuts_runaway_sentence_into_bounded_pieces(text: str) -> None:
    spans, cut = split_bounded(text)
    assert cut == 1
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    # Nothing is lost: the pieces cover the text but for whitespace between them.
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_split_bounded_cuts_at_clause_break() -> None:
    text = "Iran delivered drones to Russia, " * 40
    spans, _ = split_bounded(text)
    assert all(text[e - 1] == "," for _, e in spans[:-1])


def test_split_bounded_keeps_real_sentences_whole() -> None:
    text = "Iran sent drones. Russia used them."
    assert split_bounded(text) == ([(0, 17), (18, 35)], 0)


@pytest.mark.parametrize("marks", ["!?" * 20_000, "." * 40_000, "?" * 40_000])
def test_split_bounded_long_run_of_end_marks_loses_nothing(marks: str) -> None:
    # Regression: the boundary pattern was tried once per mark (quadratic); the marks
    # before a lower-case word end no sentence, so only the length cap cuts them.
    text = "Iran sent drones" + marks + " next"
    spans, cut = split_bounded(text)
    assert cut == 1
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


# The boundary as written for reading (see ``sentences._BOUNDARY``): three alternatives.
READABLE_BOUNDARY = re.compile(
    r"[.!?](?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?\n \t\"'”’)]([“‘Aa0", max_size=40))
def test_boundary_pattern_matches_its_readable_form(text: str) -> None:
    """The pattern opens with one character set for speed; it finds what the three
    alternatives find, in any run of marks, quotes, brackets and line breaks."""
    expected = [m.span() for m in READABLE_BOUNDARY.finditer(text)]
    assert [m.span() for m in sentences._BOUNDARY.finditer(text)] == expected


def test_hard_wrapped_copy_ends_sentences_only_at_end_marks_or_blank_lines() -> None:
    wrapped = (
        "ROME, March 3 Italy will lease two\nfrigates to the Philippine Navy, the\n"
        "ministry said. The ships sail\nin May.\n\nMore follows"
    )
    assert _sentences(wrapped) == [
        "ROME, March 3 Italy will lease two\nfrigates to the Philippine Navy, the\nministry said.",
        "The ships sail\nin May.",
        "More follows",
    ]
    # One paragraph per line, a caption among them: every line break still ends one.
    lines = "Headline here\nItaly leased two frigates.\nphoto by staff\nThe ships sail in May."
    assert sentences.hard_wrapped(lines) is False
    assert len(_sentences(lines)) == 4


# The readable form of what ``count_wraps`` counts.
_WRAP = re.compile(r"[\w,;]\n[a-z]")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z_,;.\n\n1é-")), max_size=60))
def test_wrap_count_agrees_with_its_pattern(text: str) -> None:
    assert sentences.count_wraps(text) == len(_WRAP.findall(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?\n\n \t\r\u2028\u3000\"'”’)]([“‘Aa0.", max_size=50))
def test_boundaries_tried_at_marks_are_those_a_scan_finds(text: str) -> None:
    """Both boundary patterns, tried only at the end marks and line breaks (a line break
    read by hand), find what a scan of the whole text finds."""
    for wrapped, pattern in ((False, sentences._BOUNDARY), (True, sentences._WRAPPED_BOUNDARY)):
        scanned = [m.span() for m in pattern.finditer(text)]
        assert sentences._boundaries(text, wrapped) == scanned


def test_boundaries_tried_at_marks_in_real_like_articles() -> None:
    text = (
        "WASHINGTON (Reuters) - The U.S. sent 12 F-16s to Ukraine!? Officials said so.\n\n"
        '"They arrived," Gen. J. Smith said. (More later.) 5 more came...\nThen?! '
        "Wire copy goes on\nhere. And on.\n\n\nEnd"
    )
    for wrapped, pattern in ((False, sentences._BOUNDARY), (True, sentences._WRAPPED_BOUNDARY)):
        scanned = [m.span() for m in pattern.finditer(text)]
        assert sentences._boundaries(text, wrapped) == scanned
