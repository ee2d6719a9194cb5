"""What a notebook shows as its example, chosen by what the corpus holds, never by id.

Design
------
The notebooks run on any corpus: the seeds, one article, or 20,000. Each walk-through needs an
example (an article to cut into units, a pair of articles to lay side by side, the statements of
one source) and tables short enough to read. The functions here choose them from the analyses'
own tables by size or interest (the pair that shares the most words, the article with the most
statements, the rows with the largest values), break ties by date and id so every run shows the
same rows, and return ``None`` or an empty table, never raise, when the corpus has nothing to
show (one article shares nothing with itself).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.corpus.loading import Corpus

__all__ = ["largest", "latest_article", "most_reused_pair", "passage_paragraphs"]


def latest_article(corpus: Corpus) -> str:
    """The id of the most recent article (ties: the largest id), the natural one to look at.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> latest_article(load_corpus(SEEDS_DIR))
    '001_80062493b65dd1fc'
    """
    arts = corpus.articles
    order = pd.DataFrame({"date": arts["date"].to_numpy(), "id": arts.index.to_numpy()})
    return str(order.sort_values(["date", "id"], kind="stable")["id"].iloc[-1])


def most_reused_pair(reuse: pd.DataFrame) -> tuple[str, str] | None:
    """The ``(source_id, target_id)`` pair whose passages hold the most words, or ``None``.

    Ties go to the pair that comes first by source and target id.

    Parameters
    ----------
    reuse : pandas.DataFrame
        Passages of :func:`analysis.find_reuse` (``source_id``, ``target_id``, ``n_words``).

    Examples
    --------
    >>> from analysis import find_reuse, load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> most_reused_pair(find_reuse(load_corpus(SEEDS_DIR)))
    ('000_5b183b1fed710e9a', '001_80062493b65dd1fc')
    >>> most_reused_pair(find_reuse(load_corpus(SEEDS_DIR)).iloc[:0]) is None
    True
    """
    missing = {"source_id", "target_id", "n_words"} - set(reuse.columns)
    if missing:
        raise ValueError(f"reuse lacks the columns {sorted(missing)}")
    if reuse.empty:
        return None
    words = reuse.groupby(["source_id", "target_id"], sort=True)["n_words"].sum()
    source_id, target_id = words.index[int(words.to_numpy().argmax())]
    return str(source_id), str(target_id)


def largest(
    frame: pd.DataFrame, by: str | Sequence[str], *, n: int = 20, ties: Sequence[str] = ()
) -> pd.DataFrame:
    """The ``n`` rows of ``frame`` with the largest ``by``, ties in ascending ``ties`` order.

    A notebook shows these rather than the first rows in file order; the full table stays in the
    variable.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["a", "b", "c"], "words": [5, 9, 9]})
    >>> largest(frame, "words", n=2, ties=["id"])["id"].tolist()
    ['b', 'c']
    """
    most = [by] if isinstance(by, str) else list(by)
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n!r}")
    keys = most + list(ties)
    order = frame.sort_values(
        keys, ascending=[False] * len(most) + [True] * len(ties), kind="stable"
    )
    return order.head(n)


def passage_paragraphs(corpus: Corpus, passage: pd.Series | None) -> pd.DataFrame:
    """The paragraphs that lie wholly inside a passage, on its source and its target side.

    Parameters
    ----------
    corpus : Corpus
    passage : pandas.Series or None
        One row of :func:`analysis.find_reuse`; ``None`` gives an empty table.

    Returns
    -------
    pandas.DataFrame
        One row per side that holds a whole paragraph: ``side`` (``"source"``, ``"target"``),
        ``article_id``, ``first_para``, ``last_para``, ``start``, ``end`` (the offsets of the
        first paragraph's start and the last one's end), ``paragraphs`` (how many the article
        has) and ``share`` (the passage's length on that side over the article's length).

    Examples
    --------
    >>> from analysis import find_reuse, load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> seeds = load_corpus(SEEDS_DIR)
    >>> block = find_reuse(seeds).sort_values("n_words").iloc[-1]
    >>> passage_paragraphs(seeds, block)[["side", "first_para", "last_para"]].to_dict("records")
    [{'side': 'source', 'first_para': 7, 'last_para': 10}, {'side': 'target', 'first_para': 4, 'last_para': 7}]
    """  # noqa: E501
    columns = [
        "side",
        "article_id",
        "first_para",
        "last_para",
        "start",
        "end",
        "paragraphs",
        "share",
    ]
    if passage is None:
        return pd.DataFrame(columns=columns)
    paras = corpus.paragraphs
    rows = []
    for side in ("source", "target"):
        article_id = passage[f"{side}_id"]
        inside = paras[
            (paras["article_id"] == article_id)
            & (paras["start"] >= passage[f"{side}_start"])
            & (paras["end"] <= passage[f"{side}_end"])
        ]
        if inside.empty:
            continue
        rows.append(
            {
                "side": side,
                "article_id": article_id,
                "first_para": int(inside["para"].min()),
                "last_para": int(inside["para"].max()),
                "start": int(inside["start"].min()),
                "end": int(inside["end"].max()),
                "paragraphs": int((paras["article_id"] == article_id).sum()),
                "share": (passage[f"{side}_end"] - passage[f"{side}_start"])
                / len(corpus.text(article_id)),
            }
        )
    return pd.DataFrame(rows, columns=columns)
