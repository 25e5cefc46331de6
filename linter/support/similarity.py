"""Explainable text similarity: word shingles, containment, and MinHash
signatures (estimates of the Jaccard similarity) with banding, for finding
near-duplicates among many paragraphs without comparing every pair.

Shingle hashes are CRC-32 of the words, so they are the same in every
process (Python's own ``hash`` of a string is not), which lets worker
processes and later runs agree.
"""

from __future__ import annotations

import re
import zlib
from array import array
from operator import eq

from linter.support.textnorm import normalize

# A word: letters and digits ([^\W_]), with an apostrophe and letters
# ([^\W\d_]) after it. Python's re, faster than regex at this simple
# pattern run over every paragraph.
_WORD = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?")

SIGNATURE_BINS = 16
BAND_ROWS = 2
_EMPTY = 0xFFFFFFFF
_NO_BINS = array("I", [_EMPTY] * SIGNATURE_BINS).tobytes()
# An empty bin's bytes. A filled bin holds a hash divided by the number of
# bins, so its most significant byte is at most 0x0F: four 0xFF bytes in a
# row, wherever they start, are an empty bin (in either byte order).
_EMPTY_BYTES = EMPTY_BIN = b"\xff\xff\xff\xff"
_BAND_INDEX = [bytes((index,)) for index in range(SIGNATURE_BINS)]  # a band key's first byte


def words(text: str, normalized: bool = False) -> list[str]:
    """The words of ``text`` with case, quote style and punctuation folded
    (``normalized``: the text has been through ``normalize`` already)."""
    return _WORD.findall(text if normalized else normalize(text))  # normalize writes every apostrophe as '


def shingles(text: str, size: int, normalized: bool = False) -> frozenset[int]:
    """Hashes of every run of ``size`` consecutive words (the whole text
    when it is shorter)."""
    tokens = words(text, normalized)
    if len(tokens) <= size:
        return frozenset([zlib.crc32(" ".join(tokens).encode())]) if tokens else frozenset()
    return frozenset(zlib.crc32(" ".join(tokens[i : i + size]).encode()) for i in range(len(tokens) - size + 1))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """How much of the smaller set lies in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def signature(hashes: frozenset[int]) -> bytes:
    """A one-permutation MinHash signature: each shingle hash falls in one
    of SIGNATURE_BINS bins by its low bits, and each bin keeps its least
    value. Two texts agree in a bin with probability about their Jaccard
    similarity."""
    bins = [_EMPTY] * SIGNATURE_BINS
    for value in hashes:
        slot = value % SIGNATURE_BINS
        rest = value // SIGNATURE_BINS
        if rest < bins[slot]:
            bins[slot] = rest
    return array("I", bins).tobytes()


def estimate(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity from two signatures: the share of bins,
    among those either text filled, where the two agree. Called for every
    candidate pair of a run, so the bins are read in place."""
    if a == b:
        return 0.0 if a == _NO_BINS else 1.0
    if _EMPTY_BYTES not in a or _EMPTY_BYTES not in b:  # one text filled every bin: all are used
        bins = memoryview(a).cast("I")
        return sum(map(eq, bins, memoryview(b).cast("I"))) / len(bins)
    used = agreed = 0
    for x, y in zip(memoryview(a).cast("I"), memoryview(b).cast("I")):
        if x != _EMPTY or y != _EMPTY:
            used += 1
            agreed += x == y
    return agreed / used if used else 0.0


def band_positions(rows: int = BAND_ROWS) -> list[tuple[bytes, slice]]:
    """Where each of ``bands``' keys is cut from a signature: the key's first
    byte and the slice of the signature that follows it."""
    width = 4 * rows
    return [(_BAND_INDEX[index], slice(start, start + width)) for index, start in enumerate(range(0, 4 * SIGNATURE_BINS, width))]


def bands(sig: bytes, rows: int = BAND_ROWS) -> list[bytes]:
    """Band keys of a signature (of ``rows`` bins each): texts that share a
    key are candidates. Bands with an empty bin are left out (too short to
    say)."""
    width = 4 * rows
    cuts = [sig[start : start + width] for start in range(0, len(sig), width)]
    return [_BAND_INDEX[index] + band for index, band in enumerate(cuts) if _EMPTY_BYTES not in band]
