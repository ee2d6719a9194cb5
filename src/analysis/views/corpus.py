"""Corpus overview figure: each article drawn as a strip of its paragraphs.

One horizontal bar per article (oldest at the top), cut into its paragraphs, each segment as wide as
the paragraph's word count and numbered. A reader sees at once how long each article is, how it is
built, and where long or short paragraphs sit; later notebooks colour the same strips by reuse.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["plot_paragraph_strips"]

_COLOURS = ("#4C72B0", "#8DA0CB")


def plot_paragraph_strips(
    summary: pd.DataFrame, paragraph_words: pd.DataFrame, *, title: str | None = None
) -> Figure:
    """Draw each article as a horizontal strip of paragraphs sized by their word counts.

    Parameters
    ----------
    summary : DataFrame
        :func:`analysis.summarize` output (index ``article_id``; ``date``, ``author``).
    paragraph_words : DataFrame
        :func:`analysis.corpus.overview.paragraph_words` output (``article_id, para, words``).
    title : str, optional
        Figure title.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.corpus.overview import paragraph_words, summarize
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> fig = plot_paragraph_strips(summarize(corpus), paragraph_words(corpus))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['2021-07-15  Azernews', '2022-04-12  Vugar Khalilov']
    """
    order = summary.sort_values(["date"], kind="stable").index
    fig, ax = plt.subplots(figsize=(10, 0.9 + 0.55 * len(order)), layout="constrained")
    for row, article_id in enumerate(order):
        paras = paragraph_words[paragraph_words["article_id"] == article_id].sort_values("para")
        left = 0
        for para, words in paras[["para", "words"]].itertuples(index=False):
            ax.barh(row, words, left=left, height=0.6, color=_COLOURS[para % 2], edgecolor="white")
            if words >= 12:
                ax.text(
                    left + words / 2,
                    row,
                    str(para),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=8,
                )
            left += words
    labels = [
        f"{summary.at[a, 'date']:%Y-%m-%d}  {summary.at[a, 'author'] or 'unknown author'}"
        for a in order
    ]
    ax.set_yticks(range(len(order)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("words (segments are paragraphs, numbered from 0)")
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title, loc="left")
    return fig
