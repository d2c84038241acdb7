"""Patterns with a cheap precondition: the plain words every match contains.

Python's regex engine tries a pattern that opens with ``\\b``, a lookbehind or an
optional group at every position of the text, and that is most of the cost of a
sentence's many patterns. A list of plain words it scans for with a fast test of the
first character instead. A sentence without any of the words is not searched at all,
which changes no result: every match contains one of them.

Cheaper still, a ``WordFinder`` finds the words of many patterns in a whole article in
one Aho-Corasick pass (``FoundWords``); a sentence is then checked by bisecting their
positions, about 0.3 µs against some 2.5 µs for a regex search of the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick


# ``eq=False``: patterns are dictionary keys of ``FoundWords``, hashed by identity (a
# hash of the compiled patterns would cost more than the lookup it serves).
@dataclass(frozen=True, slots=True, eq=False)
class Prefiltered:
    """``pattern``, searched only where ``hint`` (words every match contains) is found.

    ``words``, if given, are the hint's words as plain strings (``on_words`` builds the
    hint from them), which a ``WordFinder`` can find for a whole article at once.
    ``caseless`` says the pattern runs on ``caseless(text)`` rather than on the text,
    ``folded`` on ``fold(text)``, so that the finder looks for the words where the
    pattern will look for its matches.
    """

    pattern: re.Pattern[str]
    hint: re.Pattern[str]
    words: tuple[str, ...] = ()
    caseless: bool = False
    folded: bool = False

    @classmethod
    def on_words(
        cls,
        pattern: re.Pattern[str],
        words: Iterable[str],
        *,
        caseless: bool = False,
        folded: bool = False,
    ) -> Prefiltered:
        plain = tuple(words)
        hint = re.compile("|".join(map(re.escape, plain)))
        return cls(pattern, hint, plain, caseless, folded)

    def finditer(
        self, text: str, start: int, end: int, found: FoundWords | None = None
    ) -> Iterator[re.Match[str]]:
        # ``may_match`` written out: this runs some 15,000 times an article pass.
        positions = found.positions.get(self) if found is not None else None
        if positions is None:
            if self.hint.search(text, start, end) is None:
                return iter(())
        else:
            index = bisect_left(positions, start)
            if index == len(positions) or positions[index] >= end:
                return iter(())
        return self.pattern.finditer(text, start, end)

    def search(
        self, text: str, start: int, end: int, found: FoundWords | None = None
    ) -> re.Match[str] | None:
        if not self.may_match(text, start, end, found):
            return None
        return self.pattern.search(text, start, end)

    def may_match(self, text: str, start: int, end: int, found: FoundWords | None = None) -> bool:
        """Whether one of the words starts in ``text[start:end]``: ``found`` answers if it
        holds this pattern's words, else a search of the hint does."""
        positions = found.positions.get(self) if found is not None else None
        if positions is None:
            return self.hint.search(text, start, end) is not None
        index = bisect_left(positions, start)
        return index < len(positions) and positions[index] < end


@dataclass(frozen=True, slots=True)
class FoundWords:
    """Start offsets, sorted, of the words of each pattern a ``WordFinder`` knows, in one
    article. A word that starts in a span may end past it: the check stays a superset of
    the hint's, so it still skips no sentence that has a match."""

    positions: dict[Prefiltered, list[int]]

    def starts(self, pattern: Prefiltered, start: int, end: int) -> list[int] | None:
        """Offsets in ``[start, end)`` where one of the pattern's words starts, or None
        if this finder does not know the pattern."""
        positions = self.positions.get(pattern)
        if positions is None:
            return None
        return positions[bisect_left(positions, start) : bisect_left(positions, end)]

    def matches(self, pattern: Prefiltered, text: str) -> Iterator[re.Match[str]]:
        """``pattern.pattern.finditer(text)``, tried only where one of its words starts: for
        a pattern every match of which opens with one of its words (the regex engine would
        try a leading ``\\b`` or alternation at every position of the article)."""
        end = 0
        for start in self.positions[pattern]:
            if start < end:
                continue  # inside the last match, or a second word at the same place
            match = pattern.pattern.match(text, start)
            if match is not None:
                yield match
                end = match.end()


class WordFinder:
    """Finds the words of many ``Prefiltered`` patterns in one article: one pass over the
    text for the patterns that run on it, one over its caseless form and one over its
    folded form for the others."""

    def __init__(self, patterns: Iterable[Prefiltered]) -> None:
        self._patterns = tuple(p for p in patterns if p.words)
        self._on_text = _automaton(p for p in self._patterns if not p.caseless and not p.folded)
        self._on_caseless = _automaton(p for p in self._patterns if p.caseless)
        self._on_folded = _automaton(p for p in self._patterns if p.folded)

    def find(self, text: str, lowered: str, folded: str | None = None) -> FoundWords:
        """The words in ``text``, in ``lowered``, its ``caseless`` form, and in ``folded``,
        its ``fold`` (all of the same length). Without ``folded`` the patterns that run on
        it are left out, so that their checks search their hints."""
        positions: dict[Prefiltered, list[int]] = {
            p: [] for p in self._patterns if folded is not None or not p.folded
        }
        passes = ((self._on_text, text), (self._on_caseless, lowered), (self._on_folded, folded))
        for automaton, string in passes:
            if automaton is None or string is None:
                continue
            for last, (length, owners) in automaton.iter(string):
                for owner in owners:
                    positions[owner].append(last - length + 1)
        for starts in positions.values():
            starts.sort()  # reported by where each word ends: unordered for mixed lengths
        return FoundWords(positions)


def _automaton(patterns: Iterable[Prefiltered]) -> ahocorasick.Automaton | None:
    owners: dict[str, list[Prefiltered]] = {}
    for pattern in patterns:
        for word in pattern.words:
            owners.setdefault(word, []).append(pattern)
    if not owners:
        return None
    automaton = ahocorasick.Automaton()
    for word, patterns_of_word in owners.items():
        automaton.add_word(word, (len(word), tuple(patterns_of_word)))
    automaton.make_automaton()
    return automaton
