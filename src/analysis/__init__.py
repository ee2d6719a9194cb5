"""analysis: chronology, source overlap and boilerplate reuse in news articles.

Data flows one way: files -> :class:`Corpus` (tidy DataFrames with character offsets) -> analyses
(DataFrames whose spans index the article text exactly) -> views, notebooks and the report. Each
analysis takes what it needs as arguments (the corpus, the tables of the steps before it and one
options object) and never computes an earlier step itself:

- :mod:`analysis.corpus`: :func:`load_corpus`, :class:`Corpus`, :func:`summarize`, text units;
- :mod:`analysis.reuse`: :func:`find_reuse` -> :func:`reused_spans`,
  :func:`boilerplate_families`, :func:`reuse_share`;
- :mod:`analysis.chronology`: :func:`extract_timexes`; :func:`timeline_mentions` (with the reused
  spans) -> :func:`build_timeline`; :func:`score_timexes` (TempEval-3 Task A);
- :mod:`analysis.sources`: :func:`parse_corpus` -> :func:`extract_entities`,
  :func:`extract_sources` (with the reused spans) -> :func:`source_overlap`;
- :mod:`analysis.views`: figures and :func:`side_by_side`;
- :mod:`analysis.report`: :func:`~analysis.report.run_report`, the whole pipeline to one folder;
- :mod:`analysis.options`: :class:`ReuseOptions`, :class:`TimelineOptions`,
  :class:`SourcesOptions`, :class:`OverlapOptions`, :class:`AnalysisOptions`;
- :mod:`analysis.lexicon`: the word tables every analysis shares.
"""

from analysis.chronology.tagger import extract_timexes
from analysis.chronology.tempeval import score_timexes
from analysis.chronology.timeline import build_timeline, timeline_mentions
from analysis.corpus.loading import ArticleFormatError, Corpus, load_corpus
from analysis.corpus.overview import paragraph_words, summarize
from analysis.corpus.timeml import read_timeml
from analysis.corpus.units import split_paragraphs, split_sentences, word_spans
from analysis.options import (
    AnalysisOptions,
    OverlapOptions,
    ReuseOptions,
    SourcesOptions,
    TimelineOptions,
)
from analysis.reuse.alignment import align_pair
from analysis.reuse.detection import find_reuse
from analysis.reuse.families import boilerplate_families, reuse_share
from analysis.reuse.index import article_signatures, candidate_pairs
from analysis.reuse.origins import reused_spans
from analysis.sources.attributions import extract_sources
from analysis.sources.entities import ParsedCorpus, extract_entities, parse_corpus
from analysis.sources.overlap import source_matrix, source_overlap
from analysis.views.sidebyside import paragraph_similarity, side_by_side

__all__ = [
    "AnalysisOptions",
    "ArticleFormatError",
    "Corpus",
    "OverlapOptions",
    "ParsedCorpus",
    "ReuseOptions",
    "SourcesOptions",
    "TimelineOptions",
    "align_pair",
    "article_signatures",
    "boilerplate_families",
    "build_timeline",
    "candidate_pairs",
    "extract_entities",
    "extract_sources",
    "extract_timexes",
    "find_reuse",
    "load_corpus",
    "paragraph_similarity",
    "paragraph_words",
    "parse_corpus",
    "read_timeml",
    "reuse_share",
    "reused_spans",
    "score_timexes",
    "side_by_side",
    "source_matrix",
    "source_overlap",
    "split_paragraphs",
    "split_sentences",
    "summarize",
    "timeline_mentions",
    "word_spans",
]

__version__ = "0.1.0"
