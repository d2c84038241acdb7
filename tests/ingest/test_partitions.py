import os
from pathlib import Path

import pytest
from tests.ingest.test_warc import CANONICAL, MIXED, _write_warc

from armstrack.errors import InputError
from armstrack.ingest import IngestSettings, read_articles
from armstrack.ingest.partitions import Partition, plan, read_partition


def _read_all(parts: list[Partition | InputError], settings: IngestSettings) -> list[str]:
    found = []
    for part in parts:
        items = [part] if isinstance(part, InputError) else read_partition(part, settings)
        found += [str(item) if isinstance(item, InputError) else item.id for item in items]
    return found


@pytest.mark.parametrize("ending", [b"\n", b""])
def test_plan_counts_jsonl_lines_as_the_reader_numbers_them(tmp_path: Path, ending: bytes) -> None:
    """Counted a piece at a time: a line longer than memory is one line all the same."""
    lines = [b'{"id": "%d", "text": "Line."}' % n for n in range(5)]
    lines[2] = b'{"id": "long", "text": "' + b"y" * 200_000 + b'"}'
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"\n".join(lines) + ending)
    parts = list(plan([path], size=2))
    assert [(p.first, p.last) for p in parts if isinstance(p, Partition)] == [
        (1, 2), (3, 4), (5, None),
    ]  # fmt: skip
    settings = IngestSettings(max_bytes=1_000)
    whole = [str(i) if isinstance(i, InputError) else i.id
             for i in read_articles([path], settings)]  # fmt: skip
    assert _read_all(parts, settings) == whole
    assert whole[0:2] == ["0", "1"] and whole[3:] == ["3", "4"]
    assert whole[2].startswith(f"{path}:3: article is 200.0 kB, over the 1.0 kB limit")


@pytest.mark.parametrize("compress", [True, False])
def test_plan_splits_an_archive_into_record_ranges_read_as_a_whole(
    tmp_path: Path, compress: bool
) -> None:
    path = tmp_path / "crawl.warc"
    _write_warc(path, MIXED, compress)
    parts = list(plan([path], size=2))
    assert [(p.first, p.last) for p in parts if isinstance(p, Partition)] == [
        (1, 2), (3, 4), (5, None),
    ]  # fmt: skip
    whole = [i.id for i in read_articles([path])]
    assert _read_all(parts, IngestSettings()) == whole == [CANONICAL, MIXED[4].url]


def test_plan_reports_what_read_articles_reports(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    planned = [str(p) for p in plan([tmp_path]) if isinstance(p, InputError)]
    read = [str(i) for i in read_articles([tmp_path]) if isinstance(i, InputError)]
    assert (
        planned
        == read
        == [
            f"{tmp_path / 'loop.txt'}: symbolic link loop",
            f"{tmp_path / 'pipe.jsonl'}: not a regular file (FIFO)",
        ]
    )
