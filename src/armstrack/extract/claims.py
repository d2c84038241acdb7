"""Who says what about a transfer: speakers, stances and hedges in one sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.extract.frames import cue_bit, holds_cue, known_cues
from armstrack.extract.lexicon import (
    COMMITMENTS,
    DETERMINERS,
    GIVE_NOUNS,
    GIVE_VERBS,
    NEGATING_ADVERBS,
    NEGATOR_WORDS,
    NEITHER,
    PERSON_NOUNS,
    QUESTION_OPENERS,
    QUOTE_MARKS,
    RARE_SAYING_VERBS,
    REACH,
    REACTIONS,
    REBUFF_WORDS,
    RECEIVE_NOUNS,
    RECEIVE_VERBS,
    VERDICT_WORDS,
)
from armstrack.extract.prefilter import FoundWords, Prefiltered
from armstrack.extract.spans import new_span
from armstrack.extract.speakers import (
    AUXILIARIES,
    Reading,
    SpeakerMemory,
    clause_subject,
    demonym_index,
    find_speaker,
    in_quote,
    note_contacted,
    register_titles,
    settle,
    skip_back,
    token_at,
)
from armstrack.extract.view import ActorMention, SentenceView, same_actor
from armstrack.records import ActorRef, Span, Speaker, Stance

# The bits of the first word tests below among the sentence's cue bits (``known_cues``).
_QUESTION_CUE: Final = cue_bit(QUESTION_OPENERS)
_NEGATOR_CUE: Final = cue_bit(NEGATOR_WORDS)
_COMMITMENT_CUE: Final = cue_bit(COMMITMENTS)
_REACTION_CUE: Final = cue_bit(REACTIONS)

# The stances as final names, which compiled code reads as statics: ``Stance.DENIES``
# looks the class up by name and goes through ``EnumType``'s attribute hook, some 1,500
# instructions a read.
ASSERTS: Final = Stance.ASSERTS
CONFIRMS: Final = Stance.CONFIRMS
DENIES: Final = Stance.DENIES
DECLINES: Final = Stance.DECLINES
UNCONFIRMED: Final = Stance.UNCONFIRMED


def _words(alternation: str) -> list[str]:
    """The words of a plain alternation, "said|says|told", for ``Prefiltered.on_words``."""
    return alternation.split("|")


@dataclass(slots=True, eq=False)
class StanceCue:
    stance: Stance
    pattern: Prefiltered  # on folded text
    # Tokens one of which every match holds, if given: a set test on the sentence's words
    # is cheaper than even the pattern's hint for a rare cue. They are one of the cue sets
    # of ``frames``, whose bit (``bit``) tells if the sentence holds one.
    words: frozenset[str]
    bit: int
    # The pattern on the words every match opens with (``opens``, a plain alternation),
    # if given: once ``pattern`` finds its own words in a sentence, it is tried at these
    # alone rather than searched for at every position (``cue_matches``; tests check that
    # every match opens so).
    opener: Prefiltered | None

    def __init__(
        self,
        stance: Stance,
        pattern: Prefiltered,
        words: frozenset[str] = frozenset(),
        opens: str = "",
    ) -> None:
        self.stance, self.pattern, self.words = stance, pattern, words
        self.bit = cue_bit(words) if words else 0
        self.opener = None
        if opens:
            self.opener = Prefiltered.on_words(
                pattern.pattern, _words(opens), folded=True, opens=True
            )


def cue_matches(
    cue: StanceCue, folded: str, start: int, end: int, found: FoundWords | None
) -> Iterator[re.Match[str]]:
    """What ``cue.pattern.finditer`` finds in ``folded[start:end]``."""
    if cue.opener is None:
        return cue.pattern.finditer(folded, start, end, found)
    if not cue.pattern.may_match(folded, start, end, found):
        return iter(())
    return cue.opener.finditer(folded, start, end, found)


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
        opens="neither|declin|refus|would|did",
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
                r"western|american|us|israeli|hostile|enemy|sheer|outright|blatant|complete)\s+){0,2}"
                r"|(?:called|calling|dubbed|termed|labell?ed|described|branded|branding)\s+"
                r"(?:[\w'’]+\s+){0,5}?(?:as\s+)?(?:[\"“‘']\s*)?"
                r"(?:(?:sheer|outright|blatant|complete|pure|a|an)\s+){0,2})"
                r"(?:untrue|false|lies|lie|fake|propaganda|disinformation|misinformation|nonsense|"
                r"baseless|groundless|unfounded|fabricated|fabrications?|absurd|ridiculous|"
                r"speculative|speculation|slander|slanderous|politically motivated|"
                r"unsubstantiated)\b"
                # "said the reports were not true", "said there was no truth to them"
                r"|\b(?:(?:were|was|are|is)\s+not|(?:is|was)\s+no|(?:has|had|have)\s+no)\s+"
                r"(?:true|truth|basis)\b"
                # "said the claims were without foundation"
                r"|\b(?:were|was|are|is)\s+(?:completely\s+|totally\s+|entirely\s+)?without\s+"
                r"(?:any\s+)?(?:foundation|basis)\b"
            ),
            # "l(?<=\bl)ies?\b" is "\blies?\b" opening with its letter: every branch then
            # opens with one, and the engine skips the positions no branch can start at.
            re.compile(
                r"untrue|false|l(?<=\bl)ies?\b|fake|propaganda|sinformation|nonsense|baseless|"
                r"groundless|"
                r"without foundation|without any foundation|without basis|"
                r"unfounded|fabricat|absurd|ridiculous|speculati|slander|not true|no truth|no basis|"
                r"motivated|unsubstantiated"
            ),
        ),
        VERDICT_WORDS,
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
        NEGATING_ADVERBS,
    ),
    StanceCue(
        Stance.DECLINES,
        Prefiltered.on_words(
            re.compile(
                r"\b(?:declined|declines|refused|refuses|would not|did not|has not|have not|had not|"
                r"was not|were not|didn't|hasn't|haven't|hadn't|wouldn't|won't|does not|doesn't)"
                r"\s+(?:immediately\s+|publicly\s+|directly\s+|yet\s+)?"
                r"(?:to\s+)?(?:comment|respond|repl(?:y|ie)|provide further details|answer|"
                r"be reached)\w*"
                r"|\b(?:declined|declines|refused|refuses)\s+to\s+(?:discuss|elaborate|disclose|"
                r"specify|say|confirm|(?:give|provide) (?:further |more |any )?details)\b"
                r"|\bno (?:immediate |official |public )?(?:comment|response|reply)\b(?= from\b)"
                # 'the spokesman said: "No comment."'
                r"|\b(?:said|says|replied|answered):?\s+[\"“‘']?\s*no comment\b"
                r"|\bno immediate comment\b|\bunable to comment\b|\bnot immediately available\b"
                # "No comment was immediately available from the ministry"
                r"|\bno (?:immediate )?comment (?:was|is) (?:immediately )?available\b"
                # "said he had nothing to add": an answer that gives nothing
                r"|\b(?:had|has|have) nothing (?:more |further )?to (?:add|say)\b"
                r"|\b(?:did not|didn't) (?:immediately )?return\b"
                r"|\bcould not (?:immediately )?be (?:reached|contacted)\b|\b(?:had|has|have) no comment\b"
                r"|\bunavailable for comment\b|\bnot available for comment\b"
                r"|\brequests? for comment\b(?=[^.;]{0,80}?\bwent unanswered\b)"
                r"|\b(?:has|have|had)\s+yet\s+to\s+(?:publicly\s+)?(?:comment|respond|reply)\w*"
                r"|\b(?:declined|declines|refused|refuses|ignored|ignores)\s+(?:a\s+|an\s+|"
                r"repeated\s+|"
                r"multiple\s+|several\s+)?requests?\s+(?:for|to)\s+comment\b"
                r"|\brefrain(?:ed|s)? from comment\w*"
                # "would not say whether", "refused to be drawn on", "offered no comment"
                r"|\b(?:would not|wouldn't|will not|won't)\s+say\b"
                r"|\b(?:declined|declines|refused|refuses|would not|wouldn't)\s+(?:to\s+)?be\s+"
                r"drawn\b"
                r"|\b(?:offered|gave|made|offers|gives|makes)\s+no\s+"
                r"(?:immediate\s+|public\s+|official\s+|further\s+)?comment\b"
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
                "comment|respon|reply|provide further|answer|reached|contacted|declin|refus|available|return|"
                "nothing|repli|"
                "silent|say|drawn|discuss|elaborate|lipped|mum"
            ),
            folded=True,
        ),
        opens="declin|refus|would|did|has|have|had|was|were|does|won't|no |said|says|replied|"
        "answered|unable|not |could|unavailable|request|ignore|refrain|will|offer|gave|made|"
        "gives|makes|cannot|can't|remain|kept|stayed",
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
                # "had no information to confirm the report", "was looking into the reports"
                r"no (?:information|evidence|way|means) to (?:confirm|verify)|"
                r"(?:looking into|investigating|examining|checking|studying|reviewing)\s+"
                r"(?:the\s+|these\s+|those\s+|such\s+)?(?:media\s+)?"
                r"(?:reports?|claims?|allegations?)|"
                r"(?:did|does|do|would|will|could)\s+not\s+(?:independently\s+)?confirm|"
                r"(?:didn't|doesn't|don't|wouldn't|won't|couldn't)\s+confirm)\b",
            ),
            _words(
                "observed|confirm|verif|seen|evidence|acknowledg|indication|aware|sign|questioned|"
                "looking into|investigating|examining|checking|studying|reviewing"
            ),
            folded=True,
        ),
        opens="not|never|yet to|could|unverified|unconfirmed|no |cannot|unable|seen|found|saw|"
        "questioned|looking into|investigating|examining|checking|studying|reviewing|did|do|"
        "would|will|won't",
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
                r"(?<=reports had ))(?:emerged|surfaced)|"
                # "Sky News has learned": an outlet's own reporting
                r"(?:(?<=has )|(?<=have )|(?<=had ))(?:learned|learnt))\b",
            ),
            _words(
                "adding|note|stress|emphasi|underscored|underlined|affirmed|reaffirmed|"
                "explained|highlighted|declared|asserted|maintained|clarifi|state|reads|quot|"
                "found|show|believe|estimate|assess|suspect|emerged|surfaced|learned|learnt"
            ),
            folded=True,
            opens=True,
        ),
        RARE_SAYING_VERBS,
    ),
    # Silences whose speakers stand after the cue's first word (see ``find_claim_cues``).
    StanceCue(
        # "Neither Moscow nor Pyongyang responded to requests for comment": each declines
        # (``_neither_speakers``); the match opens at "neither", before its speakers.
        Stance.DECLINES,
        Prefiltered.on_words(
            re.compile(
                r"\bneither\s+(?:[^.;,\s]+\s+){1,12}?(?:has\s+|have\s+|had\s+)?(?:immediately\s+|"
                r"publicly\s+)?(?:responded|commented|replied|answered|returned|respond|comment|"
                r"reply|answer|confirmed\s+or\s+denied)\b(?!\s+(?:that|yes|no)\b)"
            ),
            ["neither"],
            folded=True,
            opens=True,
        ),
        NEITHER,
    ),
    StanceCue(
        # "The Courier could not reach the ministry for comment", "attempts to reach Tehran
        # were unsuccessful": whoever could not be reached declines (``_unreached``), not
        # the subject that tried.
        Stance.DECLINES,
        Prefiltered.on_words(
            re.compile(
                r"\b(?:could not|couldn't|unable to|failed to)\s+(?:immediately\s+)?reach\s+"
                r"(?:[^.;,\s]+\s+){1,10}?for\s+(?:a\s+|further\s+)?comment\b"
                r"|\b(?:attempts|efforts)\s+to\s+reach\s+(?:[^.;,\s]+\s+){1,10}?"
                r"(?:were|have been|had been|proved)\s+(?:unsuccessful|in vain|fruitless)\b"
            ),
            ["reach"],
            folded=True,
        ),
        REACH,
    ),
    StanceCue(
        # Rejections in other words: "ruled out having sent", "brushed off the reports",
        # "rebuffed the allegations", "pushed back against the claims".
        Stance.DENIES,
        Prefiltered.on_words(
            re.compile(
                r"\b(?:ruled|rules|ruling)\s+out\s+(?:ever\s+)?having\b"
                r"|\b(?:brushed\s+(?:off|aside)|brushes\s+(?:off|aside)|rebuffed|rebuffs|"
                r"contested|contests|pushed\s+back\s+(?:against|on))\s+(?:the\s+|these\s+|"
                r"those\s+|such\s+|all\s+|media\s+|western\s+|us\s+|u\.s\.\s+|new\s+)*"
                r"(?:reports?|claims?|allegations?|accusations?|charges?)\b"
            ),
            _words("ruled|rules|ruling|brushe|rebuff|contest|pushed"),
            folded=True,
        ),
        REBUFF_WORDS,
    ),
)
# Denial words that judge a claim rather than report a speech act.
EVALUATIVE: Final = frozenset(
    "baseless groundless unfounded fabrication fabrications fabricated smear untrue false lies lie "
    "foundation "
    "fake propaganda disinformation misinformation nonsense absurd ridiculous speculative "
    "speculation slander slanderous true truth basis motivated unsubstantiated".split()
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
# ``HEDGES`` on the words its matches open with, tried once its own words are found.
_HEDGE_OPENER: Final = Prefiltered.on_words(
    HEDGES.pattern,
    _words(
        "reportedly|allegedly|purportedly|apparently|if confirmed|is believed|are believed|"
        "was believed|were believed|is said|are said|appear|suspected|likely|unconfirmed|"
        "unverified|may have|might have|could have|is thought|are thought|rumo|claimed"
    ),
    folded=True,
    opens=True,
)


@dataclass(slots=True, unsafe_hash=True)
class ClaimCue:
    stance: Stance
    speaker: Speaker | None
    span: Span

    def __init__(self, stance: Stance, speaker: Speaker | None, span: Span) -> None:
        self.stance, self.speaker, self.span = stance, speaker, span


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
# No opener: its words ("is", "are") would cost the article-wide scan more than the
# search of the few sentences with a "not" or "never" costs.
_OWN_DENIAL: Final = StanceCue(Stance.DENIES, OWN_NEGATION)
_SPOKEN_CUES: Final = (
    *(cue for cue in STANCE_CUES if cue.stance is not Stance.ASSERTS),
    _OWN_DENIAL,
)
# For ``has_spoken_stance``, which asks whether any matches: the cues the article's words
# found answer for first, those whose hint is searched through the sentence last.
_SPOKEN_CUES_CHEAP_FIRST: Final = tuple(
    sorted(_SPOKEN_CUES, key=lambda cue: cue.opener is None and not cue.pattern.words)
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
        r"lipped|mum\b|no public comment|no official comment|politically motivated|"
        r"unsubstantiated|looking into|investigating|examining|checking|studying|reviewing|"
        r"nothing|reach|lie\b|without|ruled out|rules out|ruling out|brushed|rebuff|contest|"
        r"pushed back)"
    ),
    _words(
        "neither|den|reject|dismiss|refut|disput|baseless|groundless|unfounded|fabricat|smear|"
        "declin|refus|would not|did not|has not|have not|had not|was not|n't|no comment|"
        "no response|no reply|unavailable|request|were not|no immediate|unable to|not |yet to|"
        "could not|unverified|unconfirmed|no evidence|cannot be|confirm|acknowledg|admit|"
        "verified|never|silent|untrue|false|lies|fake|propaganda|sinformation|nonsense|refrain|"
        "absurd|ridiculous|speculati|slander|not true|no truth|no basis|would not say|be drawn|"
        "cannot|can't|lipped|mum|no public comment|no official comment|politically motivated|"
        "unsubstantiated|looking into|investigating|examining|checking|studying|reviewing|"
        "nothing|reach|lie|without|ruled out|rules out|ruling out|brushed|rebuff|contest|"
        "pushed back"
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
        r"ambassador|envoy|commander|chief|admiral|general|contacted|approached)\b"
    ),
    _words(
        "minister|president|spokes|secretary|chancellor|premier|ambassador|envoy|commander|"
        "chief|admiral|general|contacted|approached"
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
    *(cue.opener for cue in (*STANCE_CUES, _OWN_DENIAL) if cue.opener is not None),
    HEDGES,
    _SPOKEN_HINT,
    _TITLE_HINT,
    OWN_NEGATION,
    _HEDGE_OPENER,
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
    """Whether one of ``_SPOKEN_CUES`` matches in ``folded[start:end]``: whether
    ``cue_matches`` finds anything for one of them."""
    for cue in _SPOKEN_CUES_CHEAP_FIRST:
        if cue.opener is None:
            if _finds_any(cue.pattern, folded, start, end, found):
                return True
        elif cue.pattern.may_match(folded, start, end, found) and _finds_any(
            cue.opener, folded, start, end, found
        ):
            return True
    return False


def _finds_any(
    pattern: Prefiltered, folded: str, start: int, end: int, found: FoundWords | None
) -> bool:
    """Whether ``pattern.finditer(folded, start, end, found)`` finds a match, tried where
    it would try and left at the first: most sentences asked about have none, and a
    pattern that opens with its words is tried at each of them."""
    starts = found.starts(pattern, start, end) if found is not None else None
    if starts is None:
        return pattern.search(folded, start, end) is not None
    if not starts:
        return False
    if not pattern.opens:
        return pattern.pattern.search(folded, start, end) is not None
    match = pattern.pattern.match
    return any(match(folded, position, end) is not None for position in starts)


def find_hedges(
    folded: str, start: int, end: int, found: FoundWords | None = None
) -> tuple[str, ...]:
    """Hedging phrases in ``folded[start:end]`` (text folded by ``catalogue.normalise.fold``)."""
    if not HEDGES.may_match(folded, start, end, found):
        return ()
    matches = _HEDGE_OPENER.finditer(folded, start, end, found)
    return tuple(dict.fromkeys(m.group(0) for m in matches))


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
    reading = Reading(view, text, catalogue, memory or SpeakerMemory(), home)
    register_titles(reading)
    note_contacted(reading)
    quoted = _quoted_continuation(reading)
    cues: list[ClaimCue] = []
    seen: list[tuple[int, int]] = []
    known = known_cues(view)
    for stance_cue in STANCE_CUES:
        if stance_cue.bit and not known & stance_cue.bit:
            continue  # (``not view.words.isdisjoint(stance_cue.words)``, read once)
        stance = stance_cue.stance
        for match in cue_matches(stance_cue, folded, view.start, view.end, found):
            # Read once: each is a method call by name from compiled code.
            start, end = match.span()
            if any(s <= start < e for s, e in seen):
                continue
            seen.append((start, end))
            span = new_span(start, end, text[start:end])
            matched = folded[start:end]  # ``match.group(0)``: the pattern runs on ``folded``
            if _evaluative(matched):
                cues.append(ClaimCue(stance, None, span))
                continue
            if stance is DENIES and _rejects_a_demand(view, match):
                continue
            if matched.startswith("neither") and stance is DECLINES:
                cues.extend(_neither_speakers(reading, match, span))
                continue
            if stance is DECLINES and _REACH.search(matched):
                cues.extend(_unreached(reading, match, span))
                continue
            cues.append(ClaimCue(stance, find_speaker(reading, match), span))
            if reading.joined:
                cues.extend(ClaimCue(stance, joined, span) for joined in reading.joined)
                reading.joined.clear()
    if not cues and quoted is None:
        # The steps below settle and add to the cues found: with none, nothing to do.
        reading.memory.until = view.end
        return cues
    if _asked_only(view):
        cues = [c for c in cues if c.stance not in (ASSERTS, CONFIRMS)]
    cues.sort(key=lambda c: c.span.start)
    # "calling the allegations a fabrication by Washington": the judge of an evaluative
    # word is whoever spoke before it in the sentence, not the words after it.
    for index, cue in enumerate(cues):
        if cue.speaker is None and _evaluative(cue.span.text):
            judge = clause_subject(view, text, cue.span.start, catalogue)
            earlier = [c.speaker for c in cues[:index] if c.speaker is not None]
            if judge is None and earlier:
                judge = earlier[-1]
            if judge is None:
                # '"These allegations are groundless," the minister said', 'Reports of the
                # shipments are "pure propaganda", an official said': who says it after.
                judge = next((c.speaker for c in cues[index + 1 :] if c.speaker), None)
            if judge is not None:
                cues[index] = replace(cue, speaker=judge)
    cues = _shared_subjects(view, cues)
    cues = _silent_after_but(view, text, catalogue, cues)
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
        if cue.stance is DENIES
        for accuser in _accusers(view, text, catalogue, cue)
    ]
    cues += [other for cue in cues if cue.stance is DECLINES for other in _nor(reading, cue)]
    cues += [
        other
        for cue in cues
        if cue.stance is DENIES and cue.speaker is not None
        for other in _nor(reading, cue, ("as",))
    ]
    if not cues and quoted is not None:
        cues = [quoted]
    cues = _drop_relays(cues)
    reading.memory.until = view.end
    shared = [other for cue in cues for other in _co_speakers(view, cue)]
    shared += [other for cue in cues for other in _joined_demonyms(view, catalogue, cue)]
    return cues + shared + [other for cue in cues for other in _pair_speakers(view, cue)]


_QUESTION_LINKS: Final = frozenset(["on", "about", "over", "whether", "if", "regarding"])


def _asked_only(view: SentenceView) -> bool:
    """ "Asked whether the missiles had been delivered, the spokeswoman said ties were
    growing": the transfer sits in the question only; the answer after it names no weapon
    and no transferring, so the saying neither asserts nor confirms it."""
    if not known_cues(view) & _QUESTION_CUE:
        return False
    lows = view.lows
    opener = next(
        (
            i
            for i, word in enumerate(lows)
            if word in QUESTION_OPENERS and view.low(i + 1) in _QUESTION_LINKS
        ),
        None,
    )
    if opener is None:
        return False
    close = next((i for i in range(opener + 2, len(lows)) if lows[i] == ","), None)
    if close is None:
        return False
    asked = [w for w in view.weapons if opener < w.first < close]
    if not asked or any(w.first > close for w in view.weapons):
        return False
    return not any(word in _TRANSFER_TOKENS or word == "yes" for word in lows[close + 1 :])


def _shared_subjects(view: SentenceView, cues: list[ClaimCue]) -> list[ClaimCue]:
    """ "Iran acknowledged selling a few drones before the war but denies supplying any
    since": a denial joined by "but" to an earlier cue, with no subject of its own, shares
    that cue's speaker."""
    shared = list(cues)
    for index, cue in enumerate(shared):
        if cue.speaker is not None or index == 0 or cue.stance is not DENIES:
            continue
        if _evaluative(cue.span.text):
            continue
        before = token_at(view, cue.span.start) - 1
        while before > 0 and view.low(before) in AUXILIARIES:
            before -= 1  # "but has repeatedly denied"
        if view.low(before) != "but":
            continue  # "and has rejected demands": a list of acts, not a contrast
        earlier = shared[index - 1]
        if earlier.speaker is not None and earlier.span.end <= view.starts[before]:
            shared[index] = replace(cue, speaker=earlier.speaker)
    return shared


