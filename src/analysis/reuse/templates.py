"""Templates: passages whose frame recurs with its figures changed (kind ``template``).

Design
------
Automated reports repeat one frame with other figures ("Shr 30 cts vs 25 cts / Net 1,234,000 vs
987,000 / Revs 99.3 mln vs 89.4 mln"): few word n-grams survive, so the aligner finds nothing.
The template search aligns the articles again on *frame keys*: the word keys of
:mod:`analysis.reuse.index` with every number (a key that starts with a digit) written ``#``.
A frame is held by thousands of reports, so each n-gram of frame keys links an article only to
the nearest earlier article holding it (``source_candidates(..., link="nearest")``, through
:func:`~analysis.reuse.index._nearest_links`): the work follows the corpus, and the chain of
nearest copies joins all the reports of one frame into one family
(:func:`analysis.boilerplate_families`). Frames that differ
in a word (profit/loss, Year/Nine mths, Revs/Sales) break that: each n-gram of a report may link
to another near holder, and no pair gathers anchors that chain. With the option
``template_close_frames=n``, a report that gets no template from the linking n-grams has its
``n`` nearest candidates aligned again on all the frame keys each pair shares. Off by default:
on all of Reuters, ``n=3`` adds 1,240 templates for 2.1 times the CPU time (BENCHMARKS.md).

A frame that keeps long runs of words ("The board declared a quarterly dividend of 18 cts a
share, payable on May 2 to holders of record on April 12") is found by the aligner itself, as an
``edited`` passage whose edits are the figures. :func:`mark_figure_templates` makes such a
passage a template: one whose every edit puts a figure for a figure (a digit on both sides of
``->``, no word added or removed), two figures at least. One changed figure stays ``edited``: a
story reissued with one figure updated is copied prose, not a frame filled again. The aligner's
``align_target``, which both runs (in process and on Dask) call, marks its passages so.

A passage of the frame alignment is a template when its target span overlaps no passage the
aligner found in that article (such passages are found, so the alignment of the pair is the same,
but not described: :func:`~analysis.reuse.alignment.align`'s ``taken``) and at least one figure
differs; ``edits`` lists the changed slots
(``30->25``, and any word changed between two anchors, e.g. a company name) and ``similarity``
the share of equal frame keys (1.0 when only figures changed).
"""

from __future__ import annotations

import dataclasses
from array import array

import numpy as np

from analysis.corpus.loading import Corpus
from analysis.options import ReuseOptions
from analysis.reuse.alignment import _anchors, align
from analysis.reuse.index import VOCABULARY, _signatures, id_view
from analysis.reuse.workers import map_parts

__all__ = ["find_templates", "frame_key", "mark_figure_templates"]


def frame_key(key: str) -> str:
    """The frame key of a word key: ``#`` for a number, the key itself otherwise.

    Examples
    --------
    >>> [frame_key(k) for k in ["shr", "30", "1,234,000", "99.3", "cts", "3rd"]]
    ['shr', '#', '#', '#', 'cts', '#']
    """
    return "#" if key[:1].isdigit() else key


def find_templates(
    corpus: Corpus, prepared: dict, passages: list[dict], options: ReuseOptions
) -> list[dict]:
    """The template passages (kind ``template``) of the corpus, given the aligner's passages.

    ``prepared`` maps every article id to its :func:`~analysis.reuse.alignment.prepare_text`;
    see the module docstring.
    """
    from analysis.reuse.detection import CandidateBlocks, _parts

    # The frame key of every key id is a look-up in the vocabulary; the frame keys of an
    # article are only built when it is aligned (_FrameKeys).
    frames = _FrameKeys(prepared)
    signatures = _signatures(
        np.array(list(prepared), dtype=object),
        [p[1] for p in prepared.values()],
        options.k,
        True,
        codes=True,
        hashes=VOCABULARY.hashes[VOCABULARY.frames],
    )
    recycled: dict[str, list[tuple[int, int]]] = {}
    for p in passages:
        recycled.setdefault(p["target_id"], []).append((p["target_start"], p["target_end"]))
    plain = dataclasses.replace(options, paraphrase=False)
    texts = corpus.articles["text"].to_dict()
    # The close frames realign a report's nearest candidates on all the frame keys they share,
    # also those whose linking anchors cannot chain: the candidates are kept for it.
    blocks = CandidateBlocks(
        corpus,
        signatures,
        plain,
        link="nearest",
        parts=_parts(options),
        tight=not options.template_close_frames,
    )
    del signatures

    def framed(number: int) -> list[dict]:
        rows = []
        for target_id, candidates in blocks.candidates(number):
            taken = recycled.get(target_id, [])
            found = _frame_passages(target_id, candidates, texts, frames, taken, plain, full=False)
            if not found and options.template_close_frames:
                # The n-grams of one frame may each link to another near holder (frames
                # differing in a word: profit/loss, Year/Nine mths), so no pair gathers anchors
                # that chain: the nearest few candidates are aligned again on all the frame keys
                # they share.
                nearest = candidates[: options.template_close_frames]
                found = _frame_passages(target_id, nearest, texts, frames, taken, plain, full=True)
            rows.extend(found)
        return rows

    return [row for part in map_parts(len(blocks), framed, options.processes) for row in part]


