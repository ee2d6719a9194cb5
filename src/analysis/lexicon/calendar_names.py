"""Full names of the months and weekdays, read off :mod:`analysis.lexicon.calendar`.

The calendar tables map every written form, abbreviations included, to a number; some analyses
need the full names only: the date resolver of :mod:`analysis.sources.attributions` reads weekdays
by full name ("sat", "sun" and "wed" are also English words), and the scaling benchmark keeps
month and weekday names unchanged. The full name of a month or weekday is its longest written
form, so nothing is written here a second time.
"""

from __future__ import annotations

from analysis.lexicon.calendar import MONTHS, WEEKDAYS

__all__ = ["MONTH_NAMES", "WEEKDAY_NAMES"]


def _longest_form(table: dict[str, int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for form, number in table.items():
        if len(form) > len(names.get(number, "")):
            names[number] = form
    return dict(sorted(names.items()))


#: Month number (1-12) -> full lower-case name.
MONTH_NAMES: dict[int, str] = _longest_form(MONTHS)
#: ISO weekday number (Monday 1 to Sunday 7) -> full lower-case name.
WEEKDAY_NAMES: dict[int, str] = _longest_form(WEEKDAYS)
