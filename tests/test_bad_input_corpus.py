"""A batch of every kind of bad input, through the installed command, beside good articles:
each bad input is named with its reason, every good article is stored, exit 1, and the
process's memory stays bounded (a 60 MB gzip bomb is among the inputs)."""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD = {
    "good1.txt": " date 2024-03-01\nIran has shipped Shahed-136 drones to Russia, officials said.\n",
    "good2.txt": "Heavy rain is expected across the north this weekend.\n",
}
# Peak resident memory of the ingest process; the interpreter with its libraries takes
# about 150 MB, and reading the bomb whole would take well over a gigabyte.
MEMORY_LIMIT_MB = 400


def _warc(records: int) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i in range(records):
        body = (
            f"<html><body><p>Page {i}: Turkey delivered drones to Mali.</p></body></html>".encode()
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://w.example/{i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),  # a known length: warcio needs no spooled temporary file
                http_headers=headers,
            )
        )
    return out.getvalue()


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Writes each bad input; returns its file name and a word its message must hold."""
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    (folder / "nul.txt").write_bytes(b"Iran sent drones." + b" " * 9000 + b"\x00 more")
    (folder / "huge.txt").write_text("word " * 500_000, encoding="utf-8")
    lines = [json.dumps({"id": "ok", "text": "Turkey sold drones to Mali."}), "{not json"]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "cut.warc.gz").write_bytes(_warc(3)[:-40])
    (folder / "bomb.warc.gz").write_bytes(gzip.compress(b"\0" * 60_000_000))
    (folder / "broken.rss").write_text("<rss><channel><item><title>x", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return {
        "empty.txt": "empty",
        "latin1.txt": "UTF-8",
        "nul.txt": "NUL",
        "huge.txt": "limit",
        "mixed.jsonl:2": "JSON",
        "cut.warc.gz": "record",
        "bomb.warc.gz": "WARC",
        "broken.rss": "feed",
        "pipe.txt": "FIFO",
        "loop": "loop",
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_ingest_bad_input_corpus_names_each_and_keeps_the_good(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    expected = _bad_inputs(folder)
    db = tmp_path / "store.db"
    armstrack = str(Path(sys.executable).parent / "armstrack")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(
        [armstrack, "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert run.returncode == 1, run.stderr
    reported = [line for line in run.stderr.splitlines() if line.startswith(("skipped", "warn"))]
    for name, word in expected.items():
        lines = [line for line in reported if f"{folder / name}" in line]
        assert lines, f"{name} not reported:\n{run.stderr}"
        assert any(word.lower() in line.lower() for line in lines), lines
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT source FROM articles")}
    assert {str(folder / name) for name in GOOD} <= stored
    assert any(source.endswith("mixed.jsonl:1") for source in stored), stored
    # The previous child processes of this test run may have been larger: only a peak
    # that this run raised says anything about it.
    if peak_mb > before / 1024:
        assert peak_mb < MEMORY_LIMIT_MB
