"""The tense of the clause around a date mention: past, future or none.

The clause runs from the last sentence or clause boundary before the mention to the next one
after it, at most :data:`REACH` characters each way. The nearest tense cue in it decides, and a
cue between the commas around the mention ("the offer, which expires Nov. 30, was raised") before
any other: auxiliaries, modals, plans, deadlines and the present tense of a timetable verb
("talks reopen on Tuesday") look ahead; irregular past forms, reporting verbs right next to the
date and "ago" look back; a word ending in -ed is a weak past cue (it may be an
adjective) that counts only when no strong cue is near. The cue words are in
:mod:`analysis.lexicon.tense` and :mod:`analysis.lexicon.calendar`; this module builds the
regular expressions from them.
"""

from __future__ import annotations

import re

from analysis.lexicon.calendar import FUTURE_VERBS, IRREGULAR_PAST, NOT_PAST_ED
from analysis.lexicon.tense import (
    DEADLINE_WORDS,
    FUTURE_CUES,
    INTENT_VERBS,
    PAST_ADVERBS,
    PAST_PERFECT,
    PERFECT_OR_PASSIVE,
    PLAN_IN_THE_PAST,
    PLAN_THAN,
    PRESENT_CUES,
    REPORTING_CUES,
    SCHEDULE_VERBS,
    STRONG_PAST,
)

__all__ = ["BOUNDARY", "REACH", "clause_bounds", "clause_tense"]

REACH = 80  # characters searched for tense cues on each side, within the sentence

# A sentence or clause ends at a stop before a capital, but not after an initial or a title
# ("Daniel P. Davison", "Mr. Bush", "U.S. Secretary"), and at a blank line (a paragraph); a single
# line break is where newswire wraps its lines, mid-sentence.
BOUNDARY = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Co|Lt))(?<!\b(?:Mrs|Sen|Rep|Gen|Gov|Col|Inc))"
    r"[.!?;:]['\"”’)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n"
)


def _phrases(phrases: tuple[str, ...]) -> str:
    """An alternation of ``phrases`` in their order, a space matching any white space."""
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in phrases)


