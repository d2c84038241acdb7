"""Catalogue matching: one Aho-Corasick pass over the folded text.

Matching runs on ``fold(text)``, which has the same length as the text, so match
offsets are offsets into the original article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

import ahocorasick

from armstrack.catalogue import Catalogue, Term, TermKind
from armstrack.catalogue.loader import Head
from armstrack.catalogue.normalise import fold_words, spelling_variants
from armstrack.records import Category

# When one span names several entries, the first kind here wins.
_PRIORITY: Final = (
    TermKind.SYSTEM,
    TermKind.CLASS,
    TermKind.BODY,
    TermKind.GROUP,
    TermKind.STATE,
    TermKind.CAPITAL,
    TermKind.DEMONYM,
    TermKind.GROUP_DEMONYM,
    TermKind.OUTLET,
    TermKind.PLACE,
)
_RANK: Final = {kind: rank for rank, kind in enumerate(_PRIORITY)}
# Term kinds as module constants, for the extractor's loops over every match: compiled,
# a constant is a C static, while ``TermKind.SYSTEM`` is read off the enum class through
# ``EnumType.__getattr__`` on Python 3.11, some fifteen times the cost.
SYSTEM: Final = TermKind.SYSTEM
CLASS: Final = TermKind.CLASS
STATE: Final = TermKind.STATE
BODY: Final = TermKind.BODY
OUTLET: Final = TermKind.OUTLET
PLACE: Final = TermKind.PLACE
CAPITAL: Final = TermKind.CAPITAL
DEMONYM: Final = TermKind.DEMONYM
GROUP: Final = TermKind.GROUP
GROUP_DEMONYM: Final = TermKind.GROUP_DEMONYM
WEAPON_KINDS: Final = (SYSTEM, CLASS)
DEMONYM_KINDS: Final = (TermKind.DEMONYM, TermKind.GROUP_DEMONYM)
GROUP_KINDS: Final = (TermKind.GROUP, TermKind.GROUP_DEMONYM)


# Kind tests by identity, one comparison each: ``kind in WEAPON_KINDS`` compiles to an
# equality test of each member, which for a ``StrEnum`` is a string comparison by call.
def is_weapon_kind(kind: TermKind) -> bool:
    """A system's name or a class of weapons: what ``WEAPON_KINDS`` holds."""
    return kind is SYSTEM or kind is CLASS


def is_state_kind(kind: TermKind) -> bool:
    """A state's name, capital, body or demonym."""
    return kind is STATE or kind is CAPITAL or kind is BODY or kind is DEMONYM


def is_actor_kind(kind: TermKind) -> bool:
    """A state's name, capital, body or demonym, or a group's name."""
    return is_state_kind(kind) or kind is GROUP


def names_weapon(matches: list[Match]) -> bool:
    """Whether one of ``matches`` names a system or a class of weapons."""
    return any(is_weapon_kind(match.kind) for match in matches)


@dataclass(slots=True, unsafe_hash=True)
class Match:
    # Fields are never reassigned; the ``__init__`` is written out because mypyc compiles
    # it (a generated dataclass one runs as interpreted Python; see ``mentions.Mention``).
    start: int
    end: int
    kind: TermKind
    target: str

    def __init__(self, start: int, end: int, kind: TermKind, target: str) -> None:
        self.start, self.end, self.kind, self.target = start, end, kind, target


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: TermKind
    target: str
    acronym: bool  # "US", "IRGC": the text must be upper case too ("us" is a pronoun)
    proper: bool  # "Iran", "Kalibr": the text must not start lower case
    # A system's bare name (``Head``): it names the system only before a class word of
    # this category, and the text must capitalise its words as the catalogue does.
    needs: Category | None = None
    surface: str = ""
    # Whether each word of ``surface`` opens with a capital, read once for ``_same_capitals``.
    capitals: tuple[bool, ...] = ()


