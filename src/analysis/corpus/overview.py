"""Corpus overview: per-article counts of paragraphs, sentences, words and characters.

The counts come from the corpus's own units (paragraph and sentence spans, :func:`word_spans`), so
they agree with every other analysis that reports spans into the same text.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.corpus.units import word_spans

__all__ = ["summarize", "paragraph_words"]


def paragraph_words(corpus: Corpus) -> pd.DataFrame:
    """Words per paragraph: ``article_id, para, start, end, words``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> paragraph_words(load_corpus(SEEDS_DIR)).head(3)[["article_id", "para", "words"]]
                 article_id  para  words
    0  000_5b183b1fed710e9a     0     26
    1  000_5b183b1fed710e9a     1     18
    2  000_5b183b1fed710e9a     2     30
    """
    frame = corpus.paragraphs[["article_id", "para", "start", "end"]].copy()
    frame["words"] = [len(word_spans(text)) for text in corpus.paragraphs["text"]]
    return frame.astype({"words": "int64"})


def summarize(corpus: Corpus) -> pd.DataFrame:
    """One row per article: ``date, author, paragraphs, sentences, words, characters``.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> summarize(load_corpus(SEEDS_DIR))[["paragraphs", "sentences", "words", "characters"]]
                          paragraphs  sentences  words  characters
    article_id
    000_5b183b1fed710e9a          11         13    328        2225
    001_80062493b65dd1fc          11         13    319        2143
    """
    arts = corpus.articles
    words = paragraph_words(corpus).groupby("article_id")["words"].sum()
    summary = pd.DataFrame(
        {
            "date": arts["date"],
            "author": arts["author"],
            "paragraphs": corpus.paragraphs.groupby("article_id").size(),
            "sentences": corpus.sentences.groupby("article_id").size(),
            "words": words,
            "characters": arts["text"].str.len(),
        },
        index=arts.index,
    )
    counts = ["paragraphs", "sentences", "words", "characters"]
    summary[counts] = summary[counts].fillna(0).astype("int64")
    return summary
