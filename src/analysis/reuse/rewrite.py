"""Rewrites: two articles that rewrite one source sentence by sentence, sharing no passage.

Design
------
Outlets rewrite one press release in their own words: clauses reordered, synonyms, titles
expanded, names transliterated (Hasanov/Gasanov). Such pairs hold no run of equal words, so the
word n-gram index never pairs them; candidates come from the content of their paragraphs instead:

1. **Index of content stems** (:func:`rewrite_candidates`): the content stems of every paragraph
   (as :func:`~analysis.reuse.paraphrase.content_stems`, read off the word keys the aligner
   already has) are posted in an inverted index. A stem held by more than ``rewrite_max_df``
   paragraphs says nothing about a shared source (``said``, ``percent``) and posts nothing; two
   paragraphs of two articles that share at least ``rewrite_min_shared`` of the other stems are a
   candidate pair. The work follows the postings of the rare stems, not the square of the corpus.
2. **Sentences** (:func:`rewrites`): in an article pair that holds candidate paragraphs and no
   passage of the aligner (those pairs had the paraphrase search already), the sentences of the
   candidate paragraphs are compared on their content stems as *bags*, since a rewrite reorders
   clauses: the similarity is the Dice share of stems matched one to one, a stem of a name
   (capitalised word) also matching a name stem spelt alike (``rapidfuzz`` Indel ratio at least
   0.8: gasano/hasano, nakhic/nakhch). A sentence pair with at least ``rewrite_min_common``
   stems matched and a similarity of at least ``rewrite_threshold`` is a rewritten sentence,
   matched one to one, best first. Since they are matched one to one, a pair whose candidate
   paragraphs on one side cannot hold ``rewrite_min_sentences`` sentences (a paragraph with no
   sentence-final mark followed by more text is one sentence:
   :func:`~analysis.corpus.units.surely_one_sentence`) is not split into sentences at all.
3. **The pair**: with at least ``rewrite_min_sentences`` rewritten sentences, the pair is a
   rewrite and each sentence pair is a row of kind ``rewrite``; ``named_origin`` holds the
   institution either article names as the source of its text ("the Defence Ministry told ...",
   "according to the Ministry of Agriculture"), when one does. Two articles on one topic share
   names and a few words in a sentence or two, not sentence after sentence: one sentence alone
   is never a rewrite.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Indel

from analysis.corpus.units import surely_one_sentence, word_spans
from analysis.lexicon.reporting import forms
from analysis.lexicon.stop_words import STOP_WORDS
from analysis.lexicon.titles import THING_HEADS
from analysis.options import ReuseOptions
from analysis.reuse.index import VOCABULARY, _distinct, _ranges, ids_joined
from analysis.reuse.paraphrase import _STEM_RE, ArticleStems

__all__ = ["named_origin", "rewrite_candidates", "rewrites", "sentence_match"]

_NAME_SIMILARITY = 0.8
_HEADS = sorted({*THING_HEADS, "service", "centre", "center", "office", "committee", "bank"})
_HEAD = "|".join(h.capitalize() for h in _HEADS if h not in {"agreement", "declaration"})
_NAME = r"[A-Z][\w'’-]*"
#: A named institution: capitalised words ending in a head noun, "of ..." after it optional.
_INSTITUTION = rf"(?:{_NAME}\s+){{0,4}}(?:{_HEAD})(?:\s+of(?:\s+the)?(?:\s+{_NAME})+)?"
_CUE = "|".join(forms(("say", "tell", "report", "announce", "state")))
_ORIGIN_RES = (
    re.compile(rf"according\s+to\s+(?:the\s+)?(?:press\s+service\s+of\s+the\s+)?({_INSTITUTION})"),
    re.compile(rf"(?:[Tt]he\s+)?({_INSTITUTION})(?:'s|’s)?\s+(?:press\s+service\s+)?(?:{_CUE})\b"),
)
_KEY_STEMS: dict[str, tuple[str, ...]] = {}
#: Words per block of articles in :func:`rewrite_candidates` (bounds its arrays).
_BLOCK_WORDS = 1 << 20


def _key_stems(key: str) -> tuple[str, ...]:
    stems = _KEY_STEMS.get(key)
    if stems is None:
        stems = tuple(w[:6] for w in _STEM_RE.findall(key) if len(w) > 2 and w not in STOP_WORDS)
        _KEY_STEMS[key] = stems
    return stems


def rewrite_candidates(
    ids: list[str], prepared: list, options: ReuseOptions
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """The paragraph pairs of two articles that share ``rewrite_min_shared`` rare content stems.

    Parameters
    ----------
    ids : list of str
        Article ids.
    prepared : list
        Their :func:`~analysis.reuse.alignment.prepare_text` results, in the same order (word
        keys and paragraph bounds are read from them).
    options : ReuseOptions
        ``rewrite_max_df`` and ``rewrite_min_shared``.

    Returns
    -------
    dict
        ``(article a, article b) -> [(paragraph of a, paragraph of b), ...]``, article numbers
        (indexes of ``ids``) with ``a < b``, paragraph numbers within each article; sorted.
    """
    # The stems of each key id present, once (a key may hold several: "turkish-azerbaijani"),
    # then the stems of every word by array look-ups, a block of articles at a time (memory):
    # one (stem, paragraph) row per distinct pair. Paragraphs are numbered in article order.
    paragraph_counts = np.array([len(p[2]) - 1 for p in prepared], dtype=np.int64)
    article = np.repeat(np.arange(len(prepared), dtype=np.int64), paragraph_counts)
    number_of = _ranges(paragraph_counts)
    n = max(len(article), 1)
    blocks = _article_blocks(prepared)
    present = np.zeros(len(VOCABULARY.keys), dtype=bool)
    for a0, a1 in blocks:
        present[_words(prepared[a0:a1])] = True
    stem_ids: dict[str, int] = {}
    held = np.zeros(len(present), dtype=np.int64)
    flat: list[int] = []
    for key in np.flatnonzero(present).tolist():
        found = [stem_ids.setdefault(s, len(stem_ids)) for s in _key_stems(VOCABULARY.keys[key])]
        held[key] = len(found)
        flat.extend(found)
    first = np.cumsum(held) - held
    flat_stems = np.array(flat, dtype=np.int64)
    rows = []
    node = 0
    for a0, a1 in blocks:
        block = prepared[a0:a1]
        words = _words(block)
        lengths = [b1 - b0 for p in block for b0, b1 in zip(p[2], p[2][1:], strict=False)]
        paragraph = np.repeat(np.arange(node, node + len(lengths)), lengths)
        node += len(lengths)
        count = held[words]
        stems = flat_stems[np.repeat(first[words], count) + _ranges(count)]
        rows.append(_distinct(stems * n + np.repeat(paragraph, count)))
    stem_arr, owner_arr = np.divmod(np.sort(np.concatenate(rows or [np.empty(0, np.int64)])), n)
    starts = np.flatnonzero(np.r_[True, stem_arr[1:] != stem_arr[:-1]])[: len(stem_arr)]
    sizes = np.diff(np.r_[starts, len(stem_arr)])
    keep = (sizes > 1) & (sizes <= options.rewrite_max_df)
    lefts, rights = [], []
    for size in np.unique(sizes[keep]):
        rows = starts[keep & (sizes == size)][:, None] + np.arange(size)
        i, j = np.triu_indices(size, 1)
        left, right = owner_arr[rows[:, i].ravel()], owner_arr[rows[:, j].ravel()]
        apart = article[left] != article[right]
        lefts.append(left[apart])
        rights.append(right[apart])
    if not lefts:
        return {}
    left, right = np.concatenate(lefts), np.concatenate(rights)
    pairs, shared = np.unique(
        np.minimum(left, right) * n + np.maximum(left, right), return_counts=True
    )
    pairs = pairs[shared >= options.rewrite_min_shared]
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, b in zip(*np.divmod(pairs, n), strict=True):
        x, y = int(article[a]), int(article[b])
        pa, pb = int(number_of[a]), int(number_of[b])
        if x > y:
            x, y, pa, pb = y, x, pb, pa
        out.setdefault((x, y), []).append((pa, pb))
    return {key: sorted(value) for key, value in sorted(out.items())}


def _article_blocks(prepared: list) -> list[tuple[int, int]]:
    """Consecutive ranges of articles holding about ``_BLOCK_WORDS`` words each."""
    words = _BLOCK_WORDS
    total = np.cumsum([len(p[1]) for p in prepared])
    cuts = np.searchsorted(total, np.arange(words, total[-1], words)) + 1 if len(total) else []
    bounds = [0, *sorted(set(np.asarray(cuts).tolist()) - {0, len(prepared)}), len(prepared)]
    return [(a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if a < b]


def _words(block: list) -> np.ndarray:
    """The key ids of the words of a block of prepared articles, concatenated."""
    return ids_joined([p[1] for p in block])


def sentence_match(first: tuple, second: tuple) -> tuple[float, int]:
    """The rewrite similarity of two sentences given as ``(stems, names)`` (see the module doc).

    ``stems`` are the content stems, ``names`` the set of those that come from capitalised words.
    Returns ``(similarity, matched)``.

    Examples
    --------
    >>> from analysis.reuse.rewrite import _sentence_stems
    >>> a = _sentence_stems("Minister Hasanov met General Dalkiran in Nakhchivan.")
    >>> b = _sentence_stems("General Dalkyran was received in Nakhichevan by Gasanov.")
    >>> sentence_match(a, b)
    (0.7273, 4)
    """
    (a, a_names), (b, b_names) = first, second
    if not a or not b:
        return 0.0, 0
    left, right = Counter(a), Counter(b)
    common = left & right
    matched = sum(common.values())
    left, right = left - common, right - common
    spare = [s for s in right.elements() if s in b_names]
    for stem in [s for s in left.elements() if s in a_names]:
        for index, other in enumerate(spare):
            if Indel.normalized_similarity(stem, other) >= _NAME_SIMILARITY:
                matched += 1
                del spare[index]
                break
    return round(2 * matched / (len(a) + len(b)), 4), matched


def _sentence_stems(sentence: str) -> tuple[tuple[str, ...], frozenset[str]]:
    stems, names = [], set()
    for word in _STEM_RE.findall(sentence):
        folded = word.casefold()
        if len(word) > 2 and folded not in STOP_WORDS:
            stems.append(folded[:6])
            if word[0].isupper():
                names.add(folded[:6])
    return tuple(stems), frozenset(names)


def _most_sentences(article: ArticleStems, paragraphs, enough: int) -> int:
    """An upper bound of the sentences of some of an article's paragraphs (by number), or at
    least ``enough``: a paragraph that is surely one sentence counts one, without being split;
    any other counts ``enough``."""
    total = 0
    for paragraph in paragraphs:
        p0, p1 = article.paragraphs[paragraph]
        total += 1 if surely_one_sentence(article.text[p0:p1]) else enough
        if total >= enough:
            break
    return total


@lru_cache(maxsize=65536)
def _article_origin(text: str) -> str:
    """:func:`named_origin` of a whole article (an article is in many candidate pairs)."""
    return named_origin(text)


def named_origin(text: str) -> str:
    """The first institution the text names as the source of what it reports ("" when none).

    Examples
    --------
    >>> named_origin("Drills were held, the Defence Ministry told Caspian Wire on Monday.")
    'Defence Ministry'
    >>> named_origin("Exports grew, according to the Ministry of Agriculture.")
    'Ministry of Agriculture'
    >>> named_origin("The minister met the ambassador.")
    ''
    """
    found = []
    for pattern in _ORIGIN_RES:
        match = pattern.search(text)
        if match:
            found.append((match.start(1), match.group(1)))
    return min(found)[1] if found else ""


def rewrites(
    src: ArticleStems,
    tgt: ArticleStems,
    paragraph_pairs: list[tuple[int, int]],
    options: ReuseOptions,
    *,
    recycled=(),
) -> list[dict]:
    """The rewritten sentences of one article pair, or none when fewer than
    ``rewrite_min_sentences`` (see the module docstring); offsets into each article's text.
    Target sentences overlapping a ``recycled`` span ``(start, end)`` are left out."""

    def sentences(article, paragraph):
        # Kept with the article: an article is in many candidate pairs.
        found = article.rewrite_sentences.get(paragraph)
        if found is None:
            p0, p1 = article.paragraphs[paragraph]
            found = [
                (s, e, _sentence_stems(article.text[s:e])) for s, e, _ in article.sentences(p0, p1)
            ]
            article.rewrite_sentences[paragraph] = found
        return found

    # Sentences are matched one to one: a side whose candidate paragraphs cannot hold
    # rewrite_min_sentences sentences gives no rewrite, and its paragraphs are not split.
    for article, chosen in (
        (src, {a for a, _ in paragraph_pairs}),
        (tgt, {b for _, b in paragraph_pairs}),
    ):
        if (
            _most_sentences(article, chosen, options.rewrite_min_sentences)
            < options.rewrite_min_sentences
        ):
            return []
    scored = []
    for pa, pb in paragraph_pairs:
        for a0, a1, a_stems in sentences(src, pa):
            for b0, b1, b_stems in sentences(tgt, pb):
                if any(b0 < end and start < b1 for start, end in recycled):
                    continue
                # Matched stems are at most the shorter sentence's: an exact bound of both tests.
                la, lb = len(a_stems[0]), len(b_stems[0])
                if (
                    min(la, lb) < options.rewrite_min_common
                    or round(2 * min(la, lb) / (la + lb), 4) < options.rewrite_threshold
                ):
                    continue
                similarity, matched = sentence_match(a_stems, b_stems)
                if (
                    matched >= options.rewrite_min_common
                    and similarity >= options.rewrite_threshold
                ):
                    scored.append((-similarity, a0, b0, a1, b1))
    chosen, used_a, used_b = [], set(), set()
    for negative, a0, b0, a1, b1 in sorted(scored):
        if a0 not in used_a and b0 not in used_b:
            used_a.add(a0)
            used_b.add(b0)
            chosen.append((a0, a1, b0, b1, -negative))
    if len(chosen) < options.rewrite_min_sentences:
        return []
    origin = _article_origin(src.text) or _article_origin(tgt.text)
    return [
        {
            "source_start": a0,
            "source_end": a1,
            "target_start": b0,
            "target_end": b1,
            "kind": "rewrite",
            "similarity": similarity,
            "n_words": len(word_spans(tgt.text[b0:b1])),
            "edits": "",
            "named_origin": origin,
        }
        for a0, a1, b0, b1, similarity in sorted(chosen, key=lambda c: (c[2], c[0]))
    ]
