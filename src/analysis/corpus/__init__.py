"""The corpus: articles loaded from files, folders, tables or readers, and their text units.

- :mod:`~analysis.corpus.loading`: :func:`load_corpus` turns every input shape into one
  :class:`Corpus` (tidy DataFrames of articles, paragraphs and sentences with character offsets);
  bad input is an :class:`ArticleFormatError` naming the file, the line and what was expected.
- :mod:`~analysis.corpus.headers`: header lines of text files and date cells of tables (the date
  written out, time, zone and byline in any order; a tz-aware publication instant);
- :mod:`~analysis.corpus.tables`: CSV, JSON Lines, Parquet and DataFrames, with a column mapping;
- :mod:`~analysis.corpus.pages`: saved HTML pages, read by trafilatura;
- :mod:`~analysis.corpus.errors`: :class:`ArticleFormatError`, the one error of bad input.
- :mod:`~analysis.corpus.units`: paragraphs, sentences and words as ``(start, end)`` spans, the one
  definition every analysis shares.
- :mod:`~analysis.corpus.overview`: per-article and per-paragraph counts.
- :mod:`~analysis.corpus.reuters` and :mod:`~analysis.corpus.timeml`: readers for the
  Reuters-21578 SGML files and TimeML documents (TimeBank, AQUAINT, TempEval-3).
"""

from analysis.corpus.loading import ArticleFormatError, Corpus, load_corpus
from analysis.corpus.overview import paragraph_words, summarize
from analysis.corpus.units import split_paragraphs, split_sentences, word_spans

__all__ = [
    "ArticleFormatError",
    "Corpus",
    "load_corpus",
    "paragraph_words",
    "split_paragraphs",
    "split_sentences",
    "summarize",
    "word_spans",
]
