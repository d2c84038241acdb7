"""The application as a whole: its settings, HEAD on every page, and the one error body
that every 4xx of the API has, as the OpenAPI document declares it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import feedparser
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import TOKEN, site_pages

from armstrack.store import Store
from armstrack.web import create_app
from armstrack.web.settings import WebSettings

FORGED_HOST = "attacker.example"


@pytest.fixture(scope="module")
def served(examples_store: Store) -> Iterator[TestClient]:
    """The app with ingest turned on and a small body cap, so every error can be caused."""
    settings = WebSettings(ingest_token=TOKEN, max_body=1000)
    with TestClient(create_app(examples_store, settings=settings)) as test_client:
        yield test_client


def _every_path(client: TestClient) -> list[str]:
    transfer = client.get("/api/transfers", params={"limit": 1}).json()["items"][0]
    pages = site_pages(f"/transfers/{transfer['id']}", f"/actors/{transfer['supplier']['id']}")
    api = [
        "/api/transfers?category=uav",
        f"/api/transfers/{transfer['id']}",
        "/api/articles/1",
        f"/api/actors/{transfer['supplier']['id']}",
        "/api/systems",
        "/api/systems/Shahed-136",
        "/api/network",
        "/api/timeline",
        "/api/search?q=drones",
        "/api/stats",
    ]
    other = ["/feed.xml", "/transfers.csv", "/openapi.json", "/docs", "/static/style.css"]
    return [*pages, *api, *other, "/favicon.ico"]


def test_app_answers_head_on_every_get_route(client: TestClient) -> None:
    for path in _every_path(client):
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"", path
        assert head.headers["content-type"] == got.headers["content-type"], path
        assert head.headers["content-length"] == got.headers["content-length"], path
        assert "content-security-policy" in head.headers, path


def test_app_answers_head_like_get_on_errors(client: TestClient) -> None:
    assert client.head("/api/transfers/999999").status_code == 404
    assert client.head("/api/transfers", params={"limit": 0}).status_code == 422
    # HEAD is GET's twin only: a route that takes POST alone still refuses it.
    assert client.head("/api/ingest").status_code in (404, 405)


def test_app_feed_links_ignore_a_forged_host_header(client: TestClient) -> None:
    response = client.get("/feed.xml", headers={"Host": FORGED_HOST})
    assert response.status_code == 200
    assert FORGED_HOST not in response.text
    feed = feedparser.parse(response.content)
    # With no base URL set, links name the address the server is bound to (the test
    # client's is http://testserver).
    assert feed.entries and all(e.link.startswith("http://testserver/") for e in feed.entries)


@pytest.mark.parametrize("base", ["https://arms.example.org/tracker", "https://arms.example.org/"])
def test_app_feed_links_start_with_the_configured_base_url(
    examples_store: Store, base: str
) -> None:
    app = create_app(examples_store, settings=WebSettings(base_url=base))
    with TestClient(app) as configured:
        response = configured.get("/feed.xml?category=uav", headers={"Host": FORGED_HOST})
    feed = feedparser.parse(response.content)
    assert FORGED_HOST not in response.text
    root = base.rstrip("/")
    assert feed.feed.id == f"{root}/feed.xml?category=uav"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": f"{root}/feed.xml?category=uav", "alternate": f"{root}/"}
    assert feed.entries
    assert all(e.link.startswith(f"{root}/transfers/") for e in feed.entries)


def test_app_never_redirects_to_the_host_header(client: TestClient) -> None:
    response = client.get("/systems/", headers={"Host": FORGED_HOST}, follow_redirects=False)
    assert response.status_code == 404
    assert not any(FORGED_HOST in value for value in response.headers.values())


def test_app_unknown_page_is_an_html_404(client: TestClient) -> None:
    page = client.get("/no-such-page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<h1>" in page.text
    api = client.get("/api/no-such-thing")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}


def _resolve(schema: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = document["components"]["schemas"][name]
    return schema


def _violations(value: Any, schema: dict[str, Any], document: dict[str, Any]) -> list[str]:
    """Where ``value`` breaks ``schema``: the keywords pydantic's schemas of the error
    bodies use (type, properties, required, additionalProperties, items, anyOf, $ref)."""
    schema = _resolve(schema, document)
    if "anyOf" in schema:
        if any(not _violations(value, s, document) for s in schema["anyOf"]):
            return []
        return [f"{value!r} matches none of {schema['anyOf']}"]
    kinds = {"string": str, "array": list, "object": dict, "integer": int, "boolean": bool}
    if "type" in schema and not isinstance(value, kinds[schema["type"]]):
        return [f"{value!r} is not of type {schema['type']}"]
    found = []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"missing {key}" for key in schema.get("required", []) if key not in value]
        if schema.get("additionalProperties") is False:
            found += [f"unexpected {key}" for key in value if key not in properties]
        for key, item in value.items():
            found += _violations(item, properties.get(key, {}), document)
    if isinstance(value, list):
        for item in value:
            found += _violations(item, schema.get("items", {}), document)
    return found


def _declared(document: dict[str, Any], path: str, method: str, status: int) -> dict[str, Any]:
    responses = document["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} does not declare {status}"
    schema: dict[str, Any] = responses[str(status)]["content"]["application/json"]["schema"]
    return schema


@pytest.mark.parametrize(
    ("method", "path", "template", "request_args", "status"),
    [
        ("get", "/api/transfers?limit=0", "/api/transfers", {}, 422),
        ("get", "/api/transfers?since=yesterday&sort=x", "/api/transfers", {}, 422),
        ("get", "/api/transfers/0", "/api/transfers/{transfer_id}", {}, 422),
        ("get", "/api/transfers/999999", "/api/transfers/{transfer_id}", {}, 404),
        ("get", "/api/articles/1?version=0", "/api/articles/{article_id}", {}, 422),
        ("get", "/api/actors/XXX", "/api/actors/{actor_id}", {}, 404),
        ("get", "/api/systems/Nope-9", "/api/systems/{name}", {}, 404),
        ("get", "/api/search?q=", "/api/search", {}, 422),
        ("get", "/api/search?q=%00", "/api/search", {}, 422),
        ("get", "/api/timeline?grain=decade", "/api/timeline", {}, 422),
        ("get", "/api/network?status=rumoured", "/api/network", {}, 422),
        ("post", "/api/ingest", "/api/ingest", {"json": []}, 401),
        ("post", "/api/ingest", "/api/ingest", {"json": [{"url": "x"}], "auth": True}, 422),
        ("post", "/api/ingest", "/api/ingest", {"content": b"[{", "auth": True}, 422),
        ("post", "/api/ingest", "/api/ingest", {"content": b" " * 2000, "auth": True}, 413),
    ],
)
def test_app_error_bodies_match_the_declared_schema(
    served: TestClient,
    method: str,
    path: str,
    template: str,
    request_args: dict[str, Any],
    status: int,
) -> None:
    document = served.get("/openapi.json").json()
    arguments = dict(request_args)
    if arguments.pop("auth", False):
        arguments["headers"] = {"Authorization": f"Bearer {TOKEN}"}
    response = served.request(method.upper(), path, **arguments)
    assert response.status_code == status, response.text
    body = response.json()
    assert _violations(body, _declared(document, template, method, status), document) == []
    if status == 422:
        assert isinstance(body["detail"], list) and body["detail"]
        assert all(problem["parameter"] for problem in body["detail"])


def test_app_openapi_declares_the_app_s_own_422_everywhere(served: TestClient) -> None:
    """FastAPI's default 422 schema (loc, msg, type) is not what the app sends."""
    document = served.get("/openapi.json").json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if operation.get("parameters") or operation.get("requestBody"):
                schema = _declared(document, path, method, 422)
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (method, path)


def test_app_wrong_method_is_a_405_in_the_error_shape(served: TestClient) -> None:
    response = served.post("/api/stats")
    assert response.status_code == 405
    assert response.json() == {"detail": "Method Not Allowed"}
    page = served.post("/systems")
    assert page.status_code == 405 and page.headers["content-type"].startswith("text/html")
    assert page.headers["allow"] == "GET"
