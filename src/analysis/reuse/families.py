"""Boilerplate families and reuse shares, built on the passages of :func:`analysis.find_reuse`.

Design
------
A *family* is one piece of background text followed across articles. Each passage links a span
in its source to a span in its target; spans of one article that overlap by at least half of the
shorter one are the same occurrence. The connected groups of occurrences (union-find) are the
families. A family's origin is its earliest occurrence (by publication date, ties by article id);
its history lists each later occurrence in date order with how it was taken (verbatim, the edits,
or a paraphrase), and ``passages`` names its rows of the passages table in the same order, so a
reader (the report's family pages) can list every reuse with both its articles.

An article's *reuse share* is the number of its characters covered by the union of the spans it
recycled from earlier articles, divided by the length of its text.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.corpus.units import word_spans
from analysis.reuse.detection import check_passages

__all__ = ["boilerplate_families", "reuse_share"]

FAMILY_COLUMNS = [
    "family_id",
    "origin_id",
    "origin_date",
    "origin_start",
    "origin_end",
    "n_articles",
    "n_passages",
    "n_words",
    "kinds",
    "article_ids",
    "history",
    "passages",
]


def boilerplate_families(corpus: Corpus, reuse: pd.DataFrame) -> pd.DataFrame:
    """Group reused passages into families of the same background text.

    Parameters
    ----------
    corpus : Corpus
    reuse : pandas.DataFrame
        The passages of :func:`analysis.find_reuse` on this corpus.

    Returns
    -------
    pandas.DataFrame
        One row per family: ``family_id`` (0.. by origin date, then size), ``origin_id``,
        ``origin_date``, ``origin_start, origin_end`` (the span in the origin article),
        ``n_articles``, ``n_passages``, ``n_words`` (words of the origin span), ``kinds`` (the kinds
        of its passages, e.g. ``"edited,verbatim"``), ``article_ids`` (tuple, in date order) and
        ``history`` (one ``date article_id: how`` entry per later article, ``" | "``-separated)
        and ``passages`` (tuple of the family's row positions in ``reuse``, by the target's
        publication date, then source id, then position).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> from analysis import find_reuse
    >>> families = boilerplate_families(corpus, find_reuse(corpus))
    >>> families[["family_id", "origin_start", "origin_end", "n_articles", "n_words", "kinds"]]
       family_id  origin_start  origin_end  n_articles  n_words       kinds
    0          0          1230        2225           2      152    verbatim
    1          1           277         471           2       30  paraphrase
    >>> families.loc[0, "history"]
    '2022-04-12 001_80062493b65dd1fc: verbatim'
    >>> families["passages"].tolist()  # rows of the passages table: 1 is the verbatim block
    [(1,), (0,)]
    """
    check_passages(reuse)
    dates = corpus.articles["date"]
    rank = corpus.date_rank
    spans: dict[str, list[list[int]]] = {}
    passages = []
    for position, row in enumerate(reuse.itertuples(index=False)):
        src = _occurrence(spans, row.source_id, row.source_start, row.source_end)
        tgt = _occurrence(spans, row.target_id, row.target_start, row.target_end)
        passages.append((src, tgt, row, position))
    parent = {node: node for node in {p[0] for p in passages} | {p[1] for p in passages}}

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for src, tgt, _, _ in passages:
        a, b = find(src), find(tgt)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple, list] = {}
    for src, tgt, row, position in passages:
        groups.setdefault(find(src), []).append((src, tgt, row, position))
    rows = []
    for members in groups.values():
        nodes = {m[0] for m in members} | {m[1] for m in members}
        origin = min(nodes, key=lambda n: (rank[n[0]], n[1]))
        article_id, index = origin
        start, end = spans[article_id][index]
        history = {}
        members.sort(key=lambda m: (rank[m[1][0]], m[2].source_id, m[3]))
        for _, (tgt_article, _), row, _ in members:
            how = row.kind if row.kind != "edited" else f"edited ({row.edits})"
            history.setdefault(tgt_article, f"{dates[tgt_article]:%Y-%m-%d} {tgt_article}: {how}")
        articles = sorted({n[0] for n in nodes}, key=rank.__getitem__)
        rows.append(
            {
                "origin_id": article_id,
                "origin_date": dates[article_id],
                "origin_start": start,
                "origin_end": end,
                "n_articles": len(articles),
                "n_passages": len(members),
                "n_words": len(word_spans(corpus.text(article_id)[start:end])),
                "kinds": ",".join(sorted({m[2].kind for m in members})),
                "article_ids": tuple(articles),
                "history": " | ".join(history.values()),
                "passages": tuple(m[3] for m in members),
            }
        )
    frame = pd.DataFrame(rows, columns=FAMILY_COLUMNS[1:])
    frame = frame.sort_values(
        ["origin_date", "n_articles", "n_words", "origin_id", "origin_start"],
        ascending=[True, False, False, True, True],
        ignore_index=True,
    )
    frame.insert(0, "family_id", range(len(frame)))
    return frame.astype(
        {
            "family_id": "int64",
            "origin_date": "datetime64[ns]",
            "origin_start": "int64",
            "origin_end": "int64",
            "n_articles": "int64",
            "n_passages": "int64",
            "n_words": "int64",
        }
    )


def _occurrence(spans: dict[str, list[list[int]]], article_id: str, start: int, end: int):
    """Return the node ``(article_id, index)`` of the span, merging spans that overlap by half."""
    known = spans.setdefault(article_id, [])
    for index, (s, e) in enumerate(known):
        if 2 * (min(end, e) - max(start, s)) >= min(end - start, e - s):
            known[index] = [min(s, start), max(e, end)]
            return article_id, index
    known.append([start, end])
    return article_id, len(known) - 1


def reuse_share(corpus: Corpus, reuse: pd.DataFrame) -> pd.DataFrame:
    """Return, for every article, the share of its characters recycled from earlier articles.

    Parameters
    ----------
    corpus : Corpus
    reuse : pandas.DataFrame
        The passages of :func:`analysis.find_reuse` on this corpus.

    Returns
    -------
    pandas.DataFrame
        Index ``article_id`` (every article of the corpus, in corpus order); columns
        ``reused_chars`` (characters in the union of its recycled spans), ``total_chars`` (length
        of its text) and ``reuse_share`` (their ratio, 0..1).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> from analysis import find_reuse
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> reuse_share(corpus, find_reuse(corpus))
                          reused_chars  total_chars  reuse_share
    article_id
    000_5b183b1fed710e9a             0         2225     0.000000
    001_80062493b65dd1fc          1190         2143     0.555296
    """
    check_passages(reuse)
    covered: dict[str, list[tuple[int, int]]] = {}
    for row in reuse.itertuples(index=False):
        covered.setdefault(row.target_id, []).append((row.target_start, row.target_end))
    rows = []
    for article_id, text in corpus.articles["text"].items():
        total, cursor = 0, 0
        for start, end in sorted(covered.get(article_id, ())):
            start = max(start, cursor)
            if end > start:
                total += end - start
                cursor = end
        rows.append((article_id, total, len(text)))
    frame = pd.DataFrame(rows, columns=["article_id", "reused_chars", "total_chars"])
    frame = frame.astype({"reused_chars": "int64", "total_chars": "int64"})
    frame["reuse_share"] = frame["reused_chars"] / frame["total_chars"].clip(lower=1)
    return frame.set_index("article_id")
