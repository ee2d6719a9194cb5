"""Temporal expressions in English news: find them and give each its TimeML TIMEX3 value.

What
    :func:`extract_timexes` returns every date, time, duration and set mention of a text with its
    ``type`` and normalized ``value`` (TimeML TIMEX3 form: ``2021-07-14``, ``1992``, ``2022-05``,
    ``P8M``, ``XXXX-WXX-1``, ``2022-Q1``, ``2022-SU``, ``199``, ``2021-07-14TMO``,
    ``PAST_REF`` ...),
    anchored on the publication date (the document creation time, ``dct``).

How
    A regular-expression cascade (:mod:`analysis.chronology.rules`, words in
    :mod:`analysis.lexicon.calendar`) finds the spans; this module normalizes them in text order.
    Explicit dates keep their own granularity (a year stays a year). Underspecified ones ("On June
    15", "in May", "Friday") are placed by the tense of their clause: the nearest tense cue to the
    mention decides (will/shall/'ll/"to be held"/scheduled/next -> the first such date on or after
    the publication date; was/did/said/-ed/irregular past forms/last/ago -> the last one on or
    before it), unless the date on the other side is ten times nearer ("the offer was extended to
    Nov. 20" in a story of Nov. 2). With no cue a story speaks of the past: the earlier date wins
    unless the later one is three times nearer. A weekday with a part of the day ("Friday night")
    is a DATE of that day, as TimeBank annotates it. Anaphoric expressions ("the quarter", "a
    year earlier") use the last date mentioned before them.

Why
    Pure Python, nothing downloaded, fast enough for a corpus (see ``benchmarks/bench_tempeval.py``
    for TempEval-3 scores and speed), and every span indexes the text exactly.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from analysis.chronology.rules import Candidate, find_candidates
from analysis.lexicon.calendar import (
    DAY_PARTS,
    FUTURE_VERBS,
    HOLIDAYS,
    IRREGULAR_PAST,
    MONTHS,
    NOT_PAST_ED,
    NUMBERS,
    ORDINALS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)

__all__ = ["TIMEX_COLUMNS", "extract_timexes", "timex_granularity", "timex_interval"]

TIMEX_COLUMNS = [
    "start", "end", "text", "type", "value", "granularity", "mod", "anchor", "tense", "rule",
]  # fmt: skip
_MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "barely": "LESS_THAN",
    "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the turn of": "START", "mid": "MID", "the middle of": "MID", "late": "END",
    "the end of": "END", "the close of": "END", "earlier": "START", "later": "END",
}  # fmt: skip
_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
# Counts with no number; "a couple of" is two, as TimeML reads it.
_VAGUE = {"several", "a few", "few", "many", "some", "a number of", "the next few"}

# A sentence or clause ends at a stop before a capital, but not after an initial or a title
# ("Daniel P. Davison", "Mr. Bush", "U.S. Secretary").
_BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Co|Lt))(?<!\b(?:Mrs|Sen|Rep|Gen|Gov|Col|Inc))"
    r"[.!?;:]['\"”’)]*\s+(?=[A-Z\"“‘'(])|\n"
)
_FUTURE_CUE = re.compile(
    r"(?i)\b(?:will|won't|shall|'ll|going\s+to|to\s+be\s+\w+|would|is\s+to|are\s+to|due\s+to|"
    r"plans?\s+to|planning\s+to|intends?\s+to|upcoming|next(?!\s+to\b)|coming|tomorrow|aims?\s+to|must|should|"
    r"might|payable|effective|expires?|deadline|set\s+(?:to|for)|ahead\s+of|"
    # A verb of intent with its infinitive looks ahead, even in the past ("agreed to buy").
    r"(?:agreed|decided|promised|pledged|voted|vowed|offered|hopes?|hoped|wants?|wanted|"
    r"seeks?|sought)\s+to)\b|’ll\b"
)
# A plan told in the past perfect or as already past is no future cue ("had been due to expire
# Friday", "as previously planned"); "than expected" compares, it does not plan.
_PLAN_IN_THE_PAST = re.compile(r"(?i)(?:\b(?:had\s+been|previously)(?:\s+\w+){0,2}|\bthan)[\s-]+$")
_PAST_PERFECT = re.compile(r"(?i)\bhad\b")
_WORD = re.compile(r"\b[a-z]+\b")
_PRESENT = frozenset(
    ["is", "are", "am", "remains", "remain", "expects", "expect", "plans", "intends", "says"]
)
# Reporting verbs say when something was reported, not when it happened: they are no cue.
_REPORTING = frozenset(
    [
        "said",
        "reported",
        "told",
        "announced",
        "added",
        "noted",
        "stated",
        "explained",
        "quoted",
        "according",
    ]
)
_PERFECT_OR_PASSIVE = re.compile(r"(?i)\b(?:be|been|being|is|are|am|to\s+be|will\s+be)\s+$")
_DEADLINE = re.compile(r"(?i)\b(?:by|until|till)\s+$")


_SUBJECT_OR_MODAL = re.compile(
    r"(?:\b(?:will|would|could|can|may|might|should|shall|must|hopes?|hoped|I|you|he|she|we|"
    r"they)|'ll|’ll)\s+$"
)
_DAY_COMPLEMENT = re.compile(r"(?i)\s+(?:of|after|before|later|earlier|ago|and|or)\b")

# "Three days later", "a day earlier": a count of short units before or after an event of the
# story is a duration, as after "before" or "after"; "a year earlier" compares with a period.
_NARRATIVE_UNITS = frozenset(["second", "minute", "hour", "day", "week"])

_COMPARISON = re.compile(
    r"(?i)\b(?:compared\s+with|from|versus|against|corresponding\s+period|same\s+period)\b"
)

_REACH = 80  # characters searched for tense cues on each side, within the sentence


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _REACH)
    for match in _BOUNDARY.finditer(text, left, start + 1):
        left = match.end()
    right_match = _BOUNDARY.search(text, end, end + _REACH)
    return left, (right_match.start() if right_match else min(len(text), end + _REACH))


def _tense(text: str, start: int, end: int) -> str | None:
    """The tense cue nearest to ``text[start:end]`` in its sentence: past, future or None.

    Auxiliaries, modals and irregular past forms are strong cues; a word ending in -ed is weak
    (it may be an adjective: "preferred shares"), so it counts only when no strong cue is near.
    """
    left, right = _clause_bounds(text, start, end)
    cues: list[tuple[int, str, bool]] = []
    if _DEADLINE.search(text, max(left, start - 7), start) and not _PAST_PERFECT.search(
        text, left, start
    ):
        return "future"
    for match in _FUTURE_CUE.finditer(text, left, right):
        if match.end() <= start or match.start() >= end:
            planned_before = _PLAN_IN_THE_PAST.search(
                text, max(left, match.start() - 30), match.start()
            )
            cues.append((match.start(), "past" if planned_before else "future", True))
    for match in _WORD.finditer(text, left, right):
        if start <= match.start() < end:
            continue
        word = match.group(0)
        if word in _REPORTING:
            # "reported on July 14", "In September, it announced": a reporting verb right next
            # to the date governs it; further away it only says when something was reported.
            # "according to" after a date attributes it and governs nothing.
            after = word != "according" and 0 <= match.start() - end <= 8
            if 0 <= start - match.end() <= 12 or after:
                cues.append((match.start(), "past", True))
            continue
        if word in _PRESENT:
            cues.append((match.start(), "present", True))
        elif word in FUTURE_VERBS:
            planned_before = _PLAN_IN_THE_PAST.search(
                text, max(left, match.start() - 30), match.start()
            )
            cues.append((match.start(), "past" if planned_before else "future", True))
        elif word in IRREGULAR_PAST or (word.endswith("ed") and word not in NOT_PAST_ED):
            if word not in {"was", "were", "had", "did"} and _PERFECT_OR_PASSIVE.search(
                text, max(left, match.start() - 12), match.start()
            ):
                continue
            # A past form right next to the date governs it ("issued July 1", "on Sunday
            # issued"), whatever other cue the sentence holds.
            if 0 <= start - match.end() <= 4 or 0 <= match.start() - end <= 2:
                return "past"
            cues.append((match.start(), "past", word in IRREGULAR_PAST))
        elif word == "ago":
            cues.append((match.start(), "past", True))
    strong = [c for c in cues if c[2]] or cues
    if not strong:
        return None
    nearest = min(strong, key=lambda c: (min(abs(c[0] - start), abs(c[0] - end)), c[1]))[1]
    return None if nearest == "present" else nearest


def _as_date(dct: object) -> dt.date:
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    if isinstance(dct, str):
        match = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", dct)
        if match:
            return dt.date(*map(int, match.groups()))
    raise ValueError(f"dct must be a date, a datetime or a 'YYYY-MM-DD' string, not {dct!r}")


# How much nearer a date must be to win on the side its clause's tense argues against. A past
# clause still means a date a fortnight ahead rather than one eleven months back ("the offer was
# extended to Nov. 20"); with no cue at all, news speaks of what has happened, so a later date
# wins only when it is much the nearer.
AGAINST_TENSE = 10.0
AGAINST_NEWS = 3.0


def _pick(candidates: list, key_now: object, tense: str | None, against: float = AGAINST_TENSE):
    """Choose among ``(key, value)`` candidates by tense and distance to ``key_now``.

    ``against`` weighs the distance of a candidate on the side the tense argues against; a month
    a year away is only twelve units off, so months pass ``float("inf")`` (the tense decides).
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


