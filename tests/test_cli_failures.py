"""An unexpected failure on one article is reported and skipped, never the end of a batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.extract import Extractor
from armstrack.records import Article, Extraction


def test_extract_skips_an_article_the_extractor_fails_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text("Iran has shipped drones to Russia.", encoding="utf-8")
    (tmp_path / "poison.txt").write_text("Turkey sold drones to Mali.", encoding="utf-8")
    real_run = Extractor.run

    def run(self: Extractor, article: Article) -> Extraction:
        if article.id == "poison":
            raise RuntimeError("boom")
        return real_run(self, article)

    monkeypatch.setattr(Extractor, "run", run)
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert '"id": "good"' in result.stdout
    assert "poison.txt: extraction failed (RuntimeError('boom'))" in result.stderr
    assert "1 extraction failed" in result.stderr