def _silent_after_but(
    view: SentenceView, text: str, catalogue: Catalogue, cues: list[ClaimCue]
) -> list[ClaimCue]:
    """ "Tehran was contacted for comment but did not reply": a silence joined by "but"
    with no subject of its own is the silence of the clause's subject before it."""
    if "but" not in view.words:
        return cues
    shared = list(cues)
    for index, cue in enumerate(shared):
        if cue.speaker is not None or cue.stance is not DECLINES:
            continue
        before = token_at(view, cue.span.start) - 1
        while before > 0 and (view.low(before) in AUXILIARIES or view.low(before) == "then"):
            before -= 1
        if view.low(before) != "but" or before < 1:
            continue
        subject = clause_subject(view, text, view.starts[before - 1], catalogue)
        if subject is not None and subject.actor is not None:
            shared[index] = replace(cue, speaker=subject)
    return shared


def _own_denials(
    view: SentenceView, folded: str, cues: list[ClaimCue], found: FoundWords | None
) -> list[ClaimCue]:
    """ "Lin said China had never sold drones to Russia": a state named as the subject of a
    negated transfer denies it when its own speaker says so; "Doe said Sylvania had not
    sent tanks" is another state's word and denies nothing for Sylvania."""
    sayers = [c for c in cues if c.stance is ASSERTS and c.speaker and c.speaker.actor]
    if not sayers:
        return []
    denials: list[ClaimCue] = []
    for match in cue_matches(_OWN_DENIAL, folded, view.start, view.end, found):
        before = skip_back(view, token_at(view, match.start()) - 1)
        subject = next((a for a in view.actors if a.last == before and a.prep is None), None)
        if subject is None:
            continue
        for cue in sayers:
            assert cue.speaker is not None and cue.speaker.actor is not None
            if cue.speaker.actor.id == subject.actor.id:
                span = Span(match.start(), match.end(), match.group(0))
                denials.append(ClaimCue(DENIES, cue.speaker, span))
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
    if not holds_cue(view, _NEGATOR_CUE, NEGATOR_WORDS):
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


