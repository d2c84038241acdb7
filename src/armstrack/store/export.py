"""Exports of resolved transfers: CSV, JSON, GraphML and a SIPRI-style trade register."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from armstrack.records import Report, ResolvedTransfer, Status, TransferDetail

# A spreadsheet runs a cell starting with one of these as a formula (=HYPERLINK(...) in an
# outlet name a submitter chose); OWASP's "CSV injection" list, tab and carriage return
# included. Such cells get a leading single quote, which spreadsheets show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "id",
    "supplier",
    "supplier_name",
    "recipient",
    "recipient_name",
    "category",
    "status",
    "systems",
    "quantity",
    "first_reported",
    "last_reported",
    "reports",
    "outlets",
    "origins",
    "denied_by",
)


def transfer_row(t: ResolvedTransfer) -> dict[str, object]:
    return {
        "id": t.id,
        "supplier": t.supplier.id,
        "supplier_name": t.supplier.name,
        "recipient": t.recipient.id,
        "recipient_name": t.recipient.name,
        "category": t.category.value,
        "status": t.status.label,
        "systems": "; ".join(t.systems),
        "quantity": t.quantity,
        "first_reported": t.first_reported.isoformat() if t.first_reported else None,
        "last_reported": t.last_reported.isoformat() if t.last_reported else None,
        "reports": t.reports,
        "outlets": t.outlets,
        "origins": t.origins,
        "denied_by": "; ".join(t.denied_by),
    }


def inert_cell(value: object) -> object:
    """A CSV cell no spreadsheet will run: text that would start a formula is quoted.
    Numbers, dates and None pass unchanged (quantities and counts are never negative).

    A carriage return inside text becomes a newline: the csv module quotes a field only
    for the characters of its line terminator ("\\n" here), and an unquoted CR breaks
    the row for every reader.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _inert_row(row: dict[str, object]) -> dict[str, object]:
    return {key: inert_cell(value) for key, value in row.items()}


def to_csv(items: Iterable[ResolvedTransfer]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for transfer in items:
        writer.writerow(_inert_row(transfer_row(transfer)))
    return out.getvalue()


def to_json(items: Iterable[ResolvedTransfer]) -> str:
    return json.dumps([transfer_row(t) for t in items], ensure_ascii=False, indent=2) + "\n"


_EDGE_TEXT = ("category", "status", "systems", "first_reported", "last_reported", "denied_by")
_EDGE_INT = ("quantity", "reports", "outlets", "origins")


def to_graphml(items: Sequence[ResolvedTransfer]) -> str:
    """Actors as nodes, one edge per resolved transfer (opens in Gephi and networkx)."""
    nodes = {t.supplier.id: t.supplier for t in items} | {
        t.recipient.id: t.recipient for t in items
    }
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    ]
    for column in _EDGE_TEXT:
        lines.append(f'  <key id="{column}" for="edge" attr.name="{column}" attr.type="string"/>')
    for column in ("transfer_id", *_EDGE_INT):
        lines.append(f'  <key id="{column}" for="edge" attr.name="{column}" attr.type="int"/>')
    lines.append('  <graph id="transfers" edgedefault="directed">')
    for node_id, actor in sorted(nodes.items()):
        lines.append(
            f'    <node id="{escape(node_id)}"><data key="name">{escape(actor.name)}</data>'
            f'<data key="kind">{actor.kind.value}</data></node>'
        )
    for t in items:
        row = transfer_row(t)
        # A value not reported (no quantity, no date) is left out rather than written as
        # an empty string, which readers would refuse for an int.
        data = "".join(
            f'<data key="{k}">{escape(str(row[k]))}</data>'
            for k in (*_EDGE_TEXT, *_EDGE_INT)
            if row[k] is not None and row[k] != ""
        )
        lines.append(
            f'    <edge id="t{t.id}" source="{escape(t.supplier.id)}" target="{escape(t.recipient.id)}">'
            f'<data key="transfer_id">{t.id}</data>{data}</edge>'
        )
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


SIPRI_COLUMNS = (
    "supplier",
    "recipient",
    "designation",
    "category",
    "number",
    "order_year",
    "delivery_years",
    "status",
    "sources",
)


def _event_years(reports: Iterable[Report]) -> list[int]:
    """The years the reports say the events happened in ("signed in March 2023",
    "delivered late last year"), else the years they were published in."""
    years: set[int] = set()
    for report in reports:
        stated = {int(t[:4]) for t in report.times if t[:4].isdigit()}
        if stated:
            years |= stated
        elif report.published:
            years.add(report.published.year)
    return sorted(years)


def _source(report: Report) -> str:
    """An outlet with the address of its report: what a reader can look up."""
    name = report.outlet or "unknown outlet"
    return f"{name} <{report.url}>" if report.url else name


def to_sipri(details: Iterable[TransferDetail]) -> str:
    """One row per transfer and system, laid out like SIPRI's trade register."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SIPRI_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for detail in details:
        t = detail.transfer
        agreed = _event_years(r for r in detail.reports if r.status is Status.AGREED) or [
            e.reported_on.year
            for e in detail.timeline
            if e.status is Status.AGREED and e.reported_on
        ]
        delivered = _event_years(r for r in detail.reports if r.status is Status.DELIVERED)
        sources = sorted({_source(r) for r in detail.reports})
        for designation in t.systems or ("",):
            writer.writerow(
                _inert_row(
                    {
                        "supplier": t.supplier.name,
                        "recipient": t.recipient.name,
                        "designation": designation,
                        "category": t.category.value,
                        "number": t.quantity,
                        "order_year": agreed[0] if agreed else None,
                        "delivery_years": "; ".join(map(str, delivered)),
                        "status": t.status.label,
                        "sources": "; ".join(sources),
                    }
                )
            )
    return out.getvalue()
