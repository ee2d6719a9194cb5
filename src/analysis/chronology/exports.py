"""The timeline for other tools: CSV text, and a TimelineJS JSON document.

TimelineJS renders a slide's headline and text as HTML, so both (and the title) are HTML-escaped:
a ``<script>`` or ``onload=`` in an article is shown as text, never run.
"""

from __future__ import annotations

import html

import pandas as pd

__all__ = ["timeline_to_csv", "timeline_to_timelinejs"]


def timeline_to_csv(timeline: pd.DataFrame) -> str:
    """The timeline as CSV text (dates as ``YYYY-MM-DD``; mentions as ``article:start-end``).

    Examples
    --------
    >>> events = pd.DataFrame({"event_id": [0], "date_start": [pd.Timestamp("1992-01-01")],
    ...     "date_end": [pd.Timestamp("1992-12-31")], "value": ["1992"], "label": ["Cooperation"],
    ...     "mentions": [[("a", 5, 9), ("b", 7, 11)]]})
    >>> print(timeline_to_csv(events).strip())
    event_id,date_start,date_end,value,label,mentions
    0,1992-01-01,1992-12-31,1992,Cooperation,a:5-9 b:7-11
    """
    table = timeline.copy()
    if "mentions" in table:
        table["mentions"] = [" ".join(f"{a}:{s}-{e}" for a, s, e in m) for m in table["mentions"]]
    return table.to_csv(index=False, date_format="%Y-%m-%d")


def timeline_to_timelinejs(timeline: pd.DataFrame, *, title: str = "Timeline") -> dict:
    """The timeline as a TimelineJS JSON document (a dict; ``json.dumps`` it to save).

    Each event becomes a TimelineJS slide: ``start_date`` and ``end_date`` at the event's
    granularity (a year event gives only the year), the label as headline, the sentence as text,
    and the group ``"recycled text only"`` (every mention is in recycled text) or ``"original
    text"``. Headline, text and title are HTML-escaped.

    Examples
    --------
    >>> events = pd.DataFrame({"date_start": [pd.Timestamp("2022-05-01")],
    ...     "date_end": [pd.Timestamp("2022-05-31")], "granularity": ["month"],
    ...     "label": ["Drills"], "sentence": ["Drills in May."], "reused": [False]})
    >>> timeline_to_timelinejs(events)["events"][0]["start_date"]
    {'year': 2022, 'month': 5}
    >>> timeline_to_timelinejs(events.assign(label="<b>Drills</b>"))["events"][0]["text"]
    {'headline': '&lt;b&gt;Drills&lt;/b&gt;', 'text': 'Drills in May.'}
    """
    parts = {"year": ("year",), "decade": ("year",), "century": ("year",)}
    events = []
    for row in timeline.itertuples(index=False):
        keys = parts.get(row.granularity, ("year", "month") if row.granularity in {
            "month", "quarter", "half", "season"} else ("year", "month", "day"))  # fmt: skip

        def stamp(day: pd.Timestamp, keys: tuple = keys) -> dict:
            return {key: int(getattr(day, key)) for key in keys}

        recycled_only = bool(row.reused) and getattr(row, "n_reused", 1) >= getattr(
            row, "n_mentions", 1
        )
        event = {
            "start_date": stamp(row.date_start),
            "text": {"headline": _escaped(row.label), "text": _escaped(row.sentence)},
            "group": "recycled text only" if recycled_only else "original text",
        }
        if row.date_end != row.date_start and keys != ("year", "month", "day"):
            event["end_date"] = stamp(row.date_end)
        events.append(event)
    document = {"title": {"text": {"headline": _escaped(title)}}, "events": events}
    return document


def _escaped(value) -> str:
    return html.escape("" if value is None or value is pd.NA else str(value))
