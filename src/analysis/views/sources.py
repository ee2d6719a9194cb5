"""Source figures: who each article quotes, and how much of two articles' overlap is recycled.

:func:`plot_source_matrix` draws the source-by-article matrix as a grid of counts: a dark cell is
a source the article quotes often, a hatched cell one it quotes only inside text recycled from an
earlier article. :func:`plot_overlap` draws, for each pair of articles, one bar for sources and one
for entities, split into what only one article has, what both share through their own reporting,
and what they share only because one recycles the other's text (orange): the recycled share of the
overlap is read off at a glance.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analysis.sources.overlap import source_matrix

__all__ = ["plot_overlap", "plot_source_matrix"]

_SEGMENTS = (
    ("only in the earlier article", "#C7D3E6"),
    ("shared, own reporting", "#2F5F98"),
    ("shared only via recycled text", "#E1812C"),
    ("only in the later article", "#A8C4A2"),
)


def _empty_figure(message: str, title: str | None) -> Figure:
    """A small figure that says there is nothing to draw, rather than an empty or failing one."""
    fig, ax = plt.subplots(figsize=(6, 1.4), layout="constrained")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555555")
    ax.set_axis_off()
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    return fig


def plot_source_matrix(
    sources: pd.DataFrame,
    *,
    articles: list[str] | None = None,
    labels: dict[str, str] | None = None,
    title: str | None = "Who each article quotes",
) -> Figure:
    """Draw the source-by-article matrix of statement counts.

    Parameters
    ----------
    sources : pandas.DataFrame
        :func:`analysis.extract_sources` output (``article_id, source, source_kind,
        in_reused_text``).
    articles : list of str, optional
        The columns, in order (an article that quotes nobody is an empty column); the articles of
        ``sources`` in order of appearance when None. The rows are the sources, most quoted
        first, then by name. Meant for a few dozen articles: the long
        :func:`analysis.source_matrix` holds any number.
    labels : dict, optional
        Article id -> column label (e.g. the publication date); the id when absent.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "source": ["X", "Y", "X"],
    ...                   "source_kind": ["person", "document", "person"],
    ...                   "in_reused_text": [False, False, True]})
    >>> fig = plot_source_matrix(s, labels={"a": "2021", "b": "2022"})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['X  (person)', 'Y  (document)']
    >>> plot_source_matrix(s.iloc[:0]).axes[0].texts[0].get_text()
    'No attributed statements to draw.'
    """
    counts = source_matrix(sources, articles=articles)
    if counts.empty:
        return _empty_figure("No attributed statements to draw.", title)
    columns = articles if articles is not None else list(dict.fromkeys(counts["article_id"]))
    totals = counts.groupby("source")["statements"].sum()
    rows = sorted(totals.index, key=lambda name: (-int(totals[name]), name))
    matrix = counts.pivot(index="source", columns="article_id", values="statements")
    matrix = matrix.reindex(index=rows, columns=columns).fillna(0).astype("int64")
    flagged = sources[sources["in_reused_text"].fillna(False).astype(bool)]
    recycled = (
        source_matrix(flagged, articles=columns)
        .pivot(index="source", columns="article_id", values="statements")
        .reindex(index=rows, columns=columns)
        .fillna(0)
        .astype("int64")
    )
    kinds = sources.drop_duplicates("source").set_index("source")["source_kind"]
    labels = labels or {}
    n_rows, n_cols = matrix.shape
    fig, ax = plt.subplots(
        figsize=(
            2.2 + 1.5 * n_cols + 0.08 * max(map(len, matrix.index), default=10),
            1.2 + 0.45 * n_rows,
        ),
        layout="constrained",
    )
    values = matrix.to_numpy()
    ax.imshow(
        np.where(values > 0, values, np.nan),
        cmap="Blues",
        vmin=0,
        vmax=max(values.max(), 1) * 1.3,
        aspect="auto",
    )
    for r in range(n_rows):
        for c in range(n_cols):
            count, reused = int(values[r, c]), int(recycled.to_numpy()[r, c])
            if count == 0:
                ax.text(c, r, "–", ha="center", va="center", color="#AAAAAA")
                continue
            if reused == count:
                ax.add_patch(
                    plt.Rectangle(
                        (c - 0.5, r - 0.5), 1, 1, fill=False, hatch="///", edgecolor="#E1812C", lw=0
                    )
                )
            text = str(count) if reused == 0 else f"{count} ({reused} recycled)"
            dark = count / max(values.max(), 1) > 0.55
            ax.text(
                c, r, text, ha="center", va="center", fontsize=9, color="white" if dark else "black"
            )
    column_labels = [textwrap.fill(str(labels.get(a, a)), 24) for a in matrix.columns]
    ax.set_xticks(range(n_cols), column_labels, fontsize=8)
    if max(map(len, column_labels), default=0) > 12:
        plt.setp(ax.get_xticklabels(), rotation=30, ha="left", rotation_mode="anchor")
    ax.set_yticks(range(n_rows), [f"{name}  ({kinds.get(name, '?')})" for name in matrix.index])
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(-0.5, n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, n_rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.legend(
        handles=[
            Patch(
                facecolor="white",
                hatch="///",
                edgecolor="#E1812C",
                label="quoted only in recycled text",
            )
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        frameon=False,
        fontsize=8,
    )
    if title:
        ax.set_title(title, loc="left", fontsize=11, pad=24)
    return fig


#: Units from one pair's "sources" row to the next pair's (its "entities" row is one below).
_PAIR_STEP = 2.6


def plot_overlap(
    overlap: pd.DataFrame,
    *,
    labels: dict[str, str] | None = None,
    title: str | None = "What two articles share, and how much of it is recycled",
) -> Figure:
    """Draw, per pair of articles, the split of sources and entities into own and shared parts.

    Parameters
    ----------
    overlap : pandas.DataFrame
        :func:`analysis.source_overlap` output.
    labels : dict, optional
        Article id -> short label for the pair names; the id when absent. Each pair's name is
        written above its two bars, so long names never squeeze the bars.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> o = pd.DataFrame({"article_a": ["a"], "article_b": ["b"], "n_sources_a": [2],
    ...                   "n_sources_b": [3], "shared_sources": [("X", "Y")],
    ...                   "sources_via_reuse": [("Y",)], "n_entities_a": [4], "n_entities_b": [4],
    ...                   "shared_entities": [("P", "Q", "R")], "entities_via_reuse": [()]})
    >>> fig = plot_overlap(o)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['sources', 'entities']
    >>> fig.axes[0].texts[0].get_text()
    'a vs b'
    >>> plot_overlap(o.iloc[:0]).axes[0].texts[0].get_text()
    'No pair of articles shares a source or an entity.'
    """
    if overlap.empty:
        return _empty_figure("No pair of articles shares a source or an entity.", title)
    labels = labels or {}
    rows, headings = [], []
    for pair in overlap.itertuples(index=False):
        first = labels.get(pair.article_a, pair.article_a)
        headings.append((len(rows), f"{first} vs {labels.get(pair.article_b, pair.article_b)}"))
        for what in ("sources", "entities"):
            shared = len(getattr(pair, f"shared_{what}"))
            via = len(getattr(pair, f"{what}_via_reuse"))
            rows.append(
                (
                    what,
                    [
                        getattr(pair, f"n_{what}_a") - shared,
                        shared - via,
                        via,
                        getattr(pair, f"n_{what}_b") - shared,
                    ],
                )
            )
    # A pair's two rows sit one unit apart and pairs _PAIR_STEP units apart, so each pair's
    # heading has a clear band above its bars.
    at = [(row // 2) * _PAIR_STEP + row % 2 for row in range(len(rows))]
    fig, ax = plt.subplots(figsize=(9.5, 1.3 + 0.85 * len(rows)), layout="constrained")
    # Each pair is headed by its two articles, written above its two bars, so long labels never
    # squeeze the bars; the rows are named "sources" and "entities" only.
    for y, name in headings:
        ax.text(
            0,
            at[y] - 0.5,
            name,
            transform=ax.get_yaxis_transform(),
            ha="left",
            va="bottom",
            fontsize=9,
            fontweight="bold",
        )
    for y, (_, parts) in zip(at, rows, strict=True):
        left = 0
        for value, (_, color) in zip(parts, _SEGMENTS, strict=True):
            if value:
                ax.barh(y, value, left=left, color=color, height=0.55, edgecolor="white")
                dark = color in {"#2F5F98", "#E1812C"}
                ax.text(
                    left + value / 2,
                    y,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if dark else "black",
                )
            left += value
    ax.set_yticks(at, [label for label, _ in rows])
    ax.set_ylim(at[-1] + 0.5, -1.05)
    ax.set_xlabel("distinct names (canonical)")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    fig.legend(
        handles=[Patch(color=color, label=label) for label, color in _SEGMENTS],
        loc="outside lower center",
        ncols=2,
        frameon=False,
        fontsize=8,
    )
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    return fig
