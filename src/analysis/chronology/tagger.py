"""Temporal expressions in English news: find them and give each its TimeML TIMEX3 value.

What
    :func:`extract_timexes` returns every date, time, duration and set mention of a text with its
    ``type`` and normalized ``value`` (TimeML TIMEX3 form: ``2021-07-14``, ``1992``, ``2022-05``,
    ``P8M``, ``XXXX-WXX-1``, ``2022-Q1``, ``2022-SU``, ``199``, ``2021-07-14TMO``,
    ``PAST_REF`` ...),
    anchored on the publication date (the document creation time, ``dct``).

How
    The rules of :mod:`analysis.chronology.rules` find the spans (words in
    :mod:`analysis.lexicon`); each rule's normalizer (:mod:`analysis.chronology.normalize`) gives
    the value, in text order. Explicit dates keep their own granularity (a year stays a year).
    Underspecified ones ("On June 15", "in May", "Friday") are placed around the publication date
    (:mod:`analysis.chronology.calendar`) by the tense of their clause
    (:mod:`analysis.chronology.tense`): the nearest tense cue to the mention decides
    (will/shall/'ll/"to be held"/scheduled/next, a timetable verb in the present: "talks reopen"
    -> the first such date on or after the publication date; was/did/said/-ed/irregular past
    forms/last/ago -> the last one on or before it), unless the date on the other side is ten
    times nearer ("the offer was extended to Nov. 20" in a story of Nov. 2). With no cue a story
    speaks of the past: the earlier date wins unless the later one is three times nearer. A
    weekday with a part of the day ("Friday night") is a DATE of that day, as TimeBank annotates
    it. Anaphoric expressions ("the quarter", "a year earlier", "the next day", "the previous
    week") use the last date mentioned before them. Newswire clock times ("1630 EST", "0900
    GMT") are TIMEs of the publication day.

Why
    Pure Python, nothing downloaded, fast enough for a corpus (see ``benchmarks/bench_tempeval.py``
    for TempEval-3 scores and speed), and every span indexes the text exactly.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import numpy as np
import pandas as pd

from analysis.chronology.calendar import SEASON_ORDER, as_date, shift_months
from analysis.chronology.normalize import Discourse
from analysis.chronology.rules import RULE_INDEX, find_candidates
from analysis.lexicon.calendar import MODIFIERS

__all__ = [
    "TIMEX_COLUMNS", "extract_timexes", "timex_granularity", "timex_interval", "timex_rows",
]  # fmt: skip

TIMEX_COLUMNS = [
    "start", "end", "text", "type", "value", "granularity", "mod", "anchor", "tense", "rule",
]  # fmt: skip


def timex_granularity(value: str) -> str:
    """The granularity of a TimeML value: ``day``, ``month``, ``year``, ``duration`` ...

    Examples
    --------
    >>> [timex_granularity(v) for v in ["2021-07-14", "1992", "2022-05", "P8M", "199", "PAST_REF"]]
    ['day', 'year', 'month', 'duration', 'decade', 'reference']
    """
    return _granularity(value)


_GRANULARITIES = [
    (re.compile(pattern), name)
    for pattern, name in [
        (r"\d{4}-\d\d-\d\dT.*", "time"), (r"\d{4}-\d\d-\d\d", "day"),
        (r"\d{4}-W\d\d-WE", "weekend"),
        (r"\d{4}-W\d\d", "week"), (r"\d{4}-\d\d", "month"), (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half"), (r"\d{4}-(?:SP|SU|FA|WI)", "season"), (r"\d{4}", "year"),
        (r"\d{3}", "decade"), (r"\d{2}", "century"),
        (r"(?:PAST|PRESENT|FUTURE)_REF", "reference"), (r"P.*", "duration"), (r"X.*", "set"),
    ]
]  # fmt: skip


# A corpus repeats a few thousand values: each is read once.
@functools.lru_cache(maxsize=8192)
def _granularity(value: str) -> str:
    return next((name for pattern, name in _GRANULARITIES if pattern.fullmatch(value)), "other")


def timex_interval(value: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The first and last day a DATE/TIME value denotes, or ``(None, None)`` if it is not a date.

    Examples
    --------
    >>> [str(d.date()) for d in timex_interval("2022-05")]
    ['2022-05-01', '2022-05-31']
    >>> [str(d.date()) for d in timex_interval("199")]
    ['1990-01-01', '1999-12-31']
    >>> timex_interval("P8M")
    (None, None)
    """
    return _interval(value)


