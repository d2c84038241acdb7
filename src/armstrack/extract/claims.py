"""Who says what about a transfer: speakers, stances and hedges in one sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import fold
from armstrack.extract.lexicon import (
    DETERMINERS,
    GIVE_NOUNS,
    GIVE_VERBS,
    PERSON_NOUNS,
    QUOTE_MARKS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
)
from armstrack.extract.mentions import ActorMention, SentenceView
from armstrack.extract.prefilter import FoundWords, Prefiltered
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.records import ActorRef, Span, Speaker, Stance


def _words(alternation: str) -> list[str]:
    """The words of a plain alternation, "said|says|told", for ``Prefiltered.on_words``."""
    return alternation.split("|")


@dataclass(frozen=True, slots=True)
class StanceCue:
    stance: Stance
    pattern: Prefiltered  # on folded text
    # Tokens one of which every match holds, if given: a set test on the sentence's words
    # is cheaper than even the pattern's hint for a rare cue.
    words: frozenset[str] = frozenset()


# Stance cues, strongest first: a sentence that denies and says something else denies.
STANCE_CUES: tuple[StanceCue, ...] = (
    StanceCue(
        # Before the denial cue, so "neither confirmed nor denied" is no denial.
        Stance.DECLINES,
        Prefiltered.on_words(
            re.compile(
                r"\bneither\s+(?:confirmed|confirm|confirms)\s+nor\s+den(?:ied|y|ies)\b"
                r"|\b(?:declined|declines|refused|refuses|would not|did not)\s+(?:to\s+)?confirm\s+or\s+"
                r"deny\b"
            ),
            _words("neither|confirm"),
            folded=True,
        ),
    ),
    StanceCue(
        Stance.DENIES,
        Prefiltered.on_words(
            re.compile(
                # "does not deny" denies nothing
                r"(?<!\bnot )(?<!n't )(?<!\bnever )"
                r"\b(?:den(?:y|ies|ied|ying|ial|ials)|rejected|rejects|rejecting|dismissed|"
                r"dismisses|dismissing|refuted|refutes|disputed|disputes|baseless|groundless|"
                r"unfounded|fabrications?|fabricated|smear)\b",
            ),
            _words("den|reject|dismiss|refut|disput|baseless|groundless|unfounded|fabricat|smear"),
            folded=True,
            opens=True,
        ),
    ),
    StanceCue(
        # A verdict on the reports ("said the reports were false", "called them lies"):
        # evaluative, so judged by whoever spoke it.
        Stance.DENIES,
        Prefiltered(
            re.compile(
                r"\b(?:(?:were|was|are|is|be|been|as)\s+(?:[\"“‘']\s*)?"
                r"(?:(?:completely|totally|entirely|simply|absolutely|pure|just|a|an|the|"
                r"western|american|us|israeli|hostile|enemy)\s+){0,2}"
                r"|(?:called|calling|dubbed|termed|labell?ed|described)\s+(?:[\w'’]+\s+){0,5}?"
                r"(?:as\s+)?(?:[\"“‘']\s*)?)"
                r"(?:untrue|false|lies|fake|propaganda|disinformation|misinformation|nonsense|"
                r"baseless|groundless|unfounded|fabricated|fabrications?|absurd|ridiculous|"
                r"speculative|speculation|slander|slanderous)\b"
                # "said the reports were not true", "said there was no truth to them"
                r"|\b(?:(?:were|was|are|is)\s+not|(?:is|was)\s+no|(?:has|had|have)\s+no)\s+"
                r"(?:true|truth|basis)\b"
            ),
            re.compile(
                r"untrue|false|\blies\b|fake|propaganda|sinformation|nonsense|baseless|groundless|"
                r"unfounded|fabricat|absurd|ridiculous|speculati|slander|not true|no truth|no basis"
            ),
        ),
        frozenset(
            "untrue false lies fake propaganda disinformation misinformation nonsense baseless "
            "groundless unfounded fabricated fabrication fabrications absurd ridiculous "
            "speculative speculation slander slanderous true truth basis".split()
        ),
    ),
    StanceCue(
        # "said it has never supplied weapons to": a party's own denial in its own words.
        Stance.DENIES,
        Prefiltered(
            re.compile(
                r"\b(?:said|says|say|insisted|insists|insist|stated|states|maintained|maintains|"
                r"stressed|stresses)\s+(?:that\s+)?(?:it|they|the country|the group)\s+"
                r"(?:(?:has|have|had|does|do|did|is|was|were|are|had)\s+)?(?:not|never)\s+"
                r"(?:(?:been|ever|directly)\s+)?(?:suppl|sold|sell|sent|send|arm|provid|deliver|"
                r"transfer|ship|export|give|gave|given)\w*"
            ),
            # The negated transfer verb, not "not" alone, which half the sentences hold.
            re.compile(
                r"(?:not|never)\s+(?:(?:been|ever|directly)\s+)?(?:suppl|sold|sell|sent|send|arm|"
                r"provid|deliver|transfer|ship|export|give|gave|given)"
            ),
        ),
        frozenset(["never", "not"]),
    ),
    StanceCue(
        Stance.DECLINES,
        Prefiltered.on_words(
            re.compile(
                r"\b(?:declined|declines|refused|refuses|would not|did not|has not|have not|had not|"
                r"was not|were not|didn't|hasn't|haven't|hadn't|wouldn't|won't|does not|doesn't)"
                r"\s+(?:immediately\s+|publicly\s+|directly\s+|yet\s+)?"
                r"(?:to\s+)?(?:comment|respond|reply|provide further details|answer|be reached)\w*"
                r"|\b(?:declined|declines|refused|refuses)\s+to\s+(?:discuss|elaborate|disclose|"
                r"specify|say|confirm|give (?:further |more |any )?details)\b"
                r"|\bno (?:immediate )?(?:comment|response|reply)\b(?= from\b)"
                r"|\bno immediate comment\b|\bunable to comment\b|\bnot immediately available\b"
                r"|\b(?:did not|didn't) (?:immediately )?return\b"
                r"|\bcould not (?:immediately )?be reached\b|\b(?:had|has|have) no comment\b"
                r"|\bunavailable for comment\b|\bnot available for comment\b"
                r"|\brequests? for comment\b(?=[^.;]{0,80}?\bwent unanswered\b)"
                r"|\b(?:has|have|had)\s+yet\s+to\s+(?:publicly\s+)?(?:comment|respond|reply)\w*"
                r"|\b(?:declined|declines|refused|refuses|ignored|ignores)\s+(?:repeated\s+|"
                r"multiple\s+|several\s+)?requests?\s+(?:for|to)\s+comment\b"
                r"|\brefrain(?:ed|s)? from comment\w*"
                # "would not say whether", "refused to be drawn on", "offered no comment"
                r"|\b(?:would not|wouldn't|will not|won't)\s+say\b"
                r"|\b(?:declined|declines|refused|refuses|would not|wouldn't)\s+(?:to\s+)?be\s+"
                r"drawn\b"
                r"|\b(?:offered|gave|made|offers|gives|makes)\s+no\s+(?:immediate\s+)?comment\b"
                # "said he could not comment", "would not discuss", "did not provide comment"
                r"|\b(?:could not|cannot|can't|couldn't)\s+(?:immediately\s+)?comment\b"
                r"|\b(?:would not|wouldn't|will not|won't|did not|didn't)\s+(?:discuss|elaborate)\b"
                r"|\b(?:did not|didn't|has not|have not)\s+(?:immediately\s+)?provide\s+"
                r"(?:a\s+|any\s+)?comment\b"
                r"|\b(?:has|have|had)\s+so\s+far\s+not\s+(?:comment|respond|repli)\w*"
                r"|\b(?:remained|remains|kept|has been|have been|stayed|was|were)\s+"
                r"(?:tight-lipped|tight lipped|mum)\b"
                r"|\b(?:remained|remains|kept|has been|have been|stayed)\s+silent\b",
            ),
            _words(
                "comment|respon|reply|provide further|answer|reached|declin|refus|available|return|"
                "silent|say|drawn|discuss|elaborate|lipped|mum"
            ),
            folded=True,
        ),
    ),
    StanceCue(
        Stance.UNCONFIRMED,
        Prefiltered.on_words(
            re.compile(
                # "have not publicly acknowledged the sale": the adverb hides the "not" from
                # the confirming cue's look back, so this cue must take the whole phrase.
                r"\b(?:not\s+(?:yet\s+)?(?:been\s+)?(?:(?:publicly|officially|formally|"
                r"independently)\s+)?(?:observed|confirmed|verified|seen|acknowledged)|"
                r"never\s+(?:publicly\s+|officially\s+)?(?:confirmed|acknowledged)|yet to\s+"
                r"(?:publicly\s+|officially\s+)?confirm|could not\s+(?:be\s+)?(?:independently\s+)?"
                r"(?:verify|verified|confirm|confirmed)|unverified|unconfirmed|no evidence|"
                r"not independently verified|cannot be verified|"
                # "unable to independently confirm", "had seen no indication", "not aware of"
                r"unable to\s+(?:independently\s+)?(?:confirm|verify)|"
                r"(?:seen|found|saw)\s+no\s+(?:indication|sign|signs|evidence)|"
                r"no indication|not aware of|"
                r"questioned the (?:accuracy|veracity|authenticity)|"
                r"(?:did|does|do|would|will|could)\s+not\s+(?:independently\s+)?confirm|"
                r"(?:didn't|doesn't|don't|wouldn't|won't|couldn't)\s+confirm)\b",
            ),
            _words(
                "observed|confirm|verif|seen|evidence|acknowledg|indication|aware|sign|questioned"
            ),
            folded=True,
        ),
    ),
    StanceCue(
        Stance.CONFIRMS,
        Prefiltered.on_words(
            re.compile(
                # Not after "say", "the", "any": there "confirmed" qualifies a noun
                # ("diplomats say confirmed shipments would ...", "no confirmed deliveries").
                r"(?<!if )(?<!yet to )(?<!\bnot )(?<!n't )(?<!\bsay )(?<!\bsays )(?<!\bsaid )(?<!\bthe )(?<!\bany )"
                r"(?<!\bno )\b(?:confirm(?:ed|s|ing)?|acknowledg(?:ed|es|ing)|admitted|"
                r"admits|verified)\b",
            ),
            _words("confirm|acknowledg|admit|verified"),
            folded=True,
            opens=True,
        ),
    ),
    StanceCue(
        Stance.ASSERTS,
        Prefiltered.on_words(
            re.compile(
                # "Belgrade's stated neutrality": an adjective, no saying
                r"\b(?:said|says|told|tells|reported|according to|cited|citing|claimed|"
                r"(?<!'s )(?<!’s )(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )stated|"
                r"announced|announces|insisted|insists|added|wrote|revealed|alleged|alleges|"
                r"accused|accuses|warned|warns|indicated|insist|reports|as per|"
                # "per a report by the Courier", "per Pentagon figures"; not "per cent", "per unit"
                r"(?<!\bas )per(?=\s+(?:a\s+|an\s+|the\s+)?(?:[a-z]+\s+)?(?:reports?|statement|data|"
                r"documents?|sources?|figures|officials?|estimates?)\b)|thanked|thanks(?!\s+to\b)|thanking|welcomed|"
                r"welcomes|posted|tweeted)\b",
            ),
            _words(
                "said|says|told|tells|report|according to|cit|claimed|stated|announc|insist|added|wrote|per |"
                "revealed|alleg|accuse|warn|indicated|as per|thank|welcome|posted|tweeted"
            ),
            folded=True,
            opens=True,
        ),
    ),
    StanceCue(
        # Rarer verbs of saying, apart so that most sentences skip them on a set test.
        Stance.ASSERTS,
        Prefiltered.on_words(
            re.compile(
                r"\b(?:adding|noted|notes|stressed|stresses|emphasi[sz]ed|underscored|underlined|"
                r"affirmed|reaffirmed|explained|highlighted|declared|asserted|maintained|"
                r"clarified|clarifies|"
                r"(?<!\bthe )(?<!\ba )states?(?= that\b)|reads|quoted|quotes|quoting|"
                # "A BBC investigation found that", "Documents seen by the Times show that"
                r"found(?= that\b)|show(?:s|ed)?(?= that\b)|"
                # "British intelligence believes that", "US officials estimate that"
                r"(?:believes?|believed|estimates?|estimated|assess(?:es|ed)?|suspects?)"
                r"(?= that\b)|"
                # "reports emerged that", "a report has surfaced": unnamed reports (CLAIMS.md)
                r"(?:(?<=reports )|(?<=report )|(?<=reports have )|(?<=report has )|"
                r"(?<=reports had ))(?:emerged|surfaced))\b",
            ),
            _words(
                "adding|note|stress|emphasi|underscored|underlined|affirmed|reaffirmed|"
                "explained|highlighted|declared|asserted|maintained|clarifi|state|reads|quot|"
                "found|show|believe|estimate|assess|suspect|emerged|surfaced"
            ),
            folded=True,
            opens=True,
        ),
        frozenset(
            "adding noted notes stressed stresses emphasised emphasized underscored underlined "
            "affirmed reaffirmed explained highlighted declared asserted maintained clarified "
            "clarifies state "
            "states reads quoted quotes quoting found show shows showed believe believes "
            "believed estimate estimates estimated assess assesses assessed suspect "
            "suspects emerged surfaced".split()
        ),
    ),
)
# Denial words that judge a claim rather than report a speech act.
EVALUATIVE: Final = frozenset(
    "baseless groundless unfounded fabrication fabrications fabricated smear untrue false lies "
    "fake propaganda disinformation misinformation nonsense absurd ridiculous speculative "
    "speculation slander slanderous true truth basis".split()
)


def _evaluative(cue: str) -> bool:
    """ "baseless", "were false": a verdict on a claim rather than a reported speech act."""
    return cue.lower().rsplit(None, 1)[-1] in EVALUATIVE


HEDGES: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:reportedly|allegedly|purportedly|apparently|if confirmed|is believed to|"
        r"are believed to|was believed to|were believed to|is said to|are said to|appears? to|"
        r"appeared to|suspected|likely|unconfirmed|unverified|may have|might have|could have|"
        r"is thought to|are thought to|rumou?red|claimed)\b"
    ),
    # "may have", "might have", "could have" by their last letter: "have" alone is common.
    _words(
        "reportedly|allegedly|purportedly|apparently|if confirmed|believed to|said to|appear|"
        "suspected|likely|unconfirmed|unverified|y have|t have|d have|thought to|rumo|claimed"
    ),
    folded=True,
)
_AUXILIARIES: Final = frozenset(
    "has have had also is was were are been would will did does do not repeatedly "
    "strongly firmly previously already again categorically flatly publicly later earlier "
    "it immediately officially".split()
)
_NP_STOPS: Final = frozenset(
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


def _stops(view: SentenceView, index: int) -> bool:
    """Whether the token ends a noun phrase: not the full stops of a name ("U.S. officials",
    whose match may end before its last stop)."""
    word = view.low(index)
    if word != ".":
        return word in _NP_STOPS
    if view.low(index - 1) in _TITLE_ABBREVIATIONS:
        return False  # "Sen. Jane Roe", "Maj. Gen. Pat Doe": a title, not a sentence's end
    if len(view.low(index - 1)) == 1 and (
        view.low(index - 2) == "." or (len(view.low(index + 1)) == 1 and view.low(index + 2) == ".")
    ):
        return False  # "Iran's U.N. mission": the stops of initials
    return not (index in view.taken or (index - 1 in view.taken and len(view.low(index - 1)) == 1))


def _dots(view: SentenceView, start: int, end: int) -> int:
    return sum(1 for i in range(start, end + 1) if view.low(i) == ".")


_TITLE_ABBREVIATIONS: Final = frozenset(
    "gen lt col maj capt cpt sgt adm cmdr brig rep sen gov pres dr mr mrs ms prof".split()
)


@dataclass(slots=True, unsafe_hash=True)
class ClaimCue:
    stance: Stance
    speaker: Speaker | None
    span: Span

    def __init__(self, stance: Stance, speaker: Speaker | None, span: Span) -> None:
        self.stance, self.speaker, self.span = stance, speaker, span


@dataclass(slots=True)
class SpeakerMemory:
    """Who has spoken so far in one article, read sentence by sentence in order: a later
    "Doe said" or "she added" is "Defence Minister Jane Doe", "the ministry said" is the
    body that spoke last, "the paper" the outlet credited last. One per article."""

    names: dict[str, Speaker] = field(default_factory=dict)  # surname -> speaker
    person: Speaker | None = None  # "he", "she"
    state: Speaker | None = None  # the last speaker for a state: "the ministry", "it"
    outlet: Speaker | None = None  # "the paper", "the newspaper"
    last: Speaker | None = None  # "it said"
    until: int = -1  # where the last sentence read ends: a quote that goes on is theirs


# "China has never provided lethal weapons to any party, its spokesman said": a state
# denying in its own name, with no pronoun for the "said it had not" cue to hold on to.
# A denial only when the state is the one saying so (``_own_denials``).
OWN_NEGATION: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:(?:has|have|had|does|do|did|is|was|were|are)\s+(?:not|never)|"
        r"(?:hasn't|haven't|hadn't|doesn't|don't|didn't)|never)\s+(?:(?:ever|directly|once)\s+)?"
        r"(?:suppl|sold|sell|sent|send|provid|deliver|transferr|ship|export|gave|given)\w*"
        # "do not provide any evidence" gives no weapon
        r"(?!\s+(?:any\s+|further\s+|more\s+)?(?:evidence|details|information|proof|comment))"
    ),
    _words("not|never|n't"),
    folded=True,
)
_SPOKEN_CUES: Final = (
    *(cue for cue in STANCE_CUES if cue.stance is not Stance.ASSERTS),
    StanceCue(Stance.DENIES, OWN_NEGATION),
)
# The words every such cue starts with: a plain alternation scans a whole article in one
# fast pass; the cue patterns themselves (lookbehinds at every position) would not. Each
# match opens with one of the words, so a ``WordFinder`` can find them faster still.
_SPOKEN_HINT: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:neither|den(?:y|ie|ia)|reject|dismiss|refut|disput|baseless|groundless|unfounded|"
        r"fabricat|smear|declin|refus|would not|did not|has not|have not|had not|was not|n't|"
        r"no comment|no response|no reply|unavailable|requests? for comment|"
        r"were not|no immediate|unable to|not |yet to|could not|unverified|unconfirmed|"
        r"no evidence|cannot be|confirm|acknowledg|admit|verified|never|silent|untrue|false|"
        r"lies\b|fake|propaganda|sinformation|nonsense|refrain|absurd|ridiculous|speculati|"
        r"slander|not true|no truth|no basis|would not say|be drawn|no comment|cannot|can't|"
        r"lipped|mum\b)"
    ),
    _words(
        "neither|den|reject|dismiss|refut|disput|baseless|groundless|unfounded|fabricat|smear|"
        "declin|refus|would not|did not|has not|have not|had not|was not|n't|no comment|"
        "no response|no reply|unavailable|request|were not|no immediate|unable to|not |yet to|"
        "could not|unverified|unconfirmed|no evidence|cannot be|confirm|acknowledg|admit|"
        "verified|never|silent|untrue|false|lies|fake|propaganda|sinformation|nonsense|refrain|"
        "absurd|ridiculous|speculati|slander|not true|no truth|no basis|would not say|be drawn|"
        "cannot|can't|lipped|mum"
    ),
    folded=True,
    opens=True,
)


def spoken_stance_positions(folded: str, found: FoundWords | None = None) -> list[int]:
    """Where the article may deny, confirm, decline or doubt something ("The Kremlin
    declined to comment." matters though it names no weapon); check with
    ``has_spoken_stance``."""
    return _positions(_SPOKEN_HINT, folded, found)


_TITLE_HINT: Final = Prefiltered.on_words(
    re.compile(
        r"\b(?:minister|president|spokes(?:man|woman|person)|secretary|chancellor|premier|"
        r"ambassador|envoy|commander|chief|admiral|general)\b"
    ),
    _words(
        "minister|president|spokes|secretary|chancellor|premier|ambassador|envoy|commander|"
        "chief|admiral|general"
    ),
    folded=True,
    opens=True,
)


def title_positions(folded: str, found: FoundWords | None = None) -> list[int]:
    """Where the article names someone by title ("Defence Minister Jane Doe"), even in a
    sentence about no weapon: a later "Doe said" needs to know whom she speaks for."""
    return _positions(_TITLE_HINT, folded, found)


def _positions(hint: Prefiltered, folded: str, found: FoundWords | None) -> list[int]:
    """Where ``hint`` matches in the article, through ``found`` if it knows the hint."""
    if found is None or hint not in found.positions:
        return [m.start() for m in hint.pattern.finditer(folded)]
    return [m.start() for m in found.matches(hint, folded)]


# For ``WordFinder``: the patterns of stances, hedges and the article-wide hints.
PATTERNS: Final = (
    *(cue.pattern for cue in STANCE_CUES),
    HEDGES,
    _SPOKEN_HINT,
    _TITLE_HINT,
    OWN_NEGATION,
)


def note_speakers(
    view: SentenceView,
    text: str,
    folded: str,
    catalogue: Catalogue,
    memory: SpeakerMemory,
    home: ActorRef | None = None,
    found: FoundWords | None = None,
) -> None:
    """Read a sentence for its speakers only, into ``memory``."""
    find_claim_cues(view, text, folded, catalogue, memory, home, found)


def has_spoken_stance(folded: str, start: int, end: int, found: FoundWords | None = None) -> bool:
    return any(cue.pattern.search(folded, start, end, found) for cue in _SPOKEN_CUES)


def find_hedges(
    folded: str, start: int, end: int, found: FoundWords | None = None
) -> tuple[str, ...]:
    """Hedging phrases in ``folded[start:end]`` (text folded by ``catalogue.normalise.fold``)."""
    return tuple(dict.fromkeys(m.group(0) for m in HEDGES.finditer(folded, start, end, found)))


def find_claim_cues(
    view: SentenceView,
    text: str,
    folded: str,
    catalogue: Catalogue,
    memory: SpeakerMemory | None = None,
    home: ActorRef | None = None,
    found: FoundWords | None = None,
) -> list[ClaimCue]:
    """Each stance cue of the sentence with the speaker it belongs to.

    The cue patterns are lower case and run on the folded text, which has the
    same offsets as the original. ``memory`` carries the speakers of the article's
    earlier sentences; ``home`` is the state the article is about so far, the
    last resort for "the defence minister" with no state named; ``found`` has the
    article's words of ``PATTERNS``, if given.
    """
    reading = _Reading(view, text, catalogue, memory or SpeakerMemory(), home)
    _register_titles(reading)
    quoted = _quoted_continuation(reading)
    cues: list[ClaimCue] = []
    seen: list[tuple[int, int]] = []
    for stance_cue in STANCE_CUES:
        if stance_cue.words and view.words.isdisjoint(stance_cue.words):
            continue
        stance = stance_cue.stance
        for match in stance_cue.pattern.finditer(folded, view.start, view.end, found):
            if any(s <= match.start() < e for s, e in seen):
                continue
            seen.append((match.start(), match.end()))
            span = Span(match.start(), match.end(), text[match.start() : match.end()])
            if _evaluative(match.group(0)):
                cues.append(ClaimCue(stance, None, span))
                continue
            if stance is Stance.DENIES and _rejects_a_demand(view, match):
                continue
            cues.append(ClaimCue(stance, _speaker(reading, match), span))
            if reading.joined:
                cues.extend(ClaimCue(stance, joined, span) for joined in reading.joined)
                reading.joined.clear()
    cues.sort(key=lambda c: c.span.start)
    # "calling the allegations a fabrication by Washington": the judge of an evaluative
    # word is whoever spoke before it in the sentence, not the words after it.
    for index, cue in enumerate(cues):
        if cue.speaker is None and _evaluative(cue.span.text):
            judge = _clause_subject(view, text, cue.span.start, catalogue)
            earlier = [c.speaker for c in cues[:index] if c.speaker is not None]
            if judge is None and earlier:
                judge = earlier[-1]
            if judge is None:
                # '"These allegations are groundless," the minister said', 'Reports of the
                # shipments are "pure propaganda", an official said': who says it after.
                judge = next((c.speaker for c in cues[index + 1 :] if c.speaker), None)
            if judge is not None:
                cues[index] = replace(cue, speaker=judge)
    # "dismissed the reports as baseless" is one denial, by whoever dismissed.
    spoken = {c.stance for c in cues if c.speaker is not None}
    cues = [c for c in cues if c.speaker is not None or c.stance not in spoken]
    cues += _own_denials(view, folded, cues, found)
    cues = _drop_saying_of_denials(view, cues)
    # "Neither Ankara nor Djibouti announced the sale": nobody said anything.
    cues = [c for c in cues if not (c.speaker is not None and _nobody(c.speaker.text))]
    cues += [
        accuser
        for cue in cues
        if cue.stance is Stance.DENIES
        for accuser in _accusers(view, text, catalogue, cue)
    ]
    cues += [other for cue in cues if cue.stance is Stance.DECLINES for other in _nor(reading, cue)]
    if not cues and quoted is not None:
        cues = [quoted]
    cues = _drop_relays(cues)
    reading.memory.until = view.end
    shared = [other for cue in cues for other in _co_speakers(view, cue)]
    return cues + shared + [other for cue in cues for other in _pair_speakers(view, cue)]


def _own_denials(
    view: SentenceView, folded: str, cues: list[ClaimCue], found: FoundWords | None
) -> list[ClaimCue]:
    """ "Lin said China had never sold drones to Russia": a state named as the subject of a
    negated transfer denies it when its own speaker says so; "Doe said Sylvania had not
    sent tanks" is another state's word and denies nothing for Sylvania."""
    sayers = [c for c in cues if c.stance is Stance.ASSERTS and c.speaker and c.speaker.actor]
    if not sayers:
        return []
    denials: list[ClaimCue] = []
    for match in OWN_NEGATION.finditer(folded, view.start, view.end, found):
        before = _skip_back(view, _token_at(view, match.start()) - 1)
        subject = next((a for a in view.actors if a.last == before and a.prep is None), None)
        if subject is None:
            continue
        for cue in sayers:
            assert cue.speaker is not None and cue.speaker.actor is not None
            if cue.speaker.actor.id == subject.actor.id:
                span = Span(match.start(), match.end(), match.group(0))
                denials.append(ClaimCue(Stance.DENIES, cue.speaker, span))
                break
    return denials


def _pair_speakers(view: SentenceView, cue: ClaimCue) -> list[ClaimCue]:
    """ "the defence ministers of the two countries said": both countries speak."""
    speaker = cue.speaker
    if speaker is None or speaker.actor is None:
        return []
    return [
        replace(cue, speaker=replace(speaker, actor=a.actor))
        for a in view.actors
        if a.role == "pair" and a.actor != speaker.actor and a.span.text in speaker.text
    ]


# "armed with missiles" equips; it does not transfer.
_TRANSFER_TOKENS: Final = frozenset([*GIVE_VERBS, *GIVE_NOUNS, *RECEIVE_VERBS, *RECEIVE_NOUNS]) - {
    "armed",
    "arm",
}


def negates_transfer(view: SentenceView, parties: set[str] | None = None) -> bool:
    """ "there has been no sale of the missiles", "had not delivered any jets": a party
    saying so denies the transfer rather than confirming it; "not be provided to a third
    country" or "not providing weapons to Ukraine" in a story of another pair does not."""
    if view.words.isdisjoint(_NEGATORS):
        return False
    weapons = {w.first for w in view.weapons}
    for index, word in enumerate(view.lows):
        if word in ("no", "not", "never") or (word == "t" and view.low(index - 1) == "'"):
            if view.low(index + 1) == "yet":
                continue  # "the tanks have not yet arrived": still to come, not denied
            ahead = range(index + 1, index + 3)
            if any(view.low(i) in _TRANSFER_TOKENS or i in weapons for i in ahead):
                if not _elsewhere(view, index, parties):
                    return True
    return False


_NEGATORS: Final = frozenset(["no", "not", "never", "t"])


def _elsewhere(view: SentenceView, index: int, parties: set[str] | None) -> bool:
    """Whether the negated clause from ``index`` is about someone other than ``parties``."""
    stop = next(
        (i for i in range(index + 1, len(view.lows)) if view.low(i) in (",", ";", "but")),
        len(view.lows),
    )
    if any(view.low(i) in ("third", "other") for i in range(index, stop)):
        return True
    if parties is None:
        return False
    return any(index < a.first < stop and a.actor.id not in parties for a in view.actors)


# Verbs by which a government commits itself to a transfer in public: "Germany
# announced it would supply", "the US promised 50 Bradleys", "the State Department
# approved the sale". Said of its own transfer, they confirm it.
_COMMITMENTS: Final = frozenset(
    "pledged pledges promised promises approved approves authorized authorised authorizes "
    "authorises announced announces committed commits vowed vows decided cleared".split()
)
_COMMITMENT_GAP: Final = frozenset(
    [",", "that", "not", "never", "yet", "which", "who", "to", "and", "or", "but", "said"]
)


def commitment_speakers(view: SentenceView, parties: set[str]) -> list[Speaker]:
    """The parties that commit themselves to the transfer in the sentence, as speakers."""
    found: list[Speaker] = []
    if view.words.isdisjoint(_COMMITMENTS):
        return found
    for index, word in enumerate(view.lows):
        if word not in _COMMITMENTS:
            continue
        before = [a for a in view.actors if a.last < index]
        if not before:
            continue
        mention = before[-1]
        gap = view.lows[mention.last + 1 : index]
        if (
            mention.actor.id in parties
            and mention.prep is None
            and not mention.speaker
            and len(gap) <= 6
            and not set(gap) & _COMMITMENT_GAP
        ):
            found.append(Speaker(mention.span.text, mention.actor, mention.role))
    return found


_CONJUNCTS: Final = frozenset(["and", "but", "while", "whereas", ";"])


def other_clause(view: SentenceView, cue: ClaimCue, trigger: int) -> bool:
    """Whether a state's saying comes before a transfer's trigger that sits in a clause of
    its own, joined on with its own subject: "Freedonia announced it would send jets and
    Sylvania promised tanks" (the tanks are Sylvania's word, not Freedonia's). An outlet's
    "reported" may cover both clauses, and a denial or a verdict ("called it groundless,
    and ...") answers what came before it: neither is limited."""
    actor = cue.speaker.actor if cue.speaker else None
    if actor is None or trigger < 0 or cue.stance not in (Stance.ASSERTS, Stance.CONFIRMS):
        return False
    said = _token_at(view, cue.span.start)
    inside = [
        a for a in view.actors if said < a.first < trigger and a.prep is None and not a.speaker
    ]
    for place, mention in enumerate(inside):
        joint = mention.first - 1
        if view.low(joint) in DETERMINERS:
            joint -= 1
        if view.low(joint) not in _CONJUNCTS or joint <= said:
            continue
        if any(a.last >= joint - 1 for a in inside[:place]):
            # "said Sylvania and Freedonia will send": a subject joined inside what is said.
            return False
        return mention.actor.id != actor.id and not mention.possessive
    return False


# What a bystander says when it reacts to a transfer rather than reporting it: "Cathay said
# it would sanction the contractors", "said it firmly opposed the sale" (CLAIMS.md: a
# reaction that only presupposes a transfer is no claim).
_REACTIONS: Final = frozenset(
    "sanction sanctions sanctioned sanctioning condemn condemns condemned condemning protest "
    "protests protested protesting oppose opposes opposed opposing criticised criticized "
    "criticises criticizes denounce denounces denounced retaliate retaliation retaliatory "
    "countermeasures dissatisfaction".split()
)
_REACTION_REACH: Final = 10  # tokens after the cue: "said on Tuesday that it firmly opposes"


def reacts(view: SentenceView, cue: ClaimCue) -> bool:
    """Whether what follows the cue is a reaction ("would sanction", "strongly opposes")."""
    if view.words.isdisjoint(_REACTIONS):
        return False
    said = _token_at(view, cue.span.start)
    for index in range(said + 1, min(said + 1 + _REACTION_REACH, len(view.lows))):
        word = view.low(index)
        if word in _REACTIONS:
            return True
        if word in (";", ":", '"', "“"):
            return False
    return False


# What one rejects without denying a transfer: "rejected Moscow's protests that the
# supply was illegal" defends the supply.
_NOT_CLAIMS: Final = frozenset(
    "protest protests criticism criticisms calls call demand demands request requests "
    "offer offers proposal proposals concern concerns warning warnings pressure appeal "
    "appeals objections objection complaints complaint suggestion suggestions".split()
)


# "denied that it could comply with the request to send jets" turns down a demand; the
# reach runs up to the first word of transferring, so "denied sending jets at the request
# of" is still a denial.
_DEMAND_REACH: Final = 8
_CLAIM_NOUNS: Final = frozenset(
    "report reports claim claims allegation allegations accusation accusations".split()
)


def _rejects_a_demand(view: SentenceView, match: re.Match[str]) -> bool:
    after = _token_at(view, match.end() - 1) + 1
    if match.group(0).startswith(("reject", "dismiss")):
        return any(view.low(i) in _NOT_CLAIMS for i in range(after, after + 4))
    if not match.group(0).startswith("den"):
        return False
    for index in range(after, min(after + _DEMAND_REACH, len(view.lows))):
        word = view.low(index)
        if word in _CLAIM_NOUNS:
            return False  # "denied reports that it met Moscow's request for drones"
        if word in _NOT_CLAIMS or word in ("comply", "complying"):
            return True
        if word in _TRANSFER_TOKENS or word in (".", ";"):
            return False
    return False


def _nor(reading: _Reading, cue: ClaimCue) -> list[ClaimCue]:
    """ "The army did not respond to requests for comment, nor did Iran's foreign
    ministry": the speaker after "nor did" declines as well."""
    view = reading.view
    index = _token_at(view, cue.span.end - 1) + 1
    end = min(len(view.lows), index + 14)
    # "..., and neither did the ministry": "neither" after the cue says the same as "nor".
    nor = next((i for i in range(index, end) if view.low(i) in ("nor", "neither")), None)
    if nor is None or view.low(nor + 1) not in ("did", "has", "have", "had", "would", "could"):
        return []
    last = nor + 2
    while last + 1 < len(view.lows) and view.low(last + 1) not in _NOR_STOPS:
        last += 1
    speaker = _settle(reading, nor + 2, last)
    return [ClaimCue(Stance.DECLINES, speaker, cue.span)] if speaker is not None else []


_NOR_STOPS: Final = frozenset(". , ; to respond reply comment answer return".split()) | {""}
_ACCUSATION_NOUNS: Final = frozenset(
    "charge charges accusation accusations claim claims allegation".split()
)
_BEING: Final = frozenset("stands stood is are was were been being be".split())
_REPORT_NOUN_LEADS: Final = frozenset(
    "about of on the these those such media news press recent earlier previous similar "
    "unconfirmed".split()
)
_POSTS: Final = frozenset("embassy embassies mission consulate ambassador envoy".split())
_ACCUSATIONS: Final = frozenset(
    "claims claim accusations accusation allegations allegation statements charges reports "
    "assertions".split()
)


def _accusers(
    view: SentenceView, text: str, catalogue: Catalogue, denial: ClaimCue
) -> list[ClaimCue]:
    """ "rejected Japanese claims that", "denied British and French accusations that":
    whose claims are denied asserts the transfer (CLAIMS.md)."""
    index = _token_at(view, denial.span.end - 1) + 1
    demonyms = _demonyms(catalogue)
    accusers: list[str] = []
    first = index
    while index < first + 8:
        word = view.low(index)
        pair = f"{word} {view.low(index + 1)}"
        owner = next((a for a in view.actors if a.first == index and a.possessive), None)
        if word in _ACCUSATIONS:
            break
        if word in ("the", "and", ","):
            index += 1
        elif pair in demonyms:
            accusers.append(demonyms[pair])
            index += 2
        elif word in demonyms:
            accusers.append(demonyms[word])
            index += 1
        elif owner is not None:
            accusers.append(owner.actor.id)
            index = owner.last + 2
        else:
            return []
    if view.low(index) not in _ACCUSATIONS:
        return []
    # "accusations made by Japan", "allegations by Ukraine", "claims from Kyiv"
    after = index + 2 if view.low(index + 1) in ("made", "levelled", "leveled") else index + 1
    if view.low(after) in ("by", "from"):
        accusers += [a.actor.id for a in view.actors if a.first in (after + 1, after + 2)]
    phrase = text[view.starts[first] : view.ends[index]]
    return [
        ClaimCue(Stance.ASSERTS, Speaker(phrase, catalogue.actor(a), view.low(index)), denial.span)
        for a in dict.fromkeys(accusers)
    ]


def _in_quote(view: SentenceView, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation opened earlier in the sentence."""
    index = _token_at(view, offset)
    marks = sum(1 for i in range(index) if view.low(i) in QUOTE_MARKS)
    return marks % 2 == 1


def _nobody(phrase: str) -> bool:
    return phrase.lower().startswith(("neither ", "no ", "none of "))


def _drop_saying_of_denials(view: SentenceView, cues: list[ClaimCue]) -> list[ClaimCue]:
    """ "Freedonia said the reports were false": the saying carries the denial, it asserts
    nothing of its own. After a "but" it may: "denied selling jets but said it sold parts".
    So with not confirming: "said it had seen no indication of deliveries"."""
    # "said he could not comment": so with declining.
    denials = [
        c
        for c in cues
        if c.stance in (Stance.DENIES, Stance.UNCONFIRMED, Stance.DECLINES)
        and c.speaker is not None
    ]
    if not denials:
        return cues

    def carries(cue: ClaimCue) -> bool:
        if cue.stance is not Stance.ASSERTS or cue.speaker is None:
            return False
        if _denied_reports(view, cue, denials):
            return True
        for denial in denials:
            assert denial.speaker is not None
            if denial.speaker.actor != cue.speaker.actor:
                continue
            if denial.span.start < cue.span.start:
                if _in_quote(view, denial.span.start) or _evaluative(denial.span.text):
                    return True  # '"The reports are false," the ministry said'
                if _trailing_attribution(view, denial, cue):
                    return True  # "The ministry rejected the claims, its spokesman said."
                continue
            between = view.lows[_token_at(view, cue.span.end) : _token_at(view, denial.span.start)]
            if not set(between) & {"but", ";", "while", "although", "though"}:
                return True
        return False

    return [c for c in cues if not carries(c)]


_CLAUSE_OPENERS: Final = frozenset("that it they he she which who we i".split())


def _trailing_attribution(view: SentenceView, denial: ClaimCue, cue: ClaimCue) -> bool:
    """ "The Kremlin rejected the claims on Monday, said spokesman Jan Roe": a saying
    after a comma that closes the sentence says the denial before it, nothing more."""
    first, last = _token_at(view, denial.span.end), _token_at(view, cue.span.start)
    if "," not in view.lows[first:last] or set(view.lows[first:last]) & {"but", ";"}:
        return False
    after = view.lows[_token_at(view, cue.span.end) :]
    return len(after) <= 8 and not set(after) & _CLAUSE_OPENERS


def _denied_reports(view: SentenceView, cue: ClaimCue, denials: list[ClaimCue]) -> bool:
    """ "denied media reports that ...": "reports" is what is denied, no saying."""
    if cue.span.text.lower() != "reports":
        return False
    said = _token_at(view, cue.span.start)
    return any(
        0 < said - _token_at(view, denial.span.start) <= 3 and denial.span.start < cue.span.start
        for denial in denials
    )


_RELAY_CUES: Final = frozenset(["citing", "cited", "according to", "told"])


def _drop_relays(cues: list[ClaimCue]) -> list[ClaimCue]:
    """ "The Times, citing Freedonian intelligence, reported ...": an outlet that relays a
    state's word is no speaker of its own (CLAIMS.md: outlets speak when no state does)."""
    relayed = any(
        c.stance is Stance.ASSERTS
        and c.speaker is not None
        and c.speaker.actor is not None
        and c.span.text.lower() in _RELAY_CUES
        for c in cues
    ) or _relays_a_state(cues)
    if not relayed:
        return _drop_anonymous_relays(cues)
    return [
        c
        for c in cues
        if not (
            c.stance is Stance.ASSERTS
            and c.speaker is not None
            and c.speaker.actor is None
            and c.speaker.outlet is not None
        )
    ]


def _relays_a_state(cues: list[ClaimCue]) -> bool:
    """ "The minister said Finland had sent howitzers, Yle reports": a state speaks first
    and the outlet credited after it only relays the word."""
    stated = [
        c.span.start
        for c in cues
        if c.stance in (Stance.ASSERTS, Stance.CONFIRMS)
        and c.speaker is not None
        and c.speaker.actor is not None
    ]
    return bool(stated) and any(
        c.speaker is not None
        and c.speaker.actor is None
        and c.speaker.outlet is not None
        and c.span.start > min(stated)
        # '"...," the spokesman said as cited by the agency Tass'
        and c.span.text.lower() in ("reports", "reported", "reporting", "cited", "quoted")
        for c in cues
    )


def _drop_anonymous_relays(cues: list[ClaimCue]) -> list[ClaimCue]:
    """ "the Daily Planet reported, citing unnamed sources": the outlet carries the claim,
    as for "sources told the Daily Planet" (CLAIMS.md)."""
    if not any(c.speaker is not None and c.speaker.outlet and not c.speaker.actor for c in cues):
        return cues
    return [
        c
        for c in cues
        if not (
            c.speaker is not None
            and c.speaker.actor is None
            and not c.speaker.outlet
            and (
                c.span.text.lower() in ("citing", "cited", "quoting") or _anonymous(c.speaker.role)
            )
        )
    ]


# "an industry source said, according to the Courier": sources with no state named are the
# outlet's (CLAIMS.md); experts and analysts keep their own voice.
_ANONYMOUS_HEADS: Final = frozenset("source sources people insider insiders".split())


def _anonymous(role: str | None) -> bool:
    return role is not None and role.split()[-1] in _ANONYMOUS_HEADS


_OPENING_QUOTES: Final = ('"', "“")


def _quoted_continuation(reading: _Reading) -> ClaimCue | None:
    """'The minister said: "We sent the tanks." "More will follow."': a quoted sentence
    right after the one its speaker was named in is still theirs."""
    view, memory = reading.view, reading.memory
    speaker = memory.last
    if speaker is None or not view.lows or view.low(0) not in _OPENING_QUOTES:
        return None
    if view.start - memory.until > 3 or memory.until < 0:
        return None
    return ClaimCue(Stance.ASSERTS, speaker, Span(view.starts[0], view.ends[0], view.lows[0]))


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
        if not between or not between <= {"and", ",", "the"}:
            break
        if previous.prep is not None and not _listed_speakers(view, previous):
            break
        if previous.actor != cue.speaker.actor and not previous.speaker:
            speaker = Speaker(previous.span.text, actor=previous.actor)
            shared.append(replace(cue, speaker=speaker))
        index -= 1
    return shared


# Who a list of states after "of" or "from" speaks through: "the defence ministers of A,
# B and C said", "officials from A and B said".
_LIST_HEADS: Final = PERSON_NOUNS | frozenset("ministries governments embassies".split())


def _listed_speakers(view: SentenceView, mention: ActorMention) -> bool:
    """Whether ``mention`` stands in a list of states that opens with "of" or "from" after
    a speaking noun ("the foreign ministers of A, B and C"): each listed state speaks."""
    index = mention.first - 1
    while index >= 0 and (view.low(index) in (",", "and", "the") or index in view.taken):
        index -= 1
    # "officials in Tehran and Moscow" too
    return view.low(index) in ("of", "from", "in") and view.low(index - 1) in _LIST_HEADS


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
    """The first token that ends after ``offset`` (the number of tokens if none does)."""
    return bisect_right(view.ends, offset)


@dataclass(slots=True, eq=False)
class _Reading:
    """What resolving a speaker needs besides the words: the article so far. (The
    ``__init__`` is written out so that mypyc compiles it: see ``mentions.ActorMention``.)"""

    view: SentenceView
    text: str
    catalogue: Catalogue
    memory: SpeakerMemory
    home: ActorRef | None
    joined: list[Speaker] = field(default_factory=list)  # "X and the Y ministry": X

    def __init__(
        self,
        view: SentenceView,
        text: str,
        catalogue: Catalogue,
        memory: SpeakerMemory,
        home: ActorRef | None,
    ) -> None:
        self.view, self.text, self.catalogue, self.memory, self.home = (
            view, text, catalogue, memory, home
        )  # fmt: skip
        self.joined = []


def _speaker(reading: _Reading, match: re.Match[str]) -> Speaker | None:
    view = reading.view
    cue = _token_at(view, match.start())
    cue_end = _token_at(view, match.end() - 1)
    word = match.group(0).lower()
    if word in ("accused", "alleged") and view.low(cue - 1) in _BEING:
        # "The UAE stands accused of supplying ...": the accused speaks no word here.
        return _after(reading, cue_end + 2) if view.low(cue_end + 1) == "by" else None
    if word in ("reports", "report") and view.low(cue - 1) in _REPORT_NOUN_LEADS:
        return None  # "was asked about reports of the shipments": the noun, no saying
    if word == "cited" and any(i < cue <= i + 4 for i, _ in view.outlets):
        # "Le Monde cited two diplomats as saying": the outlet carries the claim (CLAIMS.md).
        index, outlet_id = next((i, o) for i, o in view.outlets if i < cue <= i + 4)
        name = _outlet_name(reading.text, view, index, outlet_id, reading.catalogue)
        if name is not None:
            return Speaker(reading.text[view.starts[index] : view.ends[cue - 1]], None, None, name)
    if word.startswith("according to") or word in ("citing", "cited", "as per", "per"):
        return _after(reading, cue_end + 1)
    source = _source_after(view, cue, cue_end)
    if source is not None:
        return _after(reading, source)
    if word.startswith("quot") and _quoted_as_saying(view, cue_end):
        # "the agency quoted her as saying": she speaks, the agency relays.
        recalled = _pronoun_object(reading, cue_end + 1)
        return recalled if recalled is not None else _after(reading, cue_end + 1)
    recalled = _pronoun(reading, cue)
    if recalled is not None:
        return recalled
    end = _skip_back(view, cue - 1)
    relative = view.low(end) in ("which", "who") and view.low(end - 1) == ","
    if relative:
        end = _skip_back(view, end - 2)  # "the ministry, which said on Telegram"
    elif view.low(end) == ",":
        # "X, which oversees Y, declined": the speaker stands before the relative clause.
        opener = next(
            (i for i in range(end - 1, max(-1, end - 20), -1)
             if (view.low(i) in ("which", "who") or _participle(view.low(i)))
             and view.low(i - 1) == ","),
            None,
        )  # fmt: skip
        if opener is not None:
            end = _skip_back(view, opener - 2)
        else:
            apposed = _apposition(reading, end)
            if apposed is not None:
                return apposed
    start = end
    # The stops of "Lt. Col." are not words: "Polish army spokesman Lt. Col. Adam Nowak".
    while (
        start - 1 >= 0 and not _stops(view, start - 1) and end - start < 7 + _dots(view, start, end)
    ):
        if relative and view.low(start - 1) in _CLAUSE_PREPOSITIONS:
            break  # "ties with Russia under Vucic, who denied": Vucic denied
        start -= 1
    start = _person_before(view, start, end)
    if end >= 0 and start <= end and view.low(end) not in _NP_STOPS:
        speaker = _settle(reading, start, end)
        if speaker is not None and speaker.actor is not None and view.low(start - 1) == "and":
            _join(reading, start - 2, speaker)
        if speaker is not None and speaker.outlet is not None and view.low(start - 1) == "and":
            _join_outlet(reading, start - 2)
        if speaker is not None and word == "reports" and not (speaker.outlet or speaker.actor):
            return None  # "media reports say": the noun, not "CNN reports"
        if speaker is not None:
            return _with_medium(reading, cue_end + 1, speaker, word)
    # Inverted attribution: ', said a US official', '" said the spokesman', and
    # "as first reported by Reuters".
    if view.low(cue - 1) in (",", '"', "“", "”", "'") or cue == 0 or view.low(cue_end + 1) == "by":
        return _after(reading, cue_end + 1)
    return None


def _person_before(view: SentenceView, start: int, end: int) -> int:
    """ "a spokesman for the country's Joint Chiefs of Staff told": a long body name can
    hide the person it belongs to; reach back a few words to them."""
    if any(view.low(i) in _SPEAKER_NOUNS for i in range(start, end + 1)):
        return start
    for index in range(start - 1, max(-1, start - 5), -1):
        if _stops(view, index):
            break
        if view.low(index) in _SPEAKER_NOUNS and view.low(index + 1) in ("for", "of", "at"):
            while index - 1 >= 0 and view.low(index - 1) in DETERMINERS:
                index -= 1
            return index
    return start


_CLAUSE_PREPOSITIONS: Final = frozenset("under with from in to at by on against".split())
# The head nouns of a body or person that speaks: "the Freedonian embassy in Ruritania".
_SPEAKING_HEADS: Final = frozenset("mission delegation".split())


def _join(reading: _Reading, end: int, speaker: Speaker) -> None:
    """ "The Freedonian embassy in Ruritania and the Ruritanian defence ministry did not
    respond": the body before "and" speaks too, when it is one, not a clause."""
    view = reading.view
    start = end
    while start - 1 >= 0 and not _stops(view, start - 1) and end - start < 7:
        start -= 1
    heads = [
        i
        for i in range(start, end + 1)
        if view.low(i) in _SPEAKER_NOUNS
        or view.low(i) in _BODY_WORDS
        or view.low(i) in _OFFICIAL_WORDS
        or view.low(i) in _SPEAKING_HEADS
    ]
    if not heads:
        return
    found = [a for a in view.actors if start <= a.first < heads[0]]
    found = found or _demonym_actors(view, start, heads[0], reading.catalogue)
    first = found[0] if found else None
    if first is None or first.actor == speaker.actor:
        return
    if any(view.low(i).isdigit() for i in range(start, end + 1)):
        return
    reading.joined.append(Speaker(view_text(reading, start, end), first.actor, view.low(heads[0])))


def _join_outlet(reading: _Reading, end: int) -> None:
    """ "CNN and the Washington Post reported": the outlet before "and" reports too."""
    view = reading.view
    found = next(((i, o) for i, o in view.outlets if i <= end <= i + 4), None)
    if found is None:
        return
    name = _outlet_name(reading.text, view, *found, reading.catalogue)
    if name is not None:
        reading.joined.append(Speaker(view_text(reading, found[0], end), None, None, name))


def view_text(reading: _Reading, start: int, end: int) -> str:
    return reading.text[reading.view.starts[start] : reading.view.ends[end]]


_PASSIVE: Final = frozenset("was were been is are being first initially originally earlier".split())


def _quoted_as_saying(view: SentenceView, cue_end: int) -> bool:
    ahead = range(cue_end + 1, min(cue_end + 16, len(view.lows) - 1))
    return any(view.low(i) == "as" and view.low(i + 1) == "saying" for i in ahead)


def _pronoun_object(reading: _Reading, index: int) -> Speaker | None:
    """ "quoted him as saying": the person named before."""
    word = reading.view.low(index)
    if word in ("him", "her"):
        return reading.memory.person
    if word == "them":
        return reading.memory.last
    return None


def _source_after(view: SentenceView, cue: int, cue_end: int) -> int | None:
    """Where the speaker starts when it follows the cue: "was first reported on Tuesday by
    the Daily Planet", "no comment from the ministry", "requests for comment to the
    embassy went unanswered"; None when the speaker comes first."""
    after = view.low(cue_end + 1)
    if view.low(cue) in ("no", "requests", "request"):
        return cue_end + 2 if after in ("from", "to") else None
    if view.low(cue - 1) not in _PASSIVE:
        return None
    for index in range(cue_end + 1, min(cue_end + 7, len(view.lows))):
        word = view.low(index)
        if word == "by":
            return index + 1
        if word in _NP_STOPS or word in ("to", "that"):
            return None
    return None


_REPORT_NOUNS: Final = frozenset(["report", "reports"])
_REPORT_LINKS: Final = frozenset("by of in from on at carried published".split())


def _after(reading: _Reading, start: int) -> Speaker | None:
    """The speaker after the cue; "according to Jane Doe, a spokeswoman for the Freedonian
    navy": a name with no title of its own takes the title apposed to it."""
    view = reading.view
    if view.low(start) == "that":
        return None  # ", reported that six jets had arrived": what was said, not who
    end = _forward(view, start)
    # "according to Yonhap report the navy will get ...": with no comma after it, the
    # report noun ends the speaker ("a report by", "reports in" go on to who made it).
    end = next(
        (
            i
            for i in range(start, end)
            if view.low(i) in _REPORT_NOUNS and view.low(i + 1) not in _REPORT_LINKS
        ),
        end,
    )
    speaker = _settle(reading, start, end)
    if speaker is not None or view.low(end + 1) != ",":
        return speaker
    if not all(_capitalised(reading.text, view, i) for i in range(start, end + 1)):
        return None
    speaker = _settle(reading, end + 2, _forward(view, end + 2))
    if speaker is not None and (speaker.actor or speaker.outlet):
        reading.memory.names[view.low(end)] = speaker
        reading.memory.person = speaker
    return speaker


def _participle(word: str) -> bool:
    """ "officials, speaking on condition of anonymity, said": an aside to skip."""
    return word.endswith("ing") and len(word) > 5 and word not in ("according",)


def _with_medium(reading: _Reading, after: int, speaker: Speaker, word: str) -> Speaker:
    """ "six sources told Reuters": the outlet after "told" carries the claim."""
    if speaker.outlet is not None or word not in ("told", "tells", "telling"):
        return speaker
    view = reading.view
    found = next(((i, o) for i, o in view.outlets if after <= i <= after + 1), None)
    if speaker.actor is not None:
        return speaker
    if found is None:
        # "a senior official told the paper": the outlet credited before.
        credited = reading.memory.outlet
        if credited is None or view.low(after) not in DETERMINERS:
            return speaker
        if view.low(after + 1) not in _OUTLET_WORDS:
            return speaker
        return replace(speaker, outlet=credited.outlet)
    name = _outlet_name(reading.text, view, *found, reading.catalogue)
    return replace(speaker, outlet=name) if name else speaker


def _settle(reading: _Reading, start: int, end: int) -> Speaker | None:
    """The words ``start..end`` as a speaker, completed from the article so far."""
    view, text = reading.view, reading.text
    if start > end or start < 0 or end >= len(view.lows):
        return None
    speaker = _phrase(view, text, start, end, reading.catalogue)
    if speaker is None:
        speaker = _recall(reading, start, end)
    if speaker is None:
        return None
    speaker = _same_person(reading, start, end, speaker)
    last = reading.memory.state
    if speaker.role == "institution" and last is not None and last.actor is not None:
        # "Sweden will send more aid, its minister said. ... the government said": the
        # government of the state that spoke last, not of the state named most so far.
        speaker = replace(speaker, actor=last.actor)
    # "the Yomiuri reported, citing unnamed government sources": the outlet carries the
    # claim (CLAIMS.md), no state is guessed for the sources.
    relayed = bool(view.outlets) or view.low(start - 1) in ("citing", "cited", "quoting")
    # "a military source told the Courier": a source with no state named is the outlet's.
    unnamed = relayed and (
        any(view.low(i) in _UNNAMED for i in range(start, end + 1))
        or view.low(end) in ("source", "sources")
    )
    if (
        speaker.actor is None
        and speaker.outlet is None
        and (_is_official(speaker.role) or _inside_government(view, start, end, speaker.role))
        and not unnamed
    ):
        # "Foreign Minister Maris said": a name met before with its state says whose.
        known = reading.memory.names.get(view.low(end)) if _capitalised(text, view, end) else None
        actor = known.actor if known is not None else None
        actor = actor or _official_state(reading, start)
        if actor is None and _titled(speaker.role):
            return None  # a minister of a state not known: no non-state voice either
        if actor is not None:
            speaker = replace(speaker, actor=actor)
    if speaker.actor is None and speaker.outlet is None:
        speaker = _credited(reading, end, speaker)
    _remember(reading, start, end, speaker)
    return speaker


_UNNAMED: Final = frozenset("unnamed anonymous unidentified".split())


def _same_person(reading: _Reading, start: int, end: int, speaker: Speaker) -> Speaker:
    """ "A senior US official told reporters ... The official added": the definite title
    is the speaker met before with that title."""
    view = reading.view
    if speaker.actor is not None or speaker.outlet is not None or end - start > 2:
        return speaker
    if view.low(start) != "the":
        return speaker
    for earlier in (reading.memory.last, reading.memory.person):
        role = earlier.role if earlier is not None else None
        if earlier is not None and role and role.split()[-1] == view.low(end):
            return replace(earlier, text=speaker.text)
    last = reading.memory.last
    if view.low(end) == "report" and last is not None and (last.actor or last.outlet):
        # "Moscow's spy agency said in a report ... the report claimed": its author's words.
        return replace(last, text=speaker.text)
    return speaker


def _credited(reading: _Reading, end: int, speaker: Speaker) -> Speaker:
    """ "officials and documents seen by the Journal": an outlet credited just after a
    speaker with no state carries the claim (CLAIMS.md)."""
    view = reading.view
    for index, outlet_id in view.outlets:
        if (
            end < index <= end + 8
            and view.low(index - 1) in ("by", "told", "the")
            and (view.low(index - 1) != "the" or view.low(index - 2) in ("by", "told"))
        ):
            between = view.lows[end + 1 : index]
            if not set(between) & {".", ";", "said", "says", "that"}:
                name = _outlet_name(reading.text, view, index, outlet_id, reading.catalogue)
                return replace(speaker, outlet=name) if name else speaker
    return speaker


def _apposition(reading: _Reading, comma: int) -> Speaker | None:
    """ "Jane Doe, the Freedonian defence minister, said": the title between the commas
    speaks, and the name before them is remembered as that speaker."""
    view = reading.view
    opening = next((i for i in range(comma - 1, max(-1, comma - 12), -1) if _stops(view, i)), None)
    if opening is None or view.low(opening) != "," or opening + 1 > comma - 1:
        return None
    if comma - opening <= 5 and all(
        _capitalised(reading.text, view, i) for i in range(opening + 1, comma)
    ):
        # "Iran's ambassador to Armenia, Jane Doe, denied": the title before the name speaks.
        end = _skip_back(view, opening - 1)
        start = end
        while start - 1 >= 0 and not _stops(view, start - 1) and end - start < 7:
            start -= 1
        titled = _settle(reading, start, end) if start <= end else None
        if titled is not None and (titled.actor or titled.role):
            reading.memory.names[view.low(comma - 1)] = titled
            return titled
    name = _name_before(reading, opening)
    if name is None:
        return None
    speaker = _settle(reading, opening + 1, comma - 1)
    if speaker is not None and (speaker.actor or speaker.outlet or speaker.role):
        reading.memory.names[name] = speaker
        return speaker
    return None


def _name_before(reading: _Reading, index: int) -> str | None:
    """The surname of a run of capitalised words ending just before ``index``."""
    view, text = reading.view, reading.text
    first = index
    while first - 1 >= 0 and _capitalised(text, view, first - 1) and index - first < 6:
        first -= 1
    if first == index or (first > 0 and view.low(first - 1) not in _NP_STOPS):
        return None
    return view.low(index - 1)


def _capitalised(text: str, view: SentenceView, index: int) -> bool:
    return text[view.starts[index]].isupper() and view.low(index).isalpha()


_PRONOUNS: Final = frozenset(["he", "she", "it", "they"])


def _pronoun(reading: _Reading, cue: int) -> Speaker | None:
    """ "he added", "she said", "it said in a statement": the speaker named before."""
    view, memory = reading.view, reading.memory
    index = cue - 1
    while (
        index >= 0
        and view.low(index) != "it"
        and (view.low(index) in _AUXILIARIES or _adverb(view.low(index)))
    ):
        index -= 1  # "he surprisingly announced", "she later said"
    word = view.low(index)
    if word not in _PRONOUNS or index < 0:
        return None
    if view.low(index - 1) in _ACCUSATION_NOUNS and word in ("it", "they"):
        # "accused of supplying drones, a charge it has denied": the accused denies.
        subject = next(
            (a for a in view.actors if a.first < index and a.prep is None and not a.speaker),
            None,
        )
        if subject is not None:
            return Speaker(view_text(reading, subject.first, subject.last), subject.actor)
    if index > 0 and view.low(index - 1) not in _NP_STOPS and view.low(index - 1) != "and":
        return None
    if word in ("he", "she"):
        return memory.person
    if word == "it":
        return memory.last if memory.last is not memory.person else memory.state
    return memory.last


# The last word of a phrase that stands for a body already named ("the ministry said")
# or an outlet already credited ("the newspaper reported").
_BODY_WORDS: Final = frozenset(
    "ministry department government statement embassy office presidency administration "
    "command military navy army kremlin palace cabinet".split()
)
_OUTLET_WORDS: Final = frozenset(
    "paper newspaper daily agency broadcaster outlet channel magazine publication "
    "website weekly".split()
)


_NAME_HYPHENS: Final = frozenset(["-", "\u2010", "\u2011"])


def _adverb(word: str) -> bool:
    return (len(word) > 4 and word.endswith("ly")) or word in ("later", "also", "then")


def _recall(reading: _Reading, start: int, end: int) -> Speaker | None:
    """A surname, "the ministry" or "the paper" with no actor of its own in the sentence."""
    view, text, memory = reading.view, reading.text, reading.memory
    phrase = text[view.starts[start] : view.ends[end]]
    words = [view.low(i) for i in range(start, end + 1)]
    if end - start < 4 and all(
        _capitalised(text, view, i) or (start < i < end and view.low(i) in _NAME_HYPHENS)
        for i in range(start, end + 1)
    ):  # "Doe", "Jane Doe", "Amir-Doe": a hyphen joins the parts of a surname
        known = memory.names.get(view.low(end))
        return replace(known, text=phrase) if known is not None else None
    if words[0] not in DETERMINERS or len(words) > 4:
        return None
    if words[-1] in _OUTLET_WORDS and memory.outlet is not None:
        return replace(memory.outlet, text=phrase)
    if words[-1] in _BODY_WORDS:
        if memory.state is not None and memory.state.actor is not None:
            return Speaker(phrase, memory.state.actor, " ".join(words[1:]))
        return Speaker(phrase, None, " ".join(words[1:]))
    return None


# Titles of people and bodies that speak for a state even when the sentence does not
# say which ("Defence Minister Jane Doe said", "the ministry said").
_OFFICIAL_WORDS: Final = frozenset(
    "minister ministers ministry president spokesman spokeswoman spokesperson government "
    "department embassy ambassador envoy secretary chancellor premier commander admiral "
    "chief military army navy office statement presidency administration cabinet".split()
)
# Modifiers that make a title someone else's: "a Western diplomat", "NATO officials".
_FOREIGN_WORDS: Final = frozenset(
    "western european nato un u.n allied international independent former opposition".split()
)


# "government sources", "military officials": a source inside a government.
_GOVERNMENT_WORDS: Final = frozenset(
    "government military defence defense ministry army navy diplomatic security "
    "presidential official".split()
)


def _is_official(role: str | None) -> bool:
    if not role:
        return False
    words = role.split()
    if set(words) & _FOREIGN_WORDS:
        return False
    if words[-1] in ("source", "sources", "official", "officials"):
        # "other officials" after a minister spoke: more of that government.
        return bool(set(words[:-1]) & _GOVERNMENT_WORDS) or words[0] == "other"
    return words[-1] in _OFFICIAL_WORDS


def _inside_government(view: SentenceView, start: int, end: int, role: str | None) -> bool:
    """ "an official in the interim administration", "a source at the defence ministry": the
    body after the person says whose official it is."""
    if not role or role.split()[-1] not in ("official", "officials", "source", "sources"):
        return False
    words = {view.low(i) for i in range(start, end + 1)}
    return bool(words & {"in", "at", "of", "from"}) and bool(words & _GOVERNMENT_BODIES)


_GOVERNMENT_BODIES: Final = frozenset(
    "administration government ministry presidency cabinet".split()
)


def _titled(role: str | None) -> bool:
    return role is not None and role.split()[-1] in _TITLE_WORDS


def _official_state(reading: _Reading, start: int) -> ActorRef | None:
    """The state an official with no state named speaks for: the subject of the clause
    reported before it ("Sweden will send ..., the minister said"), else the state of
    the article's last state speaker, else the sentence's subject, else the article's."""
    view, memory = reading.view, reading.memory
    subjects = [
        a for a in view.actors if a.prep is None and not a.speaker and a.actor.kind.value == "state"
    ]
    # Not past a dash or colon: "MELBOURNE, Australia — Malaysia has ..." is a dateline.
    breaks = [i for i in range(start) if view.low(i) in ("—", "–", ":", ";")]
    floor = breaks[-1] if breaks else -1
    # Not a state named inside a quotation: '"America has approved the sale," the minister
    # said' quotes a minister on another state as often as on their own.
    before = [
        a
        for a in subjects
        if floor < a.first and a.last < start and not _in_quote(view, view.starts[a.first])
    ]
    if before:
        return before[0].actor
    if memory.state is not None and memory.state.actor is not None:
        return memory.state.actor
    if reading.home is not None:
        return reading.home
    return subjects[0].actor if subjects else None


_TITLE_WORDS: Final = frozenset(
    "minister president spokesman spokeswoman spokesperson secretary chancellor premier "
    "ambassador envoy commander chief admiral general".split()
)


def _register_titles(reading: _Reading) -> None:
    """ "Freedonian Defence Minister Jane Doe visited the plant": remember Doe as speaking
    for Freedonia, whether or not she speaks in this sentence."""
    view, text, memory = reading.view, reading.text, reading.memory
    if view.words.isdisjoint(_TITLE_WORDS):
        return
    for index, word in enumerate(view.lows):
        if word not in _TITLE_WORDS:
            continue
        last = index
        while (
            last + 1 < len(view.lows)
            and _capitalised(text, view, last + 1)
            and (last + 1 not in view.taken and last - index < 3)
        ):
            last += 1
        if last == index:
            continue
        start = index
        while start - 1 >= 0 and not _stops(view, start - 1) and index - start < 5:
            start -= 1
        speaker = _phrase(view, text, start, last, reading.catalogue)
        if speaker is not None and speaker.actor is not None:
            # Every word of the name: Thai and Indonesian officials go by their first one.
            for name in range(index + 1, last + 1):
                memory.names.setdefault(view.low(name), speaker)
            memory.person = memory.person or speaker  # a later "she said", "quoted him"


def _remember(reading: _Reading, start: int, end: int, speaker: Speaker) -> None:
    view, text, memory = reading.view, reading.text, reading.memory
    memory.last = speaker
    if speaker.actor is not None:
        memory.state = speaker
    if speaker.outlet is not None:
        memory.outlet = speaker
    words = [view.low(i) for i in range(start, end + 1)]
    person = any(w in PERSON_NOUNS for w in words) or _capitalised(text, view, end)
    if person and not speaker.outlet:
        memory.person = speaker
    # "Defence Minister Jane Doe": the trailing capitalised words are a name.
    last = end
    while last >= start and view.low(last) in ("'s", "'"):
        last -= 1
    if (
        last >= start
        and _capitalised(text, view, last)
        and last not in view.taken
        and view.low(last) not in PERSON_NOUNS
        and view.low(last) not in _OFFICIAL_WORDS
        and (speaker.actor is not None or speaker.role)
    ):
        memory.names[view.low(last)] = speaker


def _skip_back(view: SentenceView, index: int) -> int:
    while index >= 0 and view.low(index) in _AUXILIARIES:
        index -= 1
    return index


def _forward(view: SentenceView, start: int) -> int:
    end = start
    while end + 1 < len(view.lows) and not _stops(view, end + 1) and end - start < 8:
        end += 1
    return end


# Who else speaks besides PERSON_NOUNS: "people familiar with the matter", "monitors".
_SPEAKER_NOUNS: Final = PERSON_NOUNS | frozenset(
    "people persons observers researchers researcher investigators monitors monitor panel "
    "watchdog journalists journalist correspondent correspondents witnesses "
    # A maker or seller speaks for itself, not for its state (CLAIMS.md: "nonstate").
    "manufacturer maker company firm contractor shipyard shipbuilder director ceo chairman "
    "chairwoman executive".split()
)
_PRESS_NOUNS: Final = frozenset(["media", "press", "newspapers"])


def _phrase(
    view: SentenceView, text: str, start: int, end: int, catalogue: Catalogue
) -> Speaker | None:
    """Resolve the words ``start..end`` to a speaker: actor, role, outlet and count."""
    if start > end or start >= len(view.lows):
        return None
    actors = [a for a in view.actors if start <= a.first <= end]
    outlets = [(i, o) for i, o in view.outlets if start <= i <= end]
    words = [view.low(i) for i in range(start, end + 1)]
    if len({a.actor.id for a in actors}) > 1:
        # "the US special envoy for Venezuela", "the US ambassador to Russia": a title's
        # portfolio is no speaker; the state it serves is.
        actors = [a for a in actors if a.prep not in ("for", "to", "on")] or actors
    if any(a.prep == "in" and view.low(a.first - 2) in _POSTS for a in actors):
        # "the Russian embassy in Ankara": the host state does not speak.
        actors = [a for a in actors if a.prep != "in"] or _demonym_actors(
            view, start, end, catalogue
        )
    person = next((w for w in words if w in _SPEAKER_NOUNS), None)
    # "Russian state media" too: CLAIMS.md keys unnamed press as non-state, whoever owns it.
    press = person in _PRESS_NOUNS and words[-1] == person
    if person is None and not outlets and _unnamed_press(view, text, start, end, catalogue):
        # "a South Korean newspaper reported": unnamed press, whoever's it is (CLAIMS.md).
        person, press = words[-1], True
    if press and person is not None:
        # "Indian media reported": unnamed press is a non-state voice (CLAIMS.md).
        actors = [a for a in actors if a.last > words.index(person) + start]
    if not actors and not press and (person is not None or not _SPEAKING_BODIES.isdisjoint(words)):
        # "Norwegian Prime Minister Jane Doe": a demonym the sentence did not resolve; not
        # one in an outlet's name ("a report by the Freedonian Herald" is the outlet's).
        last = outlets[0][0] - 1 if outlets else end
        actors = _demonym_actors(view, start, last, catalogue)
    if not actors and words[0] in ("its", "their") and (person or words[-1] in _BODY_NOUNS):
        # "Iran has never sold weapons to Russia, its foreign ministry said"
        actors = [a for a in view.actors if a.first < start and a.prep is None and not a.speaker][
            :1
        ]
        person = person or words[-1]
    if not outlets:
        unlisted = _unlisted_outlet(view, text, start, end, catalogue)
        if unlisted is not None:
            phrase = text[view.starts[start] : view.ends[end]]
            return Speaker(phrase, None, None, unlisted)
    if not actors and not outlets and person is None:
        body = _unlisted_body(view, text, start, end)
        return Speaker(text[view.starts[start] : view.ends[end]], None, body) if body else None
    count = next((NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS), None)
    count = count or next(
        (int(w) for w in words if w.isascii() and w.isdigit() and len(w) < 4), None
    )
    phrase = text[view.starts[start] : view.ends[end]]
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
    outlet = _outlet_name(text, view, *outlets[0], catalogue) if outlets else None
    if (
        outlet is not None
        and actors
        and all(a.possessive and a.last < outlets[0][0] for a in actors)
    ):
        actors = []  # "Iran's Tasnim news agency reported": the outlet is credited
    if outlets and outlet is None and not actors:
        # A think tank speaks as a non-state voice, not as a news outlet (CLAIMS.md).
        role = role or catalogue.outlets[outlets[0][1]].name
    if person in _INDEPENDENT_NOUNS and _EMPLOYERS.isdisjoint(words[: words.index(person)]):
        # "Chinese military experts", "defence analysts": experts speak for no state
        # (CLAIMS.md), unless they work for one ("government analysts").
        return Speaker(phrase, None, role, outlet, count)
    if person in _MAKER_NOUNS or any(a.role in _companies(catalogue) for a in actors):
        # "Lockheed Martin did not respond", "Turkish drone maker Baykar said": a maker
        # speaks for itself, not for its state (CLAIMS.md: "nonstate").
        return Speaker(phrase, None, " ".join(words), outlet, count)
    return Speaker(phrase, actors[0].actor if actors else None, role, outlet, count)


# The last word of the name of a body that speaks for itself: "Amnesty International",
# "Human Rights Watch", "the Centre for Arms Studies" (CLAIMS.md: NGOs, think tanks).
_BODY_HEADS: Final = frozenset(
    "international watch institute foundation centre center network monitor observatory "
    "project initiative".split()
)
_NAME_LINKS: Final = frozenset("of for on and the".split())


def _unlisted_body(view: SentenceView, text: str, start: int, end: int) -> str | None:
    """A non-governmental body the catalogue does not list, by its name: a run of
    capitalised words ending in a head word ("Human Rights Watch said")."""
    if view.low(end) not in _BODY_HEADS or not _capitalised(text, view, end):
        return None
    first = start + 1 if view.low(start) == "the" else start
    if end - first < 1 or not _capitalised(text, view, first):
        return None
    for index in range(first, end + 1):
        if not (_capitalised(text, view, index) or view.low(index) in _NAME_LINKS):
            return None
    return text[view.starts[first] : view.ends[end]]


_INDEPENDENT_NOUNS: Final = frozenset(
    "expert experts analyst analysts researcher researchers scholar scholars observer "
    "observers".split()
)
_EMPLOYERS: Final = frozenset("government ministry intelligence pentagon presidential".split())
_MAKER_NOUNS: Final = frozenset(
    "manufacturer maker makers company firm contractor shipyard shipbuilder".split()
)
# Company names by catalogue (built on first use): a body of kind "company".
_COMPANY_INDEX: dict[int, tuple[Catalogue, frozenset[str]]] = {}


def _companies(catalogue: Catalogue) -> frozenset[str]:
    cached = _COMPANY_INDEX.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        names = frozenset(b.name for b in catalogue.bodies if b.kind == "company")
        cached = _COMPANY_INDEX[id(catalogue)] = (catalogue, names)
    return cached[1]


def _unnamed_press(
    view: SentenceView, text: str, start: int, end: int, catalogue: Catalogue
) -> bool:
    """Whether the words end in a kind of outlet with no name ("a Turkish daily", "an
    Israeli news website", "Turkish state television"): lower case, after "a" or a
    state's name; "the (Japanese) newspaper" is the outlet credited before."""
    if view.low(end) not in _OUTLET_KINDS or not text[view.starts[end]].islower():
        return False
    if view.low(start) in ("a", "an", "local", "one"):
        return True
    if view.low(start) in DETERMINERS:
        return False  # "the Japanese daily said": the outlet credited before
    return any(start <= a.first < end for a in view.actors) or bool(
        _demonym_actors(view, start, end - 1, catalogue)
    )


def _outlet_name(
    text: str, view: SentenceView, index: int, outlet_id: str, catalogue: Catalogue
) -> str | None:
    """The outlet as the article credits it ("PTI", "Yomiuri", "Kyodo"), or its catalogue
    name when the credit only adds to it ("Bloomberg News", "REUTERS"); None for a think
    tank, which is a non-state speaker rather than an outlet (CLAIMS.md)."""
    entry = catalogue.outlets[outlet_id]
    if entry.kind == "think_tank":
        return None
    start = view.starts[index]
    written = [
        alias
        for alias in (entry.name, *entry.aliases)
        if fold(text[start : start + len(alias)]) == fold(alias)
    ]
    if not written:
        return entry.name
    surface = text[start : start + len(max(written, key=len))]
    surface = re.sub(r"^[Tt]he\s+", "", surface)
    canonical = re.sub(r"^the\s+", "", fold(entry.name))
    return entry.name if canonical in fold(surface) else surface


# Demonyms by folded spelling, one index per catalogue (built on first use).
_DEMONYM_INDEX: dict[int, tuple[Catalogue, dict[str, str]]] = {}


# What a news outlet is called in passing: "the daily Planeta", "the Ruritanian Nova TV
# channel". Lower case only: "the Defense Security Cooperation Agency" is no outlet.
_OUTLET_KINDS: Final = frozenset(
    "newspaper daily broadcaster channel agency magazine weekly tabloid outlet website "
    "portal television tv radio paper".split()
)


def _unlisted_outlet(
    view: SentenceView, text: str, start: int, end: int, catalogue: Catalogue
) -> str | None:
    """An outlet the catalogue does not list, named beside its kind ("the English-language
    daily The Morning Star", "the Ruritanian Nova 24 television channel"): its name."""
    if view.words.isdisjoint(_OUTLET_KINDS):
        return None
    demonyms = _demonyms(catalogue)
    for index in range(start, end + 1):
        if view.low(index) not in _OUTLET_KINDS or not text[view.starts[index]].islower():
            continue
        # The name after the kind: "the daily The Morning Star".
        first = index + 1
        last = first - 1
        while last + 1 <= end and _name_word(text, view, last + 1, last + 1 > first):
            last += 1
        if last > first or (last == first and view.low(first) != "the"):
            return _strip_the(text[view.starts[first] : view.ends[last]])
        # The name before it: "the Nova 24 television channel", not its demonym.
        last = index - 1
        while last >= start and view.low(last) in _OUTLET_KINDS:
            last -= 1
        first = last + 1
        while first - 1 >= start and _name_word(text, view, first - 1, True):
            first -= 1
        while first <= last and view.low(first) in ("a", "an", "the"):
            first += 1  # "An Indian television channel": the sentence's first word
        while first <= last and (
            f"{view.low(first)} {view.low(first + 1)}" in demonyms or view.low(first) in demonyms
        ):
            first += 2 if f"{view.low(first)} {view.low(first + 1)}" in demonyms else 1
        if first <= last and _capitalised(text, view, first):
            return _strip_the(text[view.starts[first] : view.ends[last]])
    return None


def _name_word(text: str, view: SentenceView, index: int, digits: bool) -> bool:
    """A word of a proper name: capitalised, or a number inside one ("Nova 24")."""
    word = view.low(index)
    return _capitalised(text, view, index) or (digits and word.isdigit() and len(word) < 4)


def _strip_the(name: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", name)


def _demonyms(catalogue: Catalogue) -> dict[str, str]:
    cached = _DEMONYM_INDEX.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        index = {fold(d): state.id for state in catalogue.states.values() for d in state.demonyms}
        cached = _DEMONYM_INDEX[id(catalogue)] = (catalogue, index)
    return cached[1]


def _demonym_actors(
    view: SentenceView, start: int, end: int, catalogue: Catalogue
) -> list[ActorMention]:
    demonyms = _demonyms(catalogue)
    for i in range(start, end + 1):
        if i not in view.taken:
            continue
        for width in (2, 1):
            words = " ".join(view.low(j) for j in range(i, min(i + width, end + 1)))
            found = demonyms.get(words)
            if found is not None:
                span = Span(view.starts[i], view.ends[i + width - 1], words)
                return [ActorMention(i, i + width - 1, catalogue.actor(found), span)]
    return []


# Bodies a demonym makes a state's: "the Freedonian mission to the United Nations".
_SPEAKING_BODIES: Final = frozenset("ministry government embassy mission delegation".split())
# Bodies a possessive points at a state with: "its foreign ministry", "their government".
_BODY_NOUNS: Final = frozenset("ministry government embassy mission military army navy".split())


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
