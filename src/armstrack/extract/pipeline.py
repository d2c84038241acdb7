"""The extraction pipeline: an ordered list of pure steps from text to transfers.

    fold + match catalogue terms (one Aho-Corasick pass over the whole article)
    -> sentences that name a weapon or point back at a transfer
    -> per sentence: mentions, frames, claims, hedges, times, routes
    -> assemble transfers for the article

No step reads files, the clock or global state: the publication date and the
catalogue are arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final

from armstrack.catalogue import Catalogue, TermKind, default_catalogue, load_catalogue
from armstrack.catalogue.normalise import caseless, fold
from armstrack.extract import claims, dates, mentions, routes, weapon_readings
from armstrack.extract.bisection import bisect_left
from armstrack.extract.claims import (
    find_claim_cues,
    find_hedges,
    has_spoken_stance,
    note_speakers,
    spoken_stance_positions,
    title_positions,
)
from armstrack.extract.dates import ArticleTimes, date_prefix
from armstrack.extract.drafts import SentenceFacts
from armstrack.extract.frames import deal_sides, find_frames, is_anaphoric_sentence, overlong_list
from armstrack.extract.matching import (
    BODY,
    GROUP,
    GROUP_DEMONYM,
    SYSTEM,
    Match,
    Matcher,
    is_actor_kind,
    is_state_kind,
    names_weapon,
)
from armstrack.extract.mentions import build_view
from armstrack.extract.prefilter import FoundWords, Prefiltered, WordFinder, matches_at
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.extract.routes import find_routes
from armstrack.extract.sentences import MAX_SENTENCE, split_bounded
from armstrack.extract.spans import new_span
from armstrack.extract.speakers import SpeakerMemory
from armstrack.extract.topic_holders import (
    MAX_LISTED,
    TOPIC_LIST_WORDS,
    joined_frames,
    topic_holder_frames,
)
from armstrack.extract.transfers import assemble
from armstrack.extract.view import ArticleContext, EarlierSystem
from armstrack.records import ActorRef, Article, Extraction, Span

# Sentences without a weapon that still matter: "the shipments began in January",
# "Tehran declined to comment on the reports". These article-wide patterns are found
# through the words each match opens with (``FoundWords.matches``).
# Every word ``_TOPICAL_NOUN`` matches, its pattern made of them: ``_topical_nouns`` reads
# them without it.
_TOPICAL_FORMS: Final = frozenset(
    (
        "transfer transfers shipment shipments deliveries delivery deal consignment "
        "consignments supplies package packages sale sales contract contracts agreement "
        "purchase purchases order plan report reports claim claims accusation accusations "
        "allegation allegations account charge charges findings assertion assertions story"
    ).split()
    # Vague nouns that point back at a named system ("the jets"; see
    # weapon_readings.pointing_heads).
    + list(weapon_readings.POINTING_HEADS)
)
_TOPICAL_NOUN: Final = Prefiltered.on_words(
    re.compile(rf"\b(?:{'|'.join(sorted(_TOPICAL_FORMS))})\b"),
    (
        "transfer shipment deliver deal consignment supplies package sale contract agreement "
        "purchase order plan report claim accusation allegation account charge findings assertion "
        "story"
    ).split()
    + list(weapon_readings.POINTING_HEADS),
    folded=True,
    opens=True,
)
# "three aircraft", "two new vessels": platform nouns that are weapons when counted in a
# military sentence (see weapon_readings.PLATFORM_NOUNS).
_PLATFORM_HINT: Final = re.compile("|".join(weapon_readings.PLATFORM_NOUNS))
# The nouns alone, found with the article's other words (see ``_platform_counts``).
_PLATFORM_WORDS: Final = Prefiltered.on_words(
    _PLATFORM_HINT, weapon_readings.PLATFORM_NOUNS, folded=True
)
_COUNTED_PLATFORM: Final = Prefiltered.on_words(
    re.compile(
        rf"\b(?:\d+|{'|'.join(w for w in NUMBER_WORDS if ' ' not in w)})\s+(?:[a-z]+\s+)?"
        rf"(?:{_PLATFORM_HINT.pattern})\b"
    ),
    # What a match opens with: the regex engine would try the pattern at every position.
    (*"0123456789", *(w for w in NUMBER_WORDS if " " not in w)),
    folded=True,
    opens=True,
)
# A determiner at most one word before the noun: "the reported shipments" (read by
# ``determiner_before``).
DETERMINERS: Final = ("the", "these", "those", "such", "any", "that", "this")
_DETERMINER_REACH: Final = 30  # characters before the noun
_ROUTE_WORDS: Final = Prefiltered.on_words(
    re.compile(r"\b(?:by (?:air|sea|rail|road|ship|train|truck|plane)|via|overland)\b"),
    ("by ", "via", "overland"),
    folded=True,
    opens=True,
)
# A news organisation credited in a sentence that names no weapon: "It was first reported by
# the Daily Planet", "the Courier reported, citing documents". Read only close behind a
# sentence about weapons; assembly decides whether it reports that transfer.
_REPORT_HINT: Final = Prefiltered.on_words(
    re.compile(r"\b(?:reported|reports|reporting|according to|citing|cited)\b"),
    ("report", "according to", "cit"),
    folded=True,
    opens=True,
)
_REPORT_REACH: Final = 3  # sentences after one that names a weapon
# "Ukraine received its first F-16s. Denmark and Norway supplied them": a giving verb whose
# object points back at the goods of the sentence just before.
_GOODS_PRONOUN: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:supplied|delivered|sent|shipped|provided|donated|gave|sold|transferred|"
        r"handed|gifted|built|made|manufactured|received|accepted|"
        # "Pakistan wants to buy it": a buyer's verb points back at the goods too
        r"buy|purchase|acquire|procure)\s+"
        # "Athens received the first six in January"
        r"(?:them|it|the\s+(?:first|last|remaining|final|second|rest)|its\s+first)\b"
    ),
    "supplied delivered sent shipped provided donated gave sold transferred handed gifted "
    "built made manufactured received accepted buy purchase acquire procure".split(),
    folded=True,
    opens=True,
)
_GOODS_REACH: Final = 2  # sentences after one that names a weapon
# "Other operators include A and B", "It is also flown by A and B": a sentence that names
# no weapon but lists the holders of the system the article named before (see
# ``topic_holders.topic_holder_frames``, which reads only sentences holding these words).
_HOLDER_HINT: Final = Prefiltered.on_words(
    re.compile(rf"\b(?:{'|'.join(TOPIC_LIST_WORDS)})\b"),
    TOPIC_LIST_WORDS,
    folded=True,
    opens=True,
)


@dataclass(frozen=True)
class Settings:
    """Extraction settings, built once and passed down."""

    max_chars: int = 2_000_000  # longer "articles" are dumps, not news; rejected at ingest
    catalogue_files: tuple[str, ...] = ()


class Extractor:
    """Holds the catalogue and its matcher; ``run`` is pure given those."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or default_catalogue()
        self.matcher = Matcher.from_catalogue(self.catalogue)

    @classmethod
    def from_settings(cls, settings: Settings) -> Extractor:
        if not settings.catalogue_files:
            return default_extractor()
        return cls(load_catalogue(settings.catalogue_files))

    def run(self, article: Article) -> Extraction:
        text = article.text
        published = article.published or date_prefix(text)
        matches = self.matcher.find(text)
        if not names_weapon(matches) and not _counts_platforms(text):
            return Extraction(article)  # most news: nothing past the one catalogue pass
        sentences, cut = split_bounded(text)
        facts = self._sentences(text, fold(text), matches, published, sentences)
        limits = []
        if cut:
            limits.append(
                f"{_count(cut, 'sentence')} over {MAX_SENTENCE} characters analysed in pieces"
            )
        long_lists = sum(overlong_list(f.view) for f in facts)
        if long_lists:
            limits.append(
                f"{_count(long_lists, 'sentence')} listing over {MAX_LISTED} actors in a row; "
                f"only the first {MAX_LISTED} of each list are parties"
            )
        return Extraction(
            article, assemble(facts, self.catalogue, text), tuple(limits), names_weapon=True
        )

    def _sentences(
        self,
        text: str,
        folded: str,
        matches: list[Match],
        published: date | None,
        sentences: list[tuple[int, int]],
    ) -> list[SentenceFacts]:
        facts: list[SentenceFacts] = []
        last_subject: ActorRef | None = None
        speakers = SpeakerMemory()  # who spoke in earlier sentences: "she added"
        cursor = 0
        context = _context(matches, self.catalogue, folded)
        lowered = caseless(text)
        found = _WORDS.find(text, lowered, folded)
        topical = _topical_positions(folded, found)
        supports = _support_positions(folded, found.positions[_SUPPORT_HINT])
        deals = sorted(_new_deal_positions(folded, found.positions[_SUPPORT_HINT]) + supports)
        stances = spoken_stance_positions(folded, found)
        titles = title_positions(folded, found)
        reports = [m.start() for m in found.matches(_REPORT_HINT, folded)]
        pointers = [m.start() for m in found.matches(_GOODS_PRONOUN, folded)]
        holders = found.positions[_HOLDER_HINT] if context.systems else []
        times = ArticleTimes(text, published, lowered, found)
        last_weapon = -_REPORT_REACH - 1
        for index, (start, end) in enumerate(sentences):
            inside, cursor = _matches_in(matches, cursor, start, end)
            has_weapon = names_weapon(inside)
            is_topical = _holds(topical, start, end)
            stance_only = (
                not has_weapon
                and not is_topical
                and _holds(stances, start, end)
                and has_spoken_stance(folded, start, end, found)
            )
            opens_deal = _holds(deals, start, end) or (
                0 < index - last_weapon <= _GOODS_REACH and _holds(pointers, start, end)
            )
            if has_weapon:
                last_weapon = index
            if not has_weapon and not is_topical and not stance_only and not opens_deal:
                # "Armenia relies on Moscow. It took delivery of ...": who "it" is.
                last_subject = _opening_actor(text, start, inside, self.catalogue) or last_subject
                if _holds(holders, start, end) and any(
                    is_state_kind(m.kind) for m in inside
                ):  # a list of holders names a state
                    listed = self._holder_list(
                        index, (start, end), text, inside, context, (lowered, found)
                    )
                    if listed is not None:
                        facts.append(listed)
                        continue
                if index - last_weapon <= _REPORT_REACH and (_holds(reports, start, end)):
                    report = self._report(
                        index,
                        (start, end),
                        text,
                        folded,
                        inside,
                        context,
                        speakers,
                        (lowered, found),
                    )
                    if report is not None:
                        facts.append(report)
                elif _holds(titles, start, end):
                    # "Defence Minister Jane Doe said ...": for a later "Doe said".
                    seen = build_view(
                        text, start, end, inside, self.catalogue, context, lowered=lowered,
                        found=found,
                    )  # fmt: skip
                    home = context.home_state(start)
                    note_speakers(seen, text, folded, self.catalogue, speakers, home, found)
                continue
            view = build_view(
                text, start, end, inside, self.catalogue, context, lowered=lowered, found=found
            )
            frames = find_frames(view, text, last_subject)
            fact = SentenceFacts(
                index=index,
                span=_span(text, start, end),
                view=view,
                frames=frames,
                cues=find_claim_cues(
                    view, text, folded, self.catalogue, speakers, context.home_state(start), found
                ),
                hedges=find_hedges(folded, start, end, found),
                article_times=times,
                routes=find_routes(text, start, end, lowered, found) if frames else [],
                anaphoric=is_topical or is_anaphoric_sentence(view),  # (the known first)
                stance_only=stance_only,
                home=context.home_state(end),
                deal=deal_sides(view) if not any(f.weapons for f in frames) else None,
            )
            facts.append(fact)
            for mention in view.actors:  # the first subject
                if mention.prep is None and not mention.speaker:
                    last_subject = mention.actor
                    break
        return facts

    def _holder_list(
        self,
        index: int,
        bounds: tuple[int, int],
        text: str,
        inside: list[Match],
        context: ArticleContext,
        caseless_words: tuple[str, FoundWords],
    ) -> SentenceFacts | None:
        """A sentence that names no weapon but lists the holders of the system named
        before it ("Other operators include A and B"), or None."""
        start, end = bounds
        lowered, found = caseless_words
        view = build_view(
            text, start, end, inside, self.catalogue, context, lowered=lowered, found=found
        )
        frames = topic_holder_frames(view, text)
        frames += joined_frames(view, text, frames)
        if not frames:
            return None
        span = _span(text, start, end)
        return SentenceFacts(
            index, span, view, frames, [], (), None, [], False, context.home_state(end)
        )

    def _report(
        self,
        index: int,
        bounds: tuple[int, int],
        text: str,
        folded: str,
        inside: list[Match],
        context: ArticleContext,
        speakers: SpeakerMemory,
        caseless_words: tuple[str, FoundWords],
    ) -> SentenceFacts | None:
        """A sentence that credits a news organisation and names no weapon, or None (its
        speakers are noted either way, as for a sentence naming someone by title)."""
        start, end = bounds
        lowered, found = caseless_words
        view = build_view(
            text, start, end, inside, self.catalogue, context, lowered=lowered, found=found
        )
        home = context.home_state(start)
        # Whoever speaks in quotes after the sentence is who spoke before it, not the outlet
        # credited for the report: "...," the minister said. It was first reported by ...
        last, person = speakers.last, speakers.person
        cues = find_claim_cues(view, text, folded, self.catalogue, speakers, home, found)
        speakers.last, speakers.person = last, person
        if any(c.speaker is not None and c.speaker.actor is not None for c in cues):
            return None  # "an official told the Courier": the state speaks (CLAIMS.md)
        cues = [c for c in cues if c.speaker is not None and c.speaker.outlet is not None]
        if not cues:
            return None
        hedges = find_hedges(folded, start, end, found)
        span = _span(text, start, end)
        return SentenceFacts(
            index, span, view, [], cues, hedges, None, [], False, home, report=True
        )


