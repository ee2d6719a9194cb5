"""Boilerplate reuse: the passages an article recycles from earlier articles, where, how edited.

Design
------
1. **Candidates** (:mod:`analysis.reuse_index`): every article's word 4-grams are hashed with
   their positions; n-grams shared by two articles, at consecutive positions on one diagonal,
   form the *anchors* of that pair. A pair is aligned only if its anchors, grouped as the aligner
   can chain them, add up to ``min_words`` words (an exact upper bound of the passage score), so
   nothing the aligner would find is lost while the cost follows the amount of shared text rather
   than the square of the corpus. The source is always the earlier article (date, then id).
2. **Alignment** (:func:`align_pair`): words are compared by *keys* (casefolded, accents and the
   apostrophe folded, spelling variants mapped: Defence/Defense, Turkey/Türkiye). Anchors are
   chained in order on both sides, in the manner of a local alignment: an anchor joins the chain
   when the words skipped on either side (at most ``max_gap``) cost less than the words it adds.
   So a changed word, a dropped or inserted word, a year added to a date or a paragraph split in
   two keep one passage, while a phrase shared by chance a few words away never extends it. A
   tail (head) too short to anchor, between the passage and its paragraph's end (start), joins
   the passage when its words are more alike than not. The best chain becomes a passage, anchors
   overlapping it on either side are dropped, and the search repeats: passages of a pair never
   overlap. A passage runs from its first to its last matched word, extended only over
   punctuation that is the same on both sides: spans are exact to the character, with no word of
   context more or less. Reordered paragraphs, or paragraphs interleaved with new text, give one
   passage per contiguous piece; the new text is not reuse.
3. **Kinds**: ``verbatim`` when both spans are identical up to line wrapping; ``edited``
   otherwise, with ``edits`` listing the changes (``Defence->Defense``, ``+2021``, ``-word``,
   ``old->new``, ``+¶`` for a paragraph split, ``punctuation`` for quotes or commas);
   ``similarity`` is the Dice share of equal words, ``n_words`` the words of the target span.
4. **Paraphrase**: between two articles that already share a passage (rewording is looked for as
   part of recycling, not as topical likeness), the sentences no passage touches are compared
   pairwise on their *content stems* (stop words dropped, words cut to their first six letters so
   that instructed/instructions and Azerbaijan/Azerbaijani meet). The similarity is the Dice
   coefficient of the longest common subsequence of stems, ``2 * LCS / (n_a + n_b)``: a sentence
   rewritten from a template keeps the template's content words *in order*, while two sentences
   on the same topic share a few names in any order. A pair is a paraphrase when the similarity
   is at least ``paraphrase_threshold`` (0.45) with at least ``paraphrase_min_common`` (6) stems
   in common, matched one-to-one, best first. On the seeds the reworded reforms sentence scores
   0.55 (9 stems in order); the closest pairs that only share a topic (the two meetings, military
   cooperation) score 0.38 and 0.35, every other pair 0.27 or less: the threshold sits between
   the two groups. Sentences come from :attr:`analysis.Corpus.sentences`' splitter, so paraphrase
   spans are sentence spans.

:func:`find_reuse` composes pure stages (:func:`~analysis.reuse_index.article_signatures`, then
:func:`source_candidates` per target, then :func:`align_target` / :func:`align_pair`), each a
function of its inputs, so they can be partitioned (e.g. on Dask) with identical results.
:func:`reused_spans` gives the target side of every passage with the origin of the text (the
earliest article in its chain of reuse).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.reuse_index import (
    _cluster_bounds,
    _hits,
    _runs,
    _signatures,
    ngram_hashes,
    tokenize,
    word_keys,
)
from analysis.units import split_sentences, word_spans

__all__ = [
    "REUSE_COLUMNS",
    "align_pair",
    "align_target",
    "content_stems",
    "paraphrase_similarity",
    "find_reuse",
    "ordered_pairs",
    "reused_spans",
    "source_candidates",
]

REUSE_COLUMNS = [
    "source_id",
    "target_id",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "kind",
    "similarity",
    "n_words",
    "edits",
]
SPAN_COLUMNS = [
    "article_id",
    "start",
    "end",
    "source_id",
    "source_start",
    "source_end",
    "origin_id",
    "origin_date",
    "kind",
]
STOP_WORDS = frozenset(
    """
    a about after against all also an and any are as at be been before being between both but
    by can could did do does down during each for from had has have he her here him his how i
    if in into is it its just may might more most no not now of off on only or other our out
    over said say says shall she should so some such than that the their them then there these
    they this those through to under up very was we were what when where which while who whom
    whose why will with would you
    """.split()  # noqa: SIM905
)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE_RE = re.compile(r"\s+")
_STEM_RE = re.compile(r"[^\W\d_]+")


def _options(
    k: int,
    min_words: int,
    max_gap: int,
    paraphrase_threshold: float,
    paraphrase_min_common: int,
) -> None:
    for name, value in (
        ("k", k),
        ("min_words", min_words),
        ("paraphrase_min_common", paraphrase_min_common),
    ):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if not isinstance(max_gap, (int, np.integer)) or isinstance(max_gap, bool) or max_gap < 0:
        raise ValueError(f"max_gap must be a non-negative integer, got {max_gap!r}")
    if not 0 < paraphrase_threshold <= 1:
        raise ValueError(f"paraphrase_threshold must be in (0, 1], got {paraphrase_threshold!r}")


@lru_cache(maxsize=8192)
def _prepare(text: str):
    return _prepare_text(text)


def _prepare_text(text: str):
    """Lazy word spans, word keys, and the word index at which each paragraph starts (plus the
    number of words). The spans are only computed for articles in which a passage is found."""
    keys: list[str] = []
    bounds: list[int] = []
    for start, end in _paragraph_spans(text):
        bounds.append(len(keys))
        keys.extend(word_keys(text[start:end]))
    bounds.append(len(keys))
    return _Spans(text), keys, bounds


class _Spans:
    """The word spans of a text, computed on first use."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str):
        self._text, self._spans = text, None

    def __getitem__(self, index):
        if self._spans is None:
            self._spans = word_spans(self._text)
        return self._spans[index]


