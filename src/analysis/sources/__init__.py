"""Sources: who each article cites or names, and what pairs of articles share.

- :mod:`~analysis.sources.parsing`: the spaCy pipeline (installed model, news entity ruler),
  loaded once, run over paragraphs;
- :mod:`~analysis.sources.entities`: named entities with kinds, titles and one canonical name
  across the corpus;
- :mod:`~analysis.sources.attributions`: attributed statements: source, cue, content, medium;
- :mod:`~analysis.sources.overlap`: shared sources and entities of the pairs of articles that share
  any (a sparse table, built from an index name -> articles), split into own reporting and
  recycled boilerplate; the long source-by-article table of statement counts;
- :mod:`~analysis.sources.evaluation`: attributions scored against annotated spans (per role,
  exact and overlapping), and a rule-free baseline.
"""

from analysis.sources.attributions import extract_sources
from analysis.sources.entities import ParsedCorpus, extract_entities, parse_corpus
from analysis.sources.overlap import source_matrix, source_overlap

__all__ = [
    "ParsedCorpus",
    "extract_entities",
    "extract_sources",
    "parse_corpus",
    "source_matrix",
    "source_overlap",
]