def _holds(positions: list[int], start: int, end: int) -> bool:
    """Whether the sorted ``positions`` hold one in ``[start, end)``: one bisection."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def _span(text: str, start: int, end: int) -> Span:
    return new_span(start, end, text[start:end])


def _matches_in(matches: list[Match], cursor: int, start: int, end: int) -> tuple[list[Match], int]:
    while cursor < len(matches) and matches[cursor].start < start:
        cursor += 1
    stop = cursor
    while stop < len(matches) and matches[stop].end <= end:
        stop += 1
    return matches[cursor:stop], stop


_OPENING: Final = re.compile(r"\s*(?:(?:the|but|and|meanwhile|now)\s+)?\Z", re.IGNORECASE)


def _opening_actor(
    text: str, start: int, matches: list[Match], catalogue: Catalogue
) -> ActorRef | None:
    """The state or group a sentence opens with ("Armenia relies on ...", "The Kremlin
    said ..."), read without analysing the sentence: what a later "it" points back at."""
    if not matches or not is_actor_kind(matches[0].kind):
        return None
    first = matches[0]
    if first.kind is TermKind.DEMONYM or not _OPENING.match(text, start, first.start):
        return None  # "Russian officials say", "In Moscow, ...": no subject
    if text[first.end : first.end + 1] == "-":
        return None  # "Iranian-made", "US-supplied"
    target = catalogue.body_state(first.target) if first.kind is TermKind.BODY else first.target
    return catalogue.actor(target)


# "signed a $3bn deal with", "a new aid package for": a transfer whose goods the next
# sentence lists ("The package includes ...").
# Read as ``\b(?:a|an|its|their)\s+...``: each opening word checks the word boundary
# behind its first letter, so that the pattern opens with a letter and the regex engine
# skips every position that holds none of "a", "i", "t" (a third of the time of a leading
# ``\b``, which it tries at every position of the article; a test checks the two agree).
_NEW_DEAL: Final = re.compile(
    r"(?:a(?<!\wa)n?|its(?<!\wits)|their(?<!\wtheir))\s+"
    r"(?:[\w$.,-]+\s+){0,3}?(?:deal|contract|package|tranche)\b"
)


_DEAL_NOUNS: Final = ("deal", "contract", "package", "tranche")


# Chunks of text between white space a match spans: the opening word's, up to three
# between, and the noun's.
_DEAL_CHUNKS: Final = 5


def _new_deal_positions(folded: str, starts: list[int] | None = None) -> list[int]:
    """Where ``_NEW_DEAL`` matches, scanned only near its nouns (most of an article is
    far from any): what a scan of the whole text finds (a property test checks it).
    ``starts`` are where the words of ``_SUPPORT_HINT``, the nouns among them, start
    (found with the article's other words), or None to find them here."""
    if starts is None:
        starts = _SUPPORT_FINDER.find(folded, folded, folded).positions[_SUPPORT_HINT]
    found: list[int] = []
    for start, end in _deal_windows(folded, starts):
        # One character past the noun, so that its closing ``\b`` reads what follows it.
        found.extend(m.start() for m in _NEW_DEAL.finditer(folded, start, end + 1))
    return found


def _deal_windows(folded: str, starts: list[int]) -> list[tuple[int, int]]:
    """Spans, in order and apart, that hold every match of ``_NEW_DEAL``.

    A match is ``opener\\s+(?:token\\s+){0,3}?noun\\b``: its tokens are whole chunks of
    the text between white space, the noun opens a chunk and the opener ends one. So a
    match ends with a noun that opens a chunk and starts at the latest in the chunk
    ``_DEAL_CHUNKS - 1`` before the noun's; the span from there to the noun's end holds
    it. Overlapping spans are merged, so that no match is cut, and a finditer of each
    span finds what one of the whole text does (the engine's look behind at a span's
    start reads the text before it, as it would there). ``starts``, sorted, hold where
    each noun starts (among other words).
    """
    windows: list[tuple[int, int]] = []
    for at in starts:
        if at == 0 or not folded[at - 1].isspace():
            continue  # a noun after white space only
        end = at + _deal_noun_length(folded, at)
        if end == at:
            continue
        start = at
        for _ in range(_DEAL_CHUNKS - 1):
            while start > 0 and folded[start - 1].isspace():
                start -= 1
            while start > 0 and not folded[start - 1].isspace():
                start -= 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _deal_noun_length(folded: str, at: int) -> int:
    """The length of the noun of ``_DEAL_NOUNS`` that starts at ``at`` (0 if none does: no
    noun starts another)."""
    for noun in _DEAL_NOUNS:
        if folded[at : at + len(noun)] == noun:
            return len(noun)
    return 0


# More openings of a deal or of support whose goods the next sentence names: "an
# agreement with", "unveiled its latest military support for", "pledged further aid to",
# "agreed to give Manila more military help", "Iran is arming Russia", "Lithuania's latest
# shipment to Ukraine left Vilnius. It included ...".
#
#     \b(?:a|an|its|their)\s+(?:[\w$.,-]+\s+){0,3}?agreement\b
#     |\b(?:military|defen[cs]e|security|further|additional|new|latest)\s+
#         (?:military\s+)?(?:aid|support|assistance)\s+(?:for|to)\b
#     |\b(?:military|defen[cs]e|security)\s+(?:help|aid|assistance)\b|\barming\b
#     |['’]s\s+(?:[\w$.,-]+\s+){0,2}?(?:deal|contract|package|tranche|shipment|consignment)\b
#
# written out as one alternative per opening word, in that order, each opening with its
# first character and checking the word boundary behind it (``a(?<!\wa)``, as
# ``_NEW_DEAL``): the regex engine then skips every position that holds none of those
# characters, where it tried each alternative at every position of the window (a test
# checks the two forms agree).
_SUPPORT_PARTS: Final = (
    (("a", "an", "its", "their"), r"\s+(?:[\w$.,-]+\s+){0,3}?agreement\b"),
    (
        ("military", "defen[cs]e", "security", "further", "additional", "new", "latest"),
        r"\s+(?:military\s+)?(?:aid|support|assistance)\s+(?:for|to)\b",
    ),
    (("military", "defen[cs]e", "security"), r"\s+(?:help|aid|assistance)\b"),
    (("arming",), r"\b"),
)
_SUPPORT_POSSESSIVE: Final = (
    r"s\s+(?:[\w$.,-]+\s+){0,2}?(?:deal|contract|package|tranche|shipment|consignment)\b"
)
_SUPPORT_OPENING: Final = re.compile(
    "|".join(
        [f"{w[0]}(?<!\\w{w[0]}){w[1:]}{rest}" for words, rest in _SUPPORT_PARTS for w in words]
        + [f"{quote}{_SUPPORT_POSSESSIVE}" for quote in "'’"]
    )
)
_SUPPORT_WORDS: Final = (
    "agreement",
    "aid",
    "support",
    "assistance",
    "help",
    "arming",
    "shipment",
    "consignment",
    # "'s harpoon missile deal"
    "deal",
    "contract",
    "package",
    "tranche",
)


_SUPPORT_REACH: Final = 60  # characters an opening may start before its word
# Where ``_SUPPORT_OPENING`` can end, by the word it ends with (see ``_may_open_support``).
_SUPPORT_WORD_SET: Final = frozenset(_SUPPORT_WORDS)
_SUPPORT_POSSESSED: Final = frozenset(
    ("deal", "contract", "package", "tranche", "shipment", "consignment")
)
_SUPPORT_BEFORE_PREPOSITION: Final = frozenset(("aid", "support", "assistance"))
_SUPPORT_AFTER_MILITARY: Final = frozenset(("help", "aid", "assistance"))
# The support words found with the article's other words, for ``_support_positions``.
_SUPPORT_HINT: Final = Prefiltered.on_words(_SUPPORT_OPENING, _SUPPORT_WORDS, folded=True)
_SUPPORT_FINDER: Final = WordFinder((_SUPPORT_HINT,))
_PLATFORM_FINDER: Final = WordFinder((_PLATFORM_WORDS,))

# The words that let a sentence's patterns be skipped, found for the whole article at once
# (with the nouns ``_platform_counts`` and ``_support_positions`` read around).
_WORDS: Final = WordFinder(
    (
        *dates.PATTERNS, *routes.PATTERNS, *mentions.PATTERNS, *claims.PATTERNS,
        _TOPICAL_NOUN, _ROUTE_WORDS, _REPORT_HINT, _GOODS_PRONOUN,
        _HOLDER_HINT, _PLATFORM_WORDS, _SUPPORT_HINT,
    )
)  # fmt: skip


def _support_positions(folded: str, starts: list[int] | None = None) -> list[int]:
    """Where ``_SUPPORT_OPENING`` matches, read only around its words ("aid" stands in
    "said": a scan of the whole pattern from every position would cost a twentieth of the
    extraction). ``starts`` are where the words start in ``folded`` (found with the
    article's other words), or None to find them here."""
    if starts is None:
        starts = _SUPPORT_FINDER.find(folded, folded, folded).positions[_SUPPORT_HINT]
    found: set[int] = set()
    for at in starts:
        if at > 0 and _word_char(folded[at - 1]):
            continue  # every match holds its word whole: not the "aid" of "said"
        end = at
        while end < len(folded) and _word_char(folded[end]):
            end += 1
        word = folded[at:end]
        if word not in _SUPPORT_WORD_SET:
            continue  # "aides", "deals": no word of the pattern whole
        lo, hi = max(0, at - _SUPPORT_REACH), end + 4
        if not _may_open_support(folded, word, (lo, at, end, hi)):
            continue
        match = _SUPPORT_OPENING.search(folded, lo, hi)
        while match is not None and match.start() < end:
            if match.end() >= end:
                found.add(match.start())
            match = _SUPPORT_OPENING.search(folded, max(match.end(), match.start() + 1), hi)
    return sorted(found)


def _may_open_support(folded: str, word: str, bounds: tuple[int, int, int, int]) -> bool:
    """Whether a match of ``_SUPPORT_OPENING`` searched in ``folded[lo:hi]`` can start before
    the ``word`` at ``[at, end)`` and end at or past it: a cheap test of what such a match
    needs, so that most of the words are never searched around (tests check it).

    Such a match holds the word's last character. Its last word is then the word itself
    (alternatives that end with "agreement", "help", "arming", "deal"; each opens a word
    and ends one) or, four characters at most past it, the "for" or "to" after "aid",
    "support" or "assistance". So a "deal" needs a "'s" before it, a "help" a "military",
    "defence" or "security", and a "support" a "for" or "to" after it."""
    lo, at, end, hi = bounds
    if word == "agreement" or word == "arming":
        return True
    if word in _SUPPORT_POSSESSED:
        return folded.find("'s", lo, at) >= 0 or folded.find("\u2019s", lo, at) >= 0
    if word in _SUPPORT_BEFORE_PREPOSITION and (
        folded.find("for", end, hi) >= 0 or folded.find("to", end, hi) >= 0
    ):
        return True
    return word in _SUPPORT_AFTER_MILITARY and (
        folded.find("military", lo, at) >= 0
        or folded.find("defen", lo, at) >= 0
        or folded.find("security", lo, at) >= 0
    )


def _topical_positions(folded: str, words: FoundWords) -> list[int]:
    """Where a sentence without weapons still matters: "the shipments", "via the Caspian".

    The nouns are found first and the determiner checked behind them: one pass of a
    plain alternation is several times faster than one pattern with an optional word.
    """
    nouns = _topical_nouns(folded, words.positions[_TOPICAL_NOUN])
    found = [at for at in nouns if determiner_before(folded, at)]
    found.extend(m.start() for m in words.matches(_ROUTE_WORDS, folded))
    found.extend(_platform_counts(folded, words.positions[_PLATFORM_WORDS]))
    return sorted(found)


def _topical_nouns(folded: str, starts: list[int]) -> list[int]:
    """Where ``_TOPICAL_NOUN`` matches (what ``FoundWords.matches`` finds), read by hand
    from where its words start (``starts``): a match is one of its forms, a word whole,
    so it is one where the word that opens there is one of them (a test checks the two
    agree). The pattern tried there would cost a call by name and a match object."""
    found: list[int] = []
    for at in starts:
        if (found and found[-1] == at) or (at > 0 and _word_char(folded[at - 1])):
            continue  # found already ("sale" and "sales"), or inside a word
        end = at
        while end < len(folded) and _word_char(folded[end]):
            end += 1
        if folded[at:end] in _TOPICAL_FORMS:
            found.append(at)
    return found


def _platform_counts(folded: str, nouns: list[int] | None = None) -> list[int]:
    """Where ``_COUNTED_PLATFORM`` matches: what a ``FoundWords.matches`` of it finds,
    tried only where one of its words opens a word in the two chunks of text (between
    white space) before each platform noun. A match is a count, white space, perhaps a
    word and white space, then the noun, so it opens there, after a word boundary; the
    counts elsewhere (years, "one of", most of an article's digits) are never tried, nor
    looked for with the article's other words (a property test checks the two agree).
    ``nouns`` are where the nouns start (found with the article's other words), or None
    to find them here."""
    if nouns is None:
        nouns = _PLATFORM_FINDER.find(folded, folded, folded).positions[_PLATFORM_WORDS]
    tried: list[int] = []
    for at in nouns:
        for start in range(_chunks_before(folded, at, 2), at):
            if (
                (start == 0 or not _word_char(folded[start - 1]))
                and folded[start] in _COUNT_OPENINGS  # (before the call by name)
                and folded.startswith(_COUNTED_PLATFORM.words, start)
            ):
                tried.append(start)
    if not tried:
        return []
    tried = sorted(set(tried))
    return [m.start() for m in matches_at(_COUNTED_PLATFORM.pattern, folded, tried, len(folded))]


# The first characters of the words a count opens with.
_COUNT_OPENINGS: Final = frozenset(word[0] for word in _COUNTED_PLATFORM.words)


def _chunks_before(text: str, end: int, chunks: int) -> int:
    """Where the ``chunks``-th run of characters other than white space before ``end``
    starts (0 if there are fewer)."""
    start = end
    for _ in range(chunks):
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    return start


def determiner_before(folded: str, end: int) -> bool:
    """Whether the ``_DETERMINER_REACH`` characters before ``end`` end with a determiner, or
    a determiner and one word, then white space: "the shipments", "these reported
    shipments". What the pattern

        \\b(?:the|these|those|such|any|that|this)\\s+(?:\\w+\\s+)?\\Z

    searched in that window finds (tests check it), read backwards from ``end`` in a few
    string operations, where the regex engine would try each of the 30 positions."""
    # (read in place: no slice of the window, nor of its stripped forms)
    start = max(0, end - _DETERMINER_REACH)
    stop = _space_before(folded, start, end)
    if stop == end:
        return False  # no white space before the noun
    if _ends_with_determiner(folded, start, stop):
        return True
    word = stop
    while word > start and _word_char(folded[word - 1]):
        word -= 1
    if word in (stop, start) or not folded[word - 1].isspace():
        return False  # no word alone between white space
    return _ends_with_determiner(folded, start, _space_before(folded, start, word))


def _space_before(text: str, start: int, end: int) -> int:
    """Where the white space that ends at ``end`` starts, not before ``start``: the end of
    ``text[start:end].rstrip()``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _ends_with_determiner(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` ends with a determiner at the start of a word: the
    word that ends there is one, read back to its start (no longer than the longest), in
    place of a comparison for each determiner."""
    first = end
    while first > 0 and end - first <= _LONGEST_DETERMINER and _word_char(folded[first - 1]):
        first -= 1
    return first >= start and folded[first:end] in _DETERMINER_SET


_DETERMINER_SET: Final = frozenset(DETERMINERS)
_LONGEST_DETERMINER: Final = max(map(len, DETERMINERS))


def _word_char(char: str) -> bool:
    """What ``\\w`` matches: a letter or digit of any script, or "_"."""
    return char.isalnum() or char == "_"


def _counts_platforms(text: str) -> bool:
    """Whether a text that names no weapon counts platforms ("three aircraft"): one scan
    for the nouns first, so most news costs no more."""
    if not any(f" {noun}" in text for noun in weapon_readings.PLATFORM_NOUNS):
        return False  # plain substring tests: ten times cheaper than a caseless pattern
    return _COUNTED_PLATFORM.pattern.search(fold(text)) is not None


def _context(matches: list[Match], catalogue: Catalogue, folded: str) -> ArticleContext:
    """Every state and group the article names, with its position."""
    states: list[tuple[int, ActorRef]] = []
    groups: list[tuple[int, ActorRef]] = []
    systems: list[tuple[int, EarlierSystem]] = []
    refs: dict[str, ActorRef] = {}
    entries = catalogue.systems  # (an attribute of a class that is not compiled)
    for match in matches:
        if match.kind is SYSTEM and not _passed_over(folded, match.start):
            entry = entries[match.target]
            maker = _ref(catalogue, refs, entry.origin) if entry.origin else None
            systems.append((match.start, EarlierSystem(entry.name, entry.category, maker)))
        if is_state_kind(match.kind):
            state = catalogue.body_state(match.target) if match.kind is BODY else match.target
            states.append((match.start, _ref(catalogue, refs, state)))
        elif match.kind is GROUP or match.kind is GROUP_DEMONYM:
            groups.append((match.start, _ref(catalogue, refs, match.target)))
    return ArticleContext(tuple(states), tuple(groups), tuple(systems))


# "chose the F-35 over the Eurofighter", "instead of the Gripen": the system a buyer
# passed over is no topic that a later "the jet" or "its users" points back at (a "row
# over the S-400" is about it: "over" counts only after a verb of choosing).
_PASSED_OVER: Final = re.compile(
    r"(?:\b(?:chose|chosen|choosing|picked|selected|preferred|opted|deciding|decided)\b"
    r"(?:[^.;]|(?<=\b\w)\.)*\bover|\binstead of|\brather than)"  # "the U.S.-made jet over"
    r"\s+(?:the\s+|a\s+)?(?:[a-z][\w-]*\s+)?\Z"
)


_PASSED_REACH: Final = 90  # characters before a system name where the phrase may stand


def _passed_over(folded: str, start: int) -> bool:
    """Whether the system named at ``start`` is one a buyer passed over: "chose the X over
    the Y", "instead of the Z" (one maker's or origin word allowed before it)."""
    lo = max(0, start - _PASSED_REACH)
    # The words looked for in place; the window cut out only to search (its "\b" at the
    # start reads no character before it).
    if not (
        folded.find("over", lo, start) >= 0
        or folded.find("instead", lo, start) >= 0
        or folded.find("rather", lo, start) >= 0
    ):
        return False
    return bool(_PASSED_OVER.search(folded[lo:start]))


def _ref(catalogue: Catalogue, refs: dict[str, ActorRef], actor_id: str) -> ActorRef:
    """``catalogue.actor(actor_id)``, asked once an article for each actor (the same ref
    every time): the catalogue is not compiled, and a call into it costs some ten times a
    lookup here, for each of the many mentions of a state in an article."""
    ref = refs.get(actor_id)
    if ref is None:
        ref = refs[actor_id] = catalogue.actor(actor_id)
    return ref


@cache
def default_extractor() -> Extractor:
    return Extractor()


def extract_article(article: Article, extractor: Extractor | None = None) -> Extraction:
    """Extract the transfers of one article."""
    return (extractor or default_extractor()).run(article)


def extract(
    text: str,
    published: date | str | None = None,
    *,
    id: str = "article",
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    extractor: Extractor | None = None,
) -> Extraction:
    """Extract every reported transfer from one article's text.

    >>> result = extract("Iran has shipped drones to Russia.", "2024-02-21")
    >>> [(t.supplier.id, t.recipient.id, t.category.value) for t in result.transfers]
    [('IRN', 'RUS', 'uav')]
    """
    if isinstance(published, str):
        published = date.fromisoformat(published)
    article = Article(id=id, text=text, published=published, url=url, title=title, outlet=outlet)
    return extract_article(article, extractor)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
