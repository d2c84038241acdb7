"""The store applies credits, shared passages and resolution reasons (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import Store, browse, open_store

WIRE = (
    "The United States on Friday approved the sale of 40 F-16 fighter jets to Turkey, hours "
    "after Ankara completed the ratification of Sweden's entry into NATO, officials said. "
    "The State Department notified Congress of the deal late on Friday, ending more than a "
    "year of wrangling over the jets, which Turkey had tied to its vote on the Nordic country."
)


@pytest.fixture
def store(database: str, extractor: Extractor) -> Iterator[Store]:
    opened = open_store(database, extractor)
    yield opened
    opened.close()


def _article(text: str, url: str, outlet: str, day: str) -> Article:
    return Article(id=url, text=text, published=date.fromisoformat(day), url=url, outlet=outlet)


def test_store_uncredited_copy_adopts_the_credit_of_a_later_rewrite(store: Store) -> None:
    store.ingest([_article(WIRE, "https://harbor.example/1", "Harbor Times", "2024-01-27")])
    store.ingest(
        [
            _article(
                "The US approved the sale of 40 F-16 jets to Turkey, AFP reported. " + WIRE,
                "https://east.example/2",
                "East Gazette",
                "2024-01-28",
            )
        ]
    )
    (jets,) = store.transfers()
    assert (jets.reports, jets.outlets, jets.origins) == (2, 2, 1)
    detail = store.transfer(jets.id)
    assert detail is not None
    assert {r.origin for r in detail.reports} == {"afp"}
    assert detail.reports[0].origin_basis == "shared"
    assert detail.origin_summary == (
        "2 reports from 2 outlets, 1 independent origin: "
        "Agence France-Presse (2 copies and rewrites)"
    )


def test_store_keeps_family_designations_months_apart_as_two_transfers(store: Store) -> None:
    store.ingest(
        [
            _article(
                "Iran has delivered Fateh-110 missiles to Russia, officials said.",
                "https://a.example/feb",
                "River Post",
                "2024-02-20",
            ),
            _article(
                "Iran has delivered Fateh-360 missiles to Russia, officials said.",
                "https://b.example/sep",
                "River Post",
                "2024-09-09",
            ),
        ]
    )
    found = store.transfers()
    assert len(found) == 2
    details = [store.transfer(t.id) for t in found]
    reasons = [d.reports[0].merge_reason for d in details if d is not None]
    assert any("different designations of the Fateh-110 family" in r for r in reasons)


def test_show_prints_the_origins_explained(database: str, extractor: Extractor) -> None:
    with open_store(database, extractor) as store:
        store.ingest(
            [
                _article(
                    "ANKARA (AP) — " + WIRE, "https://v.example/1", "Valley Herald", "2024-01-27"
                )
            ]
        )
        (jets,) = store.transfers()
    result = CliRunner().invoke(app, ["show", str(jets.id), "--db", database])
    assert result.exit_code == 0, result.output
    assert "1 report from 1 outlet, 1 independent origin: Associated Press" in result.stdout
    assert 'origin: credit line: "(AP) —"' in result.stdout


BACKGROUND = (
    " The Caesar howitzer is mounted on a truck and needs a crew of five, its maker says. "
    "Output at the maker's plant has tripled since the spring, a spokeswoman said on "
    "Monday, and the company has hired four hundred workers to keep up with orders from "
    "armies in Europe and beyond, while a second assembly line is being built in the south."
)


def test_store_links_a_copy_whose_report_the_extractor_misses(
    store: Store, extractor: Extractor
) -> None:
    # A site runs the background paragraph of a wire story under its own lead: it names a
    # weapon but reports no transfer the extractor can see. It is still a copy.
    excerpt = (
        "Defence companies across the continent are struggling to hire engineers, and the "
        "industry's trade body warned this week that waiting lists for parts keep growing."
        + BACKGROUND
    )
    assert extractor.run(Article(id="x", text=excerpt)).transfers == ()
    store.ingest(
        [_article(WIRE + BACKGROUND, "https://harbor.example/1", "Harbor Times", "2024-01-27")]
    )
    store.ingest([_article(excerpt, "https://east.example/2", "East Gazette", "2024-01-28")])
    with store.engine.connect() as conn:
        original = browse.article_view(conn, 1)
        copy = browse.article_view(conn, 2)
    assert original is not None and copy is not None
    assert copy.duplicate_of == original.version_id
