"""Integrity of the shared lexicon: every table complete, and the analyses reading the same one."""

from __future__ import annotations

import pytest

from analysis.corpus.reuters import _MONTHS as REUTERS_MONTHS
from analysis.lexicon.calendar import MONTHS, WEEKDAYS
from analysis.lexicon.calendar_names import MONTH_NAMES, WEEKDAY_NAMES
from analysis.lexicon.outlets import MEDIA_OUTLETS, MEDIUM_NOUNS
from analysis.lexicon.places import DEMONYMS
from analysis.lexicon.reporting import REPORTING_VERBS
from analysis.lexicon.spelling import SPELLING_VARIANTS
from analysis.lexicon.titles import DOCUMENT_HEADS, THING_HEADS, TITLE_HEADS, TITLE_WORDS
from analysis.reuse import index
from analysis.sources import entities, parsing
from analysis.sources.attributions import CUE_VERBS

FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august"]
FULL_MONTHS += ["september", "october", "november", "december"]
FULL_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SGML_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def test_every_month_has_its_full_name():
    expected = dict(enumerate(FULL_MONTHS, start=1))
    assert expected == MONTH_NAMES
    assert all(MONTHS[name] == number for number, name in MONTH_NAMES.items())


def test_every_weekday_has_its_full_name_in_iso_order():
    expected = dict(enumerate(FULL_WEEKDAYS, start=1))
    assert expected == WEEKDAY_NAMES
    assert all(WEEKDAYS[name] == number for number, name in WEEKDAY_NAMES.items())


@pytest.mark.parametrize(
    ("table", "numbers"), [(MONTHS, set(range(1, 13))), (WEEKDAYS, set(range(1, 8)))]
)
def test_calendar_forms_are_lower_case_and_numbered_in_range(table, numbers):
    assert all(form == form.lower() for form in table)
    assert set(table.values()) == numbers


def test_reuters_abbreviations_resolve():
    expected = {abbreviation: n for n, abbreviation in enumerate(SGML_MONTHS, start=1)}
    assert expected == REUTERS_MONTHS


def test_cue_verbs_are_the_reporting_verbs_but_quote():
    assert len(REPORTING_VERBS) == 47
    assert len(CUE_VERBS) == 46
    assert CUE_VERBS.issubset(REPORTING_VERBS)
    assert set(REPORTING_VERBS) - CUE_VERBS == {"quote"}


def test_analyses_read_the_lexicon_tables_themselves():
    assert entities.DEMONYMS is DEMONYMS
    assert entities.TITLE_WORDS is TITLE_WORDS
    assert parsing.MEDIA_OUTLETS is MEDIA_OUTLETS
    assert index.SPELLING_VARIANTS is SPELLING_VARIANTS


@pytest.mark.parametrize(
    ("table", "size"),
    [
        (DEMONYMS, 38),
        (TITLE_WORDS, 48),
        (TITLE_HEADS, 14),
        (THING_HEADS, 7),
        (DOCUMENT_HEADS, 10),
        (MEDIA_OUTLETS, 28),
        (MEDIUM_NOUNS, 5),
        (SPELLING_VARIANTS, 15),
    ],
)
def test_tables_have_their_size_and_no_repeated_entry(table, size):
    assert len(table) == size
    assert len(set(table)) == size


def test_demonyms_are_capitalized_and_name_distinct_countries():
    assert all(adjective[:1].isupper() for adjective in DEMONYMS)
    assert len(set(DEMONYMS.values())) == len(DEMONYMS)
    assert not set(DEMONYMS) & set(DEMONYMS.values())


def test_title_heads_are_title_words_but_official():
    not_before_a_name = TITLE_HEADS - TITLE_WORDS
    assert not_before_a_name == {"official"}


def test_descriptions_of_people_and_of_things_do_not_share_a_head():
    assert not TITLE_HEADS & THING_HEADS


@pytest.mark.parametrize("table", [TITLE_WORDS, TITLE_HEADS, THING_HEADS, MEDIUM_NOUNS])
def test_word_tables_are_lower_case(table):
    assert all(word == word.lower() for word in table)


def test_spelling_variants_map_to_a_form_that_is_no_variant():
    assert not set(SPELLING_VARIANTS.values()) & set(SPELLING_VARIANTS)
    assert all(variant == variant.lower() for variant in SPELLING_VARIANTS)
