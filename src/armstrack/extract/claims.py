"""Who says what about a transfer: speakers, stances and hedges in one sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from armstrack.catalogue import Catalogue
from armstrack.extract.lexicon import DETERMINERS, PERSON_NOUNS
from armstrack.extract.mentions import SentenceView
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.records import Span, Speaker, Stance

# Stance cues, strongest first: a sentence that denies and says something else denies.
STANCE_CUES: tuple[tuple[Stance, re.Pattern[str]], ...] = (
    (
        # Before the denial cue, so "neither confirmed nor denied" is no denial.
        Stance.DECLINES,
        re.compile(r"\bneither\s+(?:confirmed|confirm|confirms)\s+nor\s+den(?:ied|y|ies)\b"),
    ),
    (
        Stance.DENIES,
        re.compile(
            r"\b(?:den(?:y|ies|ied|ying|ial|ials)|rejected|rejects|rejecting|dismissed|"
            r"dismisses|dismissing|refuted|refutes|disputed|disputes|baseless|groundless|"
            r"unfounded|fabrications?|fabricated|smear)\b",
        ),
    ),
    (
        Stance.DECLINES,
        re.compile(
            r"\b(?:declined|declines|refused|refuses|would not|did not|has not|have not|had not|"
            r"was not|were not)\s+(?:immediately\s+|publicly\s+|directly\s+)?"
            r"(?:to\s+)?(?:comment|respond|reply|provide further details|answer|be reached)\w*"
            r"|\bno immediate comment\b|\bunable to comment\b|\bnot immediately available\b"
            r"|\bdid not return\b|\bcould not be reached\b",
        ),
    ),
    (
        Stance.UNCONFIRMED,
        re.compile(
            r"\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:observed|confirmed|verified|seen)|yet to\s+"
            r"(?:publicly\s+|officially\s+)?confirm|could not\s+(?:be\s+)?(?:independently\s+)?"
            r"(?:verify|verified|confirm|confirmed)|unverified|unconfirmed|no evidence|"
            r"not independently verified|cannot be verified)\b",
        ),
    ),
    (
        Stance.CONFIRMS,
        re.compile(
            # Not after "say", "the", "any": there "confirmed" qualifies a noun
            # ("diplomats say confirmed shipments would ...", "no confirmed deliveries").
            r"(?<!if )(?<!yet to )(?<!\bsay )(?<!\bsays )(?<!\bsaid )(?<!\bthe )(?<!\bany )"
            r"(?<!\bno )\b(?:confirm(?:ed|s|ing)?|acknowledg(?:ed|es|ing)|admitted|"
            r"admits|verified)\b",
        ),
    ),
    (
        Stance.ASSERTS,
        re.compile(
            r"\b(?:said|says|told|tells|reported|according to|cited|citing|claimed|stated|"
            r"announced|announces|insisted|insists|added|wrote|revealed|alleged|alleges|"
            r"accused|accuses|warned|warns|indicated)\b",
        ),
    ),
)
# Denial words that judge a claim rather than report a speech act.
EVALUATIVE = frozenset(
    "baseless groundless unfounded fabrication fabrications fabricated smear".split()
)
HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|if confirmed|is believed to|"
    r"are believed to|was believed to|were believed to|is said to|are said to|appears? to|"
    r"appeared to|suspected|likely|unconfirmed|unverified|may have|might have|could have|"
    r"is thought to|are thought to|rumou?red|claimed)\b"
)
_AUXILIARIES = frozenset(
    "has have had also is was were are been would will did does do not repeatedly "
    "strongly firmly previously already again categorically flatly publicly later earlier "
    "it immediately officially".split()
)
_NP_STOPS = frozenset(
    [
        "that",
        "and",
        "but",
        "while",
        "which",
        "who",
        "when",
        ",",
        ".",
        ";",
        ":",
        '"',
        "“",
        "”",
        "(",
        ")",
        "if",
        "as",
    ]
)


@dataclass(frozen=True, slots=True)
class ClaimCue:
    stance: Stance
    speaker: Speaker | None
    span: Span


_SPOKEN_CUES = tuple(p for stance, p in STANCE_CUES if stance is not Stance.ASSERTS)
# The words every such cue starts with: a plain alternation scans a whole article in one
# fast pass; the cue patterns themselves (lookbehinds at every position) would not.
_SPOKEN_HINT = re.compile(
    r"\b(?:neither|den(?:y|ie|ia)|reject|dismiss|refut|disput|baseless|groundless|unfounded|"
    r"fabricat|smear|declin|refus|would not|did not|has not|have not|had not|was not|"
    r"were not|no immediate|unable to|not |yet to|could not|unverified|unconfirmed|"
    r"no evidence|cannot be|confirm|acknowledg|admit|verified)"
)


def spoken_stance_positions(folded: str) -> list[int]:
    """Where the article may deny, confirm, decline or doubt something ("The Kremlin
    declined to comment." matters though it names no weapon); check with
    ``has_spoken_stance``."""
    return [m.start() for m in _SPOKEN_HINT.finditer(folded)]


def has_spoken_stance(folded: str, start: int, end: int) -> bool:
    return any(p.search(folded, start, end) for p in _SPOKEN_CUES)


def find_hedges(folded: str, start: int, end: int) -> tuple[str, ...]:
    """Hedging phrases in ``folded[start:end]`` (text folded by ``catalogue.normalise.fold``)."""
    return tuple(dict.fromkeys(m.group(0) for m in HEDGES.finditer(folded, start, end)))


def find_claim_cues(
    view: SentenceView, text: str, folded: str, catalogue: Catalogue
) -> list[ClaimCue]:
    """Each stance cue of the sentence with the speaker it belongs to.

    The cue patterns are lower case and run on the folded text, which has the
    same offsets as the original.
    """
    cues: list[ClaimCue] = []
    seen: list[tuple[int, int]] = []
    for stance, pattern in STANCE_CUES:
        for match in pattern.finditer(folded, view.start, view.end):
            if any(s <= match.start() < e for s, e in seen):
                continue
            seen.append((match.start(), match.end()))
            span = Span(match.start(), match.end(), text[match.start() : match.end()])
            if match.group(0) in EVALUATIVE:
                cues.append(ClaimCue(stance, None, span))
                continue
            cues.append(ClaimCue(stance, _speaker(view, text, match, catalogue), span))
    cues.sort(key=lambda c: c.span.start)
    # "calling the allegations a fabrication by Washington": the judge of an evaluative
    # word is whoever spoke before it in the sentence, not the words after it.
    for index, cue in enumerate(cues):
        if cue.speaker is None and cue.span.text.lower() in EVALUATIVE:
            judge = _clause_subject(view, text, cue.span.start, catalogue)
            earlier = [c.speaker for c in cues[:index] if c.speaker is not None]
            if judge is None and earlier:
                judge = earlier[-1]
            if judge is not None:
                cues[index] = replace(cue, speaker=judge)
    # "dismissed the reports as baseless" is one denial, by whoever dismissed.
    spoken = {c.stance for c in cues if c.speaker is not None}
    cues = [c for c in cues if c.speaker is not None or c.stance not in spoken]
    return cues + [shared for cue in cues for shared in _co_speakers(view, cue)]


def _co_speakers(view: SentenceView, cue: ClaimCue) -> list[ClaimCue]:
    """ "Both Moscow and Pyongyang deny it": the same cue for each actor joined to the
    speaker by "and" or a comma."""
    if cue.speaker is None or cue.speaker.actor is None:
        return []
    before = [a for a in view.actors if a.last < _token_at(view, cue.span.start)]
    index = next(
        (i for i in range(len(before) - 1, -1, -1) if before[i].actor == cue.speaker.actor), None
    )
    shared: list[ClaimCue] = []
    while index:
        current, previous = before[index], before[index - 1]
        between = {view.low(i) for i in range(previous.last + 1, current.first)}
        if not between or not between <= {"and", ",", "the"} or previous.prep is not None:
            break
        if previous.actor != cue.speaker.actor and not previous.speaker:
            speaker = Speaker(previous.span.text, actor=previous.actor)
            shared.append(replace(cue, speaker=speaker))
        index -= 1
    return shared


def _clause_subject(
    view: SentenceView, text: str, offset: int, catalogue: Catalogue
) -> Speaker | None:
    """The actor that opens the clause holding ``offset``: "Pyongyang called it groundless"."""
    cue = _token_at(view, offset)
    start = cue
    while start > 0 and not (
        view.low(start - 1) in (";", "but")
        or (view.low(start - 1) == "and" and view.low(start - 2) == ",")
    ):
        start -= 1
    subjects = [a for a in view.actors if start <= a.first < cue and a.prep is None]
    if not subjects:
        return None
    first = subjects[0]
    return _phrase(view, text, first.first, _np_end(view, first.last, cue), catalogue)


def _np_end(view: SentenceView, last: int, limit: int) -> int:
    """The end of the noun phrase an actor starts: "Pyongyang's foreign ministry"."""
    end = last
    while (
        end + 1 < limit
        and view.low(end + 1) not in _AUXILIARIES
        and view.low(end + 1) not in _NP_STOPS
    ):
        if not (view.low(end + 1) in ("'s", "'") or view.low(end + 1).isalpha()):
            break
        if view.low(end + 1) in ("called", "said", "dismissed", "denied", "rejected"):
            break
        end += 1
        if end - last > 3:
            break
    return end


def _token_at(view: SentenceView, offset: int) -> int:
    for index, token in enumerate(view.tokens):
        if token.end > offset:
            return index
    return len(view.tokens)


def _speaker(
    view: SentenceView, text: str, match: re.Match[str], catalogue: Catalogue
) -> Speaker | None:
    cue = _token_at(view, match.start())
    cue_end = _token_at(view, match.end() - 1)
    word = match.group(0).lower()
    if word.startswith("according to") or word in ("citing", "cited"):
        return _phrase(view, text, cue_end + 1, _forward(view, cue_end + 1), catalogue)
    end = _skip_back(view, cue - 1)
    if view.low(end) == ",":
        # "X, which oversees Y, declined": the speaker stands before the relative clause.
        opener = next(
            (i for i in range(end - 1, max(-1, end - 20), -1)
             if view.low(i) in ("which", "who") and view.low(i - 1) == ","),
            None,
        )  # fmt: skip
        if opener is not None:
            end = _skip_back(view, opener - 2)
    start = end
    while start - 1 >= 0 and view.low(start - 1) not in _NP_STOPS and end - start < 7:
        start -= 1
    if end >= 0 and start <= end and view.low(end) not in _NP_STOPS:
        speaker = _phrase(view, text, start, end, catalogue)
        if speaker is not None:
            return _with_medium(view, cue_end + 1, speaker, word, catalogue)
    # Inverted attribution: ', said a US official', '" said the spokesman', and
    # "as first reported by Reuters".
    if view.low(cue - 1) in (",", '"', "“", "”", "'") or cue == 0 or view.low(cue_end + 1) == "by":
        return _phrase(view, text, cue_end + 1, _forward(view, cue_end + 1), catalogue)
    return None


def _with_medium(
    view: SentenceView, after: int, speaker: Speaker, word: str, catalogue: Catalogue
) -> Speaker:
    """ "six sources told Reuters": the outlet after "told" carries the claim."""
    if speaker.outlet is not None or word not in ("told", "tells", "telling"):
        return speaker
    outlet = next((o for i, o in view.outlets if after <= i <= after + 1), None)
    if outlet is None:
        return speaker
    return replace(speaker, outlet=catalogue.outlets[outlet].name)


def _skip_back(view: SentenceView, index: int) -> int:
    while index >= 0 and view.low(index) in _AUXILIARIES:
        index -= 1
    return index


def _forward(view: SentenceView, start: int) -> int:
    end = start
    while end + 1 < len(view.tokens) and view.low(end + 1) not in _NP_STOPS and end - start < 8:
        end += 1
    return end


def _phrase(
    view: SentenceView, text: str, start: int, end: int, catalogue: Catalogue
) -> Speaker | None:
    """Resolve the words ``start..end`` to a speaker: actor, role, outlet and count."""
    if start > end or start >= len(view.tokens):
        return None
    actors = [a for a in view.actors if start <= a.first <= end]
    outlets = [o for i, o in view.outlets if start <= i <= end]
    words = [view.low(i) for i in range(start, end + 1)]
    person = next((w for w in words if w in PERSON_NOUNS), None)
    if not actors and words[0] in ("its", "their") and (person or words[-1] in _BODY_NOUNS):
        # "Iran has never sold weapons to Russia, its foreign ministry said"
        actors = [a for a in view.actors if a.first < start and a.prep is None and not a.speaker][
            :1
        ]
        person = person or words[-1]
    if not actors and not outlets and person is None:
        return None
    count = next((NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS), None)
    count = count or next((int(w) for w in words if w.isdigit() and len(w) < 4), None)
    phrase = text[view.tokens[start].start : view.tokens[end].end]
    role = None
    if person is not None:
        role = _role(view, start, end, person)
    elif actors and actors[0].role and actors[0].role != "agent":
        role = actors[0].role
    elif actors:
        # "Russia's defence ministry": the words after the state name the body.
        rest = [
            view.low(i)
            for i in range(actors[0].last + 1, end + 1)
            if view.low(i) not in ("'s", "'")
        ]
        role = " ".join(rest) or None
    outlet = catalogue.outlets[outlets[0]].name if outlets else None
    return Speaker(phrase, actors[0].actor if actors else None, role, outlet, count)


# Bodies a possessive points at a state with: "its foreign ministry", "their government".
_BODY_NOUNS = frozenset("ministry government embassy mission military army navy".split())


def _role(view: SentenceView, start: int, end: int, person: str) -> str:
    """The person noun with the modifiers just before it: "military official"."""
    index = next(i for i in range(start, end + 1) if view.low(i) == person)
    first = index
    while (
        first - 1 >= start
        and view.low(first - 1) not in DETERMINERS
        and (first - 1 not in view.taken)
        and view.low(first - 1) not in NUMBER_WORDS
        and not view.low(first - 1).isdigit()
    ):
        first -= 1
    return " ".join(view.low(i) for i in range(first, index + 1) if view.low(i) not in ("'s",))
