import pytest

from armstrack.extract.sentences import split_sentences


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
    ],
)
def test_split_sentences_handles_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_split_sentences_offsets_are_exact() -> None:
    text = "  One here.   Two there.  "
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
