"""The date rules of the temporal tagger, one record each, and the cascade that runs them.

A :class:`Rule` holds everything about one kind of expression: its name, its regular expression,
the trigger words around which it runs, the traps that reject a match ("may" the modal, "$2020",
"This Week" the title), which modifiers may widen it to the left ("nearly two years", "late
November"), what every match needs (one of a few strings: "ago", "later" ... for "two years
ago") and its normalizer from :mod:`analysis.chronology.normalize`. A record that lacks a part
fails when it is built. :func:`find_candidates` runs each rule only in windows around its trigger
words, and skips a window without any of the strings the rule needs (a substring test in lower
case, done on ASCII windows only, where it is exact): the same matches for about a third less
time. It keeps the longest non-overlapping matches (leftmost first, then the earlier rule); a
bare day joined to a month-day date ("April 24 and 25") becomes a date of its own, and a clock
time joined to a day ("9 a.m. Tuesday") one time. The words are in :mod:`analysis.lexicon.calendar`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from analysis.chronology import normalize
from analysis.lexicon.calendar import (
    DAY_PARTS,
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    SEASONS,
    TIME_ZONES,
    UNITS,
    WEEKDAYS,
    alternation,
)
from analysis.lexicon.places import STREET_WORDS

__all__ = ["RULES", "RULE_INDEX", "TRIGGERS", "Candidate", "Rule", "find_candidates", "index_rules"]
_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 and m != "sept"]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = (
    r"(?P<mon>(?:" + "|".join(m.capitalize() for m in _FULL_MONTHS if m != "may") + r"|May)\b"
    r"|(?:" + "|".join(m.capitalize() for m in _ABBR_MONTHS) + r")\.)"
)
_ABBR = "(?:" + "|".join(m.capitalize() for m in _ABBR_MONTHS) + ")"
# Before a day number an abbreviated month may lack its period ("Sept 30").
MONTH_DAY = MONTH.replace(_ABBR + r"\.)", _ABBR + r"\.?)")
WEEKDAY = r"(?P<wd>(?i:" + alternation(w for w in WEEKDAYS if len(w) > 4) + r"))\b"
DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)\b"
NUMWORD = alternation(w for w in NUMBERS if w not in ("a", "an"))
# A count is a whole word or number ("2,000 years", "2 1/2 years", "12.5 years"), never the tail
# of a longer one ("000 years" of "2,000 years", "a year" of "the quota year", "1 year" of "M1").
NUM = (
    r"(?P<num>(?<![\w,.])(?:\d{1,3}\s+1/2|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\.\d+)?(?!\d|,\d)"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|" + NUMWORD + r"|a|an"
    r"|several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of|the\s+next\s+few))"
)
# Between a count and its unit: spaces or a hyphen, one line break at most (a blank line ends
# the paragraph: "profit 568,000 / (blank) / year" is a table, not 568,000 years).
_COUNT_GAP = r"(?=[\s-])[ \t]*-?[ \t]*\n?[ \t]*-?[ \t]*"
# "Two and a half years", "two-and-a-half years": the half before the unit.
_AND_A_HALF = r"(?P<halfway>[\s-]+and[\s-]+a[\s-]+half)?"
UNIT = r"(?P<unit>" + alternation(u for u in UNITS if u not in ("weekend",)) + r")"
UNIT_S = UNIT + r"(?:s|es)?\b"
SEASON = r"(?P<season>" + alternation(SEASONS) + r")\b"
PART = r"(?P<part>" + alternation(p for p in DAY_PARTS if len(DAY_PARTS[p]) == 2) + r")\b"
_ZONE_ABBREVIATIONS = [zone for zone in TIME_ZONES if zone.isupper()]
# "local" alone is a zone only before a bracket or a stop ("2305 local (0305 GMT)"), else it may be
# an adjective ("1500 local jobs").
ZONE = (
    r"(?P<tz>(?i:local)(?:\s+(?i:time)\b|(?=\s*[(),.;/]))|(?i:"
    + alternation(_ZONE_ABBREVIATIONS)
    + r")\b)"
)
_ZONE_AHEAD = ZONE.replace("(?P<tz>", "(?:")
# A clock time of newswire: "1630 EST", "0900 GMT", "1415 hrs", "10:30 GMT"; the first of two
# joined by "or" or "to" takes the zone of the second ("about 2000 or 2100 EST").
_CLOCK_DIGITS = r"(?<![\w$£€.,:])(?P<h>[01]?\d|2[0-3])[:.]?(?P<mi>[0-5]\d)"
ORDQ = (
    r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|"
    r"same|year-earlier|year-ago|prior-year|comparable|fiscal))"
)


def _heads(words: object, ignore_case: bool = True) -> str:
    """The first two characters of ``words`` as an alternation, a space standing for white space.

    The look-ahead of a rule's ``starts``: a one-letter word is given with the character that
    must follow it ("a " for "a" and a space).

    Examples
    --------
    >>> _heads(["this", "three", "a few", "a-"])
    '(?i:a\\\\-|a\\\\s|th)'
    >>> _heads(["May", "March"], ignore_case=False)
    '(?:Ma)'
    """
    heads = sorted({"".join(r"\s" if c == " " else re.escape(c) for c in w[:2]) for w in words})
    return ("(?i:" if ignore_case else "(?:") + "|".join(heads) + ")"


# The trigger categories: a rule runs only in windows around the words of its categories (every
# match of the rule contains one), which keeps the cascade fast on long texts with few dates.
# "digit" is any number; "word" is the words the rules of that category name themselves.
TRIGGERS = ("digit", "unit", "month", "day", "word")
_MODIFIERS = ("date", "duration")


@dataclass(frozen=True)
class Candidate:
    """A matched temporal expression before normalization."""

    start: int
    end: int
    rule: str
    groups: dict
    mod: str | None = None


Trap = Callable[[re.Match, str], bool]
Adjust = Callable[[re.Match, str], tuple[int, int]]


@dataclass(frozen=True)
class Rule:
    """One date rule: what it matches, where it runs, what it rejects and how it is normalized.

    Parameters
    ----------
    name : str
        The rule's name, the ``rule`` column of the tagger's output.
    pattern : str or None
        The regular expression; None for a rule made by joining the matches of others
        ("9 a.m. Tuesday").
    triggers : tuple of str
        The categories of :data:`TRIGGERS` whose words every match contains.
    normalize : callable
        ``normalize(discourse, candidate)`` -> :class:`~analysis.chronology.normalize.Timex` or
        None, from :mod:`analysis.chronology.normalize`.
    words : iterable of str
        The trigger words of the ``"word"`` category this rule needs, lower case.
    traps : tuple of callable
        ``trap(match, text)`` -> True to reject a match.
    modifiers : {"date", "duration", None}
        Which modifiers may widen a match to the left: "late November", "nearly two years".
    adjust : callable or None
        ``adjust(match, text)`` -> the ``(start, end)`` of the expression, when it is not the
        whole match.
    needs : iterable of str
        Lower-case strings one of which every match holds (in what it matches or looks ahead
        at, not in a look-behind): a window without any of them is not searched. By default the
        ``words`` of a rule that runs around its own words only, else none (every window is
        searched).
    starts : str or None
        A regular expression every match begins with, tried as a look-ahead before the pattern
        at each position: positions where it fails are passed over after a test of one or two
        characters instead of a try of every branch of the pattern. It must hold at the start
        of every match (made with :func:`_heads` from the words the pattern begins with, under
        the same case flags), so the matches are the same. None: every position is tried.

    Raises
    ------
    ValueError
        If a part is missing or unknown.

    Examples
    --------
    >>> from analysis.chronology.normalize import year
    >>> Rule("year", r"\\b(?P<year>\\d{4})\\b", ("digit",), year).triggers
    ('digit',)
    >>> Rule("year", r"\\b(?P<year>\\d{4})\\b", ("digits",), year)
    Traceback (most recent call last):
    ...
    ValueError: rule 'year': unknown trigger 'digits' (not one of digit, unit, month, day, word)
    """

    name: str
    pattern: str | None
    triggers: tuple[str, ...]
    normalize: normalize.Normalizer
    words: frozenset[str] = frozenset()
    traps: tuple[Trap, ...] = ()
    modifiers: str | None = "date"
    adjust: Adjust | None = None
    needs: frozenset[str] = frozenset()
    starts: str | None = None
    compiled: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        def fail(problem: str) -> None:
            raise ValueError(f"rule {self.name!r}: {problem}")

        if not isinstance(self.name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"a rule name must be a lower-case identifier, not {self.name!r}")
        if not callable(self.normalize):
            fail("no normalizer")
        if isinstance(self.triggers, str):
            fail("triggers must be a tuple of categories, not a string")
        for trigger in self.triggers:
            if trigger not in TRIGGERS:
                fail(f"unknown trigger {trigger!r} (not one of {', '.join(TRIGGERS)})")
        if self.pattern is None and self.triggers:
            fail("a joined rule (no pattern) runs on no triggers")
        if self.pattern is not None and not self.triggers:
            fail("no triggers: a pattern rule must say which words it runs around")
        object.__setattr__(self, "words", frozenset(self.words))
        if ("word" in self.triggers) != bool(self.words):
            fail('trigger words go with the "word" trigger, and it needs them')
        if any(word != word.lower() for word in self.words):
            fail("trigger words are lower case")
        if not all(callable(trap) for trap in self.traps):
            fail("a trap is not callable")
        if self.modifiers not in (*_MODIFIERS, None):
            fail(f"unknown modifiers {self.modifiers!r} (not one of {', '.join(_MODIFIERS)})")
        if self.starts is not None and self.pattern is None:
            fail("a joined rule (no pattern) has no start")
        if self.adjust is not None and not callable(self.adjust):
            fail("adjust is not callable")
        if isinstance(self.needs, str):
            fail("needs must be a collection of strings, not a string")
        needs = frozenset(self.needs)
        if not needs and self.triggers == ("word",):
            needs = self.words
        if any(not isinstance(need, str) or not need or need != need.lower() for need in needs):
            fail("needs are non-empty lower-case strings")
        object.__setattr__(self, "needs", needs)
        try:
            if self.pattern is None:
                compiled = None
            elif self.starts is None:
                compiled = re.compile(self.pattern)
            else:
                compiled = re.compile(f"(?={self.starts})(?:{self.pattern})")
        except re.error as error:
            fail(f"bad pattern: {error}")
        object.__setattr__(self, "compiled", compiled)


def index_rules(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    """The rules by name, checking that the names are unique and the joined rules exist.

    Parameters
    ----------
    rules : tuple of Rule
        The rules, in priority order.

    Returns
    -------
    dict
        Name -> rule.

    Raises
    ------
    ValueError
        If two rules share a name or a rule the joins make is missing.

    Examples
    --------
    >>> sorted(index_rules(RULES))[:3]
    ['ago', 'bare_units', 'century']
    >>> index_rules(RULES + RULES[:1])
    Traceback (most recent call last):
    ...
    ValueError: two rules are named 'iso'
    """
    index: dict[str, Rule] = {}
    for rule in rules:
        if rule.name in index:
            raise ValueError(f"two rules are named {rule.name!r}")
        index[rule.name] = rule
    missing = sorted(_JOINED_RULES - index.keys())
    if missing:
        raise ValueError(f"the joins of find_candidates need the rules {', '.join(missing)}")
    return index


_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|[a-z]+(?<![isu])s\b(?<!\bwas\b)(?<!\bhas\b)(?<!\bthis\b)"
    r"(?<!\bits\b)(?<!\bhis\b)(?<!\bas\b))"
)
_STREET = re.compile(r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:" + "|".join(STREET_WORDS) + r")\b")
_COUNT_WORDS = {"was", "has", "is", "this", "its", "his", "as", "always", "plus"}
_MODAL_MAY = re.compile(r"\s+(?:be|have|not|I|we|you|he|she|it|they|also|well)\b")


def _not_a_year(match: re.Match, text: str) -> bool:
    """Money, a count, a name or an address, not a year: "$2020", "2,000 troops", "Efes-2022",
    "1600 Pennsylvania Avenue"."""
    end = match.end()
    year_start = match.start("year")
    if _STREET.match(text, end):
        return True
    prev = text[max(0, year_start - 2) : year_start]
    if re.search(r"[$£€#]\s?$|\d[,.]$", prev):
        return True
    word_before = re.search(r"([A-Za-z]+)-$", text[max(0, year_start - 12) : year_start])
    if word_before and word_before.group(1).lower() in {"mid", "pre", "post"}:
        return False  # "post-1959 politics": a count takes no such prefix, so it is a year
    if word_before and word_before.group(1).lower() not in {"early", "late"}:
        return True
    after = _NOT_YEAR_AFTER.match(text, end)
    fiscal = match.start() < year_start  # "fiscal 1989 sales" names a year, not a count
    if after and not fiscal and after.group(0).strip().lower() not in _COUNT_WORDS:
        modern = match.group("year") >= "1900"  # the years news dates its figures by
        return not re.match(r"\s*(?:s\b)", text[end:]) and not (
            modern and _determined(text, match.start())
        )
    return False


_DETERMINER = re.compile(
    r"(?:\b(?i:the|its|their|his|her|our|your|this|that|these|those|whose)|['’]s|[.!?;:\"“])\s*$"
)


def _determined(text: str, start: int) -> bool:
    """A determiner, a possessive or a sentence's start before a number: "the 1988 results",
    "its 1986 sales", "Taiwan's 1985 surplus", "1986 items include". Before a plural such a
    number is a year: news writes counts above 999 with a comma ("its 2,000 workers")."""
    before = text[max(0, start - 12) : start]
    return not text[:start].strip() or _DETERMINER.search(before) is not None


def _money(match: re.Match, text: str) -> bool:
    """A sum of money, not a count of units: "$3 years" of a bond is no duration."""
    start = match.start()
    num = match.group("num") if "num" in match.re.groupindex else None
    return bool(num and re.search(r"[$£€]\s?$", text[max(0, start - 2) : start]))


def _not_a_count(match: re.Match, text: str) -> bool:
    """A fraction, a title or an ordinal: "three-quarters of", "Four Seasons", "a second try"."""
    end = match.end()
    unit = match.group("unit")
    fraction = "-" in text[match.end("num") : match.start("unit")]  # "three-quarters of"
    if fraction and unit.lower() == "quarter" and re.match(r"s?\s+of\b", text[match.end("unit") :]):
        return True
    if unit[0].isupper() and not match.group("num")[0].isupper():
        return True
    # "a second betrayal": an ordinal, not a second of time.
    return unit.lower() == "second" and bool(
        re.match(r"\s+(?!of\b|or\b|and\b|ago\b|later\b)[a-z]", text[end:])
    )


def _modal_may(match: re.Match, text: str) -> bool:
    """The modal "may": "may be", "may not"."""
    return match.group("mon") == "May" and bool(_MODAL_MAY.match(text, match.end()))


def _march_on(match: re.Match, text: str) -> bool:
    """The verb "march": "march on", "march to"."""
    return match.group("mon") == "March" and bool(re.match(r"\s+(?:on|to)\b", text[match.end() :]))


def _fall_verb(match: re.Match, text: str) -> bool:
    """A bare "fall" is the verb or the noun, not the season; "the fall-out" is no season."""
    if match.group("season").lower() != "fall":
        return False
    return match.start() == match.start("season") or bool(re.match(r"-[a-z]", text[match.end() :]))


def _opens_sentence(text: str, start: int) -> bool:
    """True when a capital at ``start`` begins a sentence: after a stop, a quote or nothing.

    A line break alone is no sign (newswire wraps its lines mid-sentence), the capital is.
    """
    before = text[max(0, start - 6) : start].rstrip()
    return text[start : start + 1].isupper() and (not before or before[-1] in ".!?\"“”'`")


def _not_a_reference(match: re.Match, text: str) -> bool:
    """A word with no time of its own: "earlier" mid-clause, "later", "long-term" savings."""
    start, end = match.span()
    before = text[max(0, start - 3) : start]
    word = match.group("ref").lower()
    if (
        word == "earlier"
        and not re.match(r"\s*[,.;]|\s+(?:on|in|that)\b", text[end:])
        and before.strip()
    ):
        return True
    if word == "now" and _opens_sentence(text, start) and text[end : end + 1] == ",":
        # "Now, he says, it looks bad": opening a sentence and set off by a comma, "now" turns
        # the argument (TimeBank leaves it); "Now the mission is larger" keeps its time.
        return True
    if word == "later" or (word == "present" and not re.match(r"\s*[,.;]", text[end:])):
        # Alone, "later" is after some event, not a time of its own (TimeBank leaves it).
        return True
    if word.endswith("term") and re.match(r"[\s-]+[a-z]", text[end:]):
        return True  # "the long-term savings": an adjective, no time of its own
    return word == "recent" and not re.match(
        r"\s*[,.;]|\s+(?:weeks|months|years|days)\b", text[end:]
    )


def _title(match: re.Match, text: str) -> bool:
    """ABC's "This Week": a capital on the unit makes it a title, not a time."""
    unit = match.group("unit")
    return bool(unit) and unit[0].isupper() and not unit.isupper()


