"""Scaling: the single-process engine against Dask with 1 and 2 workers, and store writes
on SQLite and PostgreSQL, all on the same generated corpus.

Writes ``--articles`` generated news-style articles (about 700 words, a quarter with arms
news; see ``bench_extract.py``) to a JSON-lines file, then measures, each figure in
articles per wall-clock second:

1. extraction alone: one process (``Extractor.run`` over ``read_articles``), then Dask with
   1 and 2 worker processes extracting every partition and sending the results back;
   this is the part Dask distributes, and where the 2-worker / 1-worker ratio is read;
2. end-to-end ingest into a new SQLite file: ``Store.ingest`` in one process, then
   ``armstrack ingest --engine dask`` (``scale.ingest_dask``) with 1 and 2 workers, the
   client writing what the workers extract;
3. store writes alone (near-duplicate search, inserts, resolution; extraction done
   beforehand) into SQLite and into PostgreSQL (a throwaway cluster from Debian's server
   binaries, as the tests use, or ``--postgres URL``);
4. peak RSS of each Dask worker after extracting the corpus once and after twice as many
   articles, to show that worker memory does not grow with the corpus.

    .venv/bin/python benchmarks/bench_scale.py [--articles 6000] [--partition-size 250]

Every run prints the machine's core count: on a 2-core machine the client that writes
shares the cores with the two workers, which caps the end-to-end figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # PostgreSQL cluster
from armstrack import scale
from armstrack.errors import InputError
from armstrack.extract import Extractor
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.partitions import Partition, plan
from armstrack.store import IngestSummary, extract_safely, open_store
from bench_ingest import articles


def write_corpus(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in articles(n, seed=seed):
            record = {
                "id": article.id,
                "text": article.text,
                "date": article.published.isoformat() if article.published else None,
                "url": article.url,
                "outlet": article.outlet,
            }
            out.write(json.dumps(record) + "\n")


def rate(n: int, run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return n / (time.perf_counter() - started)


def extract_local(path: Path) -> int:
    extractor = Extractor()
    count = 0
    for item in read_articles([path]):
        if not isinstance(item, InputError):
            extract_safely(extractor, item)
            count += 1
    return count


def _count_partition(partition: Partition, settings: IngestSettings) -> int:
    """Extract a partition on a worker and send back what a writer would get."""
    return len(scale.extract_partition(partition, settings))


def _worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def dask_client(workers: int) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    try:
        # Warm up: every worker builds its extractor (seconds) before timing starts.
        tiny = Partition(str(WARMUP))
        warm = [
            client.submit(_count_partition, tiny, IngestSettings(), pure=False, workers=[w])
            for w in client.scheduler_info()["workers"]
        ]
        client.gather(warm)
        yield client
    finally:
        client.close()
        cluster.close()


def extract_dask(client: Any, path: Path, partition_size: int) -> int:
    partitions = [p for p in plan([path], partition_size) if isinstance(p, Partition)]
    futures = [client.submit(_count_partition, p, IngestSettings(), pure=False) for p in partitions]
    return sum(client.gather(futures))


def ingest_local(db: Path, path: Path) -> None:
    store = open_store(db)
    store.ingest(read_articles([path]), batch_size=500)
    store.close()


def ingest_dask(db: Path, path: Path, scheduler: str, partition_size: int) -> None:
    store = open_store(db)
    summary = scale.ingest_dask(
        store, [path], scheduler=scheduler, batch_size=500, partition_size=partition_size
    )
    store.close()
    assert not summary.failed, summary.failed


def store_writes(url: str, results: list[Any]) -> float:
    store = open_store(url)
    summary = IngestSummary()
    started = time.perf_counter()
    for start in range(0, len(results), 500):
        store.write(results[start : start + 500], summary)
    elapsed = time.perf_counter() - started
    store.close()
    return len(results) / elapsed


@contextmanager
def postgres(url: str | None) -> Iterator[str | None]:
    if url:
        yield url
        return
    try:
        from postgres import Cluster
    except ImportError as exc:  # psycopg missing
        print(f"  PostgreSQL skipped: {exc}")
        yield None
        return
    try:
        cluster = Cluster()
        cluster.start()
    except RuntimeError as exc:
        print(f"  PostgreSQL skipped: {exc}")
        yield None
        return
    try:
        yield cluster.new_database()
    finally:
        cluster.stop()


def _workers(count: int) -> str:
    return f"{count} worker" + ("s" if count > 1 else "")


WARMUP = Path(tempfile.gettempdir()) / "armstrack-scale-warmup.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--postgres", help="a PostgreSQL URL instead of a throwaway cluster")
    args = parser.parse_args()
    n = args.articles
    folder = Path(tempfile.mkdtemp(prefix="armstrack-scale-"))
    corpus, double = folder / "corpus.jsonl", folder / "double.jsonl"
    write_corpus(corpus, n, seed=11)
    write_corpus(double, 2 * n, seed=12)
    write_corpus(WARMUP, 5, seed=13)
    size_mb = corpus.stat().st_size / 1e6
    print(f"{n} articles ({size_mb:.1f} MB of JSON lines), {os.cpu_count()} cores")

    single = rate(n, partial(extract_local, corpus))
    local = rate(n, partial(ingest_local, folder / "local.db", corpus))
    extracted: dict[int, float] = {}
    ingested: dict[int, float] = {}
    peaks: dict[int, list[tuple[float, float]]] = {}
    for workers in (1, 2):
        started = time.perf_counter()
        with dask_client(workers) as client:
            print(f"  a cluster of {_workers(workers)} up, extractors built: "
                  f"{time.perf_counter() - started:.1f} s")  # fmt: skip
            extracted[workers] = rate(n, partial(extract_dask, client, corpus, args.partition_size))
            after_one = client.run(_worker_peak_mb)
            extract_dask(client, double, args.partition_size)
            after_two = client.run(_worker_peak_mb)
            peaks[workers] = [(after_one[w], after_two[w]) for w in sorted(after_one)]
            db = folder / f"dask{workers}.db"
            address = client.scheduler.address
            ingested[workers] = rate(
                n, partial(ingest_dask, db, corpus, address, args.partition_size)
            )

    print("\n1. extraction (articles/s)")
    print(f"  single process          {single:8.0f}")
    for workers, figure in extracted.items():
        print(f"  dask, {_workers(workers):<17} {figure:8.0f}")
    print(f"  2 workers / 1 worker    {extracted[2] / extracted[1]:8.2f}x  (target 1.7x)")

    print("\n2. end-to-end ingest into SQLite (articles/s), warm cluster")
    print(f"  single process          {local:8.0f}")
    for workers, figure in ingested.items():
        print(f"  dask, {_workers(workers):<17} {figure:8.0f}")

    print("\n3. store writes alone, extraction done beforehand (articles/s)")
    extractor = Extractor()
    results: list[Any] = [
        extract_safely(extractor, a)
        for a in read_articles([corpus])
        if not isinstance(a, InputError)
    ]
    print(f"  SQLite                  {store_writes(str(folder / 'writes.db'), results):8.0f}")
    with postgres(args.postgres) as url:
        if url:
            print(f"  PostgreSQL              {store_writes(url, results):8.0f}")

    print("\n4. peak RSS per Dask worker (MB): after the corpus, after twice as many more")
    for workers, figures in peaks.items():
        shown = ", ".join(f"{a:.0f} -> {b:.0f}" for a, b in figures)
        print(f"  {_workers(workers)}: {shown}")


if __name__ == "__main__":
    main()
