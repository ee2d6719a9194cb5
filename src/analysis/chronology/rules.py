"""The pattern cascade of the temporal tagger: which character runs are temporal expressions.

Each rule is a named regular expression; :func:`find_candidates` runs them all over a text and keeps
the longest non-overlapping matches (leftmost first on ties), after dropping the traps: the modal
"may", money and counts that look like years ("$2020", "2,000 troops"), years inside names
("Efes-2022"), titles ("This Week"). A match then grows to the left over modifiers TimeML includes
in the extent ("nearly two years", "late November", "the end of 1990"); a bare day joined to a
month-day date ("April 24 and 25") becomes a date of its own. Normalizing the matches to TimeML
values is the job of :mod:`analysis.chronology.tagger`; the words themselves are in
:mod:`analysis.lexicon.calendar`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.lexicon.calendar import (
    DAY_PARTS,
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    SEASONS,
    UNITS,
    WEEKDAYS,
    alternation,
)

__all__ = ["Candidate", "find_candidates"]

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
NUM = (
    r"(?P<num>\d{1,3}\s+1/2|\d{1,3}(?:\.\d+)?(?!\d)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|" + NUMWORD + r"|a|an"
    r"|several|a\s+few|few|many|some|a\s+couple\s+of|a\s+number\s+of|the\s+next\s+few)"
)
UNIT = r"(?P<unit>" + alternation(u for u in UNITS if u not in ("weekend",)) + r")"
UNIT_S = UNIT + r"(?:s|es)?\b"
SEASON = r"(?P<season>" + alternation(SEASONS) + r")\b"
PART = r"(?P<part>" + alternation(p for p in DAY_PARTS if len(DAY_PARTS[p]) == 2) + r")\b"
ORDQ = (
    r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|"
    r"same|year-earlier|year-ago|prior-year|comparable|fiscal))"
)

_I = "(?i:"
RULES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("slash", r"\b(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b"),
    (
        "mdy",
        r"(?:"
        + WEEKDAY
        + r",?\s+)?"
        + MONTH_DAY
        + r"\s+"
        + DAYNUM
        + r"(?:,?\s+"
        + YEAR
        + ")?"
    ),
    (
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
        + ")?"
    ),
    (
        "dmy",
        r"(?:"
        + WEEKDAY
        + r",?\s+)?\b"
        + DAYNUM
        + r"\s+(?:of\s+)?"
        + MONTH
        + r"(?:,?\s+"
        + YEAR
        + ")?"
    ),
    ("month_year", MONTH + r"(?:\s+of)?,?\s+" + YEAR),
    ("month_rel_year", MONTH + r"\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b"),
    ("month", MONTH),
    ("year", r"(?:" + _I + r"fiscal|calendar)\s+)?(?<![\w$£€.,/])" + YEAR + r"(?![.,]\d|-\w|/)"),
    ("short_year", r"(?<![\w$])'(?P<yy>\d\d)\b(?!s)"),
    (
        "decade",
        _I
        + r"the\s+)?(?:(?P<dmod>early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9]\d|20\d)0'?s|"
        r"'(?P<dd>\d)0s)\b"
    ),
    (
        "decade_word",
        _I
        + r"the\s+)?(?:(?P<dmod>early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?(?P<dw>twenties|"
        r"thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
    ),
    ("century", _I + r"the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b"),
    (
        "this_century",
        _I
        + r"this|the\s+last|last|the\s+next|next|the\s+(?:past|previous)\s+)century\b"
    ),
    ("holiday", r"\b(?P<hol>" + _I + alternation(HOLIDAYS) + r"))\b"),
    (
        "moving_holiday",
        r"\b(?P<mh>Thanksgiving(?:\s+Day)?|Election\s+Day|Labor\s+Day|Memorial\s+Day)\b"
    ),
    (
        "half",
        _I
        + r"the\s+)?(?P<half>first|second|last)\s+half(?:\s+of\s+(?:the\s+year|"
        + YEAR
        + r"))?"
    ),
    (
        "quarter",
        _I
        + r"the\s+)?(?:(?P<qy>1[5-9]\d\d|20\d\d)(?:'s)?\s+|(?:this|last|"
        r"next)\s+year's\s+)?(?P<prior>(?i:year-ago|year-earlier|prior-year)\s+)?"
        r"(?:fiscal\s+|calendar\s+)?"
        + ORDQ
        + r"(?:[\s-]+fiscal)?[\s-]+"
        + _I
        + r"quarter|period)\b(?:\s+of\s+(?:fiscal\s+)?"
        + YEAR
        + r")?"
    ),
    (
        "year_quarter",
        _I
        + r"the\s+)"
        + r"(?P<qy>1[5-9]\d\d|20\d\d)\s+"
        + _I
        + r"(?:fiscal\s+)?(?:quarter|period))\b"
    ),
    (
        "the_year",
        _I
        + r"the\s+(?:(?P<yq>full|fiscal|latest\s+fiscal|current\s+fiscal)\s+)?year)\b(?!-|"
        r"\s+(?:ago|earlier|before))"
    ),
    (
        "edge_of_unit",
        r"(?:(?<=\bend\sof\s)|(?<=\bstart\sof\s)|(?<=\bbeginning\sof\s)|(?<=\bmiddle\sof\s)"
        r"|(?<=\bclose\sof\s))the\s+(?P<unit>month|year|week|quarter)\b",
    ),
    ("year_end", _I + r"(?:the\s+)?year[\s-]end)\b"),
    (
        "spelled_year",
        _I
        + r"(?:the\s+year\s+)?(?P<sy>nineteen[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?P<sy_tens>ten|"
        r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<sy_ones>one|"
        r"two|three|four|five|six|seven|eight|nine))?|"
        r"two\s+thousand(?:\s+and)?(?:\s+(?P<sy2>one|two|three|four|five|six|seven|eight|"
        r"nine|ten))?))\b"
    ),
    ("weekend", _I + r"(?:the|this|last|next)\s+weekend)\b"),
    ("q_code", r"\b(?P<qc>[1-4])Q\b|\bQ(?P<qc2>[1-4])\b"),
    ("the_quarter", _I + r"the\s+(?:quarter|period))\b"),
    (
        "nine_months",
        _I
        + r"the\s+(?:first\s+)?)(?P<num>six|nine|three|two|"
        + r"\d{1,2})\s+months\b"
    ),
    (
        "year_ago",
        _I
        + r"(?:the\s+)?(?P<ya>year-earlier|year-ago|year\s+earlier|year\s+ago|year-before|"
        r"prior-year)(?:\s+(?:period|quarter|level|figure|month|week))?)\b"
    ),
    (
        "ago",
        _I
        + NUM
        + r"[\s-]+"
        + UNIT_S
        + r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|"
        r"since)\b)"
    ),
    (
        "set",
        _I
        + r"(?P<set>every|each|per|a)\s+(?:other\s+)?(?:(?P<unit>year|month|week|day|night|"
        r"morning|quarter|decade)|"
        + WEEKDAY
        + r")\b)"
    ),
    (
        "span_rel",
        _I
        + r"(?:the|this|these|those)\s+)?"
        + _I
        + r"(?P<rel>past|last|next|previous|coming|following|first|final|remaining|recent|"
        r"preceding|ensuing|upcoming)\s+)"
        + NUM
        + r"?[\s-]*"
        + _I
        + UNIT_S
        + ")"
    ),
    (
        "relative",
        _I
        + r"(?P<the>the\s+)?(?P<rel>this|last|next|past|previous|coming|current|following|"
        r"upcoming|same|this\s+past|that)\s+)(?:"
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
        + r"))"
    ),
    (
        "within",
        _I
        + r"(?P<rel2>earlier|later|early|late)\s+(?:this|that|next|last|"
        r"in\s+the)\s+(?P<unit>year|month|week|quarter|decade|day))\b"
    ),
    (
        "duration",
        _I + NUM + r"[\s-]+(?:(?:more|additional|further|straight|consecutive)\s+)?" + UNIT_S
        + r"(?P<half>\s+and\s+a\s+half)?)(?!\s*-?\s*old)"
    ),
    (
        "bare_units",
        r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bFor\s)|(?<=\bwithin\s))"
        + _I
        + r"(?P<unit>year|month|week|day|hour|minute|decade|centurie)s)\b"
    ),
    (
        "deictic",
        r"\b(?P<dx>"
        + _I
        + r"today|yesterday|tomorrow|tonight|last\s+night|overnight|this\s+(?:morning|"
        r"afternoon|evening)|(?:earlier|later)\s+(?:today|yesterday|tonight|"
        r"this\s+(?:morning|afternoon|evening))))\b"
    ),
    ("weekday", WEEKDAY + r"(?:\s+" + _I + PART + r"))?"),
    (
        "weekday_set",
        r"\b(?P<wds>" + _I + alternation(w for w in WEEKDAYS if len(w) > 4) + r"))(?:s\b|\s+"
        r"(?P<parts>" + _I + r"morning|afternoon|evening|night))s\b)",
    ),
    (
        "time",
        r"\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|"
        r"[ap]m\b)(?:\s+(?P<tz>EST|EDT|CST|CDT|PST|PDT|GMT|UTC|ET))?"
    ),
    ("clock", r"(?<=\bat\s)(?P<h>[012]?\d):(?P<mi>[0-5]\d)\b"),
    ("noon", r"\b(?P<noon>" + _I + r"noon|midday|midnight))\b"),
    (
        "season",
        _I
        + r"(?:this|last|next|the|early|late|mid)[\s-]+)?"
        + SEASON
        + r"(?:\s+(?:of\s+)?"
        + YEAR
        + r")?"
    ),
    (
        "set_adv",
        r"\b(?P<adv>"
        + _I
        + r"daily|weekly|monthly|yearly|hourly|nightly|biweekly|semiannually|annual))\b"
    ),
    (
        "ref",
        r"\b(?P<ref>"
        + _I
        + r"recently|lately|formerly|earlier|nowadays|currently|current|right\s+now|now|recent|"
        r"later|the\s+past|the\s+future|the\s+(?:near|long|"
        r"short)[\s-]term|the\s+near\s+future|"
        r"at\s+present|the\s+present|these\s+days|a\s+later\s+date|present))\b"
    ),
]  # fmt: skip

_COMPILED = [(name, re.compile(pattern)) for name, pattern in RULES]

# Each rule runs only in windows around its trigger words (every match of the rule contains one),
# which keeps the cascade fast on long texts with few dates. Words are looked up in one table.
_UNIT_WORDS = {u + s for u in UNITS for s in ("", "s")} | {
    "centuries", "period", "periods", "night", "nights", "morning", "half"}  # fmt: skip
_MONTH_WORDS = set(MONTHS)
_DAY_WORDS = {d + s for d in WEEKDAYS if len(d) > 4 for s in ("", "s")}
_SEASON_WORDS = set(SEASONS)
_OTHER_WORDS = (
    set(
        [
            "now",
            "current",
            "currently",
            "recent",
            "recently",
            "earlier",
            "later",
            "lately",
            "formerly",
            "past",
            "future",
            "present",
            "term",
            "days",
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "night",
            "overnight",
            "this",
            "noon",
            "midday",
            "midnight",
            "daily",
            "weekly",
            "monthly",
            "yearly",
            "hourly",
            "nightly",
            "biweekly",
            "semiannually",
            "annual",
            "christmas",
            "new",
            "independence",
            "halloween",
            "valentine",
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
            "previously",
            "thanksgiving",
            "election",
            "labor",
            "memorial",
            "nineteen",
            "thousand",
        ]
    )
    | _SEASON_WORDS
)
_CATEGORIES: dict[str, set[str]] = {}
for _words, _category in (
    (_UNIT_WORDS, "unit"), (_MONTH_WORDS, "month"), (_DAY_WORDS, "day"), (_OTHER_WORDS, "word"),
):  # fmt: skip
    for _word in _words:
        _CATEGORIES.setdefault(_word, set()).add(_category)
_RULE_TRIGGERS = {
    "iso": "digit", "slash": "digit", "mdy": "month", "part_of_date": "month", "dmy": "month",
    "month_year": "month", "month_rel_year": "month",
    "month": "month", "year": "digit", "short_year": "digit", "decade": "digit",
    "century": "digit", "time": "digit", "clock": "digit", "q_code": "digit",
    "year_quarter": "digit", "weekday": "day", "weekday_set": "day",
    "relative": ("unit", "month", "day", "word"), "set": ("unit", "day"),
    "decade_word": "word", "holiday": "word", "deictic": "word", "noon": "word",
    "season": "word", "set_adv": "word", "ref": "word", "spelled_year": "word",
    "moving_holiday": "word",
}  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z]+|\d+|'\d")
_WINDOW = 50


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Character windows around the trigger words of each category."""
    hits: dict[str, list[tuple[int, int]]] = {"digit": [], "unit": [], "month": [], "day": [],
                                              "word": []}  # fmt: skip
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