def _not_a_rate(match: re.Match, text: str) -> bool:
    """ "a year" is a set only after a price or a number: "$5 a year", "twice a day"."""
    start = match.start()
    price = r"(?:\d|\$|cents?|dollars?|times|percent|%)\s*$"
    return match.group("set").lower() == "a" and not re.search(
        price, text[max(0, start - 25) : start]
    )


def _annual(match: re.Match, text: str) -> bool:
    """ "annual" qualifies a noun ("annual report"); it is no recurrence of its own."""
    return match.group("adv").lower() == "annual"


def _article_of_noun(match: re.Match, text: str) -> tuple[int, int]:
    """ "the third-quarter loss": the article belongs to the noun, not to the adjective."""
    start, end = match.span()
    hyphenated = re.match(r"(?i)the\s+(?=[\w-]+-quarter\b)", text[start:end])
    return (start + hyphenated.end() if hyphenated else start), end


def _count_before_event(match: re.Match, text: str) -> tuple[int, int]:
    """ "two weeks after the vote", "three days later": the expression is the count alone."""
    start, end = match.span()
    direction, unit = match.group("dir"), match.group("unit")
    short_count = re.match(r"(?i)(?:later|earlier)$", direction) and re.match(
        r"(?i)(?:second|minute|hour|day|week)$", unit
    )
    if re.match(r"(?i)after|before|since", direction) or short_count:
        end = match.end("unit") + len(re.match(r"(?:es|s)?", text[match.end("unit") :])[0])
    if _counts_something_else(match):
        start = match.start("unit")
    return start, end


