"""The README's commands and the CLI's documentation stay true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [
    "extract",
    "eval",
    "catalogue",
    "ingest",
    "transfers",
    "show",
    "search",
    "stats",
    "export",
    "serve",
]


def test_readme_first_screen_has_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:40])
    assert "make demo" in first_screen
    assert "make test" in first_screen


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_readme(command: str) -> None:
    assert re.search(rf"armstrack {command}\b", README), command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"armstrack {command}" in result.stdout


def test_test_modules_have_unique_names() -> None:
    # pytest imports test files by basename where a folder is no package: two files of
    # one name stop the whole run at collection (it happened with test_matching.py).
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
