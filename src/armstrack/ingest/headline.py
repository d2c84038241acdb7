"""A plain-text article's title: its first line, when that line reads as a headline.

Text files carry no title field; most open with the headline on a line of its own
(after an optional `` date YYYY-MM-DD`` line). A first line that is long or ends with a
full stop is the article's first sentence instead, and then there is no title.
"""

from __future__ import annotations

import re

# The optional first line of a text file (see ``extract.dates.date_prefix``).
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*$")
MAX_CHARS = 160  # longer is a paragraph: headlines rarely pass 100 characters
MAX_WORDS = 25
MIN_WORDS = 2
# A line ending like a sentence or announcing what follows is not a headline; "?", "!"
# and quotation marks end headlines often enough ("Will Iran ship missiles?").
_NOT_AN_ENDING = (".", ",", ";", ":", "-", "–", "—")
# ...except the period of an initialism: "Iran denies selling drones to the U.S."
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")


def headline(text: str) -> str | None:
    """The text's first non-blank line (after a date line) if it reads as a headline:
    short, a few words with letters, no final period, and followed by the article
    itself; None otherwise.

    >>> headline(" date 2024-01-27\\nU.S. approves F-16 sale to Turkey\\n\\nWASHINGTON - ...")
    'U.S. approves F-16 sale to Turkey'
    """
    lines = text.splitlines()
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and _DATE_LINE.match(lines[index]):
        index += 1
        while index < len(lines) and not lines[index].strip():
            index += 1
    if index >= len(lines):
        return None
    line = " ".join(lines[index].split())
    rest = "".join(lines[index + 1 :]).strip()
    return line if rest and _reads_as_headline(line) else None


def _reads_as_headline(line: str) -> bool:
    words = line.split()
    return (
        len(line) <= MAX_CHARS
        and MIN_WORDS <= len(words) <= MAX_WORDS
        and any(c.isalpha() for c in line)
        and (not line.endswith(_NOT_AN_ENDING) or _INITIALISM.search(line) is not None)
    )