def _counts_something_else(match: re.Match) -> bool:
    """ "Hogs 292,000 versus 316,000 week ago": a number above one before a singular unit and
    "ago" counts the figure of the table; the time is the unit alone ("week ago", a week ago)."""
    num, text = match.group("num"), match.string
    return (
        re.fullmatch(r"[\d,]+", num) is not None
        and float(num.replace(",", "")) > 1
        and not re.match(r"(?i)e?s", text[match.end("unit") :])
        and "-" not in text[match.end("num") : match.start("unit")]
        and match.group("dir").lower() == "ago"
    )


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                 "nineties")  # fmt: skip
_HOLIDAY_WORDS = {re.split(r"[\s']", holiday)[0] for holiday in HOLIDAYS}
_DEICTIC_WORDS = ("today", "yesterday", "tomorrow", "tonight", "night", "overnight", "this",
                  "earlier", "later", "mid", "late", "early", "midmorning", "midafternoon",
                  "midevening")  # fmt: skip
_ADVERB_WORDS = ("daily", "weekly", "monthly", "yearly", "hourly", "nightly", "biweekly",
                 "semiannually", "annual")  # fmt: skip
_REFERENCE_WORDS = ("now", "current", "currently", "recent", "recently", "earlier", "later",
                    "lately", "formerly", "previously", "past", "future", "present", "term",
                    "days")  # fmt: skip