_COMMITMENT_GAP: Final = frozenset(
    [",", "that", "not", "never", "yet", "which", "who", "to", "and", "or", "but", "said"]
)


def commitment_speakers(view: SentenceView, parties: set[str]) -> list[Speaker]:
    """The parties that commit themselves to the transfer in the sentence, as speakers."""
    found: list[Speaker] = []
    if not holds_cue(view, _COMMITMENT_CUE, COMMITMENTS):
        return found
    for index, word in enumerate(view.lows):
        if word not in COMMITMENTS:
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
    if actor is None or trigger < 0 or cue.stance not in (ASSERTS, CONFIRMS):
        return False
    said = token_at(view, cue.span.start)
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


_LATER_SPEAKER_REACH: Final = 8  # tokens of a speaker phrase: "US President Jane Roe"


def later_clause(view: SentenceView, cue: ClaimCue, trigger: int) -> bool:
    """Whether a saying sits in a clause joined on after a transfer's trigger, with what it
    says after it: "Freedonia is sending tanks and Sylvania's president said allies would
    send more" (the tanks are the article's word, not the president's). A closing
    attribution ("..., and jets, officials said.") still covers the whole sentence."""
    if trigger < 0 or cue.speaker is None or cue.stance not in (ASSERTS, CONFIRMS):
        return False
    said = token_at(view, cue.span.start)
    if said <= trigger or said + 3 >= len(view.lows):
        return False
    joints = [i for i in range(trigger + 1, said) if view.low(i) in _CONJUNCTS]
    if not joints:
        return False
    phrase = view.lows[joints[-1] + 1 : said]
    return 0 < len(phrase) <= _LATER_SPEAKER_REACH and "," not in phrase


