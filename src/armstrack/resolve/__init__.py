"""Resolution: reports of the same real-world transfer across articles become one record.

Pure functions only; the store applies them to what it holds.
"""

from armstrack.resolve.credits import Credit, Tier, find_credits, main_credit, outlet_lookup
from armstrack.resolve.matching import (
    MentionKey,
    TransferKey,
    Verdict,
    choose_transfer,
    compatible,
    judge,
)
from armstrack.resolve.origins import Basis, CountedReport, Origin, origin_summary
from armstrack.resolve.passages import Fingerprints, Overlap, fingerprints, overlap

__all__ = [
    "Basis",
    "CountedReport",
    "Credit",
    "Fingerprints",
    "MentionKey",
    "Origin",
    "Overlap",
    "Tier",
    "TransferKey",
    "Verdict",
    "choose_transfer",
    "compatible",
    "find_credits",
    "fingerprints",
    "judge",
    "main_credit",
    "origin_summary",
    "outlet_lookup",
    "overlap",
]
