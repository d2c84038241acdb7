"""REST API latency under concurrent load, against the real server on loopback.

Starts ``armstrack serve`` on a database (by default the 100,000-article one that
``benchmarks/bench_ingest.py`` builds), then times each endpoint separately: a few
warm-up requests, then ``--requests`` requests issued back to back by ``--clients``
threads, each with its own keep-alive ``httpx.Client``. Latency is the wall time of
one request as the client sees it (sending, server work, reading the whole body).

Timed endpoints:

* list: ``/api/transfers`` with the default page of 50 and with typical filters,
  sorts and an offset;
* detail: ``/api/transfers/{id}`` and ``/api/articles/{id}``, a different id for
  every request, sampled from the database with a fixed seed;
* for information only (no target): the HTML pages ``/`` and ``/transfers/{id}``,
  and the detail of the transfer with the most reports.

Printed per endpoint: requests, errors, median, p95, p99 and max latency (ms,
nearest-rank percentiles), requests/s, and the server's CPU time per request. Then,
per group, the pooled figures against the targets (median under 30 ms, p99 under
150 ms for list and detail endpoints with 8 clients), the server's peak RSS (VmHWM)
and where the machine's CPU time went (server, this client, other processes: the
last one says whether the figures are noisy). The exit status is 1 when a target is
missed.

    python benchmarks/bench_ingest.py             # once: builds /tmp/armstrack-bench.db
    .venv/bin/python benchmarks/bench_web.py [--db /tmp/armstrack-bench.db]
        [--clients 8] [--requests 400] [--workers 1] [--port N]

The first run on a database built by an older version migrates it (the server does,
before it answers). ``--workers`` is passed to ``armstrack serve --workers``: uvicorn
with that many server processes over the same database.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx2 as httpx  # the client FastAPI's TestClient uses (a dev dependency)

TARGET_MEDIAN_MS = 30.0
TARGET_P99_MS = 150.0
GROUPS = ("list", "detail")  # the groups with targets; "page" and "info" are shown only
LIST_QUERIES = (
    "",
    "?supplier=IRN",
    "?actor=RUS&status=delivered",
    "?category=uav&since=2023-06-01",
    "?system=Shahed&min_origins=2",
    "?sort=origins&order=desc&offset=500",
)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Endpoint:
    name: str
    group: str
    paths: list[str]  # request i asks for paths[i % len(paths)]
    warmup_paths: list[str]


@dataclass
class Result:
    endpoint: Endpoint
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    wall_s: float = 0.0
    server_cpu_s: float = 0.0


@dataclass
class CpuUse:
    """CPU seconds spent by the server, by this process and by the whole machine."""

    server: float = 0.0
    client: float = 0.0
    machine: float = 0.0
    wall: float = 0.0

    def __add__(self, other: CpuUse) -> CpuUse:
        return CpuUse(
            self.server + other.server,
            self.client + other.client,
            self.machine + other.machine,
            self.wall + other.wall,
        )


# --- the server ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_command(db: Path, port: int, workers: int) -> list[str]:
    script = Path(sys.executable).parent / "armstrack"
    found = str(script) if script.is_file() else shutil.which("armstrack")
    if found is None:
        sys.exit("cannot find the armstrack command; install the project (pip install -e .)")
    return [found, "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]


@contextmanager
def running_server(
    db: Path, port: int, workers: int, log: IO[bytes]
) -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen(server_command(db, port, workers), stdout=log, stderr=subprocess.STDOUT)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(
    proc: subprocess.Popen[bytes], base_url: str, log: IO[bytes], timeout_s: float
) -> dict[str, Any]:
    """The store's /api/stats once the server answers (it migrates the database first)."""
    deadline = time.monotonic() + timeout_s
    with httpx.Client(base_url=base_url, timeout=60) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                log.flush()
                log.seek(0)
                output = log.read().decode(errors="replace")
                sys.exit(f"the server exited with status {proc.returncode}:\n{output}")
            try:
                response = client.get("/api/stats")
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            response.raise_for_status()
            stats: dict[str, Any] = response.json()
            return stats
    sys.exit(f"the server did not answer within {timeout_s:.0f} s")


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (uvicorn's workers are children of its supervisor)."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            found.extend(process_tree(int(child)))
    return found


def cpu_seconds(pids: Sequence[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def machine_busy_seconds() -> float:
    """CPU time every core spent outside idle and iowait since boot (0 without /proc)."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0
    busy = sum(values[:8]) - values[3] - values[4]  # up to steal; guest is within user
    return busy / CLOCK_TICKS


def memory_kb(pid: int, key: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def client_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


# --- what to ask --------------------------------------------------------------------


def sample_ids(db: Path, needed: int, seed: int) -> tuple[list[int], list[int], int]:
    """Transfer ids, article ids (``needed`` of each, or all there are) and the id of
    the transfer with the most reports."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        transfer_ids = [r[0] for r in conn.execute("SELECT id FROM transfers WHERE reports > 0")]
        article_ids = [
            r[0] for r in conn.execute("SELECT article_id FROM article_versions WHERE is_current")
        ]
        largest = conn.execute(
            "SELECT id FROM transfers WHERE reports > 0 ORDER BY reports DESC, id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if not transfer_ids or not article_ids:
        sys.exit(f"{db} holds no transfers or no articles: nothing to time")
    rng = random.Random(seed)
    return (
        rng.sample(transfer_ids, min(needed, len(transfer_ids))),
        rng.sample(article_ids, min(needed, len(article_ids))),
        int(largest[0]),
    )


def endpoints(
    transfer_ids: list[int], article_ids: list[int], largest: int, warmup: int
) -> list[Endpoint]:
    def split(template: str, ids: list[int]) -> tuple[list[str], list[str]]:
        # Warm-up requests ask for other ids than the timed ones when there are enough.
        paths = [template.format(i) for i in ids]
        if len(paths) > 2 * warmup:
            return paths[warmup:], paths[:warmup]
        return paths, paths

    found = [
        Endpoint(f"/api/transfers{q}", "list", [f"/api/transfers{q}"], []) for q in LIST_QUERIES
    ]
    for name, template, ids, group in (
        ("/api/transfers/{id}", "/api/transfers/{}", transfer_ids, "detail"),
        ("/api/articles/{id}", "/api/articles/{}", article_ids, "detail"),
        ("/ (HTML)", "/", [0], "page"),
        ("/transfers/{id} (HTML)", "/transfers/{}", transfer_ids, "page"),
        (f"/api/transfers/{largest} (most reports)", "/api/transfers/{}", [largest], "info"),
    ):
        paths, warm = split(template, ids)
        found.append(Endpoint(name, group, paths, warm))
    for endpoint in found:
        endpoint.warmup_paths = endpoint.warmup_paths or endpoint.paths
    return found


# --- the load -----------------------------------------------------------------------


def run_load(
    clients: list[httpx.Client], paths: list[str], count: int, result: Result | None
) -> float:
    """Ask ``count`` requests over all clients at once; the wall time it took."""
    counter = itertools.count()
    lock = threading.Lock()
    start = threading.Barrier(len(clients) + 1)

    def work(client: httpx.Client) -> None:
        mine: list[float] = []
        errors = 0
        first_error = ""
        start.wait()
        while (index := next(counter)) < count:
            path = paths[index % len(paths)]
            began = time.perf_counter()
            try:
                response = client.get(path)
                failed = response.status_code != 200
                problem = f"{path}: HTTP {response.status_code}"
            except httpx.HTTPError as error:
                failed, problem = True, f"{path}: {error!r}"
            mine.append((time.perf_counter() - began) * 1000)
            if failed:
                errors += 1
                first_error = first_error or problem
        if result is not None:
            with lock:
                result.latencies_ms.extend(mine)
                result.errors += errors
                result.first_error = result.first_error or first_error

    threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began


def measure(
    endpoint: Endpoint,
    clients: list[httpx.Client],
    requests: int,
    warmup: int,
    server_pids: list[int],
) -> tuple[Result, CpuUse]:
    run_load(clients, endpoint.warmup_paths, warmup, None)
    result = Result(endpoint)
    before = (cpu_seconds(server_pids), client_cpu_seconds(), machine_busy_seconds())
    result.wall_s = run_load(clients, endpoint.paths, requests, result)
    after = (cpu_seconds(server_pids), client_cpu_seconds(), machine_busy_seconds())
    result.server_cpu_s = after[0] - before[0]
    use = CpuUse(after[0] - before[0], after[1] - before[1], after[2] - before[2], result.wall_s)
    return result, use


# --- figures ------------------------------------------------------------------------


def percentile(ordered: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass
class Summary:
    count: int
    median: float
    p95: float
    p99: float
    max: float

    @classmethod
    def of(cls, latencies: Sequence[float]) -> Summary:
        ordered = sorted(latencies)
        return cls(
            len(ordered),
            statistics.median(ordered),
            percentile(ordered, 95),
            percentile(ordered, 99),
            ordered[-1],
        )

    def meets_targets(self) -> bool:
        return self.median < TARGET_MEDIAN_MS and self.p99 < TARGET_P99_MS


HEADER = (
    f"{'endpoint':<50} {'group':<6} {'reqs':>5} {'err':>4} {'median':>7} {'p95':>7} "
    f"{'p99':>7} {'max':>7} {'req/s':>7} {'cpu/req':>7}  "
)


def row(result: Result) -> str:
    s = Summary.of(result.latencies_ms)
    verdict = ("ok" if s.meets_targets() else "SLOW") if result.endpoint.group in GROUPS else ""
    cpu_ms = result.server_cpu_s * 1000 / max(1, s.count)
    return (
        f"{result.endpoint.name:<50} {result.endpoint.group:<6} {s.count:>5} {result.errors:>4} "
        f"{s.median:>7.1f} {s.p95:>7.1f} {s.p99:>7.1f} {s.max:>7.1f} "
        f"{s.count / result.wall_s:>7.0f} {cpu_ms:>7.1f}  {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=Path("/tmp/armstrack-bench.db"))
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (threads)")
    parser.add_argument("--requests", type=int, default=400, help="timed requests per endpoint")
    parser.add_argument("--warmup", type=int, default=24, help="untimed requests per endpoint")
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--seed", type=int, default=7, help="seed of the id sample")
    parser.add_argument(
        "--startup-timeout", type=float, default=600, help="seconds to wait for the server"
    )
    args = parser.parse_args()
    if min(args.clients, args.requests, args.workers) < 1 or args.warmup < 0:
        parser.error("--clients, --requests and --workers must be at least 1, --warmup at least 0")
    if not args.db.is_file():
        print(
            f"no database at {args.db}; build the 100,000-article one with:\n"
            f"    python benchmarks/bench_ingest.py --articles 100000 --db {args.db}",
            file=sys.stderr,
        )
        sys.exit(2)
    db = args.db.resolve()
    port = args.port or free_port()
    base_url = f"http://127.0.0.1:{port}"

    with tempfile.TemporaryFile() as log, running_server(db, port, args.workers, log) as proc:
        started = time.perf_counter()
        stats = wait_ready(proc, base_url, log, args.startup_timeout)
        print(
            f"server: {' '.join(server_command(db, port, args.workers)[:2])} ... "
            f"on {base_url}, {args.workers} worker(s), ready in "
            f"{time.perf_counter() - started:.1f} s"
        )
        print(
            f"store: {db} ({db.stat().st_size / 2**20:.0f} MB): {stats['articles']} articles, "
            f"{stats['reports']} reports, {stats['transfers']} transfers"
        )
        transfer_ids, article_ids, largest = sample_ids(db, args.requests + args.warmup, args.seed)
        server_pids = process_tree(proc.pid)
        print(
            f"load: {args.clients} clients (threads, one keep-alive httpx.Client each), "
            f"{args.requests} timed requests per endpoint after {args.warmup} warm-up; "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
        )
        print(
            f"targets for list and detail: median < {TARGET_MEDIAN_MS:.0f} ms, "
            f"p99 < {TARGET_P99_MS:.0f} ms; latencies in ms, cpu/req = server CPU ms per request"
        )
        print()
        print(HEADER)
        results: list[Result] = []
        use = CpuUse()
        clients = [httpx.Client(base_url=base_url, timeout=60) for _ in range(args.clients)]
        try:
            for endpoint in endpoints(transfer_ids, article_ids, largest, args.warmup):
                result, spent = measure(endpoint, clients, args.requests, args.warmup, server_pids)
                results.append(result)
                use = use + spent
                print(row(result), flush=True)
        finally:
            for client in clients:
                client.close()
        peaks = [(pid, memory_kb(pid, "VmHWM"), memory_kb(pid, "VmRSS")) for pid in server_pids]

    print()
    failed = False
    for group in GROUPS:
        members = [r for r in results if r.endpoint.group == group]
        pooled = Summary.of([ms for r in members for ms in r.latencies_ms])
        slow = [r.endpoint.name for r in members if not Summary.of(r.latencies_ms).meets_targets()]
        errors = sum(r.errors for r in members)
        ok = pooled.meets_targets() and not errors
        failed = failed or not ok
        print(
            f"{group:<6} all {len(members)} endpoints pooled: {pooled.count} requests, "
            f"median {pooled.median:.1f} ms, p99 {pooled.p99:.1f} ms, max {pooled.max:.1f} ms, "
            f"{errors} errors: {'PASS' if ok else 'FAIL'}"
        )
        if slow:
            print(f"       over a target on their own: {', '.join(slow)}")
    for result in results:
        if result.errors:
            print(f"errors at {result.endpoint.name}: {result.errors}, first: {result.first_error}")
    hwm = [p[1] for p in peaks if p[1] is not None]
    if hwm:
        detail = ", ".join(f"pid {pid} {h / 1024:.0f} MB" for pid, h, _ in peaks if h is not None)
        print(f"server peak RSS (VmHWM): {sum(hwm) / 1024:.0f} MB ({detail})")
    if use.wall > 0 and use.machine > 0:
        available = use.wall * (os.cpu_count() or 1)
        other = max(0.0, use.machine - use.server - use.client)
        print(
            f"CPU during the timed load ({use.wall:.1f} s wall, {available:.1f} CPU-s available): "
            f"server {use.server:.1f} s, this client {use.client:.1f} s, "
            f"other processes {other:.1f} s"
            + ("  <- others were busy: figures may be noisy" if other > 0.1 * available else "")
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
