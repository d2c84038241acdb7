"""Patterns with a cheap precondition: the plain words every match contains.

Python's regex engine tries a pattern that opens with ``\\b``, a lookbehind or an
optional group at every position of the text, and that is most of the cost of a
sentence's many patterns. A list of plain words it scans for with a fast test of the
first character instead. A sentence without any of the words is not searched at all,
which changes no result: every match contains one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Prefiltered:
    """``pattern``, searched only where ``hint`` (words every match contains) is found."""

    pattern: re.Pattern[str]
    hint: re.Pattern[str]

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        if self.hint.search(text, start, end) is None:
            return iter(())
        return self.pattern.finditer(text, start, end)

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        if self.hint.search(text, start, end) is None:
            return None
        return self.pattern.search(text, start, end)
