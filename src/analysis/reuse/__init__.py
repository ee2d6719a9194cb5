"""Boilerplate reuse: which passages an article recycles from earlier ones, where, how edited.

The stages, each a pure function of its inputs (so they partition, e.g. on Dask):

- :mod:`~analysis.reuse.index`: comparison keys of words and the hashed word n-gram index that
  finds the article pairs worth aligning, in time proportional to the shared text;
- :mod:`~analysis.reuse.alignment`: the local alignment of two texts into exact passages, with
  their kind (verbatim, edited) and edits;
- :mod:`~analysis.reuse.paraphrase`: reworded sentences between two articles, by the longest
  common subsequence of content stems;
- :mod:`~analysis.reuse.templates`: frames repeated with other figures (kind ``template``), by
  aligning keys with numbers folded, each article linked to the nearest earlier holder;
- :mod:`~analysis.reuse.rewrite`: articles that rewrite one source sentence by sentence (kind
  ``rewrite``), paired by an inverted index of rare content stems;
- :mod:`~analysis.reuse.detection`: :func:`find_reuse`, the corpus-wide composition;
- :mod:`~analysis.reuse.origins`: :func:`reused_spans`, the recycled spans of each article with
  the origin of their text;
- :mod:`~analysis.reuse.families`: boilerplate families with their history, and reuse shares.
"""

from analysis.reuse.alignment import align_pair
from analysis.reuse.detection import REUSE_COLUMNS, align_target, find_reuse, source_candidates
from analysis.reuse.families import boilerplate_families, reuse_share
from analysis.reuse.index import article_signatures, candidate_pairs
from analysis.reuse.origins import SPAN_COLUMNS, reused_spans
from analysis.reuse.paraphrase import content_stems, paraphrase_similarity

__all__ = [
    "REUSE_COLUMNS",
    "SPAN_COLUMNS",
    "align_pair",
    "align_target",
    "article_signatures",
    "boilerplate_families",
    "candidate_pairs",
    "content_stems",
    "find_reuse",
    "paraphrase_similarity",
    "reuse_share",
    "reused_spans",
    "source_candidates",
]