_I = "(?i:"
_DIGITS = tuple("0123456789")
# What a match of each pattern begins with (``Rule.starts``), from the words its first group names.
_NUM_HEADS = r"\d|" + _heads(
    [*(w for w in NUMBERS if w not in ("a", "an")), "several", "a few", "few", "many", "some",
     "a couple of", "a number of", "the next few", "an", "a ", "a-"]
)  # fmt: skip
_SPAN_REL_WORDS = ("past", "last", "next", "previous", "coming", "following", "first", "final",
                   "remaining", "recent", "preceding", "ensuing", "upcoming")  # fmt: skip
_RELATIVE_WORDS = ("this", "last", "next", "past", "previous", "coming", "current", "following",
                   "upcoming", "same", "that", "preceding")  # fmt: skip
_WEEKDAY_HEADS = _heads(w for w in WEEKDAYS if len(w) > 4)
_MONTH_HEADS = _heads((m.capitalize() for m in MONTHS), ignore_case=False)
RULES: tuple[Rule, ...] = (
    Rule(
        "iso",
        r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b",
        ("digit",),
        normalize.explicit_day,
        needs=("-",),
    ),
    Rule(
        "slash",
        r"\b(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b",
        ("digit",),
        normalize.explicit_day,
        needs=("/",),
    ),
    Rule(
        "mdy",
        r"(?:" + WEEKDAY + r",?\s+)?" + MONTH_DAY + r"\s+" + DAYNUM + r"(?:,?\s+" + YEAR + ")?",
        ("month",),
        normalize.explicit_day,
        needs=_DIGITS,
        starts=_WEEKDAY_HEADS + "|" + _MONTH_HEADS,
    ),
    Rule(
        "part_of_date",
        _I
        + r"the\s+)"
        + PART
        + r"\s+of\s+"
        + MONTH_DAY
        + r"\s+"
        + DAYNUM
        + r"(?:,?\s+"
        + YEAR
        + ")?",
        ("month",),
        normalize.explicit_day,
        needs=("of",),
    ),
    Rule(
        "week_of",
        _I + r"the\s+week\s+of\s+)" + MONTH_DAY + r"\s+" + DAYNUM + r"(?:,?\s+" + YEAR + ")?",
        ("month",),
        normalize.week_of,
        needs=("week",),
    ),
    Rule(
        "dmy",
        r"(?:"
        + WEEKDAY
        + r",?\s+)?\b"
        + DAYNUM
        + r"\s+(?:of\s+)?"
        + MONTH
        + r"(?:,?\s+"
        + YEAR
        + ")?",
        ("month",),
        normalize.explicit_day,
        needs=_DIGITS,
        starts=_WEEKDAY_HEADS + r"|\d",
    ),
    Rule(
        "month_year",
        MONTH + r"(?:\s+of)?,?\s+" + YEAR,
        ("month",),
        normalize.month_year,
        needs=("1", "2"),
    ),
    Rule(
        "month_rel_year",
        MONTH + r"\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b",
        ("month",),
        normalize.month_rel_year,
        needs=("year",),
    ),
    Rule("month", MONTH, ("month",), normalize.month, traps=(_modal_may, _march_on)),
    Rule(
        "clock_zone",
        _CLOCK_DIGITS
        + r"(?:(?:\s*(?i:hrs|hours)\b)?\s*"
        + ZONE
        + r"|\s*(?i:hrs)\b|(?=\s*(?:or|and|to|until|-|–)\s*(?:[01]?\d|2[0-3])[:.]?[0-5]\d\s*"
        + _ZONE_AHEAD
        + r"))",
        ("digit",),
        normalize.clock_time,
        modifiers=None,
        needs=("local", "hrs", *(zone.lower() for zone in _ZONE_ABBREVIATIONS)),
        starts=r"\d[\d:.]",
    ),
    Rule(
        "year",
        r"(?:"
        + _I
        + r"fiscal|calendar)\s+|\b"
        + _I
        + r"pre|post)-)?(?<![\w$£€.,/])"
        + YEAR
        + r"(?![.,]\d|-\w|/)",
        ("digit",),
        normalize.year,
        traps=(_not_a_year,),
        starts=r"[12]|" + _heads(["fiscal", "calendar", "pre-", "post-"]),
    ),
    Rule(
        "short_year",
        r"(?<![\w$])'(?P<yy>\d\d)\b(?!s)",
        ("digit",),
        normalize.short_year,
        needs=("'",),
    ),
    Rule(
        "decade",
        _I + r"the\s+)?(?:(?P<dmod>early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9]\d|20\d)0'?s|"
        r"'(?P<dd>\d)0s)\b",
        ("digit",),
        normalize.decade,
        needs=("0s", "0's"),
    ),
    Rule(
        "decade_word",
        _I + r"the\s+)?(?:(?P<dmod>early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?(?P<dw>twenties|"
        r"thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        ("word",),
        normalize.decade_word,
        words=_DECADE_WORDS,
    ),
    Rule(
        "century",
        _I + r"the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b",
        ("digit",),
        normalize.century,
        needs=("century",),
    ),
    Rule(
        "this_century",
        _I + r"this|the\s+last|last|the\s+next|next|the\s+(?:past|previous)\s+)century\b",
        ("unit",),
        normalize.this_century,
        needs=("century",),
    ),
    Rule(
        "holiday",
        r"\b(?P<hol>" + _I + alternation(HOLIDAYS) + r"))\b",
        ("word",),
        normalize.holiday,
        words=_HOLIDAY_WORDS,
    ),
    Rule(
        "moving_holiday",
        r"\b(?P<mh>Thanksgiving(?:\s+Day)?|Election\s+Day|Labor\s+Day|Memorial\s+Day)\b",
        ("word",),
        normalize.moving_holiday,
        words=("thanksgiving", "election", "labor", "memorial"),
    ),
    Rule(
        "half",
        _I
        + r"the\s+)?(?P<half>first|second|last)\s+half(?:\s+of\s+(?:the\s+year|"
        + YEAR
        + r"|(?P<yrel>(?i:last|next|this))\s+year\b))?",
        ("unit",),
        normalize.half,
        needs=("half",),
    ),
    Rule(
        "quarter",
        _I + r"the\s+)?(?:(?P<qy>1[5-9]\d\d|20\d\d)(?:'s)?\s+|(?:this|last|"
        r"next)\s+year's\s+)?(?P<prior>(?i:year-ago|year-earlier|prior-year)\s+)?"
        r"(?:fiscal\s+|calendar\s+)?"
        + ORDQ
        + r"(?:[\s-]+fiscal)?[\s-]+"
        + _I
        + r"quarter|period)\b(?:\s+of\s+(?:(?:fiscal\s+)?"
        + YEAR
        + r"|(?P<yrel>(?i:last|next|this))\s+year\b))?",
        ("unit",),
        normalize.quarter,
        adjust=_article_of_noun,
        needs=("quarter", "period"),
    ),
    Rule(
        "year_quarter",
        _I
        + r"the\s+)"
        + r"(?P<qy>1[5-9]\d\d|20\d\d)\s+"
        + _I
        + r"(?:fiscal\s+)?(?:quarter|period))\b",
        ("digit",),
        normalize.year_quarter,
        needs=("quarter", "period"),
    ),
    Rule(
        "the_year",
        _I + r"the\s+(?:(?P<yq>full|fiscal|latest\s+fiscal|current\s+fiscal)\s+)?year)\b(?!-|"
        r"\s+(?:ago|earlier|before))",
        ("unit",),
        normalize.the_year,
        needs=("year",),
    ),
    Rule(
        "edge_of_unit",
        r"(?:(?<=\bend\sof\s)|(?<=\bstart\sof\s)|(?<=\bbeginning\sof\s)|(?<=\bmiddle\sof\s)"
        r"|(?<=\bclose\sof\s))the\s+(?P<unit>month|year|week|quarter)\b",
        ("unit",),
        normalize.edge_of_unit,
        needs=("the",),
        starts=_heads(["the"], ignore_case=False),
    ),
    Rule(
        "year_end",
        r"(?:" + YEAR + r"[ \t]*\n?[ \t]*)?" + _I + r"(?:the\s+)?year[\s-]end)\b",
        ("unit",),
        normalize.year_end,
        needs=("year",),
    ),
    Rule(
        "spelled_year",
        r"(?:"
        + MONTH
        + r",?\s+(?:of\s+)?)?"
        + _I
        + r"(?:the\s+year\s+)?(?P<sy>nineteen[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?P<sy_tens>ten|"
        r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<sy_ones>one|"
        r"two|three|four|five|six|seven|eight|nine))?|"
        r"two\s+thousand(?:\s+and)?(?:\s+(?P<sy2>one|two|three|four|five|six|seven|eight|"
        r"nine|ten))?))\b",
        ("word",),
        normalize.spelled_year,
        words=("nineteen", "thousand"),
    ),
    Rule(
        "weekend",
        _I + r"(?:the|this|last|next)\s+weekend)\b",
        ("unit",),
        normalize.weekend,
        needs=("weekend",),
    ),
    Rule(
        "q_code",
        r"\b(?P<qc>[1-4])Q\b|\bQ(?P<qc2>[1-4])\b",
        ("digit",),
        normalize.quarter,
        needs=("q",),
    ),
    Rule(
        "the_quarter",
        _I + r"the\s+(?:quarter|period))\b",
        ("unit",),
        normalize.the_quarter,
        needs=("quarter", "period"),
    ),
    Rule(
        "nine_months",
        _I + r"the\s+(?:first\s+)?)(?P<num>six|nine|three|two|" + r"\d{1,2})\s+months\b",
        ("unit",),
        normalize.nine_months,
        needs=("months",),
    ),
    Rule(
        "year_ago",
        _I + r"(?:the\s+)?(?P<ya>year-earlier|year-ago|year\s+earlier|year\s+ago|year-before|"
        r"prior-year)(?:\s+(?:period|quarter|level|figure|month|week))?)\b",
        ("unit",),
        normalize.year_ago,
        needs=("year",),
        starts=_heads(["the", "year", "prior"]),
    ),
    Rule(
        "ago",
        _I
        + NUM
        + _AND_A_HALF
        + _COUNT_GAP
        + UNIT_S
        + r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|"
        r"since)\b)",
        ("unit",),
        normalize.ago,
        traps=(_money,),
        modifiers="duration",
        adjust=_count_before_event,
        needs=("ago", "earlier", "later", "before", "after", "from", "hence", "since"),
        starts=_NUM_HEADS,
    ),
    Rule(
        "set",
        _I + r"(?P<set>every|each|per|a)\s+(?:other\s+)?(?:(?P<unit>year|month|week|day|night|"
        r"morning|quarter|decade)|" + WEEKDAY + r")\b)",
        ("unit", "day"),
        normalize.recurrence,
        traps=(_not_a_rate,),
        modifiers=None,
        starts=_heads(["every", "each", "per", "a "]),
    ),
    Rule(
        "span_rel",
        _I
        + r"(?:the|this|these|those)\s+)?"
        + _I
        + r"(?P<rel>past|last|next|previous|coming|following|first|final|remaining|recent|"
        r"preceding|ensuing|upcoming)\s+)" + NUM + r"?[\s-]*" + _I + UNIT_S + ")",
        ("unit",),
        normalize.span_rel,
        traps=(_money,),
        modifiers="duration",
        needs=_SPAN_REL_WORDS,
        starts=_heads(["the", *_SPAN_REL_WORDS]),
    ),
    Rule(
        "relative",
        _I + r"(?P<the>the\s+)?(?P<rel>this|last|next|past|previous|coming|current|following|"
        r"upcoming|same|this\s+past|that|preceding)\s+)(?:"
        + _I
        + r"(?:fiscal\s+)?"
        + UNIT
        + r")\b|(?P<wk>weekend)\b|"
        + _I
        + WEEKDAY
        + r")|"
        + MONTH
        + r"(?!\s+\d)|"
        + _I
        + SEASON
        + r"))",
        ("unit", "month", "day", "word"),
        normalize.relative,
        words=("this", *SEASONS),
        traps=(_title,),
        needs=_RELATIVE_WORDS,
        starts=_heads(["the", *_RELATIVE_WORDS]),
    ),
    Rule(
        "neighbour_day",
        _I + r"the\s+(?:(?P<rel>next|following|previous|preceding)\s+(?P<part>morning|afternoon|"
        r"evening|night)|(?P<unit>day|night|morning|evening|week|month|year)\s+(?P<dir>before|"
        r"after)(?=\s*(?:[,.;:)'\"]|$|\s+(?:and|but|when|while|as)\b))))\b",
        ("unit",),
        normalize.neighbour_day,
        needs=("next", "following", "previous", "preceding", "before", "after"),
        starts=_heads(["the"]),
    ),
    Rule(
        "within",
        _I + r"(?P<rel2>earlier|later|early|late)\s+(?:this|that|next|last|"
        r"in\s+the)\s+(?P<unit>year|month|week|quarter|decade|day))\b",
        ("unit",),
        normalize.within,
        needs=("earlier", "later", "early", "late"),
        starts=_heads(["earlier", "later", "early", "late"]),
    ),
    Rule(
        "duration",
        _I
        + NUM
        + _AND_A_HALF
        + _COUNT_GAP
        + r"(?:(?:more|additional|further|straight|consecutive)\s+)?"
        + UNIT_S
        + r"(?P<half>\s+and\s+a\s+half)?)(?!\s*-?\s*old)",
        ("unit",),
        normalize.duration,
        traps=(_money, _not_a_count),
        modifiers="duration",
        starts=_NUM_HEADS,
    ),
    Rule(
        "bare_units",
        r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bFor\s)|(?<=\bwithin\s))"
        + _I
        + r"(?P<unit>year|month|week|day|hour|minute|decade|centurie)s)\b",
        ("unit",),
        normalize.duration,
        modifiers="duration",
        starts=_heads(["year", "month", "week", "day", "hour", "minute", "decade", "centurie"]),
    ),
    Rule(
        "deictic",
        r"\b(?P<dx>"
        + _I
        + r"(?:yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)|today|yesterday|"
        r"tomorrow|tonight|last\s+night|overnight|this\s+(?:morning|"
        r"afternoon|evening)|(?:earlier|later)\s+(?:today|yesterday|tonight|"
        r"this\s+(?:morning|afternoon|evening))|(?:mid|late|early)[\s-]*(?:morning|afternoon|"
        r"evening)(?!\s+(?:hours\s+)?of\b)))\b",
        ("word",),
        normalize.deictic,
        words=_DEICTIC_WORDS,
        modifiers=None,
        starts=_heads(_DEICTIC_WORDS + ("last night",)),
    ),
    Rule("weekday", WEEKDAY + r"(?:\s+" + _I + PART + r"))?", ("day",), normalize.weekday),
    Rule(
        "weekday_set",
        r"\b(?P<wds>" + _I + alternation(w for w in WEEKDAYS if len(w) > 4) + r"))(?:s\b|\s+"
        r"(?P<parts>" + _I + r"morning|afternoon|evening|night))s\b)",
        ("day",),
        normalize.weekday_set,
    ),
    Rule(
        "time",
        r"\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\b\.?|"
        r"[ap]m\b))(?:\s+" + ZONE + ")?",
        ("digit",),
        normalize.clock_time,
        modifiers=None,
        needs=("am", "pm", "a.", "p."),
    ),
    Rule(
        "clock",
        r"(?<=\bat\s)(?P<h>[012]?\d):(?P<mi>[0-5]\d)\b",
        ("digit",),
        normalize.clock_time,
        modifiers=None,
        needs=(":",),
    ),
    Rule(
        "noon",
        r"\b(?P<noon>" + _I + r"noon|midday|midnight))\b",
        ("word",),
        normalize.clock_time,
        words=("noon", "midday", "midnight"),
    ),
    Rule(
        "season",
        _I
        + r"(?:this|last|next|the|early|late|mid)[\s-]+)?"
        + SEASON
        + r"(?:\s+(?:of\s+)?"
        + YEAR
        + r")?",
        ("word",),
        normalize.season,
        words=SEASONS,
        traps=(_fall_verb,),
    ),
    Rule(
        "set_adv",
        r"\b(?P<adv>"
        + _I
        + r"daily|weekly|monthly|yearly|hourly|nightly|biweekly|semiannually|annual))\b",
        ("word",),
        normalize.recurrence_adverb,
        words=_ADVERB_WORDS,
        traps=(_annual,),
        modifiers=None,
    ),
    Rule(
        "ref",
        r"\b(?P<ref>"
        + _I
        + r"recently|lately|formerly|earlier|nowadays|currently|current|right\s+now|now|recent|"
        r"later|the\s+past|the\s+future|the\s+(?:near|long|"
        r"short)[\s-]term|the\s+near\s+future|"
        r"at\s+present|the\s+present|these\s+days|a\s+later\s+date|present))\b",
        ("word",),
        normalize.reference,
        words=_REFERENCE_WORDS,
        traps=(_not_a_reference,),
        modifiers=None,
        starts=_heads(
            [
                "recently",
                "lately",
                "formerly",
                "earlier",
                "nowadays",
                "currently",
                "right now",
                "now",
                "recent",
                "later",
                "the",
                "at present",
                "these days",
                "a later date",
                "present",
            ]
        ),
    ),
    Rule("time_day", None, (), normalize.time_day),
)

