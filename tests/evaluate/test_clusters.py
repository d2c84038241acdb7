"""Independent origins, copies and merging scored on the cluster fixtures, with floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.evaluate.clusters import evaluate_clusters, name_key, same_origin
from armstrack.extract import Extractor

CLUSTERS = Path(__file__).resolve().parents[1] / "fixtures" / "clusters"


@pytest.fixture(scope="module")
def scores(extractor: Extractor):  # type: ignore[no-untyped-def]
    return evaluate_clusters(CLUSTERS / "clusters.jsonl", CLUSTERS / "texts", extractor)


def test_evaluate_clusters_finds_every_fixture_transfer(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.found == sum(c.articles for c in scores.clusters)


@pytest.mark.parametrize(("floor", "measure"), [(0.9, "accuracy")])
def test_evaluate_clusters_article_origin_accuracy_meets_floor(
    scores,  # type: ignore[no-untyped-def]
    floor: float,
    measure: str,
) -> None:
    assert getattr(scores, measure) >= floor, scores.misses


def test_evaluate_clusters_origins_within_a_tenth_of_the_truth(scores) -> None:  # type: ignore[no-untyped-def]
    assert abs(scores.overstatement) <= 0.1
    assert [c.shown for c in scores.clusters] == [c.true for c in scores.clusters]


def test_evaluate_clusters_links_every_copy(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.copies == 3
    assert scores.linked == scores.copies, scores.misses


def test_evaluate_clusters_keeps_events_of_one_triple_apart(scores) -> None:  # type: ignore[no-untyped-def]
    assert scores.fused == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("AP", "The Associated Press", True),
        ("Agence France-Presse", "afp", True),
        ("The Guardian", "guardian", True),
        ("zee_news", "Zee News", True),
        ("nhk", "NHK World", False),  # an acronym is never matched inside a longer name
        ("Reuters", "AP", False),
    ],
)
def test_name_key_folds_outlet_names(a: str, b: str, same: bool) -> None:
    assert same_origin(name_key(a), name_key(b)) is same


def test_cli_eval_clusters_prints_the_scores() -> None:
    result = CliRunner().invoke(
        app,
        ["eval", "--clusters", str(CLUSTERS / "clusters.jsonl"), str(CLUSTERS / "texts")],
    )
    assert result.exit_code == 0, result.output
    assert "article origin right 11/11 (1.00)" in result.stdout
    assert "copies linked 3/3; clusters fused: none" in result.stdout


REAL_CLUSTERS = Path(__file__).resolve().parents[2].parent / "shared" / "devset" / "clusters"


@pytest.mark.skipif(
    not REAL_CLUSTERS.is_dir(), reason="../shared/devset/clusters is only beside the project"
)
def test_real_wire_clusters_meet_the_targets() -> None:
    """Real wire-copy clusters (measurement only): the targets of independent origins."""
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--clusters",
            str(REAL_CLUSTERS / "clusters.jsonl"),
            str(REAL_CLUSTERS / "texts"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["origin_accuracy"] >= 0.9
    assert abs(scores["overstatement"]) <= 0.1
    assert scores["copies_linked"] == scores["copies"]
    assert scores["fused"] == []
