"""Every page renders from the real app; errors are pages, not tracebacks."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import html
from tests.web.conftest import site_pages
from typer.testing import CliRunner

from armstrack.catalogue import load_catalogue
from armstrack.cli import app
from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import Store, open_store
from armstrack.web import create_app


def _links(page: str) -> list[str]:
    return [str(a) for a in html.fromstring(page).xpath("//@href | //@src")]


def test_every_page_renders_and_links_stay_local(client: TestClient) -> None:
    transfer = client.get("/api/transfers", params={"limit": 1}).json()["items"][0]
    pages = site_pages(f"/transfers/{transfer['id']}", f"/actors/{transfer['supplier']['id']}")
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert response.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        for link in _links(response.text):
            # Links to the articles' own web pages are the only ones leaving the site.
            if link.startswith(("http://", "https://")):
                assert 'rel="noopener noreferrer nofollow"' in response.text
        for asset in html.fromstring(response.text).xpath("//script/@src | //link/@href"):
            assert str(asset).startswith("/"), (path, asset)


def test_empty_form_fields_mean_no_filter(client: TestClient) -> None:
    everything = client.get("/api/transfers", params={"limit": 500}).json()["total"]
    page = client.get("/?actor=&supplier=&category=&since=&min_origins=&limit=500")
    assert page.status_code == 200
    assert re.search(rf"\b{everything} transfers\b", page.text)


def test_table_filters_match_the_api(client: TestClient) -> None:
    page = client.get("/", params={"category": "uav", "limit": 500})
    rows = html.fromstring(page.text).xpath("//table[@class='transfers']/tbody/tr")
    api = client.get("/api/transfers", params={"category": "uav", "limit": 500}).json()
    assert len(rows) == api["total"] > 0
    assert all("uav" in row.xpath("string(td[4])") for row in rows)


def test_transfer_page_shows_timeline_claims_and_highlighted_evidence(client: TestClient) -> None:
    detail_id = client.get("/api/transfers", params={"sort": "reports"}).json()["items"][0]["id"]
    tree = html.fromstring(client.get(f"/transfers/{detail_id}").text)
    assert tree.xpath("//ol[@class='timeline']/li")
    assert tree.xpath("//div[@class='stances']/section/ul[@class='claims']/li")
    marks = tree.xpath("//blockquote[@class='evidence-context']//mark[contains(@class,'evidence')]")
    assert marks and all(m.text_content().strip() for m in marks)


def test_missing_things_are_404_pages_and_bad_input_422_pages(client: TestClient) -> None:
    for path in ["/transfers/999999", "/articles/999999", "/actors/XXX", "/systems/Nope-1"]:
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>" in response.text
    bad = client.get("/?category=spaceship")
    assert bad.status_code == 422 and "category" in bad.text
    assert client.get("/?limit=100000").status_code == 422


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no database at" in result.stderr and "armstrack ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_serve_command_serves_the_store(examples_store: Store) -> None:
    """The real CLI in a subprocess: it prints its address and answers on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = examples_store.engine.url
    database = str(
        url.database if url.get_backend_name() == "sqlite" else url.render_as_string(False)
    )
    command = [str(Path(sys.executable).with_name("armstrack")), "serve", "--db", database]
    server = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert f"http://localhost:{port}/" in server.stdout.readline()
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats") as answer:
                    stats = json.load(answer)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        assert stats["transfers"] == examples_store.stats()["transfers"]
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_csv_download_cells_never_start_a_formula(tmp_path: Path) -> None:
    """Names come from catalogues users extend; a spreadsheet must show them, not run them."""
    extension = tmp_path / "groups.toml"
    extension.write_text(
        '[[group]]\nid = "hands"\nname = "@Hands Militia"\naliases = ["Hands Militia"]\n'
    )
    extractor = Extractor(load_catalogue([extension]))
    store = open_store(tmp_path / "formula.db", extractor)
    text = "Iran has delivered Shahed-136 drones to the Hands Militia, two officials said."
    store.ingest([Article(id="hands", text=text, source="test")])
    with TestClient(create_app(store)) as client:
        response = client.get("/transfers.csv")
    store.close()
    (row,) = csv.DictReader(io.StringIO(response.text, newline=""))
    assert row["recipient_name"] == "'@Hands Militia"
    assert row["recipient"] == "hands" and row["supplier_name"] == "Iran"


def _tree(client: TestClient, path: str, **params: object) -> html.HtmlElement:
    response = client.get(path, params=params)
    assert response.status_code == 200, (path, response.text[:300])
    return html.fromstring(response.text)


def _biggest(client: TestClient) -> dict[str, object]:
    top = client.get("/api/transfers", params={"sort": "quantity", "order": "desc"})
    item: dict[str, object] = top.json()["items"][0]
    assert isinstance(item["quantity"], int) and item["quantity"] >= 1000  # 3,000,000 shells
    return item


