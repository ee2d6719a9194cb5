"""Word tokens, comparison keys and the n-gram index that finds candidate pairs for reuse alignment.

Design
------
Every article is cut into words (:func:`analysis.units.word_spans`), each with its character span,
so whatever is found on words maps back to exact offsets in the article text. Each word gets a
*comparison key*: casefolded, accents stripped, curly quotes folded to straight ones, and spelling
variants mapped to one form (Defence/Defense, Turkiye/Türkiye/Turkey...). Keys are for comparison
only; the text itself is never changed.

Candidate pairs come from an inverted index of word n-grams (``k`` consecutive keys, hashed to
64-bit integers with a stable hash so every process agrees). Two articles become a candidate pair
when they share at least ``min_shared`` n-grams. A passage the aligner reports has at least
``min_words`` (8) matched words in runs of at least ``k`` (4) words, so it holds at least two
shared n-grams: with ``min_shared=2`` the index loses nothing the aligner would find, while the
cost grows with the number of *shared* n-grams rather than with the square of the corpus.
N-grams shared by more than ``max_df`` articles (stock phrases) are not used to pair articles;
each pair they would have produced is still found if the two articles share ``min_shared`` rarer
n-grams.

The stages are pure functions of their inputs (:func:`article_signatures` per partition of
articles, :func:`candidate_pairs` after grouping by n-gram hash) so they can run on Dask with the
same results as in process.
"""

from __future__ import annotations

import unicodedata
import zlib
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.units import word_spans

__all__ = ["SPELLING_VARIANTS", "article_signatures", "candidate_pairs", "tokenize", "word_key"]

SPELLING_VARIANTS: dict[str, str] = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "organisation": "organization",
    "organisations": "organizations",
    "labour": "labor",
    "favour": "favor",
    "honour": "honor",
    "neighbouring": "neighboring",
    "turkiye": "turkey",
    "turkiye's": "turkey's",
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """Return the comparison key of a word: casefolded, accents and quotes folded, variants mapped.

    Examples
    --------
    >>> [word_key(w) for w in ["Defence", "Türkiye’s", "Turkey's", "ARMY"]]
    ['defense', "turkey's", "turkey's", 'army']
    """
    folded = unicodedata.normalize("NFKD", word.casefold().translate(_QUOTES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    if folded in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[folded]
    if folded.endswith("'s") and folded[:-2] in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[folded[:-2]] + "'s"
    return folded


@lru_cache(maxsize=200_000)
def _key_hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) * 2654435761 + len(key)


def tokenize(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Return the word spans of ``text`` and their comparison keys.

    Examples
    --------
    >>> spans, keys = tokenize("The Defence Ministry’s view.")
    >>> keys
    ['the', 'defense', "ministry's", 'view']
    >>> spans[1]
    (4, 11)
    """
    spans = word_spans(text)
    return spans, [word_key(text[s:e]) for s, e in spans]


def ngram_hashes(keys: list[str], k: int) -> np.ndarray:
    """Stable 64-bit hashes of every run of ``k`` consecutive keys (empty if fewer words)."""
    if len(keys) < k:
        return np.empty(0, dtype=np.uint64)
    base = np.fromiter((_key_hash(key) for key in keys), dtype=np.uint64, count=len(keys))
    n = len(keys) - k + 1
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            out = out * _MIX + base[j : j + n]
    return out


def article_signatures(articles: pd.DataFrame, *, k: int = 4) -> pd.DataFrame:
    """Return the distinct word-``k``-gram hashes of each article (one partition of the corpus).

    Parameters
    ----------
    articles : pandas.DataFrame
        Index ``article_id``, column ``text`` (``Corpus.articles`` or any slice of it).
    k : int
        N-gram length in words.

    Returns
    -------
    pandas.DataFrame
        ``article_id, hash`` (uint64), one row per distinct n-gram of each article, sorted.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["a b c d e", "x b c d e"]}, index=["A", "B"])
    >>> sig = article_signatures(frame, k=4)
    >>> sig.groupby("article_id").size().to_dict()
    {'A': 2, 'B': 2}
    """
    _check_positive(k=k)
    ids, hashes = [], []
    for article_id, text in articles["text"].items():
        found = np.unique(ngram_hashes(tokenize(text)[1], k))
        ids.append(np.full(len(found), article_id, dtype=object))
        hashes.append(found)
    frame = pd.DataFrame(
        {
            "article_id": np.concatenate(ids) if ids else np.empty(0, dtype=object),
            "hash": np.concatenate(hashes) if hashes else np.empty(0, dtype=np.uint64),
        }
    )
    return frame.sort_values(["article_id", "hash"], ignore_index=True)


def candidate_pairs(
    signatures: pd.DataFrame, *, min_shared: int = 2, max_df: int = 500
) -> pd.DataFrame:
    """Return the article pairs that share at least ``min_shared`` n-grams.

    Parameters
    ----------
    signatures : pandas.DataFrame
        ``article_id, hash`` rows from :func:`article_signatures` (any partitioning, concatenated).
    min_shared : int
        Minimum number of distinct shared n-grams for a pair to be aligned.
    max_df : int
        N-grams found in more than this many articles do not pair articles (stock phrases).

    Returns
    -------
    pandas.DataFrame
        ``a, b, shared``: article ids with ``a < b`` and the number of n-grams they share, sorted.

    Examples
    --------
    >>> texts = ["a b c d e f", "a b c d e f", "q r s t u"]
    >>> frame = pd.DataFrame({"text": texts}, index=list("ABC"))
    >>> candidate_pairs(article_signatures(frame, k=4))
       a  b  shared
    0  A  B       3
    """
    _check_positive(min_shared=min_shared, max_df=max_df)
    empty = pd.DataFrame({"a": pd.Series(dtype=object), "b": pd.Series(dtype=object)})
    empty["shared"] = pd.Series(dtype="int64")
    if signatures.empty:
        return empty
    ids, codes = np.unique(signatures["article_id"].to_numpy(dtype=object), return_inverse=True)
    hashes = signatures["hash"].to_numpy(dtype=np.uint64)
    order = np.lexsort((codes, hashes))
    hashes, codes = hashes[order], codes[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    keep = (sizes > 1) & (sizes <= max_df)
    left, right = [], []
    for size in np.unique(sizes[keep]):
        group_starts = starts[keep & (sizes == size)]
        members = codes[group_starts[:, None] + np.arange(size)]
        i, j = np.triu_indices(size, 1)
        left.append(members[:, i].ravel())
        right.append(members[:, j].ravel())
    if not left:
        return empty
    pair_codes = np.concatenate(left).astype(np.int64) * len(ids) + np.concatenate(right)
    unique, counts = np.unique(pair_codes, return_counts=True)
    chosen = counts >= min_shared
    a, b = np.divmod(unique[chosen], len(ids))
    frame = pd.DataFrame({"a": ids[a], "b": ids[b], "shared": counts[chosen].astype("int64")})
    return frame.sort_values(["a", "b"], ignore_index=True)


def _check_positive(**values: int) -> None:
    for name, value in values.items():
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
