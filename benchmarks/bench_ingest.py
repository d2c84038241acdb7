"""End-to-end ingest into SQLite, then query latency on the resulting database.

Generates news-style articles (about 700 words, a quarter with arms news, each with
its own URL and outlet), ingests them with ``Store.ingest`` in one process, and
prints articles/s (wall clock, extraction + storage + resolution) and peak RSS at
several points of the run, so memory growth with corpus size shows. Then it times
filtered ``transfers`` queries and full-text searches (median and 95th percentile of
repeated runs).

    python benchmarks/bench_ingest.py [--articles 100000] [--db /tmp/bench.db]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from armstrack.records import Article
from armstrack.store import TransferFilter, open_store
from bench_extract import corpus

OUTLETS = ("Reuters", "AP", "AFP", "Bloomberg", "Yonhap", "Al Jazeera", "The Guardian", "Dawn")


def articles(n: int, seed: int = 11) -> Iterator[Article]:
    rng = random.Random(seed)
    start = date(2022, 1, 1)
    for index, text in enumerate(corpus(n, seed=seed)):
        yield Article(
            id=str(index),
            text=text,
            published=start + timedelta(days=rng.randint(0, 1000)),
            url=f"https://news{index % 50}.example.com/{index}",
            outlet=rng.choice(OUTLETS),
            source="bench",
        )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], object], repeat: int = 25) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/armstrack-bench.db"))
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    store = open_store(args.db)
    print(f"ingesting {args.articles} generated articles into {args.db}")
    print(f"{'articles':>9} {'art/s':>8} {'peak MB':>8}")
    started = time.perf_counter()
    checkpoints = {args.articles // 10 * k for k in range(1, 11)}

    def progress(seen: int, _skipped: int) -> None:
        if seen in checkpoints:
            checkpoints.discard(seen)
            rate = seen / (time.perf_counter() - started)
            print(f"{seen:>9} {rate:>8.0f} {peak_mb():>8.0f}", flush=True)

    store.ingest(articles(args.articles), batch_size=args.batch_size, progress=progress)
    elapsed = time.perf_counter() - started
    print(
        f"total: {args.articles} articles in {elapsed:.0f} s = {args.articles / elapsed:.0f} articles/s"
    )
    print(store.stats())
    queries: dict[str, Callable[[], object]] = {
        "transfers (all, first 100)": lambda: store.transfers(TransferFilter(limit=100)),
        "transfers --supplier IRN": lambda: store.transfers(
            TransferFilter(supplier="IRN", limit=100)
        ),
        "transfers --actor RUS --status delivered": lambda: store.transfers(
            TransferFilter(actor="RUS", status="delivered", limit=100)
        ),
        "transfers --category uav --since 2023-06-01": lambda: store.transfers(
            TransferFilter(category="uav", since=date(2023, 6, 1), limit=100)
        ),
        "transfers --system Shahed --min-origins 2": lambda: store.transfers(
            TransferFilter(system="shahed", min_origins=2, limit=100)
        ),
        "search 'Caspian'": lambda: store.search("Caspian"),
        "search 'harvest rainfall'": lambda: store.search("harvest rainfall"),
        "search 'contract howitzers'": lambda: store.search("contract howitzers"),
    }
    print(f"{'query':<45} {'median ms':>10} {'p95 ms':>8}")
    for name, run in queries.items():
        median, p95 = timed(run)
        print(f"{name:<45} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
