"""Corpus overview figure: each article drawn as a strip of its paragraphs.

One horizontal bar per article (oldest at the top), cut into its paragraphs, each segment as wide as
the paragraph's word count and numbered. A reader sees at once how long each article is, how it is
built, and where long or short paragraphs sit; later notebooks colour the same strips by reuse.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

__all__ = [
    "MAX_STRIPS",
    "article_label",
    "article_labels",
    "plot_corpus",
    "plot_corpus_profile",
    "plot_paragraph_strips",
]

#: Above this many articles one strip per article is unreadable: the corpus is drawn as a profile.
MAX_STRIPS = 30

_COLOURS = ("#4C72B0", "#8DA0CB")


def article_labels(corpus, *, words: int = 6) -> pd.Series:
    """A label per article for readers: its date, its outlet or author, and its title or first
    ``words`` words ("2021-07-15 · Azernews: Defence Minister Zakir Hasanov has said …"; with
    ``words=0`` only "2021-07-15 · Azernews"), index ``article_id``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> article_labels(load_corpus(SEEDS_DIR), words=4).tolist()
    ['2021-07-15 · Azernews: Defence Minister Zakir Hasanov …', '2022-04-12 · Vugar Khalilov: Azerbaijani Defence Minister Col-Gen …']
    >>> article_labels(load_corpus(SEEDS_DIR), words=0).tolist()
    ['2021-07-15 · Azernews', '2022-04-12 · Vugar Khalilov']
    """  # noqa: E501
    arts = corpus.articles
    labels = {
        article_id: _label(date, outlet, author, title, text, words)
        for article_id, date, outlet, author, title, text in arts[
            ["date", "outlet", "author", "title", "text"]
        ].itertuples()
    }
    return pd.Series(labels, index=arts.index, dtype=object)


def article_label(corpus, article_id: str, *, words: int = 6) -> str:
    """The :func:`article_labels` label of one article (without labelling the whole corpus).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> article_label(load_corpus(SEEDS_DIR), "000_5b183b1fed710e9a", words=4)
    '2021-07-15 · Azernews: Defence Minister Zakir Hasanov …'
    """
    at = corpus.articles.at  # one cell at a time: a whole row (.loc) costs ten times more
    return _label(
        *(at[article_id, column] for column in ("date", "outlet", "author", "title", "text")),
        words,
    )


def _label(date, outlet, author, title, text, words: int) -> str:
    credit = next((v for v in (outlet, author) if isinstance(v, str) and v), None)
    head = title if isinstance(title, str) and title else text
    cut = head.split()
    gist = " ".join(cut[:words]) + (" …" if len(cut) > words else "")
    parts = [f"{date:%Y-%m-%d}"] + ([credit] if credit else [])
    return " · ".join(parts) + (f": {gist}" if words > 0 else "")


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


def plot_corpus_profile(summary: pd.DataFrame, *, title: str | None = None) -> Figure:
    """A corpus of any size at a glance: articles per publication day, and words per article.

    Parameters
    ----------
    summary : DataFrame
        :func:`analysis.summarize` output (``date``, ``words``).
    title : str, optional
        The figure's title (default: how many articles, from when to when).

    Examples
    --------
    >>> summary = pd.DataFrame({"date": pd.to_datetime(["2022-01-01", "2022-01-01", "2022-01-03"]),
    ...                         "words": [120, 300, 80]})
    >>> fig = plot_corpus_profile(summary)
    >>> [ax.get_title() for ax in fig.axes]
    ['Articles per publication day', 'Words per article']
    """
    if summary.empty:
        raise ValueError("summary is empty: the corpus has no articles")
    per_day = summary.groupby(summary["date"].dt.normalize()).size()
    fig, (days, lengths) = plt.subplots(
        1, 2, figsize=(10, 3.4), layout="constrained", width_ratios=[3, 2]
    )
    days.bar(per_day.index, per_day.to_numpy(), width=0.8, color=_COLOURS[0])
    days.set_title("Articles per publication day")
    days.set_ylabel("articles")
    days.tick_params(axis="x", labelrotation=30)
    lengths.hist(summary["words"], bins=min(40, max(5, len(summary) // 10)), color=_COLOURS[1])
    lengths.set_title("Words per article")
    lengths.set_xlabel("words")
    lengths.set_ylabel("articles")
    for ax in (days, lengths):
        ax.spines[["top", "right"]].set_visible(False)
    first, last = summary["date"].min(), summary["date"].max()
    fig.suptitle(title or f"{len(summary)} articles, {first:%Y-%m-%d} to {last:%Y-%m-%d}")
    return fig


def plot_corpus(
    summary: pd.DataFrame, paragraph_words: pd.DataFrame, *, title: str | None = None
) -> Figure | None:
    """The corpus at a glance, at any size: paragraph strips up to :data:`MAX_STRIPS` articles,
    above that the profile of :func:`plot_corpus_profile`; ``None`` for an empty corpus.

    Examples
    --------
    >>> from analysis import load_corpus, paragraph_words, summarize
    >>> from analysis.paths import SEEDS_DIR
    >>> seeds = load_corpus(SEEDS_DIR)
    >>> fig = plot_corpus(summarize(seeds), paragraph_words(seeds))
    >>> len(fig.axes[0].patches)  # one bar per paragraph of the two articles
    22
    """
    if summary.empty:
        return None
    if len(summary) <= MAX_STRIPS:
        return plot_paragraph_strips(
            summary, paragraph_words, title=title or "Articles, paragraph by paragraph"
        )
    return plot_corpus_profile(summary, title=title)
