"""analysis: chronology, source overlap and boilerplate reuse in news articles.

Data flows one way: files -> :class:`Corpus` (tidy DataFrames with character offsets) -> analyses
(DataFrames whose spans index the article text exactly) -> figures, notebooks and the report.
"""

from analysis.corpus import ArticleFormatError, Corpus, load_corpus
from analysis.overview import paragraph_words, summarize
from analysis.families import boilerplate_families, reuse_share
from analysis.reuse import align_pair, find_reuse, reused_spans
from analysis.reuse_index import article_signatures, candidate_pairs
from analysis.sidebyside import paragraph_similarity, side_by_side
from analysis.units import split_paragraphs, split_sentences, word_spans
from analysis.entities import extract_entities
from analysis.sources import extract_sources
from analysis.overlap import source_matrix, source_overlap
from analysis.timexes import extract_timexes
from analysis.tempeval import read_timeml, score_timexes
from analysis.timeline import build_timeline, timeline_mentions

__all__ = [
    "ArticleFormatError",
    "Corpus",
    "load_corpus",
    "paragraph_words",
    "summarize",
    "split_paragraphs",
    "split_sentences",
    "word_spans",
    "align_pair", "article_signatures", "boilerplate_families", "candidate_pairs",
    "find_reuse", "reuse_share", "reused_spans",
    "paragraph_similarity", "side_by_side",
    "extract_entities", "extract_sources", "source_matrix", "source_overlap",
    "extract_timexes", "read_timeml", "score_timexes", "build_timeline", "timeline_mentions",
]

__version__ = "0.1.0"
