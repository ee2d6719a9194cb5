"""Publication dates as articles carry them: header lines of text files, and date cells of tables.

Design
------
A text file's first line is its header: ``date YYYY-MM-DD``, then, in any order and each at most
once, what real outlets write after it:

- the date written out (``21 May 2022``, ``Saturday, May 21, 2022``, ``21.05.2022``), which must be
  the ISO date's day (and weekday): a contradiction is an error, never a guess between the two;
- a clock time (``11:31``, ``11:31:05``, ``9:05 pm``) and a zone (``UTC+04:00``, ``(UTC+04:00)``,
  ``+0400``, ``GMT``, ``EST``: :mod:`analysis.lexicon.zones`);
- a byline ``By AUTHOR``: an outlet from :data:`~analysis.lexicon.outlets.BYLINE_OUTLETS` (or
  the user's own list) or a person's name;
- and then, on some pages, the first line of the body.

The header is read left to right: at each place the parts not seen yet are tried, and the first
text that is none of them starts the body. A byline followed by body text on the same line is
split after an outlet's name, at two spaces, a tab or a ``|``/dash separator; where none of these
tells where the name ends, the header is an error rather than a guess.

A date cell of a table is ``YYYY-MM-DD``, optionally a time and a zone, and nothing else; a pandas
``Timestamp`` or ``datetime`` is taken as it is. Either way a given time gives ``published``: a
timezone-aware instant in UTC (a time written without a zone is in the zone the caller names,
UTC unless told otherwise); ``date`` stays the calendar date as written. Every date is checked:
an impossible day, time or zone, or a year outside what a ``datetime64[ns]`` column holds
(1678-2261), is an :class:`ArticleFormatError` naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.corpus.errors import ArticleFormatError
from analysis.lexicon.calendar import MONTHS, WEEKDAYS
from analysis.lexicon.outlets import BYLINE_OUTLETS
from analysis.lexicon.zones import ZONE_OFFSETS

__all__ = ["BYLINE_RE", "Header", "parse_date_cell", "parse_header", "zone_info"]

_DAY = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_CLOCK = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?))?"
)
# An offset: after UTC or GMT any of +4, +04, +04:00, +0400; alone, only +04:00 or +0400.
_OFFSET = (
    r"(?:(?P<prefix>UTC|GMT)\s*(?=[+\-\u2212])|(?=[+\-\u2212]\d{2}:?\d{2}))"
    r"(?P<sign>[+\-\u2212])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?"
)
_ABBREVIATION = r"(?P<abbr>[A-Z]{1,5})"

_LEAD_RE = re.compile(
    rf"^\s*date\s+{_DAY}(?:T{_CLOCK}(?:\s*\(?(?:{_OFFSET}|(?P<zulu>Z))\)?)?)?(?!\w)", re.I
)
_GAP_RE = re.compile(r"[\s,;|\u00b7\u2022]*")
_TIME_RE = re.compile(_CLOCK + r"(?![\w:])")
_OFFSET_RE = re.compile(rf"\(?{_OFFSET}\)?(?![\w:])")
_ABBREVIATION_RE = re.compile(rf"\(?{_ABBREVIATION}\)?(?![\w:])")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WRITTEN_RE = re.compile(
    rf"""(?:(?P<weekday>{_WEEKDAY})\.?,?\s+)?
        (?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})
          |(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})
          |(?P<n1>\d{{1,2}})(?P<sep>[./])(?P<n2>\d{{1,2}})(?P=sep)(?P<y3>\d{{4}}))(?![\w/.]\d)""",
    re.I | re.X,
)
_BY_RE = re.compile(r"By\s*:?\s+", re.I)
#: Where a byline ends when body text follows it on the header line.
_BYLINE_END_RE = re.compile(r"\s{2,}|\t|\s+[|\u2013\u2014]\s+|\s+-\s+")
#: The other parts of a header, where they follow a byline.
_PART_AFTER_BYLINE_RES = tuple(
    re.compile(r"\s+(?=" + regex.pattern + ")", regex.flags)
    for regex in (_WRITTEN_RE, _TIME_RE, _OFFSET_RE)
)

# A person's name: capitalised words, with the particles of surnames between them.
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|del|der|van|von|bin|al|el|la|le)\s+)?[A-Z][\w'’.-]*){0,4}"
_NAMES = rf"{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAME})*"
#: A byline paragraph: "By" and a person's name, or names joined by "and" or commas, nothing
#: more ("By land, sea and air: drills begin" is text).
BYLINE_RE = re.compile(rf"^\s*(?i:by)\s*:?\s+(?P<author>{_NAMES})\s*$")
_NAMES_RE = re.compile(rf"{_NAMES}$")
#: A header byline read to the end of the line is a name if it is this short and not a sentence.
_HEADER_BYLINE_WORDS = 6

#: A date as tables write it: ``YYYY-MM-DD``, optionally a time and a zone, nothing else.
_CELL_RE = re.compile(
    rf"^\s*{_DAY}(?:[T\s]+{_CLOCK}(?:\s*\(?(?:{_OFFSET}|{_ABBREVIATION})\)?)?)?\s*$", re.I
)
_FORMAT = "expected a header ' date YYYY-MM-DD [date written out] [HH:MM[:SS] [ZONE]] [By AUTHOR]'"


@dataclass(frozen=True)
class Header:
    """What a header line says.

    Attributes
    ----------
    date : pandas.Timestamp
        The calendar day of the ISO date, as written (no zone).
    published : pandas.Timestamp or None
        The publication instant in UTC when the header gives a time, else None.
    author : str or None
        The byline as written, without "By".
    body : str or None
        Text after the header on the same line: the start of the body.
    """

    date: pd.Timestamp
    published: pd.Timestamp | None
    author: str | None
    body: str | None


def zone_info(zone: str | dt.tzinfo) -> dt.tzinfo:
    """The zone a name stands for: an IANA name, an abbreviation of :mod:`analysis.lexicon.zones`,
    or an offset (``+04:00``, ``UTC+4``).

    Examples
    --------
    >>> zone_info("Asia/Baku")
    zoneinfo.ZoneInfo(key='Asia/Baku')
    >>> zone_info("EST"), zone_info("UTC+04:00")
    (datetime.timezone(datetime.timedelta(days=-1, seconds=68400), 'EST'), datetime.timezone(datetime.timedelta(seconds=14400)))
    >>> zone_info("Mars/Olympus")
    Traceback (most recent call last):
    ...
    ValueError: unknown time zone 'Mars/Olympus'; expected an IANA name such as 'Asia/Baku', an abbreviation such as 'EST' or an offset such as '+04:00'
    """  # noqa: E501
    if isinstance(zone, dt.tzinfo):
        return zone
    text = str(zone).strip()
    if text.upper() in ZONE_OFFSETS:
        minutes = ZONE_OFFSETS[text.upper()]
        return dt.timezone(dt.timedelta(minutes=minutes), text.upper()) if minutes else dt.UTC
    offset = re.fullmatch(_OFFSET, text, re.I)
    if offset:
        return _offset_zone(offset)
    try:
        return zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {text!r}; expected an IANA name such as 'Asia/Baku', an "
            "abbreviation such as 'EST' or an offset such as '+04:00'"
        ) from None


def _offset_zone(match: re.Match) -> dt.timezone:
    hours, minutes = int(match["oh"]), int(match["om"] or 0)
    if hours > 14 or minutes > 59:
        raise ValueError(f"impossible UTC offset {match.group(0).strip()!r}")
    sign = -1 if match["sign"] in "-\u2212" else 1
    delta = dt.timedelta(hours=hours, minutes=minutes) * sign
    return dt.timezone(delta) if delta else dt.UTC


def parse_header(
    line: str,
    *,
    path: str,
    line_number: int,
    zone: dt.tzinfo = dt.UTC,
    outlets: Iterable[str] = BYLINE_OUTLETS,
) -> Header:
    """Read a header line (see the module docstring); raise :class:`ArticleFormatError` if it is
    not one, or if its parts contradict each other.

    Examples
    --------
    >>> h = parse_header(" date 2022-05-21 21 May 2022 11:31 (UTC+04:00) By Trend Baku hosts talks.",
    ...                  path="a.txt", line_number=1)
    >>> h.date, h.published, h.author, h.body
    (Timestamp('2022-05-21 00:00:00'), Timestamp('2022-05-21 07:31:00+0000', tz='UTC'), 'Trend', 'Baku hosts talks.')
    >>> parse_header(" date 2022-05-21 22 May 2022", path="a.txt", line_number=1)
    Traceback (most recent call last):
    ...
    analysis.corpus.errors.ArticleFormatError: a.txt, line 1: the date written out, '22 May 2022', is 2022-05-22, not the header's 2022-05-21; expected the same day
    """  # noqa: E501
    lead = _LEAD_RE.match(line)
    if not lead:
        raise ArticleFormatError(path, line_number, f"{_FORMAT}, found {line!r}")

    def fail(reason: str) -> ArticleFormatError:
        return ArticleFormatError(path, line_number, reason)

    day = _calendar_day(lead, fail)
    clock, offset, author, body = None, None, None, None
    if lead["hour"] is not None:
        clock = _clock(lead, line, fail)
        if lead["sign"] is not None:
            offset = _checked_offset(lead, fail)
        elif lead["zulu"] is not None:
            offset = dt.UTC
    written_seen, by_seen = False, False
    position = lead.end()
    while position < len(line):
        position = _GAP_RE.match(line, position).end()
        if position >= len(line):
            break
        after_time = clock is not None and offset is None and _just_after_time(line, position)
        if not written_seen and (match := _WRITTEN_RE.match(line, position)):
            _check_written(match, day, fail)
            written_seen, position = True, match.end()
        elif clock is None and (match := _TIME_RE.match(line, position)):
            clock, position = _clock(match, line, fail), match.end()
        elif offset is None and (match := _OFFSET_RE.match(line, position)):
            offset, position = _checked_offset(match, fail), match.end()
        elif after_time and (match := _ABBREVIATION_RE.match(line, position)):
            abbreviation = match["abbr"]
            if abbreviation.upper() not in ZONE_OFFSETS:
                rest = line[match.end() :].strip()
                if rest and not _BY_RE.match(rest):
                    break
                raise fail(
                    f"unknown time zone {abbreviation!r} in the header; expected an offset "
                    "such as UTC+04:00 or one of analysis.lexicon.zones.ZONE_OFFSETS"
                )
            offset, position = zone_info(abbreviation), match.end()
        elif not by_seen and (match := _BY_RE.match(line, position)):
            author, position = _byline(line, match.end(), outlets, fail)
            by_seen = True
        else:
            break
    rest = line[position:].strip()
    body = rest or None
    published = None
    if clock is not None:
        local = dt.datetime.combine(day.date(), clock, tzinfo=offset or zone)
        published = pd.Timestamp(local).tz_convert("UTC")
    return Header(date=day, published=published, author=author, body=body)


def _just_after_time(line: str, position: int) -> bool:
    before = line[:position].rstrip()
    return bool(re.search(r"\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$", before))


def _calendar_day(match: re.Match, fail) -> pd.Timestamp:
    try:
        day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError as exc:
        found = f"{match['year']}-{match['month']}-{match['day']}"
        raise fail(f"impossible date {found!r} ({exc}); expected YYYY-MM-DD") from None
    return _in_range(pd.Timestamp(day), fail)


def _in_range(day: pd.Timestamp, fail) -> pd.Timestamp:
    """Publication dates are datetime64[ns]: a year outside 1678-2261 is reported, not an abort."""
    if not pd.Timestamp.min <= day <= pd.Timestamp.max:
        raise fail(
            f"publication date {day.date().isoformat()} is outside the years "
            f"{pd.Timestamp.min.year + 1}-{pd.Timestamp.max.year - 1} a corpus can hold; "
            "expected a real publication date (a typo in the year?)"
        )
    return day


def _clock(match: re.Match, text: str, fail) -> dt.time:
    """An impossible clock time (25:99, 13:05 pm) is an error, not a guess."""
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"]) if match["second"] else 0
    ampm = (match["ampm"] or "").lower()[:1]
    if ampm:
        hour = hour % 12 + (12 if ampm == "p" else 0) if 1 <= hour <= 12 else 99
    if hour > 23 or minute > 59 or second > 59:
        raise fail(f"impossible time in {text.strip()!r}; expected HH:MM[:SS] within a day")
    fraction = match["fraction"] or ""
    return dt.time(hour, minute, second, int(fraction.ljust(6, "0")) if fraction else 0)


def _checked_offset(match: re.Match, fail) -> dt.timezone:
    try:
        return _offset_zone(match)
    except ValueError as exc:
        raise fail(f"{exc}; expected an offset within UTC-14:00 to UTC+14:00") from None


def _check_written(match: re.Match, day: pd.Timestamp, fail) -> None:
    """The date written out must be the ISO date's day, and its weekday the day's weekday."""
    written = match.group(0).strip()
    if match["y1"] or match["y2"]:
        year = int(match["y1"] or match["y2"])
        month = MONTHS[(match["m1"] or match["m2"]).lower()]
        candidates = [(year, month, int(match["d1"] or match["d2"]))]
    else:
        first, second, year = int(match["n1"]), int(match["n2"]), int(match["y3"])
        candidates = [(year, second, first)]
        if match["sep"] == "/":
            candidates.append((year, first, second))
    days = []
    for year, month, number in candidates:
        try:
            days.append(dt.date(year, month, number))
        except ValueError:
            continue
    if not days:
        raise fail(f"impossible date written out, {written!r}; expected the header's date")
    if day.date() not in days:
        raise fail(
            f"the date written out, {written!r}, is {days[0].isoformat()}, not the header's "
            f"{day.date().isoformat()}; expected the same day"
        )
    if match["weekday"] and WEEKDAYS[match["weekday"].lower()] != day.isoweekday():
        raise fail(
            f"the weekday written out, {match['weekday']!r}, is not the weekday of "
            f"{day.date().isoformat()} ({day.day_name()}); expected the same day"
        )


def _byline(line: str, start: int, outlets: Iterable[str], fail) -> tuple[str, int]:
    """The author a header byline names, and where it ends (see the module docstring)."""
    rest = line[start:]
    lowered = rest.lower()
    for outlet in sorted(outlets, key=len, reverse=True):
        end = len(outlet)
        if lowered.startswith(outlet.lower()) and (
            end == len(rest) or not (rest[end].isalnum() or rest[end] in ".'’-")
        ):
            return rest[:end], start + end
    boundary = _BYLINE_END_RE.search(rest)
    components = [m.start() for regex in _PART_AFTER_BYLINE_RES if (m := regex.search(rest))]
    ends = [boundary.start()] if boundary else []
    end = min(ends + components, default=len(rest))
    name = rest[:end].strip()
    if name and (
        _NAMES_RE.match(name)
        or (
            end == len(rest)
            and len(name.split()) <= _HEADER_BYLINE_WORDS
            and name[-1] not in '.!?:;"”'
        )
    ):
        return name, start + end
    raise fail(
        f"cannot tell where the byline {('By ' + rest.strip())[:60]!r} ends and the text "
        "begins; expected the body on its own line, or two spaces or ' | ' after the name"
    )


def parse_date_cell(
    value, *, path: str, line: int | None, zone: dt.tzinfo = dt.UTC
) -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """The calendar day and the publication instant (UTC, or None) of a table's date cell.

    Examples
    --------
    >>> parse_date_cell("2021-07-15 14:05 +04:00", path="a.csv", line=2)
    (Timestamp('2021-07-15 00:00:00'), Timestamp('2021-07-15 10:05:00+0000', tz='UTC'))
    >>> parse_date_cell("2021-07-15 garbage", path="a.csv", line=2)
    Traceback (most recent call last):
    ...
    analysis.corpus.errors.ArticleFormatError: a.csv, line 2: expected a publication date YYYY-MM-DD, found '2021-07-15 garbage'
    """  # noqa: E501

    def fail(reason: str) -> ArticleFormatError:
        return ArticleFormatError(path, line, reason)

    if isinstance(value, dt.date) and not pd.isna(value):
        stamp = pd.Timestamp(value)
        day = _in_range(stamp.tz_localize(None).normalize(), fail)
        if not isinstance(value, dt.datetime) or (stamp.tzinfo is None and stamp == day):
            return day, None
        if stamp.tzinfo is None:
            stamp = stamp.tz_localize(zone)
        return day, stamp.tz_convert("UTC")
    if value is not None and not isinstance(value, (str, float)):
        raise fail(f"expected a publication date YYYY-MM-DD, found {value!r}")
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    match = _CELL_RE.match(text)
    if not match:
        raise fail(f"expected a publication date YYYY-MM-DD, found {text!r}")
    day = _calendar_day(match, fail)
    if match["hour"] is None:
        return day, None
    clock = _clock(match, text, fail)
    if match["sign"] is not None:
        offset = _checked_offset(match, fail)
    elif match["abbr"] is not None:
        if match["abbr"].upper() not in ZONE_OFFSETS:
            raise fail(
                f"unknown time zone {match['abbr']!r} in {text.strip()!r}; expected an offset "
                "such as +04:00 or one of analysis.lexicon.zones.ZONE_OFFSETS"
            )
        offset = zone_info(match["abbr"])
    else:
        offset = zone
    local = dt.datetime.combine(day.date(), clock, tzinfo=offset)
    return day, pd.Timestamp(local).tz_convert("UTC")
