"""Independent origins and merging, scored on clusters of articles about one event.

A cluster set is a JSON-lines file, one article per line:
``{"id", "cluster", "url", "date", "outlet", "transfer": [supplier, recipient,
category], "origin", "copy_of"}``, with the texts as ``<id>.txt`` in a folder
(``/work/shared/devset/clusters/README.md`` describes the fields). The articles are
ingested into a temporary store, in file order, and what the store made of them is
compared with the annotations:

- article origin: per article whose cluster's transfer was found, whether the
  origin the store gave its report is the annotated one (``own``: the outlet itself);
- origins shown: per cluster, the distinct origins of its found reports against the
  distinct annotated ones;
- copies linked: per annotated copy, whether the store links it to the same earliest
  text as the article it copies;
- clusters fused: pairs of clusters whose reports share a transfer.

Names are compared through ``name_key``, which folds "The Associated Press", "AP" and
"ap" into one key, as the cluster checker does.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from armstrack.evaluate.scoring import load_annotations
from armstrack.extract import Extractor
from armstrack.records import Article, ArticleOrigin
from armstrack.store import open_store
from armstrack.store.queries import article_origins

# Short names whose folded form is not their full name's.
_ALIASES = {
    "wsj": "wallstreetjournal",
    "ap": "associatedpress",
    "afp": "agencefrancepresse",
    "ft": "financialtimes",
    "nyt": "newyorktimes",
    "pap": "polishpressagency",
    "rferl": "radiofreeeuroperadioliberty",
    "voa": "voiceofamerica",
}
_SUFFIXES = ("news", "english", "com", "online")


def name_key(name: str | None) -> str:
    """An outlet's name folded for comparison: no case, parentheses, leading "the",
    punctuation or site-name suffix ("news", "com")."""
    key = re.sub(r"\(.*?\)", "", (name or "").lower())
    key = re.sub(r"^the[\s\-_]+", "", key)
    key = re.sub(r"[^a-z0-9]", "", key)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix)]
    return _ALIASES.get(key, key)


def same_origin(predicted: str, gold: str) -> bool:
    """Equal keys, or one contained in the other when both are more than an acronym."""
    if predicted == gold:
        return True
    shorter = min(predicted, gold, key=len)
    return len(shorter) > 3 and (predicted in gold or gold in predicted)


@dataclass
class ClusterScore:
    cluster: int
    articles: int
    found: int = 0
    right: int = 0
    shown: int = 0  # distinct origins of the found reports
    true: int = 0  # distinct annotated origins of the same articles
    transfers: set[int] = field(default_factory=set)


@dataclass
class ClusterScores:
    clusters: list[ClusterScore] = field(default_factory=list)
    copies: int = 0
    linked: int = 0
    fused: list[tuple[int, int]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # one line per wrong article

    @property
    def found(self) -> int:
        return sum(c.found for c in self.clusters)

    @property
    def accuracy(self) -> float:
        return sum(c.right for c in self.clusters) / self.found if self.found else 0.0

    @property
    def overstatement(self) -> float:
        """Origins shown over the true number, minus one, summed over clusters."""
        true = sum(c.true for c in self.clusters)
        return (sum(c.shown for c in self.clusters) - true) / true if true else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": sum(c.articles for c in self.clusters),
            "found": self.found,
            "origin_accuracy": self.accuracy,
            "origins_shown": sum(c.shown for c in self.clusters),
            "origins_true": sum(c.true for c in self.clusters),
            "overstatement": self.overstatement,
            "copies": self.copies,
            "copies_linked": self.linked,
            "fused": [list(pair) for pair in self.fused],
            "clusters": [
                {
                    "cluster": c.cluster,
                    "articles": c.articles,
                    "found": c.found,
                    "right": c.right,
                    "shown": c.shown,
                    "true": c.true,
                    "transfers": sorted(c.transfers),
                }
                for c in self.clusters
            ],
        }


def load_clusters(path: Path) -> list[dict[str, Any]]:
    return load_annotations(path, ("id", "cluster", "transfer", "origin"), "cluster")


def cluster_articles(gold: Sequence[Mapping[str, Any]], texts: Path) -> list[Article]:
    """The annotated articles as the store reads them: text, URL, date and outlet."""
    found = []
    for line in gold:
        path = texts / f"{line['id']}.txt"
        if not path.is_file():
            continue
        day = line.get("date")
        found.append(
            Article(
                id=str(line["id"]),
                text=path.read_text(encoding="utf-8"),
                published=date.fromisoformat(day) if day and len(day) == 10 else None,
                url=line.get("url"),
                outlet=line.get("outlet"),
                source=str(path),
            )
        )
    return found


def score_clusters(
    gold: Sequence[Mapping[str, Any]], stored: Sequence[ArticleOrigin]
) -> ClusterScores:
    """Compare what the store made of the articles with the annotations."""
    by_url = {a.url or a.key: a for a in stored}
    by_id = {str(g["id"]): by_url.get(g.get("url") or "") for g in gold}
    scores = ClusterScores()
    for number in sorted({int(g["cluster"]) for g in gold}):
        lines = [g for g in gold if int(g["cluster"]) == number]
        score = ClusterScore(number, len(lines))
        shown: set[str] = set()
        true: set[str] = set()
        for line in lines:
            triple = tuple(line["transfer"])
            stored_article = by_id[str(line["id"])]
            hits = [r for r in stored_article.reports if r[1:4] == triple] if stored_article else []
            if not hits:
                scores.misses.append(f"{line['id']}: transfer not found")
                continue
            transfer_id, *_rest, origin = hits[0]
            wanted = line["outlet"] if line["origin"] == "own" else line["origin"]
            predicted, gold_key = name_key(origin), name_key(wanted)
            right = same_origin(predicted, gold_key)
            score.found += 1
            score.right += right
            score.transfers.add(transfer_id)
            shown.add(predicted)
            true.add(gold_key)
            if not right:
                scores.misses.append(f"{line['id']}: origin {origin!r}, annotated {wanted!r}")
        score.shown, score.true = len(shown), len(true)
        scores.clusters.append(score)
    _score_copies(scores, gold, by_id)
    scores.fused = [
        (a.cluster, b.cluster)
        for a in scores.clusters
        for b in scores.clusters
        if a.cluster < b.cluster and a.transfers & b.transfers
    ]
    return scores


def _score_copies(
    scores: ClusterScores,
    gold: Sequence[Mapping[str, Any]],
    by_id: Mapping[str, ArticleOrigin | None],
) -> None:
    def root(article: ArticleOrigin | None) -> int | None:
        return None if article is None else article.duplicate_of or article.version_id

    for line in gold:
        original = line.get("copy_of")
        if not original:
            continue
        scores.copies += 1
        copy = by_id.get(str(line["id"]))
        if copy is not None and copy.duplicate_of and root(copy) == root(by_id.get(original)):
            scores.linked += 1
        else:
            scores.misses.append(f"{line['id']}: copy of {original} not linked")


def evaluate_clusters(clusters: Path, texts: Path, extractor: Extractor) -> ClusterScores:
    """Ingest a cluster set into a temporary store and score it."""
    gold = load_clusters(clusters)
    with tempfile.TemporaryDirectory(prefix="armstrack-clusters-") as folder:
        store = open_store(Path(folder) / "clusters.db", extractor)
        try:
            store.ingest(cluster_articles(gold, texts))
            with store.engine.connect() as conn:
                stored = article_origins(conn)
        finally:
            store.close()
    return score_clusters(gold, stored)
