"""Who speaks: the phrase before or after a stance cue, resolved to a person, a body,
a state, a group or an outlet, with what the article said of them before."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Final

from armstrack.catalogue import Catalogue
from armstrack.catalogue.normalise import fold
from armstrack.extract.bisection import bisect_right
from armstrack.extract.frames import cue_bit, holds_cue, known_cues
from armstrack.extract.lexicon import (
    CONTACTED,
    DETERMINERS,
    OUTLET_KINDS,
    PERSON_NOUNS,
    QUOTE_MARKS,
    TITLE_WORDS,
)
from armstrack.extract.quantities import NUMBER_WORDS
from armstrack.extract.spans import new_speaker
from armstrack.extract.view import ActorMention, SentenceView
from armstrack.records import ActorRef, Span, Speaker

AUXILIARIES: Final = frozenset(
    "has have had also is was were are been would will did does do not repeatedly "
    "strongly firmly previously already again categorically flatly publicly later earlier "
    "it immediately officially".split()
)


NP_STOPS: Final = frozenset(
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
        # "denied selling them to Cyprus after a report said": a clause of its own
        "after",
        "before",
        "because",
        "although",
        "though",
        "until",
    ]
)


def ends_phrase(view: SentenceView, index: int) -> bool:
    """Whether the token ends a noun phrase: not the full stops of a name ("U.S. officials",
    whose match may end before its last stop)."""
    word = view.low(index)
    if word != ".":
        return word in NP_STOPS
    if view.low(index - 1) in _TITLE_ABBREVIATIONS:
        return False  # "Sen. Jane Roe", "Maj. Gen. Pat Doe": a title, not a sentence's end
    if len(view.low(index - 1)) == 1 and (
        view.low(index - 2) == "." or (len(view.low(index + 1)) == 1 and view.low(index + 2) == ".")
    ):
        return False  # "Iran's U.N. mission": the stops of initials
    return not (index in view.taken or (index - 1 in view.taken and len(view.low(index - 1)) == 1))


def dots(view: SentenceView, start: int, end: int) -> int:
    return sum(1 for i in range(start, end + 1) if view.low(i) == ".")


_TITLE_ABBREVIATIONS: Final = frozenset(
    "gen lt col maj capt cpt sgt adm cmdr brig rep sen gov pres dr mr mrs ms prof".split()
)


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


ACCUSATION_NOUNS: Final = frozenset(
    "charge charges accusation accusations claim claims allegation".split()
)


BEING: Final = frozenset("stands stood is are was were been being be".split())


REPORT_NOUN_LEADS: Final = frozenset(
    "about of on the these those such media news press recent earlier previous similar "
    "unconfirmed".split()
)


POSTS: Final = frozenset("embassy embassies mission consulate ambassador envoy".split())


def in_quote(view: SentenceView, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation opened earlier in the sentence."""
    index = token_at(view, offset)
    marks = sum(1 for i in range(index) if view.low(i) in QUOTE_MARKS)
    return marks % 2 == 1


def clause_subject(
    view: SentenceView, text: str, offset: int, catalogue: Catalogue
) -> Speaker | None:
    """The actor that opens the clause holding ``offset``: "Pyongyang called it groundless"."""
    cue = token_at(view, offset)
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
        and view.low(end + 1) not in AUXILIARIES
        and view.low(end + 1) not in NP_STOPS
    ):
        if not (view.low(end + 1) in ("'s", "'") or view.low(end + 1).isalpha()):
            break
        if view.low(end + 1) in ("called", "said", "dismissed", "denied", "rejected"):
            break
        end += 1
        if end - last > 3:
            break
    return end


def token_at(view: SentenceView, offset: int) -> int:
    """The first token that ends after ``offset`` (the number of tokens if none does)."""
    return bisect_right(view.ends, offset)


@dataclass(slots=True, eq=False)
class Reading:
    """What resolving a speaker needs besides the words: the article so far. (The
    ``__init__`` is written out so that mypyc compiles it: see ``view.ActorMention``.)"""

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


