"""Sentence splitting: pysbd's abbreviation search, skipping what cannot change a text, splits
exactly as pysbd's own search."""

from __future__ import annotations

import pysbd.utils
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


LISTS = [
    "Steps: 1. Buy shares. 2. Sell them. 3. Repeat. Then it ended.",
    "Options a. buy b. sell c. hold were given. He chose a.",
    "He listed 1) costs 2) revenue 3) profit. That was all.",
    "Parts (i) the first (ii) the second (iii) the third. Next.",
    "Roman i. first ii. second iii. third. Done here.",
    "Marks ♨ and ☝ stay. The end is near. Shr 1.5 cts vs 2.1 cts.",
    "Net rose 12.5 pct. It was 3.2 mln dlrs. The U.S. firm said.",
    "for 2. the rest (a) item (b) item. Fine.",
]


@pytest.mark.parametrize("text", TEXTS + LISTS)
def test_list_marking_and_rules_split_as_pysbd_itself(text, monkeypatch):
    ours = split_sentences(text)
    units._segmenter()
    monkeypatch.setattr(units._LIST_ITEMS, "add_line_break", units._ADD_LINE_BREAK)
    monkeypatch.setattr(pysbd.utils.Text, "apply", units._TEXT_APPLY)
    assert split_sentences(text) == ours


def test_list_marking_is_skipped_only_without_what_a_list_needs():
    hinted = [bool(units._LIST_ITEM_HINT_RE.search(text)) for text in LISTS]
    assert hinted == [True, True, True, True, True, True, False, True]
    assert units._LIST_ITEM_HINT_RE.search("Net 1.5 mln vs 2.1 mln. A.B. Corp said.") is None
    assert units._LIST_ITEM_HINT_RE.search("x a. y") is not None
    assert units._LIST_ITEM_HINT_RE.search("xa. y") is None


def test_rules_are_applied_in_order_with_their_compiled_patterns():
    first, second = pysbd.utils.Rule("a", "b"), pysbd.utils.Rule("b{2}", "c")
    assert units._apply_rules("aa xa", first, second) == "c xb"
    assert units._apply_rules("aa xa") == "aa xa"
    assert units._RULES[first].pattern == "a"
    with pytest.raises(AttributeError):
        units._apply_rules("text", "not a rule")
