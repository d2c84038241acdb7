"""Which resolved transfer a new report belongs to.

Reports are blocked by (supplier, recipient, category) before they get here, so only
a handful of candidates are ever compared. Two reports are the same transfer when
their systems are compatible (family-aware: a Zolfaghar report joins a Fateh-110
one; an F-16 deal and an F-35 deal of the same pair stay apart) and their dates lie
within a window of each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# Reports further apart than this are taken as different transfers of the same kind.
WINDOW_DAYS = 3 * 365


@dataclass(frozen=True, slots=True)
class MentionKey:
    """What resolution needs to know of one per-article report."""

    systems: frozenset[str]
    families: frozenset[str]
    reported_on: date | None


@dataclass(frozen=True, slots=True)
class TransferKey:
    """What resolution needs to know of one resolved transfer."""

    id: int
    systems: frozenset[str]
    families: frozenset[str]
    first_reported: date | None
    last_reported: date | None


def _names(systems: frozenset[str], families: frozenset[str]) -> frozenset[str]:
    return systems | families


def systems_compatible(mention: MentionKey, transfer: TransferKey) -> bool:
    """Either side names no system, or they share a system or a family."""
    if not mention.systems or not transfer.systems:
        return True
    return bool(
        _names(mention.systems, mention.families) & _names(transfer.systems, transfer.families)
    )


def dates_compatible(mention: MentionKey, transfer: TransferKey, window: int = WINDOW_DAYS) -> bool:
    if mention.reported_on is None:
        return True
    known = [d for d in (transfer.first_reported, transfer.last_reported) if d is not None]
    if not known:
        return True
    lo, hi = min(known), max(known)
    return (lo - mention.reported_on).days <= window and (mention.reported_on - hi).days <= window


def compatible(mention: MentionKey, transfer: TransferKey) -> bool:
    return systems_compatible(mention, transfer) and dates_compatible(mention, transfer)


def choose_transfer(mention: MentionKey, candidates: Sequence[TransferKey]) -> int | None:
    """The best compatible candidate: most shared systems, then the closest in time."""
    fitting = [c for c in candidates if compatible(mention, c)]
    if not fitting:
        return None

    def score(candidate: TransferKey) -> tuple[int, int, int]:
        shared = len(
            _names(mention.systems, mention.families)
            & _names(candidate.systems, candidate.families)
        )
        gap = 0
        if mention.reported_on and candidate.last_reported:
            gap = abs((mention.reported_on - candidate.last_reported).days)
        return (shared, -gap, -candidate.id)

    return max(fitting, key=score).id