# The rules the joins of find_candidates make or use.
_JOINED_RULES = frozenset(
    ["clock_zone", "mdy", "noon", "time", "time_day", "weekday", "weekday_set"]
)
# The rules of a clock time, which a day after them joins ("9 a.m. Tuesday").
_CLOCK_RULES = frozenset(["clock_zone", "noon", "time"])
RULE_INDEX = index_rules(RULES)
_PATTERN_RULES = tuple(rule for rule in RULES if rule.pattern is not None)

_UNIT_WORDS = {u + s for u in UNITS for s in ("", "s")} | {
    "centuries", "period", "periods", "night", "nights", "morning", "evening", "afternoon",
    "half"}  # fmt: skip
_WORDS_OF_CATEGORY = {
    "unit": _UNIT_WORDS,
    "month": set(MONTHS),
    "day": {d + s for d in WEEKDAYS if len(d) > 4 for s in ("", "s")},
    "word": set().union(*(rule.words for rule in RULES)),
}
_CATEGORIES: dict[str, set[str]] = {}
for _category, _words in _WORDS_OF_CATEGORY.items():
    for _word in _words:
        _CATEGORIES.setdefault(_word, set()).add(_category)
_TOKEN = re.compile(r"[A-Za-z]+|\d+|'\d")
_WINDOW = 50


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Character windows around the trigger words of each category."""
    hits: dict[str, list[tuple[int, int]]] = {category: [] for category in TRIGGERS}
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isdigit() or token[0] == "'":
            hits["digit"].append(match.span())
            continue
        for category in _CATEGORIES.get(token.lower(), ()):
            hits[category].append(match.span())
    windows = {}
    for category, spans in hits.items():
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            start, end = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        windows[category] = merged
    return windows


def _rule_windows(rule: Rule, windows: dict) -> list[tuple[int, int]]:
    if len(rule.triggers) == 1:
        return windows[rule.triggers[0]]
    spans = sorted(span for category in rule.triggers for span in windows[category])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _may_match(rule: Rule, text: str, start: int, end: int, lowered: dict) -> bool:
    """False when ``text[start:end]`` holds none of ``rule.needs``, so the rule cannot match there.

    Only an ASCII window is checked (``lowered`` keeps each window in lower case, or None): on
    ASCII text lower case is what the patterns' ``(?i)`` matches, while a few other letters
    match an ASCII one case-insensitively ("K", the kelvin sign, matches "k").
    """
    if (start, end) not in lowered:
        window = text[start:end]
        lowered[start, end] = window.lower() if window.isascii() else None
    window = lowered[start, end]
    return window is None or any(map(window.__contains__, rule.needs))


_WIDENING = {
    "duration": re.compile(
        r"\b(?i:(?P<mod>about|around|nearly|almost|roughly|approximately|more\s+than|less\s+than|"
        r"fewer\s+than|at\s+least|at\s+most|up\s+to|some|just|only|barely|the\s+better\s+part\s+of)"
        r"\s+)$"
    ),
    "date": re.compile(
        r"\b(?i:(?P<mod>early|mid|late|the\s+(?:beginning|end|start|middle|close|turn)\s+of"
        r"(?:\s+the)?|earlier|later)[\s-]+(?:in\s+)?)$"
    ),
}


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _whole_word_matches(pattern: re.Pattern, text: str, start: int, end: int):
    r"""The non-empty matches of ``pattern`` in ``text[start:end]`` that are whole words and lie
    within one paragraph.

    A match that begins or ends inside a word ("per Sunday" of "the newspaper Sunday", "late
    the fall" of "isolate the fall-out") is none: the search goes on from the next character.
    A match across a blank line ("December 28 / (blank) / 1985 earnings") is cut at the break
    and matched again; a blank line ends what a sentence can say.

    Examples
    --------
    >>> pattern = re.compile(r"(?i:per|a)\s+year|May(?:\s+1987)?")
    >>> text = "a bumper year, per year, in May\n\n1987 sales"
    >>> [m.group() for m in _whole_word_matches(pattern, text, 0, len(text))]
    ['per year', 'May']
    """
    position = start
    while position < end:
        match = pattern.search(text, position, end)
        if match is None:
            return
        first, last = match.span()
        broken = _PARAGRAPH_BREAK.search(text, first, last)
        if broken is not None:
            match = pattern.match(text, first, broken.start())
            last = match.end() if match is not None else first
        inside_word = (first > 0 and text[first - 1].isalnum() and text[first].isalnum()) or (
            last < len(text) and text[last - 1].isalnum() and text[last].isalnum()
        )
        if match is None or last == first or inside_word:
            position = first + 1
            continue
        yield match
        position = last


def find_candidates(text: str) -> list[Candidate]:
    """Return the temporal expressions of ``text`` as non-overlapping :class:`Candidate` spans.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of Candidate
        The matches in text order, each with its rule's name and the pattern's named groups.

    Examples
    --------
    >>> text = "Troops may meet in May-June 2022; the $2020 bill for 2,000 troops came on July 14."
    >>> [(text[c.start:c.end], c.rule) for c in find_candidates(text)]
    [('May', 'month'), ('June 2022', 'month_year'), ('July 14', 'mdy')]
    """
    found: list[tuple[int, int, int, Rule, re.Match]] = []
    windows = _windows(text)
    lowered: dict[tuple[int, int], str | None] = {}
    for priority, rule in enumerate(_PATTERN_RULES):
        for window_start, window_end in _rule_windows(rule, windows):
            if rule.needs and not _may_match(rule, text, window_start, window_end, lowered):
                continue
            for match in _whole_word_matches(rule.compiled, text, window_start, window_end):
                if not any(trap(match, text) for trap in rule.traps):
                    found.append((match.start(), match.end(), priority, rule, match))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for start, end, priority, rule, match in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, priority, rule, match))
    chosen.sort(key=lambda c: c[0])
    out = []
    for start, end, _, rule, match in chosen:
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        if rule.adjust is not None:
            start, end = rule.adjust(match, text)
        mod = None
        if rule.modifiers is not None:
            extension = _WIDENING[rule.modifiers].search(text, max(0, start - 40), start)
            if extension and extension.end() == start:
                stretched = extension.start("mod")
                if not any(t_end > stretched and t_start < start for t_start, t_end in taken):
                    mod = extension.group("mod").lower()
                    start = stretched
        out.append(Candidate(start, end, rule.name, groups, mod))
    joined = _join_clock_and_day(_drop_restated_clocks(out, text), text)
    return _shared_sets(_second_days(joined, text), text)


def _drop_restated_clocks(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Drop a clock time that restates the one before it in another zone.

    "10:35 a.m. (0735 GMT)", "1630 EST/2130 GMT": the bracketed or slashed time is the same
    moment; TimeML annotates the first only, and a day after the bracket belongs to the first.
    """
    out: list[Candidate] = []
    for cand in candidates:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.rule in _CLOCK_RULES
            and cand.rule == "clock_zone"
            and re.fullmatch(r"\s*[(/]\s*", text[previous.end : cand.start])
        ):
            continue
        out.append(cand)
    return out


