"""Tense cue words: the words that tell whether a clause speaks of the past or the future.

Plain phrases, words separated by single spaces; :mod:`analysis.chronology.tense` turns them into
regular expressions (a space matches any run of white space) and adds the little syntax some need
("to be" wants a verb after it, "next" is no cue before "to"). The cue words shared with other
analyses live elsewhere: reporting verbs in :mod:`analysis.lexicon.reporting`, irregular past forms
and future verbs in :mod:`analysis.lexicon.calendar`.
"""

from __future__ import annotations

from analysis.lexicon.reporting import forms

__all__ = [
    "NOT_A_NOUN",
    "DEADLINE_WORDS",
    "FUTURE_CUES",
    "INTENT_VERBS",
    "PAST_ADVERBS",
    "PAST_PERFECT",
    "PERFECT_OR_PASSIVE",
    "PLAN_IN_THE_PAST",
    "PLAN_THAN",
    "PRESENT_CUES",
    "REPORTING_CUES",
    "SCHEDULE_VERBS",
    "STRONG_PAST",
]

# Auxiliaries, modals and words of plans and deadlines that look ahead, in the order they are
# tried at a position.
FUTURE_CUES: tuple[str, ...] = (
    "will", "won't", "shall", "'ll", "going to", "to be", "would", "is to", "are to", "due to",
    "plans to", "plan to", "planning to", "intends to", "intend to", "upcoming", "next", "coming",
    "tomorrow", "aims to", "aim to", "must", "should", "might", "payable", "effective",
    "expires", "expire", "deadline", "set to", "set for", "ahead of", "scheduled",
)  # fmt: skip

# A verb of intent with its infinitive ("agreed to buy") looks ahead, even in the past.
INTENT_VERBS: tuple[str, ...] = (
    "agreed", "decided", "promised", "pledged", "voted", "vowed", "offered", "hopes", "hope",
    "hoped", "wants", "want", "wanted", "seeks", "seek", "sought",
)  # fmt: skip

# Before a future cue, these make it a plan told as already past ("had been due to expire", "as
# previously planned"); "than expected" compares, it does not plan.
PLAN_IN_THE_PAST: tuple[str, ...] = ("had been", "previously")
PLAN_THAN: tuple[str, ...] = ("than",)

# In a clause with the past perfect, "by Friday" is no deadline still to come.
PAST_PERFECT: tuple[str, ...] = ("had", "did", "didn't")
DEADLINE_WORDS: tuple[str, ...] = ("by", "until", "till")

# After these a past participle is a perfect or a passive ("is expected", "will be held"): no
# past cue; the past forms of STRONG_PAST stay cues whatever comes before them.
PERFECT_OR_PASSIVE: tuple[str, ...] = (
    "be", "been", "being", "is", "are", "am", "to be", "will be",
)  # fmt: skip
STRONG_PAST: frozenset[str] = frozenset(["was", "were", "had", "did"])

PAST_ADVERBS: frozenset[str] = frozenset(["ago"])

# Verbs of a timetable: in the present tense with a date they tell what is scheduled ("talks
# reopen on Tuesday", "the session closes Friday"), so they look ahead. Forms that are also common
# nouns ("housing starts", "tax returns", "the vote") are left out.
SCHEDULE_VERBS: frozenset[str] = frozenset(
    [
        "begin", "begins", "reopen", "reopens", "resume", "resumes", "convene", "convenes",
        "arrive", "arrives", "depart", "departs", "opens", "closes", "ends", "meet", "meets",
        "travels", "flies", "mature", "matures",
    ]
)  # fmt: skip

PRESENT_CUES: frozenset[str] = frozenset(
    ["is", "are", "am", "remains", "remain", "expects", "expect", "plans", "intends", "says"]
)

# Reporting verbs say when something was reported, not when it happened: a cue only right next
# to the date. "according" (to) attributes.
REPORTING_CUES: frozenset[str] = frozenset(
    forms(
        ("say", "report", "tell", "announce", "add", "note", "state", "explain", "quote"),
        present=False,
    )
    + ["according"]
)

# After a month these words start a phrase of their own, so the month labels no noun ("in March
# the company", "May one" the day); any other lower-case word after it is a noun it labels ("for
# March shipment"), unless it is a verb form (-ed, -ing, an irregular past) or an adverb (-ly).
NOT_A_NOUN: frozenset[str] = frozenset(
    [
        "the", "a", "an", "and", "or", "but", "nor", "to", "from", "for", "of", "at", "on", "in",
        "by", "with", "without", "when", "while", "as", "after", "before", "until", "till",
        "than", "that", "which", "who", "this", "these", "those", "last", "next", "its", "it",
        "he", "she", "they", "we", "his", "her", "their", "was", "were", "is", "are", "be",
        "been", "had", "has", "have", "will", "would", "could", "should", "may", "might",
        "must", "can", "shall", "did", "does", "do", "said", "says", "also", "only", "alone",
        "through", "into", "over", "under", "against", "between", "since", "about", "around",
        "per", "each", "every", "year", "month", "week", "day",
    ]
)  # fmt: skip
