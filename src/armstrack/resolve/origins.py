"""Independent origins: ten outlets rewriting one Reuters story are one source.

A report's origin is the outlet it attributes its claims to ("told Reuters",
"according to Yonhap") when that is not the publishing outlet itself; otherwise the
publishing outlet. A near-duplicate copy of an earlier article inherits that
article's origin (applied by the store, which knows the copies).
"""

from __future__ import annotations

from collections.abc import Sequence


def report_origin(cited: Sequence[str], own: str | None, fallback: str) -> str:
    """The origin key of one report.

    ``cited`` are the outlet keys its asserting claims name, in text order; ``own``
    is the publishing outlet's key; ``fallback`` stands for an unknown outlet (the
    article itself), so that unrelated anonymous articles never merge into one origin.
    """
    for outlet in cited:
        if outlet != own:
            return outlet
    return own or fallback