# What a bystander says when it reacts to a transfer rather than reporting it: "Cathay said
# it would sanction the contractors", "said it firmly opposed the sale" (CLAIMS.md: a
# reaction that only presupposes a transfer is no claim).
_REACTION_REACH: Final = 10  # tokens after the cue: "said on Tuesday that it firmly opposes"


def reacts(view: SentenceView, cue: ClaimCue) -> bool:
    """Whether what follows the cue is a reaction ("would sanction", "strongly opposes")."""
    if not holds_cue(view, _REACTION_CUE, REACTIONS):
        return False
    said = token_at(view, cue.span.start)
    for index in range(said + 1, min(said + 1 + _REACTION_REACH, len(view.lows))):
        word = view.low(index)
        if word in REACTIONS:
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
    after = token_at(view, match.end() - 1) + 1
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


def _nor(
    reading: Reading, cue: ClaimCue, joints: tuple[str, ...] = ("nor", "neither", "as")
) -> list[ClaimCue]:
    """ "The army did not respond to requests for comment, nor did Iran's foreign
    ministry", "..., as did the embassy": the speaker after "nor did" or "as did" takes
    the same stance."""
    view = reading.view
    index = token_at(view, cue.span.end - 1) + 1
    end = min(len(view.lows), index + 14)
    # "..., and neither did the ministry": "neither" after the cue says the same as "nor".
    nor = next((i for i in range(index, end) if view.low(i) in joints), None)
    if nor is None or view.low(nor + 1) not in ("did", "has", "have", "had", "would", "could"):
        return []
    if view.low(nor) == "as" and view.low(nor - 1) != ",":
        return []  # "as did" after a comma: "declined to comment, as did the embassy"
    last = nor + 2
    while last + 1 < len(view.lows) and view.low(last + 1) not in _NOR_STOPS:
        last += 1
    speaker = settle(reading, nor + 2, last)
    return [ClaimCue(cue.stance, speaker, cue.span)] if speaker is not None else []