def find_speaker(reading: Reading, match: re.Match[str]) -> Speaker | None:
    view = reading.view
    cue = token_at(view, match.start())
    cue_end = token_at(view, match.end() - 1)
    word = match.group(0).lower()
    if word in ("accused", "alleged") and view.low(cue - 1) in BEING:
        # "The UAE stands accused of supplying ...": the accused speaks no word here.
        return _after(reading, cue_end + 2) if view.low(cue_end + 1) == "by" else None
    if word in ("reports", "report") and view.low(cue - 1) in REPORT_NOUN_LEADS:
        return None  # "was asked about reports of the shipments": the noun, no saying
    if word == "cited" and any(i < cue <= i + 4 for i, _ in view.outlets):
        # "Le Monde cited two diplomats as saying": the outlet carries the claim (CLAIMS.md).
        index, outlet_id = next((i, o) for i, o in view.outlets if i < cue <= i + 4)
        name = _outlet_name(reading.text, view, index, outlet_id, reading.catalogue)
        if name is not None:
            return Speaker(reading.text[view.starts[index] : view.ends[cue - 1]], None, None, name)
    if word.startswith("according to") or word in ("citing", "cited", "as per", "per"):
        cited = _after(reading, cue_end + 1)
        if word == "cited" and (cited is None or _unnamed_voice(cited)):
            # "The report cited a European official": no state named, the outlet whose
            # report it is carries the claim (CLAIMS.md: "sources cited by Reuters").
            return _citing_outlet(reading, cue) or cited
        return cited
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
    end = skip_back(view, cue - 1)
    relative = view.low(end) in ("which", "who") and view.low(end - 1) == ","
    if relative:
        end = skip_back(view, end - 2)  # "the ministry, which said on Telegram"
    elif view.low(end) == ",":
        # "X, which oversees Y, declined": the speaker stands before the relative clause.
        opener = next(
            (i for i in range(end - 1, max(-1, end - 20), -1)
             if (view.low(i) in ("which", "who") or _participle(view.low(i)))
             and view.low(i - 1) == ","),
            None,
        )  # fmt: skip
        if opener is not None:
            end = skip_back(view, opener - 2)
        else:
            apposed = _apposition(reading, end)
            if apposed is not None:
                return apposed
    start = end
    # The stops of "Lt. Col." are not words: "Polish army spokesman Lt. Col. Adam Nowak".
    while (
        start - 1 >= 0
        and not ends_phrase(view, start - 1)
        and end - start < 7 + dots(view, start, end)
    ):
        if relative and view.low(start - 1) in _CLAUSE_PREPOSITIONS:
            break  # "ties with Russia under Vucic, who denied": Vucic denied
        start -= 1
    start = _person_before(view, start, end)
    if end >= 0 and start <= end and view.low(end) not in NP_STOPS:
        speaker = settle(reading, start, end)
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


_REPORT_SUBJECTS: Final = frozenset(["report", "paper", "newspaper", "article", "story"])
# Voices with no name and no state: "a Western diplomat", "officials", "two sources"; not an
# analyst or an expert, who speak for themselves (CLAIMS.md).
_UNNAMED_HEADS: Final = frozenset(
    "source sources official officials diplomat diplomats people insider insiders".split()
)


def _unnamed_voice(speaker: Speaker) -> bool:
    if speaker.actor is not None or speaker.outlet is not None or not speaker.role:
        return False
    return speaker.role.split()[-1] in _UNNAMED_HEADS


def _citing_outlet(reading: Reading, cue: int) -> Speaker | None:
    """The outlet met before that "the report" or "the paper" just before ``cue`` is."""
    view, outlet = reading.view, reading.memory.outlet
    if outlet is None or outlet.actor is not None or view.low(cue - 1) not in _REPORT_SUBJECTS:
        return None
    if view.low(cue - 2) not in ("the", "its", "that", "this"):
        return None
    return replace(outlet, text=view_text(reading, cue - 2, cue - 1))


def _person_before(view: SentenceView, start: int, end: int) -> int:
    """ "a spokesman for the country's Joint Chiefs of Staff told": a long body name can
    hide the person it belongs to; reach back a few words to them."""
    if any(view.low(i) in _SPEAKER_NOUNS for i in range(start, end + 1)):
        return start
    for index in range(start - 1, max(-1, start - 5), -1):
        if ends_phrase(view, index):
            break
        if view.low(index) in _SPEAKER_NOUNS and view.low(index + 1) in ("for", "of", "at"):
            while index - 1 >= 0 and view.low(index - 1) in DETERMINERS:
                index -= 1
            return index
    return start