def _anchors(src_keys: list[str], tgt_keys: list[str], k: int) -> list[tuple[int, int, int]]:
    """Maximal runs ``(source_word, target_word, length)`` of equal keys, at least ``k`` long."""
    src_index: dict[int, list[int]] = {}
    for position, value in enumerate(ngram_hashes(src_keys, k).tolist()):
        src_index.setdefault(value, []).append(position)
    hits = set()
    for j, value in enumerate(ngram_hashes(tgt_keys, k).tolist()):
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


def _verified(anchors, src_keys, tgt_keys) -> list[tuple[int, int, int]]:
    """The anchors whose words really are equal (n-gram hashes can collide)."""
    return [(i, j, n) for i, j, n in anchors if src_keys[i : i + n] == tgt_keys[j : j + n]]


def _best_chain(anchors: list[tuple[int, int, int]], max_gap: int) -> tuple[float, list[int]]:
    order = sorted(range(len(anchors)), key=lambda n: (anchors[n][1], anchors[n][0]))
    score: dict[int, float] = {}
    back: dict[int, int | None] = {}
    for position, n in enumerate(order):
        i, j, length = anchors[n]
        best, parent = 0.0, None
        for m in order[:position]:
            pi, pj, plen = anchors[m]
            gap_src, gap_tgt = i - (pi + plen), j - (pj + plen)
            if 0 <= gap_src <= max_gap and 0 <= gap_tgt <= max_gap:
                value = score[m] - max(gap_src, gap_tgt)
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
    matcher = SequenceMatcher(None, src_keys, tgt_keys, autojunk=False)
    edits: list[str] = []
    matched = 0
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        old, new = " ".join(src_words[a0:a1]), " ".join(tgt_words[b0:b1])
        if op == "equal":
            matched += a1 - a0
            for a, b in zip(src_words[a0:a1], tgt_words[b0:b1], strict=True):
                if a != b:
                    edits.append(f"{a}->{b}")
        elif op == "insert":
            edits.append(f"+{new}")
        elif op == "delete":
            edits.append(f"-{old}")
        else:
            edits.append(f"{old}->{new}")
    breaks = len(_PARAGRAPH_BREAK_RE.findall(tgt_text)) - len(_PARAGRAPH_BREAK_RE.findall(src_text))
    if breaks:
        edits.append(("+" if breaks > 0 else "-") + "¶" * abs(breaks))
    if not edits:
        edits.append("punctuation")
    unique = list(dict.fromkeys(edits))
    similarity = 2 * matched / (len(src_keys) + len(tgt_keys))
    return similarity, "; ".join(unique)


