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
articles' own reporting. Sources the articles do not name (``source_kind`` ``unnamed``, ``group``,
``anonymous``: "officials", "analysts", "a company spokesman") are left out of the overlap: two
articles that both cite "analysts" need not cite the same people. A name found in more than
``max_articles`` articles (:class:`analysis.OverlapOptions`, 200 by default: "United States",
"Reuters" on a wire corpus) is left out too, from the pairs and from the sets the Jaccard index
counts: it would pair nearly every article with every other and tell nothing about either. The
names left out, with their number of articles, are in ``overlap.attrs["common_names"]``.

The overlap table is sparse: it has a row only for the pairs of articles that share at least one
source or entity, since in a corpus of many articles most pairs share nothing (a pair that is
absent shares nothing; its Jaccard indices are 0). The pairs are found through an inverted index,
name -> the articles that have it, so the work grows with the shared (pair, name) occurrences
rather than with the square of the number of articles: each name with ``k`` articles gives its
``k (k - 1) / 2`` pairs as arrays, and one sort by pair, then name, groups them. Pairs are ordered
by the publication order of their articles (:func:`analysis.corpus.loading.date_rank`: date, then
id) and names by their text, so the table is the same on every run and under every hash seed.

:func:`source_matrix` is the source-by-article table of statement counts as a long table, one row
per article and source it quotes, for any number of articles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.options import OverlapOptions
from analysis.sources.attributions import reused_mask

__all__ = ["MATRIX_COLUMNS", "OVERLAP_COLUMNS", "UNNAMED_KINDS", "source_matrix", "source_overlap"]

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
MATRIX_COLUMNS = ["article_id", "source", "statements"]
#: Source kinds of sources no article names: never shared.
UNNAMED_KINDS = frozenset({"unnamed", "group", "anonymous"})


class _Runs:
    """Names grouped by pair of articles: ``names[bounds[i]:bounds[i + 1]]`` (ids into the sorted
    name list, so sorted by text) are the names pair ``keys[i]`` has; ``keys`` sorted."""

    def __init__(self, key: np.ndarray, names: np.ndarray):
        first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else key
        self.keys, self.names = key[first], names
        self.bounds = np.r_[first, len(key)].astype(np.int64)

    def find(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each pair key: whether it has names here, and its run index (0 when it has none)."""
        if not len(self.keys):
            return np.zeros(len(pairs), dtype=bool), np.zeros(len(pairs), dtype=np.int64)
        where = np.minimum(np.searchsorted(self.keys, pairs), len(self.keys) - 1)
        hit = self.keys[where] == pairs
        return hit, np.where(hit, where, 0)

    def sizes(self, pairs: np.ndarray) -> np.ndarray:
        hit, where = self.find(pairs)
        return np.where(hit, np.diff(self.bounds)[where] if len(self.keys) else 0, 0)

    def tuples(self, pairs: np.ndarray, text: list[str]) -> list[tuple[str, ...]]:
        """The sorted tuple of names of each pair key; ``()`` for a pair without any."""
        hit, where = self.find(pairs)
        out: list[tuple[str, ...]] = [()] * len(pairs)
        if not hit.any():
            return out
        bounds = self.bounds.tolist()
        named = [text[i] for i in self.names.tolist()]  # the name of each (pair, name) row
        singles: dict[str, tuple[str]] = {}  # one tuple object per name shared alone
        # Only the pairs that have names here are visited: most pairs share one kind only.
        found = np.flatnonzero(hit)
        for k, run in zip(found.tolist(), where[found].tolist(), strict=True):
            lo, hi = bounds[run], bounds[run + 1]
            if hi - lo == 1:
                single = singles.get(named[lo])
                if single is None:
                    single = singles[named[lo]] = (named[lo],)
                out[k] = single
            else:
                out[k] = tuple(named[lo:hi])
        return out


class _Shared:
    """What the pairs of articles share of one kind of name (sources or entities).

    ``text`` is the sorted list of names; ``counts[rank]`` the number of distinct names of the
    article of that rank; ``shared`` the names each pair ``rank_a * n + rank_b`` (``rank_a <
    rank_b``) shares; ``via`` those of them it shares only through recycled text.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        name_column: str,
        rank: dict[str, int],
        max_articles: int | None = None,
    ):
        n = len(rank)
        table = pd.DataFrame(
            {
                "rank": frame["article_id"].map(rank),
                "name": frame[name_column],
                "own": ~frame["in_reused_text"].fillna(False).astype(bool).to_numpy(),
            }
        ).dropna(subset=["rank", "name"])
        # One row per (name, article), sorted: own when an occurrence is outside recycled text.
        table = table.groupby(["name", "rank"], sort=True)["own"].any().reset_index()
        # A name in very many articles ("United States", "Reuters") says nothing about a pair and
        # would make k (k - 1) / 2 of them: it is left out of the sets (``common``, by articles).
        held = table.groupby("name", sort=True).size()
        common = held[held > max_articles] if max_articles is not None else held.iloc[:0]
        self.common = common.sort_values(ascending=False, kind="stable")
        table = table[~table["name"].isin(common.index)]
        self.text = sorted(set(table["name"]))
        name_id = np.searchsorted(np.array(self.text, dtype=object), table["name"].to_numpy())
        article = table["rank"].to_numpy(dtype=np.int64)
        own = table["own"].to_numpy(dtype=bool)
        self.counts = np.bincount(article, minlength=n)
        # The inverted index: the rows of one name are its articles in publication order; a name
        # of k articles gives the k (k - 1) / 2 pairs of them.
        first = np.flatnonzero(np.r_[True, name_id[1:] != name_id[:-1]]) if len(name_id) else []
        keys, names, via = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], []
        for lo, hi in zip(first, np.r_[first[1:], len(name_id)], strict=False):
            if hi - lo < 2:
                continue
            i, j = np.triu_indices(hi - lo, 1)
            keys.append(article[lo + i] * n + article[lo + j])
            names.append(np.full(len(i), name_id[lo], dtype=np.int64))
            via.append(~(own[lo + i] & own[lo + j]))
        key, name = np.concatenate(keys), np.concatenate(names)
        via_mask = np.concatenate(via) if via else np.zeros(0, dtype=bool)
        order = np.lexsort((name, key))
        key, name, via_mask = key[order], name[order], via_mask[order]
        self.shared = _Runs(key, name)
        self.via = _Runs(key[via_mask], name[via_mask])

    def columns(self, pairs: np.ndarray, a: np.ndarray, b: np.ndarray, what: str) -> dict:
        shared = self.shared.sizes(pairs)
        n_a, n_b = self.counts[a], self.counts[b]
        union = n_a + n_b - shared
        return {
            f"n_{what}_a": n_a,
            f"n_{what}_b": n_b,
            f"shared_{what}": self.shared.tuples(pairs, self.text),
            f"{what}_jaccard": np.divide(shared, union, out=np.zeros(len(pairs)), where=union > 0),
            f"{what}_via_reuse": self.via.tuples(pairs, self.text),
        }


