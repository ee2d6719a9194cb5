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

__all__ = [
    "busiest_events",
    "entity_table",
    "example_pair",
    "largest",
    "latest_article",
    "matrix_selection",
    "most_quoting_article",
    "most_reused_pair",
    "most_shared_pairs",
    "passage_paragraphs",
]


def latest_article(corpus: Corpus) -> str:
    """The id of the most recent article (ties: the largest id), the natural one to look at.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> latest_article(load_corpus(SEEDS_DIR))
    '001_80062493b65dd1fc'
    """
    return _by_date(corpus)[-1]


def _by_date(corpus: Corpus) -> list[str]:
    arts = corpus.articles
    order = pd.DataFrame({"date": arts["date"].to_numpy(), "id": arts.index.to_numpy()})
    return order.sort_values(["date", "id"], kind="stable")["id"].astype(str).tolist()


def example_pair(corpus: Corpus, reuse: pd.DataFrame) -> tuple[str | None, str]:
    """The ``(earlier, later)`` pair of articles a reuse walk-through shows.

    The pair whose passages hold the most words (:func:`most_reused_pair`); when no two articles
    share a passage, the two latest articles (by date, then id); with one article, ``(None,
    that_article)``: there is nothing earlier to compare it with, never the article with itself.

    Examples
    --------
    >>> from analysis import find_reuse, load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> seeds = load_corpus(SEEDS_DIR)
    >>> example_pair(seeds, find_reuse(seeds))
    ('000_5b183b1fed710e9a', '001_80062493b65dd1fc')
    >>> example_pair(seeds, find_reuse(seeds).iloc[:0])  # nothing shared: the two latest
    ('000_5b183b1fed710e9a', '001_80062493b65dd1fc')
    >>> one = load_corpus(seeds.articles.reset_index().rename(columns={"article_id": "id"})[:1])
    >>> example_pair(one, find_reuse(one))
    (None, '000_5b183b1fed710e9a')
    """
    pair = most_reused_pair(reuse)
    if pair is not None:
        return pair
    latest = _by_date(corpus)[-2:]
    return (latest[0], latest[1]) if len(latest) == 2 else (None, latest[0])


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
    frame: pd.DataFrame, by: str | Sequence[str], *, n: int | None = 20, ties: Sequence[str] = ()
) -> pd.DataFrame:
    """The ``n`` rows of ``frame`` with the largest ``by``, ties in ascending ``ties`` order
    (``n=None``: every row, in that order).

    A notebook or the report shows these rather than the first rows in file order; the full table
    stays in the variable.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["a", "b", "c"], "words": [5, 9, 9]})
    >>> largest(frame, "words", n=2, ties=["id"])["id"].tolist()
    ['b', 'c']
    """
    most = [by] if isinstance(by, str) else list(by)
    if n is not None and (not isinstance(n, int) or n < 0):
        raise ValueError(f"n must be None or a non-negative integer, got {n!r}")
    keys = most + list(ties)
    order = frame.sort_values(
        keys, ascending=[False] * len(most) + [True] * len(ties), kind="stable"
    )
    return order if n is None else order.head(n)


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


def busiest_events(timeline: pd.DataFrame, n: int = 40) -> pd.DataFrame:
    """The ``n`` timeline events named by the most articles (then mentions), in date order.

    A timeline of 30,000 events cannot be read or drawn whole; the events many articles tell are
    the news. With ``n`` or fewer events the whole timeline comes back.

    Examples
    --------
    >>> timeline = pd.DataFrame({"event_id": [0, 1, 2], "n_articles": [1, 3, 3],
    ...                          "n_mentions": [1, 4, 3]})
    >>> busiest_events(timeline, n=2)["event_id"].tolist()
    [1, 2]
    """
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n!r}")
    chosen = largest(timeline, ["n_articles", "n_mentions"], n=n, ties=["event_id"])
    return chosen.sort_values("event_id", kind="stable")


