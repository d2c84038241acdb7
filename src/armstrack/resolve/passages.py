"""Passages shared between texts: which earlier article a report copies or rewrites.

Syndicated copies are rarely whole: a site runs an excerpt, an update keeps the wire's
first sentences, a rewrite reuses a few of them. So texts are compared passage by
passage, not as wholes: each text gets fingerprints by winnowing (Schleimer, Wilkerson
and Aiken, 2003) over the hashes of its word 5-shingles: in every window of
``WINDOW`` consecutive shingles, the smallest hash is kept. Two texts sharing a run
of ``WINDOW + SHINGLE - 1`` words or more are guaranteed to share a fingerprint, and
a text keeps about one fingerprint per six words. The store indexes fingerprints
by value, so finding the earlier texts that share passages with a new one is a
lookup, never a comparison of all pairs.

Shared passages count when they carry the report: at least one lies in a sentence
the report rests on (its evidence or claims); a text reporting no transfer counts when
it shares half its passages or one long passage. Shared boilerplate
(a site's footer, a disclaimer) or one stock phrase never makes one article the
source of another.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

SHINGLE = 5
WINDOW = 10  # measured on real rewrites: 12 missed one whose shared runs are short
MIN_SHARED = 2  # one fingerprint in common is a stock phrase as often as a copy
WHOLE_COPY = 0.5  # share of the smaller text's fingerprints that makes a copy by itself
# Fingerprints in common that make a copy whatever the share: a run of some fifty words
# (an excerpt cut at other places than the original, measured on real copies).
COPIED_PASSAGE = 6
LEAD_WORDS = 400  # words of a text whose fingerprints are all indexed
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x100000001B3)
_POSITIVE = np.uint64(0x7FFF_FFFF_FFFF_FFFF)  # the database stores signed 64-bit integers


@dataclass(frozen=True, slots=True)
class Fingerprints:
    """A text's fingerprints, in text order (a repeated passage repeats its hash)."""

    hashes: tuple[int, ...]
    positions: tuple[int, ...] = ()  # word index where each fingerprint's shingle starts

    def __len__(self) -> int:
        return len(self.hashes)


@dataclass(frozen=True, slots=True)
class Overlap:
    """What a text shares with an earlier one."""

    shared: int  # fingerprints in common
    in_report: int  # of those, how many lie in the sentences the report rests on
    share: float  # shared over the fingerprints of the smaller text
    reports: bool = True  # whether the new text reports a transfer at all

    @property
    def carries_report(self) -> bool:
        """Shared passages that carry the report, or (for a text reporting nothing, kept
        for the credit it carries or a report the extractor missed) a copy of half of it
        or of a long passage."""
        if self.shared < MIN_SHARED:
            return False
        if self.reports:
            return self.in_report > 0
        return self.share >= WHOLE_COPY or self.shared >= COPIED_PASSAGE


def words_of(text: str) -> list[str]:
    """The text's words, lowercased, as shingles are made of them."""
    return _WORD.findall(text.lower())


def shingle_hashes(text: str, words: list[str] | None = None) -> np.ndarray:
    """The 63-bit hashes of the text's word 5-shingles, in text order (``words``: the
    text's ``words_of``, when already split)."""
    words = words_of(text) if words is None else words
    count = len(words) - SHINGLE + 1
    if count < 1:
        return np.zeros(0, np.uint64)
    crcs = np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint64, len(words))
    folded = crcs[:count].copy()
    for offset in range(1, SHINGLE):
        folded = folded * _MIX + crcs[offset : offset + count]  # wraps modulo 2**64
    return _finalise(folded)


def fingerprints(text: str, words: list[str] | None = None) -> Fingerprints:
    """The winnowed fingerprints of a text."""
    hashes = shingle_hashes(text, words)
    if len(hashes) == 0:
        return Fingerprints(())
    if len(hashes) <= WINDOW:
        return Fingerprints((int(hashes.min()),), (int(np.argmin(hashes)),))
    windows = sliding_window_view(hashes, WINDOW)
    # The rightmost minimum of each window, as winnowing prescribes.
    rightmost = WINDOW - 1 - np.argmin(windows[:, ::-1], axis=1)
    positions = np.unique(rightmost + np.arange(len(windows)))
    return Fingerprints(tuple(hashes[positions].tolist()), tuple(positions.tolist()))


def indexed(prints: Fingerprints, report: frozenset[int] | None) -> Fingerprints:
    """The fingerprints worth indexing: those of the lead (the first ``LEAD_WORDS``
    words, which copies and excerpts carry) and those of the sentences reporting a
    transfer. The rest of a long article (background, boilerplate) is seldom what a
    copy takes, and indexing it would double the rows written per article."""
    kept = [
        (value, position)
        for value, position in zip(prints.hashes, prints.positions, strict=True)
        if position < LEAD_WORDS or (report is not None and value in report)
    ]
    return Fingerprints(tuple(v for v, _ in kept), tuple(p for _, p in kept))


def _finalise(values: np.ndarray) -> np.ndarray:
    """Spread the folded CRCs over 63 bits (the finaliser of splitmix64)."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    spread: np.ndarray = (values ^ (values >> np.uint64(31))) & _POSITIVE
    return spread


def in_report(prints: Fingerprints, text: str, report: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The fingerprints lying in ``report``: the character ranges of the sentences a
    text's reports rest on (its evidence and claims). Their shingles are hashed anew,
    in one pass over the ranges merged, which costs less than keeping the offset of
    every fingerprint of every text."""
    merged: list[list[int]] = []
    for start, end in sorted(report):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    # Newlines between the ranges: a shingle across two of them matches nothing real.
    joined = "\n".join(text[start:end] for start, end in merged)
    return frozenset(set(shingle_hashes(joined).tolist()) & set(prints.hashes))


def overlap(
    prints: Fingerprints, shared: Iterable[int], other_count: int, report: frozenset[int] | None
) -> Overlap:
    """How much of ``prints`` an earlier text with ``other_count`` fingerprints shares
    (``shared`` are the common hashes), and how much of it lies in ``report`` (see
    ``in_report``; None for a text that reports nothing)."""
    common = set(shared)
    smaller = min(len(set(prints.hashes)), other_count) or 1
    return Overlap(
        len(common),
        len(common & report) if report else 0,
        round(len(common) / smaller, 3),
        report is not None,
    )
