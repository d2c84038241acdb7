"""The REST API through the real app over a real SQLite store of the bundled examples."""

from __future__ import annotations

import asyncio
import base64
import csv
import io
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.types import Message
from tests.web.conftest import TOKEN

from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import open_store
from armstrack.web import create_app
from armstrack.web.settings import WebSettings

MB = 1024 * 1024


def _all(client: TestClient, **params: object) -> dict[str, Any]:
    response = client.get("/api/transfers", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def test_filters_narrow_and_agree_with_each_other(client: TestClient) -> None:
    everything = _all(client)
    assert everything["total"] == len(everything["items"]) > 5
    iran = _all(client, supplier="IRN")
    assert iran["items"] and all(t["supplier"]["id"] == "IRN" for t in iran["items"])
    # A name the catalogue knows means the same as the code.
    assert _all(client, supplier="Iran")["items"] == iran["items"]
    either = _all(client, actor="RUS")
    assert all("RUS" in (t["supplier"]["id"], t["recipient"]["id"]) for t in either["items"])
    uav = _all(client, category="uav")
    assert uav["items"] and all(t["category"] == "uav" for t in uav["items"])
    delivered = _all(client, status="delivered")
    assert all(t["status"] == "delivered" for t in delivered["items"])
    agreed_or_more = _all(client, status="agreed")
    assert {t["status"] for t in agreed_or_more["items"]} <= {"agreed", "delivered"}
    assert agreed_or_more["total"] >= delivered["total"]
    sourced = _all(client, min_origins=2)
    assert all(t["origins"] >= 2 for t in sourced["items"])
    since = _all(client, since="2024-01-01")
    assert all(t["last_reported"] >= "2024-01-01" for t in since["items"])


def test_sorting_and_pages_cover_the_list_once(client: TestClient) -> None:
    by_origins = _all(client, sort="origins", order="asc")["items"]
    counts = [t["origins"] for t in by_origins]
    assert counts == sorted(counts)
    total = len(by_origins)
    seen: list[int] = []
    for offset in range(0, total, 4):
        page = client.get("/api/transfers", params={"sort": "id", "limit": 4, "offset": offset})
        body = page.json()
        assert body["total"] == total and body["limit"] == 4 and body["offset"] == offset
        seen += [t["id"] for t in body["items"]]
    assert sorted(seen) == sorted(t["id"] for t in by_origins)
    assert len(set(seen)) == len(seen)
    statuses = [t["status"] for t in _all(client, sort="status", order="desc")["items"]]
    rank = {"discussed": 1, "agreed": 2, "delivered": 3}
    assert [rank[s] for s in statuses] == sorted((rank[s] for s in statuses), reverse=True)


def test_bad_parameters_are_422_naming_the_parameter(client: TestClient) -> None:
    for params, name in [
        ({"limit": 100_000}, "limit"),
        ({"limit": 0}, "limit"),
        ({"category": "spaceship"}, "category"),
        ({"since": "yesterday"}, "since"),
        ({"sort": "password"}, "sort"),
        ({"min_origins": -1}, "min_origins"),
        ({"status": "rumoured"}, "status"),
    ]:
        response = client.get("/api/transfers", params=params)
        assert response.status_code == 422, params
        assert [p["parameter"] for p in response.json()["detail"]] == [name]
    assert client.get("/api/transfers/0").status_code == 422
    assert client.get("/api/transfers/abc").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_unknown_ids_are_404_with_a_message(client: TestClient) -> None:
    for path in ["/api/transfers/999999", "/api/articles/999999", "/api/actors/XXX"]:
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["detail"]
    assert client.get("/api/systems/Not-A-System-9").status_code == 404
    assert client.get("/api/articles/1", params={"version": 99}).status_code == 404


def test_transfer_detail_evidence_offsets_point_into_the_article(client: TestClient) -> None:
    first = _all(client, sort="reports")["items"][0]
    detail = client.get(f"/api/transfers/{first['id']}").json()
    assert detail["transfer"] == first
    assert detail["timeline"]
    ranks = {"discussed": 1, "agreed": 2, "delivered": 3}
    assert max(ranks[e["status"]] for e in detail["timeline"]) == ranks[first["status"]]
    reports = [r for o in detail["origins"] for r in o["reports"]]
    assert len(reports) == first["reports"]
    assert len(detail["origins"]) == first["origins"]
    for report in reports:
        article = client.get(f"/api/articles/{report['article_id']}").json()
        assert first["id"] in article["transfer_ids"]
        for span in report["evidence"] + [c["evidence"] for c in report["claims"]]:
            assert article["text"][span["start"] : span["end"]] == span["text"]


def test_article_marks_lie_inside_the_text(client: TestClient) -> None:
    article = client.get("/api/articles/1").json()
    assert article["marks"] and article["version"] == article["versions"] == 1
    for mark in article["marks"]:
        assert 0 <= mark["start"] < mark["end"] <= len(article["text"])
        assert mark["kind"] in {"evidence", "asserts", "confirms", "denies"} or mark["kind"]


def test_actor_view_matches_the_transfer_list(client: TestClient) -> None:
    transfer = _all(client)["items"][0]
    recipient, supplier = transfer["recipient"]["id"], transfer["supplier"]["id"]
    view = client.get(f"/api/actors/{recipient}").json()
    partner = next(p for p in view["suppliers"] if p["actor"]["id"] == supplier)
    assert partner["transfers"] == _all(client, supplier=supplier, recipient=recipient)["total"]
    assert client.get(f"/api/actors/{view['actor']['name']}").json() == view


def test_systems_network_and_timeline_add_up(client: TestClient) -> None:
    everything = _all(client)["items"]
    systems = client.get("/api/systems").json()
    assert systems and all(s["transfers"] >= 1 for s in systems)
    named = {name for t in everything for name in t["systems"]}
    assert {s["name"] for s in systems} == named
    alias = client.get("/api/systems/geran-2").json()
    assert alias["name"] == "Shahed-136" and "Geran-2" in alias["aliases"]
    edges = client.get("/api/network").json()
    assert sum(e["transfers"] for e in edges) == len(everything)
    for edge in edges[:5]:
        pair = _all(client, supplier=edge["supplier"]["id"], recipient=edge["recipient"]["id"])
        assert pair["total"] == edge["transfers"] == sum(edge["by_category"].values())
    uav_edges = client.get("/api/network", params={"category": "uav"}).json()
    assert all(set(e["by_category"]) == {"uav"} for e in uav_edges)
    timeline = client.get("/api/timeline", params={"by": "status", "grain": "year"}).json()
    dated = [t for t in everything if t["first_reported"]]
    assert sum(sum(p["counts"].values()) for p in timeline["periods"]) == len(dated)
    assert [p["period"] for p in timeline["periods"]] == sorted(
        p["period"] for p in timeline["periods"]
    )


def test_search_and_stats(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "drones"}).json()
    assert hits and all("[" in h["snippet"] for h in hits)
    stats = client.get("/api/stats").json()
    assert stats["transfers"] == _all(client)["total"]
    assert stats["articles"] >= 15


