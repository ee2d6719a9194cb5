"""Side-by-side view of two aligned articles, and their paragraph-by-paragraph similarity.

Design
------
:func:`side_by_side` lays the earlier article (left) and the later one (right) out paragraph by
paragraph as an HTML table for JupyterLab; paragraphs joined by a passage share a row, so moved
text lines up. Every reused passage is shaded on both sides with the
same number: green for verbatim, amber for edited, blue for paraphrase; new text stays plain.
Inside an edited passage the words that differ (after the same comparison keys the aligner uses)
are underlined in red, so the edits can be read off directly. Every piece of article text goes
through :func:`html.escape`; the markup only ever wraps escaped text.

:func:`paragraph_similarity` scores every paragraph pair with the Dice share of equal words in
order (``2 * matched / (n_a + n_b)`` over the comparison keys), the matrix behind the heatmap in
:mod:`analysis.views.reuse`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.reuse.index import tokenize
from analysis.views.corpus import article_label

__all__ = ["SideBySide", "paragraph_similarity", "side_by_side"]

COLORS = {
    "verbatim": "#c8f0c8",
    "edited": "#ffe4a8",
    "paraphrase": "#cfe0ff",
    "rewrite": "#e4d4f4",
    "template": "#f4d4c8",
}
#: Inline styles (a notebook that is not trusted drops <style> blocks, and JupyterLab's table CSS
#: right-aligns cells: an element's own style attribute holds against both).
TABLE_STYLE = "border-collapse:collapse;width:100%;font-size:13px;line-height:1.45"
CELL_STYLE = (
    "vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;width:50%"
)
DIFF_STYLE = "text-decoration:underline wavy #d00;font-weight:600"
MARK_STYLE = "padding:0 1px;color:inherit;background:{}"
SUP_STYLE = "color:#555;font-size:10px"
ID_STYLE = "color:#666;font-size:11px;font-weight:normal"
OTHER_KIND_COLOR = "#e4d4f4"


def _mark_style(kind: str) -> str:
    return MARK_STYLE.format(COLORS.get(kind, OTHER_KIND_COLOR))


@dataclass(frozen=True)
class SideBySide:
    """An HTML side-by-side view; JupyterLab renders it, ``str()`` gives the HTML."""

    source_id: str
    target_id: str
    n_passages: int
    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return (
            f"<SideBySide {self.source_id} -> {self.target_id}: {self.n_passages} passages, "
            f"{len(self.html)} characters of HTML>"
        )


def side_by_side(
    corpus: Corpus,
    source_id: str,
    target_id: str,
    *,
    reuse: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
) -> SideBySide:
    """Show two articles side by side with their reused passages highlighted.

    Parameters
    ----------
    corpus : Corpus
    source_id, target_id : str
        The earlier and the later article.
    reuse : pandas.DataFrame
        Passages from :func:`analysis.find_reuse`; only the rows of this pair are shown.
    labels : mapping, optional
        Article id -> the reader's label that heads its column; by default
        :func:`analysis.views.corpus.article_label` of each (a caller drawing many views passes
        :func:`analysis.views.corpus.article_labels` once).

    Returns
    -------
    SideBySide
        Rendered as HTML in JupyterLab; ``.html`` holds the markup.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> from analysis import find_reuse
    >>> reuse = find_reuse(corpus)
    >>> view = side_by_side(corpus, "000_5b183b1fed710e9a", "001_80062493b65dd1fc", reuse=reuse)
    >>> view.n_passages, view.html.count('title="2 verbatim')
    (2, 8)
    """
    ids = (source_id, target_id)
    for article_id in ids:
        if article_id not in corpus.articles.index:
            raise KeyError(f"no article {article_id!r} in the corpus")
    rows = reuse[(reuse["source_id"] == source_id) & (reuse["target_id"] == target_id)]
    # Plain tuples from here on: a report draws thousands of these views, and pandas' cost per
    # call (a sort, a row iterator, a lookup per paragraph) was most of each one's time.
    passages = sorted(
        zip(*(rows[column].tolist() for column in _Passage._fields), strict=True),
        key=lambda p: (p[2], p[0]),  # by target_start, then source_start; stable
    )
    passages = [_Passage(*p) for p in passages]
    source_text, target_text = corpus.text(source_id), corpus.text(target_id)
    source_marks, target_marks = [], []
    for number, row in enumerate(passages, start=1):
        label = f"{number} {row.kind}, similarity {row.similarity:.2f}"
        if row.edits:
            label += f": {row.edits}"
        source_diff, target_diff = (
            _differences(
                source_text,
                target_text,
                row.source_start,
                row.source_end,
                row.target_start,
                row.target_end,
            )
            if row.kind == "edited"
            else ([], [])
        )
        source_marks.append(
            (row.source_start, row.source_end, number, row.kind, label, source_diff)
        )
        target_marks.append(
            (row.target_start, row.target_end, number, row.kind, label, target_diff)
        )
    left, right = corpus.paragraph_spans(source_id), corpus.paragraph_spans(target_id)
    cells = [
        "<tr>"
        + _cell(source_text, left, i, source_marks)
        + _cell(target_text, right, j, target_marks)
        + "</tr>"
        for i, j in _rows(left, right, passages)
    ]
    heads = labels if labels is not None else {a: article_label(corpus, a) for a in ids}
    head = "".join(
        f'<th style="{CELL_STYLE}">{html.escape(heads[a])}'
        f'<br><span style="{ID_STYLE}">{html.escape(a)}</span></th>'
        for a in ids
    )
    legend = " ".join(f'<mark style="{_mark_style(kind)}">{kind}</mark>' for kind in COLORS)
    markup = (
        f'<div class="sbs" style="text-align:left">{legend} '
        f'<span class="diff" style="{DIFF_STYLE}">changed word</span></div>'
        f'<table class="sbs" style="{TABLE_STYLE}"><tr>{head}</tr>{"".join(cells)}</table>'
    )
    return SideBySide(source_id, target_id, len(passages), markup)


class _Passage(NamedTuple):
    """The columns of a passage the view reads."""

    source_start: int
    source_end: int
    target_start: int
    target_end: int
    kind: str
    similarity: float
    edits: str | None


def _differences(source_text, target_text, s0, s1, t0, t1):
    """Character spans of the words that differ between the two sides of an edited passage."""
    src_spans, src_keys = tokenize(source_text[s0:s1])
    tgt_spans, tgt_keys = tokenize(target_text[t0:t1])
    src_words = [source_text[s0 + a : s0 + b] for a, b in src_spans]
    tgt_words = [target_text[t0 + a : t0 + b] for a, b in tgt_spans]
    src_diff, tgt_diff = [], []
    matcher = SequenceMatcher(None, src_keys, tgt_keys, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            for i, j in zip(range(a0, a1), range(b0, b1), strict=True):
                if src_words[i] != tgt_words[j]:
                    src_diff.append((s0 + src_spans[i][0], s0 + src_spans[i][1]))
                    tgt_diff.append((t0 + tgt_spans[j][0], t0 + tgt_spans[j][1]))
        else:
            src_diff += [(s0 + a, s0 + b) for a, b in src_spans[a0:a1]]
            tgt_diff += [(t0 + a, t0 + b) for a, b in tgt_spans[b0:b1]]
    return src_diff, tgt_diff


def _rows(
    left: list[tuple[int, int]], right: list[tuple[int, int]], passages: list[_Passage]
) -> list[tuple[int | None, int | None]]:
    """Pairs of paragraph positions (or None) for the table rows: paragraphs joined by a passage
    share a row, in order; the paragraphs between them are laid side by side."""

    def touched(paragraphs, start, end):
        return [n for n, (a, b) in enumerate(paragraphs) if a < end and b > start]

    links = set()
    for row in passages:
        src = touched(left, row.source_start, row.source_end)
        tgt = touched(right, row.target_start, row.target_end)
        links.update(zip(src, tgt, strict=False))
    chosen: list[tuple[int, int]] = []
    for i, j in sorted(links):
        if not chosen or (i > chosen[-1][0] and j > chosen[-1][1]):
            chosen.append((i, j))
    out, i, j = [], 0, 0
    for mi, mj in [*chosen, (len(left), len(right))]:
        gap_left, gap_right = list(range(i, mi)), list(range(j, mj))
        for k in range(max(len(gap_left), len(gap_right))):
            out.append(
                (
                    gap_left[k] if k < len(gap_left) else None,
                    gap_right[k] if k < len(gap_right) else None,
                )
            )
        if mi < len(left) or mj < len(right):
            out.append((mi, mj))
        i, j = mi + 1, mj + 1
    return out


def _cell(text: str, paragraphs: list[tuple[int, int]], index: int | None, marks) -> str:
    if index is None:
        return f'<td style="{CELL_STYLE}"></td>'
    start, end = paragraphs[index]
    cuts = {start, end}
    for m0, m1, *_, diff in marks:
        cuts.update(c for c in (m0, m1) if start < c < end)
        for d0, d1 in diff:
            cuts.update(c for c in (d0, d1) if start < c < end)
    cuts = sorted(cuts)
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        mark = next((m for m in marks if m[0] <= a and b <= m[1]), None)
        if mark is None:
            pieces.append(piece)
            continue
        m0, _, number, kind, label, diff = mark
        if any(d0 <= a and b <= d1 for d0, d1 in diff):
            piece = f'<span class="diff" style="{DIFF_STYLE}">{piece}</span>'
        tag = f'<sup style="{SUP_STYLE}">[{number}]</sup>' if a == max(m0, start) else ""
        pieces.append(
            f'<mark style="{_mark_style(kind)}" title="{html.escape(label)}">{tag}{piece}</mark>'
        )
    return f'<td style="{CELL_STYLE}">{"".join(pieces)}</td>'


def paragraph_similarity(corpus: Corpus, source_id: str, target_id: str) -> pd.DataFrame:
    """Return the similarity of every paragraph pair of two articles.

    Parameters
    ----------
    corpus : Corpus
    source_id, target_id : str

    Returns
    -------
    pandas.DataFrame
        Index: the target's paragraph numbers (``para``); columns: the source's; values: the
        Dice share of equal words in order, 0..1.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> sim = paragraph_similarity(corpus, "000_5b183b1fed710e9a", "001_80062493b65dd1fc")
    >>> sim.shape, float(sim.loc[4, 7]), float(sim.loc[0, 0]) < 0.5
    ((11, 11), 1.0, True)
    """
    for article_id in (source_id, target_id):
        if article_id not in corpus.articles.index:
            raise KeyError(f"no article {article_id!r} in the corpus")
    left, right = corpus.paragraphs_of(source_id), corpus.paragraphs_of(target_id)
    left_keys = [tokenize(t)[1] for t in left["text"]]
    right_keys = [tokenize(t)[1] for t in right["text"]]
    values = []
    for b in right_keys:
        row = []
        for a in left_keys:
            matcher = SequenceMatcher(None, a, b, autojunk=False)
            matched = sum(block.size for block in matcher.get_matching_blocks())
            row.append(2 * matched / (len(a) + len(b)) if a or b else 0.0)
        values.append(row)
    frame = pd.DataFrame(
        values,
        index=pd.Index(right["para"].tolist(), name="para"),
        columns=pd.Index(left["para"].tolist(), name="source_para"),
    )
    return frame
