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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

import ahocorasick

from armstrack.catalogue.normalise import fold
from armstrack.extract.bisection import bisect_left
from armstrack.extract.sentences import offsets


# ``eq=False``: patterns are dictionary keys of ``FoundWords``, hashed by identity (a
# hash of the compiled patterns would cost more than the lookup it serves).
@dataclass(frozen=True, slots=True, eq=False)
class Prefiltered:
    """``pattern``, searched only where ``hint`` (words every match contains) is found.

    ``words``, if given, are the hint's words as plain strings (``on_words`` builds the
    hint from them), which a ``WordFinder`` can find for a whole article at once.
    ``caseless`` says the pattern runs on ``caseless(text)`` rather than on the text,
    ``folded`` on ``fold(text)``, so that the finder looks for the words where the
    pattern will look for its matches. ``opens`` says every match opens with one of the
    words: the pattern is then tried only where a found word starts, not at every
    position of the span (tests check it against a full search).
    """

    pattern: re.Pattern[str]
    hint: re.Pattern[str]
    words: tuple[str, ...] = ()
    caseless: bool = False
    folded: bool = False
    opens: bool = False

    @classmethod
    def on_words(
        cls,
        pattern: re.Pattern[str],
        words: Iterable[str],
        *,
        caseless: bool = False,
        folded: bool = False,
        opens: bool = False,
    ) -> Prefiltered:
        plain = tuple(words)
        hint = re.compile("|".join(map(re.escape, plain)))
        return cls(pattern, hint, plain, caseless, folded, opens)

    def finditer(
        self, text: str, start: int, end: int, found: FoundWords | None = None
    ) -> Iterator[re.Match[str]]:
        # ``may_match`` written out: this runs some 15,000 times an article pass.
        positions = found.positions.get(self) if found is not None else None
        if positions is None:
            if self.hint.search(text, start, end) is None:
                return _NO_MATCHES
        else:
            index = bisect_left(positions, start)
            if index == len(positions) or positions[index] >= end:
                return _NO_MATCHES
            if self.opens:
                return iter(_matches_at(self.pattern, text, positions, index, end))
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


# What ``finditer`` gives a span without any of the words: one exhausted iterator serves
# them all, not a new one each time (it stays exhausted).
_NO_MATCHES: Final[Iterator[re.Match[str]]] = iter(())


def matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], end: int
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` finds, for a pattern whose every match
    in ``[start, end)`` opens at one of ``starts`` (sorted, none before ``start``)."""
    return _matches_at(pattern, text, starts, 0, end)


def _matches_at(
    pattern: re.Pattern[str], text: str, positions: list[int], index: int, end: int
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, start, end)`` finds, for a pattern whose every match
    opens at one of ``positions[index:]``: tried there alone, as the search would try each
    position of the span (a match that ends past ``end`` is never tried, as for the
    search, whose text ends there)."""
    found: list[re.Match[str]] = []
    reach = 0
    # Read on to ``end``, not bisected to it and sliced: a span holds few of the words.
    while index < len(positions) and positions[index] < end:
        position = positions[index]
        index += 1
        if position < reach:
            continue  # inside the last match: the search goes on from its end
        match = pattern.match(text, position, end)
        if match is not None:
            found.append(match)
            reach = match.end()
    return found


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
        first = bisect_left(positions, start)
        last = first
        while last < len(positions) and positions[last] < end:
            last += 1  # read on, not bisected: a span holds few of the words
        return positions[first:last]

    def matches(self, pattern: Prefiltered, text: str) -> list[re.Match[str]]:
        """``pattern.pattern.finditer(text)``, tried only where one of its words starts: for
        a pattern every match of which opens with one of its words (the regex engine would
        try a leading ``\\b`` or alternation at every position of the article)."""
        return _matches_at(pattern.pattern, text, self.positions[pattern], 0, len(text))


class WordFinder:
    """Finds the words of many ``Prefiltered`` patterns in one article, in one pass over its
    folded form: a word of a pattern that runs on the text or on its caseless form is
    looked for folded, and a place found is kept if the word is there in that form too.

    Folding is done character by character, so a word in the text is there in the folded
    text as well; and ``fold`` agrees with ``caseless`` on every character the latter
    reads as an ASCII letter but four (tests check both), so a text that holds one of those
    has its caseless words looked for in a second pass over its caseless form.

    A word of one character is looked for by ``str.find`` in its own form of the text: as
    a key of the automaton, each of its many places (digits) would be a hit, a tuple built
    and read apiece.
    """

    def __init__(self, patterns: Iterable[Prefiltered]) -> None:
        self._patterns = tuple(p for p in patterns if p.words)
        self._automaton = _automaton(self._patterns, fold, lambda p: True)
        self._on_caseless = _automaton(self._patterns, str, lambda p: p.caseless)
        self._chars = tuple(
            (word, _form(pattern), index)
            for index, pattern in enumerate(self._patterns)
            for word in pattern.words
            if len(word) == 1
        )

    def find(self, text: str, lowered: str, folded: str | None = None) -> FoundWords:
        """The words in ``text``, in ``lowered``, its ``caseless`` form, and in ``folded``,
        its ``fold`` (all of the same length). Without ``folded`` the patterns that run on
        it are left out, so that their checks search their hints."""
        found: list[list[int]] = [[] for _ in self._patterns]
        forms = (text, lowered, folded)
        if self._automaton is not None:
            aside = self._on_caseless is not None and any(c in text for c in CASELESS_ONLY)
            scanned = fold(text) if folded is None else folded
            for hit in self._automaton.iter(scanned):
                # Typed, so that the compiled loops below index, not iterate.
                typed: tuple[int, _Key] = hit
                last, key = typed
                start: int = last - key.length + 1
                for index in key.plain:
                    found[index].append(start)
                if not aside:
                    for index in key.caseless:
                        found[index].append(start)  # else found in the caseless pass below
                for form, word, index in key.checked:
                    if form == _CASELESS and aside:
                        continue  # found in the caseless pass below
                    string = forms[form]
                    # A slice compared, not ``startswith(word, start)``: compiled code calls
                    # that form by name, at three times the cost.
                    if string is not None and string[start : start + len(word)] == word:
                        found[index].append(start)
            if aside and self._on_caseless is not None:
                for aside_hit in self._on_caseless.iter(lowered):
                    aside_typed: tuple[int, _Key] = aside_hit
                    last, aside_key = aside_typed
                    for index in aside_key.plain:
                        found[index].append(last - aside_key.length + 1)
        for char, form, index in self._chars:
            string = forms[form]
            if string is not None:
                found[index] += offsets(string, char)
        positions: dict[Prefiltered, list[int]] = {}
        for index, pattern in enumerate(self._patterns):
            starts = found[index]
            if folded is not None or not pattern.folded:
                if len(starts) > 1:
                    starts.sort()  # reported by where each word ends: unordered for mixed lengths
                positions[pattern] = starts
        return FoundWords(positions)


# Characters ``caseless`` reads as ASCII letters while ``fold`` keeps them: dotted and
# dotless I, long s, the Kelvin sign.
CASELESS_ONLY: Final = "\u0130\u0131\u017f\u212a"
# The form of the text a pattern runs on.
_TEXT: Final = 0
_CASELESS: Final = 1
_FOLDED: Final = 2


def _automaton(
    patterns: tuple[Prefiltered, ...],
    key: Callable[[str], str],
    keep: Callable[[Prefiltered], bool],
) -> ahocorasick.Automaton | None:
    """The words of the ``patterns`` kept, by ``key(word)``, each key with a ``_Key``: the
    indices of the patterns the key is one of the words of, as it stands (``plain``), and,
    with the form of the text and the word to check there, of those it is the key of
    another word of (``checked``): a word of the text, "Mar", is "mar" folded."""
    plain: dict[str, list[int]] = {}
    caseless: dict[str, list[int]] = {}
    checked: dict[str, list[tuple[int, str, int]]] = {}
    for index, pattern in enumerate(patterns):
        if not keep(pattern):
            continue
        form = _form(pattern)
        for word in pattern.words:
            if len(word) == 1:
                continue  # looked for by ``str.find`` (``WordFinder``)
            found = key(word)
            plain.setdefault(found, [])
            caseless.setdefault(found, [])
            checked.setdefault(found, [])
            if found == word and (form == _FOLDED or key is str):
                plain[found].append(index)
            elif found == word and form == _CASELESS and _ASCII_LOWER.fullmatch(word):
                # Folded, a lower-case ASCII letter or a digit stands just where the text
                # has it in either case: where ``caseless`` has it too.
                caseless[found].append(index)
            else:
                checked[found].append((form, word, index))
    if not plain:
        return None
    automaton = ahocorasick.Automaton()
    # The automaton finds a state's next one by reading its links in the order they were
    # added: keys added most frequent characters first take fewer reads a character. No
    # word opens with a space, the commonest character, which then read all the links
    # from the start; a key that can hardly occur (and stands for no pattern) gives it one.
    automaton.add_word(_SPACE_KEY, _Key(len(_SPACE_KEY), (), (), ()))
    for found in sorted(plain, key=_frequency_ranks):
        entry = _Key(len(found), tuple(plain[found]), tuple(caseless[found]), tuple(checked[found]))
        automaton.add_word(found, entry)
    automaton.make_automaton()
    return automaton


def _form(pattern: Prefiltered) -> int:
    """The form of the text ``pattern`` runs on."""
    return _CASELESS if pattern.caseless else _FOLDED if pattern.folded else _TEXT


# Words of lower-case ASCII letters and digits alone.
_ASCII_LOWER: Final = re.compile(r"[a-z0-9]+")


# Characters by how often they stand in English news, folded, the commonest first.
_BY_FREQUENCY: Final = " eatinsrodhlcmupfgybwv,.k0213456789'jxqz"
_SPACE_KEY: Final = " \uffff"


def _frequency_ranks(key: str) -> list[int]:
    """``key``'s characters as ranks in ``_BY_FREQUENCY``, any other after them all."""
    return [
        rank if (rank := _BY_FREQUENCY.find(char)) >= 0 else len(_BY_FREQUENCY) + ord(char)
        for char in key
    ]


class _Key:
    """What the automaton holds for one key: its length, the patterns it is a word of as
    it stands, those it is a word of in the caseless form (found there as it stands but
    in a text the caseless pass reads), and those (form, word) it stands for in another
    form of the text."""

    def __init__(
        self,
        length: int,
        plain: tuple[int, ...],
        caseless: tuple[int, ...],
        checked: tuple[tuple[int, str, int], ...],
    ) -> None:
        self.length, self.plain, self.caseless, self.checked = length, plain, caseless, checked
