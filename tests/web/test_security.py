"""Article text, titles, URLs and outlet names are untrusted: nothing in them may run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import etree, html

from armstrack.extract import Extractor
from armstrack.records import Article
from armstrack.store import open_store
from armstrack.web import create_app

PAYLOAD_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
PAYLOAD_TEXT = (
    'Iran has delivered Shahed-136 drones to Russia <script>alert("text")</script>, '
    "two officials told Reuters. "
    '<a href="javascript:alert(2)" onclick="alert(3)">details</a> '
    "<b onmouseover=alert(4)>Moscow</b> declined to comment on the <svg onload=alert(5)> report. "
    '"><iframe src="javascript:alert(6)"></iframe>'
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[TestClient]:
    store = open_store(tmp_path_factory.mktemp("hostile") / "hostile.db", extractor)
    store.ingest(
        [
            Article(
                id="evil-1",
                text=PAYLOAD_TEXT,
                published=date(2024, 3, 1),
                url="javascript:alert(7)//news.example/story",
                title=PAYLOAD_TITLE,
                outlet='<script>alert("outlet")</script>',
                source="hostile",
            ),
            Article(
                id="evil-2",
                text=PAYLOAD_TEXT + " Later reports said the drones arrived by air.",
                published=date(2024, 3, 2),
                url='https://news.example/x"onmouseover="alert(8)',
                title="</title><script>alert(9)</script>",
                outlet="Wire<img src=x onerror=alert(10)>",
                source="hostile",
            ),
        ]
    )
    with TestClient(create_app(store), raise_server_exceptions=False) as client:
        yield client
    store.close()


def _pages(client: TestClient) -> list[str]:
    transfers = client.get("/api/transfers").json()["items"]
    assert transfers, "the hostile articles must still yield a transfer"
    paths = ["/", "/network", "/timeline", "/systems", "/search?q=script", "/search?q=alert"]
    paths += [f"/transfers/{t['id']}" for t in transfers]
    paths += [f"/actors/{t['supplier']['id']}" for t in transfers]
    paths += ["/articles/1", "/articles/2"]
    return paths


def _live_parts(page: str) -> list[str]:
    """Scripts other than ours, event-handler attributes, javascript: links, frames."""
    tree = html.fromstring(page)
    found = [
        f"script {s.get('src')}"
        for s in tree.iter("script")
        if s.get("src") != "/static/app.js" or (s.text or "").strip()
    ]
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("iframe", "object", "embed", "img"):
            found.append(element.tag)
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{element.tag} {name}")
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                ("javascript:", "data:")
            ):
                found.append(f"{element.tag} {name}={value}")
    return found


def test_nothing_from_an_article_is_live_in_any_page(hostile: TestClient) -> None:
    for path in _pages(hostile):
        response = hostile.get(path)
        assert response.status_code == 200, path
        assert _live_parts(response.text) == [], path
    # The hostile text is shown, as text: escaped in the HTML, intact on screen.
    article = hostile.get("/articles/1").text
    assert "&lt;script&gt;alert(" in article
    shown = html.fromstring(article).text_content()
    assert '<script>alert("text")</script>' in shown
    assert PAYLOAD_TITLE in shown


def test_javascript_urls_never_become_links(hostile: TestClient) -> None:
    for path in ["/articles/1", *(p for p in _pages(hostile) if p.startswith("/transfers/"))]:
        tree = html.fromstring(hostile.get(path).text)
        hrefs = [str(h) for h in tree.xpath("//a/@href")]
        assert not any("alert(7)" in h for h in hrefs), path
        # The quoted URL cannot break out of its attribute.
        assert not any(a.get("onmouseover") for a in tree.iter("a")), path


def test_feed_and_api_carry_the_text_inertly(hostile: TestClient) -> None:
    feed = hostile.get("/feed.xml")
    root = etree.fromstring(feed.content)
    names = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
    assert not names & {"script", "img", "iframe", "a", "svg"}
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("type") in ("html", "xhtml"):
            assert "<script" not in (element.text or "").lower()
    article = hostile.get("/api/articles/1").json()
    assert article["title"] == PAYLOAD_TITLE  # JSON keeps it exact; clients must escape
    assert hostile.get("/api/articles/1").headers["content-type"].startswith("application/json")


def test_security_headers(hostile: TestClient) -> None:
    response = hostile.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_sql_and_fts_syntax_in_input_is_just_text(hostile: TestClient) -> None:
    for q in ["' OR 1=1 --", 'drones" OR "', "NEAR(a b)", "*", "Robert'); DROP TABLE articles;--"]:
        assert hostile.get("/api/search", params={"q": q}).status_code == 200
        assert hostile.get("/search", params={"q": q}).status_code == 200
    response = hostile.get("/api/transfers", params={"system": "%' OR '1'='1"})
    assert response.status_code == 200 and response.json()["total"] == 0
    assert hostile.get("/api/stats").json()["articles"] == 2


def test_page_size_is_capped(hostile: TestClient, tmp_path: Path) -> None:
    assert hostile.get("/api/transfers", params={"limit": 501}).status_code == 422
    assert hostile.get("/transfers.csv", params={"limit": 10_000}).status_code == 422


FILTERS = ["supplier", "recipient", "actor", "system"]
FILTERED = ["/api/transfers", "/api/network", "/api/timeline", "/", "/network", "/timeline"]


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        *((path, {f: "Iran\x00"}, f) for path in FILTERED for f in FILTERS),
        *(("/transfers.csv", {f: "\x00"}, f) for f in FILTERS),
        *(("/feed.xml", {f: "\x00"}, f) for f in FILTERS),
        ("/api/search", {"q": "\x00"}, "q"),
        ("/api/search", {"q": "drones\x00"}, "q"),
        ("/search", {"q": "\x00"}, "q"),
        ("/api/actors/IRN%00", {}, "actor_id"),
        ("/actors/IRN%00", {}, "actor_id"),
        ("/api/systems/Shahed%00", {}, "name"),
        ("/systems/Shahed%00", {}, "name"),
    ],
)
def test_nul_characters_in_parameters_are_422_naming_them(
    client: TestClient, path: str, params: dict[str, str], name: str
) -> None:
    # PostgreSQL refuses NUL in a string: it made these 500s there.
    response = client.get(path, params=params)
    assert response.status_code == 422, (path, params, response.text[:200])
    if path.startswith("/api/"):
        assert [p["parameter"] for p in response.json()["detail"]] == [name]
    else:
        assert name in response.text and "NUL" in response.text


def test_every_text_parameter_of_the_api_refuses_nul(client: TestClient) -> None:
    """Each free-text parameter the OpenAPI document lists: a new one is checked too."""
    document = client.get("/openapi.json").json()
    examples = {"transfer_id": "1", "article_id": "1", "actor_id": "IRN", "name": "Shahed-136"}
    checked = []
    for template, operations in document["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            schema = parameter["schema"]
            # Free text only: enums, dates and numbers are refused unless well formed.
            if {"string"} != {s.get("type") for s in schema.get("anyOf", [schema])} - {"null"}:
                continue
            if any("enum" in s or "format" in s for s in schema.get("anyOf", [schema])):
                continue
            name = parameter["name"]
            values = {**examples, name: "x%00"} if parameter["in"] == "path" else examples
            path = template.format(**values)
            params = {name: "x\x00"} if parameter["in"] == "query" else {}
            response = client.get(path, params=params)
            assert response.status_code == 422, (template, name, response.text)
            checked.append((template, name))
    assert len(checked) == 15, checked  # 4 filters on 3 listings, q, actor_id, name
