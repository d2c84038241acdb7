"""Web archive to database, end to end on one core, against a bare warcio + trafilatura loop.

Packs the 109 real web pages of ../shared/bench/html (few of them about weapons, as in a
crawl) into a temporary gzipped WARC, and the same pages five times over into another.
Each engine reads the first ``--runs`` times (into a new database each time: a page
stored before would be skipped as unchanged) and the second once, each in its own
process pinned to one core, so that its time and peak memory are its own:

  bare          warcio's ArchiveIterator and trafilatura.extract() on every HTML response
                (text only): the loop a user writes first, storing nothing
  bare+meta     the same with trafilatura's metadata (bare_extraction), which armstrack
                needs for an article's id, date and outlet
  armstrack     read_articles + Store.ingest into a new SQLite file: every page extracted,
                stored and resolved, with the settings named:
                  default           trafilatura on every page
                  prefilter         pages naming no weapon skipped before extraction
                  prefilter+fast    ... and Resiliparse's main text for the rest

Prints pages per CPU second (steady even when other jobs share the machine), the ratio
to the faster bare loop, and peak RSS for both archive sizes: memory that does not grow
with the archive is what lets a crawl of any size stream through.

    python benchmarks/bench_web_ingest.py [--runs 3] [--engines bare bare+meta ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_readers import PAGES, pack_warc, web_pages

ENGINES = ("bare", "bare+meta", "default", "prefilter", "prefilter+fast")


def _bare(path: Path, metadata: bool) -> int:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                continue
            body = record.content_stream().read()
            if metadata:
                trafilatura.bare_extraction(body, with_metadata=True)
            else:
                trafilatura.extract(body)
            pages += 1
    return pages


def _armstrack(path: Path, engine: str, db: Path) -> tuple[int, float, float]:
    from armstrack.ingest import IngestSettings, read_articles
    from armstrack.ingest.prefilter import prefilter_for
    from armstrack.store import open_store

    settings = IngestSettings(
        prefilter=engine.startswith("prefilter"),
        html_reader="resiliparse" if engine.endswith("fast") else "trafilatura",
    )
    store = open_store(db)
    prefilter_for(())  # built once per process, as the extractor's matcher is
    if settings.html_reader == "resiliparse":
        import armstrack.ingest.fast_html  # noqa: F401 - imported before the clock, as trafilatura
    started = _clock()
    summary = store.ingest(read_articles([path], settings), batch_size=100)
    cpu, wall = _since(started)
    store.close()
    # A page is an article stored, or an error; one NoWeaponNamed item counts many pages.
    pages = sum(summary.added.values()) + sum(getattr(e, "pages", 1) for e in summary.errors)
    return pages, cpu, wall


def _clock() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime, time.perf_counter()


def _since(started: tuple[float, float]) -> tuple[float, float]:
    cpu, wall = _clock()
    return cpu - started[0], wall - started[1]


def _bare_timed(path: Path, engine: str) -> tuple[int, float, float]:
    import trafilatura  # noqa: F401 - imported before the clock starts, as armstrack's

    started = _clock()
    pages = _bare(path, metadata=engine == "bare+meta")
    return (pages, *_since(started))


def child(engine: str, path: Path, db: Path, runs: int) -> None:
    """One engine over one archive ``runs`` times, in this process."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    pages = cpu = wall = 0.0
    for run in range(runs):
        if engine.startswith("bare"):
            done = _bare_timed(path, engine)
        else:
            done = _armstrack(path, engine, db.with_name(f"{db.stem}-{run}.db"))
        pages, cpu, wall = pages + done[0], cpu + done[1], wall + done[2]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, "cpu": cpu, "wall": wall, "peak": peak}))


def run(engine: str, path: Path, folder: Path, runs: int) -> dict[str, float]:
    db = folder / f"{engine}-{path.stem}.db"
    command = [sys.executable, __file__, "--child", engine, "--warc", str(path)]
    command += ["--db", str(db), "--runs", str(runs)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3, help="reads of the 1x archive")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--warc", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.warc, args.db, args.runs)
        return
    if not PAGES.is_dir():
        sys.exit(f"no pages to read: {PAGES} is only beside the project")
    pages = web_pages()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        archives = []
        for repeat in (1, 5):
            path = folder / f"crawl-{repeat}x.warc.gz"
            count = pack_warc(path, pages, repeat)
            archives.append(path)
            print(f"{path.name}: {count} pages, {path.stat().st_size / 1e6:.1f} MB gzipped")
        small, large = archives
        results = {}
        for engine in args.engines:
            results[engine] = (run(engine, small, folder, args.runs), run(engine, large, folder, 1))
    bare = [e for e in ("bare", "bare+meta") if e in args.engines]
    rates = {e: one["pages"] / one["cpu"] for e, (one, _) in results.items()}
    baseline = max((rates[e] for e in bare), default=0)
    header = f"{'engine':<16} {'pages/cpu-s':>11} {'pages/s':>8} {'vs bare':>8}"
    print(f"\n{header} {'peak MB 1x':>10} {'peak MB 5x':>10}")
    for engine, (one, five) in results.items():
        ratio = f"{rates[engine] / baseline:.1f}x" if baseline else "-"
        print(
            f"{engine:<16} {rates[engine]:>11.1f} {one['pages'] / one['wall']:>8.1f} {ratio:>8} "
            f"{one['peak']:>10.0f} {five['peak']:>10.0f}"
        )
    print(
        f"speed: the 1x archive read {args.runs} times; vs bare: against the faster bare loop; "
        "peak MB 5x: the 5x archive read once"
    )


if __name__ == "__main__":
    main()
