"""Tests for the rule records of the temporal tagger: a rule that lacks a part fails when built."""

from __future__ import annotations

import re

import pytest

from analysis import load_corpus, read_timeml
from analysis.chronology import normalize, rules
from analysis.chronology.rules import (
    RULE_INDEX,
    RULES,
    TRIGGERS,
    Candidate,
    Rule,
    find_candidates,
    index_rules,
)
from analysis.paths import SEEDS_DIR, SHARED_DATA_DIR

YEAR = r"\b(?P<year>\d{4})\b"


def test_a_good_rule_builds():
    rule = Rule("year", YEAR, ("digit",), normalize.year)
    assert (rule.name, rule.triggers, rule.words, rule.traps, rule.modifiers, rule.adjust) == (
        "year", ("digit",), frozenset(), (), "date", None,
    )  # fmt: skip
    assert rule.needs == frozenset()
    assert rule.compiled.pattern == YEAR


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("year", YEAR, ("digits",), normalize.year), {},
         "rule 'year': unknown trigger 'digits' (not one of digit, unit, month, day, word)"),
        (("year", YEAR, "digit", normalize.year), {},
         "rule 'year': triggers must be a tuple of categories, not a string"),
        (("year", YEAR, (), normalize.year), {},
         "rule 'year': no triggers: a pattern rule must say which words it runs around"),
        (("year", YEAR, ("digit",), None), {}, "rule 'year': no normalizer"),
        (("year", YEAR, ("digit",), "year"), {}, "rule 'year': no normalizer"),
        (("joined", None, ("digit",), normalize.time_day), {},
         "rule 'joined': a joined rule (no pattern) runs on no triggers"),
        (("noon", r"\bnoon\b", ("word",), normalize.clock_time), {},
         "rule 'noon': trigger words go with the \"word\" trigger, and it needs them"),
        (("year", YEAR, ("digit",), normalize.year), {"words": ("year",)},
         "rule 'year': trigger words go with the \"word\" trigger, and it needs them"),
        (("noon", r"\bnoon\b", ("word",), normalize.clock_time), {"words": ("Noon",)},
         "rule 'noon': trigger words are lower case"),
        (("year", YEAR, ("digit",), normalize.year), {"traps": ("not a function",)},
         "rule 'year': a trap is not callable"),
        (("year", YEAR, ("digit",), normalize.year), {"modifiers": "time"},
         "rule 'year': unknown modifiers 'time' (not one of date, duration)"),
        (("year", YEAR, ("digit",), normalize.year), {"adjust": "start"},
         "rule 'year': adjust is not callable"),
        (("year", r"(?P<year>\d{4}", ("digit",), normalize.year), {},
         "rule 'year': bad pattern: missing ), unterminated subpattern at position 0"),
        (("Year", YEAR, ("digit",), normalize.year), {},
         "a rule name must be a lower-case identifier, not 'Year'"),
        (("year", YEAR, ("digit",), normalize.year), {"needs": "19"},
         "rule 'year': needs must be a collection of strings, not a string"),
        (("year", YEAR, ("digit",), normalize.year), {"needs": ("19", "")},
         "rule 'year': needs are non-empty lower-case strings"),
        (("noon", r"\bnoon\b", ("word",), normalize.clock_time),
         {"words": ("noon",), "needs": ("Noon",)},
         "rule 'noon': needs are non-empty lower-case strings"),
    ],
)  # fmt: skip
def test_a_rule_missing_a_part_fails(args, kwargs, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        Rule(*args, **kwargs)


def test_duplicate_names_and_missing_joined_rules_fail():
    with pytest.raises(ValueError, match="^two rules are named 'iso'$"):
        index_rules(RULES + RULES[:1])
    without_time_day = tuple(rule for rule in RULES if rule.name != "time_day")
    with pytest.raises(ValueError, match="^the joins of find_candidates need the rules time_day$"):
        index_rules(without_time_day)


def test_every_rule_is_complete():
    assert len(RULE_INDEX) == len(RULES) == 48
    assert RULES[-1].name == "time_day" and RULES[-1].pattern is None
    for rule in RULES:
        assert callable(rule.normalize)
        assert set(rule.triggers) <= set(TRIGGERS)
        assert (rule.pattern is None) == (not rule.triggers)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("No dates here.", []),
        # Traps: the modal, money, a count, a title, the verb "march".
        ("Troops may meet in May.", [("May", "month")]),
        ("The $2020 bill for 2,000 troops.", []),
        ("ABC's This Week aired.", []),
        ("They march on the capital in March 1990.", [("March 1990", "month_year")]),
        # Modifiers widen a match; adjustments cut it.
        ("Nearly two years passed by late November.",
         [("Nearly two years", "duration"), ("late November", "month")]),
        ("The third-quarter loss grew.", [("third-quarter", "quarter")]),
        ("Two weeks after the vote.", [("Two weeks", "ago")]),
        # Joins: a second day, a clock time and its day, shared recurrence.
        ("On April 24 and 25.", [("April 24", "mdy"), ("25", "mdy")]),
        ("At 9 a.m. Tuesday.", [("9 a.m. Tuesday", "time_day")]),
        ("At 1630 EST on Friday.", [("1630 EST on Friday", "time_day")]),
        # A clock time restated in another zone is dropped; the day still joins the first.
        ("At 10:35 a.m. (0735 GMT) Friday.", [("10:35 a.m. (0735 GMT) Friday", "time_day")]),
        ("By 1630 EST/2130 GMT.", [("1630 EST", "clock_zone")]),
        ("Monday and Tuesday nights.",
         [("Monday", "weekday_set"), ("Tuesday nights", "weekday_set")]),
    ],
)  # fmt: skip
def test_find_candidates(text, expected):
    found = find_candidates(text)
    assert all(isinstance(c, Candidate) for c in found)
    assert [(text[c.start : c.end], c.rule) for c in found] == expected