_CLAUSE_PREPOSITIONS: Final = frozenset("under with from in to at by on against".split())
# The head nouns of a body or person that speaks: "the Freedonian embassy in Ruritania".
_SPEAKING_HEADS: Final = frozenset("mission delegation".split())


def _join(reading: Reading, end: int, speaker: Speaker) -> None:
    """ "The Freedonian embassy in Ruritania and the Ruritanian defence ministry did not
    respond": the body before "and" speaks too, when it is one, not a clause."""
    view = reading.view
    start = end
    while start - 1 >= 0 and not ends_phrase(view, start - 1) and end - start < 7:
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


def _join_outlet(reading: Reading, end: int) -> None:
    """ "CNN and the Washington Post reported": the outlet before "and" reports too."""
    view = reading.view
    found = next(((i, o) for i, o in view.outlets if i <= end <= i + 4), None)
    if found is None:
        return
    name = _outlet_name(reading.text, view, found[0], found[1], reading.catalogue)
    if name is not None:
        reading.joined.append(Speaker(view_text(reading, found[0], end), None, None, name))


def view_text(reading: Reading, start: int, end: int) -> str:
    return reading.text[reading.view.starts[start] : reading.view.ends[end]]


_PASSIVE: Final = frozenset("was were been is are being first initially originally earlier".split())


def _quoted_as_saying(view: SentenceView, cue_end: int) -> bool:
    ahead = range(cue_end + 1, min(cue_end + 16, len(view.lows) - 1))
    return any(view.low(i) == "as" and view.low(i + 1) == "saying" for i in ahead)


def _pronoun_object(reading: Reading, index: int) -> Speaker | None:
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
        if word in NP_STOPS or word in ("to", "that"):
            return None
    return None


_REPORT_NOUNS: Final = frozenset(["report", "reports"])
_REPORT_LINKS: Final = frozenset("by of in from on at carried published".split())


def _after(reading: Reading, start: int) -> Speaker | None:
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
    speaker = settle(reading, start, end)
    if speaker is not None or view.low(end + 1) != ",":
        return speaker
    if not all(_capitalised(reading.text, view, i) for i in range(start, end + 1)):
        return None
    speaker = settle(reading, end + 2, _forward(view, end + 2))
    if speaker is not None and (speaker.actor or speaker.outlet):
        reading.memory.names[view.low(end)] = speaker
        reading.memory.person = speaker
    return speaker


def _participle(word: str) -> bool:
    """ "officials, speaking on condition of anonymity, said": an aside to skip."""
    return word.endswith("ing") and len(word) > 5 and word not in ("according",)


def _with_medium(reading: Reading, after: int, speaker: Speaker, word: str) -> Speaker:
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
    name = _outlet_name(reading.text, view, found[0], found[1], reading.catalogue)
    return replace(speaker, outlet=name) if name else speaker


def settle(reading: Reading, start: int, end: int) -> Speaker | None:
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
        and _bloc(view, start, end) is None
        and not unnamed
    ):
        # "Foreign Minister Maris said": a name met before with its state says whose.
        known = reading.memory.names.get(view.low(end)) if _capitalised(text, view, end) else None
        actor = known.actor if known is not None else None
        actor = actor or _official_state(reading, start)
        if actor is None and _titled(speaker.role):
            return None  # a minister of a state not known: no non-state voice either
        if actor is not None:
            speaker = new_speaker(speaker.text, actor, speaker.role, speaker.outlet, speaker.count)
    if speaker.actor is None and speaker.outlet is None:
        speaker = _credited(reading, end, speaker)
    _remember(reading, start, end, speaker)
    return speaker


_UNNAMED: Final = frozenset("unnamed anonymous unidentified".split())


def _same_person(reading: Reading, start: int, end: int, speaker: Speaker) -> Speaker:
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
    outlet = reading.memory.outlet
    if view.low(end) == "report" and outlet is not None and outlet.actor is None:
        # "..., the Courier reported. The report, citing officials, said": the outlet's
        # report, though the officials it cites were met in between.
        return replace(outlet, text=speaker.text)
    return speaker


def _credited(reading: Reading, end: int, speaker: Speaker) -> Speaker:
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


