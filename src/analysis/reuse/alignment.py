"""The alignment of two texts: the exact passages the later one shares with the earlier one.

Design
------
**Alignment** (:func:`align_pair`): words are compared by *keys* (casefolded, accents and the
apostrophe folded, spelling variants mapped: Defence/Defense, Turkey/Türkiye). Anchors are
chained in order on both sides, in the manner of a local alignment: an anchor joins the chain
when the words skipped on either side (at most ``max_gap``) cost less than the words it adds
(its possible predecessors, the anchors ending at most ``max_gap`` words before it, are found by
bisection, so the search grows with a pair's anchors rather than with their square).
So a changed word, a dropped or inserted word, a year added to a date or a paragraph split in
two keep one passage, while a phrase shared by chance a few words away never extends it. A
tail (head) too short to anchor, between the passage and its paragraph's end (start), joins
the passage when its words are more alike than not. The best chain becomes a passage, anchors
overlapping it on either side are dropped, and the search repeats: passages of a pair never
overlap. A passage runs from its first to its last matched word, extended only over
punctuation that is the same on both sides: spans are exact to the character, with no word of
context more or less. Reordered paragraphs, or paragraphs interleaved with new text, give one
passage per contiguous piece; the new text is not reuse.

**Kinds**: ``verbatim`` when both spans are identical up to line wrapping; ``edited``
otherwise, with ``edits`` listing the changes (``Defence->Defense``, ``+2021``, ``-word``,
``old->new``, ``+¶`` for a paragraph split, ``punctuation`` for quotes or commas);
``similarity`` is the Dice share of equal words, ``n_words`` the words of the target span.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain

from analysis.corpus.units import BLANK_LINES_RE, word_spans
from analysis.options import ReuseOptions
from analysis.reuse.index import (
    _ASCII_WORD_SPLIT_RE,
    VOCABULARY,
    _rolling,
    id_view,
    split_matches,
    text_key_ids,
)
from analysis.reuse.paraphrase import ArticleStems, paraphrases

__all__ = ["align", "align_pair", "prepare", "prepare_text"]

_WHITESPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def prepare(text: str):
    """A text made ready to align (cached): see :func:`prepare_text`."""
    return prepare_text(text)


def prepare_text(text: str):
    """Lazy word spans, word key ids (an ``array("i")`` of :data:`~analysis.reuse.index.VOCABULARY`
    ids: equal ids, equal keys), the word index at which each paragraph starts (plus the number
    of words), and the lazy content stems of the paraphrase search. The spans and stems are only
    computed for articles in which a passage is found."""
    keys, bounds = text_key_ids(text)
    return _Spans(text), keys, bounds, _Lazy(ArticleStems, text)


class _Lazy:
    """``make(text)``, computed on first use (``lazy()``)."""

    __slots__ = ("_make", "_text", "_value")

    def __init__(self, make, text: str):
        self._make, self._text, self._value = make, text, None

    def __call__(self):
        if self._value is None:
            self._value = self._make(self._text)
        return self._value


class _Spans:
    """The word spans of a text, computed on first use and kept as one array of offsets (16
    bytes a word, not a tuple of two integers): ``spans[i]`` is ``(start, end)``, a slice is a
    list of them."""

    __slots__ = ("_offsets", "_text")

    def __init__(self, text: str):
        self._text, self._offsets = text, None

    def __getitem__(self, index):
        if self._offsets is None:
            text = self._text
            if text.isascii():
                self._offsets = array("q", split_matches(_ASCII_WORD_SPLIT_RE, text)[1].tobytes())
            else:
                self._offsets = array("q", chain.from_iterable(word_spans(text)))
        offsets = self._offsets
        if isinstance(index, slice):
            start, stop, _ = index.indices(len(offsets) // 2)
            part = offsets[2 * start : 2 * stop]
            return list(zip(part[::2], part[1::2], strict=True))
        return offsets[2 * index], offsets[2 * index + 1]


def _anchors(src_keys: array, tgt_keys: array, k: int) -> list[tuple[int, int, int]]:
    """Maximal runs ``(source_word, target_word, length)`` of equal keys (given as key ids), at
    least ``k`` long."""
    src_index: dict[int, list[int]] = {}
    for position, value in enumerate(_id_hashes(src_keys, k).tolist()):
        src_index.setdefault(value, []).append(position)
    hits = set()
    for j, value in enumerate(_id_hashes(tgt_keys, k).tolist()):
        for i in src_index.get(value, ()):
            hits.add((i - j, j))
    runs = []
    for diagonal, j in sorted(hits):
        if (diagonal, j - 1) not in hits:
            end = j
            while (diagonal, end + 1) in hits:
                end += 1
            runs.append((diagonal + j, j, end - j + k))
    return runs


def _id_hashes(keys: array, k: int):
    """The n-gram hashes of key ids, as :func:`~analysis.reuse.index.ngram_hashes` of the keys."""
    return _rolling(VOCABULARY.hashes[id_view(keys)], k)


def _verified(anchors, src_keys, tgt_keys) -> list[tuple[int, int, int]]:
    """The anchors whose words really are equal (n-gram hashes can collide)."""
    return [(i, j, n) for i, j, n in anchors if src_keys[i : i + n] == tgt_keys[j : j + n]]


def _best_chain(anchors: list[tuple[int, int, int]], max_gap: int) -> tuple[float, list[int]]:
    """The best chain of anchors: each anchor's score is its length plus the best score of an
    anchor ending at most ``max_gap`` words before it on both sides, less the words skipped.

    An anchor ending before another's start on the target side comes before it in the order
    (target word, then source word), so the predecessors of an anchor are the anchors whose
    target end lies in the ``max_gap + 1`` words up to its start: they are found by bisection in
    the anchors sorted by target end and tried in the order, the first best kept (the result of
    trying every earlier anchor, without the square of their number).
    """
    order = sorted(range(len(anchors)), key=lambda n: (anchors[n][1], anchors[n][0]))
    rank = [0] * len(anchors)
    for position, n in enumerate(order):
        rank[n] = position
    by_end = sorted(range(len(anchors)), key=lambda n: anchors[n][1] + anchors[n][2])
    ends = [anchors[n][1] + anchors[n][2] for n in by_end]
    score = [0.0] * len(anchors)
    back: list[int | None] = [None] * len(anchors)
    for n in order:
        i, j, length = anchors[n]
        best, parent = 0.0, None
        lo, hi = bisect_left(ends, j - max_gap), bisect_right(ends, j)
        window = by_end[lo:hi]
        if len(window) > 1:
            window.sort(key=rank.__getitem__)
        for m in window:
            pi, pj, plen = anchors[m]
            gap_src = i - (pi + plen)
            if 0 <= gap_src <= max_gap:
                value = score[m] - max(gap_src, j - (pj + plen))
                if value > best:
                    best, parent = value, m
        score[n], back[n] = length + best, parent
    end = max(order, key=lambda n: (score[n], -anchors[n][1], -anchors[n][0]))
    chain = [end]
    while back[chain[-1]] is not None:
        chain.append(back[chain[-1]])
    return score[end], chain[::-1]


def _complete_paragraphs(src, tgt, w0, w1, v0, v1, reach):
    """Extend a passage to the end (start) of its paragraphs when the few words left there (too
    few to anchor) are more alike than not, e.g. around a year added to a date."""
    src_keys, tgt_keys = src[1], tgt[1]
    src_end, tgt_end = _paragraph_end(src[2], w1 - 1), _paragraph_end(tgt[2], v1 - 1)
    a, b = src_keys[w1:src_end], tgt_keys[v1:tgt_end]
    if _mostly_same(a, b, reach):
        w1, v1 = src_end, tgt_end
    src_start, tgt_start = _paragraph_start(src[2], w0), _paragraph_start(tgt[2], v0)
    if _mostly_same(src_keys[src_start:w0], tgt_keys[tgt_start:v0], reach):
        w0, v0 = src_start, tgt_start
    return w0, w1, v0, v1


def _paragraph_start(bounds: list[int], word: int) -> int:
    return bounds[bisect_right(bounds, word) - 1]


def _paragraph_end(bounds: list[int], word: int) -> int:
    return bounds[bisect_right(bounds, word)]


def _mostly_same(a: list[str], b: list[str], reach: int) -> bool:
    if not a or not b or len(a) > reach or len(b) > reach:
        return False
    if a == b:
        # difflib's blocks of two equal sequences: all of it.
        return True
    same = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return same > max(len(a), len(b)) - same


def _extend_punctuation(src_text, tgt_text, s0, s1, t0, t1):
    def same(a: str, b: str) -> bool:
        return a == b or (_fold(a) == _fold(b))

    while (
        s0 > 0
        and t0 > 0
        and not src_text[s0 - 1].isspace()
        and not src_text[s0 - 1].isalnum()
        and same(src_text[s0 - 1], tgt_text[t0 - 1])
    ):
        s0, t0 = s0 - 1, t0 - 1
    while (
        s1 < len(src_text)
        and t1 < len(tgt_text)
        and not src_text[s1].isspace()
        and not src_text[s1].isalnum()
        and same(src_text[s1], tgt_text[t1])
    ):
        s1, t1 = s1 + 1, t1 + 1
    return s0, s1, t0, t1


def _fold(ch: str) -> str:
    return {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}.get(ch, ch)


def _describe(src_text, tgt_text, src_words, tgt_words, src_keys, tgt_keys):
    """Return (similarity, edits) for an aligned passage."""
    if src_keys == tgt_keys:
        # What difflib gives two equal sequences: one block, all of it equal.
        opcodes = [("equal", 0, len(src_keys), 0, len(tgt_keys))] if len(src_keys) else []
    else:
        opcodes = SequenceMatcher(None, src_keys, tgt_keys, autojunk=False).get_opcodes()
    edits: list[str] = []
    matched = 0
    for op, a0, a1, b0, b1 in opcodes:
        if op == "equal":
            matched += a1 - a0
            for a, b in zip(src_words[a0:a1], tgt_words[b0:b1], strict=True):
                if a != b and unicodedata.normalize("NFC", a) != unicodedata.normalize("NFC", b):
                    edits.append(f"{a}->{b}")
        elif op == "insert":
            edits.append(f"+{' '.join(tgt_words[b0:b1])}")
        elif op == "delete":
            edits.append(f"-{' '.join(src_words[a0:a1])}")
        else:
            edits.append(f"{' '.join(src_words[a0:a1])}->{' '.join(tgt_words[b0:b1])}")
    breaks = len(BLANK_LINES_RE.findall(tgt_text)) - len(BLANK_LINES_RE.findall(src_text))
    if breaks:
        edits.append(("+" if breaks > 0 else "-") + "¶" * abs(breaks))
    if not edits:
        edits.append("punctuation")
    unique = list(dict.fromkeys(edits))
    similarity = 2 * matched / (len(src_keys) + len(tgt_keys))
    return similarity, "; ".join(unique)


def _passages(
    src_text, tgt_text, src, tgt, anchors, *, k, min_words, max_gap, taken=()
) -> list[dict]:
    anchors = _verified(anchors, src[1], tgt[1])
    src_spans, src_keys = src[0], src[1]
    tgt_spans, tgt_keys = tgt[0], tgt[1]
    found = []
    while anchors:
        score, chain = _best_chain(anchors, max_gap)
        if score < min_words:
            break
        first, last = anchors[chain[0]], anchors[chain[-1]]
        w0, w1 = first[0], last[0] + last[2]
        v0, v1 = first[1], last[1] + last[2]
        completed = _complete_paragraphs(src, tgt, w0, w1, v0, v1, max_gap + k)
        if not any(
            completed[1] > p["_words"][0]
            and completed[0] < p["_words"][1]
            or completed[3] > p["_words"][2]
            and completed[2] < p["_words"][3]
            for p in found
        ):
            w0, w1, v0, v1 = completed
        s0, s1, t0, t1 = _extend_punctuation(
            src_text,
            tgt_text,
            src_spans[w0][0],
            src_spans[w1 - 1][1],
            tgt_spans[v0][0],
            tgt_spans[v1 - 1][1],
        )
        source, target = src_text[s0:s1], tgt_text[t0:t1]
        if any(t0 < end and start < t1 for start, end in taken):
            # Found, so that the search goes on as without ``taken``, but not described (align
            # does not return it).
            kind, similarity, edits = None, 0.0, ""
        elif source == target or _layout(source) == _layout(target):
            kind, similarity, edits = "verbatim", 1.0, ""
        else:
            kind = "edited"
            similarity, edits = _describe(
                source,
                target,
                [src_text[a:b] for a, b in src_spans[w0:w1]],
                [tgt_text[a:b] for a, b in tgt_spans[v0:v1]],
                src_keys[w0:w1],
                tgt_keys[v0:v1],
            )
        found.append(
            {
                "source_start": s0,
                "source_end": s1,
                "target_start": t0,
                "target_end": t1,
                "kind": kind,
                "similarity": round(similarity, 4),
                "n_words": v1 - v0,
                "edits": edits,
                "_words": (w0, w1, v0, v1),
            }
        )
        anchors = [
            (i, j, n) for i, j, n in anchors if i + n <= w0 or i >= w1 if j + n <= v0 or j >= v1
        ]
    return found


def _layout(text: str) -> str:
    """The text in composed form (NFC), each paragraph break as one mark and other white space as
    one space: two spans with the same layout are verbatim copies."""
    return _WHITESPACE_RE.sub(" ", BLANK_LINES_RE.sub("\x00", unicodedata.normalize("NFC", text)))


def align_pair(
    source_text: str, target_text: str, options: ReuseOptions | None = None, **overrides
) -> list[dict]:
    """Align two texts and return the passages the target shares with the source.

    Parameters
    ----------
    source_text, target_text : str
        The earlier and the later article.
    options : ReuseOptions, optional
        ``k`` (shortest run of equal words that anchors an alignment), ``min_words`` (smallest
        alignment score, matched words minus skipped words, reported as a passage), ``max_gap``
        (most words skipped on either side between two anchors of one passage), ``paraphrase``
        (also look for reworded sentences, see :mod:`analysis.reuse.paraphrase`) with
        ``paraphrase_threshold`` and ``paraphrase_min_common``. Defaults when None.
    **overrides
        Any of those options by name (``align_pair(a, b, min_words=12)``).

    Returns
    -------
    list of dict
        Keys ``source_start, source_end, target_start, target_end, kind, similarity, n_words,
        edits``, offsets into the two texts, sorted by target offset.

    Examples
    --------
    >>> a = ("Earlier, the Defence Ministry said that the two armies will hold drills"
    ...      " in the Nakhchivan region in May, it said.")
    >>> b = ("The Defense Ministry said the two armies will hold joint drills"
    ...      " in the Nakhchivan region in May 2022, it said.")
    >>> [passage] = align_pair(a, b)
    >>> passage["kind"], passage["edits"]
    ('edited', 'the->The; Defence->Defense; -that; +joint; +2022')
    >>> b[passage["target_start"]:passage["target_end"]] == b
    True
    """
    options = ReuseOptions.merged(options, **overrides)
    src, tgt = prepare(source_text), prepare(target_text)
    return align(source_text, target_text, src, tgt, _anchors(src[1], tgt[1], options.k), options)


def align(
    source_text: str,
    target_text: str,
    src,
    tgt,
    anchors: list[tuple[int, int, int]],
    options: ReuseOptions,
    covered=None,
    taken=(),
) -> list[dict]:
    """The passages of one pair from its anchors (see :func:`analysis.reuse.source_candidates`);
    ``src`` and ``tgt`` come from :func:`prepare`. Appends the target words ``(v0, v1)`` of each
    aligned passage to the list ``covered`` when one is given. An aligned passage whose target
    span overlaps one of the ``taken`` spans ``(start, end)`` is neither described nor returned
    (its words are still appended to ``covered``); the other passages, paraphrases included, are
    those found without ``taken``."""
    found = _passages(
        source_text,
        target_text,
        src,
        tgt,
        anchors,
        k=options.k,
        min_words=options.min_words,
        max_gap=options.max_gap,
        taken=taken,
    )
    for passage in found:
        _, _, v0, v1 = passage.pop("_words")
        if covered is not None:
            covered.append((v0, v1))
    if options.paraphrase and found:
        found += paraphrases(
            src[3](),
            tgt[3](),
            found,
            threshold=options.paraphrase_threshold,
            min_common=options.paraphrase_min_common,
        )
    if taken:
        found = [p for p in found if p["kind"] is not None]
    return sorted(found, key=lambda p: (p["target_start"], p["source_start"]))
