"""Paraphrase: reworded sentences between two articles that already share a passage.

Design
------
**Paraphrase**: between two articles that already share a passage (rewording is looked for as
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
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import lru_cache
from itertools import compress

import pandas as pd
from rapidfuzz.distance import LCSseq

from analysis.corpus.units import paragraph_spans, split_sentences
from analysis.lexicon.stop_words import STOP_WORDS
from analysis.reuse.index import split_matches, word_count

__all__ = [
    "ArticleStems",
    "closest_sentences",
    "content_stems",
    "paraphrase_similarity",
    "paraphrases",
]

_STEM_RE = re.compile(r"[^\W\d_]+")
#: The same pattern for ASCII text (the same matches, found faster), in one capturing group for
#: :func:`~analysis.reuse.index.split_matches`.
_ASCII_STEM_SPLIT_RE = re.compile(f"({_STEM_RE.pattern})", re.ASCII)
_STEMS: dict[str, str] = {}
_CACHE_SIZE = 1_000_000


class _StemOf(dict):
    """Word as :class:`ArticleStems` matches it -> its content stem ("" for a stop word or a
    word of two letters or fewer, else the first six letters casefolded), each stem one string
    shared by every article; a word not met before gets its stem (both bounded: words repeat a
    lot). A dict, so that a text's words are looked up by a C-level ``map``."""

    __slots__ = ()

    def __missing__(self, word: str) -> str:
        folded = word.casefold()
        if len(word) <= 2 or folded in STOP_WORDS:
            stem = ""
        else:
            stem = folded[:6]
            if len(_STEMS) < _CACHE_SIZE:
                stem = _STEMS.setdefault(stem, stem)
        if len(self) < _CACHE_SIZE:
            self[word] = stem
        return stem


_STEM_OF = _StemOf()


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
    return tuple(filter(None, map(_STEM_OF.__getitem__, _STEM_RE.findall(sentence))))


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
    """Length of the longest common subsequence of two stem sequences (rapidfuzz's LCSseq)."""
    return int(LCSseq.similarity(a, b))


class ArticleStems:
    """The content stems of one article with their offsets, computed once per article.

    :func:`paraphrases` compares many pairs that share an article; the stems of each paragraph
    (outside the passages of a pair: a filter by offset) and the sentences of each paragraph are
    taken from here instead of being recomputed for every pair. Offsets are one array (8 bytes a
    stem) and each distinct stem is one string shared by every article (the corpus keeps one
    of these per article it aligns). The stems are found on first use (the rewrite search reads
    only the sentences), and the whole stems of every paragraph are kept: most pairs of an
    article leave most of its paragraphs untouched.
    """

    __slots__ = (
        "_sentences",
        "_whole",
        "paragraphs",
        "rewrite_sentences",
        "starts",
        "stems",
        "text",
    )

    def __init__(self, text: str):
        self.text = text
        self._sentences: dict[int, tuple] = {}
        #: Paragraph number -> its sentences as :func:`analysis.reuse.rewrite.rewrites` reads them.
        self.rewrite_sentences: dict[int, list] = {}
        self.paragraphs = paragraph_spans(text)
        #: The offsets and the stems, found on first use (the rewrite search reads only the
        #: sentences).
        self.starts: array | None = None
        self.stems: list[str] = []
        self._whole: list[tuple[int, int, tuple[str, ...]]] | None = None

    def _find_stems(self) -> None:
        # Lowercasing ASCII text keeps every offset, so the whole text is folded at once (and a
        # lowercase word's stem is that of the word), and its words and their offsets come from
        # one split. C-level maps: the stem of each word, the start of each word with a stem.
        text = self.text
        if text.isascii():
            words, offsets = split_matches(_ASCII_STEM_SPLIT_RE, text.lower())
            starts = offsets[::2].tolist()
        else:
            matches = list(_STEM_RE.finditer(text))
            words, starts = list(map(re.Match.group, matches)), map(re.Match.start, matches)
        stems = list(map(_STEM_OF.__getitem__, words))
        self.starts = array("q", compress(starts, stems))
        self.stems = list(filter(None, stems))

    def whole_paragraphs(self) -> list[tuple[int, int, tuple[str, ...]]]:
        """Every paragraph ``(p0, p1, stems)`` with all its stems (kept: every pair of the
        article reads the paragraphs its passages do not touch)."""
        if self._whole is None:
            if self.starts is None:
                self._find_stems()
            starts, stems = self.starts, self.stems
            self._whole = [
                (p0, p1, tuple(stems[bisect_left(starts, p0) : bisect_left(starts, p1)]))
                for p0, p1 in self.paragraphs
            ]
        return self._whole

    def paragraph_stems(self, p0: int, p1: int, taken: list[tuple[int, int]]) -> tuple:
        """The stems of the paragraph ``[p0, p1)`` that start outside the ``taken`` spans."""
        if self.starts is None:
            self._find_stems()
        starts, stems = self.starts, self.stems
        i0, i1 = bisect_left(starts, p0), bisect_left(starts, p1)
        # The stems starting in a taken span [a, b) are those of one run of indexes.
        cut = sorted(
            (bisect_left(starts, a, i0, i1), bisect_left(starts, b, i0, i1))
            for a, b in taken
            if a < p1 and b > p0
        )
        if not cut:
            return tuple(stems[i0:i1])
        kept, cursor = [], i0
        for r0, r1 in cut:
            kept.extend(stems[cursor:r0])
            cursor = max(cursor, r1)
        kept.extend(stems[cursor:i1])
        return tuple(kept)

    def sentences(self, p0: int, p1: int) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
        """The sentences of the paragraph ``[p0, p1)``: spans in the article, content stems (kept
        for the article: the pairs of an article ask for the same paragraphs again)."""
        found = self._sentences.get(p0)
        if found is None:
            found = tuple(
                (p0 + s, p0 + e, st) for s, e, st in _paragraph_sentences(self.text[p0:p1])
            )
            self._sentences[p0] = found
        return found