class Matcher:
    """Finds catalogue terms in text, tolerant of case, hyphens and spacing.

    Terms are stored padded with spaces and the text is folded so that every
    character that is not a letter or digit is a space: a hit of the automaton
    is then always a whole-word match, and no hit has to be thrown away.
    """

    def __init__(
        self,
        terms: list[Term],
        heads: list[Head] | None = None,
        class_categories: dict[str, Category] | None = None,
        after_names: dict[str, set[Category]] | None = None,
    ) -> None:
        entries: dict[str, list[_Entry]] = {}
        stems: dict[str, list[_Entry]] = {}
        for term in terms:
            surface = term.surface.strip()
            entry = _Entry(
                term.kind,
                term.target,
                acronym=_is_acronym(surface),
                proper=surface[:1].isupper(),
                # "Russian Helicopters" the firm, not "Russian helicopters" the goods: a
                # body's name keeps its capitals (``_pick``).
                surface=surface if term.kind is BODY and " " in surface else "",
                capitals=_capitals(surface) if term.kind is BODY and " " in surface else (),
            )
            for variant in _variants(term.kind, surface):
                bucket = entries.setdefault(f" {variant} ", [])
                if entry not in bucket:
                    bucket.append(entry)
                if term.kind is TermKind.SYSTEM and variant[-1:].isdigit():
                    stem = stems.setdefault(f" {variant}", [])
                    if entry not in stem:
                        stem.append(entry)
        for head in heads or ():
            entry = _Entry(
                TermKind.SYSTEM,
                head.system,
                acronym=_is_acronym(head.surface),
                proper=head.surface[:1].isupper(),
                needs=head.category,
                surface=head.surface,
                capitals=_capitals(head.surface),
            )
            # After the catalogue's own entries, which ``_pick`` tries first ("CAESAR").
            for variant in _variants(TermKind.SYSTEM, head.surface):
                entries.setdefault(f" {variant} ", []).append(entry)
        self._class_categories = class_categories or {}
        self._after_names = after_names or {}
        # Names ending in a digit are also keys without the closing space (stems): "F-16"
        # finds "F-16C/D Block 70", "Leopard 2" finds "Leopard 2A4" (see ``_variant_end``).
        # Both kinds share one automaton, so the text is scanned once.
        self._automaton = _automaton(entries, stems)
        self.size = len(entries)
        # "F-16C/D Block 70" is the F-16 Block 70 where the catalogue has a block of its own.
        self._blocks = {k: tuple(v) for k, v in entries.items() if " block " in k}

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> Matcher:
        classes = {
            term: weapon_class.category
            for weapon_class in catalogue.classes
            if not weapon_class.generic
            for term in weapon_class.terms
        }
        return cls(list(catalogue.terms()), catalogue.heads(), classes, catalogue.after_names())

    def find(self, text: str) -> list[Match]:
        """Longest non-overlapping whole-word matches, in text order.

        Invisible format characters (zero-width spaces and joiners, soft hyphens) are
        matched through, as if absent: "Sha\u200bhed" still names the Shahed.
        """
        if text.isascii() or not any(char in text for char in _INVISIBLE_CHARS):
            return self._find(text)  # a few substring searches, quicker than one regex scan
        kept = [i for i, char in enumerate(text) if char not in _INVISIBLE_CHARS]
        kept.append(len(text))
        visible = "".join(text[i] for i in kept[:-1])
        return [
            Match(kept[m.start], kept[m.end - 1] + 1, m.kind, m.target) for m in self._find(visible)
        ]

    def _find(self, text: str) -> list[Match]:
        padded = f" {fold_words(text)} "
        candidates: list[Match] = []
        stemmed: list[Match] = []
        heads: list[tuple[int, int, tuple[_Entry, ...]]] = []
        for found in self._automaton.iter(padded):
            # Typed, so that the compiled loop unpacks the hit by index rather than through
            # the iterator protocol, and does its arithmetic on native ints.
            hit: tuple[int, tuple[int, tuple[_Entry, ...], bool]] = found
            last, (length, bucket, stem) = hit
            if stem:
                match = _stem_match(padded, text, last, length, bucket, self._blocks)
                if match is not None:
                    stemmed.append(match)
                continue
            # The key's spaces stand one before and one after the term; in the
            # padded text, index i is index i - 1 of the text.
            start = last - length + 1
            end = last - 1
            entry = _pick(bucket, text, start, end)
            if entry is None:
                if bucket[-1].needs is not None:
                    heads.append((start, end, bucket))
                continue
            if entry.kind is CLASS and _in_title(text, start) and not _initials(text, start):
                continue  # "the Nuclear Arms Control Project" names no weapons
            candidates.append(Match(start, end, entry.kind, entry.target))
        named = self._named_heads(text, heads, candidates) if heads else []
        # Whole names before stems: on the same span ("F-16C" as a name and as "F-16" with
        # a suffix) the whole name wins, the stable order in ``_longest_first`` keeping it
        # first. The automaton reports the whole names nearly in that order (by where they
        # end), so they are sorted by insertion, and the few others put in their places.
        _sort_by_start(candidates)
        for match in stemmed:
            _insert_by_start(candidates, match)
        for match in named:
            _insert_by_start(candidates, match)
        return _longest_first(candidates)

    def _named_heads(
        self, text: str, heads: list[tuple[int, int, tuple[_Entry, ...]]], found: list[Match]
    ) -> list[Match]:
        """Bare names followed by a class word or an after-name of their system's category,
        as one system match over both: "Caesar self-propelled howitzers", "Bradley
        tank-killing armoured vehicles", "Typhoon jets" (a few modifiers may stand between)."""
        classes = {m.start: m for m in found if m.kind is CLASS}
        named = []
        for start, end, bucket in heads:
            follower = self._follower(text, end, classes)
            if follower is None:
                if text[start:end].lower().endswith("class"):
                    # "the Babur-class": the word "class" already says it is a ship class.
                    follower = end, {Category.SHIP}
                elif _counted_plural(text, start, end) and len(kinds := _kinds(bucket)) == 1:
                    # "14 Caesars", "two Mastiffs": a count and a plural make it hardware,
                    # where the name is of one kind ("Cougars" are vehicles or helicopters).
                    follower = end, kinds
                else:
                    continue
            stop, categories = follower
            entry = next(
                (e for e in bucket if e.needs in categories and _same_capitals(e, text[start:end])),
                None,
            )
            if entry is not None:
                # Over the class word too, as a listed "Caesar howitzers" would be; only the
                # name where another name stands between ("Caesar and Archer howitzers").
                if _JOINS.search(text, end, stop) is not None:
                    stop = end
                named.append(Match(start, stop, SYSTEM, entry.target))
        return named

    def _follower(
        self, text: str, end: int, classes: dict[int, Match]
    ) -> tuple[int, set[Category]] | None:
        """Where the class word or after-name that follows a bare name ending at ``end``
        ends, and the categories it names; across spaces and a few modifiers, or across
        another name joined by "and" ("Caesar and Archer howitzers"). None if none does."""
        if not text[end : end + 1].isspace():
            return None  # "Fateh-360": a designation goes on
        gap = _HEAD_GAP.match(text, end, min(len(text), end + 60))
        words = text[end : gap.end() if gap else end].split()
        offset = end
        previous = ""
        for count, word in enumerate([*words, ""][: _HEAD_GAP_WORDS + 1]):
            while offset < len(text) and text[offset].isspace():
                offset += 1
            weapon_class = classes.get(offset)
            if weapon_class is not None:
                category = self._class_categories.get(weapon_class.target)
                # Surface-to-air systems are also written as plain "missiles".
                categories = set(self._after_names.get(word, ())) | {category}
                return weapon_class.end, {c for c in categories if c is not None}
            if word in self._after_names:
                return offset + len(word), self._after_names[word]
            joined = previous in ("and", "or") and word[:1].isupper()
            if count == _HEAD_GAP_WORDS or not (joined or word in ("and", "or") or _modifies(word)):
                return None
            offset += len(word)
            previous = word
        return None


