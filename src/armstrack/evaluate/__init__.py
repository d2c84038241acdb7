"""Evaluation of the extractor against gold annotations (GOLD.md: transfers; CLAIMS.md:
who said what), and of independent-origin counting and merging against clusters of
articles (``clusters``)."""

from armstrack.evaluate.claims import ClaimScores, load_claims, score_claims
from armstrack.evaluate.clusters import ClusterScores, evaluate_clusters
from armstrack.evaluate.scoring import (
    ArticleMisses,
    Scores,
    evaluate,
    load_gold,
    predict,
    score,
)

__all__ = [
    "ArticleMisses",
    "ClaimScores",
    "ClusterScores",
    "Scores",
    "evaluate",
    "evaluate_clusters",
    "load_claims",
    "load_gold",
    "predict",
    "score",
    "score_claims",
]