def _rule_windows(name: str, windows: dict) -> list[tuple[int, int]]:
    categories = _RULE_TRIGGERS.get(name, "unit")
    if isinstance(categories, str):
        return windows[categories]
    spans = sorted(span for category in categories for span in windows[category])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_DURATION_MOD = re.compile(
    r"(?i:(?P<mod>about|around|nearly|almost|roughly|approximately|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|some|just|only|barely|the\s+better\s+part\s+of)\s+)$"
)
_DATE_MOD = re.compile(
    r"(?i:(?P<mod>early|mid|late|the\s+(?:beginning|end|start|middle|close|turn)\s+of(?:\s+the)?|"
    r"earlier|later)[\s-]+(?:in\s+)?)$"
)
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|[a-z]+s\b(?<!\bwas\b)(?<!\bhas\b)(?<!\bis\b)(?<!\bthis\b)"
    r"(?<!\bits\b)(?<!\bhis\b)(?<!\bas\b))"
)
_COUNT_WORDS = {"was", "has", "is", "this", "its", "his", "as", "always", "plus"}
_MODAL_MAY = re.compile(r"\s+(?:be|have|not|I|we|you|he|she|it|they|also|well)\b")


@dataclass(frozen=True)
class Candidate:
    """A matched temporal expression before normalization."""

    start: int
    end: int
    rule: str
    groups: dict
    mod: str | None = None