def test_numbers_have_thousands_separators(client: TestClient) -> None:
    big = _biggest(client)
    shown = f"{big['quantity']:,}"
    table = _tree(client, "/", sort="quantity", order="desc")
    assert (
        table.xpath("string(//table[@class='transfers']/tbody/tr[1]/td[@data-label='Qty'])")
        == shown
    )
    detail = _tree(client, f"/transfers/{big['id']}")
    facts = detail.xpath("string(//dl[@class='facts'])")
    assert shown in facts and str(big["quantity"]) not in facts


@pytest.mark.parametrize("path", ["/", "/transfers/{id}"])
def test_denied_by_names_and_links_the_actors(client: TestClient, path: str) -> None:
    denied = [t for t in _all_transfers(client) if t["denied_by"]]
    assert denied
    transfer = denied[0]
    tree = _tree(client, path.format(id=transfer["id"]), limit=500)
    if path == "/":
        (row,) = tree.xpath(f"//tr[td/a[@href='/transfers/{transfer['id']}']]")
        (cell,) = row.xpath("td[@data-label='Denied by']")
    else:
        (cell,) = tree.xpath("//dd[@class='denied-by']")
    links = [(a.get("href"), a.text_content()) for a in cell.xpath(".//a")]
    assert [href for href, _ in links] == [f"/actors/{d}" for d in transfer["denied_by"]]
    for href, name in links:
        actor = client.get(f"/api{href}").json()["actor"]
        assert name == actor["name"] and name != actor["id"]


def _all_transfers(client: TestClient) -> list[dict[str, object]]:
    items: list[dict[str, object]] = client.get("/api/transfers", params={"limit": 500}).json()[
        "items"
    ]
    return items


@pytest.mark.parametrize("path", ["/", "/network", "/timeline"])
def test_date_filters_take_iso_dates(client: TestClient, path: str) -> None:
    tree = _tree(client, path, since="2024-09-01")
    for name in ("since", "until"):
        (field,) = tree.xpath(f"//form//input[@name='{name}']")
        # Typed text, not type=date: that shows the browser's locale format instead.
        assert field.get("type") == "text"
        assert field.get("placeholder") == "YYYY-MM-DD"
        assert re.fullmatch(field.get("pattern"), "2024-09-01")
        assert not re.fullmatch(field.get("pattern"), "09/01/2024")
    assert tree.xpath("string(//input[@name='since']/@value)") == "2024-09-01"


def test_table_filters_by_iso_date(client: TestClient) -> None:
    rows = _tree(client, "/", since="2024-09-01", limit=500).xpath(
        "//table[@class='transfers']/tbody/tr/td[@data-label='Last reported']"
    )
    assert rows and all(cell.text_content() >= "2024-09-01" for cell in rows)


def _text_file_article(client: TestClient) -> dict[str, object]:
    for transfer in _all_transfers(client):
        detail = client.get(f"/api/transfers/{transfer['id']}").json()
        for origin in detail["origins"]:
            for report in origin["reports"]:
                article = client.get(f"/api/articles/{report['article_id']}").json()
                if article["text"].startswith(" date "):
                    found: dict[str, object] = article
                    return found
    raise AssertionError("no example article opens with a date line")


def test_article_page_shows_the_date_line_as_the_date(client: TestClient) -> None:
    article = _text_file_article(client)
    text = str(article["text"])
    stamp = text.split("\n", 1)[0].split()[1]
    tree = _tree(client, f"/articles/{article['article_id']}")
    (body,) = tree.xpath("//div[@class='article-text']")
    shown = body.text_content()
    assert not shown.lstrip().startswith("date")
    assert text.endswith(shown) and len(shown) < len(text)
    assert tree.xpath(f"//p[@class='meta']/time[@datetime='{stamp}']")
    # The marks still cover exactly the stored spans.
    marks = article["marks"]
    assert isinstance(marks, list) and marks
    # highlight() writes flat pieces: text, <mark>, text... each mark covers its length.
    position = len(text) - len(shown) + len(body.text or "")
    covered: set[int] = set()
    for mark in body:
        length = len(mark.text_content())
        covered.update(range(position, position + length))
        position += length + len(mark.tail or "")
    assert covered == {i for m in marks for i in range(m["start"], m["end"])}


def test_highlights_say_what_they_are(client: TestClient) -> None:
    article = _text_file_article(client)
    tree = _tree(client, f"/articles/{article['article_id']}")
    titles = {m.get("title") for m in tree.xpath("//div[@class='article-text']//mark")}
    assert any(t.startswith("evidence") for t in titles) and any("claim: " in t for t in titles)
    assert all(titles)
    legend = tree.xpath("string(//p[contains(@class, 'marks-legend')])")
    assert "shaded" in legend and "underlined" in legend