def _apposition(reading: Reading, comma: int) -> Speaker | None:
    """ "Jane Doe, the Freedonian defence minister, said": the title between the commas
    speaks, and the name before them is remembered as that speaker."""
    view = reading.view
    opening = next(
        (i for i in range(comma - 1, max(-1, comma - 12), -1) if ends_phrase(view, i)), None
    )
    if opening is None or view.low(opening) != "," or opening + 1 > comma - 1:
        return None
    if comma - opening <= 5 and all(
        _capitalised(reading.text, view, i) for i in range(opening + 1, comma)
    ):
        # "Iran's ambassador to Armenia, Jane Doe, denied": the title before the name speaks.
        end = skip_back(view, opening - 1)
        start = end
        while start - 1 >= 0 and not ends_phrase(view, start - 1) and end - start < 7:
            start -= 1
        titled = settle(reading, start, end) if start <= end else None
        if titled is not None and (titled.actor or titled.role):
            reading.memory.names[view.low(comma - 1)] = titled
            return titled
    name = _name_before(reading, opening)
    if name is None:
        return None
    speaker = settle(reading, opening + 1, comma - 1)
    if speaker is not None and (speaker.actor or speaker.outlet or speaker.role):
        reading.memory.names[name] = speaker
        return speaker
    return None


def _name_before(reading: Reading, index: int) -> str | None:
    """The surname of a run of capitalised words ending just before ``index``."""
    view, text = reading.view, reading.text
    first = index
    while first - 1 >= 0 and _capitalised(text, view, first - 1) and index - first < 6:
        first -= 1
    if first == index or (first > 0 and view.low(first - 1) not in NP_STOPS):
        return None
    return view.low(index - 1)


def _capitalised(text: str, view: SentenceView, index: int) -> bool:
    # ``text[start].isupper()``, compared for ASCII: compiled, the method is called by
    # name, and ``ord`` of an indexed character reads it without making a string.
    start = view.starts[index]
    code = ord(text[start])
    upper = 65 <= code <= 90 if code < 128 else text[start].isupper()
    return upper and view.low(index).isalpha()


_PRONOUNS: Final = frozenset(["he", "she", "it", "they"])


def _pronoun(reading: Reading, cue: int) -> Speaker | None:
    """ "he added", "she said", "it said in a statement": the speaker named before."""
    view, memory = reading.view, reading.memory
    index = cue - 1
    while (
        index >= 0
        and view.low(index) != "it"
        and (view.low(index) in AUXILIARIES or _adverb(view.low(index)))
    ):
        index -= 1  # "he surprisingly announced", "she later said"
    word = view.low(index)
    if word not in _PRONOUNS or index < 0:
        return None
    if view.low(index - 1) in ACCUSATION_NOUNS and word in ("it", "they"):
        # "accused of supplying drones, a charge it has denied": the accused denies.
        subject = next(
            (a for a in view.actors if a.first < index and a.prep is None and not a.speaker),
            None,
        )
        if subject is not None:
            return Speaker(view_text(reading, subject.first, subject.last), subject.actor)
    if index > 0 and view.low(index - 1) not in NP_STOPS and view.low(index - 1) != "and":
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


def _recall(reading: Reading, start: int, end: int) -> Speaker | None:
    """A surname, "the ministry" or "the paper" with no actor of its own in the sentence."""
    view, text, memory = reading.view, reading.text, reading.memory
    phrase = text[view.starts[start] : view.ends[end]]
    words = [view.low(i) for i in range(start, end + 1)]
    if end - start < 4 and all(
        _capitalised(text, view, i) or (start < i < end and view.low(i) in _NAME_HYPHENS)
        for i in range(start, end + 1)
    ):  # "Doe", "Jane Doe", "Amir-Doe": a hyphen joins the parts of a surname
        known = memory.names.get(view.low(end))
        if known is None:
            return None
        return new_speaker(phrase, known.actor, known.role, known.outlet, known.count)
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
    return role is not None and role.split()[-1] in TITLE_WORDS


