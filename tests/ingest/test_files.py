import json
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
from armstrack.ingest import IngestSettings, read_articles
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
