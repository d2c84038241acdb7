"""One sentence seen as tokens, actor mentions and weapon mentions.

Catalogue matches become typed mentions here, with the local context the rules
need: the preposition before an actor, whether a demonym stands for its state
("Russian forces"), names a speaker ("an Iranian official") or gives a weapon's
origin ("Iranian-made drones"). ``build_view`` runs the readings of
``weapon_readings`` and ``actor_readings`` over the records of ``view``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import exact_lower
from armstrack.extract.actor_readings import (
    COUNTRY_ANAPHOR,
    GROUP_ANAPHOR,
    GROUP_MEMBER_NOUNS,
    INSTITUTION,
    PAIR,
    add_context_mentions,
    based_group,
    drop_locating_states,
    listed_forces,
    listed_origins,
    made_in_origins,
    resolve_demonyms,
    weapon_with,
    with_context,
)
from armstrack.extract.matching import (
    BODY,
    DEMONYM_KINDS,
    OUTLET,
    PLACE,
    STATE,
    Match,
    is_weapon_kind,
)
from armstrack.extract.prefilter import FoundWords
from armstrack.extract.quantities import PATTERNS as QUANTITY_PATTERNS
from armstrack.extract.quantities import count_word, quantity_before
from armstrack.extract.spans import new_span
from armstrack.extract.view import (
    ActorMention,
    ArticleContext,
    SentenceView,
    WeaponMention,
    actor_ref,
    body_state,
    holds_any,
    token_at_offset,
)
from armstrack.extract.weapon_readings import (
    FITTING,
    GUN_CUES,
    SHIP_CATEGORY,
    TOPIC_REACH,
    absorb_head_nouns,
    add_anti_weapons,
    ammunition_of,
    class_modifiers,
    counted_platforms,
    counted_rounds,
    countering,
    elided_counters,
    fed_launchers,
    first_person,
    hyphen_first,
    in_dateline,
    interceptors,
    names_a_class,
    new_weapon,
    origin_word,
    parts_of,
    point_back,
    pointing_heads,
    replaced,
    rounds_not_guns,
    share_of,
    ship_modifiers,
    surname,
    system_surname,
    without_fitted_arms,
)
from armstrack.records import Quantity, Span

_TOKEN: Final = re.compile(r"\w+|['’]s\b|[^\w\s]")
# For ``WordFinder``: the patterns of a sentence view, with the quantity's.
PATTERNS: Final = (PAIR, INSTITUTION, GROUP_ANAPHOR, COUNTRY_ANAPHOR, *QUANTITY_PATTERNS)


# The words of the readings' sets, as tuples for ``holds_any``.
_FITTING_WORDS: Final = tuple(FITTING)
_GUN_CUE_WORDS: Final = tuple(GUN_CUES)


# The mentions and the other records made for every sentence are dataclasses for
# ``replace``, equality and repr, but write out their ``__init__``: mypyc compiles a written
# one, while the generated one runs as interpreted Python, and was a seventh of the
# extraction time on real reporting. They are not frozen, for the same reason (a frozen
# ``__init__`` sets each field through ``object.__setattr__``); no code changes them.


def tokenize(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str]]:
    """Start and end offsets and lower-case forms of the tokens of ``text[start:end]``;
    typographic apostrophes read as ASCII ones ("Russia’s" has the token "'s")."""
    # The tokens of ``_TOKEN`` without a regex match per token: the sentence, lowered at
    # once, splits at spaces into chunks, and a chunk of letters and digits, most of them,
    # is one token and its own lower-case form (``isalnum`` is the test ``\w`` makes, bar
    # "_"; lowering a character keeps it, and white space); only the other chunks
    # ("Russia’s", "2024.", "(AP)", "\nKyiv") are read character by character.
    piece = text[start:end]
    lowered = piece.lower()
    if len(lowered) != len(piece) or "Σ" in piece:
        # "İ" lowers to two characters, "Σ" as its neighbours say: each token alone.
        return _tokenize_apart(piece, start)
    lowered = lowered.replace("’", "'")
    starts: list[int] = []
    ends: list[int] = []
    lows: list[str] = []
    at = 0
    for chunk in lowered.split(" "):
        size = len(chunk)
        if chunk.isalnum():
            starts.append(start + at)
            ends.append(start + at + size)
            lows.append(chunk)
        elif size and not _read_plain(chunk, piece, start, at, starts, ends, lows):
            _read_chunk(piece, lowered, start, at, at + size, starts, ends, lows)
        at += size + 1
    return starts, ends, lows


# Marks that are a token alone and their own lower case: ASCII ones but "_" (a word
# character) and "'" (which may open "'s"), and typographic double quotes.
_PLAIN_MARKS: Final = frozenset('!"#$%&()*+,-./:;<=>?@[\\]^`{|}~“”')


def _read_plain(
    chunk: str,
    piece: str,
    start: int,
    at: int,
    starts: list[int],
    ends: list[int],
    lows: list[str],
) -> bool:
    """The tokens of the chunk ``chunk`` (lowered) at ``piece[at:]``, as ``_read_chunk``
    reads them, when it is a word with a mark after it ("Kyiv,") or before it ("(AP"),
    two words joined by a hyphen ("F-16") or a word and "'s": most chunks but the plain
    words, read by slices and without a call a character. False, none read, otherwise."""
    size = len(chunk)
    if size < 2:
        return False
    begin = start + at
    if chunk[size - 1] in _PLAIN_MARKS:
        head = chunk[: size - 1]
        if not head.isalnum():
            return False
        _add_token(begin, begin + size - 1, head, starts, ends, lows)
        _add_token(begin + size - 1, begin + size, chunk[size - 1], starts, ends, lows)
        return True
    if chunk[0] in _PLAIN_MARKS:
        tail = chunk[1:]
        if not tail.isalnum():
            return False
        _add_token(begin, begin + 1, chunk[0], starts, ends, lows)
        _add_token(begin + 1, begin + size, tail, starts, ends, lows)
        return True
    if size > 2 and chunk[size - 2] == "'" and piece[at + size - 1] == "s":
        # "'s" as written ("IT'S" has a mark and a word "s"), after a word.
        head = chunk[: size - 2]
        if not head.isalnum():
            return False
        _add_token(begin, begin + size - 2, head, starts, ends, lows)
        _add_token(begin + size - 2, begin + size, chunk[size - 2 :], starts, ends, lows)
        return True
    dash = chunk.find("-")
    if dash <= 0:
        return False
    head, tail = chunk[:dash], chunk[dash + 1 :]
    if not head.isalnum() or not tail.isalnum():
        return False
    _add_token(begin, begin + dash, head, starts, ends, lows)
    _add_token(begin + dash, begin + dash + 1, "-", starts, ends, lows)
    _add_token(begin + dash + 1, begin + size, tail, starts, ends, lows)
    return True


def _add_token(
    first: int, last: int, low: str, starts: list[int], ends: list[int], lows: list[str]
) -> None:
    starts.append(first)
    ends.append(last)
    lows.append(low)


def _tokenize_apart(piece: str, start: int) -> tuple[list[int], list[int], list[str]]:
    """``tokenize`` of a sentence whose lower case is not that of its tokens apart."""
    starts: list[int] = []
    ends: list[int] = []
    lows: list[str] = []
    _read_chunk(piece, "", start, 0, len(piece), starts, ends, lows)
    if "’" in piece:
        lows = [low.replace("’", "'") for low in lows]
    return starts, ends, lows


def _read_chunk(
    piece: str,
    lowered: str,
    start: int,
    at: int,
    end: int,
    starts: list[int],
    ends: list[int],
    lows: list[str],
) -> None:
    """The tokens of ``piece[at:end]`` as ``_TOKEN`` finds them: a run of word characters,
    an apostrophe and "s" before no word character, or any other character alone (white
    space is none). Their lower case is a slice of ``lowered``, or made apart when that
    is ""; a mark beside one word keeps its case, as the form before kept it."""
    index = at
    while index < end:
        if _space_at(piece, index):
            index += 1
            continue
        following = index + 1
        mark = False
        if _word_at(piece, index):
            while following < end and _word_at(piece, following):
                following += 1
        elif (
            ord(piece[index]) in (0x27, 0x2019)  # ' and ’
            and following < end
            and ord(piece[following]) == 0x73  # s
            and (following + 1 == end or not _word_at(piece, following + 1))
        ):
            following += 1
        else:
            mark = True
        low = lowered[index:following] if lowered else exact_lower(piece[index:following])
        if mark and low != piece[index] and _beside_one_word(piece, index, at, end):
            low = piece[index]  # "Ⓐx": the form before took the mark as written
        starts.append(start + index)
        ends.append(start + following)
        lows.append(low)
        index = following


def _word_at(text: str, index: int) -> bool:
    """Whether ``text[index]`` is a word character (``\\w``): a letter, digit or "_"."""
    code = ord(text[index])
    if code < 0x80:
        return 0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A or 0x30 <= code <= 0x39 or code == 0x5F
    return text[index].isalnum()


def _space_at(text: str, index: int) -> bool:
    """Whether ``text[index]`` is white space (``\\s``, ``str.split``)."""
    code = ord(text[index])
    if code < 0x80:
        return code == 0x20 or 0x09 <= code <= 0x0D or 0x1C <= code <= 0x1F
    return text[index].isspace()


def _beside_one_word(piece: str, index: int, at: int, end: int) -> bool:
    """Whether the mark at ``index`` opens or closes a word of letters and digits alone,
    in its run of ``piece[at:end]`` without white space ("Kyiv,", "(AP"): the case where
    the form before kept the mark as written."""
    first = index
    while first > at and not _space_at(piece, first - 1):
        first -= 1
    last = index + 1
    while last < end and not _space_at(piece, last):
        last += 1
    if last - first < 2 or not _lone_mark(piece[index]):
        return False
    if index == last - 1 and piece[first:index].isalnum():
        return True
    return index == first and piece[index + 1 : last].isalnum()


def _lone_mark(char: str) -> bool:
    """A character ``_TOKEN`` makes a token of its own: neither a word character nor white
    space (chunks hold none) nor an apostrophe, which may open "’s"."""
    return not char.isalnum() and char not in "_'’"


# The context of a lone sentence (no article around it): one shared, never changed.
NO_CONTEXT: Final = ArticleContext()


def build_view(
    text: str,
    start: int,
    end: int,
    matches: Sequence[Match],
    catalogue: Catalogue,
    context: ArticleContext = NO_CONTEXT,
    *,
    lowered: str,
    found: FoundWords | None = None,
) -> SentenceView:
    """Tokens and typed mentions of the sentence ``text[start:end]``; ``lowered`` is
    ``caseless(text)``, made once per article, as is ``found``, the words of ``PATTERNS``
    in it."""
    # Unpacked first: a call with ``*args`` goes through the generic, interpreted-speed
    # call path in compiled code, not the direct one.
    starts, ends, lows = tokenize(text, start, end)
    view = SentenceView(start, end, starts, ends, lows)
    view.named_systems = context.recent_systems(start, TOPIC_REACH)
    view.earlier_systems = view.named_systems[-3:]  # ``context.recent_systems(start)``
    lows = view.lows
    demonyms: list[tuple[int, int, str, Span]] = []
    for match in matches:
        first = token_at_offset(view.starts, match.start)
        last = token_at_offset(view.ends, match.end)
        if first is None or last is None:
            continue
        for index in range(first, last + 1):  # a compiled loop: no range object
            view.taken.add(index)
        kind = match.kind
        # Outlets and places first: they need no span.
        if kind is OUTLET:
            view.outlets.append((first, match.target))
            continue
        if kind is PLACE:
            continue  # "South America" only keeps "America" from matching
        span = new_span(match.start, match.end, text[match.start : match.end])
        if is_weapon_kind(kind):
            weapon = new_weapon(first, last, span, match, catalogue)
            if weapon.system and weapon.category is not SHIP_CATEGORY and names_a_class(lows, last):
                continue  # "boats of the Zolfaghar class": a ship class, not the missile
            if weapon.system and system_surname(view, text, first, last):
                continue  # "Selcuk Bayraktar said": a person named like a weapon
            if weapon.generic and share_of(view, first):
                continue  # "80 percent of its weapons from Russia": a trade statistic
            if not weapon.system and view.low(last + 1) == "fire":
                continue  # "protection against small arms fire": the shooting, no goods
            if not weapon.system and view.low(first - 1) == "-" and view.low(first - 2) == "anti":
                # "anti-tank and anti-aircraft missiles": what the weapon is against.
                countered = countering(view, weapon)
                if countered is None:
                    continue
                weapon = countered
            if weapon.made_in:
                view.maker_actors[weapon.made_in] = actor_ref(catalogue, weapon.made_in)
            view.weapons.append(weapon)
            continue
        if kind in DEMONYM_KINDS:
            demonyms.append((first, last, match.target, span))
            continue
        actor_id = body_state(catalogue, match.target) if kind is BODY else match.target
        if origin_word(lows, last):
            # "US-made", "Iran-supplied": a state name used as a weapon's origin.
            demonyms.append((first, last, actor_id, span))
            continue
        # (A dateline opens the sentence: the text before a later name is not cut out.)
        if (
            first <= 3
            and in_dateline(lows, first, span.text, text[start : match.start])
            and not hyphen_first(text, match.end)
        ):
            continue
        if (
            kind is STATE
            and first > 0
            and lows[first - 1] in ("its", "their")
            and _weapon_starts(view, matches, last + 1)
        ):
            # "with its US F-16s": the state is where the weapons come from.
            demonyms.append((first, last, actor_id, span))
            continue
        if kind is STATE and surname(view, text, first):
            continue  # "Prime Minister Luis Montenegro": a person, not the state
        role = match.target if kind is BODY else None
        view.actors.append(
            ActorMention(first, last, actor_ref(catalogue, actor_id), span, role=role)
        )
    if "anti" in view.words:
        add_anti_weapons(view, text)
    add_context_mentions(view, text, lowered, context, found)
    drop_locating_states(view)
    _sort_actors(view.actors)
    resolve_demonyms(view, demonyms, catalogue)
    if len(demonyms) > 1:
        listed_origins(view, demonyms, catalogue)
        listed_forces(view, demonyms, catalogue)
    _sort_actors(view.actors)  # demonyms join in text order: "the Israeli army"
    elided = elided_counters(view, text)
    if elided:
        view.weapons = sorted(view.weapons + elided, key=lambda w: w.first)
    view.actors = made_in_origins(view, with_context(view, view.actors))
    first_person(view, text)
    if "based" in view.words and not view.words.isdisjoint(GROUP_MEMBER_NOUNS):
        based_group(view, text)
    weapons = view.weapons
    if weapons:  # most sentences name none, and each of these readings keeps [] as it is
        weapons = replaced(
            view,
            parts_of(
                view,
                interceptors(
                    absorb_head_nouns(
                        ammunition_of(
                            fed_launchers(view, class_modifiers(ship_modifiers(weapons))), text
                        ),
                        lows,
                    ),
                    lows,
                ),
            ),
        )
    heads = pointing_heads(view, text)
    platforms = counted_platforms(view, text)
    rounds = counted_rounds(view, text)
    if heads or platforms or rounds:  # most sentences add none: no lists are joined
        weapons = weapons + heads + platforms + rounds
    view.weapons = [
        _with_quantity(view, text, lowered, w, found) for w in point_back(view, weapons)
    ]
    if "with" in view.words and holds_any(view.words, _FITTING_WORDS):
        view.weapons = without_fitted_arms(view, view.weapons)
    if holds_any(view.words, _GUN_CUE_WORDS):
        view.weapons = rounds_not_guns(view, view.weapons)
    if "$" in text[view.start : view.end]:
        view.actors = [a for a in view.actors if not _currency_mark(text, a)]
    return view


def _weapon_starts(view: SentenceView, matches: Sequence[Match], index: int) -> bool:
    """Whether a catalogued weapon starts at token ``index``: "its US F-16s" reads the
    state as their origin."""
    return any(
        is_weapon_kind(m.kind) and token_at_offset(view.starts, m.start) == index for m in matches
    )


def _first_token(mention: ActorMention) -> int:
    return mention.first


def _sort_actors(actors: list[ActorMention]) -> None:
    """``actors.sort(key=...)``, called only when they are out of text order: most
    sentences name none, one or two in order, and a sort with a key is a generic call."""
    for index in range(1, len(actors)):
        if actors[index - 1].first > actors[index].first:
            actors.sort(key=_first_token)
            return


def _currency_mark(text: str, mention: ActorMention) -> bool:
    """ "a US$2.5 billion contract", "A$300 million": a state's letters glued to the
    dollar sign name its currency, not a party."""
    return text[mention.span.end : mention.span.end + 1] == "$"


def _with_quantity(
    view: SentenceView, text: str, lowered: str, weapon: WeaponMention, found: FoundWords | None
) -> WeaponMention:
    # The offsets read once: a ``Span``'s attributes are read by name (it is not compiled).
    begin = weapon.span.start
    quantity = quantity_before(
        text, begin, window=min(80, begin - view.start), lowered=lowered, found=found
    )
    if quantity is None and len(view.weapons) == 1:
        quantity = _units_after(view, text, lowered, weapon)
        return weapon if quantity is None else replace(weapon, quantity=quantity)
    if quantity is None or _inside_weapon(view.weapons, quantity.span.start):
        return weapon  # the "2" of "Challenger 2 tanks" counts nothing
    if _in_designation(text, view.start, quantity.span.start):
        # "two Agusta 109 helicopters": the 109 is an uncatalogued name; the count, if
        # any, stands before the name.
        earlier = quantity_before(
            text,
            quantity.span.start,
            window=min(80, quantity.span.start - view.start),
            lowered=lowered,
            found=found,
        )
        if earlier is None or _in_designation(text, view.start, earlier.span.start):
            return weapon
        quantity = earlier
    return weapon_with(
        weapon, weapon.origin, _with_more_to_follow(view, text, lowered, weapon, quantity)
    )


def _inside_weapon(weapons: list[WeaponMention], offset: int) -> bool:
    """Whether one of the ``weapons`` holds the character at ``offset``."""
    for weapon in weapons:
        span = weapon.span
        if span.start <= offset < span.end:
            return True
    return False


# "The deal for the K9 covers up to 48 units": a count of the one weapon of the sentence,
# named after it by "units" as what a deal covers ("the army has two units" is no count).
_UNITS_AFTER: Final = re.compile(
    r"\b(?:for|covers?|covering|includes?|including|comprises?|comprising|totals?|of)\s+"
    r"(?:(?P<approx>up to|some|about|around|nearly)\s+)?(?P<count>\d{1,4}|\w+)\s+units\b",
    re.IGNORECASE,
)


def _units_after(
    view: SentenceView, text: str, lowered: str, weapon: WeaponMention
) -> Quantity | None:
    """ "N units" later in a sentence that names one weapon only (else whose units?).
    ``lowered`` is ``caseless(text)``: a match holds "units" there, a plain substring
    test that spares most sentences the case-insensitive search."""
    if lowered.find("units", weapon.span.end, view.end) < 0:
        return None
    found = _UNITS_AFTER.search(text, weapon.span.end, view.end)
    if found is None:
        return None
    value = count_word(found.group("count").lower())
    if value is None or value == 0 or 1900 <= value <= 2100:
        return None
    words = Span(found.start(), found.end(), found.group(0))
    return Quantity(value, found.group("approx") is not None, words)


# "Four tanks will be sent now, with eight more to follow": the rest of the same lot.
_MORE_TO_FOLLOW: Final = re.compile(
    r",?\s+(?:with|and|plus)\s+(?:another\s+|a further\s+)?(?P<count>\w+)\s+more\s+"
    r"(?:to follow|to come|later)\b",
    re.IGNORECASE,
)


def _with_more_to_follow(
    view: SentenceView, text: str, lowered: str, weapon: WeaponMention, quantity: Quantity
) -> Quantity:
    """The count with the further ones the sentence says follow, when no other weapon
    stands between (then "more" could be of that one); a match holds "more" in
    ``lowered``, ``caseless(text)``."""
    if quantity.value is None or lowered.find("more", weapon.span.end, view.end) < 0:
        return quantity
    more = _MORE_TO_FOLLOW.search(text, weapon.span.end, view.end)
    if more is None:
        return quantity
    edge = weapon.span.end
    for other in sorted(view.weapons, key=lambda w: w.span.start):
        if not edge <= other.span.start < more.start():
            continue
        if other.span.start - edge > 1:
            return quantity  # another weapon: the further ones may be of it
        edge = other.span.end  # the head noun of the same mention: "Leopard 2 tanks"
    extra = count_word(more.group("count").lower())
    if extra is None:
        return quantity
    return replace(quantity, value=quantity.value + extra)


_DESIGNATION: Final = re.compile(r"\b([A-Z][\w-]*)[ -]\Z")
_NOT_NAMES: Final = frozenset(
    "the these those its their all some about around another only and with".split()
)


def _in_designation(text: str, floor: int, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised name: "Agusta 109"."""
    if not text[start : start + 1].isdigit():
        return False
    name = _DESIGNATION.search(text, max(floor, start - 30), start)
    if name is None or name.group(1).lower() in _NOT_NAMES:
        return False
    before = text[max(floor, name.start() - 2) : name.start()].strip()
    return name.start() > floor and before not in (".", "")  # not a sentence opening
