"""The Atom feed of new and changed transfers, built with feedgen (which escapes)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from armstrack.records import ResolvedTransfer, TransferChange

_FIELDS = {
    "first_reported": "first reported",
    "last_reported": "last reported",
    "deniers": "denied by",
    "absorbed": "merged with transfer",
    "merged_into": "merged into transfer",
}


def atom(
    items: list[ResolvedTransfer],
    changes: Mapping[int, list[TransferChange]],
    base: str,
    self_url: str,
    query: str,
) -> bytes:
    """An Atom document: one entry per transfer, newest change first; each entry says what
    its last change was (``changes``: per transfer id, the changes stored last)."""
    feed = FeedGenerator()
    feed.id(f"{base}/feed.xml" + (f"?{query}" if query else ""))
    feed.title("armstrack: new and changed transfers" + (f" ({query})" if query else ""))
    feed.link(href=self_url, rel="self")
    feed.link(href=f"{base}/", rel="alternate")
    feed.generator("armstrack")
    feed.updated(max((_utc(t.updated_at) for t in items), default=_utc(None)))
    for transfer in reversed(items):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        url = f"{base}/transfers/{transfer.id}"
        entry.id(url)
        entry.link(href=url)
        entry.title(
            f"{transfer.supplier.name} → {transfer.recipient.name}: "
            f"{transfer.category.value.replace('_', ' ')} ({transfer.status.label})"
        )
        entry.updated(_utc(transfer.updated_at))
        if transfer.first_reported:
            entry.published(datetime.combine(transfer.first_reported, datetime.min.time(), UTC))
        entry.summary(_what_changed(changes.get(transfer.id, [])) + " " + _summary(transfer))
        entry.category(term=transfer.category.value)
    return bytes(feed.atom_str(pretty=True))


def _what_changed(changes: list[TransferChange]) -> str:
    """ "New record." or "Changed: status agreed → delivered; quantity 12 → 24." """
    if not changes:
        return "Unchanged since it was recorded."
    if all(c.old is None for c in changes):
        return "New record."
    moved = [
        f"{_FIELDS.get(c.field, c.field)} "
        + (f"{c.new}" if c.old is None else f"{c.old} → {c.new or 'none'}")
        for c in changes
    ]
    return f"Changed: {'; '.join(moved)}."


def _summary(t: ResolvedTransfer) -> str:
    parts = [
        f"Systems: {', '.join(t.systems) or 'not named'}.",
        f"Quantity: {t.quantity if t.quantity is not None else 'not reported'}.",
        f"{t.reports} report(s) from {t.outlets} outlet(s), {t.origins} independent origin(s).",
    ]
    if t.denied_by:
        parts.append(f"Denied by: {', '.join(t.denied_by)}.")
    if t.first_reported:
        parts.append(f"Reported {t.first_reported} to {t.last_reported}.")
    return " ".join(parts)


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime(2000, 1, 1, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
