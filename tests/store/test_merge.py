"""Merging transfers by hand: the CLI, the store and the web app (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import open_store
from armstrack.web import create_app

FILLER = " Officials gave no further details. The ministry will publish its report in May."


def _article(text: str, url: str, day: str) -> Article:
    return Article(id=url, text=text + FILLER, published=date.fromisoformat(day), url=url)


def _two_deals(database: str, extractor: Extractor) -> tuple[int, int]:
    """Two records of one triple that resolution keeps apart (designations months apart)."""
    with open_store(database, extractor) as store:
        store.ingest(
            [
                _article(
                    "Iran has delivered Fateh-110 missiles to Russia.",
                    "https://a.example/1",
                    "2024-02-20",
                ),
                _article(
                    "Iran has delivered Fateh-360 missiles to Russia.",
                    "https://b.example/2",
                    "2024-09-09",
                ),
                _article(
                    "Turkey has delivered Bayraktar TB2 drones to Mali.",
                    "https://c.example/3",
                    "2024-03-01",
                ),
            ]
        )
        first, second = sorted(t.id for t in store.transfers() if t.category.value == "missile")
    return first, second


def test_merge_joins_the_reports_and_the_old_id_points_at_the_survivor(
    database: str, extractor: Extractor
) -> None:
    keep, gone = _two_deals(database, extractor)
    runner = CliRunner()
    result = runner.invoke(
        app, ["merge", str(keep), str(gone), "--note", "one contract", "--db", database]
    )
    assert result.exit_code == 0, result.output
    assert f"merged #{gone} into #{keep}" in result.stdout
    with open_store(database, extractor) as store:
        missiles = [t for t in store.transfers() if t.category.value == "missile"]
        assert [(t.id, t.reports) for t in missiles] == [(keep, 2)]
        assert set(missiles[0].systems) == {"Fateh-110", "Fateh-360"}
        assert store.merged_into(gone) == keep
        detail = store.transfer(keep)
        assert detail is not None
        assert any("merged by hand" in r and "one contract" in r for r in detail.merge_reasons)
        history = store.transfer_history(keep)
        assert ("absorbed", str(gone)) in [(c.field, c.new) for c in history]
    shown = runner.invoke(app, ["show", str(gone), "--db", database])
    assert shown.exit_code == 0, shown.output
    assert f"transfer {gone} was merged into transfer {keep}" in shown.stdout
    assert f"#{keep} Iran → Russia" in shown.stdout


def test_merged_ids_redirect_on_the_web(database: str, extractor: Extractor) -> None:
    keep, gone = _two_deals(database, extractor)
    with open_store(database, extractor) as store:
        store.merge_transfers(keep, [gone])
        with TestClient(create_app(store)) as client:
            for path in ("/transfers/{}", "/api/transfers/{}", "/api/transfers/{}/history"):
                response = client.get(path.format(gone), follow_redirects=False)
                assert response.status_code == 308, path
                assert response.headers["location"] == path.format(keep)
            page = client.get(f"/transfers/{gone}")
            assert page.status_code == 200 and page.url.path == f"/transfers/{keep}"
            assert client.get(f"/transfers/{keep}", follow_redirects=False).status_code == 200


def test_merge_refuses_what_cannot_be_one_deal(database: str, extractor: Extractor) -> None:
    keep, gone = _two_deals(database, extractor)
    with open_store(database, extractor) as store:
        (drones,) = [t.id for t in store.transfers() if t.category.value == "uav"]
    runner = CliRunner()
    cases = {
        (str(keep), str(drones)): "only transfers of one supplier, recipient and category",
        (str(keep), "999"): "there is no transfer 999",
        (str(keep), str(keep)): "each once",
    }
    for ids, message in cases.items():
        result = runner.invoke(app, ["merge", *ids, "--db", database])
        assert result.exit_code == 2, ids
        assert message in result.output
    assert runner.invoke(app, ["merge", str(keep), str(gone), "--db", database]).exit_code == 0
    again = runner.invoke(app, ["merge", str(keep), str(gone), "--db", database])
    assert again.exit_code == 2
    assert f"transfer {gone} was merged into transfer {keep} already" in again.output


def test_new_reports_never_join_a_merged_away_transfer(database: str, extractor: Extractor) -> None:
    keep, gone = _two_deals(database, extractor)
    with open_store(database, extractor) as store:
        store.merge_transfers(keep, [gone])
        store.ingest(
            [
                _article(
                    "Iran has delivered Fateh-360 missiles to Russia again, officials said.",
                    "https://d.example/4",
                    "2024-09-10",
                )
            ]
        )
        missiles = [t for t in store.transfers() if t.category.value == "missile"]
        assert gone not in {t.id for t in missiles}
        assert sum(t.reports for t in missiles) == 3