def _stem_match(
    padded: str,
    text: str,
    last: int,
    length: int,
    bucket: tuple[_Entry, ...],
    blocks: dict[str, tuple[_Entry, ...]],
) -> Match | None:
    """A name ending in a digit with its variant suffix ("F-16C/D"), or None; with a
    block ("F-16C/D Block 70") the catalogue's entry for that block if it has one."""
    start, end = last - length + 1, last
    stop = _variant_end(padded, text, last + 1)
    if stop is None:
        return None
    block = _BLOCK.search(padded, last + 1, stop + 2)
    if block is not None:
        bucket = blocks.get(f" {padded[start + 1 : last + 1]}{block.group()} ", bucket)
    entry = _pick(bucket, text, start, end)
    return None if entry is None else Match(start, stop, entry.kind, entry.target)


def _automaton(
    entries: dict[str, list[_Entry]], stems: dict[str, list[_Entry]]
) -> ahocorasick.Automaton:
    """Whole names (keys padded with spaces) and stems (no closing space): no key is
    both, as a stem ends in a digit and a whole name in a space."""
    automaton = ahocorasick.Automaton()
    for keys, stem in ((entries, False), (stems, True)):
        for key, bucket in keys.items():
            bucket.sort(key=lambda e: _RANK[e.kind])
            automaton.add_word(key, (len(key), tuple(bucket), stem))
    automaton.make_automaton()
    return automaton


