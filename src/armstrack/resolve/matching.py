"""Which resolved transfer a new report belongs to, and why.

Reports are blocked by (supplier, recipient, category) before they get here, so only
a handful of candidates are ever compared. A report joins a transfer when nothing
sets them apart, checked in this order:

- dates: reported within three years of the transfer's reports;
- systems: the same designation, or one side names none. Different designations of
  one family (a Fateh-110 and a Fateh-360 report) are the same deal only when they
  are reported within ``FAMILY_DAYS`` of each other, as reports of one event are, or
  when the report takes the deal a stage further (talks, then a delivery): the same
  family at the same stage months apart is a second deal or delivery;
- event dates: reports of the same stage whose stated events (to the month or day,
  and recent when reported: a look back at the contract of years ago says nothing of
  a new delivery) lie more than ``EVENT_GAP_DAYS`` apart are two events; a deal's
  talks and its delivery naturally lie apart, so other stages are not compared;
- quantities: exact numbers of the same stage (two deliveries of 200 and of 40)
  that differ by more than a tenth, reported more than ``QUANTITY_DAYS`` apart, are
  two events.

Every decision comes with its reason, which the store keeps with the report: "merged
because the same system (Fateh-110) was reported 3 days after the last report".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

# Reports further apart than this are taken as different transfers of the same kind.
WINDOW_DAYS = 3 * 365
FAMILY_DAYS = 60  # different designations of one family reported this close: one event
EVENT_GAP_DAYS = 120  # stated event dates further apart than this: different events
QUANTITY_TOLERANCE = 0.1  # exact numbers of one stage further apart: different events
# Within a month, differing numbers are details of one story (40 jets ordered, 79
# upgraded); reported further apart, they are a second delivery.
QUANTITY_DAYS = 30


@dataclass(frozen=True, slots=True)
class MentionKey:
    """What resolution needs to know of one per-article report."""

    systems: frozenset[str]
    families: frozenset[str]
    reported_on: date | None
    times: frozenset[str] = frozenset()  # normalised event times ("2024-02", "2024-02-21")
    quantities: frozenset[tuple[str, int]] = frozenset()  # (status, exact number)
    stage: int = 0  # the reported status (records.Status), 0 when unknown


@dataclass(frozen=True, slots=True)
class TransferKey:
    """What resolution needs to know of one resolved transfer."""

    id: int
    systems: frozenset[str]
    families: frozenset[str]
    first_reported: date | None
    last_reported: date | None
    times: frozenset[tuple[int, str]] = frozenset()  # (stage, normalised time) stated
    quantities: frozenset[tuple[str, int]] = frozenset()
    stage: int = 0  # the most advanced status reported so far


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a report fits a transfer, and the reason in words (written only when
    read: a report is judged against every transfer of its block)."""

    fits: bool
    why: Callable[[], str]

    @property
    def reason(self) -> str:
        return self.why()


def _names(systems: frozenset[str], families: frozenset[str]) -> frozenset[str]:
    return systems | families


def _gap(mention: MentionKey, transfer: TransferKey) -> int | None:
    """Days between the report and the nearest report of the transfer (0 inside)."""
    known = [d for d in (transfer.first_reported, transfer.last_reported) if d is not None]
    if mention.reported_on is None or not known:
        return None
    lo, hi = min(known), max(known)
    return max((lo - mention.reported_on).days, (mention.reported_on - hi).days, 0)


def _systems(mention: MentionKey, transfer: TransferKey, gap: int | None) -> Verdict:
    if not mention.systems or not transfer.systems:
        return Verdict(True, lambda: "one of the reports names no system")
    same = sorted(mention.systems & transfer.systems)
    if same:
        return Verdict(True, lambda: f"the same system ({', '.join(same)})")
    family = sorted(mention.families & transfer.families)
    if not family:
        theirs = ", ".join(sorted(transfer.systems))
        return Verdict(
            False, lambda: f"different systems ({', '.join(sorted(mention.systems))} vs {theirs})"
        )
    names = f"{', '.join(sorted(mention.systems))} vs {', '.join(sorted(transfer.systems))}"
    if gap is not None and gap <= FAMILY_DAYS:
        return Verdict(True, lambda: f"one family ({family[0]}: {names}) reported {gap} days apart")
    if mention.stage > transfer.stage > 0:
        return Verdict(True, lambda: f"one family ({family[0]}: {names}), the deal a stage further")
    apart = f"{gap} days apart" if gap is not None else "undated"
    return Verdict(
        False, lambda: f"different designations of the {family[0]} family ({names}), {apart}"
    )