_NOR_STOPS: Final = frozenset(". , ; to respond reply comment answer return".split()) | {""}
_ACCUSATIONS: Final = frozenset(
    "claims claim accusations accusation allegations allegation statements charges reports "
    "assertions".split()
)


def _accusers(
    view: SentenceView, text: str, catalogue: Catalogue, denial: ClaimCue
) -> list[ClaimCue]:
    """ "rejected Japanese claims that", "denied British and French accusations that":
    whose claims are denied asserts the transfer (CLAIMS.md)."""
    index = token_at(view, denial.span.end - 1) + 1
    demonyms = demonym_index(catalogue)
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
        ClaimCue(ASSERTS, Speaker(phrase, catalogue.actor(a), view.low(index)), denial.span)
        for a in dict.fromkeys(accusers)
    ]


# What "neither government responded" stands for: the two parties (see ``transfers``).
_PAIR_NOUNS: Final = frozenset("government governments side sides country countries".split())


def _neither_speakers(reading: Reading, match: re.Match[str], span: Span) -> list[ClaimCue]:
    """ "Neither Moscow nor Pyongyang responded": each state named declines; "neither
    government replied" declines for both parties of the transfer."""
    view = reading.view
    first, last = token_at(view, match.start()), token_at(view, match.end() - 1)
    named = [a for a in view.actors if first < a.first < last and a.prep is None]
    if named:
        return [ClaimCue(DECLINES, Speaker(a.span.text, a.actor), span) for a in named]
    noun = next((i for i in range(first + 1, last) if view.low(i) in _PAIR_NOUNS), None)
    if noun is None:
        return []
    # Not "neither government" as its text: ``_nobody`` drops a "neither" speaker.
    phrase = reading.text[view.starts[first + 1] : view.ends[noun]]
    return [ClaimCue(DECLINES, Speaker(phrase, None, "pair"), span)]


