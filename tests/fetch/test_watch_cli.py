"""`armstrack watch` and `armstrack ingest URL` end to end: the real CLI, a real store, the
local server, the WARC archive read back, and the archived copy served by the web app."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError
from tests.fetch.server import LocalServer
from tests.fetch.site import rss, serve_articles
from typer.testing import CliRunner

from armstrack import cli
from armstrack.cli import app
from armstrack.fetch.stored import default_archive
from armstrack.store import open_store
from armstrack.web import create_app
from armstrack.web.settings import WebSettings

runner = CliRunner()


def _feed(server: LocalServer) -> str:
    serve_articles(server)
    items = [
        (server.url("/news/iris-t"), "Missiles for Ukraine", "Nordic Wire", None),
        (server.url("/news/library"), "Library hours", None, None),
    ]
    server.document("/feed.xml", rss(items), "application/rss+xml", etag='"feed-1"')
    return server.url("/feed.xml")


def _watch(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["watch", "--delay", "0", *args])
    return result.exit_code, result.stdout, result.stderr


def _rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


def test_watch_stores_new_pages_and_a_second_round_fetches_nothing_unchanged(
    server: LocalServer, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    feed = _feed(server)
    code, out, err = _watch(feed, "--once", "--db", str(db))
    assert code == 0, err
    assert "1 source polled (0 not modified), 2 new pages, 2 ingested, 1 transfer added" in out
    assert sorted(_rows(db, "SELECT url FROM articles")) == [
        (server.url("/news/iris-t"),),
        (server.url("/news/library"),),
    ]
    # The RSS <source> names the original publisher: the outlet of the report.
    assert _rows(db, "SELECT supplier, recipient, category FROM transfers") == [
        ("NOR", "UKR", "air_defence")
    ]
    outlets = _rows(
        db,
        "SELECT o.name FROM articles a JOIN outlets o ON a.outlet_id = o.id "
        f"WHERE a.url = '{server.url('/news/iris-t')}'",
    )
    assert outlets == [("Nordic Wire",)]
    archive = default_archive(str(db))
    assert archive == tmp_path / "news-archive" and list(archive.glob("*.warc.gz"))

    code, out, err = _watch(feed, "--once", "--db", str(db))
    assert code == 0, err
    assert "1 source polled (1 not modified), 0 new pages" in out
    assert server.hits["/news/iris-t"] == server.hits["/news/library"] == 1
    assert server.asked("/feed.xml")[-1].headers.get("if-none-match") == '"feed-1"'


def test_watch_reports_a_broken_source_and_keeps_the_others(
    server: LocalServer, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    feed = _feed(server)
    missing = server.url("/gone.xml")
    code, out, err = _watch(missing, feed, "--once", "--db", str(db))
    assert code == 1
    assert f"{missing}: HTTP 404" in err
    assert "2 ingested" in out and "1 error" in out
    assert len(_rows(db, "SELECT id FROM articles")) == 2
    failures = _rows(db, f"SELECT failures, error FROM watched_sources WHERE url = '{missing}'")
    assert failures[0][0] == 1 and "404" in str(failures[0][1])


def test_the_archive_rebuilds_the_same_database(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    assert _watch(_feed(server), "--once", "--db", str(db))[0] == 0
    rebuilt = tmp_path / "rebuilt.db"
    result = runner.invoke(app, ["ingest", str(default_archive(str(db))), "--db", str(rebuilt)])
    assert result.exit_code == 0, result.output
    texts = "SELECT a.url, v.text FROM articles a JOIN article_versions v ON v.article_id = a.id"
    assert len(_rows(db, texts)) == 2
    assert sorted(_rows(rebuilt, texts)) == sorted(_rows(db, texts))
    triples = "SELECT supplier, recipient, category, status, systems FROM transfers"
    assert (
        _rows(rebuilt, triples)
        == _rows(db, triples)
        == [("NOR", "UKR", "air_defence", "agreed", "IRIS-T SLM")]
    )


def test_ingest_url_fetches_a_page_and_the_web_app_serves_it_as_archived(
    server: LocalServer, tmp_path: Path
) -> None:
    serve_articles(server)
    db = tmp_path / "pages.db"
    page = server.url("/news/iris-t")
    result = runner.invoke(app, ["ingest", page, "--db", str(db), "--delay", "0"])
    assert result.exit_code == 0, result.output
    assert "1 ingested, 1 transfer added" in result.stderr
    (article_id,) = _rows(db, f"SELECT id FROM articles WHERE url = '{page}'")[0]
    settings = WebSettings(archive=str(default_archive(str(db))))
    with open_store(str(db)) as store, TestClient(create_app(store, settings=settings)) as web:
        shown = web.get(f"/articles/{article_id}")
        assert (
            f'<iframe class="archived" sandbox src="/articles/{article_id}/archived' in shown.text
        )
        archived = web.get(f"/articles/{article_id}/archived")
        assert archived.status_code == 200
        assert archived.headers["content-type"] == "text/html; charset=utf-8"
        assert "<nav>" in archived.text  # the page as fetched, menus and all
        policy = archived.headers["content-security-policy"]
        assert policy.startswith("sandbox;") and "default-src 'none'" in policy
    with open_store(str(db)) as store, TestClient(create_app(store)) as web:
        assert web.get(f"/articles/{article_id}/archived").status_code == 404


def test_watch_refuses_what_is_not_a_source(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert _watch("--once", "--db", db)[0] == 2
    code, _out, err = _watch("feeds.xml", "--once", "--db", db)
    assert code == 2 and "not an http(s) address: feeds.xml" in err
    code, _out, err = _watch("https://x.example/f", "--every", "soon", "--db", db)
    assert code == 2 and "not a duration" in err


def test_watch_outlives_a_round_that_breaks(
    server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = _feed(server)
    rounds: list[str] = []
    real = cli.watch_round

    def flaky(*args: Any, **kwargs: Any) -> Any:
        rounds.append("round")
        if len(rounds) == 1:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        if len(rounds) == 2:
            return real(*args, **kwargs)
        raise KeyboardInterrupt  # the user stops it

    monkeypatch.setattr(cli, "watch_round", flaky)
    code, out, err = _watch(feed, "--every", "0.01s", "--db", str(tmp_path / "a.db"))
    assert code == 0
    assert "the round failed" in err and "database is locked" in err
    assert "2 ingested" in out  # the next round did its work
    assert err.rstrip().endswith("stopped")
    assert len(rounds) == 3
