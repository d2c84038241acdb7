"""Independent origins: ten outlets rewriting one Reuters story are one source.

A report's origin is decided from the strongest evidence first:

1. ``credit``: an outlet the text credits (a dateline or byline, "told Reuters",
   "according to Yonhap"; see ``credits``);
2. ``shared``: the origin of an earlier stored text it shares the report's passages
   with (see ``passages``): an uncredited copy or rewrite rests on what it copies;
3. ``outlet``: the publishing outlet itself, its own reporting.

The order also runs backwards: a text stored with only its outlet as origin adopts
the credit of a later text that shares its passages (an uncredited wire copy stored
before a credited one). The store applies this; the functions here decide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from armstrack.resolve.credits import Credit, Tier


class Basis(StrEnum):
    """What a report's origin rests on, strongest first."""

    CREDIT = "credit"
    SHARED = "shared"
    OUTLET = "outlet"

    @property
    def rank(self) -> int:
        return {Basis.CREDIT: 2, Basis.SHARED: 1, Basis.OUTLET: 0}[self]


@dataclass(frozen=True, slots=True)
class Origin:
    """An origin key with what it rests on, in words for the reader."""

    key: str
    basis: Basis
    note: str


def credited(credit: Credit) -> Origin:
    kind = {
        Tier.BYLINE: "credit line",
        Tier.SOURCED: "own sourcing",
        Tier.CITED: "cited",
        Tier.CONTRIBUTED: "contribution",
    }[credit.tier]
    return Origin(credit.outlet, Basis.CREDIT, f'{kind}: "{credit.phrase[:80]}"')


def own(outlet: str | None, fallback: str) -> Origin:
    """The publishing outlet, or ``fallback`` (the article itself) for an unknown one,
    so that unrelated anonymous articles never merge into one origin."""
    if outlet:
        return Origin(outlet, Basis.OUTLET, "the outlet's own reporting")
    return Origin(fallback, Basis.OUTLET, "no outlet known: the article itself")


def transfer_credit(credits: Sequence[Credit], spans: Sequence[tuple[int, int]]) -> Credit | None:
    """The credit within the sentences one transfer is reported in, if any: in a
    roundup, each transfer rests on the outlet cited for it."""
    inside = [c for c in credits if any(s < c.end and c.start < e for s, e in spans)]
    return min(inside, key=lambda c: (c.tier, c.start)) if inside else None


@dataclass(frozen=True, slots=True)
class CountedReport:
    """What the count of origins needs of one report of a transfer."""

    origin: str
    outlet: str  # the publishing outlet's key, or the article's own for an unknown one


def origin_summary(
    reports: Iterable[CountedReport], name: Callable[[str], str] = lambda key: key
) -> str:
    """The origin count in words: "7 reports from 6 outlets, 2 independent origins:
    Reuters (own report and 4 copies and rewrites), Ukrinform"."""
    kept = list(reports)
    if not kept:
        return "no reports"
    outlets = len({r.outlet for r in kept})
    by_origin = Counter(r.origin for r in kept)
    parts = []
    for key, count in sorted(by_origin.items(), key=lambda kv: (-kv[1], kv[0])):
        if count == 1:
            parts.append(name(key))
            continue
        owns = sum(1 for r in kept if r.origin == key and r.outlet == key)
        others = count - owns
        copies = f"{others} {'copy or rewrite' if others == 1 else 'copies and rewrites'}"
        detail = f"own report and {copies}" if owns else copies
        if owns > 1:
            detail = f"{owns} own reports" + (f" and {copies}" if others else "")
        parts.append(f"{name(key)} ({detail})")
    plural = "s" if len(kept) != 1 else ""
    return (
        f"{len(kept)} report{plural} from {outlets} outlet{'s' if outlets != 1 else ''}, "
        f"{len(by_origin)} independent origin{'s' if len(by_origin) != 1 else ''}: "
        + ", ".join(parts)
    )
