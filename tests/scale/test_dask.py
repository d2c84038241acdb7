"""Distributed ingest on Dask gives the database a single-process ingest gives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dask.distributed import LocalCluster
from sqlalchemy import create_engine

from armstrack import scale
from armstrack.ingest import IngestSettings
from armstrack.ingest.partitions import Partition, plan
from armstrack.store import open_store
from armstrack.store.database import database_url

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [str(ROOT / "examples" / "articles"), str(ROOT / "examples" / "articles.jsonl")]
# Columns that say when a row was written, not what it holds.
CLOCK = {"ingested_at", "first_seen", "updated_at", "at"}
TABLES = [
    "articles", "article_versions", "outlets", "mentions", "claims", "evidence",
    "transfers", "status_events", "skipped_inputs", "minhash_bands", "actors",
]  # fmt: skip
STORIES = [
    ("Iran", "Russia", "Shahed-136 drones"),
    ("North Korea", "Russia", "KN-23 missiles"),
    ("Turkey", "Ukraine", "Bayraktar TB2 drones"),
    ("China", "Serbia", "FK-3 air defence systems"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The examples, a JSON-lines file big enough to split, with a broken line in it."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = []
    for i in range(700):
        supplier, recipient, weapon = STORIES[i % len(STORIES)]
        text = (
            f"{supplier} has delivered {i % 9 + 2} {weapon} to {recipient}, officials told "
            f"reporters on day {i}. A spokesman for {recipient} declined to comment."
        )
        line = {"id": f"g{i}", "url": f"https://g.example/{i}", "text": text,
                "date": f"202{i % 5}-0{i % 9 + 1}-1{i % 10}"}  # fmt: skip
        lines.append(json.dumps(line) if i != 333 else "{not json")
    generated = folder / "generated.jsonl"
    generated.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = folder / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return [*EXAMPLES, str(generated), str(empty)]


def _dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(database_url(db))
    found = {}
    with engine.connect() as conn:
        for table in TABLES:
            result = conn.exec_driver_sql(f"SELECT * FROM {table}")
            keep = [i for i, name in enumerate(result.keys()) if name not in CLOCK]
            found[table] = sorted(
                (tuple(row[i] for i in keep) for row in result), key=lambda r: repr(r)
            )
    engine.dispose()
    return found


def _ingest(*args: str) -> subprocess.CompletedProcess[str]:
    armstrack = str(Path(sys.executable).parent / "armstrack")
    return subprocess.run([armstrack, "ingest", *args], capture_output=True, text=True)


def test_plan_splits_big_files_into_record_ranges(corpus: list[str]) -> None:
    missing = str(Path(corpus[2]).parent / "missing.txt")
    parts = list(plan([*corpus, missing], size=300))
    generated = [p for p in parts if isinstance(p, Partition) and p.path == corpus[2]]
    assert [(p.first, p.last) for p in generated] == [(1, 300), (301, 600), (601, None)]
    assert str(parts[-1]).endswith("missing.txt: no such file or directory")


def test_dask_ingest_equals_single_process(tmp_path: Path, corpus: list[str]) -> None:
    single, distributed = str(tmp_path / "single.db"), str(tmp_path / "dask.db")
    local = _ingest(*corpus, "--db", single, "--batch-size", "50")
    dask = _ingest(*corpus, "--db", distributed, "--batch-size", "50", "--engine", "dask",
                   "--workers", "2", "--partition-size", "250")  # fmt: skip
    assert local.returncode == dask.returncode == 1  # the broken line and the empty file
    assert local.stderr.splitlines()[-1] == dask.stderr.splitlines()[-1]
    assert "2 skipped" in dask.stderr.splitlines()[-1]
    expected, found = _dump(single), _dump(distributed)
    assert len(expected["articles"]) == 714 and len(expected["transfers"]) > 4
    for table in TABLES:
        assert found[table] == expected[table], table


def test_failed_partition_is_reported_and_retried(
    tmp_path: Path, corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task that raises loses its partition only; running again fills the gap."""
    reference = str(tmp_path / "reference.db")
    assert _ingest(*corpus, "--db", reference, "--batch-size", "50").returncode == 1
    real = scale.read_partition

    def flaky(partition: Partition, settings: IngestSettings) -> Iterator[Any]:
        if partition.first == 251:
            raise RuntimeError("worker lost")
        return real(partition, settings)

    monkeypatch.setattr(scale, "read_partition", flaky)
    target = str(tmp_path / "retry.db")
    # Threads in this process, so that the patched reader is the one the workers run.
    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        open_store(target) as store,
    ):
        summary = scale.ingest_dask(
            store, corpus, scheduler=cluster.scheduler_address, batch_size=50,
            partition_size=250,
        )  # fmt: skip
    assert [(str(p), why) for p, why in summary.failed] == [
        (f"{corpus[2]}[251-500]", "RuntimeError: worker lost")
    ]
    assert summary.seen == 716 - 250  # 714 articles and 2 broken inputs, less the lost part
    monkeypatch.undo()
    again = _ingest(*corpus, "--db", target, "--batch-size", "50", "--engine", "dask")
    assert "465 unchanged" in again.stderr and "249 new" in again.stderr
    assert len(_dump(target)["articles"]) == len(_dump(reference)["articles"])
