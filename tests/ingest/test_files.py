import errno
import json
import os
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from armstrack.errors import (
    ArticleTooLargeError,
    DecodeError,
    EmptyArticleError,
    InputError,
    RecordError,
)
from armstrack.ingest import IngestSettings, files, read_articles
from armstrack.records import Article


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_text_file_keeps_exact_text_and_reads_date(tmp_path: Path) -> None:
    text = " date 2024-02-21\nIran shipped drones to Russia.\n"
    path = _write(tmp_path / "a.txt", text)
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article)
    assert article.text == text
    assert article.published == date(2024, 2, 21)
    assert article.id == "a"


def test_jsonl_records_carry_metadata(tmp_path: Path) -> None:
    line = {
        "id": "x1",
        "text": "Body.",
        "date": "2024-03-01",
        "url": "https://example.org/x",
        "title": "T",
        "outlet": "Wire",
    }
    path = _write(tmp_path / "a.jsonl", json.dumps(line) + "\n")
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article)
    assert (article.id, article.published, article.url, article.title, article.outlet) == (
        "x1", date(2024, 3, 1), "https://example.org/x", "T", "Wire",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("empty.txt", "   \n", EmptyArticleError, "empty article"),
        ("latin1.txt", "Caf\xe9 arms".encode("latin-1"), DecodeError, "not UTF-8"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", DecodeError, "binary file"),
    ],
)
def test_bad_text_files_are_errors_naming_the_file(
    tmp_path: Path, name: str, data: str | bytes, error: type[InputError], message: str
) -> None:
    path = _write(tmp_path / name, data)
    (item,) = list(read_articles([path]))
    assert isinstance(item, error)
    assert item.source == str(path)
    assert message in str(item)


def test_oversized_article_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "word " * 5000)
    (item,) = list(read_articles([path], IngestSettings(max_bytes=10_000)))
    assert isinstance(item, ArticleTooLargeError)
    assert "limit" in str(item)


def test_bad_jsonl_lines_are_skipped_with_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": "First."}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-date", "text": "x", "date": "yesterday"}),
        json.dumps({"id": "ok2", "text": "Second."}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(read_articles([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok1", "ok2"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(type(e), e.line) for e in errors] == [
        (RecordError, 2),
        (RecordError, 3),
        (RecordError, 4),
        (RecordError, 5),
    ]
    assert all(e.source == str(path) for e in errors)


def test_directories_are_walked_recursively_in_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "Second.")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "a.txt", "Third.")
    _write(tmp_path / "a.txt", "First.")
    _write(tmp_path / "notes.csv", "ignored")
    ids = [i.id for i in read_articles([tmp_path]) if isinstance(i, Article)]
    assert ids == ["a", "b", "a"]


def test_missing_path_is_an_error_item(tmp_path: Path) -> None:
    (item,) = list(read_articles([tmp_path / "nope.txt"]))
    assert isinstance(item, InputError)
    assert "no such file" in str(item)


def _peak_memory(work: Callable[[], object]) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""])
def test_jsonl_line_over_the_limit_is_skipped_without_being_held(
    tmp_path: Path, ending: bytes
) -> None:
    big = b'{"id": "big", "text": "' + b"y" * 5_000_000 + b'"}'
    data = b'{"id": "a", "text": "First."}\n' + big + b"\n" + b'{"id": "b", "text": "Last."}'
    path = _write(tmp_path / "big.jsonl", data + ending)
    items, peak = _peak_memory(lambda: list(read_articles([path], IngestSettings(10_000))))
    assert isinstance(items, list)
    first, error, last = items
    assert (first.id, last.id) == ("a", "b")
    assert isinstance(error, ArticleTooLargeError)
    assert str(error) == (
        f"{path}:2: article is 5.0 MB, over the 10.0 kB limit (split it, or raise --max-bytes)"
    )
    assert peak < 1_000_000  # the line holds 5 MB


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_jsonl_line_exactly_at_the_limit_is_read(tmp_path: Path, ending: bytes) -> None:
    line = b'{"text": "' + b"y" * 988 + b'"}'
    assert len(line) == 1_000
    path = _write(tmp_path / "edge.jsonl", line + ending + line[:-1] + b"yy" + ending)
    items = list(read_articles([path], IngestSettings(max_bytes=1_000)))
    assert [type(item) for item in items] == [Article, ArticleTooLargeError]  # 1,001 bytes
    assert [i.line for i in items if isinstance(i, InputError)] == [2]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000, "malformed JSON (nested too deeply)"),
        ('{"text": "x", "n": ' + "1" * 5_000 + "}", "malformed JSON (Exceeds the limit (4300"),
        ('{"text": "before \\u0000 after"}', "NUL character in the text (at offset 7)"),
    ],
)
def test_jsonl_line_that_breaks_the_parser_is_one_error_and_the_file_goes_on(
    tmp_path: Path, line: str, message: str
) -> None:
    path = _write(tmp_path / "hostile.jsonl", line + '\n{"id": "ok", "text": "Fine."}\n')
    error, article = list(read_articles([path]))
    assert isinstance(error, InputError) and (error.source, error.line) == (str(path), 1)
    assert error.message.startswith(message)
    assert isinstance(article, Article) and article.id == "ok"


