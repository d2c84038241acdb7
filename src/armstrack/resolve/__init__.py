"""Resolution: reports of the same real-world transfer across articles become one record.

Pure functions only; the store applies them to what it holds.
"""

from armstrack.resolve.matching import MentionKey, TransferKey, choose_transfer, compatible
from armstrack.resolve.origins import report_origin

__all__ = ["MentionKey", "TransferKey", "choose_transfer", "compatible", "report_origin"]
