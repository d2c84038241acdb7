"""Evaluation of the extractor against gold annotations (``../shared/eval/GOLD.md``)."""

from armstrack.evaluate.scoring import ArticleMisses, Scores, evaluate, load_gold, score

__all__ = ["ArticleMisses", "Scores", "evaluate", "load_gold", "score"]
