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
_MASK = (1 << 61) - 1  # a Mersenne prime modulus for the universal hash family
_SALTS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) % _MASK | 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()) % _MASK,
    )
    for i in range(NUM_HASHES)
]


def words(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and layout differences disappear."""
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The set of hashed ``size``-word windows of ``text``."""
    tokens = words(text)
    if len(tokens) < size:
        tokens = tokens + [""] * (size - len(tokens))
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(tokens[i : i + size]).encode(), digest_size=8).digest()
        )
        for i in range(len(tokens) - size + 1)
    }


def signature(text: str) -> tuple[int, ...] | None:
    """MinHash signature of ``text``, or None when it is too short to compare."""
    if len(words(text)) < MIN_WORDS:
        return None
    items = shingles(text)
    return tuple(min((a * x + b) % _MASK for x in items) for a, b in _SALTS)


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
