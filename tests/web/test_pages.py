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
from pathlib import Path

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
    assert tree.xpath("//table[@class='claims']/tbody/tr")
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