_REACH: Final = re.compile(r"\breach\b")


def _unreached(reading: Reading, match: re.Match[str], span: Span) -> list[ClaimCue]:
    """ "Reuters could not reach Iran's foreign ministry for comment": each state named
    after "reach" declines."""
    view = reading.view
    reach = token_at(view, match.start() + (_REACH.search(match.group(0)) or match).start())
    last = token_at(view, match.end() - 1)
    return [
        ClaimCue(DECLINES, Speaker(a.span.text, a.actor), span)
        for a in view.actors
        if reach < a.first < last
    ]


def _nobody(phrase: str) -> bool:
    return phrase.lower().startswith(("neither ", "no ", "none of "))


def _drop_saying_of_denials(view: SentenceView, cues: list[ClaimCue]) -> list[ClaimCue]:
    """ "Freedonia said the reports were false": the saying carries the denial, it asserts
    nothing of its own. After a "but" it may: "denied selling jets but said it sold parts".
    So with not confirming: "said it had seen no indication of deliveries"."""
    # "said he could not comment": so with declining.
    denials = [
        c for c in cues if c.stance in (DENIES, UNCONFIRMED, DECLINES) and c.speaker is not None
    ]
    if not denials:
        return cues

    def carries(cue: ClaimCue) -> bool:
        if cue.stance is not ASSERTS or cue.speaker is None:
            return False
        if _denied_reports(view, cue, denials):
            return True
        for denial in denials:
            assert denial.speaker is not None
            if _closes_a_quoted_doubt(view, denial, cue):
                return True
            if denial.speaker.actor != cue.speaker.actor:
                continue
            if denial.span.start < cue.span.start:
                if in_quote(view, denial.span.start) or _evaluative(denial.span.text):
                    return True  # '"The reports are false," the ministry said'
                if _trailing_attribution(view, denial, cue):
                    return True  # "The ministry rejected the claims, its spokesman said."
                continue
            between = view.lows[token_at(view, cue.span.end) : token_at(view, denial.span.start)]
            if not set(between) & {"but", ";", "while", "although", "though"}:
                return True
        return False

    return [c for c in cues if not carries(c)]