def test_feed_lists_recent_transfers_with_the_filters(client: TestClient) -> None:
    response = client.get("/feed.xml", params={"category": "uav"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    uav = _all(client, category="uav")
    assert len(feed.entries) == min(50, uav["total"])
    ids = {int(e.link.rsplit("/", 1)[1]) for e in feed.entries}
    assert ids == {t["id"] for t in uav["items"]}
    assert all(e.tags[0].term == "uav" for e in feed.entries)
    assert all(e.updated for e in feed.entries)


def test_csv_download_is_exactly_the_page_shown(client: TestClient) -> None:
    params = {"sort": "id", "order": "asc", "limit": 5, "offset": 2}
    rows = list(csv.DictReader(io.StringIO(client.get("/transfers.csv", params=params).text)))
    page = client.get("/api/transfers", params=params).json()["items"]
    assert [int(r["id"]) for r in rows] == [t["id"] for t in page]


def test_openapi_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/transfers", "/api/transfers/{transfer_id}", "/api/articles/{article_id}"} <= set(
        schema["paths"]
    )
    assert "/api/ingest" not in schema["paths"]  # read-only unless started with a token
    docs = client.get("/docs").text
    assert "/static-offline-docs/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200


def test_ingest_endpoint_needs_its_token(tmp_path: Path, extractor: Extractor) -> None:
    store = open_store(tmp_path / "ingest.db", extractor)
    article = {
        "text": "Iran has delivered Shahed-136 drones to Russia, two officials said on Monday.",
        "url": "https://example.test/drones",
        "published": "2024-03-01",
        "outlet": "Reuters",
    }
    with TestClient(create_app(store)) as read_only:
        assert read_only.post("/api/ingest", json=[article]).status_code in (404, 405)
    with TestClient(create_app(store, ingest_token=TOKEN)) as writable:
        assert writable.post("/api/ingest", json=[article]).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert writable.post("/api/ingest", json=[article], headers=wrong).status_code == 401
        good = {"Authorization": f"Bearer {TOKEN}"}
        first = writable.post("/api/ingest", json=[article], headers=good)
        assert first.status_code == 200 and first.json()["added"] == {"new": 1}
        again = writable.post("/api/ingest", json=[article], headers=good)
        assert again.json()["added"] == {"unchanged": 1}
        items = writable.get("/api/transfers").json()["items"]
        assert [(t["supplier"]["id"], t["recipient"]["id"]) for t in items] == [("IRN", "RUS")]
        bad = writable.post("/api/ingest", json=[{"url": "x"}], headers=good)
        assert bad.status_code == 422
    store.close()


def test_search_by_system_takes_wildcards_literally(client: TestClient) -> None:
    shahed = _all(client, system="shahed-136")["total"]
    assert shahed > 0
    assert _all(client, system="Shahed_136")["total"] == 0  # "_" is no wildcard
    for text in ["%", "_", "%%", "%shahed%", "/", "//", "\\"]:
        assert _all(client, system=text)["total"] == 0, text


@pytest.fixture
def ingest_app(tmp_path: Path, extractor: Extractor) -> Iterator[FastAPI]:
    """A writable app over an empty store with a 1 MB cap on a request's body."""
    store = open_store(tmp_path / "ingest.db", extractor)
    yield create_app(store, settings=WebSettings(ingest_token=TOKEN, max_body=MB))
    store.close()


@dataclass(frozen=True)
class _Posted:
    status: int
    body: bytes
    bytes_read: int  # of the body, by the app
    peak: int  # bytes of memory allocated at once while the app answered


def _post_streamed(app: FastAPI, size: int, headers: dict[str, str], declared: bool) -> _Posted:
    """POST /api/ingest straight to the ASGI app with a body of ``size`` bytes made a
    chunk at a time as the app asks for it (with its Content-Length if ``declared``,
    else chunked as a client streaming it would), tracing the app's memory."""
    chunk = b" " * (64 * 1024)
    read = 0

    async def receive() -> Message:
        nonlocal read
        part = chunk[: max(0, min(len(chunk), size - read))]
        read += len(part)
        return {"type": "http.request", "body": part, "more_body": read < size}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    raw += [(b"content-type", b"application/json")]
    if declared:
        raw.append((b"content-length", str(size).encode()))
    else:
        raw.append((b"transfer-encoding", b"chunked"))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/ingest",
        "raw_path": b"/api/ingest",
        "root_path": "",
        "query_string": b"",
        "headers": raw,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    tracemalloc.start()
    try:
        asyncio.run(app(scope, receive, send))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return _Posted(status, body, read, peak)


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_ingest_refuses_an_unauthenticated_huge_body_unread(
    ingest_app: FastAPI, declared: bool
) -> None:
    _post_streamed(ingest_app, 0, {}, declared)  # the app builds its middleware once
    posted = _post_streamed(ingest_app, 200 * MB, {}, declared)
    assert posted.status == 401, posted.body
    assert posted.bytes_read == 0
    assert posted.peak < 3 * MB, f"{posted.peak / MB:.1f} MB"


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_ingest_refuses_an_authorised_body_over_the_cap(
    ingest_app: FastAPI, declared: bool
) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    _post_streamed(ingest_app, 0, headers, declared)
    posted = _post_streamed(ingest_app, 200 * MB, headers, declared)
    assert posted.status == 413, posted.body
    assert b"1,048,576 bytes" in posted.body
    if declared:  # refused from its Content-Length, before reading any of it
        assert posted.bytes_read == 0
    else:  # counted as it came, and refused once past the cap
        assert MB < posted.bytes_read <= MB + 64 * 1024
    assert posted.peak < MB + 3 * MB, f"{posted.peak / MB:.1f} MB"


def test_ingest_accepts_a_body_just_under_the_cap_when_streamed(ingest_app: FastAPI) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    posted = _post_streamed(ingest_app, MB, headers, declared=False)
    # A megabyte of spaces is read whole and then refused as JSON, not as too large.
    assert posted.status == 422 and posted.bytes_read == MB


_ARTICLE = {
    "text": "Iran has delivered Shahed-136 drones to Russia, two officials said on Monday.",
    "url": "https://example.test/drones",
    "published": "2024-03-01",
}


@pytest.mark.parametrize(
    "authorization",
    [f"Bearer {TOKEN}", f"bearer {TOKEN}", f"BEARER {TOKEN}", f"Bearer   {TOKEN}"],
)
def test_ingest_takes_the_bearer_scheme_in_any_case(
    ingest_app: FastAPI, authorization: str
) -> None:
    with TestClient(ingest_app) as client:
        response = client.post(
            "/api/ingest", json=[_ARTICLE], headers={"Authorization": authorization}
        )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "authorization",
    [
        TOKEN,
        f"Basic {TOKEN}",
        "Basic " + base64.b64encode(f"user:{TOKEN}".encode()).decode(),
        f"Token {TOKEN}",
        f"Bearer{TOKEN}",
        "Bearer",
        f"Bearer {TOKEN}x",
        f"Bearer {TOKEN[:-1]}",
    ],
)
def test_ingest_refuses_any_other_authorization(ingest_app: FastAPI, authorization: str) -> None:
    with TestClient(ingest_app) as client:
        response = client.post(
            "/api/ingest", json=[_ARTICLE], headers={"Authorization": authorization}
        )
        assert client.get("/api/stats").json()["articles"] == 0
    assert response.status_code == 401
    assert response.json() == {"detail": "missing or wrong token"}
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_checks_the_token_before_the_body(ingest_app: FastAPI) -> None:
    with TestClient(ingest_app) as client:
        response = client.post("/api/ingest", content=b"not json")
    assert response.status_code == 401


