"""Normalization of the temporal tagger: a TimeML type and value for each matched expression.

One small function per rule family, each taking the :class:`Discourse` of the text and a
:class:`~analysis.chronology.rules.Candidate` and returning a :class:`Timex` (or None to drop the
match, as for "Feb. 30, 1987"). The discourse is the little state normalization needs: the text,
the publication date, and the last explicit date and the last quarter reported on, which anaphoric
expressions ("the quarter", "a year earlier") refer to. The date arithmetic is in
:mod:`analysis.chronology.calendar`, the tense of a clause in :mod:`analysis.chronology.tense`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from analysis.chronology.calendar import (
    as_date,
    count_of,
    duration_value,
    iso_week,
    nth_weekday,
    pick,
    place_month,
    place_month_day,
    place_quarter,
    place_season,
    place_weekday,
    quarter_of,
    shift_months,
    shift_value,
    unit_key,
)
from analysis.chronology.tense import BOUNDARY, clause_tense
from analysis.lexicon.calendar import (
    DAY_PARTS,
    HOLIDAYS,
    IRREGULAR_PAST,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
)
from analysis.lexicon.tense import NOT_A_NOUN

if TYPE_CHECKING:
    from analysis.chronology.rules import Candidate

__all__ = [
    "Discourse",
    "Normalizer",
    "Timex",
    "ago",
    "century",
    "clock_time",
    "decade",
    "decade_word",
    "deictic",
    "duration",
    "edge_of_unit",
    "explicit_day",
    "half",
    "holiday",
    "month",
    "month_rel_year",
    "month_year",
    "moving_holiday",
    "neighbour_day",
    "nine_months",
    "quarter",
    "recurrence",
    "recurrence_adverb",
    "reference",
    "relative",
    "season",
    "short_year",
    "span_rel",
    "spelled_year",
    "the_quarter",
    "the_year",
    "this_century",
    "time_day",
    "weekday",
    "weekday_set",
    "week_of",
    "weekend",
    "within",
    "year",
    "year_ago",
    "year_end",
    "year_quarter",
]


class Timex(NamedTuple):
    """The normalization of one expression: TimeML type and value, the tense that placed it, and
    whether it refers back to an earlier date (then it is not remembered as the last date)."""

    kind: str
    value: str | None
    tense: str | None = None
    anaphoric: bool = False


Normalizer = Callable[["Discourse", "Candidate"], "Timex | None"]

_EXPLICIT = re.compile(r"\d{4}(?:-\d\d){0,2}|\d{4}-(?:Q\d|H\d|W\d\d)")
_COMPARISON = re.compile(
    r"(?i)\b(?:compared\s+with|from|versus|against|corresponding\s+period|same\s+period)\b"
)
_SUBJECT_OR_MODAL = re.compile(
    r"(?:\b(?:will|would|could|can|may|might|should|shall|must|hopes?|hoped|I|you|he|she|we|"
    r"they)|'ll|’ll)\s+$"
)
_DAY_COMPLEMENT = re.compile(r"(?i)\s+(?:of|after|before|later|earlier|ago|and|or)\b")
# "Three days later", "a day earlier": a count of short units before or after an event of the
# story is a duration, as after "before" or "after"; "a year earlier" compares with a period.
_NARRATIVE_UNITS = frozenset(["second", "minute", "hour", "day", "week"])
_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
# "The following week", "the previous Friday": counted from the last date the story named.
_NARRATIVE_RELATIONS = frozenset(["following", "previous", "preceding"])


class Discourse:
    """The state of normalizing one text in order: the last date mentioned and quarter reported.

    Parameters
    ----------
    text : str
        The text.
    dct : datetime.date
        Its publication date.

    Examples
    --------
    >>> from analysis.chronology.rules import Candidate
    >>> discourse = Discourse("Sales rose in 1992.", dt.date(2022, 4, 12))
    >>> discourse.settle(year, Candidate(14, 18, "year", {"year": "1992"}))
    ('DATE', '1992', None)
    >>> discourse.last_date
    '1992'
    """

    def __init__(self, text: str, dct: dt.date):
        self.text = text
        self.dct = dct
        self.last_date: str | None = None
        self.last_quarter: str | None = None

    def settle(self, normalize: Normalizer, cand: Candidate) -> tuple[str, str, str | None] | None:
        """Normalize ``cand`` and remember it if it is an explicit date.

        Parameters
        ----------
        normalize : callable
            The normalizer of the candidate's rule.
        cand : Candidate
            The match.

        Returns
        -------
        tuple or None
            ``(type, value, tense)``, or None to drop the match.
        """
        timex = normalize(self, cand)
        if timex is None or timex.value is None:
            return None
        kind, value, tense, anaphoric = timex
        if kind == "DATE" and _EXPLICIT.fullmatch(value) and not anaphoric:
            self.last_date = value
            # A year-ago comparison is with the period reported on, which has ended by the
            # publication date: an outlook for "the fourth quarter" is no such period.
            if re.fullmatch(r"\d{4}-Q\d", value) and value < quarter_of(self.dct):
                self.last_quarter = value
        return kind, value, tense

    def tense(self, cand: Candidate) -> str | None:
        """The tense of the clause around ``cand`` (see :mod:`analysis.chronology.tense`)."""
        return clause_tense(self.text, cand.start, cand.end)

    def span(self, cand: Candidate) -> str:
        """The lower-cased text of ``cand``."""
        return self.text[cand.start : cand.end].lower()

    def last_year(self) -> str:
        """The year of the last date mentioned, or of the publication date."""
        return self.last_date[:4] if self.last_date else str(self.dct.year)

    def year_before(self) -> str:
        """The period a year before the last quarter reported on or the last date mentioned."""
        last = self.last_quarter or self.last_date
        if last and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d)", last):
            return str(int(last[:4]) - 1) + last[4:]
        return str(self.dct.year - 1)

    def reference_day(self) -> dt.date:
        """The last explicit date mentioned (its first day), or the publication date."""
        last = self.last_date
        if last and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", last):
            return as_date((last + "-01-01")[:10])
        return self.dct

    def anchor_for(self, unit: str) -> dt.date:
        """The day a unit next to the story's time counts from ("the next day", "the previous
        week"): the last date named, when it is as fine as ``unit`` (a day for a day or a week, a
        week or a month for a month, any date for a year), else the publication date.

        Examples
        --------
        >>> discourse = Discourse("", dt.date(1987, 3, 5))
        >>> discourse.last_date = "1986"
        >>> discourse.anchor_for("year"), discourse.anchor_for("day")
        (datetime.date(1986, 1, 1), datetime.date(1987, 3, 5))
        """
        last = self.last_date or ""
        if re.fullmatch(r"\d{4}-W\d\d", last):
            fine_enough = unit not in {"day", "week"}
            first = dt.date.fromisocalendar(int(last[:4]), int(last[6:]), 1)
        elif re.fullmatch(r"\d{4}(?:-\d\d){0,2}", last):
            fine_enough = len(last) >= {"day": 10, "week": 10, "month": 7}.get(unit, 4)
            first = as_date((last + "-01-01")[:10])
        else:
            return self.dct
        return first if fine_enough else self.dct

    def compares_quarter(self, cand: Candidate) -> bool:
        """Whether "last year" compares a quarter's figure with the one a year before ("a loss of
        $3 million last year", "the corresponding period last year")."""
        if not self.last_quarter:
            return False
        left = max(0, cand.start - 60)
        for match in BOUNDARY.finditer(self.text, left, cand.start + 1):
            left = match.end()
        return bool(_COMPARISON.search(self.text, left, cand.start))

    def quarter(self, cand: Candidate) -> str:
        """The quarter of "the first quarter", "Q3", "the year-ago period", "the quarter"."""
        g, dct = cand.groups, self.dct
        q = None
        if "qc" in g or "qc2" in g:
            q = int(g.get("qc") or g.get("qc2"))
        word = g.get("ord", "").lower()
        if word in ORDINALS and word not in {"last", "final"}:
            q = ORDINALS[word]
        year = g.get("year") or g.get("qy")
        if year is None and "yrel" in g:  # "the fourth quarter of last year"
            year = str(dct.year + _YEAR_SHIFT[g["yrel"].lower()])
        span = self.span(cand)
        if year is None and "year's" in span:
            year = str(
                dct.year + (-1 if "last year's" in span else 1 if "next year's" in span else 0)
            )
        previous = shift_months(dct, -3)
        if q is None:
            if word in {"year-earlier", "year-ago", "prior-year", "comparable"}:
                return self.year_before()
            if word == "current":
                return f"{dct.year}-Q{(dct.month - 1) // 3 + 1}"
            if word in {"latest", "last", "final", "previous"} or not self.last_date:
                return f"{previous.year}-Q{(previous.month - 1) // 3 + 1}"
            if re.fullmatch(r"\d{4}-Q\d", self.last_date):
                return self.last_date
            return f"{previous.year}-Q{(previous.month - 1) // 3 + 1}"
        value = f"{year}-Q{q}" if year else place_quarter(q, dct, self.tense(cand))
        if "prior" in g:  # "the year-ago third quarter": that quarter a year before
            value = f"{int(value[:4]) - 1}{value[4:]}"
        return value


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def explicit_day(state: Discourse, cand: Candidate) -> Timex | None:
    """A month and day, with or without a year: "2021-07-14", "7/14/21", "July 14", "14 July"."""
    g, dct = cand.groups, state.dct
    tense = None
    kind = "DATE"
    month = int(g["m"]) if "m" in g else _month_number(g["mon"])
    day = int(g["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if "year" not in g and "wd" in g:
        weekday_number = WEEKDAYS[g["wd"].lower()]
        for year_number in (dct.year, dct.year + 1, dct.year - 1):
            try:
                if dt.date(year_number, month, day).isoweekday() == weekday_number:
                    g = {**g, "year": str(year_number)}
                    break
            except ValueError:
                continue
    if "year" in g:
        year_number = int(g["year"])
        if year_number < 100:
            year_number += 1900 if year_number > 30 else 2000
        try:
            value = dt.date(year_number, month, day).isoformat()
        except ValueError:  # "Feb. 30, 1987" is no date
            return None
    else:
        tense = state.tense(cand)
        value = place_month_day(month, day, dct, tense)
    if cand.rule == "part_of_date":
        kind, value = "TIME", f"{value}T{DAY_PARTS[g['part'].lower()]}"
    return Timex(kind, value, tense)


def _attributive(text: str, end: int) -> bool:
    """Whether the word after ``text[:end]`` is a noun the month modifies ("March shipment",
    "April/May shipment")."""
    # A second month joined to it labels the same noun: "for April/May shipment".
    match = re.match(r"(?:[/-][A-Z][a-z]+\.?)? ([a-z]+)\b", text[end : end + 32])
    if not match:
        return False
    word = match.group(1)
    return not (
        word in NOT_A_NOUN
        or word in NUMBERS
        or word in IRREGULAR_PAST
        or word.endswith(("ed", "ly", "ing"))
    )


def week_of(state: Discourse, cand: Candidate) -> Timex | None:
    """The week of a day: "the week of March 6" is the ISO week that holds it."""
    day = explicit_day(state, cand)
    if day is None:
        return None
    return Timex("DATE", iso_week(as_date(day.value)), day.tense)


def month_year(state: Discourse, cand: Candidate) -> Timex:
    """A month of a year: "June 2022"."""
    g = cand.groups
    return Timex("DATE", f"{g['year']}-{_month_number(g['mon']):02d}")


def month_rel_year(state: Discourse, cand: Candidate) -> Timex:
    """A month of last, this or next year: "May of next year"."""
    g = cand.groups
    shift = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
    return Timex("DATE", f"{state.dct.year + shift}-{_month_number(g['mon']):02d}")


def month(state: Discourse, cand: Candidate) -> Timex:
    """A month alone, placed by tense: "in May". A past verb does not date a month that names a
    noun after it ("sales were booked for March shipment", "orders to start the first trading
    day for November transactions"): the month is a label, and the nearest one wins (the earlier
    of two as near)."""
    tense = state.tense(cand)
    number = _month_number(cand.groups["mon"])
    if tense == "past" and _attributive(state.text, cand.end):
        dct = state.dct
        years = sorted(
            (dct.year - 1, dct.year, dct.year + 1),
            key=lambda y: (abs((y - dct.year) * 12 + number - dct.month), y),
        )
        return Timex("DATE", f"{years[0]}-{number:02d}")
    return Timex("DATE", place_month(number, state.dct, tense), tense)


# After a year, a plural or a unit makes it the label of a noun: "its 1986 figures", "the entire
# 1986 year", "the same 1985 month" ("1986 was", "1985 rose" are no nouns).
_LABELLED_NOUN = re.compile(
    r"[ \t]*\n?[ \t]*(?:(?!(?:was|has|this|its|his|as)\b)[a-z]+(?<![isu])s|year|yr|month|quarter|"
    r"period|week)\b"
)


def year(state: Discourse, cand: Candidate) -> Timex:
    """A year: "1992", "fiscal 1989". A year that labels a noun ("its 1986 figures", "the
    entire 1986 year") says which figures, not when the story is: it is not remembered as the
    story's date, so "the quarter" or "the following day" after it keep theirs."""
    labels_noun = _LABELLED_NOUN.match(state.text, cand.end) is not None
    return Timex("DATE", cand.groups["year"], anaphoric=labels_noun)


def short_year(state: Discourse, cand: Candidate) -> Timex:
    """A year of two digits: "'92"."""
    yy = int(cand.groups["yy"])
    return Timex("DATE", str(yy + (1900 if yy > 30 else 2000)))


def decade(state: Discourse, cand: Candidate) -> Timex:
    """A decade in digits: "the 1990s", "the '80s"."""
    g = cand.groups
    return Timex("DATE", g["dec"] if "dec" in g else "19" + g["dd"])


_DECADE_WORDS = [
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
]  # fmt: skip


def decade_word(state: Discourse, cand: Candidate) -> Timex:
    """A decade in words: "the nineties"."""
    return Timex("DATE", "19" + str(_DECADE_WORDS.index(cand.groups["dw"].lower()) + 2))


def century(state: Discourse, cand: Candidate) -> Timex:
    """An ordinal century: "the 20th century"."""
    return Timex("DATE", f"{int(cand.groups['cent']) - 1:02d}")


def this_century(state: Discourse, cand: Candidate) -> Timex:
    """A century relative to now: "this century", "the last century"."""
    word = state.span(cand)
    shift = -1 if ("last" in word or "past" in word or "previous" in word) else 0
    shift = 1 if "next" in word else shift
    return Timex("DATE", f"{state.dct.year // 100 + shift:02d}")


def holiday(state: Discourse, cand: Candidate) -> Timex:
    """A holiday on a fixed day, placed by tense: "Christmas"."""
    name = re.sub(r"\s+", " ", cand.groups["hol"].lower())
    month_number, day = map(int, HOLIDAYS[name].split("-"))
    tense = state.tense(cand)
    return Timex("DATE", place_month_day(month_number, day, state.dct, tense), tense)


def moving_holiday(state: Discourse, cand: Candidate) -> Timex:
    """A holiday on a weekday of a month, placed by tense: "Thanksgiving", "Labor Day"."""
    tense = state.tense(cand)
    name = re.sub(r"\s+", " ", cand.groups["mh"].lower())
    options = []
    for year_number in (state.dct.year - 1, state.dct.year, state.dct.year + 1):
        if name.startswith("thanksgiving"):
            day = nth_weekday(year_number, 11, 4, 4)
        elif name == "election day":
            day = nth_weekday(year_number, 11, 1, 1) + dt.timedelta(days=1)
        elif name == "labor day":
            day = nth_weekday(year_number, 9, 1, 1)
        else:
            day = nth_weekday(year_number, 6, 1, 1) - dt.timedelta(days=7)
        options.append((day, day.isoformat()))
    return Timex("DATE", pick(options, state.dct, tense), tense)


def the_year(state: Discourse, cand: Candidate) -> Timex:
    """ "The year", "the fiscal year": this year, last year's for the latest, a year if ended."""
    after = state.text[cand.end : cand.end + 12].lower()
    if re.match(r"\s+end(?:ed|ing)\b", after):
        return Timex("DURATION", "P1Y")
    if cand.groups.get("yq", "").lower().startswith("latest"):
        return Timex("DATE", str(state.dct.year - 1))
    return Timex("DATE", str(state.dct.year))


def edge_of_unit(state: Discourse, cand: Candidate) -> Timex:
    """The unit after "the end of", "the start of": "the end of the month"."""
    return Timex("DATE", shift_value(state.dct, 0, cand.groups["unit"], 1))


def year_end(state: Discourse, cand: Candidate) -> Timex:
    """The last day of this year, or of last year in a past clause or after "since"; "1986 year
    end" is the last day of 1986."""
    if "year" in cand.groups:
        return Timex("DATE", f"{cand.groups['year']}-12-31")
    before = state.text[max(0, cand.start - 7) : cand.start].lower()
    tense = state.tense(cand)
    year_number = state.dct.year - 1 if tense == "past" or "since" in before else state.dct.year
    return Timex("DATE", f"{year_number}-12-31", tense)


def spelled_year(state: Discourse, cand: Candidate) -> Timex:
    """A year in words, after a month or not: "nineteen ninety-two", "January two thousand"."""
    g = cand.groups
    if "sy2" in g or g["sy"].lower().startswith("two"):
        year_number = 2000 + int(count_of(g.get("sy2", "0") if "sy2" in g else "0") or 0)
    else:
        tens = int(count_of(g["sy_tens"]) or 0)
        ones = int(count_of(g.get("sy_ones", "0")) or 0)
        year_number = 1900 + tens + ones
    if "mon" in g:
        return Timex("DATE", f"{year_number}-{_month_number(g['mon']):02d}")
    return Timex("DATE", str(year_number))


def weekend(state: Discourse, cand: Candidate) -> Timex:
    """A weekend: "this weekend", "last weekend"."""
    word = state.span(cand)
    dct = state.dct
    sign = -1 if "last" in word else (1 if "next" in word else 0)
    if not sign:
        sign = 1 if state.tense(cand) == "future" else -1
    direction = "past" if sign < 0 else "future"
    if "last" in word or "next" in word:
        saturday = place_weekday(6, dct + dt.timedelta(days=7 * sign), direction)
    else:
        saturday = place_weekday(6, dct, direction)
    return Timex("DATE", iso_week(saturday) + "-WE")


def half(state: Discourse, cand: Candidate) -> Timex:
    """A half year: "the first half of 1992", "the second half" (of the year last mentioned)."""
    g = cand.groups
    year_number = g.get("year", state.last_year())
    if "yrel" in g:  # "the second half of next year"
        year_number = str(state.dct.year + _YEAR_SHIFT[g["yrel"].lower()])
    return Timex("DATE", f"{year_number}-H{1 if g['half'].lower() == 'first' else 2}")


def quarter(state: Discourse, cand: Candidate) -> Timex:
    """A quarter: "the first quarter", "Q3"; "the year-ago quarter" refers back."""
    g = cand.groups
    anaphoric = cand.rule == "quarter" and "ord" in g and g["ord"].lower() not in ORDINALS
    return Timex("DATE", state.quarter(cand), anaphoric=anaphoric)


def the_quarter(state: Discourse, cand: Candidate) -> Timex:
    """ "The quarter", "the period": the quarter last reported on."""
    return Timex("DATE", state.quarter(cand), anaphoric=True)


def year_quarter(state: Discourse, cand: Candidate) -> Timex:
    """ "The 1992 quarter": the quarter last reported on, in that year."""
    last = state.last_quarter
    return Timex("DATE", f"{cand.groups['qy']}-Q{last[-1] if last else 'X'}", anaphoric=True)


def nine_months(state: Discourse, cand: Candidate) -> Timex:
    """ "The nine months", "the first six months": a duration in months."""
    return Timex("DURATION", duration_value(count_of(cand.groups["num"]), "month"))


def year_ago(state: Discourse, cand: Candidate) -> Timex:
    """ "The year-earlier period", "a year ago": the period a year before the one reported on."""
    return Timex("DATE", state.year_before(), anaphoric=True)


def ago(state: Discourse, cand: Candidate) -> Timex:
    """A count before or after now or an event: "three years ago", "a day later", "months after"."""
    g, dct = cand.groups, state.dct
    direction = re.sub(r"\s+", " ", g["dir"].lower())
    # "316,000 week ago": the figure before the unit was left out of the expression, one unit.
    num = count_of(g["num"]) if g["num"].lower() in state.span(cand) else 1.0
    if num is not None and "halfway" in g:
        num += 0.5
    unit = unit_key(g["unit"])
    if direction in {"after", "before", "since"} or (
        direction in {"later", "earlier"} and unit in _NARRATIVE_UNITS
    ):
        return Timex("DURATION", duration_value(num, unit), anaphoric=True)
    if num is None:
        value = "PAST_REF" if direction in {"ago", "earlier", "before"} else "FUTURE_REF"
        return Timex("DATE", value, anaphoric=True)
    sign = -1 if direction in {"ago", "earlier"} else 1
    base = dct
    if direction in {"earlier", "later"} and state.last_date:
        base = state.reference_day()
    if unit == "year" and num == 1 and state.last_quarter:
        return Timex("DATE", state.year_before(), anaphoric=True)
    if unit in {"hour", "minute", "second"}:
        return Timex("DATE", base.isoformat(), anaphoric=True)
    return Timex("DATE", shift_value(base, num, unit, sign), anaphoric=True)


def span_rel(state: Discourse, cand: Candidate) -> Timex:
    """A span counted from now: "the past three years" (a duration), "last year" (a date); one
    next to the story's time: "the following year", "the previous week", "the next day"."""
    kind, value, narrative = _span_rel(state, cand)
    return Timex(kind, value, anaphoric=value is not None and ("-Q" in value or narrative))


def _span_rel(state: Discourse, cand: Candidate) -> tuple[str, str | None, bool]:
    g = cand.groups
    rel = g["rel"].lower()
    unit = unit_key(g["unit"])
    span = state.span(cand)
    plural = span.endswith("s")
    if "num" not in g and not plural and not span.startswith(("the", "this", "these", "those")):
        if rel == "last" and unit == "year" and state.compares_quarter(cand):
            return "DATE", state.year_before(), False
        if rel in {"last", "past", "previous"}:
            return "DATE", shift_value(state.dct, 1, unit, -1), False
        if rel in {"next", "coming", "following", "upcoming"}:
            return "DATE", shift_value(state.dct, 1, unit, 1), False
    if (
        "num" not in g
        and not plural
        and (rel in _NARRATIVE_RELATIONS or (rel == "next" and unit == "day"))
    ):
        # A unit next to the time the story tells of, the last date it named (TimeML anchors
        # it there); it refers back, so it is not itself remembered as that date.
        sign = -1 if rel in {"previous", "preceding"} else 1
        return "DATE", shift_value(state.anchor_for(unit), 1, unit, sign), True
    num = count_of(g["num"]) if "num" in g else (None if span.endswith("s") else 1.0)
    return "DURATION", duration_value(num, unit), False


def relative(state: Discourse, cand: Candidate) -> Timex:
    """A unit, weekday, month or season relative to now: "next year", "last Friday", "this May"."""
    g, dct = cand.groups, state.dct
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in {"that", "same"}:
        dct = state.reference_day()
    sign = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this past": -1, "next": 1,
            "coming": 1, "following": 1, "upcoming": 1}.get(rel, 0)  # fmt: skip
    if "unit" in g:
        unit = unit_key(g["unit"])
        if "the" in g and sign and rel in {"past", "last"}:
            return Timex("DURATION", duration_value(1, unit))
        if unit in {"hour", "minute", "second", "yr", "hr", "min"}:
            return Timex("DURATION", duration_value(1, unit))
        if unit == "day" and rel in {"that", "same"} and state.last_date:
            # "That same day" after "in October 1998" is a day of that month, which one is
            # not said: TimeML writes the unknown part with X.
            known = state.last_date
            if re.fullmatch(r"\d{4}", known):
                return Timex("DATE", f"{known}-XX-XX")
            if re.fullmatch(r"\d{4}-\d\d", known):
                return Timex("DATE", f"{known}-XX")
        if unit == "day":
            return Timex("DATE", (dct + dt.timedelta(days=sign)).isoformat())
        if unit == "century":
            return Timex("DATE", f"{dct.year // 100 + sign:02d}")
        value = shift_value(dct, 1, unit, sign) if sign else shift_value(dct, 0, unit, 1)
        return Timex("DATE", value)
    if "wk" in g:
        return Timex("DATE", iso_week(dct + dt.timedelta(weeks=sign)) + "-WE")
    if "wd" in g:
        weekday_number = WEEKDAYS[g["wd"].lower()]
        narrative = rel in _NARRATIVE_RELATIONS or ("the" in g and rel == "next")
        if narrative:
            dct = state.anchor_for("day")
        tense = {-1: "past", 1: "future"}.get(sign, state.tense(cand))
        options = [dct + dt.timedelta(days=k) for k in range(-7, 8) if k != 0]
        options = [d for d in options if d.isoweekday() == weekday_number]
        day = (max(d for d in options if d < dct) if tense == "past" else
               min(d for d in options if d > dct))  # fmt: skip
        return Timex("DATE", day.isoformat(), anaphoric=narrative)
    if "mon" in g:
        month_number = _month_number(g["mon"])
        if sign == -1:
            year_number = dct.year if month_number < dct.month else dct.year - 1
        elif sign == 1:
            year_number = dct.year if month_number > dct.month else dct.year + 1
        else:
            year_number = dct.year
        return Timex("DATE", f"{year_number}-{month_number:02d}")
    code = SEASONS[g["season"].lower()]
    tense = {-1: "past", 1: "future"}.get(sign, state.tense(cand))
    return Timex("DATE", place_season(code, dct, tense))


def neighbour_day(state: Discourse, cand: Candidate) -> Timex:
    """A day or unit next to the one the story tells of: "the next morning", "the day before".

    The story's time is the last date it named (or the publication date); a part of the day is
    left out of the value, as for "Friday night" (:func:`weekday`).
    """
    g = cand.groups
    backwards = g.get("rel", g.get("dir", "")).lower() in {"previous", "preceding", "before"}
    sign = -1 if backwards else 1
    unit = g.get("unit", "day").lower()
    unit = "day" if unit in DAY_PARTS else unit
    return Timex("DATE", shift_value(state.anchor_for(unit), 1, unit, sign), anaphoric=True)


def within(state: Discourse, cand: Candidate) -> Timex:
    """A unit named by a part of it: "earlier this year", "later in the month"."""
    unit = cand.groups["unit"].lower()
    ref = state.span(cand)
    sign = -1 if " last" in ref else (1 if " next" in ref else 0)
    base = state.reference_day() if " that" in ref else state.dct
    value = shift_value(base, 1, unit, sign) if sign else shift_value(base, 0, unit, 1)
    return Timex("DATE", value)


def _someday(state: Discourse, cand: Candidate) -> bool:
    """Whether "one day" is an unspecified future time ("Islam will one day be ..."), not a
    duration: it sits between a subject or modal and its verb."""
    g = cand.groups
    if g.get("num", "").lower() not in {"one", "some"} or g["unit"].lower() != "day":
        return False
    before = state.text[max(0, cand.start - 12) : cand.start]
    return bool(_SUBJECT_OR_MODAL.search(before)) and not _DAY_COMPLEMENT.match(
        state.text, cand.end
    )


def duration(state: Discourse, cand: Candidate) -> Timex:
    """A count of units: "eight months", "two and a half years", "for years"."""
    g = cand.groups
    num = count_of(g["num"]) if "num" in g else None
    if num is not None and ("half" in g or "halfway" in g):
        num += 0.5
    if _someday(state, cand):
        return Timex("DATE", "FUTURE_REF")
    return Timex("DURATION", duration_value(num, g["unit"]))


def deictic(state: Discourse, cand: Candidate) -> Timex:
    """A day named from today: "today", "yesterday", "tonight", "this morning", "tomorrow night"."""
    word = re.sub(r"\s+", " ", cand.groups["dx"].lower())
    day = state.dct
    if "yesterday" in word or word == "last night":
        day = day - dt.timedelta(days=1)
    elif "tomorrow" in word:
        day = day + dt.timedelta(days=1)
    part = next((DAY_PARTS[p] for p in ("morning", "afternoon", "evening") if p in word), None)
    if word in {"tonight", "overnight"} or word.endswith(("tonight", " night")):
        part = "NI"
    if part:
        return Timex("TIME", f"{day.isoformat()}T{part}")
    return Timex("DATE", day.isoformat())


def weekday(state: Discourse, cand: Candidate) -> Timex:
    """A weekday, placed by tense: "on Friday", "Friday night"; a possessive one names an event
    the story reports, which has happened ("get around Wednesday's ruling")."""
    possessive = re.match(r"['’]s\b", state.text[cand.end : cand.end + 3])
    tense = "past" if possessive else state.tense(cand)
    day = place_weekday(WEEKDAYS[cand.groups["wd"].lower()], state.dct, tense)
    part = cand.groups.get("part", "").lower()
    if part in {"afternoon", "evening"}:
        # "Friday evening" is a time of that day, as "yesterday evening" is ("it expires Friday
        # evening": TimeBank writes the part each time).
        return Timex("TIME", f"{day.isoformat()}T{DAY_PARTS[part]}", tense)
    # "Friday night" and "Friday morning" are the day: TimeBank annotates them as a DATE, mostly
    # without the part (the part says little once the day is known).
    return Timex("DATE", day.isoformat(), tense)


def weekday_set(state: Discourse, cand: Candidate) -> Timex:
    """A recurring weekday: "Mondays", "Tuesday nights"."""
    g = cand.groups
    value = f"XXXX-WXX-{WEEKDAYS[g['wds'].lower()]}"
    if "parts" in g:  # "Tuesday nights": every Tuesday, at night
        value += "T" + DAY_PARTS[g["parts"].lower()]
    return Timex("SET", value)


def _clock(state: Discourse, g: dict) -> str:
    day = state.dct.isoformat()
    if "noon" in g:
        return day + DAY_PARTS[g["noon"].lower()]
    hour = int(g["h"])
    minute = int(g.get("mi", 0))
    ampm = g.get("ampm", "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{day}T{hour:02d}:{minute:02d}"


def clock_time(state: Discourse, cand: Candidate) -> Timex:
    """A time of the publication day: "9 a.m.", "at 10:35", "noon", "1630 EST", "0900 GMT"."""
    return Timex("TIME", _clock(state, cand.groups))


def time_day(state: Discourse, cand: Candidate) -> Timex | None:
    """A time on a day: "9 a.m. Tuesday", "5 p.m. EST Nov. 9" (the day is remembered)."""
    g = cand.groups
    if "mon" in g:
        day = state.settle(explicit_day, dataclasses.replace(cand, rule="mdy", mod=None))
    else:
        day = state.settle(weekday, dataclasses.replace(cand, rule="weekday", mod=None))
    if day is None:
        return None
    _, day_value, tense = day
    return Timex("TIME", day_value[:10] + _clock(state, g)[10:], tense)


def season(state: Discourse, cand: Candidate) -> Timex:
    """A season, of a year or placed by tense: "summer 1992", "this summer"."""
    g = cand.groups
    code = SEASONS[g["season"].lower()]
    if "year" in g:
        return Timex("DATE", f"{g['year']}-{code}")
    return Timex("DATE", place_season(code, state.dct, state.tense(cand)))


def recurrence(state: Discourse, cand: Candidate) -> Timex:
    """A set: "every year", "each Monday", "a night"."""
    g = cand.groups
    if "wd" in g:
        return Timex("SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}")
    unit = g["unit"].lower()
    value = {"night": "XXXX-XX-XXTNI", "morning": "XXXX-XX-XXTMO"}.get(unit)
    return Timex("SET", value or duration_value(1, unit))


_ADVERB_PERIODS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M",
    "hourly": "PT1H",
}  # fmt: skip


def recurrence_adverb(state: Discourse, cand: Candidate) -> Timex:
    """A set named by an adverb: "daily", "weekly"."""
    return Timex("SET", _ADVERB_PERIODS[cand.groups["adv"].lower()])


def reference(state: Discourse, cand: Candidate) -> Timex:
    """A vague reference to the present, past or future: "now", "recently", "the future"."""
    word = re.sub(r"\s+", " ", cand.groups["ref"].lower())
    if word in {"now", "right now", "currently", "current", "nowadays", "at present",
                "the present", "these days", "present"}:  # fmt: skip
        return Timex("DATE", "PRESENT_REF")
    if word in {"recently", "lately", "previously", "formerly", "earlier", "in the past",
                "the past", "recent"}:  # fmt: skip
        return Timex("DATE", "PAST_REF")
    return Timex("DATE", "FUTURE_REF")