def _closes_a_quoted_doubt(view: SentenceView, denial: ClaimCue, cue: ClaimCue) -> bool:
    """'"Their spokesman did not confirm the sale," the minister said': a saying that
    closes a quotation holding a denial or a doubt relays it; it confirms nothing, whoever
    the doubt belongs to."""
    if denial.stance is DECLINES or denial.span.start >= cue.span.start:
        return False
    if in_quote(view, denial.span.start):
        return True
    # The quotation may open in an earlier sentence: a closing mark between the two.
    between = view.lows[token_at(view, denial.span.end - 1) + 1 : token_at(view, cue.span.start)]
    return any(word in QUOTE_MARKS for word in between)


_CLAUSE_OPENERS: Final = frozenset("that it they he she which who we i".split())


def _trailing_attribution(view: SentenceView, denial: ClaimCue, cue: ClaimCue) -> bool:
    """ "The Kremlin rejected the claims on Monday, said spokesman Jan Roe": a saying
    after a comma that closes the sentence says the denial before it, nothing more."""
    first, last = token_at(view, denial.span.end), token_at(view, cue.span.start)
    if "," not in view.lows[first:last] or set(view.lows[first:last]) & {"but", ";"}:
        return False
    after = view.lows[token_at(view, cue.span.end) :]
    return len(after) <= 8 and not set(after) & _CLAUSE_OPENERS