def _is_trap(name: str, match: re.Match, text: str) -> bool:
    start, end = match.span()
    before = text[max(0, start - 3) : start]
    if name == "year":
        year_start = match.start("year")
        prev = text[max(0, year_start - 2) : year_start]
        if re.search(r"[$£€#]\s?$|\d[,.]$", prev):
            return True
        word_before = re.search(r"([A-Za-z]+)-$", text[max(0, year_start - 12) : year_start])
        if word_before and word_before.group(1).lower() not in {
            "mid",
            "pre",
            "post",
            "early",
            "late",
        }:
            return True
        after = _NOT_YEAR_AFTER.match(text, end)
        fiscal = match.start() < year_start  # "fiscal 1989 sales" names a year, not a count
        if after and not fiscal and after.group(0).strip().lower() not in _COUNT_WORDS:
            return not re.match(r"\s*(?:s\b)", text[end:])
    if name in {"duration", "ago", "span_rel"}:
        num = match.group("num") if "num" in match.re.groupindex else None
        if num and re.search(r"[$£€]\s?$", text[max(0, start - 2) : start]):
            return True
    if name == "duration":
        unit = match.group("unit")
        fraction = "-" in text[match.end("num") : match.start("unit")]  # "three-quarters of"
        if (
            fraction
            and unit.lower() == "quarter"
            and re.match(r"s?\s+of\b", text[match.end("unit") :])
        ):
            return True
        if unit[0].isupper() and not match.group("num")[0].isupper():
            return True
        # "a second betrayal": an ordinal, not a second of time.
        if unit.lower() == "second" and re.match(
            r"\s+(?!of\b|or\b|and\b|ago\b|later\b)[a-z]", text[end:]
        ):
            return True
    if name == "month" and match.group("mon") == "May" and _MODAL_MAY.match(text, end):
        return True
    if (
        name == "month"
        and match.group("mon") == "March"
        and re.match(r"\s+(?:on|to)\b", text[end:])
    ):
        return True
    if (
        name == "season"
        and match.group("season").lower() == "fall"
        and match.start() == match.start("season")
    ):
        return True
    if name == "ref":
        word = match.group("ref").lower()
        if (
            word == "earlier"
            and not re.match(r"\s*[,.;]|\s+(?:on|in|that)\b", text[end:])
            and before.strip()
        ):
            return True
        if word == "later" or (word == "present" and not re.match(r"\s*[,.;]", text[end:])):
            # Alone, "later" is after some event, not a time of its own (TimeBank leaves it).
            return True
        if word.endswith("term") and re.match(r"[\s-]+[a-z]", text[end:]):
            return True  # "the long-term savings": an adjective, no time of its own
        if word == "recent" and not re.match(
            r"\s*[,.;]|\s+(?:weeks|months|years|days)\b", text[end:]
        ):
            return True
    if name == "relative" and match.group("unit") and match.group("unit")[0].isupper():
        # "ABC's \"This Week\"": a capital on the unit makes it a title, not a time.
        unit = match.group("unit")
        return not unit.isupper()
    if name == "set" and match.group("set").lower() == "a":
        price = r"(?:\d|\$|cents?|dollars?|times|percent|%)\s*$"
        if not re.search(price, text[max(0, start - 25) : start]):
            return True
    return name == "set_adv" and match.group("adv").lower() == "annual"


