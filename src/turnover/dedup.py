"""Near-duplicate articles: the same story carried by several outlets.

Outlets re-publish agency copy with their own headline, byline and footer, so
exact hashes miss them. We compare sets of word shingles with MinHash: each
article gets a fixed-size signature whose agreement rate estimates the Jaccard
similarity of the shingle sets, and signatures are cut into bands so the store
can find candidates with an indexed equality lookup instead of comparing every
pair of articles.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable

import numpy as np

SHINGLE_WORDS = 5
"""Five-word shingles: long enough that unrelated trade stories rarely share them."""
NUM_HASHES = 128
BAND_ROWS = 4
"""32 bands of 4 rows: pairs with Jaccard 0.5 become candidates with probability > 0.87."""
NUM_BANDS = NUM_HASHES // BAND_ROWS
DUPLICATE_THRESHOLD = 0.5
"""Estimated Jaccard similarity from which two articles are the same story."""
MIN_WORDS = 40
"""Below this, shared boilerplate dominates; short texts are never called duplicates."""

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)
# Multiply-shift style hash family over 32-bit shingle hashes: (a * x + b) mod 2**32,
# with odd multipliers; computed for all 128 functions at once with numpy.
_RNG = np.random.default_rng(20250929)  # fixed: signatures are stored, they must not change
_A = (_RNG.integers(1, 2**32, NUM_HASHES, dtype=np.uint64) | np.uint64(1)).reshape(-1, 1)
_B = _RNG.integers(0, 2**32, NUM_HASHES, dtype=np.uint64).reshape(-1, 1)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and layout differences disappear."""
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The set of hashed ``size``-word windows of ``text`` (32-bit hashes)."""
    tokens = words(text)
    if len(tokens) < size:
        tokens = tokens + [""] * (size - len(tokens))
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(tokens[i : i + size]).encode(), digest_size=4).digest()
        )
        for i in range(len(tokens) - size + 1)
    }


def signature(text: str) -> tuple[int, ...] | None:
    """MinHash signature of ``text``, or None when it is too short to compare."""
    if len(words(text)) < MIN_WORDS:
        return None
    items = np.fromiter(shingles(text), dtype=np.uint64)
    hashed = (_A * items + _B) & _MASK32  # (NUM_HASHES, shingles); products fit in 64 bits
    return tuple(int(v) for v in hashed.min(axis=1))


def similarity(sig_a: Iterable[int], sig_b: Iterable[int]) -> float:
    """Estimated Jaccard similarity: the share of signature positions that agree."""
    pairs = list(zip(sig_a, sig_b, strict=True))
    return sum(1 for x, y in pairs if x == y) / len(pairs)


def bands(sig: tuple[int, ...]) -> list[tuple[int, str]]:
    """(band number, band hash) pairs; two signatures sharing one are candidates."""
    out = []
    for band in range(NUM_BANDS):
        chunk = sig[band * BAND_ROWS : (band + 1) * BAND_ROWS]
        digest = hashlib.blake2b(struct.pack(f"<{BAND_ROWS}Q", *chunk), digest_size=8)
        out.append((band, digest.hexdigest()))
    return out


def pack(sig: tuple[int, ...]) -> bytes:
    """Signature as a blob for the database."""
    return struct.pack(f"<{len(sig)}Q", *sig)


def unpack(blob: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(blob) // 8}Q", blob)