def _denied_reports(view: SentenceView, cue: ClaimCue, denials: list[ClaimCue]) -> bool:
    """ "denied media reports that ...": "reports" is what is denied, no saying."""
    if cue.span.text.lower() != "reports":
        return False
    said = token_at(view, cue.span.start)
    return any(
        0 < said - token_at(view, denial.span.start) <= 3 and denial.span.start < cue.span.start
        for denial in denials
    )


_RELAY_CUES: Final = frozenset(["citing", "cited", "according to", "told"])


def _drop_relays(cues: list[ClaimCue]) -> list[ClaimCue]:
    """ "The Times, citing Freedonian intelligence, reported ...": an outlet that relays a
    state's word is no speaker of its own (CLAIMS.md: outlets speak when no state does)."""
    relayed = any(
        c.stance is ASSERTS
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
            c.stance is ASSERTS
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
        if c.stance in (ASSERTS, CONFIRMS) and c.speaker is not None and c.speaker.actor is not None
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


def _quoted_continuation(reading: Reading) -> ClaimCue | None:
    """'The minister said: "We sent the tanks." "More will follow."': a quoted sentence
    right after the one its speaker was named in is still theirs."""
    view, memory = reading.view, reading.memory
    speaker = memory.last
    if speaker is None or not view.lows or view.low(0) not in _OPENING_QUOTES:
        return None
    if view.start - memory.until > 3 or memory.until < 0:
        return None
    return ClaimCue(ASSERTS, speaker, new_span(view.starts[0], view.ends[0], view.lows[0]))


def _co_speakers(view: SentenceView, cue: ClaimCue) -> list[ClaimCue]:
    """ "Both Moscow and Pyongyang deny it": the same cue for each actor joined to the
    speaker by "and" or a comma."""
    if cue.speaker is None or cue.speaker.actor is None:
        return []
    before = [a for a in view.actors if a.last < token_at(view, cue.span.start)]
    actor = cue.speaker.actor
    index = next(
        (i for i in range(len(before) - 1, -1, -1) if same_actor(before[i].actor, actor)), None
    )
    shared: list[ClaimCue] = []
    while index:
        current, previous = before[index], before[index - 1]
        between = {view.low(i) for i in range(previous.last + 1, current.first)}
        if not between or not between <= {"and", ",", "the"}:
            break
        if previous.prep is not None and not _listed_speakers(view, previous):
            break
        # "Iranian and Sudanese officials": two demonyms of one speaking phrase.
        if previous.actor != cue.speaker.actor and (not previous.speaker or current.speaker):
            speaker = Speaker(previous.span.text, actor=previous.actor)
            shared.append(replace(cue, speaker=speaker))
        index -= 1
    return shared


def _joined_demonyms(view: SentenceView, catalogue: Catalogue, cue: ClaimCue) -> list[ClaimCue]:
    """ "Iranian and Sudanese officials did not respond": each demonym joined to the
    speaker's own ("Sudanese officials") speaks too."""
    if cue.speaker is None or cue.speaker.actor is None:
        return []
    said = token_at(view, cue.span.start)
    own = next(
        (a for a in view.actors if a.speaker and a.last < said and a.actor == cue.speaker.actor),
        None,
    )
    if own is None or view.low(own.first - 1) not in ("and", ","):
        return []
    demonyms = demonym_index(catalogue)
    joined: list[ClaimCue] = []
    index = own.first - 1
    while index > 0 and view.low(index) in ("and", ","):
        state = demonyms.get(view.low(index - 1))
        if state is None or state == cue.speaker.actor.id:
            break
        actor = catalogue.actor(state)
        joined.append(replace(cue, speaker=Speaker(view.lows[index - 1], actor)))
        index -= 2
    return joined


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
