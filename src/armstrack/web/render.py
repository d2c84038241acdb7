"""Pure helpers that turn records into what the templates draw.

Everything taken from an article (text, title, URL) is untrusted: it leaves here either
escaped inside ``Markup`` or as plain strings that Jinja's autoescaping escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from armstrack.records import Claim, Mark, Report, Span, Speaker, Stance

# One colour per category, readable on white and distinct for the common ones.
CATEGORY_COLOURS = {
    "aircraft": "#1f77b4",
    "uav": "#d62728",
    "missile": "#ff7f0e",
    "air_defence": "#2ca02c",
    "armoured_vehicle": "#8c564b",
    "artillery": "#9467bd",
    "ammunition": "#7f7f7f",
    "ship": "#17becf",
    "small_arms": "#bcbd22",
    "sensor": "#e377c2",
    "other": "#393b79",
}
STATUS_COLOURS = {"discussed": "#9ecae1", "agreed": "#3182bd", "delivered": "#08519c"}


# The claims' stances, in the order the transfer page sets them side by side: what
# supports the report first, then what contradicts or withholds.
STANCE_LABELS = {
    Stance.ASSERTS: "Asserted",
    Stance.CONFIRMS: "Confirmed",
    Stance.DENIES: "Denied",
    Stance.DECLINES: "Declined to comment",
    Stance.UNCONFIRMED: "Not confirmed",
}
SUPPORTING = (Stance.ASSERTS, Stance.CONFIRMS)
# A text file's first line " date 2024-01-27" (see ingest/text.py): kept in the stored
# text, so that offsets stay exact, but shown as the article's date, not as its text.
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n|\Z)(?:[ \t]*\r?\n)*")


def number(value: int | None) -> str:
    """A count or quantity with thousands separators (12,500); nothing for None."""
    return "" if value is None else f"{value:,}"


def date_line(text: str) -> tuple[int, date | None]:
    """Where a text's body starts after its leading `` date YYYY-MM-DD`` line (and the
    blank lines after it), and that date; (0, None) for a text without one."""
    found = _DATE_LINE.match(text)
    if found is None:
        return 0, None
    try:
        return found.end(), date.fromisoformat(found.group(1))
    except ValueError:  # 2024-02-30: not a date line, just text
        return 0, None


@dataclass(frozen=True, slots=True)
class SpeakerClaims:
    """One speaker's statements of one stance (None: the article says it itself)."""

    speaker: Speaker | None
    claims: tuple[tuple[Report, Claim], ...]

    @property
    def reports(self) -> tuple[Report, ...]:
        """The reports quoting them, each once, in order."""
        return tuple({r.mention_id: r for r, _ in self.claims}.values())


@dataclass(frozen=True, slots=True)
class StanceGroup:
    stance: str  # the Stance value, for classes and ids
    label: str
    speakers: tuple[SpeakerClaims, ...]

    @property
    def statements(self) -> int:
        return sum(len(s.claims) for s in self.speakers)


def claims_by_stance(reports: Iterable[Report]) -> list[StanceGroup]:
    """Every claim of every report, grouped by stance (in STANCE_LABELS order, only
    the stances somebody took) and, within a stance, by speaker in order of appearance."""
    groups: dict[Stance, dict[object, list[tuple[Report, Claim]]]] = {s: {} for s in STANCE_LABELS}
    speakers: dict[object, Speaker | None] = {}
    for report in reports:
        for claim in report.claims:
            key = _speaker_key(claim.speaker)
            speakers.setdefault(key, claim.speaker)
            groups.setdefault(claim.stance, {}).setdefault(key, []).append((report, claim))
    return [
        StanceGroup(
            stance.value,
            STANCE_LABELS.get(stance, stance.value),
            tuple(SpeakerClaims(speakers[k], tuple(found)) for k, found in by_speaker.items()),
        )
        for stance, by_speaker in groups.items()
        if by_speaker
    ]


def _speaker_key(speaker: Speaker | None) -> object:
    if speaker is None:
        return None
    actor = speaker.actor.id if speaker.actor else None
    return (speaker.text.casefold(), actor, speaker.role, speaker.outlet)


def contradicted(groups: Sequence[StanceGroup]) -> bool:
    """Whether somebody supports the report while somebody else denies it."""
    taken = {g.stance for g in groups}
    return Stance.DENIES.value in taken and any(s.value in taken for s in SUPPORTING)


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web address a link may point to, else None (no javascript:)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def marked(snippet: str) -> Markup:
    """A search snippet escaped, with its \x02...\x03 match markers as <mark>."""
    return Markup(str(escape(snippet)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def highlight(
    text: str, marks: Iterable[Mark | Span], start: int = 0, end: int | None = None
) -> Markup:
    """``text[start:end]`` escaped, with every mark inside wrapped in <mark>.

    Marks may overlap: the text is cut at every boundary and each piece carries the
    classes of all marks covering it, so nothing is dropped or nested wrongly.
    """
    end = len(text) if end is None else end
    spans = [(max(m.start, start), min(m.end, end), _classes(m)) for m in marks]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({start, end, *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for left, right in pairwise(cuts):
        piece = escape(text[left:right])
        covering = [s[2] for s in spans if s[0] <= left and right <= s[1]]
        if covering:
            classes = sorted({c for cs in covering for c in cs.split()})
            out.append(
                Markup('<mark class="{}" title="{}">{}</mark>').format(
                    " ".join(classes), _mark_title(classes), piece
                )
            )
        else:
            out.append(piece)
    return Markup("").join(out)


def _classes(mark: Mark | Span) -> str:
    if isinstance(mark, Mark):
        return "evidence" if mark.kind == "evidence" else f"claim stance-{mark.kind}"
    return "evidence"


def _mark_title(classes: list[str]) -> str:
    """What a highlight is, in words: shown on hover, and not told by colour alone."""
    said = [
        STANCE_LABELS.get(Stance(c.removeprefix("stance-")), c).lower()
        for c in classes
        if c.startswith("stance-") and c.removeprefix("stance-") in Stance._value2member_map_
    ]
    parts = ["evidence"] if "evidence" in classes else []
    parts += [f"claim: {s}" for s in said]
    return "; ".join(parts)


def speaker_extras(speaker: Speaker) -> tuple[str | None, str | None]:
    """The speaker's role and outlet where the words as written do not already say them
    ("Reuters" needs no "via Reuters"; "European security officials" no repeated role)."""
    said = speaker.text.casefold()
    role = speaker.role if speaker.role and speaker.role.casefold() not in said else None
    outlet = speaker.outlet if speaker.outlet and speaker.outlet.casefold() not in said else None
    return role, outlet


def context(text: str, spans: Sequence[Span], margin: int = 200) -> tuple[int, int]:
    """A window of the text around spans, widened to whole words, for showing in place."""
    left = max(0, min(s.start for s in spans) - margin)
    right = min(len(text), max(s.end for s in spans) + margin)
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    return left, right
