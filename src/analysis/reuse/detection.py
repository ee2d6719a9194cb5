"""Reuse detection over a corpus: :func:`find_reuse`, composed of pure, partitionable stages.

Design
------
**Candidates** (:mod:`analysis.reuse.index`): every article's word 4-grams are hashed with
their positions; n-grams shared by two articles, at consecutive positions on one diagonal,
form the *anchors* of that pair. A pair is aligned only if its anchors, grouped as the aligner
can chain them, add up to ``min_words`` words, and cover that many words on each side (words
under several anchors counted once: :func:`~analysis.reuse.index._chain_bounds`); both are exact
upper bounds of the passage score, so nothing the aligner would find is lost while the cost
follows the amount of shared text rather than the square of the corpus. The source is always
the earlier article (date, then id).
:func:`source_candidates` is a generator: it builds the links of one block of targets at a time
(:class:`~analysis.reuse.index._TargetBlocks`) and yields their candidates, so the aligner
consumes them as they come and neither the links nor the anchors of the whole corpus are ever
held at once (the peak memory of all of Reuters at 10x was the links).

:func:`find_reuse` composes pure stages (:func:`~analysis.reuse.index.article_signatures`, then
:func:`source_candidates` per target, then :func:`align_target` / :func:`align_pair`), each a
function of its inputs, so they can be partitioned (e.g. on Dask) with identical results. The
blocks of targets (:class:`CandidateBlocks`) are such partitions: with ``processes`` above 1 they
are shared out between forked processes (:mod:`analysis.reuse.workers`), and so are the blocks
of the template search and the comparisons of the rewrite search, the rows put back in order.
:func:`reused_spans` gives the target side of every passage with the origin of the text (the
earliest article in its chain of reuse).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.options import ReuseOptions
from analysis.reuse.alignment import align, prepare, prepare_text
from analysis.reuse.index import (
    _chain_bounds,
    _cluster_bounds,
    _members,
    _postings,
    _runs,
    _signatures,
    _TargetBlocks,
)
from analysis.reuse.rewrite import rewrite_candidates, rewrites
from analysis.reuse.templates import find_templates, mark_figure_templates
from analysis.reuse.workers import map_parts

__all__ = [
    "REUSE_COLUMNS",
    "REUSE_SCHEMA",
    "align_target",
    "check_passages",
    "find_reuse",
    "passages_frame",
    "source_candidates",
]

#: The columns of the passages table and their types (one place: the frame is built from it).
REUSE_SCHEMA = {
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
    "named_origin": object,
}
REUSE_COLUMNS = list(REUSE_SCHEMA)


def find_reuse(corpus: Corpus, options: ReuseOptions | None = None, **overrides) -> pd.DataFrame:
    """Find the passages each article recycles from earlier articles.

    Parameters
    ----------
    corpus : Corpus
    options : ReuseOptions, optional
        The alignment options (see :func:`analysis.align_pair`), and two of the corpus:
        ``max_df``, n-grams with more occurrences than this in the corpus do not pair articles
        (default: no limit); ``sources``, which earlier articles holding a stretch of text are
        aligned with the article that recycles it. ``"nearest"`` (default): its nearest earlier
        copy (the latest source whose anchors add ``min_words`` words to what later sources
        already gave) and its origin (the same, earliest first), so a paragraph reprinted in k
        articles costs about 2k alignments and families, shares and origins follow the chain
        (the passages are rows of the ``"all"`` run). ``"all"``: every candidate pair, one row
        per passage for every earlier article that holds the text (quadratic in the size of a
        boilerplate family). ``"covering"``: one pass, most shared text first, enough sources
        to cover each recycled stretch once. The other earlier articles that hold a text are
        reached through :func:`analysis.reused_spans` and :func:`analysis.boilerplate_families`.
    **overrides
        Any option by name (``find_reuse(corpus, min_words=12)``).

    Returns
    -------
    pandas.DataFrame
        One row per passage: ``source_id`` (the earlier article), ``target_id``, ``source_start,
        source_end, target_start, target_end`` (offsets into each article's ``text``), ``kind``
        (``verbatim`` | ``edited`` | ``paraphrase`` | ``template`` | ``rewrite``), ``similarity``
        (0..1), ``n_words`` (words in the target span), ``edits`` ("" unless edited; the changed
        slots of a template) and ``named_origin`` (the institution a rewrite names as its source,
        else ""). Sorted by source, target, target offset. ``template`` and ``rewrite`` (options
        of the same names) are described in :mod:`analysis.reuse.templates` and
        :mod:`analysis.reuse.rewrite`.

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
    options = ReuseOptions.merged(options, **overrides)
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    texts = corpus.articles["text"].to_dict()
    prepared = {article_id: prepare_text(text) for article_id, text in texts.items()}
    signatures = _signatures(
        np.array(list(prepared), dtype=object),
        [p[1] for p in prepared.values()],
        options.k,
        True,
        codes=True,
    )
    # The blocks hold what they need of the signatures; the frame itself is freed here.
    blocks = CandidateBlocks(corpus, signatures, options, parts=_parts(options))
    del signatures
    rows = _aligned(blocks, texts, prepared, options)
    del blocks
    rows.extend(later_stages(corpus, prepared, rows, options))
    return passages_frame(rows)


def _aligned(blocks, texts: dict, prepared: dict, options: ReuseOptions) -> list[dict]:
    """The passages of every target of the candidate ``blocks``, block by block, in order."""

    def aligned(number: int) -> list[dict]:
        rows = []
        for target_id, candidates in blocks.candidates(number):
            rows.extend(align_target(target_id, texts, candidates, options, prepared=prepared))
        return rows

    return [row for part in map_parts(len(blocks), aligned, options.processes) for row in part]


def _parts(options: ReuseOptions) -> int:
    """Blocks of targets to cut a search into: several per process (their costs differ)."""
    return 1 if options.processes == 1 else 8 * options.processes


def later_stages(
    corpus: Corpus, prepared: dict, passages: list[dict], options: ReuseOptions
) -> list[dict]:
    """The templates, then the rewrites, of the corpus beyond the aligner's ``passages`` (each
    stage as its option says); ``prepared`` maps every article id to its ``prepare_text``."""
    rows = find_templates(corpus, prepared, passages, options) if options.template else []
    if options.rewrite:
        rows += find_rewrites(corpus, prepared, passages + rows, options)
    return rows


def find_rewrites(
    corpus: Corpus, prepared: dict, passages: list[dict], options: ReuseOptions
) -> list[dict]:
    """The rewritten sentences (kind ``rewrite``) of the article pairs without a passage.

    ``prepared`` maps every article id to its :func:`~analysis.reuse.alignment.prepare_text`;
    ``passages`` are the rows the aligner found: their pairs are not searched again, and a
    sentence of a target inside one of its recycled passages is no rewrite. See
    :mod:`analysis.reuse.rewrite`.
    """
    ids = list(prepared)
    rank = corpus.date_rank
    aligned = {(p["source_id"], p["target_id"]) for p in passages}
    recycled: dict[str, list[tuple[int, int]]] = {}
    for p in passages:
        recycled.setdefault(p["target_id"], []).append((p["target_start"], p["target_end"]))
    candidates = list(rewrite_candidates(ids, list(prepared.values()), options).items())
    parts = min(_parts(options), len(candidates)) or 1
    size = -(-len(candidates) // parts)

    def compared(number: int) -> list[dict]:
        rows = []
        for (x, y), paragraph_pairs in candidates[number * size : (number + 1) * size]:
            source, target = ids[x], ids[y]
            if rank[source] > rank[target]:
                source, target = target, source
                paragraph_pairs = sorted((b, a) for a, b in paragraph_pairs)
            if (source, target) in aligned:
                continue
            found = rewrites(
                prepared[source][3](),
                prepared[target][3](),
                paragraph_pairs,
                options,
                recycled=recycled.get(target, ()),
            )
            rows.extend({"source_id": source, "target_id": target, **p} for p in found)
        return rows

    return [row for part in map_parts(parts, compared, options.processes) for row in part]


def source_candidates(
    corpus: Corpus, signatures: pd.DataFrame, options: ReuseOptions, *, link: str = "all"
):
    """Yield ``(target_id, candidates)`` for every article that shares text with earlier ones.

    Parameters
    ----------
    corpus : Corpus
    signatures : pandas.DataFrame
        From :func:`~analysis.reuse.index.article_signatures` with ``positions=True``.
    options : ReuseOptions
        ``min_words`` and ``max_gap``: pairs whose anchors cannot make a passage (see
        :func:`~analysis.reuse.index.anchor_bounds`) are left out; ``max_df``: n-grams with more
        occurrences than this do not pair articles.
    link : str
        ``"all"``: every earlier article holding a shared n-gram; ``"nearest"``: per n-gram, only
        the nearest earlier article holding it (see :func:`~analysis.reuse.index._nearest_links`).

    Yields
    ------
    (target_id, candidates)
        ``candidates`` is a list of ``(source_id, anchors)``: the earlier articles (by date, ties
        by id) that can share a passage with the target, most shared words first, with their
        anchors (maximal runs ``(source_word, target_word, length)`` of shared n-grams), sorted by
        target word. Targets come in id order.
    """
    blocks = CandidateBlocks(corpus, signatures, options, link=link)
    del signatures
    for number in range(len(blocks)):
        yield from blocks.candidates(number)


class CandidateBlocks:
    """The candidates of :func:`source_candidates`, block of targets by block.

    The postings of the signatures are kept (int32 codes and positions) and the links of one
    block of consecutive targets at a time (:class:`~analysis.reuse.index._TargetBlocks`, at least
    ``parts`` blocks): :meth:`candidates` yields the targets of one block in id order, so blocks
    in order give every target in order, and blocks can be shared out between processes.
    With ``tight`` (default), the pairs whose anchors cannot chain into ``min_words`` words
    (:func:`~analysis.reuse.index._chain_bounds`), which would give no passage, are left out.
    """

    def __init__(
        self,
        corpus: Corpus,
        signatures: pd.DataFrame,
        options: ReuseOptions,
        *,
        link: str = "all",
        parts: int = 1,
        tight: bool = True,
    ):
        if "position" not in signatures.columns:
            raise ValueError("signatures need positions: article_signatures(..., positions=True)")
        rank_of = corpus.date_rank
        limit = options.max_df if options.max_df is not None else len(signatures) + 1
        self.k = int(signatures.attrs.get("k", 4))
        self.options, self.tight = options, tight
        self.ids, self.codes, self.positions, starts, sizes = _postings(
            signatures, limit, rank_of, link
        )
        del signatures
        self.rank = np.array([rank_of[i] for i in self.ids], dtype=np.int64)
        # The right row of every link is the later article (rows are in chronological order
        # within an n-gram): the target.
        self.blocks = _TargetBlocks(self.codes, starts, sizes, link, parts)

    def __len__(self) -> int:
        return len(self.blocks)

    def candidates(self, number: int):
        """Yield ``(target_id, candidates)`` for the targets of block ``number`` (see
        :func:`source_candidates`)."""
        options, ids, codes, positions, rank = (
            self.options,
            self.ids,
            self.codes,
            self.positions,
            self.rank,
        )
        n = max(len(ids), 1)

        # Most shared text first ("covering"), latest first ("nearest", see align_target).
        def order(c):
            return -c[1] if options.sources == "nearest" else (c[0], c[1])

        left, right = self.blocks.links(number)
        target_pos = positions[right]
        pair = codes[right].astype(np.int64) * n + codes[left]
        diagonal = positions[left] - target_pos
        del left, right
        run_pair, run_tgt, run_diagonal, run_len = _runs(pair, diagonal, target_pos, self.k)
        del pair, diagonal, target_pos
        pairs, bound = _cluster_bounds(run_pair, run_tgt, run_len, options.max_gap)
        good = bound >= options.min_words
        pairs, bound = pairs[good], bound[good]
        keep = _members(run_pair, pairs)
        run_pair, run_tgt, run_len = run_pair[keep], run_tgt[keep], run_len[keep]
        run_src = run_tgt + run_diagonal[keep]
        del run_diagonal
        if self.tight:
            # A pair whose chains cannot reach min_words gives no passage, and leaving it out
            # changes nothing else (an aligned pair without a passage covers no word): the
            # tighter bound filters, the first still orders the candidates.
            _, chain_bound = _chain_bounds(run_pair, run_tgt, run_src, run_len, options.max_gap)
            good = chain_bound >= options.min_words
            pairs, bound = pairs[good], bound[good]
            keep = _members(run_pair, pairs)
            run_pair, run_tgt, run_len = run_pair[keep], run_tgt[keep], run_len[keep]
            run_src = run_src[keep]
        run_src = run_src.tolist()
        cuts = np.searchsorted(run_pair, pairs).tolist()
        ends = [*cuts[1:], len(run_pair)] if cuts else []
        run_tgt, run_len = run_tgt.tolist(), run_len.tolist()
        targets, sources = np.divmod(pairs, n)
        by_target: dict[int, list] = {}
        # Python integers throughout: the sort keys compare faster than numpy scalars.
        for t, src, negative, when, r0, r1 in zip(
            targets.tolist(),
            sources.tolist(),
            (-bound).tolist(),
            rank[sources].tolist(),
            cuts,
            ends,
            strict=True,
        ):
            anchors = list(zip(run_src[r0:r1], run_tgt[r0:r1], run_len[r0:r1], strict=True))
            by_target.setdefault(t, []).append((negative, when, src, anchors))
        for t in sorted(by_target):
            ordered = sorted(by_target.pop(t), key=order)
            yield ids[t], [(ids[src], anchors) for _, _, src, anchors in ordered]


def align_target(
    target_id: str,
    texts: dict[str, str],
    candidates: list,
    options: ReuseOptions,
    *,
    prepared: dict | None = None,
) -> list[dict]:
    """Align one article with its candidate sources (from :func:`source_candidates`).

    Returns the passages as dicts with ``source_id`` and ``target_id``; see :func:`find_reuse` for
    the options. With ``options.template``, edited passages whose edits only change figures are
    templates (:func:`~analysis.reuse.templates.mark_figure_templates`), in process and on Dask
    alike. ``prepared`` maps article ids to :func:`~analysis.reuse.alignment.prepare_text`
    results already at hand.
    """

    def prepared_text(article_id: str):
        if prepared is not None and article_id in prepared:
            return prepared[article_id]
        return prepare(texts[article_id])

    target_text = texts[target_id]
    target = prepared_text(target_id)
    # With "nearest", candidates come latest first: the nearest earlier copy of each stretch,
    # then (reversed) its origin; each pass skips a source whose anchors add fewer than
    # ``min_words`` words outside what that pass has already linked.
    passes = [candidates, candidates[::-1]] if options.sources == "nearest" else [candidates]
    aligned: dict[str, tuple[list[dict], list[tuple[int, int]]]] = {}
    words = len(target[1])
    for ordered in passes:
        # Target words linked in this pass, one byte each (counted by C loops).
        covered = bytearray(words)
        for source_id, anchors in ordered:
            if source_id in aligned:
                _cover(covered, aligned[source_id][1])
                continue
            if (
                options.sources != "all"
                and 1 in covered
                and _covered_words(anchors, covered) < options.min_words
            ):
                continue
            own: list[tuple[int, int]] = []
            passages = align(
                texts[source_id],
                target_text,
                prepared_text(source_id),
                target,
                anchors,
                options,
                covered=own,
            )
            _cover(covered, own)
            aligned[source_id] = passages, own
    rows = [
        {"source_id": source_id, "target_id": target_id, **p}
        for source_id, (passages, _) in aligned.items()
        for p in passages
    ]
    if options.template:
        mark_figure_templates(rows)
    return rows


def _cover(covered: bytearray, ranges: list[tuple[int, int]]) -> None:
    """Mark the target words ``[v0, v1)`` of each range as covered."""
    for v0, v1 in ranges:
        covered[v0:v1] = b"\x01" * (v1 - v0)


def _covered_words(anchors, covered: bytearray) -> int:
    """The words of the anchors that still fall outside the covered target words."""
    return sum(n - covered.count(1, j, j + n) for _, j, n in anchors)


def check_passages(reuse: object, columns: list[str] = REUSE_COLUMNS) -> None:
    """Refuse anything but a passages table of :func:`find_reuse` holding ``columns``."""
    if not isinstance(reuse, pd.DataFrame):
        raise TypeError(f"reuse must be the DataFrame of find_reuse, got {type(reuse).__name__}")
    missing = [c for c in columns if c not in reuse.columns]
    if missing:
        raise ValueError(f"reuse is missing column(s) {missing}; expected find_reuse output")


def passages_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """The passages as the typed, sorted frame :func:`find_reuse` returns."""
    frame = pd.DataFrame(list(rows), columns=REUSE_COLUMNS)
    frame["named_origin"] = frame["named_origin"].astype(object).fillna("")
    frame = frame.astype(REUSE_SCHEMA)
    return frame.sort_values(
        ["source_id", "target_id", "target_start", "source_start"], ignore_index=True
    )
