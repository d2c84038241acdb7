"""Claims scoring (CLAIMS.md): speaker keys, end to end and on found transfers, per stance,
and `armstrack eval --claims` on real articles."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from armstrack.cli import app
from armstrack.evaluate.claims import gold_speaker, predicted_speaker, score_claims

DRONES = ["IRN", "RUS", "uav"]


def _transfer(supplier: str, recipient: str, category: str, *claims: dict) -> dict:
    return {
        "supplier": {"id": supplier},
        "recipient": {"id": recipient},
        "category": category,
        "claims": list(claims),
    }


def _claim(stance: str, **speaker: object) -> dict:
    return {"stance": stance, "speaker": speaker or None}


def test_speaker_keys_follow_claims_md() -> None:
    assert gold_speaker("outlet:The Guardian") == "outlet:guardian"
    assert gold_speaker("irn") == "IRN" and gold_speaker("houthis") == "houthis"
    assert gold_speaker("nonstate") == "nonstate"
    assert predicted_speaker({"actor": {"id": "usa"}, "outlet": "AP"}) == "USA"
    assert predicted_speaker({"outlet": "Kyiv Independent"}) == "outlet:kyivindependent"
    assert predicted_speaker({"role": "analyst"}) == "nonstate"
    assert predicted_speaker(None) is None  # the article's own voice: not scored
    assert predicted_speaker({"text": None, "role": None}) is None


def test_score_claims_end_to_end_on_found_and_per_stance() -> None:
    gold = [
        {
            "id": "a",
            "claims": [
                {"transfer": DRONES, "speaker": "outlet:Reuters", "stance": "asserts"},
                {"transfer": DRONES, "speaker": "IRN", "stance": "denies"},
                {"transfer": ["IRN", "SDN", "uav"], "speaker": "SDN", "stance": "confirms"},
            ],
        },
        {"id": "b", "claims": []},
    ]
    predicted = {
        "a": [
            _transfer(
                "IRN",
                "RUS",
                "uav",
                _claim("asserts", outlet="Reuters"),
                _claim("confirms", actor={"id": "IRN"}),  # wrong stance
                _claim("asserts"),  # the article's own voice
            )
        ],
        "b": [_transfer("FRA", "IND", "aircraft", _claim("asserts", role="analyst"))],
    }
    scores = score_claims(gold, predicted)
    assert (scores.end_to_end.tp, scores.end_to_end.fp, scores.end_to_end.fn) == (1, 2, 2)
    # The Sudan transfer was not found: its claim counts end to end only.
    assert (scores.on_found.tp, scores.on_found.fp, scores.on_found.fn) == (1, 1, 1)
    assert scores.stances["denies"].fn == 1 and scores.stances["confirms"].fp == 1
    assert scores.stances["asserts"].as_dict()["precision"] == 0.5
    assert [m[0] for m in scores.misses] == ["a", "b"]


def test_eval_with_claims_scores_them_beside_the_transfers(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "t1.txt").write_text(
        "Iran has delivered 200 drones to Russia, Reuters reported on Monday. "
        "Tehran denied sending any drones.\n",
        encoding="utf-8",
    )
    (texts / "t2.txt").write_text("The city council met on Tuesday.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "t1", "transfers": [{"supplier": "IRN", "recipient": "RUS",
                    "category": "uav", "status": "delivered"}]})
        + "\n" + json.dumps({"id": "t2", "transfers": []}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps({"id": "t1", "claims": [
            {"transfer": DRONES, "speaker": "outlet:reuters", "stance": "asserts"},
            {"transfer": DRONES, "speaker": "IRN", "stance": "denies"}]})
        + "\n" + json.dumps({"id": "t2", "claims": []}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(gold), str(texts), "--claims", str(claims), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    found = summary["claims"]["end_to_end"]
    assert found["tp"] + found["fn"] == 2  # every gold claim counted once
    assert summary["claims"]["on_found_transfers"]["tp"] == found["tp"]
    assert set(summary["claims"]["stances"]) == {
        "asserts", "confirms", "denies", "declines_to_comment", "not_confirmed"
    }  # fmt: skip
    shown = runner.invoke(app, ["eval", str(gold), str(texts), "--claims", str(claims)])
    assert shown.exit_code == 0
    assert "claims " in shown.stdout and "on found" in shown.stdout
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "t1"}\n', encoding="utf-8")
    refused = runner.invoke(app, ["eval", str(gold), str(texts), "--claims", str(broken)])
    assert refused.exit_code == 2
    assert 'a claims line needs "claims"' in refused.stderr
