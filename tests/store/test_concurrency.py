"""Two ingest processes on the same files and the same database lose and double nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from armstrack.store.database import database_url

ROOT = Path(__file__).resolve().parents[2]
_OPEN = "import sys; from armstrack.store import open_store; open_store(sys.argv[1]).close()"
EXAMPLES = [str(ROOT / "examples" / "articles"), str(ROOT / "examples" / "articles.jsonl")]
PAIRS = [("Iran", "Russia", "Shahed-136 drones"), ("North Korea", "Russia", "KN-23 missiles"),
         ("China", "Pakistan", "J-10C fighter jets"), ("Turkey", "Ukraine", "Bayraktar TB2 drones")]  # fmt: skip


def _articles(path: Path, count: int) -> Path:
    lines = []
    for i in range(count):
        supplier, recipient, weapon = PAIRS[i % len(PAIRS)]
        text = (
            f"Report {i}: {supplier} delivered {i % 7 + 2} {weapon} to {recipient} in "
            f"{2020 + i % 5}, officials told outlet {i % 9}. Markets were calm on day {i}."
        )
        lines.append(json.dumps({"id": f"c{i}", "url": f"https://c.example/{i}",
                                 "date": f"{2020 + i % 5}-03-0{i % 9 + 1}", "text": text}))  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _summary(db: str) -> dict[str, object]:
    engine = create_engine(database_url(db))
    with engine.connect() as conn:

        def one(sql: str) -> object:
            return conn.exec_driver_sql(sql).scalar()

        found = {
            "articles": one("SELECT count(*) FROM articles"),
            "distinct keys": one("SELECT count(DISTINCT key) FROM articles"),
            "versions": one("SELECT count(*) FROM article_versions"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "unresolved": one("SELECT count(*) FROM mentions WHERE transfer_id IS NULL"),
            "reports": one("SELECT sum(reports) FROM transfers"),
            "triples": sorted(
                tuple(r)
                for r in conn.exec_driver_sql(
                    "SELECT DISTINCT supplier, recipient, category FROM transfers WHERE reports > 0"
                )
            ),
        }
    engine.dispose()
    return found


def test_overlapping_ingesters(tmp_path: Path, database: str) -> None:
    generated = str(_articles(tmp_path / "many.jsonl", 300))
    armstrack = str(Path(sys.executable).parent / "armstrack")
    # Create the schema first, so the two runs race on articles, not on migrations.
    subprocess.run([sys.executable, "-c", _OPEN, database], check=True, capture_output=True)
    runs = [
        subprocess.Popen(
            [armstrack, "ingest", *paths, "--db", database, "--batch-size", "20"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paths in ([generated, *EXAMPLES], [*EXAMPLES, generated])
    ]
    for run in runs:
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors
    reference = str(tmp_path / "reference.db")
    subprocess.run(
        [armstrack, "ingest", generated, *EXAMPLES, "--db", reference],
        check=True,
        capture_output=True,
    )
    expected = _summary(reference)
    assert expected["articles"] == 315 and expected["unresolved"] == 0
    assert _summary(database) == expected


def test_first_opens_race_on_a_new_store_without_failing(tmp_path: Path, database: str) -> None:
    # Regression: two first ingests into a new file both created the tables ("table
    # actors already exists"). Three processes open the same new store at once.
    runs = [
        subprocess.Popen([sys.executable, "-c", _OPEN, database], stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for run in runs:
        _, errors = run.communicate(timeout=120)
        assert run.returncode == 0, errors
    engine = create_engine(database_url(database))
    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar()
    engine.dispose()
    assert versions == 1
