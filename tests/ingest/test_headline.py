"""A text file's first line is its title when it reads as a headline."""

from __future__ import annotations

import pytest

from armstrack.ingest.headline import headline

BODY = "\n\nWASHINGTON, Jan 27 - The State Department approved the sale on Friday.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            " date 2024-01-27\nU.S. approves $23 billion F-16 sale to Turkey" + BODY,
            "U.S. approves $23 billion F-16 sale to Turkey",
        ),
        (
            "Iran ships Fateh-110 missiles to Russia" + BODY,
            "Iran ships Fateh-110 missiles to Russia",
        ),
        ("\n\n  Will Iran ship missiles?  \n" + BODY, "Will Iran ship missiles?"),
        ('"We never sent drones," Tehran says' + BODY, '"We never sent drones," Tehran says'),
        ("Iran denies selling drones to the U.S." + BODY, "Iran denies selling drones to the U.S."),
        (
            " date 2024-01-27\n\n\nMali receives Bayraktar TB2 drones\r\n\r\nBAMAKO - ...",
            "Mali receives Bayraktar TB2 drones",
        ),
        ("Mali   receives\tdrones" + BODY, "Mali receives drones"),
    ],
)
def test_headline_takes_a_first_line_that_reads_as_one(text: str, expected: str) -> None:
    assert headline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A first sentence, not a headline: it ends with a period.
        "Iran has shipped missiles to Russia, officials said.\nMore text follows here.",
        # Too long for a headline.
        " ".join(["word"] * 40) + BODY,
        "x" * 170 + " more" + BODY,
        # One word, or no letters.
        "BREAKING" + BODY,
        "2024-01-27 12:00" + BODY,
        # Announces what follows.
        "Here is what officials said:" + BODY,
        # Nothing after it: the whole text is one line.
        "Iran ships missiles to Russia",
        " date 2024-01-27\nIran ships missiles to Russia\n\n",
        # Nothing at all.
        "",
        "\n \n",
        " date 2024-01-27\n",
    ],
)
def test_headline_is_none_when_the_first_line_is_not_one(text: str) -> None:
    assert headline(text) is None