def _passages(src_text, tgt_text, src, tgt, anchors, *, k, min_words, max_gap) -> list[dict]:
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
        if _layout(source) == _layout(target):
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
    """The text with each paragraph break as one mark and other white space as one space."""
    return _WHITESPACE_RE.sub(" ", _PARAGRAPH_BREAK_RE.sub("\x00", text))


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for match in _PARAGRAPH_BREAK_RE.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@lru_cache(maxsize=65536)
def _paragraph_sentences(paragraph: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Sentence spans of one paragraph (as in ``Corpus.sentences``) with their content stems."""
    return tuple((s, e, content_stems(paragraph[s:e])) for s, e in split_sentences(paragraph))


def content_stems(sentence: str) -> tuple[str, ...]:
    """The content stems of a sentence: words of three letters or more that are not stop words,
    casefolded and cut to their first six letters.

    Examples
    --------
    >>> content_stems("The reforms are carried out under the President's instructions.")
    ('reform', 'carrie', 'presid', 'instru')
    """
    return tuple(
        word.casefold()[:6]
        for word in _STEM_RE.findall(sentence)
        if len(word) > 2 and word.casefold() not in STOP_WORDS
    )


def paraphrase_similarity(first: str, second: str) -> tuple[float, int]:
    """Return the paraphrase similarity of two sentences and their number of common stems.

    The similarity is ``2 * LCS / (n_a + n_b)`` over the :func:`content_stems` (see the module
    docstring); a pair is a paraphrase when it is at least ``paraphrase_threshold`` (0.45) with at
    least ``paraphrase_min_common`` (6) stems in common.

    Examples
    --------
    >>> a = "The ministry said the reforms of the coastal guard follow the navy's standards."
    >>> b = "Reforms are bringing the coastal guard up to the navy's standards, the ministry said."
    >>> paraphrase_similarity(a, b)
    (0.7143, 5)
    """
    a, b = content_stems(first), content_stems(second)
    if not a or not b:
        return 0.0, 0
    common = _lcs(a, b)
    return round(2 * common / (len(a) + len(b)), 4), common


def _lcs(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text outside the given spans, the pieces joined by a line break."""
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        pieces.append(text[cursor:start])
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "\n".join(pieces)


def _paraphrases(src_text, tgt_text, taken, *, threshold, min_common) -> list[dict]:
    def free(spans, start, end):
        return all(end <= a or start >= b for a, b in spans)

    def paragraphs(text, taken_spans):
        """Paragraphs with the stems of their text outside the passages."""
        out = []
        for p0, p1 in _paragraph_spans(text):
            inside = [
                (max(a, p0) - p0, min(b, p1) - p0) for a, b in taken_spans if a < p1 and b > p0
            ]
            stems = Counter(content_stems(_outside(text[p0:p1], inside)))
            if sum(stems.values()) >= min_common:
                out.append((p0, p1, stems))
        return out

    def sentences(text, p0, p1, taken_spans):
        return [
            (p0 + s, p0 + e, stems)
            for s, e, stems in _paragraph_sentences(text[p0:p1])
            if len(stems) >= min_common and free(taken_spans, p0 + s, p0 + e)
        ]

    src_taken = [(p["source_start"], p["source_end"]) for p in taken]
    tgt_taken = [(p["target_start"], p["target_end"]) for p in taken]
    # Sentences never cross paragraphs, and the longest common subsequence of two sentences is at
    # most the stems their paragraphs share (counted with repeats): only paragraph pairs sharing
    # ``min_common`` stems outside the passages are split into sentences and compared.
    src_sents, tgt_sents, pairs = {}, {}, []
    for a0, a1, a_stems in paragraphs(src_text, src_taken):
        for b0, b1, b_stems in paragraphs(tgt_text, tgt_taken):
            if sum((a_stems & b_stems).values()) >= min_common:
                if a0 not in src_sents:
                    src_sents[a0] = sentences(src_text, a0, a1, src_taken)
                if b0 not in tgt_sents:
                    tgt_sents[b0] = sentences(tgt_text, b0, b1, tgt_taken)
                pairs.append((a0, b0))
    scored = []
    for pa, pb in pairs:
        for a0, a1, a_stems in src_sents[pa]:
            a_count = Counter(a_stems)
            for b0, b1, b_stems in tgt_sents[pb]:
                if sum((a_count & Counter(b_stems)).values()) < min_common:
                    continue
                common = _lcs(a_stems, b_stems)
                similarity = 2 * common / (len(a_stems) + len(b_stems))
                if common >= min_common and similarity >= threshold:
                    scored.append((-similarity, a0, b0, a1, b1))
    found, used_a, used_b = [], set(), set()
    for negative, a0, b0, a1, b1 in sorted(scored):
        if a0 in used_a or b0 in used_b:
            continue
        used_a.add(a0)
        used_b.add(b0)
        found.append(
            {
                "source_start": a0,
                "source_end": a1,
                "target_start": b0,
                "target_end": b1,
                "kind": "paraphrase",
                "similarity": round(-negative, 4),
                "n_words": len(tokenize(tgt_text[b0:b1])[0]),
                "edits": "",
            }
        )
    return found


def align_pair(
    source_text: str,
    target_text: str,
    *,
    k: int = 4,
    min_words: int = 10,
    max_gap: int = 8,
    paraphrase: bool = True,
    paraphrase_threshold: float = 0.45,
    paraphrase_min_common: int = 6,
) -> list[dict]:
    """Align two texts and return the passages the target shares with the source.

    Parameters
    ----------
    source_text, target_text : str
        The earlier and the later article.
    k : int
        Shortest run of equal words that anchors an alignment.
    min_words : int
        Smallest alignment score (matched words minus skipped words) reported as a passage.
    max_gap : int
        Most words skipped on either side between two anchors of one passage.
    paraphrase : bool
        Also look for reworded sentences (see the module docstring).
    paraphrase_threshold, paraphrase_min_common : float, int
        Smallest stem-LCS Dice similarity and number of common stems for a paraphrase.

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
    _options(k, min_words, max_gap, paraphrase_threshold, paraphrase_min_common)
    src, tgt = _prepare(source_text), _prepare(target_text)
    return _align(
        source_text,
        target_text,
        src,
        tgt,
        _anchors(src[1], tgt[1], k),
        k=k,
        min_words=min_words,
        max_gap=max_gap,
        paraphrase=paraphrase,
        paraphrase_threshold=paraphrase_threshold,
        paraphrase_min_common=paraphrase_min_common,
    )


def _align(
    source_text,
    target_text,
    src,
    tgt,
    anchors,
    *,
    k,
    min_words,
    max_gap,
    paraphrase,
    paraphrase_threshold,
    paraphrase_min_common,
    covered=None,
) -> list[dict]:
    found = _passages(
        source_text, target_text, src, tgt, anchors, k=k, min_words=min_words, max_gap=max_gap
    )
    for passage in found:
        _, _, v0, v1 = passage.pop("_words")
        if covered is not None:
            covered[v0:v1] = True
    if paraphrase and found:
        found += _paraphrases(
            source_text,
            target_text,
            found,
            threshold=paraphrase_threshold,
            min_common=paraphrase_min_common,
        )
    return sorted(found, key=lambda p: (p["target_start"], p["source_start"]))


def ordered_pairs(corpus: Corpus, pairs: pd.DataFrame) -> pd.DataFrame:
    """Orient candidate pairs ``a, b`` as ``source_id, target_id``.

    The source is the earlier article (by date, ties by article id). Sorted by source then target.
    """
    dates = corpus.articles["date"]
    a, b = pairs["a"].to_numpy(dtype=object), pairs["b"].to_numpy(dtype=object)
    a_first = [(dates[x], x) <= (dates[y], y) for x, y in zip(a, b, strict=True)]
    frame = pd.DataFrame(
        {
            "source_id": np.where(a_first, a, b),
            "target_id": np.where(a_first, b, a),
        }
    )
    return frame.sort_values(["source_id", "target_id"], ignore_index=True)


def find_reuse(
    corpus: Corpus,
    *,
    k: int = 4,
    min_words: int = 10,
    max_gap: int = 8,
    max_df: int | None = None,
    sources: str = "all",
    paraphrase: bool = True,
    paraphrase_threshold: float = 0.45,
    paraphrase_min_common: int = 6,
) -> pd.DataFrame:
    """Find the passages each article recycles from earlier articles.

    Parameters
    ----------
    corpus : Corpus
    k, min_words, max_gap, paraphrase, paraphrase_threshold, paraphrase_min_common
        Alignment options, see :func:`align_pair`.
    max_df : int, optional
        N-grams with more occurrences than this in the corpus do not pair articles (default: no
        limit).
    sources : {"all", "covering"}
        ``"all"`` (default) aligns every candidate pair: one row per passage for every earlier
        article that holds the text (quadratic in the size of a boilerplate family).
        ``"covering"`` aligns each article with its candidate sources, most shared text first,
        and skips a source whose anchors add fewer than ``min_words`` words outside the text
        already attributed: each recycled stretch gets (at least) one source; the other earlier
        articles that hold it are reached through :func:`reused_spans` and
        :func:`boilerplate_families`.

    Returns
    -------
    pandas.DataFrame
        One row per passage: ``source_id`` (the earlier article), ``target_id``, ``source_start,
        source_end, target_start, target_end`` (offsets into each article's ``text``), ``kind``
        (``verbatim`` | ``edited`` | ``paraphrase``), ``similarity`` (0..1), ``n_words`` (words in
        the target span) and ``edits`` ("" unless edited). Sorted by source, target, target offset.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> reuse = find_reuse(load_corpus(SEEDS_DIR))
    >>> reuse[["source_start", "source_end", "target_start", "target_end", "kind", "similarity"]]
       source_start  source_end  target_start  target_end        kind  similarity
    0           277         471           230         425  paraphrase      0.5455
    1          1230        2225           666        1661    verbatim      1.0000
    """
    _options(k, min_words, max_gap, paraphrase_threshold, paraphrase_min_common)
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    if sources not in ("covering", "all"):
        raise ValueError(f"sources must be 'covering' or 'all', got {sources!r}")
    options = {
        "k": k,
        "min_words": min_words,
        "max_gap": max_gap,
        "paraphrase": paraphrase,
        "paraphrase_threshold": paraphrase_threshold,
        "paraphrase_min_common": paraphrase_min_common,
    }
    texts = corpus.articles["text"].to_dict()
    prepared = {article_id: _prepare_text(text) for article_id, text in texts.items()}
    signatures = _signatures(
        np.array(list(prepared), dtype=object), [p[1] for p in prepared.values()], k, True
    )
    rows = []
    for target_id, candidates in source_candidates(
        corpus, signatures, min_words=min_words, max_gap=max_gap, max_df=max_df
    ):
        rows.extend(
            align_target(
                target_id, texts, candidates, sources=sources, prepared=prepared, **options
            )
        )
    return _reuse_frame(rows)


def source_candidates(
    corpus: Corpus,
    signatures: pd.DataFrame,
    *,
    min_words: int = 10,
    max_gap: int = 8,
    max_df: int | None = None,
):
    """Yield ``(target_id, candidates)`` for every article that shares text with earlier ones.

    Parameters
    ----------
    corpus : Corpus
    signatures : pandas.DataFrame
        From :func:`~analysis.reuse_index.article_signatures` with ``positions=True``.
    min_words, max_gap : int
        As in :func:`align_pair`: pairs whose anchors cannot make a passage (see
        :func:`~analysis.reuse_index.anchor_bounds`) are left out.
    max_df : int, optional
        N-grams with more occurrences than this do not pair articles (default: no limit).

    Yields
    ------
    (target_id, candidates)
        ``candidates`` is a list of ``(source_id, anchors)``: the earlier articles (by date, ties
        by id) that can share a passage with the target, most shared words first, with their
        anchors (maximal runs ``(source_word, target_word, length)`` of shared n-grams), sorted by
        target word. Targets come in id order.
    """
    dates = corpus.articles["date"]
    ranking = sorted(corpus.articles.index, key=lambda a: (dates[a], a))
    rank_of = {article_id: number for number, article_id in enumerate(ranking)}
    limit = max_df if max_df is not None else len(signatures) + 1
    ids, code_a, code_b, pos_a, pos_b = _hits(signatures, limit, rank_of)
    if pos_a is None:
        raise ValueError("signatures need positions: article_signatures(..., positions=True)")
    k = int(signatures.attrs.get("k", 4))
    rank = np.array([rank_of[i] for i in ids], dtype=np.int64)
    a_first = rank[code_a] < rank[code_b]
    n = max(len(ids), 1)
    pair = np.where(a_first, code_b, code_a) * n + np.where(a_first, code_a, code_b)
    target_pos = np.where(a_first, pos_b, pos_a)
    diagonal = np.where(a_first, pos_a, pos_b) - target_pos
    del code_a, code_b, pos_a, pos_b, a_first
    run_pair, run_tgt, run_diagonal, run_len = _runs(pair, diagonal, target_pos, k)
    del pair, diagonal, target_pos
    pairs, bound = _cluster_bounds(run_pair, run_tgt, run_len, max_gap)
    good = bound >= min_words
    pairs, bound = pairs[good], bound[good]
    keep = np.isin(run_pair, pairs)
    run_pair, run_tgt, run_diagonal, run_len = (
        run_pair[keep],
        run_tgt[keep],
        run_diagonal[keep],
        run_len[keep],
    )
    run_src = run_tgt + run_diagonal
    cuts = np.searchsorted(run_pair, pairs).tolist()
    ends = [*cuts[1:], len(run_pair)]
    targets, sources = np.divmod(pairs, n)
    by_target: dict[int, list] = {}
    for number, (t, src) in enumerate(zip(targets.tolist(), sources.tolist(), strict=True)):
        r0, r1 = cuts[number], ends[number]
        anchors = list(
            zip(
                run_src[r0:r1].tolist(),
                run_tgt[r0:r1].tolist(),
                run_len[r0:r1].tolist(),
                strict=True,
            )
        )
        by_target.setdefault(t, []).append((-bound[number], rank[src], src, anchors))
    for t in sorted(by_target):
        ordered = sorted(by_target[t], key=lambda c: (c[0], c[1]))
        yield ids[t], [(ids[src], anchors) for _, _, src, anchors in ordered]


def align_target(
    target_id: str,
    texts: dict[str, str],
    candidates: list,
    *,
    sources: str = "all",
    k: int = 4,
    prepared: dict | None = None,
    **options,
) -> list[dict]:
    """Align one article with its candidate sources (from :func:`source_candidates`).

    Returns the passages as dicts with ``source_id`` and ``target_id``; see :func:`find_reuse` for
    ``sources`` and :func:`align_pair` for the options.
    """

    def prepare(article_id: str):
        if prepared is not None and article_id in prepared:
            return prepared[article_id]
        return _prepare(texts[article_id])

    target_text = texts[target_id]
    target = prepare(target_id)
    covered = np.zeros(len(target[1]), dtype=bool)
    rows = []
    for source_id, anchors in candidates:
        if (
            sources == "covering"
            and rows
            and _covered_words(anchors, covered) < options["min_words"]
        ):
            continue
        source_text = texts[source_id]
        passages = _align(
            source_text,
            target_text,
            prepare(source_id),
            target,
            anchors,
            k=k,
            covered=covered,
            **options,
        )
        rows.extend({"source_id": source_id, "target_id": target_id, **p} for p in passages)
    return rows


def _covered_words(anchors, covered: np.ndarray) -> int:
    """The words of the anchors that still fall outside the covered target words."""
    return sum(n - int(covered[j : j + n].sum()) for _, j, n in anchors)


def _reuse_frame(rows: Iterable[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=REUSE_COLUMNS)
    frame = frame.astype(
        {
            "source_id": object,
            "target_id": object,
            "source_start": "int64",
            "source_end": "int64",
            "target_start": "int64",
            "target_end": "int64",
            "kind": object,
            "similarity": "float64",
            "n_words": "int64",
            "edits": object,
        }
    )
    return frame.sort_values(
        ["source_id", "target_id", "target_start", "source_start"], ignore_index=True
    )


def reused_spans(corpus: Corpus, reuse: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the target side of every reused passage, with the origin of the text.

    The origin follows the chain back: when the source span was itself recycled (at least half of
    it lies in a passage the source took from an earlier article), the origin is that passage's
    origin, and so on, to the earliest article in which the text appears.

    Parameters
    ----------
    corpus : Corpus
    reuse : pandas.DataFrame, optional
        The output of :func:`find_reuse`; computed with its defaults when None.

    Returns
    -------
    pandas.DataFrame
        ``article_id, start, end`` (the recycled text in the later article), ``source_id,
        source_start, source_end``, ``origin_id, origin_date`` (datetime64) and ``kind``; sorted by
        article and start.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> spans = reused_spans(load_corpus(SEEDS_DIR))
    >>> spans[["article_id", "start", "end", "origin_id", "kind"]]
                 article_id  start   end             origin_id        kind
    0  001_80062493b65dd1fc    230   425  000_5b183b1fed710e9a  paraphrase
    1  001_80062493b65dd1fc    666  1661  000_5b183b1fed710e9a    verbatim
    """
    if reuse is None:
        reuse = find_reuse(corpus)
    missing = [c for c in REUSE_COLUMNS[:7] if c not in reuse.columns]
    if missing:
        raise ValueError(f"reuse is missing column(s) {missing}; expected find_reuse output")
    dates = corpus.articles["date"]
    passages = list(reuse.itertuples(index=False))
    rank = {a: n for n, a in enumerate(sorted(dates.index, key=lambda a: (dates[a], a)))}
    order = sorted(range(len(passages)), key=lambda i: (rank[passages[i].target_id], i))
    # Passages in chronological order of their targets: a source is always earlier than its
    # target, so the origins of the source's own recycled spans are known when they are needed.
    resolved: dict[str, list[tuple[int, int, str]]] = {}
    origins: dict[int, str] = {}
    for i in order:
        row = passages[i]
        best = row.source_id
        s0, s1 = row.source_start, row.source_end
        for t0, t1, earlier in resolved.get(row.source_id, ()):
            if 2 * (min(s1, t1) - max(s0, t0)) >= s1 - s0 and rank[earlier] < rank[best]:
                best = earlier
        origins[i] = best
        resolved.setdefault(row.target_id, []).append((row.target_start, row.target_end, best))
    rows = []
    for i, row in enumerate(passages):
        origin_id = origins[i]
        rows.append(
            (
                row.target_id,
                row.target_start,
                row.target_end,
                row.source_id,
                row.source_start,
                row.source_end,
                origin_id,
                dates[origin_id],
                row.kind,
            )
        )
    frame = pd.DataFrame(rows, columns=SPAN_COLUMNS).astype(
        {
            "article_id": object,
            "start": "int64",
            "end": "int64",
            "source_id": object,
            "source_start": "int64",
            "source_end": "int64",
            "origin_id": object,
            "origin_date": "datetime64[ns]",
            "kind": object,
        }
    )
    return frame.sort_values(["article_id", "start", "source_id"], ignore_index=True)
