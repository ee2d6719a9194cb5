"""Integrity of the shared lexicon: every table complete, and the analyses reading the same one."""

from __future__ import annotations

import pytest

from analysis.corpus.reuters import _MONTHS as REUTERS_MONTHS
from analysis.lexicon.calendar import MONTHS, WEEKDAYS
from analysis.lexicon.calendar_names import MONTH_NAMES, WEEKDAY_NAMES
from analysis.lexicon.reporting import REPORTING_VERBS
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