def _month_start(value: str) -> date | None:
    """The first day of a time stated to the month or day; None when coarser."""
    parts = value.split("-")
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    try:
        return date(int(parts[0]), int(parts[1]), 1)
    except ValueError:
        return None


def _recent(mention: MentionKey) -> list[tuple[str, date]]:
    """The report's event times stated to the month or day that lie within
    ``EVENT_GAP_DAYS`` before its publication: news of that event, not a look back."""
    if mention.reported_on is None:
        return []
    found = []
    for value in mention.times:
        start = _month_start(value)
        if start is not None and 0 <= (mention.reported_on - start).days <= EVENT_GAP_DAYS:
            found.append((value, start))
    return found


def stated_times(mention: MentionKey) -> frozenset[tuple[int, str]]:
    """The report's recent event times with its stage, as a transfer keeps them."""
    return frozenset((mention.stage, value) for value, _start in _recent(mention))


def _event_times(mention: MentionKey, transfer: TransferKey) -> Verdict | None:
    ours = {start for _value, start in _recent(mention)}
    theirs = {
        d for stage, t in transfer.times if stage == mention.stage for d in [_month_start(t)] if d
    }
    if not ours or not theirs:
        return None
    nearest = min(abs((a - b).days) for a in ours for b in theirs)
    if nearest > EVENT_GAP_DAYS:
        stated = f"{min(ours):%Y-%m} vs {min(theirs):%Y-%m}"
        return Verdict(False, lambda: f"event dates disagree ({stated})")
    return None


def _said(reason: str) -> Callable[[], str]:
    return lambda: reason


def _quantities(mention: MentionKey, transfer: TransferKey) -> Verdict | None:
    for status, number in sorted(mention.quantities):
        known = [n for s, n in transfer.quantities if s == status]
        close = any(abs(number - n) <= QUANTITY_TOLERANCE * max(number, n) for n in known)
        if known and not close:
            reason = f"quantities disagree ({number} vs {', '.join(map(str, sorted(set(known))))} {status})"
            return Verdict(False, _said(reason))
    return None


def judge(mention: MentionKey, transfer: TransferKey, window: int = WINDOW_DAYS) -> Verdict:
    """Whether the report belongs to the transfer, with the reason either way."""
    gap = _gap(mention, transfer)
    if gap is not None and gap > window:
        return Verdict(False, lambda: f"reported {gap} days from its reports, beyond {window}")
    systems = _systems(mention, transfer, gap)
    if not systems.fits:
        return systems
    apart = _event_times(mention, transfer)
    if apart is None and gap is not None and gap > QUANTITY_DAYS:
        apart = _quantities(mention, transfer)
    if apart is not None:
        return apart
    when = "undated" if gap is None else f"{gap} days from its other reports"
    return Verdict(True, lambda: f"{systems.reason}, {when}")


def _label(transfer: TransferKey) -> str:
    named = ", ".join(sorted(transfer.systems)) or "unnamed systems"
    return f"the transfer of {named}"


def compatible(mention: MentionKey, transfer: TransferKey) -> bool:
    return judge(mention, transfer).fits


def choose_transfer(
    mention: MentionKey, candidates: Sequence[TransferKey]
) -> tuple[int | None, str]:
    """The best fitting candidate (most shared systems, then the closest in time) and
    why; or None with why no candidate fits."""
    verdicts = [(c, judge(mention, c)) for c in candidates]
    fitting = [(c, v) for c, v in verdicts if v.fits]
    if not fitting:
        shown = sorted(verdicts, key=lambda pair: pair[0].id)[:3]
        refused = "; ".join(f"not {_label(c)}: {v.reason}" for c, v in shown)
        return None, "new transfer" + (f" ({refused})" if refused else "")

    def score(pair: tuple[TransferKey, Verdict]) -> tuple[int, int, int]:
        candidate = pair[0]
        shared = len(
            _names(mention.systems, mention.families)
            & _names(candidate.systems, candidate.families)
        )
        gap = 0
        if mention.reported_on and candidate.last_reported:
            gap = abs((mention.reported_on - candidate.last_reported).days)
        return (shared, -gap, -candidate.id)

    chosen, verdict = max(fitting, key=score)
    return chosen.id, f"merged because {verdict.reason}"
