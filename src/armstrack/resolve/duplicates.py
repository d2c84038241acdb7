"""Near-duplicate articles (syndicated copies, light rewrites) by MinHash LSH.

Signatures come from datasketch's MinHash over word 5-shingles. The banding of
locality-sensitive hashing is done here rather than with datasketch's MinHashLSH
because the index has to live in the database (one row per band bucket), so that
it survives restarts and grows with the archive instead of with memory.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.6 Jaccard collide, ~0.9 almost surely
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7  # estimated Jaccard similarity that makes a copy (syndication, light rewrite)
SHINGLE = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # uint64[NUM_PERM]

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Signature:
        return cls(np.frombuffer(raw, dtype="<u8"))

    @cached_property
    def bands(self) -> list[bytes]:
        """One bucket per band: the band number and a hash of its rows. Two
        signatures sharing a bucket are candidate copies."""
        return [
            bytes([band])
            + hashlib.blake2b(
                self.values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8
            ).digest()
            for band in range(BANDS)
        ]

    def similarity(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))


# One set of permutations for every signature: building them per MinHash costs more
# than hashing a whole article.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=7)
_PERMUTATIONS = _TEMPLATE.permutations
_SCHEME = getattr(_TEMPLATE, "scheme", None)
_MIX = np.uint64(0x100000001B3)
_LOW32 = np.uint64(0xFFFFFFFF)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the text's word 5-shingles (each distinct shingle once).

    A shingle's hash folds the CRC-32 of its words, computed once per word with numpy
    instead of once per joined shingle string as datasketch's default SHA-1 over bytes
    would (measured: 3.5 ms -> 0.6 ms -> 0.35 ms per 700-word article).
    """
    words = _WORD.findall(text.lower())
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint64, len(words))
    count = len(hashes) - SHINGLE + 1
    if count < 1:  # shorter than one shingle: the words are the shingle
        count = 1
        hashes = np.concatenate([hashes, np.zeros(SHINGLE, np.uint64)])
    folded = hashes[:count].copy()
    for offset in range(1, SHINGLE):
        folded = (folded * _MIX + hashes[offset : offset + count]) & _LOW32
    return np.unique(folded)


def signature(text: str) -> Signature:
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(shingle_hashes(text).tolist())
    return Signature(np.array(minhash.hashvalues, dtype=np.uint64))