def _official_state(reading: Reading, start: int) -> ActorRef | None:
    """The state an official with no state named speaks for: the subject of the clause
    reported before it ("Sweden will send ..., the minister said"), else the state of
    the article's last state speaker, else the sentence's subject, else the article's."""
    view, memory = reading.view, reading.memory
    subjects = [
        a for a in view.actors if a.prep is None and not a.speaker and a.actor.kind == "state"
    ]
    # Not past a dash or colon: "MELBOURNE, Australia — Malaysia has ..." is a dateline.
    breaks = [i for i in range(start) if view.low(i) in ("—", "–", ":", ";")]
    floor = breaks[-1] if breaks else -1
    # Not a state named inside a quotation: '"America has approved the sale," the minister
    # said' quotes a minister on another state as often as on their own.
    before = [
        a
        for a in subjects
        if floor < a.first and a.last < start and not in_quote(view, view.starts[a.first])
    ]
    if before:
        return before[0].actor
    if memory.state is not None and memory.state.actor is not None:
        return memory.state.actor
    if reading.home is not None:
        return reading.home
    return subjects[0].actor if subjects else None


_TITLE_CUE: Final = cue_bit(TITLE_WORDS)


def register_titles(reading: Reading) -> None:
    """ "Freedonian Defence Minister Jane Doe visited the plant": remember Doe as speaking
    for Freedonia, whether or not she speaks in this sentence."""
    view, text, memory = reading.view, reading.text, reading.memory
    if not known_cues(view) & _TITLE_CUE:
        return  # (``view.words.isdisjoint(TITLE_WORDS)``, read with the sentence's cues)
    for index, word in enumerate(view.lows):
        if word not in TITLE_WORDS:
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
        while start - 1 >= 0 and not ends_phrase(view, start - 1) and index - start < 5:
            start -= 1
        speaker = _phrase(view, text, start, last, reading.catalogue)
        if speaker is None or speaker.actor is None:
            named = Speaker(text[view.starts[start] : view.ends[last]], None, word)
            introduced = _introduced_as(view, last, speaker or named)
            if introduced is not None:
                speaker = introduced
                memory.person = speaker  # the sentence is about them: a later "he told"
        if speaker is not None and speaker.actor is not None:
            # Every word of the name: Thai and Indonesian officials go by their first one.
            for name in range(index + 1, last + 1):
                memory.names.setdefault(view.low(name), speaker)
            memory.person = memory.person or speaker  # a later "she said", "quoted him"


_COPULAS: Final = frozenset(["is", "was", "serves", "served"])
_INTRODUCED_REACH: Final = 10  # tokens after the copula: "is director general of the Thai navy's"


def _introduced_as(view: SentenceView, last: int, speaker: Speaker) -> Speaker | None:
    """ "Rear Admiral Jan Roe is head of procurement at the Freedonian navy.": a titled
    person introduced by a copula speaks for the state of the body that follows."""
    if view.low(last + 1) not in _COPULAS:
        return None
    end = min(len(view.lows), last + 2 + _INTRODUCED_REACH)
    for mention in view.actors:
        if last + 1 < mention.first < end:
            between = view.lows[last + 2 : mention.first]
            if set(between) & {",", ";", "and", "but", "said", "says", "told"}:
                return None  # "is visiting Ruritania, and ..." or a saying of its own
            if mention.prep not in (None, "of", "at", "for") and not mention.possessive:
                return None
            if {"of", "at", "for"}.isdisjoint(between) and mention.prep is None:
                return None  # "is visiting Ruritania": no office held
            return Speaker(speaker.text, mention.actor, speaker.role)
    return None


_CONTACTED_CUE: Final = cue_bit(CONTACTED)


def note_contacted(reading: Reading) -> None:
    """ "The ministry was contacted for comment. It did not respond.": the body asked for
    comment is who "it" stands for in the next sentence, though it said nothing here."""
    view = reading.view
    if not known_cues(view) & _CONTACTED_CUE or "comment" not in view.words:
        return
    verb = next((i for i, w in enumerate(view.lows) if w in CONTACTED), -1)
    if verb < 0:
        return  # (the bit set for every cue word: a test's open gates)
    if view.low(verb - 1) in ("was", "were", "been") and view.low(verb + 1) == "for":
        asked = next((a for a in view.actors if a.last < verb and a.prep is None), None)
        limit = verb
    else:
        # "Reuters contacted the ministry for comment": the one asked, not the outlet.
        asked = next((a for a in view.actors if verb < a.first <= verb + 3), None)
        limit = next((i for i in range(verb + 1, len(view.lows)) if view.low(i) == "for"), -1)
    if asked is not None and limit > asked.last:
        start = asked.first - 1 if view.low(asked.first - 1) == "the" else asked.first
        settle(reading, start, _np_end(view, asked.last, limit))


