"""The store commands through the real CLI and real processes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx
import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.store.database import database_url

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = [str(ROOT / "examples" / "articles"), str(ROOT / "examples" / "articles.jsonl")]
EXAMPLE_ARTICLES = 15  # 12 text files and 3 JSON lines


def _invoke(*args: str) -> object:
    result = CliRunner().invoke(app, list(args))
    return result


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def example_db(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> str:
    """The bundled examples ingested through the CLI, on each backend."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("db") / "examples.db")
    else:
        db = request.getfixturevalue("postgres").new_database()
    result = CliRunner().invoke(app, ["ingest", *EXAMPLES, "--db", db])
    assert result.exit_code == 0, result.output
    return db


def _count(db: str, sql: str) -> tuple[object, ...]:
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return tuple(conn.exec_driver_sql(sql).one())
    finally:
        engine.dispose()


def test_ingest_reports_counts(example_db: str) -> None:
    result = CliRunner().invoke(app, ["ingest", *EXAMPLES, "--db", str(example_db)])
    assert result.exit_code == 0
    assert "15 articles: 15 unchanged" in result.stderr


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (
            ["--supplier", "IRN", "--category", "missile"],
            {("IRN", "RUS", "missile"), ("IRN", "houthis", "missile")},
        ),
        (
            ["--actor", "UKR", "--status", "delivered"],
            {("DEU", "UKR", "air_defence"), ("DEU", "UKR", "missile")},
        ),
        (["--system", "shahed"], {("IRN", "RUS", "uav")}),
        (
            ["--supplier", "Iran", "--category", "missile"],
            {("IRN", "RUS", "missile"), ("IRN", "houthis", "missile")},
        ),
        (
            ["--supplier", "irn", "--category", "missile"],
            {("IRN", "RUS", "missile"), ("IRN", "houthis", "missile")},
        ),
        (
            ["--actor", "ukraine", "--status", "delivered"],
            {("DEU", "UKR", "air_defence"), ("DEU", "UKR", "missile")},
        ),
        (["--min-origins", "2", "--supplier", "IRN"], {("IRN", "RUS", "missile")}),
    ],
)
def test_transfers_filters(
    example_db: Path, args: list[str], expect: set[tuple[str, str, str]]
) -> None:
    result = CliRunner().invoke(
        app, ["transfers", "--db", str(example_db), "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {(r["supplier"], r["recipient"], r["category"]) for r in rows} == expect


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--status", "sold"], "--status"), (["--category", "lasers"], "--category")],
)
def test_transfers_bad_filters_are_usage_errors(
    example_db: Path, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(app, ["transfers", "--db", str(example_db), *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_show_prints_timeline_claims_and_evidence(example_db: str) -> None:
    rows = json.loads(
        CliRunner()
        .invoke(
            app,
            [
                "transfers",
                "--db",
                str(example_db),
                "--format",
                "json",
                "--supplier",
                "IRN",
                "--category",
                "missile",
            ],
        )
        .stdout
    )
    result = CliRunner().invoke(app, ["show", str(rows[0]["id"]), "--db", str(example_db)])
    assert result.exit_code == 0
    assert "Iran → Russia: missile, delivered" in result.stdout
    assert "timeline:" in result.stdout and "Fateh-360" in result.stdout
    assert "origin reuters" in result.stdout
    missing = CliRunner().invoke(app, ["show", "99999", "--db", str(example_db)])
    assert missing.exit_code == 2 and "no transfer with id 99999" in missing.stderr


def test_search_and_stats(example_db: str) -> None:
    search = CliRunner().invoke(app, ["search", "Caspian", "--db", str(example_db)])
    assert search.exit_code == 0 and "[Caspian]" in search.stdout
    assert re.match(r"article \d+ ", search.stdout)
    assert all(line.strip() for line in search.stdout.splitlines())
    stats = json.loads(CliRunner().invoke(app, ["stats", "--db", str(example_db)]).stdout)
    assert stats["articles"] == 15 and stats["transfers"] >= 10


@pytest.mark.parametrize(
    ("query", "expect"),
    [
        ("Caspian", True),
        ("Caspian zebra", False),  # every word must occur
        ("Caspian OR zebra", True),
        ('"Caspian Sea"', True),
        ('"Sea Caspian"', False),  # a phrase occurs as written
    ],
)
def test_search_words_phrases_and_or(example_db: str, query: str, expect: bool) -> None:
    result = CliRunner().invoke(app, ["search", query, "--db", str(example_db)])
    assert result.exit_code == 0
    found = [line for line in result.stdout.splitlines() if line.startswith("article ")]
    assert bool(found) is expect
    if not expect:
        assert f"no article matches {query!r}" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "json", "graphml", "sipri"])
def test_export_formats(example_db: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        app, ["export", "--db", str(example_db), "--format", fmt, "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    content = target.read_text(encoding="utf-8")
    if fmt == "graphml":
        root = ET.fromstring(content)
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        assert len(root.findall(".//g:edge", ns)) >= 10
        assert root.find(".//g:node[@id='IRN']", ns) is not None
        # networkx reads it back with every edge's facts typed.
        graph = networkx.read_graphml(target)
        edges = [d for _, _, d in graph.edges(data=True)]
        assert any(isinstance(d.get("quantity"), int) for d in edges)
        assert any(d.get("denied_by") for d in edges)
        assert all(
            {"status", "first_reported", "last_reported", "origins"} <= set(d) for d in edges
        )
    elif fmt == "json":
        assert any(r["supplier"] == "IRN" for r in json.loads(content))
    elif fmt == "sipri":
        assert content.splitlines()[0].startswith("supplier,recipient,designation,category,number")
        assert "Fateh-360" in content
    else:
        assert content.splitlines()[0].startswith("id,supplier,supplier_name")


def test_database_url_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    env = {"ARMSTRACK_DB": str(db)}
    weather = tmp_path / "weather.txt"
    weather.write_text("Heavy rain is expected this weekend.\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["ingest", str(weather)], env=env).exit_code == 0
    result = CliRunner().invoke(app, ["stats"], env=env)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["articles"] == 1


@pytest.mark.parametrize(
    "names",
    [["2024-03-india-agni-5-mirv-test.txt"], None],
    ids=["one_article_without_transfer", "all_examples"],
)
def test_ingest_of_articles_without_transfers_succeeds(
    tmp_path: Path, database: str, names: list[str] | None
) -> None:
    weather = tmp_path / "weather.txt"
    weather.write_text(
        " date 2024-03-01\nHeavy rain is expected across the region this weekend, "
        "forecasters said on Friday.\n",
        encoding="utf-8",
    )
    paths = [str(ROOT / "examples" / "articles" / n) for n in names] if names else EXAMPLES
    first = CliRunner().invoke(app, ["ingest", str(weather), "--db", database])
    assert first.exit_code == 0, first.output
    result = CliRunner().invoke(app, ["ingest", *paths, "--db", database])
    assert result.exit_code == 0, result.output
    stats = json.loads(CliRunner().invoke(app, ["stats", "--db", database]).stdout)
    assert stats["articles"] == 1 + (len(names) if names else EXAMPLE_ARTICLES)
    assert (stats["transfers"] == 0) == bool(names)


ARTICLES = 400  # in the kill-and-resume test


def test_killed_ingest_resumes_without_duplicates(tmp_path: Path, database: str) -> None:
    lines = [
        json.dumps({"id": f"a{i}", "url": f"https://news.example/{i}", "date": "2024-02-21",
                    "text": f"Report {i}: Iran shipped {i + 2} Shahed-136 drones to Russia, officials said on day {i}."})
        for i in range(ARTICLES)
    ]  # fmt: skip
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = database
    command = [
        str(Path(sys.executable).parent / "armstrack"),
        "ingest",
        str(source),
        "--db",
        str(db),
        "--batch-size",
        "10",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            stored = int(str(_count(db, "SELECT count(*) FROM articles")[0]))
        except (OperationalError, ProgrammingError):
            continue  # not created yet
        if stored >= 30:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait()
    assert 0 < stored < ARTICLES, "the ingest must be killed part-way"
    finished = subprocess.run(command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert _count(db, "SELECT count(*), count(DISTINCT key) FROM articles") == (ARTICLES,) * 2
    assert _count(db, "SELECT count(*) FROM article_versions") == (ARTICLES,)
    assert _count(db, "SELECT count(*) FROM mentions") == (ARTICLES,)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is only beside the project in CI")
def test_seed_articles_resolve_into_four_transfers(database: str) -> None:
    db = database
    result = CliRunner().invoke(
        app, ["ingest", str(SEEDS / "seed-000.txt"), str(SEEDS / "seed-003.txt"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(
        CliRunner().invoke(app, ["transfers", "--db", str(db), "--format", "json"]).stdout
    )
    found = {(r["supplier"], r["recipient"], r["category"]): r for r in rows}
    assert set(found) == {
        ("IRN", "RUS", "missile"),
        ("IRN", "RUS", "uav"),
        ("RUS", "IRN", "aircraft"),
        ("PRK", "RUS", "missile"),
    }
    missile = found[("IRN", "RUS", "missile")]
    # Two texts with no outlet named: one unknown outlet.
    assert (missile["reports"], missile["outlets"], missile["origins"]) == (2, 1, 1)
    assert found[("IRN", "RUS", "uav")]["denied_by"] == "IRN; RUS"
    assert found[("RUS", "IRN", "aircraft")]["status"] == "agreed"