def most_quoting_article(sources: pd.DataFrame) -> str | None:
    """The article with the most attributed statements (ties: the smallest id), or ``None``.

    Examples
    --------
    >>> most_quoting_article(pd.DataFrame({"article_id": ["b", "a", "b", "a"]}))
    'a'
    >>> most_quoting_article(pd.DataFrame({"article_id": []})) is None
    True
    """
    if sources.empty:
        return None
    counts = sources.groupby("article_id", sort=True).size()
    return str(counts.index[int(counts.to_numpy().argmax())])


def most_shared_pairs(overlap: pd.DataFrame, n: int | None = 30) -> pd.DataFrame:
    """The ``n`` pairs of :func:`analysis.source_overlap` that share the most sources, then the
    most entities (ties: by article ids).

    Examples
    --------
    >>> overlap = pd.DataFrame({"article_a": ["a", "a"], "article_b": ["b", "c"],
    ...                         "shared_sources": [(), ("X",)],
    ...                         "shared_entities": [("P", "Q"), ("P",)]})
    >>> most_shared_pairs(overlap, n=1)[["article_a", "article_b"]].values.tolist()
    [['a', 'c']]
    """
    sized = overlap.assign(
        n_shared_sources=overlap["shared_sources"].map(len).astype("int64"),
        n_shared_entities=overlap["shared_entities"].map(len).astype("int64"),
    )
    return largest(
        sized, ["n_shared_sources", "n_shared_entities"], n=n, ties=["article_a", "article_b"]
    )


def entity_table(
    entities: pd.DataFrame, labels: pd.Series, *, max_articles: int = 10, n: int = 30
) -> pd.DataFrame:
    """Who the articles name: a name-by-article count table for a few articles, else the ``n``
    names found in the most articles.

    Parameters
    ----------
    entities : pandas.DataFrame
        :func:`analysis.extract_entities` output (``article_id, kind, name``).
    labels : pandas.Series
        Article id -> column label (:func:`analysis.views.corpus.article_labels`).
    max_articles : int
        Up to this many articles, one column per article (mentions per name).
    n : int
        Above it, the rows: ``kind, name, articles, mentions``, most articles first.

    Examples
    --------
    >>> entities = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": ["PERSON"] * 3,
    ...                          "name": ["Roe", "Doe", "Roe"]})
    >>> entity_table(entities, pd.Series({"a": "A", "b": "B"}), max_articles=1)
         kind name  articles  mentions
    0  PERSON  Roe         2         2
    1  PERSON  Doe         1         1
    """
    if entities["article_id"].nunique() <= max_articles:
        return pd.crosstab([entities["kind"], entities["name"]], entities["article_id"].map(labels))
    counts = (
        entities.groupby(["kind", "name"], sort=True)
        .agg(articles=("article_id", "nunique"), mentions=("article_id", "size"))
        .reset_index()
    )
    return largest(counts, ["articles", "mentions"], n=n, ties=["kind", "name"]).reset_index(
        drop=True
    )


def matrix_selection(
    sources: pd.DataFrame, *, n_sources: int = 20, n_articles: int = 12
) -> pd.DataFrame:
    """The statements a readable source-by-article matrix shows: the ``n_sources`` sources quoted
    by the most articles, in the ``n_articles`` articles that quote the most of them.

    Ties go to the source name and the article id, so every run draws the same matrix; a small
    corpus comes back whole.

    Examples
    --------
    >>> sources = pd.DataFrame({"article_id": ["a", "a", "b", "c"],
    ...                         "source": ["X", "Y", "X", "Z"]})
    >>> matrix_selection(sources, n_sources=1, n_articles=5)["article_id"].tolist()
    ['a', 'b']
    """
    for name, value in (("n_sources", n_sources), ("n_articles", n_articles)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    reach = sources.groupby("source", sort=True)["article_id"].nunique()
    top_sources = largest(
        reach.rename("articles").reset_index(), "articles", n=n_sources, ties=["source"]
    )["source"]
    kept = sources[sources["source"].isin(top_sources)]
    quoting = kept.groupby("article_id", sort=True)["source"].nunique()
    top_articles = largest(
        quoting.rename("quoted").reset_index(), "quoted", n=n_articles, ties=["article_id"]
    )["article_id"]
    return kept[kept["article_id"].isin(top_articles)]