# A variant suffix glued to a name that ends in a digit: "C", "A4", "SM2", "MKI"; then
# optionally "/D" and "Block 70". Matched on the padded folded text, where every mark is
# a space, so the original text is checked for the slash.
_SUFFIX: Final = re.compile(r"[a-z]{1,4}[0-9]{0,2}(?= )")
_SLASHED: Final = re.compile(r" [a-z]{1,2}(?= )")
_BLOCK: Final = re.compile(r" block (?:[0-9]{1,2}|[ivx]{1,4})(?= )")


def _variant_end(padded: str, text: str, position: int) -> int | None:
    """Where a name's variant suffix starting at padded ``position`` ends, as a text
    offset; None if no suffix is glued to the name ("F-16 jets", "F-1" in "F-16")."""
    suffix = _SUFFIX.match(padded, position)
    if suffix is None or padded[position : suffix.end()] == "s":
        return None  # a plural "s" is matched by the name itself
    end = suffix.end()
    if text[end - 1 : end] == "/":
        slashed = _SLASHED.match(padded, end)
        if slashed is not None:
            end = slashed.end()
    block = _BLOCK.match(padded, end)
    if block is not None:
        end = block.end()
    return end - 1  # padded offsets are one past text offsets


# Words that may stand between a bare name and its class word: "Caesar truck-mounted
# howitzers", "Mastiff 6x6 armoured vehicles", "Archer new howitzers"; any other word
# ("Joint exercises with fighter jets") breaks the bond.
_HEAD_MODIFIERS: Final = frozenset(
    "new used modern additional mobile wheeled tracked light heavy upgraded refurbished "
    "advanced armed medium long-range short-range".split()
)
_HEAD_GAP: Final = re.compile(r"[\s\w-]*")
_HEAD_GAP_WORDS: Final = 4
_JOINS: Final = re.compile(r"\b(?:and|or)\b")


def _kinds(bucket: tuple[_Entry, ...]) -> set[Category]:
    return {e.needs for e in bucket if e.needs is not None}


def _counted_plural(text: str, start: int, end: int) -> bool:
    """A plural bare name after a count: "14 Caesars", "two Mastiffs"."""
    if not text[start:end].endswith("s"):
        return False
    before = text[max(0, start - 20) : start].split()
    return bool(before) and (before[-1].isdigit() or before[-1].lower() in _COUNT_WORDS)


def _modifies(word: str) -> bool:
    """ "truck-mounted", "6x6", "155mm", "new"; not a bare number, which is more likely the
    rest of a designation ("Fateh 360") than a modifier."""
    if word.lower() in _HEAD_MODIFIERS:
        return True
    return ("-" in word.strip("-") or any(c.isdigit() for c in word)) and not word.isdigit()


def _same_capitals(entry: _Entry, surface: str) -> bool:
    """A bare name's words are capitalised as in the catalogue ("Long Range", not "Long
    range" at the start of a sentence); an acronym's text is in capitals."""
    if entry.acronym:
        return not _has_lower(surface)
    written = surface.split()
    if len(written) != len(entry.capitals):
        return surface[:1].isupper() == entry.surface[:1].isupper()
    # By index: compiled, a ``zip`` with ``strict`` is a generic call.
    capitals = entry.capitals
    return all(_opens_upper(word) == capitals[index] for index, word in enumerate(written))


def _capitals(surface: str) -> tuple[bool, ...]:
    """Whether each word of ``surface`` opens with a capital."""
    return tuple(word[:1].isupper() for word in surface.split())


def _opens_upper(word: str) -> bool:
    """``word[:1].isupper()``."""
    return bool(word) and _upper_at(word, 0)


def _upper_at(text: str, index: int) -> bool:
    """``text[index].isupper()``, an ASCII letter tested by its code (see ``_lower_at``)."""
    code = ord(text[index])
    if code < 128:
        return 65 <= code <= 90
    return text[index].isupper()


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_INVISIBLE_CHARS: Final = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _variants(kind: TermKind, surface: str) -> set[str]:
    """Spellings to match; a system's name also in the plural ("Typhoons", "Bradleys",
    "Leopards"; names ending in a digit get theirs from ``spelling_variants``)."""
    variants = spelling_variants(surface)
    if kind is TermKind.SYSTEM and surface[-1:].islower() and not surface.endswith("s"):
        variants |= {f"{v}s" for v in variants}
    return variants


def _in_title(text: str, start: int) -> bool:
    """A capitalised common noun inside a sentence is part of a proper name, unless a
    count leads it: "40 Infantry Fighting Vehicles" is press-release capitals."""
    if not _upper_at(text, start):
        return False
    before = text[max(0, start - 3) : start].rstrip(" \"“'‘(")
    if not before or before[-1] in ".!?:\n":
        return False
    return not _counted(text, start)