@pytest.mark.parametrize("offset", [0, 8_192, 50_000])
def test_text_file_with_a_nul_byte_anywhere_is_refused(tmp_path: Path, offset: int) -> None:
    data = b"a" * offset + b"\x00" + b"b" * 100
    path = _write(tmp_path / "nul.txt", data)
    (item,) = list(read_articles([path]))
    assert isinstance(item, DecodeError)
    assert item.message == f"binary file (NUL byte at offset {offset}), not a text article"


def test_reader_crash_is_one_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
        raise ValueError("a parser bug")
        yield  # a generator, as readers are

    monkeypatch.setattr(files, "READERS", ((frozenset({".crash"}), crash), *files.READERS))
    crashing = _write(tmp_path / "a.crash", "x")
    items = list(read_articles([crashing, _write(tmp_path / "b.txt", "Still read.")]))
    assert [type(item) for item in items] == [InputError, Article]
    assert (
        str(items[0]) == f"{crashing}: cannot read (ValueError('a parser bug')); please report it"
    )


def _tree(root: Path) -> Path:
    """A folder with files, a sub-folder and a file after it by name."""
    (root / "b").mkdir(parents=True)
    _write(root / "a.txt", "One.")
    _write(root / "b" / "x.txt", "Two.")
    _write(root / "b.txt", "Three.")
    _write(root / "c.md", "Four.")
    return root


def test_walk_order_is_the_sorted_order_of_the_paths(tmp_path: Path) -> None:
    root = _tree(tmp_path / "root")
    sources = [i.source for i in read_articles([root]) if isinstance(i, Article)]
    assert sources == [str(p) for p in sorted(root.rglob("*.*")) if p.is_file()]


def test_walk_reports_symbolic_link_loops_and_goes_on(tmp_path: Path) -> None:
    root = _tree(tmp_path / "root")
    (root / "ab.txt").symlink_to(root / "ba.txt")  # a loop of links: stat() fails
    (root / "ba.txt").symlink_to(root / "ab.txt")
    (root / "b" / "up").symlink_to(root)  # a folder link back up the tree
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    items = list(read_articles([root]))
    assert [(Path(i.source).relative_to(root).as_posix(), type(i)) for i in items] == [
        ("a.txt", Article), ("ab.txt", InputError), ("b/up", InputError), ("b/x.txt", Article),
        ("b.txt", Article), ("ba.txt", InputError), ("c.md", Article), ("gone.txt", InputError),
    ]  # fmt: skip
    assert [i.message for i in items if isinstance(i, InputError)] == [
        "symbolic link loop",
        f"symbolic link loop (back to {root})",
        "symbolic link loop",
        "broken symbolic link (its target does not exist)",
    ]


def test_walk_follows_a_link_to_a_folder_and_reads_each_folder_once(tmp_path: Path) -> None:
    _write(tmp_path / "elsewhere.txt", "Not under the root.")
    (tmp_path / "outside").mkdir()
    _write(tmp_path / "outside" / "linked.txt", "Read through the link.")
    root = tmp_path / "root"
    root.mkdir()
    (root / "a").symlink_to(tmp_path / "outside")
    (root / "b").symlink_to(tmp_path / "outside")  # the same folder again: not read twice
    items = list(read_articles([root]))
    assert [(type(i), i.source) for i in items] == [(Article, str(root / "a" / "linked.txt"))]


def test_walk_reports_a_folder_it_cannot_list_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, chmod cannot lock a folder: the refusal is simulated."""
    root = _tree(tmp_path / "root")
    scandir = os.scandir

    def refuse_b(path: Path) -> object:
        if Path(path).name == "b":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_b)
    items = list(read_articles([root]))
    assert [(Path(i.source).name, type(i)) for i in items] == [
        ("a.txt", Article), ("b", InputError), ("b.txt", Article), ("c.md", Article),
    ]  # fmt: skip
    assert items[1].message == "cannot read the folder: permission denied"


def test_walk_reports_a_fifo_and_never_opens_it(tmp_path: Path) -> None:
    root = _tree(tmp_path / "root")
    os.mkfifo(root / "pipe.jsonl")  # opening it to read would wait for a writer forever
    os.mkfifo(root / "pipe.unknown")  # not a known format: not read, like any such file
    items = list(read_articles([root]))
    errors = [(Path(i.source).name, i.message) for i in items if isinstance(i, InputError)]
    assert errors == [("pipe.jsonl", "not a regular file (FIFO)")]
    assert len(items) == 5


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file or directory"),
        (lambda p: os.mkfifo(p), "not a regular file (FIFO)"),
        (lambda p: p.symlink_to(p), "symbolic link loop"),
        (
            lambda p: p.symlink_to(p.with_name("nowhere")),
            "broken symbolic link (its target does not exist)",
        ),
    ],
)
def test_path_named_that_cannot_be_read_says_why(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "named.txt"
    make(path)
    (item,) = list(read_articles([path]))
    assert isinstance(item, InputError)
    assert str(item) == f"{path}: {message}"
