"""Word keys and the n-gram index that finds the article pairs worth aligning.

Design
------
Every article is cut into words (the pattern of :func:`analysis.word_spans`); each word gets a
*comparison key*: casefolded, accents stripped, the apostrophe folded, spelling variants mapped to
one form (Defence/Defense, Turkiye/Türkiye/Turkey...: :mod:`analysis.lexicon.spelling`). Keys
are for comparison only; the text is never changed, and folding never moves a word boundary, so
keys line up with word spans.

Each distinct key gets one integer id in the process (:data:`VOCABULARY`): the aligner sees a text
as an array of ids, and what a key determines (its hash, its frame key) is an array look-up by id.
Runs of ``k`` keys (word n-grams) are hashed to 64-bit integers with a stable hash (CRC32 of each
key, mixed polynomially), so every process and every partition agrees. :func:`article_signatures`
lists each article's n-gram hashes (optionally with positions); grouping the rows by hash gives,
for every n-gram held by several articles, the pairs that share it (:func:`shared_ngrams`,
:func:`candidate_pairs`). With positions, shared n-grams at consecutive positions on one diagonal
are the aligner's anchors, and :func:`anchor_bounds` bounds the best passage a pair can hold, so
pairs that cannot reach ``min_words`` are never aligned. The work grows with the number of shared
n-gram occurrences, not with the square of the corpus. ``max_df`` ignores n-grams held more often
than that (stock phrases); :func:`analysis.find_reuse` uses every n-gram by default.

Memory: the links of an n-gram held by ``m`` articles grow with ``m**2`` (the stock phrases of a
wire corpus, and more so of its copies at 10x), so :func:`analysis.reuse.source_candidates` never
holds them all: the postings are kept as int32 article codes and positions
(:func:`_postings`), and the links are built, reduced to anchors and freed one block of targets
at a time (:class:`_TargetBlocks`, about ``_BLOCK_LINKS`` links a block). Most n-grams are held
by one article: the postings sort the hashes alone to find those held more often, and order
(by n-gram, then chronologically, then by position) only the rows that may hold one of them,
picked out by a table of the top bits of their hashes (:func:`_maybe_in`).

The stages are pure functions of their inputs: signatures per partition of articles, then the
pairs after grouping (shuffling) the signature rows by hash, give the same result as in process.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array

import numpy as np
import pandas as pd

from analysis.corpus.units import _WORD_RE, paragraph_spans
from analysis.lexicon.spelling import SPELLING_VARIANTS

__all__ = [
    "SPELLING_VARIANTS",
    "article_signatures",
    "candidate_pairs",
    "anchor_bounds",
    "ngram_hashes",
    "shared_ngrams",
    "tokenize",
    "word_key",
]

# Only the apostrophe the word pattern accepts inside words is folded, so that folding never moves
# a word boundary and the keys line up with analysis.word_spans.
_QUOTES = str.maketrans({"’": "'"})
_MIX = np.uint64(0x9E3779B97F4A7C15)
_KEYS: dict[str, str] = {}
#: Links per block of targets in :class:`_TargetBlocks` (the arrays of a block stay small enough
#: to be sorted in cache: half a million links sort four times faster per link than four million).
_BLOCK_LINKS = 1 << 19
_HASHES: dict[str, int] = {}
#: The word pattern for ASCII text: with ``re.ASCII`` the same matches (``\w`` of an ASCII
#: character is the same class, the combining marks are not ASCII), found faster.
_ASCII_WORD_RE = re.compile(_WORD_RE.pattern, re.ASCII)
#: The same in one capturing group, for :func:`split_matches`.
_ASCII_WORD_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})", re.ASCII)


def word_key(word: str) -> str:
    """Return the comparison key of a word: casefolded, accents and quotes folded, variants mapped.

    Examples
    --------
    >>> [word_key(w) for w in ["Defence", "Türkiye’s", "Turkey's", "ARMY"]]
    ['defense', "turkey's", "turkey's", 'army']
    """
    return _finish(word.casefold().translate(_QUOTES))


def _finish(folded: str) -> str:
    """Key of a word already lowercased and quote-folded (cached: words repeat a lot)."""
    key = _KEYS.get(folded)
    if key is None:
        key = _folded_key(folded)
        if len(_KEYS) < 1_000_000:
            _KEYS[folded] = key
    return key


def _folded_key(folded: str) -> str:
    key = folded
    if not key.isascii():
        key = unicodedata.normalize("NFKD", key.casefold())
        key = "".join(ch for ch in key if not unicodedata.combining(ch))
    if key in SPELLING_VARIANTS:
        key = SPELLING_VARIANTS[key]
    elif key.endswith("'s") and key[:-2] in SPELLING_VARIANTS:
        key = SPELLING_VARIANTS[key[:-2]] + "'s"
    return key


class _Vocabulary:
    """One integer id per distinct comparison key, for the whole process.

    The aligner and the n-gram indexes see a text as an ``array("i")`` of key ids (4 bytes a
    word): two words have the same id exactly when they have the same key, so equality, the
    alignment and difflib's matching blocks are those of the keys. What a key determines is
    computed once per key and kept in arrays indexed by id: its stable hash (:func:`_key_hash`)
    and its frame key (:func:`analysis.reuse.templates.frame_key`, as a key id), so the hashes of
    a corpus and its frame keys are array look-ups rather than a Python pass over every word.
    ``words`` maps a word as the tokenizer folds it to its key id (bounded like the other caches;
    the ids themselves are never dropped, so they stay unique). Ids depend on the order in which
    keys are first met, results never do: only the equality of ids is used.
    """

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.keys: list[str] = []
        self._hashes = np.empty(1 << 12, dtype=np.uint64)
        self._frames = np.empty(1 << 12, dtype=np.intc)
        self.words = _WordIds(self)
        self.id_of("#")

    def id_of(self, key: str) -> int:
        """The id of a key (a new one for a key not met before)."""
        found = self.ids.get(key)
        if found is not None:
            return found
        found = len(self.keys)
        self.ids[key] = found
        self.keys.append(key)
        if found == len(self._hashes):
            self._hashes = np.resize(self._hashes, 2 * found)
            self._frames = np.resize(self._frames, 2 * found)
        self._hashes[found] = _key_hash(key)
        self._frames[found] = found if not key[:1].isdigit() else self.id_of("#")
        return found

    @property
    def hashes(self) -> np.ndarray:
        """The hash of every key, by id."""
        return self._hashes[: len(self.keys)]

    @property
    def frames(self) -> np.ndarray:
        """The id of the frame key of every key, by id (``#`` for a number)."""
        return self._frames[: len(self.keys)]


class _WordIds(dict):
    """Folded word -> key id (see :class:`_Vocabulary`); a word not met before gets its key."""

    __slots__ = ("_vocabulary",)

    def __init__(self, vocabulary: _Vocabulary):
        super().__init__()
        self._vocabulary = vocabulary

    def __missing__(self, word: str) -> int:
        found = self._vocabulary.id_of(_folded_key(word))
        if len(self) < 1_000_000:
            self[word] = found
        return found


def key_ids(keys) -> array:
    """The vocabulary ids of a list of keys, as an ``array("i")``."""
    return array("i", map(VOCABULARY.id_of, keys))


def text_key_ids(text: str) -> tuple[array, list[int]]:
    """The key ids of the words of ``text``, paragraph by paragraph, and the index of the first
    word of each paragraph (plus the number of words): the keys of :func:`word_keys` of each
    paragraph. Lowercasing never shortens a text, so when it keeps the length of the whole text
    it keeps that of every paragraph, and each paragraph's folded text is a slice of the whole's
    (paragraphs are separated by white space, where lowercasing has no context to look at)."""
    ids = array("i")
    bounds: list[int] = []
    folded = _folded(text)
    word_ids = VOCABULARY.words.__getitem__
    findall = (_ASCII_WORD_RE if text.isascii() else _WORD_RE).findall
    for start, end in paragraph_spans(text):
        bounds.append(len(ids))
        if folded is not None:
            ids.extend(map(word_ids, findall(folded, start, end)))
        else:
            ids.extend(map(VOCABULARY.id_of, word_keys(text[start:end])))
    bounds.append(len(ids))
    return ids, bounds


def id_view(ids: array) -> np.ndarray:
    """The key ids of an ``array("i")`` as a numpy array (no copy)."""
    return np.frombuffer(ids, dtype=np.intc)


def split_matches(splitter: re.Pattern, text: str) -> tuple[list[str], np.ndarray]:
    """The matches of a pattern in ``text`` and their offsets ``[start0, end0, start1, end1,
    ...]`` (int64), for a pattern written in one capturing group that never matches an empty
    string: ``splitter.split`` gives the text between the matches and the matches alternately,
    in one call and without a match object each, and their lengths add up to the offsets.

    Examples
    --------
    >>> words, offsets = split_matches(re.compile(r"([a-z]+)"), "ab, cde f")
    >>> words, offsets.tolist()
    (['ab', 'cde', 'f'], [0, 2, 4, 7, 8, 9])
    """
    pieces = splitter.split(text)
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    return pieces[1::2], np.cumsum(lengths[:-1])


def ids_joined(arrays) -> np.ndarray:
    """The key ids of several ``array("i")`` one after the other, as one numpy array (read-only:
    their bytes joined in one call, not a view made for each array).

    Examples
    --------
    >>> from array import array
    >>> ids_joined([array("i", [3, 1]), array("i"), array("i", [2])]).tolist()
    [3, 1, 2]
    """
    return np.frombuffer(b"".join(arrays), dtype=np.intc)


def _folded(text: str) -> str | None:
    """The text lowercased with quotes folded, or None if that changes its length."""
    folded = text.lower().translate(_QUOTES)
    return folded if len(folded) == len(text) else None


def word_keys(text: str) -> list[str]:
    """Return the comparison keys of the words of ``text`` (as :func:`tokenize`, without spans)."""
    folded = _folded(text)
    if folded is None:
        return tokenize(text)[1]
    return [_finish(word) for word in _WORD_RE.findall(folded)]


def tokenize(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Return the word spans of ``text`` (as :func:`analysis.word_spans`) and their comparison keys.

    Examples
    --------
    >>> spans, keys = tokenize("The Defence Ministry’s view.")
    >>> keys
    ['the', 'defense', "ministry's", 'view']
    >>> spans[1]
    (4, 11)
    """
    folded = _folded(text)
    if folded is None:
        spans = [m.span() for m in _WORD_RE.finditer(text)]
        return spans, [word_key(text[s:e]) for s, e in spans]
    matches = list(_WORD_RE.finditer(folded))
    return [m.span() for m in matches], [_finish(m.group()) for m in matches]


def word_count(text: str) -> int:
    """The number of words of ``text``: ``len(tokenize(text)[0])``, without building their keys.

    Examples
    --------
    >>> word_count("The Defence Ministry’s view, in 2,021.5 words.")
    7
    """
    folded = _folded(text)
    return len(_WORD_RE.findall(text if folded is None else folded))


def _key_hash(key: str) -> int:
    value = _HASHES.get(key)
    if value is None:
        value = zlib.crc32(key.encode("utf-8")) * 2654435761 + len(key)
        if len(_HASHES) < 1_000_000:
            _HASHES[key] = value
    return value


#: The key ids of this process (see :class:`_Vocabulary`).
VOCABULARY = _Vocabulary()


def _rolling(base: np.ndarray, k: int) -> np.ndarray:
    n = len(base) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            out *= _MIX
            out += base[j : j + n]
    return out


def ngram_hashes(keys: list[str], k: int) -> np.ndarray:
    """Stable 64-bit hashes of every run of ``k`` consecutive keys (empty if fewer words).

    Examples
    --------
    >>> h = ngram_hashes(["a", "b", "c", "a", "b", "c"], 3)
    >>> bool(h[0] == h[3]), bool(h[0] == h[1])
    (True, False)
    """
    return _rolling(np.array([_key_hash(key) for key in keys], dtype=np.uint64), k)


def article_signatures(
    articles: pd.DataFrame, *, k: int = 4, positions: bool = False
) -> pd.DataFrame:
    """Return the word-``k``-gram hashes of each article (one partition of the corpus).

    Parameters
    ----------
    articles : pandas.DataFrame
        Index ``article_id``, column ``text`` (``Corpus.articles`` or any slice of it).
    k : int
        N-gram length in words.
    positions : bool
        False: one row per distinct n-gram of each article (enough to count shared n-grams).
        True: one row per occurrence, with its ``position`` (what the aligner's anchors need).

    Returns
    -------
    pandas.DataFrame
        ``article_id, hash`` (uint64) and, with ``positions``, ``position`` (int32, the index of
        the n-gram's first word); in article order, then by position (or hash). ``attrs["k"]``
        holds ``k``.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["a b c d e", "x b c d e"]}, index=["A", "B"])
    >>> article_signatures(frame, k=4).groupby("article_id").size().to_dict()
    {'A': 2, 'B': 2}
    >>> article_signatures(frame, k=4, positions=True)["position"].tolist()
    [0, 1, 0, 1]
    """
    _check_positive(k=k)
    return _signatures(
        articles.index.to_numpy(dtype=object),
        [key_ids(word_keys(text)) for text in articles["text"].tolist()],
        k,
        positions,
    )


def _signatures(
    ids: np.ndarray,
    id_arrays: list[array],
    k: int,
    positions: bool,
    *,
    codes: bool = False,
    hashes: np.ndarray | None = None,
):
    """The frame of :func:`article_signatures` from the key ids of each article
    (:func:`text_key_ids`); ``hashes`` is the hash of each key id (default: the key's own, the
    vocabulary's; the template search gives those of the frame keys). With ``codes``,
    ``article_id`` is categorical (a small integer per row instead of a reference to an id
    string: 4 bytes, and no factorizing in :func:`_postings`)."""
    table = VOCABULARY.hashes if hashes is None else hashes
    counts = np.array([len(a) for a in id_arrays], dtype=np.int64)
    words = table[ids_joined(id_arrays)]
    grams = _rolling(words, k)
    del words
    owner = np.repeat(np.arange(len(ids), dtype=np.int32), counts)[: len(grams)]
    position = (_ranges(counts)[: len(grams)]).astype(np.int32)
    inside = position + k <= counts[owner]
    owner, position, grams = owner[inside], position[inside], grams[inside]
    if not positions:
        order = np.lexsort((grams, owner))
        owner, grams = owner[order], grams[order]
        distinct = np.r_[True, (owner[1:] != owner[:-1]) | (grams[1:] != grams[:-1])]
        owner, grams = owner[distinct[: len(owner)]], grams[distinct[: len(grams)]]
    article = pd.Categorical.from_codes(owner, categories=ids) if codes else ids[owner]
    columns = {"article_id": article, "hash": grams}
    if positions:
        columns["position"] = position
    frame = pd.DataFrame(columns)
    frame.attrs["k"] = k
    return frame


def shared_ngrams(signatures: pd.DataFrame, *, max_df: int = 1000) -> pd.DataFrame:
    """Return every n-gram two articles share: one row per pair of occurrences.

    Parameters
    ----------
    signatures : pandas.DataFrame
        ``article_id, hash[, position]`` rows from :func:`article_signatures` (any partitioning;
        on Dask, shuffle on ``hash`` first: an n-gram's rows must be in one partition).
    max_df : int
        N-grams with more than this many occurrences in the corpus are left out (stock phrases).

    Returns
    -------
    pandas.DataFrame
        ``a, b`` (article ids, ``a < b``), and with positions ``a_position, b_position``; sorted.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["a b c d e", "x b c d e"]}, index=["A", "B"])
    >>> shared_ngrams(article_signatures(frame, k=4, positions=True))
       a  b  a_position  b_position
    0  A  B           1           1
    """
    _check_positive(max_df=max_df)
    ids, code_a, code_b, pos_a, pos_b = _hits(signatures, max_df)
    if pos_a is None:
        order = _order(code_a, code_b)
        return pd.DataFrame({"a": ids[code_a[order]], "b": ids[code_b[order]]})
    order = _order(code_a, code_b, pos_a, pos_b)
    return pd.DataFrame(
        {
            "a": ids[code_a[order]],
            "b": ids[code_b[order]],
            "a_position": pos_a[order],
            "b_position": pos_b[order],
        }
    )


def _order(*keys: np.ndarray, unique: bool = False) -> np.ndarray:
    """Stable order sorting by the first key, then the next... (a lexsort of integer keys).

    The keys are packed into one int64 when their ranges fit, which sorts much faster. With
    ``unique`` (no two rows have the same keys, so every sort gives the one order), the faster
    unstable sort is used.
    """
    packed = _packed(keys)
    if packed is None:
        return np.lexsort(keys[::-1])
    return np.argsort(packed) if unique else np.argsort(packed, kind="stable")


def _packed(keys) -> np.ndarray | None:
    """The keys packed into one int64 that sorts as they do, lexicographically (None when their
    ranges do not fit in 62 bits): each key less its minimum, in its own bits."""
    layout = _layout(keys)
    if layout is None:
        return None
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    for key, (low, bits) in zip(keys, layout, strict=True):
        packed <<= bits
        packed |= key.astype(np.int64) - low
    return packed


def _layout(keys) -> list[tuple[int, int]] | None:
    """The minimum and the number of bits of each key, or None when they need more than 62."""
    if len(keys[0]) == 0:
        return [(0, 0) for _ in keys]
    layout = [
        (int(key.min()), max(int(key.max()) - int(key.min()), 1).bit_length()) for key in keys
    ]
    return layout if sum(bits for _, bits in layout) <= 62 else None


def _sorted_keys(*keys: np.ndarray) -> tuple[np.ndarray, ...]:
    """The rows of the keys (int64) sorted by the first key, then the next...: their packed
    values are sorted and unpacked, which is much faster than sorting by a permutation."""
    layout = _layout(keys)
    if layout is None or len(keys[0]) == 0:
        order = _order(*keys)
        return tuple(key.astype(np.int64)[order] for key in keys)
    packed = _packed(keys)
    packed.sort()
    out = []
    for low, bits in layout[::-1]:
        out.append((packed & ((1 << bits) - 1)) + low)
        packed >>= bits
    return tuple(out[::-1])


def _hits(signatures: pd.DataFrame, max_df: int, rank: dict | None = None, link: str = "all"):
    """Article ids, and per shared n-gram occurrence pair the two codes and positions.

    Codes index the sorted ids; in each row ``code_a < code_b``, or, with ``rank`` (article id ->
    chronological order), ``a`` is the earlier article. ``link="all"`` pairs every two articles
    holding an n-gram (quadratic in its number of holders); ``link="nearest"`` (needs ``rank``)
    pairs each holder only with the nearest earlier one, so the pairs grow with the occurrences
    (the frames of :mod:`analysis.reuse.templates`, held by thousands of reports). Rows come
    unsorted.
    """
    ids, codes, positions, starts, sizes = _postings(signatures, max_df, rank, link)
    links = _nearest_links if link == "nearest" else _all_links
    left, right = links(codes, starts, sizes)
    codes = codes.astype(np.int64)
    if positions is None:
        return ids, codes[left], codes[right], None, None
    positions = positions.astype(np.int64)
    return ids, codes[left], codes[right], positions[left], positions[right]


def _postings(signatures: pd.DataFrame, max_df: int, rank: dict | None, link: str):
    """The sorted ids, and the rows of every n-gram held by 2 to ``max_df`` rows: their article
    codes (int32, indexes of the ids) and positions (int32, None without positions), by n-gram,
    then chronologically with ``rank`` (else by code), then by position; ``starts`` and ``sizes``
    of each n-gram's rows. The hashes and the other rows are not kept (memory)."""
    ids, codes = _article_codes(signatures["article_id"])
    order_key = codes
    if rank is not None:
        order_key = np.array([rank[i] for i in ids], dtype=np.int64)[codes]
    elif link != "all":
        raise ValueError("link='nearest' needs the chronological rank of the articles")
    hashes = signatures["hash"].to_numpy(dtype=np.uint64)
    positions = (
        signatures["position"].to_numpy(dtype=np.int32)
        if "position" in signatures.columns
        else None
    )
    # Most n-grams are held once: the hashes of those held by 2 to max_df rows are found by
    # sorting the hashes alone, and only the rows that may hold one of them (every row of such
    # an n-gram, and a few others: see _maybe_in) are ordered, by n-gram, then chronologically,
    # then by position, and grouped; the n-grams of 2 to max_df rows among them are the same.
    ordered = np.sort(hashes)
    firsts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])[: len(ordered)]
    sizes = np.diff(np.r_[firsts, len(ordered)])
    rows = _maybe_in(hashes, ordered[firsts[(sizes > 1) & (sizes <= max_df)]])
    del ordered, firsts, sizes
    order_key = order_key[rows]
    order = _order(order_key) if positions is None else _order(order_key, positions[rows])
    del order_key
    rows = rows[order[np.argsort(hashes[rows[order]], kind="stable")]]
    del order
    hashes = hashes[rows]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])[: len(hashes)]
    sizes = np.diff(np.r_[starts, len(hashes)])
    del hashes
    keep = (sizes > 1) & (sizes <= max_df)
    starts, sizes = starts[keep], sizes[keep]
    rows = rows[np.repeat(starts, sizes) + _ranges(sizes)]
    starts = np.cumsum(sizes) - sizes
    codes = codes[rows]
    if positions is not None:
        positions = positions[rows]
    return ids, codes, positions, starts, sizes