def _initials(text: str, start: int) -> bool:
    """ "sold UAVs to Poland", "APCs": a class word written in initials has its capitals
    anywhere, not as part of a title."""
    return text[start + 1 : start + 2].isupper()


_COUNT_WORDS: Final = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty hundred hundreds dozens more additional".split()
)


def _counted(text: str, start: int) -> bool:
    """Whether a number leads the capitalised words before ``start``: "12 Self-Propelled
    Howitzers", "four Weapon Locating Radars"."""
    words = text[max(0, start - 60) : start].split()
    for word in reversed(words[-4:]):
        last = word.lower().replace(",", "")
        if last.isdigit() or last.split("-")[-1] in _COUNT_WORDS:
            return True
        if not word[:1].isupper():
            return False
    return False


def _pick(bucket: tuple[_Entry, ...], text: str, start: int, end: int) -> _Entry | None:
    """The first entry of ``bucket`` that ``text[start:end]`` names as it is written. The
    name is read in place: most entries test its first letter alone."""
    for entry in bucket:
        if entry.needs is not None:
            continue  # a bare name: ``Matcher._named_heads`` decides
        if entry.acronym and _has_lower(text[start : _acronym_end(text, start, end)]):
            continue
        if entry.proper and start < end and _lower_at(text, start):
            continue
        if entry.surface and not _same_capitals(entry, text[start:end]):
            continue
        return entry
    return None


def _acronym_end(text: str, start: int, end: int) -> int:
    """Where the letters of an acronym's name end: "CV90s", "MiG-29s": a plural "s" after
    a digit leaves an acronym an acronym."""
    if end - start >= 2 and text[end - 1] == "s" and text[end - 2].isdigit():
        return end - 1
    return end


def _opens_lower(surface: str) -> bool:
    """``surface[:1].islower()``."""
    return bool(surface) and _lower_at(surface, 0)


def _lower_at(text: str, index: int) -> bool:
    """``text[index].islower()``: an ASCII letter tested by its code, not by a call of the
    method by name (which compiled code makes)."""
    code = ord(text[index])
    if code < 128:
        return 97 <= code <= 122
    return text[index].islower()


def _has_lower(surface: str) -> bool:
    # An ASCII name has a lower-case letter just when upper-casing changes it: one C call
    # instead of a generator step per character.
    if surface.isascii():
        return surface.upper() != surface
    return any(c.islower() for c in surface)


def _longest_first(candidates: list[Match]) -> list[Match]:
    """Leftmost-longest selection: at each place the longest term wins."""
    if not _in_order(candidates):
        _sort_by_start(candidates)
    chosen: list[Match] = []
    reach = -1
    for match in candidates:
        if match.start >= reach:
            chosen.append(match)
            reach = match.end
    return chosen


def _precedes(match: Match, other: Match) -> bool:
    """Whether ``match`` comes before ``other`` by start, the longest first."""
    return match.start < other.start or (match.start == other.start and match.end > other.end)


def _sort_by_start(matches: list[Match]) -> None:
    """Sorts ``matches`` by start, the longest first, keeping the order of those on the same
    span: what a stable sort on ``(start, start - end)`` does. By insertion, with no key
    called per match: the automaton's order (by end) is that one but where a match holds
    another, and those move only past the few matches inside a name."""
    for index in range(1, len(matches)):
        match = matches[index]
        place = index
        while place > 0 and _precedes(match, matches[place - 1]):
            matches[place] = matches[place - 1]
            place -= 1
        matches[place] = match


def _insert_by_start(matches: list[Match], match: Match) -> None:
    """Puts ``match`` into ``matches`` (in ``_sort_by_start``'s order) after every match it
    does not precede: after those on the same span, as a stable sort would."""
    lo, hi = 0, len(matches)
    while lo < hi:
        middle = (lo + hi) // 2
        if _precedes(match, matches[middle]):
            hi = middle
        else:
            lo = middle + 1
    matches.insert(lo, match)


def _in_order(matches: list[Match]) -> bool:
    """Whether ``matches`` are as the stable sort in ``_longest_first`` would leave them (by
    start, the longest first). The automaton reports matches by where they end, which is
    that order unless two overlap, and this check costs a fraction of the sort's keys."""
    for i in range(1, len(matches)):
        before, after = matches[i - 1], matches[i]
        if before.start > after.start or (before.start == after.start and before.end < after.end):
            return False
    return True
