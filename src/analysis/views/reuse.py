"""Figures for boilerplate reuse: a paragraph similarity heatmap and a reuse-share chart.

Both take the tables the analyses return (:func:`analysis.views.sidebyside.paragraph_similarity`,
:func:`analysis.reuse_share`) and return a matplotlib Figure; they compute nothing else.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["paragraph_heatmap", "reuse_share_chart"]


def paragraph_heatmap(
    similarity: pd.DataFrame,
    *,
    source_label: str = "earlier article",
    target_label: str = "later article",
    annotate: bool = True,
) -> Figure:
    """Heatmap of paragraph-by-paragraph similarity between two articles.

    Parameters
    ----------
    similarity : pandas.DataFrame
        From :func:`analysis.paragraph_similarity` (rows: target paragraphs, columns:
        source paragraphs, values 0..1).
    source_label, target_label : str
        Axis titles.
    annotate : bool
        Write the values of 0.3 and above in the cells.

    Examples
    --------
    >>> sim = pd.DataFrame([[1.0, 0.1], [0.2, 0.6]])
    >>> fig = paragraph_heatmap(sim)
    >>> fig.axes[0].get_xlabel()
    'earlier article: paragraph'
    """
    if similarity.empty:
        raise ValueError("similarity is empty: the two articles have no paragraphs")
    values = similarity.to_numpy(dtype=float)
    height = max(3.0, 0.42 * values.shape[0] + 1.2)
    width = max(4.0, 0.42 * values.shape[1] + 2.2)
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    image = ax.imshow(values, cmap="Greens", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(values.shape[1]), [str(c) for c in similarity.columns])
    ax.set_yticks(range(values.shape[0]), [str(i) for i in similarity.index])
    ax.set_xlabel(f"{source_label}: paragraph")
    ax.set_ylabel(f"{target_label}: paragraph")
    ax.xaxis.set_label_position("top")
    ax.xaxis.tick_top()
    if annotate:
        for (row, col), value in np.ndenumerate(values):
            if value >= 0.3:
                ax.text(
                    col,
                    row,
                    f"{value:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if value > 0.6 else "black",
                )
    fig.colorbar(image, ax=ax, shrink=0.8, label="share of equal words (Dice)")
    return fig


def reuse_share_chart(
    shares: pd.DataFrame, *, labels: dict | None = None, title: str | None = None
) -> Figure:
    """Horizontal bars: recycled and new characters of each article, with the reuse share.

    Parameters
    ----------
    shares : pandas.DataFrame
        From :func:`analysis.reuse_share` (index ``article_id``; ``reused_chars``,
        ``total_chars``, ``reuse_share``).
    labels : dict, optional
        Article id -> label shown on the axis (default: the id).
    title : str, optional
        The figure's title (default: what the bars show).

    Examples
    --------
    >>> shares = pd.DataFrame({"reused_chars": [0, 50], "total_chars": [100, 100],
    ...                        "reuse_share": [0.0, 0.5]}, index=["a", "b"])
    >>> fig = reuse_share_chart(shares)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['a', 'b']
    """
    missing = {"reused_chars", "total_chars", "reuse_share"} - set(shares.columns)
    if missing:
        raise ValueError(f"shares is missing column(s) {sorted(missing)}; expected reuse_share()")
    labels = labels or {}
    names = [labels.get(i, str(i)) for i in shares.index]
    reused = shares["reused_chars"].to_numpy()
    new = (shares["total_chars"] - shares["reused_chars"]).to_numpy()
    positions = np.arange(len(shares))[::-1]
    # The bars keep about 4.5 inches whatever the labels' length (about 0.075 inch a character
    # at the tick labels' size), and the legend sits just under the axis, not at a fraction of
    # its height (a fraction of 30 bars is inches of blank).
    width = 4.5 + 0.075 * max((len(name) for name in names), default=0)
    fig, ax = plt.subplots(
        figsize=(min(max(7.5, width), 14), max(2.6, 0.45 * len(shares) + 1.6)),
        layout="constrained",
    )
    ax.barh(positions, reused, color="#2e8b57", label="recycled from earlier articles")
    ax.barh(positions, new, left=reused, color="#c9c9c9", label="new text")
    for y, total, share in zip(
        positions, shares["total_chars"], shares["reuse_share"], strict=True
    ):
        ax.text(total, y, f"  {share:.0%}", va="center", fontsize=9)
    ax.set_yticks(positions, names)
    ax.set_xlabel("characters")
    ax.set_xlim(0, shares["total_chars"].max() * 1.15 if len(shares) else 1)
    ax.set_ylim(-0.6, max(len(shares), 1) - 0.4)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    fig.suptitle(title or "Reuse share: characters recycled from earlier articles", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