def _article_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The distinct article ids, sorted, and the code (index in them) of each row.

    A categorical column (what :func:`analysis.find_reuse` builds: a code per row instead of a
    reference to an id) is read by its codes; any other is factorized.
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        factor, uniques = column.cat.codes.to_numpy(), column.cat.categories.to_numpy(dtype=object)
    else:
        factor, uniques = pd.factorize(column.to_numpy(dtype=object))
    by_id = np.argsort(np.asarray(uniques).astype(str), kind="stable")
    ids = np.asarray(uniques, dtype=object)[by_id]
    remap = np.empty(len(by_id), dtype=np.int32)
    remap[by_id] = np.arange(len(by_id))
    return ids, remap[factor]


class _TargetBlocks:
    """The links of :func:`_all_links` or :func:`_nearest_links` as ``(left, right)`` row arrays,
    in blocks of consecutive target codes (the code of ``right``, always the later article), each
    of about ``_BLOCK_LINKS`` links, and at least ``parts`` blocks when there are that many
    targets: what one block of targets needs is built (:meth:`links`), used and freed before the
    next (the links of an n-gram held by many articles grow with its square), and blocks can be
    shared out between processes."""

    def __init__(
        self, codes: np.ndarray, starts: np.ndarray, sizes: np.ndarray, link: str, parts: int = 1
    ):
        self.codes, self.link = codes, link
        self.bounds: list[int] = []
        if len(codes) == 0:
            return
        width = int(codes.max()) + 1
        if link == "nearest":
            self.left, self.right = _nearest_links(codes, starts, sizes)
            target = codes[self.right]
            per_target = np.bincount(target, minlength=width)
        else:
            self.first = np.repeat(starts, sizes).astype(np.int32)
            self.earlier = np.arange(len(codes), dtype=np.int32) - self.first
            target = codes
            per_target = np.bincount(codes, weights=self.earlier, minlength=width)
        # Rows (of the links, or of the postings) grouped by target code, so that a block's
        # rows are a slice rather than a scan of every row for each block.
        self.by_target = np.argsort(target, kind="stable").astype(np.int32)
        self.target_starts = np.searchsorted(target[self.by_target], np.arange(width + 1))
        total = np.cumsum(per_target)
        step = max(min(_BLOCK_LINKS, int(total[-1]) // max(parts, 1)), 1)
        cuts = np.searchsorted(total, np.arange(step, total[-1], step))
        self.bounds = sorted({0, width, *(cuts + 1).tolist()})

    def __len__(self) -> int:
        return max(len(self.bounds) - 1, 0)

    def links(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        """The links of the targets of block ``number``."""
        c0, c1 = self.bounds[number], self.bounds[number + 1]
        codes = self.codes
        chosen = np.sort(self.by_target[self.target_starts[c0] : self.target_starts[c1]])
        if self.link == "nearest":
            return self.left[chosen], self.right[chosen]
        chosen = chosen[self.earlier[chosen] > 0]
        counts = self.earlier[chosen]
        block_right = np.repeat(chosen, counts)
        block_left = np.repeat(self.first[chosen], counts) + _ranges(counts)
        distinct = codes[block_left] != codes[block_right]
        return block_left[distinct], block_right[distinct]


def _all_links(codes: np.ndarray, starts: np.ndarray, sizes: np.ndarray):
    """Every two rows of a group (``starts``, ``sizes``) that belong to two articles."""
    lefts, rights = [], []
    for size in np.unique(sizes):
        rows = starts[sizes == size][:, None] + np.arange(size)
        i, j = np.triu_indices(size, 1)
        left, right = rows[:, i].ravel(), rows[:, j].ravel()
        distinct = codes[left] != codes[right]
        lefts.append(left[distinct])
        rights.append(right[distinct])
    left = np.concatenate(lefts) if lefts else np.empty(0, dtype=np.int64)
    right = np.concatenate(rights) if rights else np.empty(0, dtype=np.int64)
    return left, right


def _nearest_links(codes: np.ndarray, starts: np.ndarray, sizes: np.ndarray):
    """Within each group (rows in chronological order, then by position), the i-th row of an
    article with the i-th row of the nearest earlier article in the group, when it has one (an
    n-gram repeated in a table pairs occurrence by occurrence, not every one with every one)."""
    rows = np.repeat(starts, sizes) + _ranges(sizes)
    if len(rows) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    group = np.repeat(np.arange(len(starts)), sizes)
    new_run = np.r_[True, (group[1:] != group[:-1]) | (codes[rows[1:]] != codes[rows[:-1]])]
    run_first = np.flatnonzero(new_run)
    run_len = np.diff(np.r_[run_first, len(rows)])
    run_of = np.cumsum(new_run) - 1
    first_run_of_group = np.searchsorted(group[run_first], np.arange(len(starts)))
    ordinal = np.arange(len(rows)) - run_first[run_of]
    mine = run_of > first_run_of_group[group]
    mine &= ordinal < run_len[np.maximum(run_of - 1, 0)]
    mine = np.flatnonzero(mine)
    left = run_first[run_of[mine] - 1] + ordinal[mine]
    return rows[left], rows[mine]


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of an array, sorted: ``np.unique(values)`` by a sort (numpy 2's
    ``np.unique`` finds them with a hash table, over ten times slower on millions of integers).

    Examples
    --------
    >>> _distinct(np.array([5, 3, 5, 1, 3]))
    array([1, 3, 5])
    """
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def _members(values: np.ndarray, distinct: np.ndarray) -> np.ndarray:
    """Which ``values`` are in ``distinct`` (sorted, no repeats): ``np.isin`` by bisection.

    Examples
    --------
    >>> _members(np.array([4, 1, 9, 4, 0]), np.array([1, 4, 7]))
    array([ True,  True, False,  True, False])
    """
    if len(distinct) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(distinct, values)
    at[at == len(distinct)] = 0
    return distinct[at] == values


def _maybe_in(values: np.ndarray, distinct: np.ndarray) -> np.ndarray:
    """The indexes, in order, of the ``values`` (uint64 hashes) whose top bits are those of one of
    the ``distinct`` values: every value equal to one of them, and a few others (a table of
    about 16 slots for each distinct value, one look-up a value; bisecting millions of values in
    random order would miss the cache at every step).

    Examples
    --------
    >>> values = np.array([9, 4, 7, 4, 2**63], dtype=np.uint64)
    >>> _maybe_in(values, np.array([2**63], dtype=np.uint64))
    array([4])
    >>> _maybe_in(values, np.array([4], dtype=np.uint64))
    array([0, 1, 2, 3])
    """
    bits = min(max((16 * len(distinct)).bit_length(), 8), 30)
    shift = np.uint64(64 - bits)
    table = np.zeros(1 << bits, dtype=bool)
    table[distinct >> shift] = True
    return np.flatnonzero(table[values >> shift])


def _ranges(counts: np.ndarray) -> np.ndarray:
    """``0 .. c-1`` for each count ``c``, concatenated."""
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    ends = np.cumsum(counts)
    return np.arange(total) - np.repeat(ends - counts, counts)


def _runs(pair: np.ndarray, diagonal: np.ndarray, position: np.ndarray, k: int):
    """Maximal runs of consecutive shared n-grams on one diagonal, sorted by pair, then position.

    Returns ``(run_pair, run_position, run_words)``: the run's pair, the position of its first
    word (on the ``position`` side) and its length in words.
    """
    # One link per (pair, diagonal, position): an n-gram occurrence of each article.
    pair, diagonal, position = _sorted_keys(pair, diagonal, position)
    new_run = np.r_[
        True,
        (pair[1:] != pair[:-1])
        | (diagonal[1:] != diagonal[:-1])
        | (position[1:] != position[:-1] + 1),
    ][: len(pair)]
    first = np.flatnonzero(new_run)
    run_pair, run_diagonal, run_position = pair[first], diagonal[first], position[first]
    run_words = np.diff(np.r_[first, len(pair)]) + k - 1
    order = _order(run_pair, run_position, run_diagonal, unique=True)
    return run_pair[order], run_position[order], run_diagonal[order], run_words[order]


def anchor_bounds(
    pair: np.ndarray,
    diagonal: np.ndarray,
    position: np.ndarray,
    k: int,
    max_gap: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Bound, per pair, the score of the best passage the aligner can find in it.

    Shared n-grams at consecutive positions on one diagonal (same offset between the two articles)
    form a run of ``g + k - 1`` equal words: an anchor of the aligner. A passage chains anchors
    that are at most ``max_gap`` words apart, and scores at most the words of its anchors. So the
    runs are grouped, in ``position`` order, into clusters broken wherever a run starts more than
    ``max_gap`` words after the furthest end so far; the largest cluster's words bound the score
    (without ``max_gap``: the words of all runs).

    Parameters
    ----------
    pair, diagonal, position : numpy.ndarray
        One entry per shared n-gram occurrence: a pair code, the offset between the two
        positions, and the position in one of the two articles.
    k : int
        N-gram length.
    max_gap : int, optional
        The aligner's ``max_gap``.

    Returns
    -------
    (pairs, bound) : tuple of numpy.ndarray
        The distinct pair codes (sorted) and their bounds.

    Examples
    --------
    >>> pair = np.array([7, 7, 7, 7])
    >>> position = np.array([0, 1, 2, 40])
    >>> anchor_bounds(pair, np.zeros(4, dtype=int), position, 4)
    (array([7]), array([10]))
    >>> anchor_bounds(pair, np.zeros(4, dtype=int), position, 4, max_gap=8)
    (array([7]), array([6]))
    """
    if len(pair) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    run_pair, run_start, _, run_words = _runs(pair, diagonal, position, k)
    return _cluster_bounds(run_pair, run_start, run_words, max_gap)


def _cluster_bounds(run_pair, run_start, run_words, max_gap):
    if len(run_pair) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    if max_gap is not None:
        pair_index = np.cumsum(np.r_[True, run_pair[1:] != run_pair[:-1]])
        span = int(run_start.max() + run_words.max()) + max_gap + 2
        reach = np.maximum.accumulate(pair_index * span + run_start + run_words) - pair_index * span
        new_cluster = np.r_[
            True,
            (run_pair[1:] != run_pair[:-1]) | (run_start[1:] > reach[:-1] + max_gap),
        ]
        cluster_first = np.flatnonzero(new_cluster)
        run_words = np.add.reduceat(run_words, cluster_first)
        run_pair = run_pair[cluster_first]
        firsts = np.flatnonzero(np.r_[True, run_pair[1:] != run_pair[:-1]])
        return run_pair[firsts], np.maximum.reduceat(run_words, firsts)
    firsts = np.flatnonzero(np.r_[True, run_pair[1:] != run_pair[:-1]])
    return run_pair[firsts], np.add.reduceat(run_words, firsts)


def _chain_bounds(run_pair, run_target, run_source, run_words, max_gap):
    """A tighter bound than :func:`_cluster_bounds` of the best chain of each pair's anchors.

    The anchors of one chain never overlap, on either side (each starts at or after the end of
    the one before it), and follow each other at most ``max_gap`` words apart on both sides: a
    chain scores at most the words its cluster's anchors cover on the target side (overlaps
    counted once), and at most the same on the source side, clustered by source word. Anchors
    scattered across the diagonals of repeated phrases (tables, "cts a share, vs") add up to
    ``min_words`` in :func:`_cluster_bounds` without covering that many words, and such pairs
    would be aligned for nothing.

    ``run_pair`` (sorted) and ``run_target`` (sorted within a pair) give the anchors in the order
    of :func:`_runs`; returns the distinct pairs (sorted) and the smaller of the two bounds.
    """
    if len(run_pair) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    pairs, by_target = _covered_bounds(run_pair, run_target, run_words, max_gap)
    order = _order(run_pair, run_source)
    _, by_source = _covered_bounds(run_pair[order], run_source[order], run_words[order], max_gap)
    return pairs, np.minimum(by_target, by_source)


def _covered_bounds(run_pair, run_start, run_words, max_gap):
    """Per pair, the most words the runs of one of its clusters cover (runs sorted by pair,
    then start; clusters as in :func:`_cluster_bounds`)."""
    new_pair = np.r_[True, run_pair[1:] != run_pair[:-1]]
    pair_index = np.cumsum(new_pair)
    span = int(run_start.max() + run_words.max()) + max_gap + 2
    end = run_start + run_words
    reach = np.maximum.accumulate(pair_index * span + end) - pair_index * span
    # The furthest end of the earlier runs of the pair (none for a pair's first run).
    before = np.where(new_pair, run_start, np.r_[0, reach[:-1]])
    covered = np.maximum(end - np.maximum(run_start, before), 0)
    new_cluster = new_pair | (run_start > before + max_gap)
    cluster_first = np.flatnonzero(new_cluster)
    words = np.add.reduceat(covered, cluster_first)
    cluster_pair = run_pair[cluster_first]
    firsts = np.flatnonzero(np.r_[True, cluster_pair[1:] != cluster_pair[:-1]])
    return cluster_pair[firsts], np.maximum.reduceat(words, firsts)


def candidate_pairs(
    signatures: pd.DataFrame,
    *,
    min_shared: int = 2,
    max_df: int = 1000,
    min_words: int | None = None,
) -> pd.DataFrame:
    """Return the article pairs that share at least ``min_shared`` n-grams.

    Parameters
    ----------
    signatures : pandas.DataFrame
        Rows from :func:`article_signatures` (any partitioning, concatenated).
    min_shared : int
        Minimum number of shared n-grams (distinct n-grams, or occurrences with positions).
    max_df : int
        N-grams with more than this many occurrences do not pair articles (stock phrases).
    min_words : int, optional
        With positions only: also require the pair's anchors (runs of shared n-grams on one
        diagonal, see :func:`anchor_bounds`) to add up to ``min_words`` words, the smallest passage
        the aligner reports. ``attrs["k"]`` of the signatures gives the n-gram length.

    Returns
    -------
    pandas.DataFrame
        ``a, b`` (article ids, ``a < b``) and ``shared``, plus ``bound`` (anchor words) with
        positions; sorted by ``a, b``.

    Examples
    --------
    >>> texts = ["a b c d e f g h i j k", "z a b c d e f g h i j k", "q r s t u"]
    >>> frame = pd.DataFrame({"text": texts}, index=list("ABC"))
    >>> candidate_pairs(article_signatures(frame, k=4))
       a  b  shared
    0  A  B       8
    >>> candidate_pairs(article_signatures(frame, k=4, positions=True), min_words=10)
       a  b  shared  bound
    0  A  B       8     11
    """
    _check_positive(min_shared=min_shared, max_df=max_df)
    if min_words is not None:
        _check_positive(min_words=min_words)
    ids, code_a, code_b, pos_a, pos_b = _hits(signatures, max_df)
    pair = code_a * max(len(ids), 1) + code_b
    unique, shared = np.unique(pair, return_counts=True)
    frame = pd.DataFrame({"pair": unique, "shared": shared.astype("int64")})
    if pos_a is not None:
        _, bound = anchor_bounds(pair, pos_a - pos_b, pos_b, int(signatures.attrs.get("k", 4)))
        frame["bound"] = bound.astype("int64")
    elif min_words is not None:
        raise ValueError(
            "min_words needs signatures with positions (article_signatures(..., positions=True))"
        )
    chosen = frame["shared"] >= min_shared
    if min_words is not None:
        chosen &= frame["bound"] >= min_words
    frame = frame[chosen]
    a, b = np.divmod(frame.pop("pair").to_numpy(), max(len(ids), 1))
    frame.insert(0, "b", ids[b] if len(ids) else np.empty(0, dtype=object))
    frame.insert(0, "a", ids[a] if len(ids) else np.empty(0, dtype=object))
    return frame.astype({"a": object, "b": object}).reset_index(drop=True)


def _check_positive(**values: int) -> None:
    for name, value in values.items():
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
