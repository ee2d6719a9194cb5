"""Sentence splitting: pysbd's abbreviation search, skipping what cannot change a text, splits
exactly as pysbd's own search."""

from __future__ import annotations

import pytest

from analysis.corpus import units
from analysis.corpus.units import _AbbreviationIndex, split_sentences

TEXTS = [
    "Acme Corp. said on Monday its net profit rose. The company, based in St. Louis, gave no "
    "figures. Gen. Hasanov met Col. Dalkiran at 9 a.m. in the U.S. embassy.",
    "Shares of Bolt Inc. rose 2 pct. Analysts at Smith Bros. and Co. expected it. No. 1 is next.",
    "The approx. figure is 3.5 mln dlrs vs 2.1 mln. Mr. Smith, Dr. Jones and Prof. Lee agreed.",
    'He said: "We agree. Fully." Then he left. Apr. 5 is the date; Jan. and Feb. were dull.',
    "Kelvin sign: 5 \u212a. The CO. said İstanbul. Inc. is ſo. Then ıt ended. Next one.",
    "Capt. Ahab vs. the whale, ca. 1851. Fig. 2 shows it. Messrs. Smith and Jones left.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_abbreviation_search_splits_as_pysbd_itself(text, monkeypatch):
    ours = split_sentences(text)
    units._segmenter()
    monkeypatch.setattr(
        units._REPLACER, "search_for_abbreviations_in_string", units._SEARCH_ABBREVIATIONS
    )
    assert split_sentences(text) == ours


def test_only_abbreviations_written_with_a_period_are_searched_for():
    index = _AbbreviationIndex(["co", "corp", "inc", "u.s", "no", "st"])
    assert index.present("acme corp. and bolt co. of the u.s, not st") == ["co", "corp", "u.s"]
    assert index.present("xinc. no.1") == ["inc", "u.s", "no"]
    assert index.present("nothing here") == ["u.s"]