def _month_day(month: int, day: int, dct: dt.date, tense: str | None) -> str | None:
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            options.append((dt.date(year, month, day), None))
        except ValueError:
            continue
    if not options:
        return None
    options = [(d, d.isoformat()) for d, _ in options]
    return _pick(options, dct, tense)


def _month(month: int, dct: dt.date, tense: str | None) -> str:
    options = [((y, month), f"{y}-{month:02d}") for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _pick(options, (dct.year, dct.month), tense, against=float("inf"))


def _weekday(weekday: int, dct: dt.date, tense: str | None) -> dt.date:
    options = [(dct + dt.timedelta(days=k), dct + dt.timedelta(days=k)) for k in range(-7, 8)]
    options = [o for o in options if o[0].isoweekday() == weekday]
    return _pick(options, dct, tense)


def _season(code: str, dct: dt.date, tense: str | None) -> str:
    # Keys are (year, first month of the season counted from December), so distances are months.
    now = (dct.year if dct.month < 12 else dct.year + 1, 3 * _season_of(dct))
    years = (dct.year - 1, dct.year, dct.year + 1)
    options = [((y, 3 * _SEASON_ORDER[code]), f"{y}-{code}") for y in years]
    return _pick(options, now, tense)


def _season_of(day: dt.date) -> int:
    return {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(day.month, 3)


def _quarter(q: int, dct: dt.date, tense: str | None) -> str:
    """A quarter without a year: this year's unless it is still to come and the clause is past."""
    current = (dct.month - 1) // 3 + 1
    year = dct.year if q <= current or tense == "future" else dct.year - 1
    return f"{year}-Q{q}"


def _quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (ISO, Monday 1) of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.lower().replace("-", " ")).strip()
    if word in _VAGUE:
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


def _unit_key(unit: str) -> str:
    unit = unit.lower()
    return "century" if unit.startswith("centur") else unit


def _duration(num: float | None, unit: str) -> str:
    letter, is_time = UNITS[_unit_key(unit)]
    if letter == "DE":
        letter, num = "Y", None if num is None else num * 10
    elif letter == "CE":
        letter, num = "Y", None if num is None else num * 100
    elif letter == "WE":
        letter, num = "D", None if num is None else num * 2
    elif letter == "Q" and num is not None:
        letter, num = "M", num * 3  # "the next three quarters" is P9M: ISO 8601 has no quarters
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


def _shift(dct: dt.date, num: float, unit: str, sign: int) -> str | None:
    unit = _unit_key(unit)
    n = int(num)
    if unit in {"year", "yr"}:
        return str(dct.year + sign * n)
    if unit == "decade":
        return str(dct.year + sign * 10 * n)[:3]
    if unit == "month":
        return _shift_months(dct, sign * n).strftime("%Y-%m")
    if unit == "quarter":
        day = _shift_months(dct, sign * 3 * n)
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit in {"week", "weekend"}:
        return _week(dct + dt.timedelta(weeks=sign * n))
    if unit == "day":
        return (dct + dt.timedelta(days=sign * n)).isoformat()
    return None


class _Normalizer:
    """Normalizes the candidates of one text in order, remembering the last date mentioned."""

    def __init__(self, text: str, dct: dt.date):
        self.text = text
        self.dct = dct
        self.last_date: str | None = None
        self.last_quarter: str | None = None

    def tense(self, cand: Candidate) -> str | None:
        return _tense(self.text, cand.start, cand.end)

    def __call__(self, cand: Candidate) -> tuple[str, str, str | None] | None:
        """Return ``(type, value, tense)`` for a candidate, or None to drop it."""
        rule, g, dct = cand.rule, cand.groups, self.dct
        tense = None
        kind, value = "DATE", None
        if rule in {"iso", "slash", "mdy", "dmy", "part_of_date"}:
            month = int(g["m"]) if "m" in g else MONTHS[g["mon"].rstrip(".").lower()]
            day = int(g["day"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            if "year" not in g and "wd" in g:
                weekday = WEEKDAYS[g["wd"].lower()]
                for year in (dct.year, dct.year + 1, dct.year - 1):
                    try:
                        if dt.date(year, month, day).isoweekday() == weekday:
                            g = {**g, "year": str(year)}
                            break
                    except ValueError:
                        continue
            if "year" in g:
                year = int(g["year"])
                year = year + (1900 if year > 30 else 2000) if year < 100 else year
                try:
                    value = dt.date(year, month, day).isoformat()
                except ValueError:  # "Feb. 30, 1987" is no date
                    return None
            else:
                tense = self.tense(cand)
                value = _month_day(month, day, dct, tense)
            if rule == "part_of_date":
                kind, value = "TIME", f"{value}T{DAY_PARTS[g['part'].lower()]}"
        elif rule == "month_year":
            value = f"{g['year']}-{MONTHS[g['mon'].rstrip('.').lower()]:02d}"
        elif rule == "month_rel_year":
            shift = {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
            value = f"{dct.year + shift}-{MONTHS[g['mon'].rstrip('.').lower()]:02d}"
        elif rule == "month":
            tense = self.tense(cand)
            value = _month(MONTHS[g["mon"].rstrip(".").lower()], dct, tense)
        elif rule == "year":
            value = g["year"]
        elif rule == "short_year":
            yy = int(g["yy"])
            value = str(yy + (1900 if yy > 30 else 2000))
        elif rule == "decade":
            value = g["dec"] if "dec" in g else "19" + g["dd"]
        elif rule == "decade_word":
            words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                     "eighties", "nineties"]  # fmt: skip
            value = "19" + str(words.index(g["dw"].lower()) + 2)
        elif rule == "century":
            value = f"{int(g['cent']) - 1:02d}"
        elif rule == "this_century":
            word = self.text[cand.start : cand.end].lower()
            shift = -1 if ("last" in word or "past" in word or "previous" in word) else 0
            shift = 1 if "next" in word else shift
            value = f"{dct.year // 100 + shift:02d}"
        elif rule == "holiday":
            month, day = map(int, HOLIDAYS[re.sub(r"\s+", " ", g["hol"].lower())].split("-"))
            tense = self.tense(cand)
            value = _month_day(month, day, dct, tense)
        elif rule == "moving_holiday":
            tense = self.tense(cand)
            value = self.moving_holiday(g["mh"], tense)
        elif rule == "the_year":
            after = self.text[cand.end : cand.end + 12].lower()
            if re.match(r"\s+end(?:ed|ing)\b", after):
                kind, value = "DURATION", "P1Y"
            elif g.get("yq", "").lower().startswith("latest"):
                value = str(dct.year - 1)
            else:
                value = str(dct.year)
        elif rule == "edge_of_unit":
            value = _shift(dct, 0, g["unit"], 1)
        elif rule == "year_end":
            tense = self.tense(cand)
            before = self.text[max(0, cand.start - 7) : cand.start].lower()
            year = dct.year - 1 if tense == "past" or "since" in before else dct.year
            value = f"{year}-12-31"
        elif rule == "spelled_year":
            if "sy2" in g or g["sy"].lower().startswith("two"):
                value = str(2000 + int(_number(g.get("sy2", "0") if "sy2" in g else "0") or 0))
            else:
                value = str(
                    1900
                    + int(_number(g["sy_tens"]) or 0)
                    + int(_number(g.get("sy_ones", "0")) or 0)
                )
        elif rule == "weekend":
            word = self.text[cand.start : cand.end].lower()
            sign = -1 if "last" in word else (1 if "next" in word else 0)
            if not sign:
                sign = 1 if self.tense(cand) == "future" else -1
            if "last" in word or "next" in word:
                saturday = _weekday(
                    6, dct + dt.timedelta(days=7 * sign), "past" if sign < 0 else "future"
                )
            else:
                saturday = _weekday(6, dct, "past" if sign < 0 else "future")
            value = _week(saturday) + "-WE"
        elif rule == "half":
            year = g.get("year", self.last_year())
            value = f"{year}-H{1 if g['half'].lower() == 'first' else 2}"
        elif rule in {"quarter", "q_code", "the_quarter"}:
            value = self.quarter(cand)
        elif rule == "year_quarter":
            last = self.last_quarter
            q = last[-1] if last else "X"
            value = f"{g['qy']}-Q{q}"
        elif rule == "nine_months":
            kind, value = "DURATION", _duration(_number(g["num"]), "month")
        elif rule == "year_ago":
            value = self.year_before()
        elif rule == "ago":
            kind, value, tense = self.ago(cand)
        elif rule == "span_rel":
            kind, value = self.span_rel(cand)
        elif rule == "relative":
            kind, value = self.relative(cand)
        elif rule == "within":
            unit = g["unit"].lower()
            ref = self.text[cand.start : cand.end].lower()
            sign = -1 if " last" in ref else (1 if " next" in ref else 0)
            base = self.reference_day() if " that" in ref else dct
            value = _shift(base, 1, unit, sign) if sign else _shift(base, 0, unit, 1)
        elif rule in {"duration", "bare_units"}:
            kind = "DURATION"
            num = _number(g["num"]) if "num" in g else None
            if num is not None and "half" in g:
                num += 0.5
            value = _duration(num, g["unit"])
            if self.someday(cand):
                kind, value = "DATE", "FUTURE_REF"
        elif rule == "deictic":
            kind, value = self.deictic(g["dx"])
        elif rule == "weekday":
            tense = self.tense(cand)
            # "Friday night" is the day: TimeBank annotates a weekday with a part of the day as a
            # DATE, mostly without the part (the part says little once the day is known).
            value = _weekday(WEEKDAYS[g["wd"].lower()], dct, tense).isoformat()
        elif rule == "weekday_set":
            kind, value = "SET", f"XXXX-WXX-{WEEKDAYS[g['wds'].lower()]}"
            if "parts" in g:  # "Tuesday nights": every Tuesday, at night
                value += "T" + DAY_PARTS[g["parts"].lower()]
        elif rule in {"time", "clock", "noon"}:
            kind, value = "TIME", self.time(g)
        elif rule == "time_day":
            day = self(Candidate(cand.start, cand.end, "weekday" if "mon" not in g else "mdy", g))
            if day is None:
                return None
            _, day_value, tense = day
            kind, value = "TIME", day_value[:10] + self.time(g)[10:]
        elif rule == "season":
            kind, value = "DATE", self.season(cand)
        elif rule == "set":
            kind = "SET"
            if "wd" in g:
                value = f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
            else:
                unit = g["unit"].lower()
                value = {"night": "XXXX-XX-XXTNI", "morning": "XXXX-XX-XXTMO"}.get(unit)
                value = value or _duration(1, unit)
        elif rule == "set_adv":
            adv = g["adv"].lower()
            kind = "SET"
            value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                     "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
                     "semiannually": "P6M", "hourly": "PT1H"}[adv]  # fmt: skip
        elif rule == "ref":
            value = self.ref(g["ref"])
        if value is None:
            return None
        anaphoric = (
            rule in {"year_ago", "ago", "the_quarter", "year_quarter"}
            or (rule == "quarter" and "ord" in g and g["ord"].lower() not in ORDINALS)
            or (rule == "span_rel" and "-Q" in value)
        )
        explicit = re.fullmatch(r"\d{4}(?:-\d\d){0,2}|\d{4}-(?:Q\d|H\d|W\d\d)", value)
        if kind == "DATE" and explicit and not anaphoric:
            self.last_date = value
            # A year-ago comparison is with the period reported on, which has ended by the
            # publication date: an outlook for "the fourth quarter" is no such period.
            if re.fullmatch(r"\d{4}-Q\d", value) and value < _quarter_of(dct):
                self.last_quarter = value
        return kind, value, tense

    def someday(self, cand: Candidate) -> bool:
        """Whether "one day" is an unspecified future time ("Islam will one day be ..."),
        not a duration: it sits between a subject or modal and its verb."""
        g = cand.groups
        if g.get("num", "").lower() not in {"one", "some"} or g["unit"].lower() != "day":
            return False
        before = self.text[max(0, cand.start - 12) : cand.start]
        return bool(_SUBJECT_OR_MODAL.search(before)) and not _DAY_COMPLEMENT.match(
            self.text, cand.end
        )

    def moving_holiday(self, name: str, tense: str | None) -> str:
        name = re.sub(r"\s+", " ", name.lower())
        options = []
        for year in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            if name.startswith("thanksgiving"):
                day = _nth_weekday(year, 11, 4, 4)
            elif name == "election day":
                day = _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
            elif name == "labor day":
                day = _nth_weekday(year, 9, 1, 1)
            else:
                day = _nth_weekday(year, 6, 1, 1) - dt.timedelta(days=7)
            options.append((day, day.isoformat()))
        return _pick(options, self.dct, tense)

    def last_year(self) -> str:
        return self.last_date[:4] if self.last_date else str(self.dct.year)

    def quarter(self, cand: Candidate) -> str:
        g, dct = cand.groups, self.dct
        q = None
        if "qc" in g or "qc2" in g:
            q = int(g.get("qc") or g.get("qc2"))
        word = g.get("ord", "").lower()
        if word in ORDINALS and word not in {"last", "final"}:
            q = ORDINALS[word]
        year = g.get("year") or g.get("qy")
        span = self.text[cand.start : cand.end].lower()
        if year is None and "year's" in span:
            year = str(
                dct.year + (-1 if "last year's" in span else 1 if "next year's" in span else 0)
            )
        previous = _shift_months(dct, -3)
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
        value = f"{year}-Q{q}" if year else _quarter(q, dct, self.tense(cand))
        if "prior" in g:  # "the year-ago third quarter": that quarter a year before
            value = f"{int(value[:4]) - 1}{value[4:]}"
        return value

    def year_before(self) -> str:
        last = self.last_quarter or self.last_date
        if last and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d)", last):
            return str(int(last[:4]) - 1) + last[4:]
        return str(self.dct.year - 1)

    def ago(self, cand: Candidate) -> tuple[str, str | None, str | None]:
        g, dct = cand.groups, self.dct
        direction = re.sub(r"\s+", " ", g["dir"].lower())
        num = _number(g["num"])
        unit = _unit_key(g["unit"])
        if direction in {"after", "before", "since"} or (
            direction in {"later", "earlier"} and unit in _NARRATIVE_UNITS
        ):
            return "DURATION", _duration(num, unit), None
        if num is None:
            return "DATE", ("PAST_REF" if direction in {"ago", "earlier", "before"} else
                            "FUTURE_REF"), None  # fmt: skip
        sign = -1 if direction in {"ago", "earlier"} else 1
        base = dct
        if direction in {"earlier", "later"} and self.last_date:
            base = self.reference_day()
        if unit == "year" and num == 1 and self.last_quarter:
            return "DATE", self.year_before(), None
        if unit in {"hour", "minute", "second"}:
            return "DATE", base.isoformat(), None
        return "DATE", _shift(base, num, unit, sign), None

    def span_rel(self, cand: Candidate) -> tuple[str, str | None]:
        g = cand.groups
        rel = g["rel"].lower()
        unit = _unit_key(g["unit"])
        span = self.text[cand.start : cand.end].lower()
        plural = span.endswith("s")
        if "num" not in g and not plural and not span.startswith(("the", "this", "these", "those")):
            if rel == "last" and unit == "year" and self.compares_quarter(cand):
                return "DATE", self.year_before()
            if rel in {"last", "past", "previous"}:
                return "DATE", _shift(self.dct, 1, unit, -1)
            if rel in {"next", "coming", "following", "upcoming"}:
                return "DATE", _shift(self.dct, 1, unit, 1)
        if "num" not in g and rel == "following" and not plural:
            base = self.reference_day()
            return "DATE", _shift(base, 1, unit, 1)
        num = _number(g["num"]) if "num" in g else (None if span.endswith("s") else 1.0)
        return "DURATION", _duration(num, unit)

    def compares_quarter(self, cand: Candidate) -> bool:
        """Whether "last year" compares a quarter's figure with the one a year before ("a loss of
        $3 million last year", "the corresponding period last year")."""
        if not self.last_quarter:
            return False
        left = max(0, cand.start - 60)
        for match in _BOUNDARY.finditer(self.text, left, cand.start + 1):
            left = match.end()
        return bool(_COMPARISON.search(self.text, left, cand.start))

    def reference_day(self) -> dt.date:
        """The last explicit date mentioned (its first day), or the publication date."""
        last = self.last_date
        if last and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", last):
            return _as_date((last + "-01-01")[:10])
        return self.dct

    def relative(self, cand: Candidate) -> tuple[str, str | None]:
        g, dct = cand.groups, self.dct
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        if rel in {"that", "same"}:
            dct = self.reference_day()
        sign = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1,
                "following": 1, "upcoming": 1}.get(rel, 0)  # fmt: skip
        if "unit" in g:
            unit = _unit_key(g["unit"])
            if "the" in g and sign and rel in {"past", "last"}:
                return "DURATION", _duration(1, unit)
            if unit in {"hour", "minute", "second", "yr", "hr", "min"}:
                return "DURATION", _duration(1, unit)
            if unit == "day" and rel in {"that", "same"} and self.last_date:
                # "That same day" after "in October 1998" is a day of that month, which one is
                # not said: TimeML writes the unknown part with X.
                known = self.last_date
                if re.fullmatch(r"\d{4}", known):
                    return "DATE", f"{known}-XX-XX"
                if re.fullmatch(r"\d{4}-\d\d", known):
                    return "DATE", f"{known}-XX"
            if unit == "day":
                return "DATE", (dct + dt.timedelta(days=sign)).isoformat()
            if unit == "century":
                return "DATE", f"{dct.year // 100 + sign:02d}"
            return "DATE", _shift(dct, 1, unit, sign) if sign else _shift(dct, 0, unit, 1)
        if "wk" in g:
            return "DATE", _week(dct + dt.timedelta(weeks=sign)) + "-WE"
        if "wd" in g:
            weekday = WEEKDAYS[g["wd"].lower()]
            tense = {-1: "past", 1: "future"}.get(sign, self.tense(cand))
            options = [dct + dt.timedelta(days=k) for k in range(-7, 8) if k != 0]
            options = [d for d in options if d.isoweekday() == weekday]
            day = (max(d for d in options if d < dct) if tense == "past" else
                   min(d for d in options if d > dct))  # fmt: skip
            return "DATE", day.isoformat()
        if "mon" in g:
            month = MONTHS[g["mon"].rstrip(".").lower()]
            if sign == -1:
                year = dct.year if month < dct.month else dct.year - 1
            elif sign == 1:
                year = dct.year if month > dct.month else dct.year + 1
            else:
                year = dct.year
            return "DATE", f"{year}-{month:02d}"
        code = SEASONS[g["season"].lower()]
        tense = {-1: "past", 1: "future"}.get(sign, self.tense(cand))
        return "DATE", _season(code, dct, tense)

    def season(self, cand: Candidate) -> str | None:
        g = cand.groups
        code = SEASONS[g["season"].lower()]
        if "year" in g:
            return f"{g['year']}-{code}"
        return _season(code, self.dct, self.tense(cand))

    def deictic(self, word: str) -> tuple[str, str]:
        word = re.sub(r"\s+", " ", word.lower())
        day = self.dct
        if "yesterday" in word or word == "last night":
            day = day - dt.timedelta(days=1)
        elif "tomorrow" in word:
            day = day + dt.timedelta(days=1)
        part = next((DAY_PARTS[p] for p in ("morning", "afternoon", "evening") if p in word), None)
        if word in {"tonight", "last night", "overnight"} or word.endswith("tonight"):
            part = "NI"
        if part:
            return "TIME", f"{day.isoformat()}T{part}"
        return "DATE", day.isoformat()

    def time(self, g: dict) -> str:
        day = self.dct.isoformat()
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

    def ref(self, word: str) -> str:
        word = re.sub(r"\s+", " ", word.lower())
        if word in {"now", "right now", "currently", "current", "nowadays", "at present",
                    "the present",
                    "these days", "present"}:  # fmt: skip
            return "PRESENT_REF"
        if word in {"recently", "lately", "previously", "formerly", "earlier", "in the past",
                    "the past", "recent"}:  # fmt: skip
            return "PAST_REF"
        return "FUTURE_REF"