def paraphrases(
    src: ArticleStems, tgt: ArticleStems, taken, *, threshold, min_common
) -> list[dict]:
    """The reworded sentences of a pair outside its ``taken`` passages (see the module doc)."""

    def free(spans, start, end):
        return all(end <= a or start >= b for a, b in spans)

    def paragraphs(article, taken_spans):
        """Paragraphs with the stems of their text outside the passages (a passage only takes
        stems away: a paragraph too short as a whole is left out at once)."""
        out = []
        for p0, p1, stems in article.whole_paragraphs():
            if len(stems) < min_common:
                continue
            if any(a < p1 and b > p0 for a, b in taken_spans):
                stems = article.paragraph_stems(p0, p1, taken_spans)
                if len(stems) < min_common:
                    continue
            out.append((p0, p1, stems))
        return out

    def sentences(article, p0, p1, taken_spans):
        return [
            (s0, s1, stems)
            for s0, s1, stems in article.sentences(p0, p1)
            if len(stems) >= min_common and free(taken_spans, s0, s1)
        ]

    tgt_text = tgt.text
    src_taken = [(p["source_start"], p["source_end"]) for p in taken]
    tgt_taken = [(p["target_start"], p["target_end"]) for p in taken]
    # Sentences never cross paragraphs, and the longest common subsequence of two sentences is at
    # most that of the stems of their paragraphs outside the passages: only paragraph pairs where
    # it reaches ``min_common`` are split into sentences (the costly step) and compared.
    src_sents, tgt_sents, pairs = {}, {}, []
    tgt_paragraphs = paragraphs(tgt, tgt_taken)
    for a0, a1, a_stems in paragraphs(src, src_taken):
        for b0, b1, b_stems in tgt_paragraphs:
            if _lcs(a_stems, b_stems) >= min_common:
                if a0 not in src_sents:
                    src_sents[a0] = sentences(src, a0, a1, src_taken)
                if b0 not in tgt_sents:
                    tgt_sents[b0] = sentences(tgt, b0, b1, tgt_taken)
                pairs.append((a0, b0))
    scored = []
    for pa, pb in pairs:
        for a0, a1, a_stems in src_sents[pa]:
            for b0, b1, b_stems in tgt_sents[pb]:
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
                "n_words": word_count(tgt_text[b0:b1]),
                "edits": "",
            }
        )
    return found


def closest_sentences(
    corpus,
    source_id: str,
    target_id: str,
    *,
    n: int = 5,
    threshold: float = 0.45,
    min_common: int = 6,
) -> pd.DataFrame:
    """The ``n`` sentence pairs of two articles with the highest :func:`paraphrase_similarity`.

    What a reader needs to see why a pair counts as reworded and why sentences that only share a
    topic do not: each pair's score beside the thresholds of :class:`analysis.ReuseOptions`.

    Parameters
    ----------
    corpus : Corpus
    source_id, target_id : str
        The two articles (every sentence of one against every sentence of the other).
    n : int
        Pairs returned, the most similar first (ties: by source, then target sentence).
    threshold, min_common
        The paraphrase thresholds: ``counts`` is whether a pair meets both.

    Returns
    -------
    pandas.DataFrame
        ``source_sent, target_sent, similarity, common_stems, counts, source_text, target_text``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> seeds = load_corpus(SEEDS_DIR)
    >>> top = closest_sentences(seeds, "000_5b183b1fed710e9a", "001_80062493b65dd1fc", n=20)
    >>> top.loc[~top["similarity"].eq(1.0), ["source_sent", "target_sent", "similarity", "counts"]].head(2)
       source_sent  target_sent  similarity  counts
    6            2            1      0.5455    True
    7            6            3      0.3846   False
    """  # noqa: E501
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n!r}")
    sentences = corpus.sentences
    for article_id in (source_id, target_id):
        if article_id not in corpus.articles.index:
            raise KeyError(f"no article {article_id!r} in the corpus")
    left = sentences[sentences["article_id"] == source_id]
    right = sentences[sentences["article_id"] == target_id]
    rows = []
    for a in left.itertuples():
        for b in right.itertuples():
            similarity, common = paraphrase_similarity(a.text, b.text)
            rows.append((a.sent, b.sent, similarity, common, a.text, b.text))
    columns = [
        "source_sent",
        "target_sent",
        "similarity",
        "common_stems",
        "source_text",
        "target_text",
    ]
    table = pd.DataFrame(rows, columns=columns)
    table.insert(
        4, "counts", (table["similarity"] >= threshold) & (table["common_stems"] >= min_common)
    )
    table = table.sort_values(
        ["similarity", "source_sent", "target_sent"], ascending=[False, True, True], kind="stable"
    )
    return table.head(n).reset_index(drop=True)