# The syntax a cue needs around its words: "to be" takes a verb ("to be held"), "next to" is a
# place.
_CUE_CONTEXT = {"to be": r"\s+\w+", "next": r"(?!\s+to\b)"}
_FUTURE_CUE = re.compile(
    r"(?i)\b(?:"
    + "|".join(_phrases((cue,)) + _CUE_CONTEXT.get(cue, "") for cue in FUTURE_CUES)
    + r"|(?:"
    + _phrases(INTENT_VERBS)
    + r")\s+to)\b|"
    + _phrases(tuple(cue.replace("'", "’") for cue in FUTURE_CUES if cue.startswith("'")))
    + r"\b"
)
_PLAN_IN_THE_PAST = re.compile(
    r"(?i)(?:\b(?:"
    + _phrases(PLAN_IN_THE_PAST)
    + r")(?:\s+\w+){0,2}|\b(?:"
    + _phrases(PLAN_THAN)
    + r"))[\s-]+$"
)
_PAST_PERFECT = re.compile(r"(?i)\b(?:" + _phrases(PAST_PERFECT) + r")\b")
_WORD = re.compile(r"\b[a-z]+\b")
_PERFECT_OR_PASSIVE = re.compile(r"(?i)\b(?:" + _phrases(PERFECT_OR_PASSIVE) + r")\s+$")
_DEADLINE = re.compile(r"(?i)\b(?:" + _phrases(DEADLINE_WORDS) + r")\s+$")
# "did not begin until Tuesday": a base form after "did" is in the past.
_DID = re.compile(r"(?i)\b(?:did|didn't|didn’t)(?:\s+not)?\s+$")
_INFINITIVE = re.compile(r"(?i)\bto\s+$")
_SINCE = re.compile(r"(?i)\bsince\s+$")
_SPACES = re.compile(r"\s*")
_PLAN_AHEAD = re.compile(r"(?i)(?:planning|going|set|scheduled)\b")
_PAST_AUXILIARIES = frozenset(["was", "were"])


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character bounds of the clause around ``text[start:end]``.

    Parameters
    ----------
    text : str
        The whole text.
    start, end : int
        The span of the mention.

    Returns
    -------
    tuple of int
        ``(left, right)``: the clause is ``text[left:right]``, at most :data:`REACH` characters
        on each side of the mention.

    Examples
    --------
    >>> text = "It rained. The talks will resume on Monday. Nobody came."
    >>> left, right = clause_bounds(text, 36, 42)
    >>> text[left:right]
    'The talks will resume on Monday'
    """
    left = max(0, start - REACH)
    for match in BOUNDARY.finditer(text, left, start + 1):
        left = match.end()
    right_match = BOUNDARY.search(text, end, end + REACH)
    return left, (right_match.start() if right_match else min(len(text), end + REACH))


def _planned_before(text: str, left: int, position: int) -> bool:
    return bool(_PLAN_IN_THE_PAST.search(text, max(left, position - 30), position))


def clause_tense(text: str, start: int, end: int) -> str | None:
    """The tense cue nearest to ``text[start:end]`` in its clause: past, future or None.

    Parameters
    ----------
    text : str
        The whole text.
    start, end : int
        The span of the mention.

    Returns
    -------
    str or None
        ``"past"``, ``"future"``, or None when no cue is found or the nearest is a present form.

    Examples
    --------
    >>> text = "The ministers will meet on Friday. They met on Monday."
    >>> clause_tense(text, 27, 33), clause_tense(text, 47, 53)
    ('future', 'past')
    """
    left, right = clause_bounds(text, start, end)
    cues: list[tuple[int, str, bool]] = []
    # "On patrol since March": what a period runs since has begun.
    if _SINCE.search(text, max(left, start - 6), start):
        return "past"
    if _DEADLINE.search(text, max(left, start - 7), start) and not _PAST_PERFECT.search(
        text, left, start
    ):
        return "future"
    future_starts = set()
    for match in _FUTURE_CUE.finditer(text, left, right):
        if match.end() <= start or match.start() >= end:
            planned_before = _planned_before(text, left, match.start())
            cues.append((match.start(), "past" if planned_before else "future", True))
            if _PLAN_AHEAD.match(match.group(0)):
                future_starts.add(match.start())
    for match in _WORD.finditer(text, left, right):
        if start <= match.start() < end:
            continue
        word = match.group(0)
        # "were planning to", "was scheduled": the auxiliary belongs to the plan, which
        # decides ("was due to" may give a cause: the auxiliary stays a past cue there).
        ahead = _SPACES.match(text, match.end())
        if word in _PAST_AUXILIARIES and ahead.end() > match.end() and ahead.end() in future_starts:
            continue
        if word in REPORTING_CUES:
            # "reported on July 14", "In September, it announced": a reporting verb right next
            # to the date governs it; further away it only says when something was reported.
            # "according to" after a date attributes it and governs nothing.
            after = word != "according" and 0 <= match.start() - end <= 8
            if 0 <= start - match.end() <= 12 or after:
                cues.append((match.start(), "past", True))
            continue
        if word in PRESENT_CUES:
            cues.append((match.start(), "present", True))
        elif word in SCHEDULE_VERBS:
            before = max(left, match.start() - 12)
            # An infinitive ("to begin") has no tense of its own: the verb before it decides.
            if _INFINITIVE.search(text, before, match.start()):
                continue
            if _DID.search(text, before, match.start()):
                cues.append((match.start(), "past", True))
            else:
                planned_before = _planned_before(text, left, match.start())
                cues.append((match.start(), "past" if planned_before else "future", True))
        elif word in FUTURE_VERBS:
            planned_before = _planned_before(text, left, match.start())
            cues.append((match.start(), "past" if planned_before else "future", True))
        elif word in IRREGULAR_PAST or (word.endswith("ed") and word not in NOT_PAST_ED):
            if word not in STRONG_PAST and _PERFECT_OR_PASSIVE.search(
                text, max(left, match.start() - 12), match.start()
            ):
                continue
            # A past form right next to the date governs it ("issued July 1", "on Sunday
            # issued"), whatever other cue the sentence holds.
            if 0 <= start - match.end() <= 4 or (
                0 <= match.start() - end <= 2 and not text[end : match.start()].strip()
            ):
                return "past"
            cues.append((match.start(), "past", word in IRREGULAR_PAST))
        elif word in PAST_ADVERBS:
            cues.append((match.start(), "past", True))
    # A cue between the commas around the date ("the offer, which expires Nov. 30, was
    # raised") is its clause's; cues beyond them count only when it has none.
    segment_left = text.rfind(",", left, start) + 1
    comma_right = text.find(",", end, right)
    segment_right = right if comma_right < 0 else comma_right
    within = [c for c in cues if segment_left <= c[0] < segment_right]
    cues = within or cues
    strong = [c for c in cues if c[2]] or cues
    if not strong:
        return None
    nearest = min(strong, key=lambda c: (min(abs(c[0] - start), abs(c[0] - end)), c[1]))[1]
    return None if nearest == "present" else nearest