def timex_granularity(value: str) -> str:
    """The granularity of a TimeML value: ``day``, ``month``, ``year``, ``duration`` ...

    Examples
    --------
    >>> [timex_granularity(v) for v in ["2021-07-14", "1992", "2022-05", "P8M", "199", "PAST_REF"]]
    ['day', 'year', 'month', 'duration', 'decade', 'reference']
    """
    patterns = [
        (r"\d{4}-\d\d-\d\dT.*", "time"), (r"\d{4}-\d\d-\d\d", "day"),
        (r"\d{4}-W\d\d-WE", "weekend"),
        (r"\d{4}-W\d\d", "week"), (r"\d{4}-\d\d", "month"), (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half"), (r"\d{4}-(?:SP|SU|FA|WI)", "season"), (r"\d{4}", "year"),
        (r"\d{3}", "decade"), (r"\d{2}", "century"),
        (r"(?:PAST|PRESENT|FUTURE)_REF", "reference"), (r"P.*", "duration"), (r"X.*", "set"),
    ]  # fmt: skip
    return next((name for pattern, name in patterns if re.fullmatch(pattern, value)), "other")


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
    grain = timex_granularity(value)
    year = int(value[:4]) if grain not in {"decade", "century"} and value[:4].isdigit() else None
    if grain in {"day", "time"}:
        first = last = dt.date.fromisoformat(value[:10])
    elif grain == "month":
        first = dt.date(year, int(value[5:7]), 1)
        last = _shift_months(first, 1) - dt.timedelta(days=1)
    elif grain in {"week", "weekend"}:
        first = dt.date.fromisocalendar(year, int(value[6:8]), 6 if grain == "weekend" else 1)
        last = first + dt.timedelta(days=1 if grain == "weekend" else 6)
    elif grain in {"quarter", "half", "season"}:
        months = {"Q": 3, "H": 6}.get(value[5], 3)
        index = int(value[6]) - 1 if value[5] in "QH" else _SEASON_ORDER[value[5:7]]
        offset = index * months - (1 if value[5] not in "QH" else 0)
        first = _shift_months(dt.date(year, 1, 1), offset)
        last = _shift_months(first, months) - dt.timedelta(days=1)
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
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if isinstance(dct, pd.Timestamp):
        dct = dct.to_pydatetime()
    anchor_day = _as_date(dct)
    normalizer = _Normalizer(text, anchor_day)
    rows = []
    for cand in find_candidates(text):
        result = normalizer(cand)
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
                _MODS.get(cand.mod) if cand.mod else None,
                anchor,
                tense,
                cand.rule,
            )  # fmt: skip
        )
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(TIMEX_COLUMNS)
    data = {name: list(values) for name, values in zip(TIMEX_COLUMNS, columns, strict=True)}
    data["start"] = np.asarray(data["start"], dtype="int64")
    data["end"] = np.asarray(data["end"], dtype="int64")
    return pd.DataFrame(data, columns=TIMEX_COLUMNS)
