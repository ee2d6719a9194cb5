"""Time zones as article headers and tables write them, with their offset from UTC.

:mod:`analysis.corpus.headers` reads a zone after a publication time: an offset (``+04:00``,
``+0400``, ``UTC+04:00``, ``(UTC+04:00)``, ``GMT-5``), ``Z``, or one of the abbreviations below.
Abbreviations that name more than one zone are read as newswire uses them: ``CST`` is US Central
Standard Time (not China), ``IST`` is India. A zone that is not here is an error that names it;
add it to :data:`ZONE_OFFSETS` (minutes east of UTC) to accept it.
"""

from __future__ import annotations

__all__ = ["ZONE_OFFSETS"]

#: Zone abbreviation (upper case) -> offset from UTC in minutes (east positive).
ZONE_OFFSETS: dict[str, int] = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "WEST": 60, "BST": 60,
    "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "TRT": 180, "AST": 180, "GST": 240, "AZT": 240, "AMT": 240, "GET": 240,
    "PKT": 300, "IST": 330, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480, "AWST": 480,
    "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
}  # fmt: skip