def source_overlap(
    corpus: Corpus,
    *,
    sources: pd.DataFrame,
    entities: pd.DataFrame,
    reused: pd.DataFrame | None,
    options: OverlapOptions | None = None,
    **overrides,
) -> pd.DataFrame:
    """Return the shared sources and entities of every pair of articles that shares any.

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

    Rows of ``sources`` or ``entities`` whose article is not in ``corpus``, or that have no name,
    are ignored.

    Returns
    -------
    pandas.DataFrame
        One row per pair of articles that share at least one source or entity (a pair that
        shares nothing has no row), in publication order of the earlier article, then of the
        later one (date, then id), the earlier article first:
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
    if "source_kind" in sources.columns:
        sources = sources[~sources["source_kind"].isin(UNNAMED_KINDS)]
    if options.entity_kinds is not None:
        entities = entities[entities["kind"].isin(options.entity_kinds)]
    entities = entities.assign(in_reused_text=reused_mask(entities, reused))
    rank = corpus.date_rank
    ids = np.array(list(rank), dtype=object)
    shared_sources = _Shared(sources, "source", rank, options.max_articles)
    shared_entities = _Shared(entities, "name", rank, options.max_articles)
    pairs = np.union1d(shared_sources.shared.keys, shared_entities.shared.keys)
    a, b = np.divmod(pairs, max(len(rank), 1))
    frame = pd.DataFrame(
        {
            "article_a": ids[a].tolist(),
            "article_b": ids[b].tolist(),
            **shared_sources.columns(pairs, a, b, "sources"),
            **shared_entities.columns(pairs, a, b, "entities"),
        }
    )
    frame = frame.astype({c: "int64" for c in OVERLAP_COLUMNS if c.startswith("n_")})
    frame.attrs["common_names"] = {
        **shared_sources.common.astype(int).to_dict(),
        **shared_entities.common.astype(int).to_dict(),
    }
    return frame


def source_matrix(sources: pd.DataFrame, *, articles: list[str] | None = None) -> pd.DataFrame:
    """Return the source-by-article table of attributed statements, as a long table.

    Parameters
    ----------
    sources : pandas.DataFrame
        :func:`analysis.extract_sources` output (``article_id, source`` are read).
    articles : list of str, optional
        The articles to count, in the order of the table; every article of ``sources`` in order of
        appearance when None.

    Returns
    -------
    pandas.DataFrame
        Columns ``article_id, source, statements``: one row per article and source it quotes
        (``statements`` >= 1, int64; a source an article does not quote has no row), the articles
        in the order of ``articles``, the sources of one article most quoted first, then by name.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"article_id": ["a", "a", "b", "a"], "source": ["X", "Y", "X", "Y"]})
    >>> source_matrix(s)
      article_id source  statements
    0          a      Y           2
    1          a      X           1
    2          b      X           1
    >>> source_matrix(s, articles=["b", "c"])
      article_id source  statements
    0          b      X           1
    """
    missing = [c for c in ("article_id", "source") if c not in sources.columns]
    if missing:
        raise ValueError(f"sources is missing column(s) {missing}")
    if articles is None:
        articles = list(dict.fromkeys(sources["article_id"]))
    place = {article_id: i for i, article_id in enumerate(articles)}
    counts = sources.groupby(["article_id", "source"], sort=False).size().rename("statements")
    table = counts.reset_index()
    table = table.assign(place=table["article_id"].map(place)).dropna(subset=["place"])
    table = table.sort_values(
        ["place", "statements", "source"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
    return table.astype({"statements": "int64"})[MATRIX_COLUMNS]
