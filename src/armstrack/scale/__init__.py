"""Distributed ingest on Dask: workers read and extract partitions, this process writes.

Extraction is the expensive, independent part of ingest, so it runs on Dask workers
(a LocalCluster by default, or any cluster by scheduler address), one partition per task.
The client keeps a bounded window of partitions in flight, takes the results back in
input order and writes them through the store's single writing path in batched
transactions, exactly as the single-process engine does; the database is therefore the
same row for row. A partition whose task fails is reported and left out; running the same
command again retries it (what is already stored is skipped as unchanged).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armstrack.catalogue import load_catalogue
from armstrack.errors import InputError
from armstrack.extract import Extractor
from armstrack.ingest import IngestSettings
from armstrack.ingest.partitions import Partition, plan, read_partition
from armstrack.records import Article, Extraction
from armstrack.store import IngestSummary, Store, extract_safely

Result = tuple[Article, Extraction] | InputError
Progress = Callable[[int, int], None]

# One extractor per worker process and catalogue: building the automaton costs seconds.
_EXTRACTORS: dict[tuple[str, ...], Extractor] = {}


def extract_partition(
    partition: Partition, settings: IngestSettings, catalogue_files: tuple[str, ...] = ()
) -> list[Result]:
    """Read one partition and extract its articles (runs on a worker)."""
    extractor = _EXTRACTORS.get(catalogue_files)
    if extractor is None:
        catalogue = load_catalogue([Path(p) for p in catalogue_files])
        extractor = _EXTRACTORS[catalogue_files] = Extractor(catalogue)
    return [
        item if isinstance(item, InputError) else extract_safely(extractor, item)
        for item in read_partition(partition, settings)
    ]


@dataclass
class DaskSummary(IngestSummary):
    failed: list[tuple[Partition, str]] = field(default_factory=list)  # and why


def ingest_dask(
    store: Store,
    paths: Iterable[str | Path],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 100,
    partition_size: int = 500,
    settings: IngestSettings | None = None,
    catalogue_files: Iterable[str | Path] = (),
    progress: Progress | None = None,
) -> DaskSummary:
    """Ingest on a Dask cluster; the result equals ``store.ingest(read_articles(paths))``."""
    from dask.distributed import Client, LocalCluster

    settings = settings or IngestSettings()
    catalogues = tuple(str(Path(p).resolve()) for p in catalogue_files)
    summary = DaskSummary()
    cluster = None
    if scheduler is None:
        # Processes, one thread each: extraction is pure Python and holds the GIL.
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    try:
        pending: list[Result] = []
        for results in _in_order(
            client, plan(paths, partition_size), settings, catalogues, summary, workers
        ):
            pending += results
            while len(pending) >= batch_size:
                _write(store, pending[:batch_size], summary, progress)
                pending = pending[batch_size:]
        if pending:
            _write(store, pending, summary, progress)
        store.refresh_statistics()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return summary


def _in_order(
    client: Any,
    partitions: Iterator[Partition | InputError],
    settings: IngestSettings,
    catalogues: tuple[str, ...],
    summary: DaskSummary,
    workers: int,
) -> Iterator[list[Result]]:
    """Each partition's results, in input order, with at most a few partitions per worker
    in flight so that memory does not grow with the corpus."""
    window: deque[tuple[Partition | InputError, Any]] = deque()
    limit = max(2, 3 * workers)
    for item in partitions:
        if isinstance(item, InputError):
            window.append((item, None))
        else:
            future = client.submit(extract_partition, item, settings, catalogues, pure=False)
            window.append((item, future))
        while len(window) >= limit:
            yield _collect(*window.popleft(), summary)
    while window:
        yield _collect(*window.popleft(), summary)


def _collect(item: Partition | InputError, future: Any, summary: DaskSummary) -> list[Result]:
    if isinstance(item, InputError):
        return [item]
    try:
        results: list[Result] = future.result()
    except Exception as exc:  # a worker died or the task raised: report, go on
        summary.failed.append((item, f"{type(exc).__name__}: {exc}"))
        return []
    finally:
        future.release()
    return results


def _write(
    store: Store, results: list[Result], summary: DaskSummary, progress: Progress | None
) -> None:
    store.write(results, summary)
    if progress:
        progress(summary.seen, sum(summary.skipped.values()))
