"""Date arithmetic of the temporal tagger: pure functions of dates, no text.

Placing an underspecified date (a month, a weekday, a season, a quarter, a month and day) on the
calendar around the publication date, weighed by the tense of its clause (:func:`pick`); shifting
by months, weeks and years; ISO week names; number words and TimeML duration values
(``P8M``, ``PT5H30M``).
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.lexicon.calendar import NUMBERS, UNITS, VAGUE_COUNTS

__all__ = [
    "AGAINST_NEWS",
    "AGAINST_TENSE",
    "SEASON_ORDER",
    "as_date",
    "count_of",
    "duration_value",
    "iso_week",
    "nth_weekday",
    "pick",
    "place_month",
    "place_month_day",
    "place_quarter",
    "place_season",
    "place_weekday",
    "quarter_of",
    "shift_months",
    "shift_value",
    "unit_key",
]

SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}

# How much nearer a date must be to win on the side its clause's tense argues against. A past
# clause still means a date a fortnight ahead rather than one eleven months back ("the offer was
# extended to Nov. 20"); with no cue at all, news speaks of what has happened, so a later date
# wins only when it is much the nearer.
AGAINST_TENSE = 10.0
AGAINST_NEWS = 3.0


def as_date(dct: object) -> dt.date:
    """The day of a date, a datetime or a ``YYYY-MM-DD`` string.

    Parameters
    ----------
    dct : date, datetime or str
        The day.

    Returns
    -------
    datetime.date

    Raises
    ------
    ValueError
        If ``dct`` is none of these.

    Examples
    --------
    >>> as_date("2022-04-12"), as_date("20220412")
    (datetime.date(2022, 4, 12), datetime.date(2022, 4, 12))
    """
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    if isinstance(dct, str):
        match = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", dct)
        if match:
            return dt.date(*map(int, match.groups()))
    raise ValueError(f"dct must be a date, a datetime or a 'YYYY-MM-DD' string, not {dct!r}")


def pick(candidates: list, key_now: object, tense: str | None, against: float = AGAINST_TENSE):
    """Choose among ``(key, value)`` candidates by tense and distance to ``key_now``.

    Parameters
    ----------
    candidates : list of tuple
        ``(key, value)`` pairs; keys are dates, ``(year, month)`` pairs or numbers.
    key_now : object
        The key of the publication date.
    tense : {"past", "future", None}
        The tense of the clause.
    against : float
        The weight of the distance of a candidate on the side the tense argues against; a month a
        year away is only twelve units off, so months pass ``float("inf")`` (the tense decides).

    Returns
    -------
    object
        The value of the chosen candidate.

    Examples
    --------
    >>> options = [(2021, "last"), (2023, "next")]
    >>> pick(options, 2022, "past"), pick(options, 2022, "future")
    ('last', 'next')
    """
    past = [c for c in candidates if c[0] <= key_now]
    future = [c for c in candidates if c[0] >= key_now]
    if not past or not future:
        return (max(past) if past else min(future))[1]
    before, after = max(past), min(future)
    if before[0] == key_now:
        return before[1]
    cost_before = abs(_distance(before[0], key_now)) * (against if tense == "future" else 1)
    weight_after = {"past": against, "future": 1.0}.get(tense, AGAINST_NEWS)
    cost_after = abs(_distance(after[0], key_now)) * weight_after
    return before[1] if cost_before <= cost_after else after[1]


def _distance(a: object, b: object) -> float:
    if isinstance(a, dt.date):
        return (a - b).days
    if isinstance(a, tuple):
        return (a[0] - b[0]) * 12 + (a[1] - b[1])
    return a - b


def place_month_day(month: int, day: int, dct: dt.date, tense: str | None) -> str | None:
    """The ISO day of a month and day without a year, placed around ``dct`` by ``tense``.

    Examples
    --------
    >>> place_month_day(6, 15, dt.date(2022, 4, 12), None)
    '2022-06-15'
    >>> place_month_day(6, 15, dt.date(2022, 4, 12), "past")
    '2021-06-15'
    """
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append((dt.date(year, month, day), None))
        except ValueError:
            continue
    if not options:
        return None
    options = [(d, d.isoformat()) for d, _ in options]
    return pick(options, dct, tense)


def place_month(month: int, dct: dt.date, tense: str | None) -> str:
    """The ``YYYY-MM`` of a month without a year: the tense decides, then the nearer side.

    Examples
    --------
    >>> place_month(5, dt.date(2022, 4, 12), None), place_month(5, dt.date(2022, 4, 12), "past")
    ('2022-05', '2021-05')
    """
    options = [((y, month), f"{y}-{month:02d}") for y in (dct.year - 1, dct.year, dct.year + 1)]
    return pick(options, (dct.year, dct.month), tense, against=float("inf"))


def place_weekday(weekday: int, dct: dt.date, tense: str | None) -> dt.date:
    """The day of an ISO ``weekday`` (Monday 1) within a week of ``dct``, placed by ``tense``.

    Examples
    --------
    >>> day = dt.date(2022, 4, 12)
    >>> place_weekday(5, day, "future"), place_weekday(1, day, None)
    (datetime.date(2022, 4, 15), datetime.date(2022, 4, 11))
    """
    options = [(dct + dt.timedelta(days=k), dct + dt.timedelta(days=k)) for k in range(-7, 8)]
    options = [o for o in options if o[0].isoweekday() == weekday]
    return pick(options, dct, tense)


def place_season(code: str, dct: dt.date, tense: str | None) -> str:
    """The ``YYYY-SS`` of a season code (``SP``, ``SU``, ``FA``, ``WI``) without a year.

    Examples
    --------
    >>> place_season("SU", dt.date(2022, 4, 12), "future")
    '2022-SU'
    """
    # Keys are (year, first month of the season counted from December), so distances are months.
    now = (dct.year if dct.month < 12 else dct.year + 1, 3 * _season_of(dct))
    years = (dct.year - 1, dct.year, dct.year + 1)
    options = [((y, 3 * SEASON_ORDER[code]), f"{y}-{code}") for y in years]
    return pick(options, now, tense)


def _season_of(day: dt.date) -> int:
    return {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(day.month, 3)


def place_quarter(q: int, dct: dt.date, tense: str | None) -> str:
    """A quarter without a year: this year's unless it is still to come and the clause is past.

    Examples
    --------
    >>> place_quarter(3, dt.date(2022, 4, 12), None), place_quarter(1, dt.date(2022, 4, 12), None)
    ('2021-Q3', '2022-Q1')
    """
    current = (dct.month - 1) // 3 + 1
    year = dct.year if q <= current or tense == "future" else dct.year - 1
    return f"{year}-Q{q}"


def quarter_of(day: dt.date) -> str:
    """The ``YYYY-Qn`` quarter a day falls in.

    Examples
    --------
    >>> quarter_of(dt.date(2022, 4, 12))
    '2022-Q2'
    """
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (ISO, Monday 1) of a month.

    Examples
    --------
    >>> nth_weekday(2022, 11, 4, 4)  # Thanksgiving
    datetime.date(2022, 11, 24)
    """
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def shift_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after the month of ``day``.

    Examples
    --------
    >>> shift_months(dt.date(2022, 4, 12), -5)
    datetime.date(2021, 11, 1)
    """
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def iso_week(day: dt.date) -> str:
    """The ``YYYY-Www`` ISO week of a day.

    Examples
    --------
    >>> iso_week(dt.date(2022, 4, 12))
    '2022-W15'
    """
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def count_of(word: str) -> float | None:
    """The number a count names ("two", "2 1/2", "twenty five", "a couple of"), None if vague.

    Examples
    --------
    >>> count_of("2 1/2"), count_of("twenty-five"), count_of("a couple of"), count_of("several")
    (2.5, 25.0, 2.0, None)
    >>> count_of("2,000"), count_of("2,00")
    (2000.0, None)
    """
    word = re.sub(r"\s+", " ", word.lower().replace("-", " ")).strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", word):  # "2,000": thousands set off by commas
        word = word.replace(",", "")
    if word in VAGUE_COUNTS:
        return None
    if word == "a couple of":
        return 2.0
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if re.fullmatch(r"\d+ 1/2", word):
        return float(word[:-4]) + 0.5
    if word in NUMBERS:
        return float(NUMBERS[word])
    parts = word.split()
    if len(parts) == 2 and all(p in NUMBERS for p in parts):
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return None


def unit_key(unit: str) -> str:
    """The key of a unit word in :data:`analysis.lexicon.calendar.UNITS`.

    Examples
    --------
    >>> unit_key("Centurie"), unit_key("Month")
    ('century', 'month')
    """
    unit = unit.lower()
    return "century" if unit.startswith("centur") else unit


def duration_value(num: float | None, unit: str) -> str:
    """The TimeML value of a duration of ``num`` ``unit`` (``X`` for an unknown count).

    Examples
    --------
    >>> counts = [(8, "month"), (2.5, "year"), (5.5, "hour"), (None, "day"), (None, "quarter")]
    >>> [duration_value(n, u) for n, u in counts]
    ['P8M', 'P2Y6M', 'PT5H30M', 'PXD', 'PXM']
    """
    letter, is_time = UNITS[unit_key(unit)]
    if letter == "DE":
        letter, num = "Y", None if num is None else num * 10
    elif letter == "CE":
        letter, num = "Y", None if num is None else num * 100
    elif letter == "WE":
        letter, num = "D", None if num is None else num * 2
    elif letter == "Q":
        # "The next three quarters" is P9M and "recent quarters" PXM: ISO 8601 has no quarters.
        letter, num = "M", None if num is None else num * 3
    if num is None:
        amount = "X"
    elif num == int(num):
        amount = str(int(num))
    else:
        smaller = {("Y", False): (12, "M", False), ("D", False): (24, "H", True),
                   ("H", True): (60, "M", True), ("M", True): (60, "S", True),
                   ("M", False): (30, "D", False),
                   ("W", False): (7, "D", False)}.get((letter, is_time))  # fmt: skip
        whole, rest = int(num), (num - int(num)) * smaller[0] if smaller else None
        if smaller and rest == int(rest) and whole and smaller[2] == is_time:
            # "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M: TimeML writes both units.
            return ("PT" if is_time else "P") + f"{whole}{letter}{int(rest)}{smaller[1]}"
        if smaller and num * smaller[0] == int(num * smaller[0]):
            amount, letter, is_time = str(int(num * smaller[0])), smaller[1], smaller[2]
        else:
            amount = str(num)
    return ("PT" if is_time else "P") + amount + letter


def shift_value(dct: dt.date, num: float, unit: str, sign: int) -> str | None:
    """The TimeML value of the ``unit`` that is ``num`` units before (``sign`` -1) or after ``dct``.

    Examples
    --------
    >>> d = dt.date(2022, 4, 12)
    >>> shift_value(d, 1, "year", -1), shift_value(d, 2, "quarter", 1), shift_value(d, 1, "week", 1)
    ('2021', '2022-Q4', '2022-W16')

    A year before the calendar's first is no value; one before 1000 keeps four digits:

    >>> shift_value(d, 3000, "year", -1), shift_value(d, 1500, "year", -1)
    (None, '0522')
    >>> shift_value(d, 150, "decade", -1), shift_value(d, 10**6, "day", -1)
    ('052', None)
    """
    unit = unit_key(unit)
    n = int(num)
    if unit in {"year", "yr", "decade"}:
        year = dct.year + sign * n * (10 if unit == "decade" else 1)
        if not 1 <= year <= 9999:
            return None
        return f"{year:04d}" if unit != "decade" else f"{year:04d}"[:3]
    try:
        if unit == "month":
            day = shift_months(dct, sign * n)
            return f"{day.year:04d}-{day.month:02d}"
        if unit == "quarter":
            day = shift_months(dct, sign * 3 * n)
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if unit in {"week", "weekend"}:
            return iso_week(dct + dt.timedelta(weeks=sign * n))
        if unit == "day":
            return (dct + dt.timedelta(days=sign * n)).isoformat()
    except (ValueError, OverflowError):
        return None  # before the first or after the last day of the calendar
    return None