@functools.lru_cache(maxsize=8192)
def _interval(value: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    grain = timex_granularity(value)
    year = int(value[:4]) if grain not in {"decade", "century"} and value[:4].isdigit() else None
    if grain in {"day", "time"}:
        first = last = dt.date.fromisoformat(value[:10])
    elif grain == "month":
        first = dt.date(year, int(value[5:7]), 1)
        last = shift_months(first, 1) - dt.timedelta(days=1)
    elif grain in {"week", "weekend"}:
        first = dt.date.fromisocalendar(year, int(value[6:8]), 6 if grain == "weekend" else 1)
        last = first + dt.timedelta(days=1 if grain == "weekend" else 6)
    elif grain in {"quarter", "half", "season"}:
        months = {"Q": 3, "H": 6}.get(value[5], 3)
        index = int(value[6]) - 1 if value[5] in "QH" else SEASON_ORDER[value[5:7]]
        offset = index * months - (1 if value[5] not in "QH" else 0)
        first = shift_months(dt.date(year, 1, 1), offset)
        last = shift_months(first, months) - dt.timedelta(days=1)
    elif grain == "year":
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif grain == "decade":
        first, last = dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    elif grain == "century":
        first, last = dt.date(int(value) * 100, 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    else:
        return None, None
    return pd.Timestamp(first), pd.Timestamp(last)


def _anchor_after(text: str, end: int) -> str | None:
    match = re.match(
        r"\s+(?:after|before|since)\s+((?:the\s+)?[^,.;:()\n]{1,80}?)(?=\s*(?:[,.;:()\n]|$|\s+(?:and|but|"
        r"also|when|while|which|that|who)\b))",
        text[end : end + 120],
    )
    return match.group(1) if match else None


def extract_timexes(text: str, dct: object) -> pd.DataFrame:
    """Find the temporal expressions of an English news text and normalize them (TimeML TIMEX3).

    Parameters
    ----------
    text : str
        The article text.
    dct : date, datetime, pandas.Timestamp or "YYYY-MM-DD" str
        The publication date (document creation time) the relative expressions are anchored on.

    Returns
    -------
    pandas.DataFrame
        One row per expression, in text order: ``start, end`` (``text[start:end]`` is the
        expression), ``text``, ``type`` (DATE, TIME, DURATION, SET), ``value`` (TIMEX3 value),
        ``granularity`` (see :func:`timex_granularity`), ``mod`` (TimeML modifier such as
        ``APPROX``, ``START`` or None), ``anchor`` (for a duration counted from an event, "eight
        months after X", the event X; else None), ``tense`` (the clause tense that placed an
        underspecified date, or None) and ``rule`` (the pattern that found it).

    Raises
    ------
    TypeError, ValueError
        If ``text`` is not a string or ``dct`` is not a date.

    Examples
    --------
    >>> text = "On June 15, they signed a memorandum. Drills will be held in May-June."
    >>> extract_timexes(text, "2022-04-12")[["text", "type", "value"]].values.tolist()
    [['June 15', 'DATE', '2021-06-15'], ['May', 'DATE', '2022-05'], ['June', 'DATE', '2022-06']]
    """
    rows = timex_rows(text, dct)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(TIMEX_COLUMNS)
    data = {name: list(values) for name, values in zip(TIMEX_COLUMNS, columns, strict=True)}
    data["start"] = np.asarray(data["start"], dtype="int64")
    data["end"] = np.asarray(data["end"], dtype="int64")
    return pd.DataFrame(data, columns=TIMEX_COLUMNS)


def timex_rows(text: str, dct: object) -> list[tuple]:
    """The rows of :func:`extract_timexes` as plain tuples, in the order of :data:`TIMEX_COLUMNS`.

    For callers that tag many texts (:func:`analysis.timeline_mentions`): a DataFrame per text
    costs more than the tagging.

    Parameters
    ----------
    text : str
        The article text.
    dct : date, datetime, pandas.Timestamp or "YYYY-MM-DD" str
        The publication date.

    Returns
    -------
    list of tuple
        One ``(start, end, text, type, value, granularity, mod, anchor, tense, rule)`` tuple per
        expression, in text order.

    Raises
    ------
    TypeError, ValueError
        If ``text`` is not a string or ``dct`` is not a date.

    Examples
    --------
    >>> timex_rows("Talks reopen at 0900 GMT.", "1987-03-05")
    [(16, 24, '0900 GMT', 'TIME', '1987-03-05T09:00', 'time', None, None, None, 'clock_zone')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if isinstance(dct, pd.Timestamp):
        dct = dct.to_pydatetime()
    discourse = Discourse(text, as_date(dct))
    rows = []
    for cand in find_candidates(text):
        result = discourse.settle(RULE_INDEX[cand.rule].normalize, cand)
        if result is None:
            continue
        kind, value, tense = result
        anchor = _anchor_after(text, cand.end) if kind == "DURATION" else None
        rows.append(
            (
                cand.start,
                cand.end,
                text[cand.start : cand.end],
                kind,
                value,
                timex_granularity(value),
                MODIFIERS.get(cand.mod) if cand.mod else None,
                anchor,
                tense,
                cand.rule,
            )  # fmt: skip
        )
    return rows
