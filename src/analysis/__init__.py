"""analysis: chronology, source overlap and boilerplate reuse in news articles.

Data flows one way: files -> :class:`Corpus` (tidy DataFrames with character offsets) -> analyses
(DataFrames whose spans index the article text exactly) -> figures, notebooks and the report.

- corpus loading: :func:`load_corpus`, :class:`Corpus`, :func:`summarize`
- boilerplate reuse: :func:`find_reuse`, :func:`reused_spans`, :func:`boilerplate_families`,
  :func:`reuse_share`, :func:`side_by_side`
- chronology: :func:`extract_timexes`, :func:`timeline_mentions`, :func:`build_timeline`,
  :func:`score_timexes` (TempEval-3 Task A)
- sources: :func:`extract_sources`, :func:`extract_entities`, :func:`source_overlap`
"""

from analysis.corpus import ArticleFormatError, Corpus, load_corpus
from analysis.entities import extract_entities
from analysis.families import boilerplate_families, reuse_share
from analysis.overlap import source_matrix, source_overlap
from analysis.overview import paragraph_words, summarize
from analysis.reuse import align_pair, find_reuse, reused_spans
from analysis.reuse_index import article_signatures, candidate_pairs
from analysis.sidebyside import paragraph_similarity, side_by_side
from analysis.sources import extract_sources
from analysis.tempeval import read_timeml, score_timexes
from analysis.timeline import build_timeline, timeline_mentions
from analysis.timexes import extract_timexes
from analysis.units import split_paragraphs, split_sentences, word_spans

__all__ = [
    "ArticleFormatError",
    "Corpus",
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
