"""Word tables of the temporal tagger: months, weekdays, numbers, units, seasons, parts of the day.

Each table maps a lower-cased surface form to its TimeML meaning; :mod:`analysis.chronology.rules`
turns them into regular-expression alternations (longest form first) and
:mod:`analysis.chronology.normalize` uses them to normalize. Keeping the words apart from the rules
lets a reader check the vocabulary at a glance.
"""

from __future__ import annotations

__all__ = [
    "DAY_PARTS",
    "FUTURE_VERBS",
    "HOLIDAYS",
    "IRREGULAR_PAST",
    "MODIFIERS",
    "MONTHS",
    "NOT_PAST_ED",
    "NUMBERS",
    "ORDINALS",
    "SEASONS",
    "TIME_ZONES",
    "UNITS",
    "VAGUE_COUNTS",
    "WEEKDAYS",
    "alternation",
]

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

# Parts of the day and their TimeML codes; hours anchor "noon"/"midnight".
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "T12:00", "noon": "T12:00", "midnight": "T24:00",
}  # fmt: skip

# Time zones newswire writes after a clock time ("1630 EST", "0900 GMT"); "local time" is one too.
# A four-digit number before one of them is a time of day, never a year.
TIME_ZONES: tuple[str, ...] = (
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "GMT", "UTC", "BST", "CET",
    "CEST", "JST", "HKT", "SGT", "AEST", "local time", "local",
)  # fmt: skip

# Units: TimeML duration letter, and whether it is a time (PT...) unit.
UNITS: dict[str, tuple[str, bool]] = {
    "year": ("Y", False), "month": ("M", False), "week": ("W", False), "day": ("D", False),
    "hour": ("H", True), "minute": ("M", True), "second": ("S", True), "quarter": ("Q", False),
    "decade": ("DE", False), "century": ("CE", False), "weekend": ("WE", False),
    "yr": ("Y", False), "hr": ("H", True), "min": ("M", True),
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5, "a half": 0.5,
}  # fmt: skip

# Counts with no number; "a couple of" is two, as TimeML reads it.
VAGUE_COUNTS: frozenset[str] = frozenset(
    ["several", "a few", "few", "many", "some", "a number of", "the next few"]
)

# The words before an expression that TimeML keeps in its extent, and the ``mod`` they give.
MODIFIERS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "barely": "LESS_THAN",
    "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the turn of": "START", "mid": "MID", "the middle of": "MID", "late": "END",
    "the end of": "END", "the close of": "END", "earlier": "START", "later": "END",
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2,
    "3rd": 3, "4th": 4, "last": 4, "final": 4,
}  # fmt: skip

HOLIDAYS: dict[str, str] = {
    "christmas day": "12-25", "christmas eve": "12-24", "christmas": "12-25",
    "new year's day": "01-01", "new year's eve": "12-31", "independence day": "07-04",
    "halloween": "10-31", "valentine's day": "02-14",
}  # fmt: skip

# Irregular simple-past forms that are not also common present forms (so "read", "put", "set",
# "cut" and "hit" are left out): a cue that the clause is in the past.
IRREGULAR_PAST: frozenset[str] = frozenset(
    [
        "said",
        "was",
        "were",
        "had",
        "did",
        "made",
        "met",
        "took",
        "gave",
        "came",
        "went",
        "told",
        "held",
        "won",
        "began",
        "saw",
        "found",
        "left",
        "fell",
        "rose",
        "paid",
        "sold",
        "bought",
        "brought",
        "thought",
        "became",
        "got",
        "led",
        "ran",
        "kept",
        "spent",
        "sent",
        "stood",
        "wrote",
        "spoke",
        "broke",
        "chose",
        "drove",
        "flew",
        "grew",
        "knew",
        "threw",
        "drew",
        "lost",
        "meant",
        "felt",
        "heard",
        "built",
        "struck",
        "sought",
        "taught",
        "caught",
        "fought",
        "dealt",
        "lent",
        "rang",
        "sang",
        "swore",
        "tore",
        "wore",
        "woke",
        "sank",
        "shook",
        "slept",
        "slid",
        "spun",
        "stole",
        "stuck",
        "stung",
        "sprang",
        "forgot",
        "forgave",
        "froze",
        "hid",
        "bit",
        "bent",
        "bled",
        "bore",
        "dug",
        "fed",
        "fled",
        "forbade",
        "overtook",
        "overcame",
        "undertook",
        "withdrew",
    ]
)

# Words that, though they end in -ed, point at a later time or are not verbs ("set" points at
# a later time only as "set to"/"set for", a pattern of the tagger's cue expression).
FUTURE_VERBS: frozenset[str] = frozenset(
    [
        "scheduled",
        "expected",
        "planned",
        "slated",
        "intended",
        "projected",
        "anticipated",
        "due",
        "forecast",
        "designed",
        "supposed",
    ]
)

NOT_PAST_ED: frozenset[str] = frozenset(
    [
        "need",
        "speed",
        "feed",
        "seed",
        "bed",
        "red",
        "shed",
        "hundred",
        "indeed",
        "proceed",
        "exceed",
        "succeed",
        "breed",
        "bleed",
        "allied",
        "united",
        "based",
        "limited",
    ]
)


def alternation(words: object) -> str:
    """A regular-expression alternation of ``words``, longest first, spaces as ``\\s+``.

    Examples
    --------
    >>> alternation(["may", "march", "a b"])
    'march|a\\\\s+b|may'
    """
    return "|".join(
        w.replace(".", r"\.").replace(" ", r"\s+")
        for w in sorted(words, key=lambda w: (-len(w), w))
    )
