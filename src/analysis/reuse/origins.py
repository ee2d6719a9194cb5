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

__all__ = ["SPAN_COLUMNS", "reused_spans"]

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
