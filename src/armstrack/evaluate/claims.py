"""Precision, recall and F1 of attributed claims against a claims gold file (CLAIMS.md).

A claim is compared as (transfer triple, speaker key, stance) per article. A speaker's
key is its state's or group's code; else "outlet:" and the outlet's name in lowercase
letters and digits (no leading "the"); else "nonstate" for any other attributed speaker.
The article's own voice is no claim and is not scored. Claims are scored end to end,
on the transfers both the gold and the extractor found (the claims' own quality, apart
from transfer recall), and per stance.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armstrack.evaluate.scoring import Counts, Triple, actor_key, load_annotations
from armstrack.records import Stance

ClaimKey = tuple[Triple, str, str]  # (transfer, speaker key, stance)
STANCES = tuple(s.value for s in Stance)


def load_claims(path: Path) -> list[dict[str, Any]]:
    return load_annotations(path, ("id", "claims"), "claims")


def outlet_key(name: object) -> str:
    plain = str(name).strip().lower().removeprefix("outlet:").strip()
    return "outlet:" + re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", plain))


def gold_speaker(speaker: object) -> str:
    value = str(speaker).strip()
    if value.lower().startswith("outlet:"):
        return outlet_key(value)
    return "nonstate" if value.lower() == "nonstate" else actor_key(value)


def predicted_speaker(speaker: Mapping[str, Any] | None) -> str | None:
    """The key of an extracted claim's speaker; None for the article's own voice."""
    if not speaker:
        return None
    if speaker.get("actor"):
        return actor_key(speaker["actor"])
    if speaker.get("outlet"):
        return outlet_key(speaker["outlet"])
    return "nonstate" if speaker.get("role") or speaker.get("text") else None


@dataclass
class ClaimScores:
    end_to_end: Counts = field(default_factory=Counts)
    on_found: Counts = field(default_factory=Counts)  # on transfers both sides found
    stances: dict[str, Counts] = field(default_factory=lambda: {s: Counts() for s in STANCES})
    misses: list[tuple[str, list[ClaimKey], list[ClaimKey]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "end_to_end": self.end_to_end.as_dict(),
            "on_found_transfers": self.on_found.as_dict(),
            "stances": {s: c.as_dict() for s, c in self.stances.items()},
        }


def _gold_keys(line: Mapping[str, Any]) -> set[ClaimKey]:
    keys = set()
    for claim in line.get("claims") or []:
        supplier, recipient, category = claim["transfer"]
        triple = (actor_key(supplier), actor_key(recipient), str(category))
        keys.add((triple, gold_speaker(claim["speaker"]), str(claim["stance"])))
    return keys


def _predicted_keys(transfers: Sequence[Mapping[str, Any]]) -> tuple[set[ClaimKey], set[Triple]]:
    keys, triples = set(), set()
    for transfer in transfers:
        triple = (
            actor_key(transfer.get("supplier")),
            actor_key(transfer.get("recipient")),
            str(transfer.get("category")),
        )
        triples.add(triple)
        for claim in transfer.get("claims") or []:
            speaker = predicted_speaker(claim.get("speaker"))
            if speaker is not None:
                keys.add((triple, speaker, str(claim.get("stance"))))
    return keys, triples


def score_claims(
    gold: Sequence[Mapping[str, Any]], predicted: Mapping[str, Sequence[Mapping[str, Any]]]
) -> ClaimScores:
    """Score the claims of predicted transfers (by article id, as ``transfer_dict``
    gives them) against claims gold lines."""
    scores = ClaimScores()
    for line in gold:
        article_id = str(line["id"])
        wanted = _gold_keys(line)
        found, triples = _predicted_keys(predicted.get(article_id, []))
        scores.end_to_end.tally(wanted, found)
        both = {key[0] for key in wanted} & triples
        scores.on_found.tally(
            {k for k in wanted if k[0] in both}, {k for k in found if k[0] in both}
        )
        for stance, counts in scores.stances.items():
            counts.tally(
                {k for k in wanted if k[2] == stance}, {k for k in found if k[2] == stance}
            )
        if wanted != found:
            scores.misses.append((article_id, sorted(wanted - found), sorted(found - wanted)))
    return scores
