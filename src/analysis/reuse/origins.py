"""The recycled spans of each article, with the origin of their text.

:func:`reused_spans` turns the passages of :func:`analysis.find_reuse` into the target side of each
passage (the text an article recycled) and follows each chain of reuse back to the earliest article
in which the text appears: that article's date is the one a relative date in the text was written
against (see :mod:`analysis.chronology.timeline`).
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.reuse.detection import REUSE_COLUMNS, check_passages

__all__ = ["SPAN_COLUMNS", "paragraph_origins", "reused_spans"]

SPAN_COLUMNS = [
    "article_id",
    "start",
    "end",
    "source_id",
    "source_start",
    "source_end",
    "origin_id",
    "origin_date",
    "kind",
]


def reused_spans(corpus: Corpus, reuse: pd.DataFrame) -> pd.DataFrame:
    """Return the target side of every reused passage, with the origin of the text.

    The origin follows the chain back: when the source span was itself recycled (at least half of
    it lies in a passage the source took from an earlier article), the origin is that passage's
    origin, and so on, to the earliest article in which the text appears.

    Parameters
    ----------
    corpus : Corpus
    reuse : pandas.DataFrame
        The passages of :func:`analysis.find_reuse` on this corpus.

    Returns
    -------
    pandas.DataFrame
        ``article_id, start, end`` (the recycled text in the later article), ``source_id,
        source_start, source_end``, ``origin_id, origin_date`` (datetime64) and ``kind``; sorted by
        article and start.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> from analysis import find_reuse
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> spans = reused_spans(corpus, find_reuse(corpus))
    >>> spans[["article_id", "start", "end", "origin_id", "kind"]]
                 article_id  start   end             origin_id        kind
    0  001_80062493b65dd1fc    230   425  000_5b183b1fed710e9a  paraphrase
    1  001_80062493b65dd1fc    666  1661  000_5b183b1fed710e9a    verbatim
    """
    check_passages(reuse, REUSE_COLUMNS[:7])
    dates = corpus.articles["date"]
    passages = list(reuse.itertuples(index=False))
    rank = corpus.date_rank
    order = sorted(range(len(passages)), key=lambda i: (rank[passages[i].target_id], i))
    # Passages in chronological order of their targets: a source is always earlier than its
    # target, so the origins of the source's own recycled spans are known when they are needed.
    resolved: dict[str, list[tuple[int, int, str]]] = {}
    origins: dict[int, str] = {}
    for i in order:
        row = passages[i]
        best = row.source_id
        s0, s1 = row.source_start, row.source_end
        for t0, t1, earlier in resolved.get(row.source_id, ()):
            if 2 * (min(s1, t1) - max(s0, t0)) >= s1 - s0 and rank[earlier] < rank[best]:
                best = earlier
        origins[i] = best
        resolved.setdefault(row.target_id, []).append((row.target_start, row.target_end, best))
    rows = []
    for i, row in enumerate(passages):
        origin_id = origins[i]
        rows.append(
            (
                row.target_id,
                row.target_start,
                row.target_end,
                row.source_id,
                row.source_start,
                row.source_end,
                origin_id,
                dates[origin_id],
                row.kind,
            )
        )
    frame = pd.DataFrame(rows, columns=SPAN_COLUMNS).astype(
        {
            "article_id": object,
            "start": "int64",
            "end": "int64",
            "source_id": object,
            "source_start": "int64",
            "source_end": "int64",
            "origin_id": object,
            "origin_date": "datetime64[ns]",
            "kind": object,
        }
    )
    return frame.sort_values(["article_id", "start", "source_id"], ignore_index=True)


def paragraph_origins(corpus: Corpus, spans: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """Each paragraph of one article with how it was taken: the recycled span it lies in, or new.

    Parameters
    ----------
    corpus : Corpus
    spans : pandas.DataFrame
        :func:`reused_spans` on this corpus.
    article_id : str

    Returns
    -------
    pandas.DataFrame
        One row per paragraph: ``para, start, end``, ``taken_as`` (the kind of the first recycled
        span that holds the whole paragraph, else ``"new"``), ``origin`` (``"origin_id
        (YYYY-MM-DD)"``, empty for a new paragraph) and ``opening`` (its first 60 characters).

    Examples
    --------
    >>> from analysis import find_reuse, load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> seeds = load_corpus(SEEDS_DIR)
    >>> table = paragraph_origins(seeds, reused_spans(seeds, find_reuse(seeds)), "001_80062493b65dd1fc")
    >>> table["taken_as"].tolist()
    ['new', 'paraphrase', 'new', 'new', 'verbatim', 'verbatim', 'verbatim', 'verbatim', 'new', 'new', 'new']
    """  # noqa: E501
    if article_id not in corpus.articles.index:
        raise KeyError(f"no article {article_id!r} in the corpus")
    paras = corpus.paragraphs
    own = paras[paras["article_id"] == article_id][["para", "start", "end", "text"]]
    mine = spans[spans["article_id"] == article_id].sort_values(["start", "end"], kind="stable")
    taken, origin = [], []
    for p in own.itertuples():
        span = next((s for s in mine.itertuples() if s.start <= p.start and p.end <= s.end), None)
        taken.append("new" if span is None else span.kind)
        origin.append("" if span is None else f"{span.origin_id} ({span.origin_date:%Y-%m-%d})")
    return pd.DataFrame(
        {
            "para": own["para"].to_numpy(),
            "start": own["start"].to_numpy(),
            "end": own["end"].to_numpy(),
            "taken_as": taken,
            "origin": origin,
            "opening": own["text"].str.slice(0, 60).to_numpy(),
        }
    )