def _remember(reading: Reading, start: int, end: int, speaker: Speaker) -> None:
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


def skip_back(view: SentenceView, index: int) -> int:
    while index >= 0 and view.low(index) in AUXILIARIES:
        index -= 1
    return index


def _forward(view: SentenceView, start: int) -> int:
    end = start
    while end + 1 < len(view.lows) and not ends_phrase(view, end + 1) and end - start < 8:
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
# What may follow a press noun in the name of unnamed press: "media outlets", "media
# reports in Iran".
_PRESS_TAIL: Final = frozenset("outlets outlet reports report channels websites".split())
# "media affiliated with the Guards", "media close to the government", "media loyal to".
_PRESS_LINKS: Final = frozenset(
    "affiliated close linked tied loyal aligned controlled run owned backed".split()
)


def _press_tail(view: SentenceView, start: int, end: int) -> int | None:
    """The press noun of ``start..end`` if the words are unnamed press: the last "media"
    or "press" followed only by ``_PRESS_TAIL`` words, then at most a place ("in Iran") or
    whom it is close to ("close to the government")."""
    index = next((i for i in range(end, start - 1, -1) if view.low(i) in _PRESS_NOUNS), None)
    if index is None:
        return None
    after = index + 1
    while after <= end and view.low(after) in _PRESS_TAIL:
        after += 1
    if after <= end and view.low(after) in _PRESS_LINKS:
        return index  # "media close to the government": still unnamed press
    if after <= end and view.low(after) not in ("in", "from"):
        return None
    if after <= end and not any(a.first == after + 1 and a.last == end for a in view.actors):
        return None
    return index


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
    if any(a.prep == "in" and view.low(a.first - 2) in POSTS for a in actors):
        # "the Russian embassy in Ankara": the host state does not speak.
        actors = [a for a in actors if a.prep != "in"] or _demonym_actors(
            view, start, end, catalogue
        )
    person = next((w for w in words if w in _SPEAKER_NOUNS), None)
    # "Russian state media" too: CLAIMS.md keys unnamed press as non-state, whoever owns it.
    press = person in _PRESS_NOUNS and words[-1] == person
    if not press and not outlets:
        # "Iran's official media", "Russian state media outlets", "media reports in Iran":
        # unnamed press whatever words qualify it or follow it.
        tail = _press_tail(view, start, end)
        if tail is not None:
            person, press = view.low(tail), True
            actors = [a for a in actors if a.first < tail]
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
        body = _unlisted_body(view, text, start, end) or _bloc(view, start, end)
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
    outlet = _outlet_name(text, view, outlets[0][0], outlets[0][1], catalogue) if outlets else None
    if (
        outlet is not None
        and actors
        and all(a.possessive and a.last < outlets[0][0] for a in actors)
    ):
        actors = []  # "Iran's Tasnim news agency reported": the outlet is credited
    if (
        outlet is not None
        and actors
        and all(a.last < outlets[0][0] for a in actors)
        and _qualifies_outlet(view, max(a.last for a in actors) + 1, outlets[0][0])
    ):
        actors = []  # "Iranian state news agency IRNA": the outlet, whoever owns it
    if outlets and outlet is None and not actors:
        # A think tank speaks as a non-state voice, not as a news outlet (CLAIMS.md).
        role = role or catalogue.outlets[outlets[0][1]].name
    if person in _INDEPENDENT_NOUNS and _EMPLOYERS.isdisjoint(words[: words.index(person)]):
        # "Chinese military experts", "defence analysts": experts speak for no state
        # (CLAIMS.md), unless they work for one ("government analysts").
        return new_speaker(phrase, None, role, outlet, count)
    if person in _MAKER_NOUNS or any(a.role in _companies(catalogue) for a in actors):
        # "Lockheed Martin did not respond", "Turkish drone maker Baykar said": a maker
        # speaks for itself, not for its state (CLAIMS.md: "nonstate").
        return new_speaker(phrase, None, " ".join(words), outlet, count)
    return new_speaker(phrase, actors[0].actor if actors else None, role, outlet, count)