def test_ingest_of_an_article_reporting_no_transfer(database: str, extractor: Extractor) -> None:
    store = open_store(database, extractor)
    quiet = {"text": "The weather in Oslo was mild on Monday, forecasters said.", "id": "oslo"}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(store, TOKEN), raise_server_exceptions=False) as client:
        response = client.post("/api/ingest", json=[quiet], headers=headers)
        assert response.status_code == 200, response.text
        assert response.json()["added"] == {"new": 1}
        both = client.post("/api/ingest", json=[quiet, _ARTICLE], headers=headers)
        assert both.status_code == 200, both.text
        assert both.json()["added"] == {"unchanged": 1, "new": 1}
        assert client.get("/api/stats").json()["transfers"] == 1
    store.close()


@pytest.mark.parametrize("field", ["text", "url", "title", "outlet", "id"])
def test_ingest_refuses_nul_characters(database: str, extractor: Extractor, field: str) -> None:
    store = open_store(database, extractor)
    article = {**_ARTICLE, field: _ARTICLE.get(field, "x") + "\x00"}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(store, TOKEN), raise_server_exceptions=False) as client:
        response = client.post("/api/ingest", json=[article], headers=headers)
        assert client.get("/api/stats").json()["articles"] == 0
    assert response.status_code == 422, response.text
    assert [p["parameter"] for p in response.json()["detail"]] == [f"0.{field}"]
    store.close()


