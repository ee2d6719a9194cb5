"""Source and entity overlap between articles, split into own reporting and recycled boilerplate.

Design
------
Two articles *share* a source when both attribute a statement to the same canonical name
(:func:`analysis.extract_sources`), and share an entity when both name it
(:func:`analysis.extract_entities`). Overlap is measured per pair of articles by the Jaccard index
of their sets of names. A shared item comes *only through recycled boilerplate* when, in at least
one of the two articles, every occurrence of it (every statement for a source, every mention for an
entity) lies inside text recycled from an earlier article (:func:`analysis.reused_spans`): without
the recycled passages the pair would not share it. Every other shared item is shared through the
articles' own reporting.

:func:`source_matrix` is the source-by-article table of statement counts, for any number of
articles.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.options import OverlapOptions
from analysis.sources.attributions import reused_mask

__all__ = ["OVERLAP_COLUMNS", "source_matrix", "source_overlap"]

OVERLAP_COLUMNS = [
    "article_a",
    "article_b",
    "n_sources_a",
    "n_sources_b",
    "shared_sources",
    "sources_jaccard",
    "sources_via_reuse",
    "n_entities_a",
    "n_entities_b",
    "shared_entities",
    "entities_jaccard",
    "entities_via_reuse",
]


def _jaccard(a: set, b: set) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def _own_names(frame: pd.DataFrame, name_column: str) -> dict[str, tuple[set, set]]:
    """article_id -> (all names, names with at least one occurrence outside recycled text)."""
    out: dict[str, tuple[set, set]] = {}
    for article_id, group in frame.groupby("article_id", sort=False):
        names = set(group[name_column])
        own = set(group.loc[~group["in_reused_text"].fillna(False).astype(bool), name_column])
        out[article_id] = (names, own)
    return out


def _pair_items(a_items, b_items) -> tuple[tuple, tuple, float]:
    (names_a, own_a), (names_b, own_b) = a_items, b_items
    shared = names_a & names_b
    via_reuse = {name for name in shared if name not in own_a or name not in own_b}
    return tuple(sorted(shared)), tuple(sorted(via_reuse)), _jaccard(names_a, names_b)


def source_overlap(
    corpus: Corpus,
    *,
    sources: pd.DataFrame,
    entities: pd.DataFrame,
    reused: pd.DataFrame | None,
    options: OverlapOptions | None = None,
    **overrides,
) -> pd.DataFrame:
    """Return the shared sources and entities of every pair of articles.

    Parameters
    ----------
    corpus : Corpus
    sources : pandas.DataFrame
        :func:`analysis.extract_sources` output.
    entities : pandas.DataFrame
        :func:`analysis.extract_entities` output.
    reused : pandas.DataFrame or None
        Recycled spans ``article_id, start, end`` (:func:`analysis.reused_spans`); None when
        unknown (nothing then counts as shared through reuse).
    options : OverlapOptions, optional
        ``entity_kinds``: count only these entity kinds (e.g. ``("person", "organisation")``);
        all when None. Also accepted by name (``entity_kinds=...``).

    Returns
    -------
    pandas.DataFrame
        One row per pair, the earlier article first (publication date, then id):
        ``article_a, article_b``; ``n_sources_a, n_sources_b`` (distinct sources quoted);
        ``shared_sources`` (sorted tuple of canonical names); ``sources_jaccard``;
        ``sources_via_reuse`` (the shared sources that one of the two articles quotes only in
        recycled text); the same four for entities (``n_entities_a, n_entities_b,
        shared_entities, entities_jaccard, entities_via_reuse``).

    Examples
    --------
    >>> from analysis.corpus.loading import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> from analysis import (extract_entities, extract_sources, find_reuse, parse_corpus,
    ...                       reused_spans)
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> spans, parsed = reused_spans(corpus, find_reuse(corpus)), parse_corpus(corpus)
    >>> sources = extract_sources(corpus, parsed, reused=spans)
    >>> row = source_overlap(
    ...     corpus, sources=sources, entities=extract_entities(parsed), reused=spans
    ... ).iloc[0]
    >>> row.shared_sources
    ('Defence Ministry of Azerbaijan', 'Shusha Declaration on Allied Relations', 'Zakir Hasanov')
    >>> row.sources_via_reuse
    ('Shusha Declaration on Allied Relations', 'Zakir Hasanov')
    >>> float(row.sources_jaccard)
    0.5
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    options = OverlapOptions.merged(options, **overrides)
    for label, frame, needed in (
        ("sources", sources, ("article_id", "source", "in_reused_text")),
        ("entities", entities, ("article_id", "name", "kind", "start", "end")),
    ):
        missing = [c for c in needed if c not in frame.columns]
        if missing:
            raise ValueError(f"{label} is missing column(s) {missing}")
    if options.entity_kinds is not None:
        entities = entities[entities["kind"].isin(options.entity_kinds)]
    entities = entities.assign(
        in_reused_text=[
            reused_mask(a, s, e, reused)
            for a, s, e in entities[["article_id", "start", "end"]].itertuples(index=False)
        ]
    )
    source_sets = _own_names(sources, "source")
    entity_sets = _own_names(entities, "name")
    empty = (set(), set())
    rows = []
    for a, b in combinations(list(corpus.date_rank), 2):
        s_shared, s_reuse, s_jac = _pair_items(source_sets.get(a, empty), source_sets.get(b, empty))
        e_shared, e_reuse, e_jac = _pair_items(entity_sets.get(a, empty), entity_sets.get(b, empty))
        rows.append(
            (
                a,
                b,
                len(source_sets.get(a, empty)[0]),
                len(source_sets.get(b, empty)[0]),
                s_shared,
                s_jac,
                s_reuse,
                len(entity_sets.get(a, empty)[0]),
                len(entity_sets.get(b, empty)[0]),
                e_shared,
                e_jac,
                e_reuse,
            )
        )
    return pd.DataFrame(rows, columns=OVERLAP_COLUMNS)


def source_matrix(sources: pd.DataFrame, *, articles: list[str] | None = None) -> pd.DataFrame:
    """Return the source-by-article table of attributed statements.

    Parameters
    ----------
    sources : pandas.DataFrame
        :func:`analysis.extract_sources` output.
    articles : list of str, optional
        Column order (and articles to show even when they quote nobody); the articles of
        ``sources`` in order of appearance when None.

    Returns
    -------
    pandas.DataFrame
        Index ``source`` (most quoted first, then by name), one column per article, values the
        number of statements (int).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "source": ["X", "Y", "X"]})
    >>> source_matrix(s)
    article_id  a  b
    source
    X           1  1
    Y           1  0
    """
    missing = [c for c in ("article_id", "source") if c not in sources.columns]
    if missing:
        raise ValueError(f"sources is missing column(s) {missing}")
    if articles is None:
        articles = list(dict.fromkeys(sources["article_id"]))
    table = pd.crosstab(sources["source"], sources["article_id"])
    table = table.reindex(columns=articles, fill_value=0)
    order = sorted(table.index, key=lambda name: (-int(table.loc[name].sum()), name))
    table = table.loc[order].astype("int64")
    table.columns.name = "article_id"
    table.index.name = "source"
    return table
