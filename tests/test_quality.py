"""Quality ratchet: the real ``armstrack eval`` on our own gold sets keeps its scores.

The floors live in ``quality_floors.json``; a drop below one fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
SEEDS = ROOT.parent / "shared" / "seeds"
DEVSET = ROOT.parent / "shared" / "devset"


def _scores(gold: Path, texts: Path, claims: Path | None = None) -> dict[str, object]:
    extra = ["--claims", str(claims)] if claims else []
    result = CliRunner().invoke(app, ["eval", str(gold), str(texts), "--json", *extra])
    assert result.exit_code == 0, result.output
    scores: dict[str, object] = json.loads(result.stdout)
    return scores


@pytest.mark.parametrize("name", ["gold", "examples"])
def test_eval_scores_stay_above_floors(name: str) -> None:
    floor = FLOORS[name]
    _above_floors(name, _scores(ROOT / floor["gold"], ROOT / floor["texts"]), floor)


@pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is only beside the project")
def test_eval_devset_scores_stay_above_floors(tmp_path: Path) -> None:
    # Real news nobody here wrote: the ratchet that counts most.
    gold = tmp_path / "devset-gold.jsonl"
    gold.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("gold-*.jsonl"))),
        encoding="utf-8",
    )
    claims = tmp_path / "devset-claims.jsonl"
    claims.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("claims-*.jsonl"))),
        encoding="utf-8",
    )
    _above_floors("devset", _scores(gold, DEVSET / "texts", claims), FLOORS["devset"])


def _above_floors(name: str, scores: dict[str, object], floor: dict[str, float]) -> None:
    measured = {
        "triples_f1": scores["triples"]["f1"],  # type: ignore[index]
        "systems_f1": scores["systems"]["f1"],  # type: ignore[index]
        "denials_f1": scores["denials"]["f1"],  # type: ignore[index]
        "status_accuracy": scores["status_accuracy"],
        "quantity_accuracy": scores["quantity_accuracy"],
    }
    if "claims_f1" in floor:
        measured["claims_f1"] = scores["claims"]["end_to_end"]["f1"]  # type: ignore[index]
    below = {k: v for k, v in measured.items() if v < floor[k] - 1e-9}  # type: ignore[operator]
    assert not below, f"{name}: below floor {below} (floors {floor})"


def test_gold_set_covers_the_required_ground() -> None:
    lines = [json.loads(line) for line in (ROOT / "tests/gold/gold.jsonl").read_text().splitlines()]
    assert len(lines) >= 40
    assert sum(1 for line in lines if not line["transfers"]) >= 10
    statuses = {t["status"] for line in lines for t in line["transfers"]}
    assert statuses == {"delivered", "agreed", "discussed"}
    assert any(t["denied_by"] for line in lines for t in line["transfers"])
    for line in lines:
        assert (ROOT / "tests/gold/articles" / f"{line['id']}.txt").is_file()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is only beside the project in CI")
def test_seed_articles_reach_full_triple_f1() -> None:
    scores = _scores(SEEDS / "gold.jsonl", SEEDS)
    assert scores["triples"]["f1"] == 1.0  # type: ignore[index]
    assert scores["status_accuracy"] == 1.0