class _FrameKeys(dict):
    """Article id -> its :func:`~analysis.reuse.alignment.prepare_text` with frame key ids in
    place of the key ids, built on first use."""

    __slots__ = ("_prepared",)

    def __init__(self, prepared: dict):
        super().__init__()
        self._prepared = prepared

    def __missing__(self, article_id: str):
        spans, keys, bounds, stems = self._prepared[article_id]
        frame = array("i", VOCABULARY.frames[id_view(keys)].tobytes())
        self[article_id] = found = (spans, frame, bounds, stems)
        return found


def _frame_passages(target_id, candidates, texts, frames, taken, options, *, full):
    """The template rows of one target from its candidates, on the anchors that linked each
    (``full=False``) or on all the frame keys the pair shares (``full=True``); ``taken`` (target
    spans already holding a passage) grows with each template."""
    rows = []
    target = frames[target_id]
    for source_id, anchors in candidates:
        source = frames[source_id]
        if full:
            anchors = _anchors(source[1], target[1], options.k)
        if taken and _words_outside(anchors, target[0], taken) < options.min_words:
            # Every passage holds the anchors of its chain, so one that overlaps no taken span
            # chains anchors that overlap none, and scores at most their words: this pair
            # returns nothing.
            continue
        # Passages overlapping what was taken before the pair are left out by the aligner (not
        # described); one may still overlap a template of the same pair taken just before it
        # (punctuation after one passage and before the next).
        found = align(
            texts[source_id], texts[target_id], source, target, anchors, options, taken=taken
        )
        for p in found:
            if p["kind"] != "edited" or not _has_slot(p["edits"]):
                continue
            if any(p["target_start"] < end and start < p["target_end"] for start, end in taken):
                continue
            taken.append((p["target_start"], p["target_end"]))
            rows.append({"source_id": source_id, "target_id": target_id, **p, "kind": "template"})
    return rows


def _words_outside(anchors, spans, taken) -> int:
    """The words of the ``anchors`` ``(source word, target word, length)`` whose target text
    (``spans``: the target's word spans) overlaps none of the ``taken`` spans ``(start, end)``.

    Examples
    --------
    >>> spans = [(0, 3), (4, 7), (8, 11), (12, 15), (16, 19)]
    >>> _words_outside([(0, 0, 2), (5, 2, 3)], spans, [(5, 6)])
    3
    >>> _words_outside([(0, 0, 2), (5, 2, 3)], spans, [(7, 8)])
    5
    """
    total = 0
    for _, j, n in anchors:
        start, end = spans[j][0], spans[j + n - 1][1]
        if not any(start < b and a < end for a, b in taken):
            total += n
    return total


def mark_figure_templates(passages: list[dict]) -> None:
    """Make ``template`` each ``edited`` passage whose edits only change figures, two at least
    (in place; see the module docstring).

    Examples
    --------
    >>> rows = [{"kind": "edited", "edits": "18->24; 15->21"}, {"kind": "edited", "edits": "8->4"},
    ...         {"kind": "edited", "edits": "rose->fell; 8->4"}, {"kind": "verbatim", "edits": ""}]
    >>> mark_figure_templates(rows)
    >>> [row["kind"] for row in rows]
    ['template', 'edited', 'edited', 'verbatim']
    """
    for row in passages:
        if row["kind"] == "edited" and _figures_changed(row["edits"]) >= 2:
            row["kind"] = "template"


def _figures_changed(edits: str) -> int:
    """How many figures the edits change when every edit puts a figure for a figure, else 0.

    >>> _figures_changed("1,240->980; 2.41->2.47"), _figures_changed("24->; 3->4")
    (2, 0)
    """
    parts = edits.split("; ")
    return len(parts) if all(map(_is_figure_edit, parts)) else 0


def _has_slot(edits: str) -> bool:
    """Whether the edits change at least one figure (``a->b`` with a digit on both sides)."""
    return any(map(_is_figure_edit, edits.split("; ")))


def _is_figure_edit(edit: str) -> bool:
    """Whether one edit ``a->b`` puts a figure for a figure (a digit on both sides)."""
    old, arrow, new = edit.partition("->")
    return bool(arrow) and any(c.isdigit() for c in old) and any(c.isdigit() for c in new)
