"""Spelling variants: British and US spellings, and the old and new names of a country.

Each variant (lower case) maps to the one form that text reuse compares: the word keys of
:mod:`analysis.reuse.index` fold "Defence" and "Defense", "Türkiye" and "Turkey" together, so that
an edited reprint that only respells a word still aligns with its source. The keys are for
comparison only; no text is rewritten.
"""

from __future__ import annotations

__all__ = ["SPELLING_VARIANTS"]

SPELLING_VARIANTS: dict[str, str] = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "organisation": "organization",
    "organisations": "organizations",
    "labour": "labor",
    "favour": "favor",
    "honour": "honor",
    "neighbouring": "neighboring",
    "turkiye": "turkey",
    "turkiye's": "turkey's",
}
