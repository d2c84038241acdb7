"""Precision, recall and F1 of extracted transfers against a gold file.

Transfers are compared as (supplier, recipient, category) triples; systems as
(supplier, recipient, system) pairs where a predicted system matches a gold one
if any of its names (canonical, aliases, family) is among the gold spellings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from armstrack.errors import InputError, RecordError
from armstrack.extract import Extractor
from armstrack.ingest import read_articles
from armstrack.serialise import transfer_dict

Triple = tuple[str, str, str]


def _name_key(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def actor_key(actor: object) -> str:
    if isinstance(actor, dict):
        actor = actor.get("id") or actor.get("name")
    value = str(actor or "").strip()
    return value.upper() if len(value) == 3 else value.lower()


def _system_names(system: object) -> set[str]:
    if isinstance(system, dict):
        names = [system.get("name"), *(system.get("aliases") or []), system.get("family")]
        return {_name_key(n) for n in names if n}
    return {_name_key(system)}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def tally(self, wanted: set[Any], found: set[Any]) -> None:
        """Count one article's gold items against its predicted ones."""
        self.add(len(wanted & found), len(found - wanted), len(wanted - found))

    def as_dict(self) -> dict[str, Any]:
        p, r, f = self.prf()
        return {"precision": p, "recall": r, "f1": f, "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class ArticleMisses:
    id: str
    missed: list[Triple] = field(default_factory=list)
    spurious: list[Triple] = field(default_factory=list)
    wrong_status: list[tuple[Triple, str, str]] = field(default_factory=list)
    wrong_quantity: list[tuple[Triple, object, object]] = field(default_factory=list)


@dataclass
class Scores:
    articles: int = 0
    triples: Counts = field(default_factory=Counts)
    systems: Counts = field(default_factory=Counts)
    denials: Counts = field(default_factory=Counts)
    status_ok: int = 0
    status_n: int = 0
    quantity_ok: int = 0
    quantity_n: int = 0
    misses: list[ArticleMisses] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles}
        for name in ("triples", "systems", "denials"):
            counts: Counts = getattr(self, name)
            out[name] = counts.as_dict()
        out["status_accuracy"] = self.status_ok / self.status_n if self.status_n else 1.0
        out["quantity_accuracy"] = self.quantity_ok / self.quantity_n if self.quantity_n else 1.0
        out["status"] = [self.status_ok, self.status_n]
        out["quantity"] = [self.quantity_ok, self.quantity_n]
        return out


def _by_triple(transfers: Iterable[Mapping[str, Any]]) -> dict[Triple, Mapping[str, Any]]:
    out: dict[Triple, Mapping[str, Any]] = {}
    for transfer in transfers:
        triple = (
            actor_key(transfer.get("supplier")),
            actor_key(transfer.get("recipient")),
            str(transfer.get("category")),
        )
        out.setdefault(triple, transfer)
    return out


def _score_article(scores: Scores, article_id: str, gold: list[Any], predicted: list[Any]) -> None:
    gold_by = _by_triple(gold)
    pred_by = _by_triple(predicted)
    hits = gold_by.keys() & pred_by.keys()
    misses = ArticleMisses(article_id, sorted(gold_by.keys() - hits), sorted(pred_by.keys() - hits))
    scores.triples.add(len(hits), len(pred_by.keys() - hits), len(gold_by.keys() - hits))
    for triple in sorted(hits):
        g, p = gold_by[triple], pred_by[triple]
        scores.status_n += 1
        if g["status"] == p.get("status"):
            scores.status_ok += 1
        else:
            misses.wrong_status.append((triple, g["status"], str(p.get("status"))))
        if g.get("quantity") is not None:
            scores.quantity_n += 1
            if g["quantity"] == p.get("quantity"):
                scores.quantity_ok += 1
            else:
                misses.wrong_quantity.append((triple, g["quantity"], p.get("quantity")))
        gold_denials = {actor_key(a) for a in g.get("denied_by") or []}
        pred_denials = {actor_key(a) for a in p.get("denied_by") or []}
        scores.denials.add(
            len(gold_denials & pred_denials),
            len(pred_denials - gold_denials),
            len(gold_denials - pred_denials),
        )
    _score_systems(scores, gold_by, pred_by)
    if misses.missed or misses.spurious or misses.wrong_status or misses.wrong_quantity:
        scores.misses.append(misses)


def _score_systems(
    scores: Scores, gold_by: Mapping[Triple, Any], pred_by: Mapping[Triple, Any]
) -> None:
    gold = [
        (t[0], t[1], {_name_key(n) for n in alts})
        for t, x in gold_by.items()
        for alts in x.get("systems") or []
    ]
    pred = [
        (t[0], t[1], _system_names(s)) for t, x in pred_by.items() for s in x.get("systems") or []
    ]
    used: set[int] = set()
    for supplier, recipient, accepted in gold:
        found = next(
            (i for i, (s, r, names) in enumerate(pred)
             if i not in used and (s, r) == (supplier, recipient) and names & accepted),
            None,
        )  # fmt: skip
        if found is None:
            scores.systems.fn += 1
        else:
            used.add(found)
            scores.systems.tp += 1
    scores.systems.fp += len(pred) - len(used)


def score(gold: Sequence[Mapping[str, Any]], predicted: Mapping[str, list[Any]]) -> Scores:
    """Score predicted transfers (by article id) against gold lines."""
    scores = Scores(articles=len(gold))
    for line in gold:
        article_id = str(line["id"])
        _score_article(
            scores, article_id, list(line.get("transfers") or []), predicted.get(article_id, [])
        )
    return scores


def load_gold(path: Path) -> list[dict[str, Any]]:
    return load_annotations(path, ("id", "transfers"), "gold")


def load_annotations(path: Path, keys: tuple[str, ...], kind: str) -> list[dict[str, Any]]:
    """The JSON lines of an annotation file, each an object with ``keys``; a bad line is
    an error naming the file and the line."""
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise RecordError(str(path), f"malformed JSON ({exc.msg})", number) from exc
        missing = [k for k in keys if not isinstance(line, dict) or k not in line]
        if missing:
            needs = " and ".join(f'"{k}"' for k in missing)
            raise RecordError(str(path), f"a {kind} line needs {needs}", number)
        lines.append(line)
    return lines


def evaluate(gold_path: Path, texts: Path, extractor: Extractor) -> Scores:
    """Run the extractor on the gold articles found under ``texts`` and score it."""
    gold = load_gold(gold_path)
    return score(gold, predict(gold, texts, extractor))


def predict(
    gold: Sequence[Mapping[str, Any]], texts: Path, extractor: Extractor
) -> dict[str, list[Any]]:
    """The extractor's transfers (as ``transfer_dict`` gives them) for each gold article.

    Each gold id names ``<id>.txt`` anywhere below ``texts`` or a record with that id in
    a ``.jsonl`` file there; a gold line's date stands in for an article that states
    none. An article missing from ``texts`` predicts nothing.
    """
    wanted = {str(line["id"]): line for line in gold}
    predicted: dict[str, list[Any]] = {}
    for item in read_articles([texts]):
        if isinstance(item, InputError) or item.id not in wanted:
            continue
        if item.published is None and wanted[item.id].get("date"):
            item = replace(item, published=date.fromisoformat(wanted[item.id]["date"]))
        extraction = extractor.run(item)
        predicted[item.id] = [transfer_dict(t) for t in extraction.transfers]
    return predicted
