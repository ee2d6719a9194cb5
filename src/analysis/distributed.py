"""The pipeline on Dask (dask.distributed): the in-process results, on many cores or machines.

Design
------
Reuse detection is the only step that compares articles; it runs in three distributed stages built
from the same pure functions :func:`analysis.find_reuse` composes:

1. **Signatures**: the articles are split into partitions; each partition computes the word n-gram
   hashes of its articles (:func:`~analysis.reuse.index.article_signatures`).
2. **Candidate index by shuffle**: the ``(article_id, hash)`` rows are shuffled on ``hash``, so
   every n-gram's postings land in one partition. Each partition counts, for the n-grams it holds,
   how many
   each pair of articles shares (:func:`~analysis.reuse.index.candidate_pairs` with
   ``min_shared=1``): every pair of articles that shares an n-gram is found, in whichever
   partition holds that n-gram.
3. **Alignment by target**: the targets (articles sharing text with an earlier one) are cut into
   chunks; each task receives its targets and their candidate sources, finds the anchors of each
   pair (:func:`~analysis.reuse.source_candidates`) and aligns them
   (:func:`~analysis.reuse.align_target`). Anchors depend only on the two articles of a pair and
   their date order, so each task computes what the in-process run computes for its targets.

4. **Templates and rewrites**: the index of frame keys (:mod:`analysis.reuse.templates`) and the
   index of content stems (:mod:`analysis.reuse.rewrite`) are tables of the whole corpus, built
   and searched in one task, given the passages of stage 3.

The passages are then sorted exactly as in process. The costly per-article work of the sources
step, the spaCy parse, runs on the workers in chunks of paragraphs (:func:`parse_paragraphs_dask`);
the parsed documents come back as spaCy ``DocBin`` bytes, and the cross-article steps that follow
(canonical names, overlap) run once on the whole corpus, as in process.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator

import numpy as np
import pandas as pd

from analysis.corpus.loading import Corpus, date_rank
from analysis.options import ReuseOptions
from analysis.reuse.alignment import prepare_text
from analysis.reuse.detection import (
    align_target,
    later_stages,
    passages_frame,
    source_candidates,
)
from analysis.reuse.index import article_signatures, candidate_pairs

__all__ = ["dask_client", "find_reuse_dask", "parse_paragraphs_dask"]


@contextlib.contextmanager
def dask_client(
    scheduler: str | None = None, *, n_workers: int | None = None, processes: bool = True
) -> Iterator:
    """Yield a ``distributed.Client``: on an existing scheduler, or on a new local cluster.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler (``tcp://host:8786``). None starts a ``LocalCluster``.
    n_workers : int, optional
        Workers of the local cluster (default: one per core).
    processes : bool
        Workers in separate processes (default) or as threads of this process.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _pair_counts(partition: pd.DataFrame, max_df: int) -> pd.DataFrame:
    return candidate_pairs(partition, min_shared=1, max_df=max_df)[["a", "b", "shared"]]


def _align_chunk(targets: list[str], articles: pd.DataFrame, options: ReuseOptions) -> list[dict]:
    """Align each target of the chunk with its earlier candidate sources.

    ``articles`` holds the targets and every article sharing an n-gram with one of them, so the
    candidates and anchors of each target are the ones :func:`analysis.find_reuse` computes on the
    whole corpus (they depend only on the two articles of a pair and their date order).
    """
    sub = Corpus(articles=articles, paragraphs=pd.DataFrame())
    signatures = article_signatures(articles, k=options.k, positions=True)
    texts = articles["text"].to_dict()
    wanted = set(targets)
    rows: list[dict] = []
    for target_id, candidates in source_candidates(sub, signatures, options):
        if target_id in wanted:
            rows.extend(align_target(target_id, texts, candidates, options))
    return rows


def find_reuse_dask(
    corpus: Corpus,
    client,
    options: ReuseOptions | None = None,
    *,
    npartitions: int | None = None,
    chunk_size: int = 200,
    **overrides,
) -> pd.DataFrame:
    """:func:`analysis.find_reuse` on a Dask cluster; returns the identical DataFrame.

    Parameters
    ----------
    corpus : Corpus
    client : distributed.Client
        From :func:`dask_client` or your own.
    options : ReuseOptions, optional
        The options of :func:`analysis.find_reuse` (or the same names as keywords). ``max_df``
        must stay None (no limit): a limit on n-gram occurrences is a global count that the
        partitioned alignment tasks do not see. ``processes`` is not used: the tasks run in one
        process each.
    npartitions : int, optional
        Article partitions for the signature and shuffle stages (default: 2 per worker thread).
    chunk_size : int
        Target articles per alignment task.
    """
    import dask.dataframe as dd

    options = ReuseOptions.merged(options, **overrides)
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if options.max_df is not None:
        raise ValueError("max_df is not supported on Dask; leave it None (no limit)")
    articles = corpus.articles[["date", "text"]]
    if len(articles) < 2:
        return passages_frame([])
    threads = sum(client.nthreads().values()) or 1
    npartitions = min(npartitions or 2 * threads, len(articles))

    frame = dd.from_pandas(articles[["text"]], npartitions=npartitions, sort=False)
    signature_meta = pd.DataFrame(
        {"article_id": pd.Series(dtype=object), "hash": pd.Series(dtype=np.uint64)}
    )
    signatures = frame.map_partitions(article_signatures, k=options.k, meta=signature_meta)
    by_hash = signatures.shuffle(on="hash", npartitions=npartitions)
    count_meta = pd.DataFrame(
        {
            "a": pd.Series(dtype=object),
            "b": pd.Series(dtype=object),
            "shared": pd.Series(dtype="int64"),
        }
    )
    unlimited = len(articles) + 1
    partial = by_hash.map_partitions(_pair_counts, max_df=unlimited, meta=count_meta)
    pairs = partial.compute(scheduler=client.get)[["a", "b"]].drop_duplicates()
    rows = _aligned_rows(client, articles, pairs, options, chunk_size) if len(pairs) else []
    # The cluster's workers are the processes here: a task does not fork more.
    single = dataclasses.replace(options, processes=1)
    rows += client.submit(_later_task, articles, rows, single, pure=False).result()
    return passages_frame(rows)


def _aligned_rows(client, articles, pairs, options, chunk_size) -> list[dict]:
    """The passages of the candidate ``pairs``, aligned by target in chunks on the workers."""
    order = date_rank(articles)
    neighbors: dict[str, set[str]] = {}
    for a, b in pairs.itertuples(index=False):
        target, source = (b, a) if order[a] < order[b] else (a, b)
        neighbors.setdefault(target, set()).add(source)
    targets = sorted(neighbors)
    chunks = [targets[i : i + chunk_size] for i in range(0, len(targets), chunk_size)]
    payloads = [
        articles.loc[sorted(set(chunk).union(*(neighbors[t] for t in chunk)))] for chunk in chunks
    ]
    futures = client.map(_align_chunk, chunks, payloads, options=options, pure=False)
    return [row for chunk in client.gather(futures) for row in chunk]


def _later_task(articles: pd.DataFrame, passages: list[dict], options: ReuseOptions):
    """The template and rewrite stages (:func:`~analysis.reuse.detection.later_stages`) as one
    task: each of their indexes is one corpus-wide table."""
    corpus = Corpus(articles=articles, paragraphs=pd.DataFrame())
    prepared = {i: prepare_text(text) for i, text in articles["text"].items()}
    return later_stages(corpus, prepared, passages, options)


def _parse_chunk(paragraphs: list[tuple[str, str, int]]) -> bytes:
    from analysis.sources.docstore import pack_docs
    from analysis.sources.parsing import load_nlp

    return pack_docs(load_nlp().pipe((text for _, text, _ in paragraphs), batch_size=64))


def parse_paragraphs_dask(corpus: Corpus, client, *, chunk_size: int = 400, cache=None) -> list:
    """:func:`analysis.sources.parsing.parse_paragraphs` on a Dask cluster: the same
    ``(article_id, start, doc)`` list, parsed in chunks of paragraphs on the workers and sent back
    as spaCy DocBins. With ``cache`` (a :class:`~analysis.sources.parsecache.ParseCache` or its
    folder) the paragraphs it holds are read from it here and only the others are sent out; they
    are added to it."""
    from spacy.tokens import DocBin

    from analysis.sources.parsecache import ParseCache
    from analysis.sources.parsing import load_nlp

    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    vocab = load_nlp().vocab
    if cache is not None and not isinstance(cache, ParseCache):
        cache = ParseCache(cache, load_nlp())
    paras = list(
        corpus.paragraphs[["article_id", "text", "start"]].itertuples(index=False, name=None)
    )
    todo = paras if cache is None else [p for p in paras if p[1] not in cache]
    chunks = [todo[i : i + chunk_size] for i in range(0, len(todo), chunk_size)]
    futures = client.map(_parse_chunk, chunks, pure=False)
    fresh = {}
    for chunk, blob in zip(chunks, client.gather(futures), strict=True):
        parsed = DocBin().from_bytes(blob).get_docs(vocab)
        fresh.update(
            ((article_id, int(start)), doc)
            for (article_id, _, start), doc in zip(chunk, parsed, strict=True)
        )
    if cache is not None:
        cache.add(fresh.values())
    docs = []
    for article_id, text, start in paras:
        doc = fresh.get((article_id, int(start)))
        docs.append((article_id, int(start), cache.get(text) if doc is None else doc))
    return docs
