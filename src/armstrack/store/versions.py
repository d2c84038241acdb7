"""Versions of one article: when a changed text is a version, and which reports count.

A URL (or a file and record id) that serves a changed text holds a new version of the
same article, unless the new text shares almost nothing with the stored one: a reused
URL or id then names a different article. A later version never erases what an earlier
one reported: each article counts once per transfer, through the newest of its versions
that reports the transfer; reports only an older version made are kept, superseded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# Word 4-grams shared between the stored and the new text, over the smaller set: an
# updated story keeps most of its sentences (well above a half); a different story
# under a reused address shares a few stock phrases at most.
RELATED_OVERLAP = 0.2
_WORD = re.compile(r"\w+")
SHINGLE = 4


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def related(stored: str, new: str) -> bool:
    """Whether a changed text under a known key is a version of the stored one."""
    old, fresh = _shingles(stored), _shingles(new)
    if not old or not fresh:
        return False
    return len(old & fresh) / min(len(old), len(fresh)) >= RELATED_OVERLAP


def separate_key(key: str, sha: str) -> str:
    """The key of an unrelated text found under an article's key."""
    return f"{key}#text-{sha[:16]}"


def counting(rows: Iterable[Any]) -> list[Any]:
    """Per article, the rows of the newest of its versions among ``rows`` (the reports of
    one transfer): an article counts once, and an older version's report stays when the
    newer text no longer reports the transfer."""
    newest: dict[int, int] = {}
    kept: Sequence[Any] = list(rows)
    for row in kept:
        newest[row.article_id] = max(newest.get(row.article_id, 0), row.version)
    return [row for row in kept if row.version == newest[row.article_id]]
