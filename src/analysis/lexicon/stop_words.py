"""English stop words: the function words left out of content stems (paraphrase search)."""

from __future__ import annotations

__all__ = ["STOP_WORDS"]

STOP_WORDS = frozenset(
    """
    a about after against all also an and any are as at be been before being between both but
    by can could did do does down during each for from had has have he her here him his how i
    if in into is it its just may might more most no not now of off on only or other our out
    over said say says shall she should so some such than that the their them then there these
    they this those through to under up very was we were what when where which while who whom
    whose why will with would you
    """.split()  # noqa: SIM905
)