def _shared_sets(candidates: list[Candidate], text: str) -> list[Candidate]:
    """In "Monday and Tuesday nights" the plural part makes both weekdays recurring."""
    out = list(candidates)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if (
            first.rule == "weekday"
            and "part" not in first.groups
            and second.rule == "weekday_set"
            and "parts" in second.groups
            and re.fullmatch(r"\s+(?:and|or)\s+", text[first.end : second.start])
        ):
            groups = {"wds": first.groups["wd"], "parts": second.groups["parts"]}
            out[index] = Candidate(first.start, first.end, "weekday_set", groups, first.mod)
    return out


# "April 24 and 25": a bare day number joined to a month-day date is a date of the same month.
_AND_DAY = re.compile(
    r"\s+(?:and|or|to|through)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?![.,]?\d|\s*(?:%|[$(]|(?!(?:and|or|in|at|on|to|from)\b)[A-Za-z]))"
)


def _second_days(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Add the second day of "April 24 and 25" (or "Nov. 8 to 10") as a date of its own."""
    out: list[Candidate] = []
    for index, cand in enumerate(candidates):
        out.append(cand)
        if cand.rule != "mdy":
            continue
        match = _AND_DAY.match(text, cand.end)
        following = candidates[index + 1].start if index + 1 < len(candidates) else len(text)
        if match and match.end() <= following:
            groups = {k: v for k, v in cand.groups.items() if k != "wd"}
            groups["day"] = match.group("day")
            out.append(Candidate(match.start("day"), match.end("day"), "mdy", groups))
    return out


def _join_clock_and_day(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Join a clock time and the day right after it ("9 a.m. Tuesday", "5 p.m. EST Nov. 9").

    A short parenthesis may sit between them: "10:35 a.m. (0735 GMT) Friday".
    """
    joined: list[Candidate] = []
    for cand in candidates:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.rule in _CLOCK_RULES
            and cand.rule in {"weekday", "mdy"}
            and re.fullmatch(
                r"\s+(?:\([^()\n]{1,20}\)\s+)?(?:on\s+)?", text[previous.end : cand.start]
            )
        ):
            groups = {**cand.groups, **previous.groups}
            joined[-1] = Candidate(previous.start, cand.end, "time_day", groups, previous.mod)
        else:
            joined.append(cand)
    return joined