def test_a_rule_of_its_own_words_needs_them():
    noon = Rule("noon", r"\bnoon\b", ("word",), normalize.clock_time, words=("noon",))
    assert noon.needs == frozenset({"noon"})
    relative = RULE_INDEX["relative"]
    assert "this" in relative.words and "that" in relative.needs and "spring" not in relative.needs
    assert RULE_INDEX["ago"].needs >= {"ago", "later"} and RULE_INDEX["duration"].needs == set()


@pytest.mark.parametrize(
    ("rule", "window", "expected"),
    [
        ("ago", "two years passed", False),
        ("ago", "two years AGO", True),
        ("clock_zone", "at 1630 est", True),
        ("clock_zone", "at 1630 today", False),
        ("iso", "on 1987-03-05", True),
        # A window with a letter other than ASCII is always searched: the kelvin sign matches
        # "k" case-insensitively.
        ("ago", "two years passed\u212a", True),
    ],
)  # fmt: skip
def test_a_window_without_what_the_rule_needs_is_skipped(rule, window, expected):
    text = "xx " + window + " yy"
    assert rules._may_match(RULE_INDEX[rule], text, 3, 3 + len(window), {}) is expected


def _texts():
    texts = load_corpus(SEEDS_DIR).articles["text"].tolist()
    tbaq = SHARED_DATA_DIR / "tempeval3-tbaq"
    if tbaq.is_dir():
        texts += [read_timeml(path).text for path in sorted(tbaq.glob("*/*.tml"))]
    return texts + [
        "At 2000 or 2100 EST, three years after the 1990s, Q3 of 1987-03-05 and 3/4/87.",
        "Nineteen eighty-six, the late seventies, Christmas Eve and 10:30 a.m. local time.",
        "Two years after, the last \u212aeep day of the \u017fpring of '86.",
    ]


def test_skipping_windows_finds_the_same_candidates(monkeypatch):
    texts = _texts()
    found = [find_candidates(text) for text in texts]
    every_window = []
    for rule in rules._PATTERN_RULES:
        searched = Rule(
            rule.name,
            rule.pattern,
            rule.triggers,
            rule.normalize,
            words=rule.words,
            traps=rule.traps,
            modifiers=rule.modifiers,
            adjust=rule.adjust,
        )  # no ``starts``: every position of every window is tried
        object.__setattr__(searched, "needs", frozenset())
        every_window.append(searched)
    monkeypatch.setattr(rules, "_PATTERN_RULES", tuple(every_window))
    assert [find_candidates(text) for text in texts] == found
    assert any(found)


def test_a_rule_start_passes_over_no_match():
    # Each rule's look-ahead against its bare pattern on whole texts, with the words it begins
    # with in odd cases and the letters that fold onto ASCII ones (kelvin sign, long s, dotted
    # and dotless i) before, inside and after them.
    odd = "\u212a\u017f\u0130\u0131\u212b"
    words = "a an A-year ThE tHiS a  few Twenty-five SEVERAL Fiscal 1987 19:30 0900 EST Monday"
    texts = _texts() + [
        f"{words} {odd} " + " ".join(c + w for c in odd for w in words.split()),
        "\u0130n a few years, the \u017fame month, \u212aate a day earlier, the ye\u0131r ago.",
        "Fi\u017fcal 1987, the la\u017ft quarter, thi\u017f week, \u017feveral days,",
        "2\u00b91 May 5, \u0661\u0669\u0668\u0667 and \u0663 years ago.",
    ]
    started = [rule for rule in rules._PATTERN_RULES if rule.starts is not None]
    assert {"duration", "ago", "relative", "year"} <= {rule.name for rule in started}
    for rule in started:
        bare = re.compile(rule.pattern)
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in bare.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in rule.compiled.finditer(text)] == expected


def test_a_start_needs_a_pattern():
    with pytest.raises(ValueError, match="rule 'time_day': a joined rule"):
        Rule("time_day", None, (), normalize.time_day, starts="x")