def find_candidates(text: str) -> list[Candidate]:
    """Return the temporal expressions of ``text`` as non-overlapping :class:`Candidate` spans.

    Examples
    --------
    >>> text = "Troops may meet in May-June 2022; the $2020 bill for 2,000 troops came on July 14."
    >>> [(text[c.start:c.end], c.rule) for c in find_candidates(text)]
    [('May', 'month'), ('June 2022', 'month_year'), ('July 14', 'mdy')]
    """
    found: list[tuple[int, int, int, str, re.Match]] = []
    windows = _windows(text)
    for priority, (name, pattern) in enumerate(_COMPILED):
        for window_start, window_end in _rule_windows(name, windows):
            for match in pattern.finditer(text, window_start, window_end):
                if match.end() > match.start() and not _is_trap(name, match, text):
                    found.append((match.start(), match.end(), priority, name, match))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for start, end, _, name, match in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, name, match))
    chosen.sort()
    out = []
    for start, end, name, match in chosen:
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        # "the third-quarter loss": the article belongs to the noun, not to the adjective.
        hyphenated = re.match(r"(?i)the\s+(?=[\w-]+-quarter\b)", text[start:end])
        if name == "quarter" and hyphenated:
            start += hyphenated.end()
        short_count = re.match(r"(?i)(?:later|earlier)$", groups.get("dir", "")) and re.match(
            r"(?i)(?:second|minute|hour|day|week)$", groups.get("unit", "")
        )
        if name == "ago" and (re.match(r"(?i)after|before|since", groups["dir"]) or short_count):
            end = match.end("unit") + len(re.match(r"(?:es|s)?", text[match.end("unit") :])[0])
        mod = None
        modifier = (
            _DURATION_MOD if name in {"duration", "ago", "span_rel", "bare_units"} else _DATE_MOD
        )
        if name not in {"ref", "deictic", "set", "set_adv", "time", "clock"}:
            extension = modifier.search(text, max(0, start - 40), start)
            if extension and extension.end() == start:
                stretched = extension.start("mod")
                if not any(t_end > stretched and t_start < start for t_start, t_end in taken):
                    mod = extension.group("mod").lower()
                    start = stretched
        out.append(Candidate(start, end, name, groups, mod))
    return _shared_sets(_second_days(_join_clock_and_day(out, text), text), text)


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
            and previous.rule in {"time", "noon"}
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