def test_transfer_page_sets_claims_side_by_side_by_stance(client: TestClient) -> None:
    contested = [t for t in _all_transfers(client) if t["denied_by"] and int(str(t["reports"])) > 1]
    assert contested
    tree = _tree(client, f"/transfers/{contested[0]['id']}")
    groups = tree.xpath("//div[@class='stances']/section")
    stances = [g.get("class").split()[-1] for g in groups]
    order = ["asserts", "confirms", "denies", "declines_to_comment", "not_confirmed"]
    assert "stance-denies" in stances
    assert stances == sorted(stances, key=lambda s: order.index(s.removeprefix("stance-")))
    for group in groups:
        counts = re.search(r"\((\d+) speakers?, (\d+) statements?\)", group.xpath("string(h3)"))
        assert counts, group.xpath("string(h3)")
        speakers, statements = int(counts.group(1)), int(counts.group(2))
        assert len(group.xpath("ul/li")) == speakers > 0
        assert len(group.xpath("ul/li//p[@class='quote']")) == statements >= speakers
    summary = tree.xpath("string(//p[contains(@class, 'stance-summary')])")
    assert "Contradicted" in summary and "Denied: " in summary


def test_timeline_page_keeps_empty_months_and_draws_a_y_axis(client: TestClient) -> None:
    tree = _tree(client, "/timeline")
    ticks = [t.text_content() for t in tree.xpath("//svg//text[contains(@class, 'tick')]")]
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    assert ticks == months  # the examples run January to December, with empty months
    empty = [r.xpath("string(td[1])") for r in tree.xpath("//details//tr[@class='empty']")]
    assert empty and set(empty) < set(months)
    assert len(tree.xpath("//svg//g[@class='grid']/line")) >= 2
    labels = [t.text_content() for t in tree.xpath("//svg//g[@class='y-axis']/text[@class='axis']")]
    assert labels[0] == "0" and len(labels) >= 3


@pytest.mark.parametrize("category", ["uav", None])
def test_network_legend_lists_only_the_categories_drawn(
    client: TestClient, category: str | None
) -> None:
    tree = _tree(client, "/network", **({"category": category} if category else {}))
    legend = [k.get("data-category") for k in tree.xpath("//p[@class='legend']/span[@class='key']")]
    drawn = {e.get("data-category") for e in tree.xpath("//svg[@id='network']//a[@class='edge']")}
    assert legend and set(legend) == drawn
    if category:
        assert legend == [category]


@pytest.fixture(scope="module")
def superseded_client(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> Iterator[TestClient]:
    """One article in two versions: the update names missiles, no longer the drones."""
    store = open_store(tmp_path_factory.mktemp("superseded") / "s.db", extractor)
    url, tail = "https://a.example/update", " Officials in Kyiv confirmed the shipment on Friday."
    for text in (
        "Iran has shipped Shahed-136 drones to Russia.",
        "Iran has shipped Fateh-110 missiles to Russia.",
    ):
        store.ingest(
            [Article(id=url, text=text + tail, url=url, published=date(2024, 3, 2), source=url)]
        )
    with TestClient(create_app(store)) as test_client:
        yield test_client
    store.close()


def test_superseded_reports_are_marked_in_page_and_api(superseded_client: TestClient) -> None:
    items = superseded_client.get("/api/transfers").json()["items"]
    found = {t["category"]: t["id"] for t in items}
    for category, superseded in (("uav", True), ("missile", False)):
        detail = superseded_client.get(f"/api/transfers/{found[category]}").json()
        reports = [r for o in detail["origins"] for r in o["reports"]]
        assert [r["superseded"] for r in reports] == [superseded]
        tree = _tree(superseded_client, f"/transfers/{found[category]}")
        (report,) = tree.xpath("//div[contains(@class, 'report')]")
        note = report.xpath("string(.//span[@class='superseded'])")
        assert ("superseded by a later version" in note) is superseded
        # The evidence is shown from the version that made the report.
        quote = report.xpath("string(.//blockquote)")
        assert ("Shahed-136" if superseded else "Fateh-110") in quote
        article = report.xpath("string(.//p[@class='meta']/a[1]/@href)")
        assert article.endswith("?version=1") is superseded


def test_transfer_page_shows_its_change_log(client: TestClient) -> None:
    detail_id = client.get("/api/transfers", params={"sort": "reports"}).json()["items"][0]["id"]
    history = client.get(f"/api/transfers/{detail_id}/history").json()
    tree = html.fromstring(client.get(f"/transfers/{detail_id}").text)
    rows = tree.xpath("//table[@class='changes']/tbody/tr")
    assert len(rows) == len(history) > 0
    fields = [row.xpath("./td[2]")[0].text_content() for row in rows]
    assert fields == [c["field"].replace("_", " ") for c in history]
