"""The ``armstrack`` command end to end.

Most tests drive the real app through Typer's ``CliRunner`` (stdout and stderr
kept apart); a few run the installed script and ``python -m armstrack.cli`` in
a subprocess. Every fixture article is written here, in ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from armstrack.cli import app

runner = CliRunner()

# Wide enough that rich never folds a table cell or a help line.
ENV = {"COLUMNS": "200"}

SHIPPED = " date 2024-02-21\nIran has shipped Shahed-136 drones to Russia, officials said.\n"
SHIPPED_CRLF = (
    " date 2024-02-21\r\nDrones for Moscow\r\n\r\n"
    "Tehran — long accused of arming Moscow — has shipped Shahed-136 drones to Russia, "
    "officials said.\r\n"
)
STRIKE = "Russia struck Kyiv with Kinzhal missiles overnight.\n"
SHOT_DOWN = (
    "Ukrainian air defences shot down eleven Shahed drones over Odesa, the air force said.\n"
)
CAESAR = "France delivered Caesar howitzers to Ukraine, the ministry said."

ARTICLE_KEYS = {"id", "date", "url", "title", "outlet", "source", "transfers", "limits"}
TRANSFER_KEYS = {
    "supplier",
    "recipient",
    "category",
    "systems",
    "status",
    "quantity",
    "quantity_approximate",
    "denied_by",
    "times",
    "routes",
    "claims",
    "evidence",
}
ACTOR_KEYS = {"id", "name", "kind"}
SYSTEM_KEYS = {"name", "family", "aliases", "category", "origin"}
CLAIM_KEYS = {"speaker", "stance", "hedges", "status", "evidence"}

GOOD_SYSTEM = (
    '[[system]]\nname = "Testbird-7"\naliases = ["TB-7X"]\ncategory = "uav"\norigin = "NOR"\n'
)
BAD_ORIGIN = '[[system]]\nname = "Testbird-9"\ncategory = "uav"\norigin = "ZZZ"\n'
BAD_FIELD = '[[system]]\nname = "Testbird-9"\ncategory = "uav"\norigin = "NOR"\ncolour = "grey"\n'
BAD_TOML = "not = [toml\n"


def _invoke(*args: str | Path) -> Result:
    return runner.invoke(app, [str(a) for a in args], env=ENV)


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        # newline="" keeps \r\n as written, so the file holds exactly ``data``.
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(data)
    return path


def _jsonl(lines: list[dict[str, Any] | str]) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)


def _records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _triples(article: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [
        (t["supplier"]["id"], t["recipient"]["id"], t["category"], t["status"])
        for t in article["transfers"]
    ]


def _spans(article: dict[str, Any]) -> list[dict[str, Any]]:
    spans = []
    for transfer in article["transfers"]:
        spans.extend(transfer["evidence"])
        spans.extend(claim["evidence"] for claim in transfer["claims"])
    return spans


def _skip_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("skipped ")]


def _summary(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


def _systems_count(stdout: str) -> int:
    match = re.search(r"systems (\d+)", stdout)
    assert match is not None, stdout
    return int(match.group(1))


# --- extract: output ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [("plain", SHIPPED), ("crlf_unicode", SHIPPED_CRLF)],
    ids=["plain", "crlf_unicode"],
)
def test_extract_jsonl_reports_transfer_with_exact_evidence(
    tmp_path: Path, name: str, text: str
) -> None:
    path = _write(tmp_path / f"{name}.txt", text)
    result = _invoke("extract", path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (article,) = _records(result.stdout)
    assert set(article) == ARTICLE_KEYS
    assert article["id"] == name
    assert article["date"] == "2024-02-21"
    assert article["source"] == str(path)
    assert _triples(article) == [("IRN", "RUS", "uav", "delivered")]
    (transfer,) = article["transfers"]
    assert set(transfer) >= TRANSFER_KEYS
    assert set(transfer["supplier"]) == ACTOR_KEYS
    assert transfer["supplier"] == {"id": "IRN", "name": "Iran", "kind": "state"}
    assert transfer["recipient"] == {"id": "RUS", "name": "Russia", "kind": "state"}
    assert [s["name"] for s in transfer["systems"]] == ["Shahed-136"]
    assert all(set(s) >= SYSTEM_KEYS for s in transfer["systems"])
    assert all(set(c) >= CLAIM_KEYS for c in transfer["claims"])
    assert transfer["evidence"]
    original = path.read_bytes().decode("utf-8")
    for span in _spans(article):
        assert original[span["start"] : span["end"]] == span["text"]
        assert "Shahed-136" in span["text"]


def test_extract_jsonl_input_keeps_record_fields_and_offsets(tmp_path: Path) -> None:
    record = {
        "id": "n1",
        "text": CAESAR,
        "date": "2024-05-02",
        "url": "https://example.org/n1",
        "title": "Howitzers for Kyiv",
        "outlet": "Example Wire",
    }
    feed = _write(tmp_path / "feed.jsonl", _jsonl([record]))
    result = _invoke("extract", feed, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (article,) = _records(result.stdout)
    for field in ("id", "date", "url", "title", "outlet"):
        assert article[field] == record[field]
    assert article["source"] == f"{feed}:1"
    assert _triples(article) == [("FRA", "UKR", "artillery", "delivered")]
    for span in _spans(article):
        assert CAESAR[span["start"] : span["end"]] == span["text"]


def test_extract_json_is_a_list_of_articles(tmp_path: Path) -> None:
    path = _write(tmp_path / "a1.txt", SHIPPED)
    result = _invoke("extract", path, "--format", "json")
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)
    assert _triples(article) == [("IRN", "RUS", "uav", "delivered")]
    assert result.stderr.strip() == "1 article read"


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_extract_format_mentions_actors(tmp_path: Path, fmt: str) -> None:
    path = _write(tmp_path / "a1.txt", SHIPPED)
    result = _invoke("extract", path, "--format", fmt)
    assert result.exit_code == 0, result.output
    for word in ("IRN", "RUS", "Shahed-136", "a1"):
        assert word in result.stdout
    assert "1 article read" in result.stderr


def test_extract_table_is_the_default_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "a1.txt", SHIPPED)
    result = _invoke("extract", path)
    assert result.exit_code == 0, result.output
    assert "Reported arms transfers" in result.stdout
    assert "delivered" in result.stdout


@pytest.mark.parametrize("text", [STRIKE, SHOT_DOWN], ids=["strike", "shot_down"])
def test_extract_weapons_news_without_transfer_gives_no_transfers(
    tmp_path: Path, text: str
) -> None:
    path = _write(tmp_path / "news.txt", text)
    result = _invoke("extract", path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (article,) = _records(result.stdout)
    assert article["transfers"] == []
    assert article["date"] is None


def test_extract_catalogue_extension_names_new_system(tmp_path: Path) -> None:
    extra = _write(tmp_path / "mine.toml", GOOD_SYSTEM)
    text = "Norway delivered Testbird-7 drones to Ukraine, the ministry said.\n"
    path = _write(tmp_path / "n.txt", text)
    result = _invoke("extract", path, "--catalogue", extra, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (article,) = _records(result.stdout)
    (transfer,) = article["transfers"]
    assert (transfer["supplier"]["id"], transfer["recipient"]["id"]) == ("NOR", "UKR")
    assert transfer["systems"][0]["name"] == "Testbird-7"
    assert transfer["systems"][0]["origin"] == "NOR"


def test_extract_folder_is_read_recursively(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", SHIPPED)
    _write(tmp_path / "in" / "deeper" / "b.txt", STRIKE)
    result = _invoke("extract", tmp_path / "in", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert sorted(a["id"] for a in _records(result.stdout)) == ["a", "b"]


# --- extract: bad input ------------------------------------------------------


def _bad_batch(root: Path) -> dict[str, Path]:
    """A folder with one good text, two good JSON lines and every kind of broken input."""
    folder = root / "batch"
    files = {
        "good": _write(folder / "good.txt", SHIPPED),
        "empty": _write(folder / "empty.txt", ""),
        "latin": _write(
            folder / "latin.txt", "Café: France sent Caesar guns to Ukraine.\n".encode("latin-1")
        ),
        "binary": _write(folder / "blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"),
        "big": _write(folder / "big.txt", "Russia struck Kyiv again. " * 800),
        "feed": _write(
            folder / "feed.jsonl",
            _jsonl(
                [
                    {"id": "j1", "text": SHIPPED.strip(), "date": "2024-02-21"},
                    '{"id": "j2", "text": "Iran shipped',
                    {"id": "j3", "text": CAESAR},
                ]
            ),
        ),
    }
    assert files["big"].stat().st_size > 20_000
    return files


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_extract_bad_batch_skips_bad_inputs_and_keeps_good_ones(tmp_path: Path, fmt: str) -> None:
    files = _bad_batch(tmp_path)
    result = _invoke("extract", files["good"].parent, "--format", fmt, "--max-bytes", "5000")
    assert result.exit_code == 1, result.output
    articles = _records(result.stdout) if fmt == "jsonl" else json.loads(result.stdout)
    assert sorted(a["id"] for a in articles) == ["good", "j1", "j3"]
    assert {a["id"]: _triples(a) for a in articles}["j1"] == [("IRN", "RUS", "uav", "delivered")]
    skipped = _skip_lines(result.stderr)
    assert len(skipped) == 5, result.stderr
    expected = {
        "empty": "empty",
        "latin": "not UTF-8",
        "binary": "binary",
        "big": "--max-bytes",
    }
    for key, reason in expected.items():
        (line,) = [s for s in skipped if s.startswith(f"skipped {files[key]}:")]
        assert reason in line
    (line,) = [s for s in skipped if s.startswith(f"skipped {files['feed']}:")]
    assert line.startswith(f"skipped {files['feed']}:2: malformed JSON")
    assert str(files["good"]) not in result.stderr
    summary = _summary(result.stderr)
    assert summary.startswith("done;" if fmt == "jsonl" else "3 articles read;")
    assert "5 skipped" in summary
    for count in ("2 not text", "1 too large", "1 empty", "1 malformed record"):
        assert count in summary


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_extract_refuses_20_mb_article(tmp_path: Path, suffix: str) -> None:
    good = _write(tmp_path / "in" / "good.txt", SHIPPED)
    body = "Russia struck Kyiv again. " * 800_000  # 20.8 MB
    huge = tmp_path / "in" / f"huge{suffix}"
    _write(huge, body if suffix == ".txt" else _jsonl([{"id": "huge", "text": body}]))
    result = _invoke("extract", good.parent, "--format", "jsonl")  # default limit, 2 MB
    assert result.exit_code == 1, result.stderr
    assert [a["id"] for a in _records(result.stdout)] == ["good"]
    (line,) = _skip_lines(result.stderr)
    assert line.startswith(f"skipped {huge}")
    assert "20.8 MB" in line
    assert "2.0 MB limit" in line
    assert "1 too large" in _summary(result.stderr)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_missing_path_is_usage_error(tmp_path: Path, command: str) -> None:
    good = _write(tmp_path / "good.txt", SHIPPED)
    missing = tmp_path / "nowhere.txt"
    db = ["--db", str(tmp_path / "a.db")] if command == "ingest" else []
    result = _invoke(command, good, missing, *db)
    assert result.exit_code == 2
    assert f"no such file or directory: {missing}" in result.stderr
    assert result.stdout == ""


def test_version_prints_the_package_version() -> None:
    result = _invoke("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"armstrack \d+\.\d+\.\d+\S*\n", result.stdout)


@pytest.mark.parametrize("command", ["transfers", "show 1", "search x", "stats", "export"])
def test_read_command_refuses_missing_database(tmp_path: Path, command: str) -> None:
    db = tmp_path / "typo.db"
    result = _invoke(*command.split(), "--db", str(db))
    assert result.exit_code == 2
    assert f"no database at '{db}'" in result.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    "command",
    ["extract", "eval", "ingest", "watch", "transfers", "search", "export", "serve", "merge"],
)
def test_help_has_no_python_types(command: str) -> None:
    result = _invoke(command, "--help")
    assert result.exit_code == 0
    jargon = r"<(list|int|str|path|bool)|\{PATH|\bx[<>]=|\.\.\.\.\.\."
    assert not re.search(jargon, result.stdout, re.I), result.stdout


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("[draft] blob.txt", b"x\x00y", "[draft] blob.txt: binary file"),
        (
            "feed.jsonl",
            b'{"id": "k1", "title": "no text"}\n',
            "feed.jsonl:1: [text] Field required",
        ),
    ],
    ids=["bracketed_path", "field_location"],
)
def test_extract_skip_message_keeps_brackets(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = _write(tmp_path / name, data)
    result = _invoke("extract", path, "--format", "jsonl")
    assert result.exit_code == 1
    assert expected in result.stderr


def test_extract_table_keeps_bracketed_article_id(tmp_path: Path) -> None:
    path = _write(tmp_path / "[draft] note.txt", SHIPPED)
    result = _invoke("extract", path, "--format", "table")
    assert result.exit_code == 0
    assert "[draft] note" in result.stdout


def test_extract_size_message_tells_size_from_limit(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", "Russia struck Kyiv again. " * 800)
    result = _invoke("extract", path, "--max-bytes", "5000", "--format", "jsonl")
    assert result.exit_code == 1
    match = re.search(r"article is (.+?), over the (.+?) limit", result.stderr)
    assert match is not None, result.stderr
    assert match.group(1) != match.group(2)


def test_extract_truncated_json_line_reports_its_column(tmp_path: Path) -> None:
    broken = '{"id": "j2", "text": '
    feed = _write(tmp_path / "feed.jsonl", broken + "\n")
    result = _invoke("extract", feed, "--format", "jsonl")
    assert result.exit_code == 1
    assert f"column {len(broken) + 1})" in result.stderr


# --- usage errors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--format", "xml"], "--format"),
        (["--max-bytes", "many"], "--max-bytes"),
    ],
    ids=["format", "max_bytes"],
)
def test_extract_bad_option_value_is_usage_error(
    tmp_path: Path, args: list[str], option: str
) -> None:
    path = _write(tmp_path / "a1.txt", SHIPPED)
    result = _invoke("extract", path, *args)
    assert result.exit_code == 2
    assert option in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("value", ["0", "-5"])
def test_extract_non_positive_max_bytes_is_usage_error(tmp_path: Path, value: str) -> None:
    path = _write(tmp_path / "a1.txt", SHIPPED)
    result = _invoke("extract", path, "--max-bytes", value)
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("body", "problem"),
    [(BAD_ORIGIN, "unknown origin 'ZZZ'"), (None, "cannot read")],
    ids=["unknown_origin", "missing"],
)
def test_extract_bad_catalogue_is_usage_error_naming_file(
    tmp_path: Path, body: str | None, problem: str
) -> None:
    extra = tmp_path / "mine.toml"
    if body is not None:
        _write(extra, body)
    article = _write(tmp_path / "a1.txt", SHIPPED)
    result = _invoke("extract", article, "--catalogue", extra, "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(extra) in result.stderr
    assert problem in result.stderr


# --- eval --------------------------------------------------------------------


def _gold_line(article_id: str, transfers: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": article_id, "date": "2024-02-21", "transfers": transfers}


def _eval_setup(root: Path, supplier: str = "IRN") -> tuple[Path, Path]:
    texts = root / "texts"
    _write(texts / "e1.txt", SHIPPED)
    _write(texts / "e2.txt", STRIKE)
    transfer = {
        "supplier": supplier,
        "recipient": "RUS",
        "category": "uav",
        "systems": [["Shahed-136", "Geran-2"]],
        "status": "delivered",
        "quantity": None,
        "denied_by": [],
    }
    gold = _write(root / "gold.jsonl", _jsonl([_gold_line("e1", [transfer]), _gold_line("e2", [])]))
    return gold, texts


def test_eval_json_scores_correct_gold_perfectly(tmp_path: Path) -> None:
    gold, texts = _eval_setup(tmp_path)
    result = _invoke("eval", gold, texts, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert {
        "articles",
        "triples",
        "systems",
        "denials",
        "status_accuracy",
        "quantity_accuracy",
    } <= set(scores)
    assert scores["articles"] == 2
    for name in ("triples", "systems", "denials"):
        assert set(scores[name]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert scores["triples"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
    }
    assert scores["systems"]["f1"] == 1.0
    assert scores["status_accuracy"] == 1.0


def test_eval_wrong_supplier_lowers_f1_and_show_lists_miss(tmp_path: Path) -> None:
    gold, texts = _eval_setup(tmp_path, supplier="PRK")
    scored = _invoke("eval", gold, texts, "--json")
    assert scored.exit_code == 0, scored.output
    triples = json.loads(scored.stdout)["triples"]
    assert triples["f1"] < 1.0
    assert (triples["tp"], triples["fp"], triples["fn"]) == (0, 1, 1)
    shown = _invoke("eval", gold, texts, "--show")
    assert shown.exit_code == 0, shown.output
    (miss,) = [line for line in shown.stdout.splitlines() if line.startswith("e1:")]
    assert "missed [('PRK', 'RUS', 'uav')]" in miss
    assert "spurious [('IRN', 'RUS', 'uav')]" in miss
    assert not any(line.startswith("e2:") for line in shown.stdout.splitlines())
    assert re.search(r"^triples\s+P 0\.000\s+R 0\.000\s+F1 0\.000", shown.stdout, re.MULTILINE)


@pytest.mark.parametrize(
    ("gold_text", "message"),
    [(None, "No such file"), ('{"id": "e1"}\n', ':1: a gold line needs "transfers"')],
    ids=["missing", "no_transfers"],
)
def test_eval_bad_gold_is_usage_error(tmp_path: Path, gold_text: str | None, message: str) -> None:
    _, texts = _eval_setup(tmp_path)
    gold = tmp_path / "other-gold.jsonl"
    if gold_text is not None:
        _write(gold, gold_text)
    result = _invoke("eval", gold, texts)
    assert result.exit_code == 2
    assert str(gold) in result.stderr
    assert message in result.stderr


def test_eval_missing_texts_folder_is_usage_error(tmp_path: Path) -> None:
    gold, _ = _eval_setup(tmp_path)
    result = _invoke("eval", gold, tmp_path / "no-such-folder", "--json")
    assert result.exit_code == 2


# --- catalogue ---------------------------------------------------------------


def test_catalogue_valid_extension_adds_to_counts(tmp_path: Path) -> None:
    base = _invoke("catalogue")
    assert base.exit_code == 0, base.output
    extra = _write(tmp_path / "mine.toml", GOOD_SYSTEM)
    extended = _invoke("catalogue", extra)
    assert extended.exit_code == 0, extended.output
    for table in ("states", "bodies", "groups", "outlets", "systems", "class terms"):
        assert re.search(rf"{table} \d+", extended.stdout)
    assert _systems_count(extended.stdout) == _systems_count(base.stdout) + 1
    assert str(extra) in extended.stdout
    assert str(extra) not in base.stdout


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (BAD_ORIGIN, "system 'Testbird-9': unknown origin 'ZZZ'"),
        (BAD_FIELD, "Extra inputs are not permitted"),
        (BAD_TOML, "not a valid UTF-8 TOML file"),
        (None, "cannot read"),
    ],
    ids=["unknown_origin", "unknown_field", "bad_toml", "missing"],
)
def test_catalogue_invalid_extension_is_usage_error(
    tmp_path: Path, body: str | None, problem: str
) -> None:
    extra = tmp_path / "mine.toml"
    if body is not None:
        _write(extra, body)
    result = _invoke("catalogue", extra)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"error: {extra}:" in result.stderr
    assert problem in result.stderr


def test_catalogue_error_names_the_field(tmp_path: Path) -> None:
    extra = _write(tmp_path / "mine.toml", BAD_FIELD)
    result = _invoke("catalogue", extra)
    assert result.exit_code == 2
    assert "colour" in result.stderr


# --- help --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "eval", "catalogue"])
def test_help_command_shows_example(command: str) -> None:
    result = _invoke(command, "--help")
    assert result.exit_code == 0
    assert re.search(rf"^\s*Example: armstrack {command} ", result.stdout, re.MULTILINE)


def test_help_lists_every_command() -> None:
    result = _invoke("--help")
    assert result.exit_code == 0
    for command in ("extract", "eval", "catalogue"):
        assert re.search(rf"^\W*{command}\s+\w", result.stdout, re.MULTILINE), command


def test_help_top_level_shows_example() -> None:
    result = _invoke("--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout


# --- the real script, in a subprocess ---------------------------------------


SCRIPT = Path(sys.executable).parent / "armstrack"


def _run(command: list[str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "COLUMNS")}
    env.update(ENV, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def test_script_extract_reports_transfer_and_skip(tmp_path: Path) -> None:
    good = _write(tmp_path / "in" / "good.txt", SHIPPED)
    empty = _write(tmp_path / "in" / "empty.txt", "  \n")
    done = _run([str(SCRIPT)], "extract", good.parent, "--format", "jsonl")
    assert done.returncode == 1, done.stderr
    (article,) = _records(done.stdout)
    assert _triples(article) == [("IRN", "RUS", "uav", "delivered")]
    assert done.stderr.splitlines() == [
        f"skipped {empty}: empty article (no text)",
        "done; 1 skipped (1 empty)",
    ]


def test_module_catalogue_invalid_exits_2(tmp_path: Path) -> None:
    extra = _write(tmp_path / "mine.toml", BAD_ORIGIN)
    done = _run([sys.executable, "-m", "armstrack.cli"], "catalogue", extra)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: {extra}:",
        "  system 'Testbird-9': unknown origin 'ZZZ'",
    ]


def test_serve_bad_base_url_is_usage_error(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert _invoke("ingest", _write(tmp_path / "a.txt", SHIPPED), "--db", db).exit_code == 0
    result = _invoke("serve", "--db", db, "--base-url", "ftp://example.org")
    assert result.exit_code == 2
    assert "not an http(s) address" in result.stderr


def test_serve_on_a_busy_port_fails_before_its_banner(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert _invoke("ingest", _write(tmp_path / "a.txt", SHIPPED), "--db", db).exit_code == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _invoke("serve", "--db", db, "--port", str(port))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_ingest_damaged_feed_warns_and_keeps_its_entries(tmp_path: Path) -> None:
    feed = tmp_path / "damaged.rss"
    item = "<item><title>T{0}</title><description>Iran delivered drones to Russia {0}.</description></item>"
    feed.write_text(
        "<rss version='2.0'><channel>"
        + item.format(1)
        + item.format(2)
        + "<item><title>x</channel>",
        encoding="utf-8",
    )
    result = _invoke("ingest", str(feed), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 1
    assert f"\nwarning {feed}" in result.stderr
    assert "2 new" in result.stderr and "1 damaged" in result.stderr


def test_ingest_of_files_shows_a_bar_with_percentage(tmp_path: Path) -> None:
    paths = [_write(tmp_path / f"a{i}.txt", SHIPPED) for i in range(3)]
    result = _invoke("ingest", *paths, "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 0
    assert "100%" in result.stderr and "3 articles" in result.stderr


def _page(title: str, text: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )


@pytest.mark.parametrize("reader", ["trafilatura", "resiliparse"])
def test_ingest_prefilter_skips_pages_naming_no_weapon(tmp_path: Path, reader: str) -> None:
    pages = tmp_path / "pages"
    _write(
        pages / "arms.html",
        _page(
            "Howitzers for Estonia",
            "South Korea delivered 12 K9 howitzers to Estonia on Monday, the army said.",
        ),
    )
    for n, topic in enumerate(["The harvest was late", "A new bridge opened", "Rain ahead"]):
        _write(pages / f"other{n}.html", _page(topic, f"{topic} this year, officials said."))
    db = tmp_path / "a.db"
    result = _invoke("ingest", pages, "--db", db, "--prefilter", "--html-reader", reader)
    assert result.exit_code == 0, result.output
    assert "1 articles: 1 new; 3 pages skipped by the pre-filter (no weapon named)" in result.stderr
    # Not reported as faults one by one.
    assert not [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    shown = _invoke("transfers", "--db", db, "--format", "csv")
    assert "KOR,South Korea,EST,Estonia,artillery" in shown.stdout.replace('"', "")
    every = _invoke("ingest", pages, "--db", tmp_path / "b.db", "--html-reader", reader)
    assert every.exit_code == 0 and "4 articles: 4 new" in every.stderr