# Words that say what kind of outlet follows: "Iranian state news agency IRNA", "the
# Russian state-run broadcaster RT"; not "a defence ministry statement carried by TASS".
_OUTLET_QUALIFIERS: Final = frozenset(
    "state run owned official semi news agency media outlet broadcaster television tv "
    "daily newspaper paper channel website weekly magazine wire service - 's ' the".split()
)


def _qualifies_outlet(view: SentenceView, start: int, end: int) -> bool:
    """Whether the words ``start..end-1`` between a state and an outlet only qualify it."""
    return all(view.low(i) in _OUTLET_QUALIFIERS for i in range(start, end))


# The last word of the name of a body that speaks for itself: "Amnesty International",
# "Human Rights Watch", "the Centre for Arms Studies" (CLAIMS.md: NGOs, think tanks).
_BODY_HEADS: Final = frozenset(
    "international watch institute foundation centre center network monitor observatory "
    "project initiative".split()
)
_NAME_LINKS: Final = frozenset("of for on and the".split())


# Blocs and international bodies: they speak for no state ("G7 foreign ministers said",
# "the European Union said", "NATO's chief said"), CLAIMS.md "nonstate".
_BLOCS: Final = frozenset("nato eu g7 g20 asean osce iaea opcw brics un".split())
_BLOC_PAIRS: Final = frozenset(["european union", "united nations", "african union"])
# Their first words: most tokens are none, and need no pair built to look up.
_BLOC_FIRSTS: Final = frozenset(pair.split(" ")[0] for pair in _BLOC_PAIRS)


def _bloc(view: SentenceView, start: int, end: int) -> str | None:
    """The bloc named in ``start..end``, if any."""
    for index in range(start, end + 1):
        word = view.low(index)
        if word in _BLOCS:
            return word
        if word in _BLOC_FIRSTS and f"{word} {view.low(index + 1)}" in _BLOC_PAIRS and index < end:
            return f"{word} {view.low(index + 1)}"
    return None


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
    if view.low(end) not in OUTLET_KINDS or not text[view.starts[end]].islower():
        return False
    if view.low(start) in ("a", "an", "local", "one"):
        return True
    if view.low(start) in DETERMINERS:
        return False  # "the Japanese daily said": the outlet credited before
    return any(start <= a.first < end for a in view.actors) or bool(
        _demonym_actors(view, start, end - 1, catalogue)
    )


# Compiled once: ``re.sub`` with a pattern string looks it up in ``re``'s cache, as
# interpreted Python, at every call.
_LEADING_THE: Final = re.compile(r"^[Tt]he\s+")
_FOLDED_THE: Final = re.compile(r"^the\s+")


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
    surface = _LEADING_THE.sub("", surface)
    canonical = _FOLDED_THE.sub("", fold(entry.name))
    return entry.name if canonical in fold(surface) else surface


# Demonyms by folded spelling, one index per catalogue (built on first use).
_DEMONYM_INDEX: dict[int, tuple[Catalogue, dict[str, str]]] = {}


_OUTLET_CUE: Final = cue_bit(OUTLET_KINDS)


def _unlisted_outlet(
    view: SentenceView, text: str, start: int, end: int, catalogue: Catalogue
) -> str | None:
    """An outlet the catalogue does not list, named beside its kind ("the English-language
    daily The Morning Star", "the Ruritanian Nova 24 television channel"): its name."""
    if not holds_cue(view, _OUTLET_CUE, OUTLET_KINDS):
        return None
    demonyms = demonym_index(catalogue)
    for index in range(start, end + 1):
        if view.low(index) not in OUTLET_KINDS or not text[view.starts[index]].islower():
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
        while last >= start and view.low(last) in OUTLET_KINDS:
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
    return _LEADING_THE.sub("", name)


def demonym_index(catalogue: Catalogue) -> dict[str, str]:
    cached = _DEMONYM_INDEX.get(id(catalogue))
    if cached is None or cached[0] is not catalogue:
        index = {fold(d): state.id for state in catalogue.states.values() for d in state.demonyms}
        cached = _DEMONYM_INDEX[id(catalogue)] = (catalogue, index)
    return cached[1]


def _demonym_actors(
    view: SentenceView, start: int, end: int, catalogue: Catalogue
) -> list[ActorMention]:
    demonyms = demonym_index(catalogue)
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
