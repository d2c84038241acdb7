"""Evaluation of the extractor against gold annotations (``../shared/eval/GOLD.md``), and of
independent-origin counting and merging against clusters of articles (``clusters``)."""

from armstrack.evaluate.clusters import ClusterScores, evaluate_clusters
from armstrack.evaluate.scoring import ArticleMisses, Scores, evaluate, load_gold, score

__all__ = [
    "ArticleMisses",
    "ClusterScores",
    "Scores",
    "evaluate",
    "evaluate_clusters",
    "load_gold",
    "score",
]