def test_api_transfer_history_lists_the_changes(client: TestClient) -> None:
    transfers = client.get("/api/transfers", params={"limit": 100}).json()["items"]
    merged = max(transfers, key=lambda t: t["reports"])  # reported more than once
    history = client.get(f"/api/transfers/{merged['id']}/history")
    assert history.status_code == 200
    changes = history.json()
    assert changes and {"at", "field", "old", "new", "mention_id"} <= set(changes[0])
    status = [c for c in changes if c["field"] == "status"]
    assert status[0]["old"] is None  # created
    assert status[-1]["new"] == merged["status"]
    assert client.get("/api/transfers/999999/history").status_code == 404


def test_feed_entry_says_what_changed(tmp_path: Path, extractor: Extractor) -> None:
    store = open_store(tmp_path / "feed.db", extractor)
    filler = " Officials gave no further details. The ministry will publish its report in May."
    store.ingest(
        [
            Article(
                id="a",
                text="Norway agreed to sell 12 K9 howitzers to Estonia on Monday." + filler,
                published=date(2024, 3, 4),
                url="https://n.example/a",
            ),
            Article(
                id="b",
                text="Norway sold NASAMS air defence systems to Latvia." + filler,
                published=date(2024, 3, 5),
                url="https://n.example/b",
            ),
        ]
    )
    store.ingest(
        [
            Article(
                id="c",
                text="Norway has delivered 12 K9 howitzers to Estonia, the army said." + filler,
                published=date(2024, 6, 1),
                url="https://n.example/c",
            )
        ]
    )
    with TestClient(create_app(store)) as client:
        entries = feedparser.parse(client.get("/feed.xml").content).entries
    store.close()
    summaries = {e.title.split(":")[0]: e.summary for e in entries}
    howitzers = next(s for title, s in summaries.items() if "Estonia" in title)
    assert howitzers.startswith("Changed: status agreed → delivered; last reported 2024-03-04")
    latvia = next(s for title, s in summaries.items() if "Latvia" in title)
    assert latvia.startswith("New record.")
