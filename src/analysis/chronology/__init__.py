"""Chronology: every date mention, normalized against its article's date, merged into a timeline.

- :mod:`~analysis.chronology.rules`: the date rules of the temporal tagger, one record each
  (pattern, triggers, traps, normalizer), and the cascade that runs them;
- :mod:`~analysis.chronology.tense`: the tense of the clause around a mention;
- :mod:`~analysis.chronology.calendar`: date arithmetic (placing, shifting, durations);
- :mod:`~analysis.chronology.normalize`: the normalizer of each rule family;
- :mod:`~analysis.chronology.tagger`: :func:`extract_timexes`, spans with TimeML TIMEX3 type and
  value anchored on the publication date;
- :mod:`~analysis.chronology.timeline`: :func:`timeline_mentions` (each mention with its sentence,
  label, interval and stale-date check against the origin of recycled text) and
  :func:`build_timeline` (mentions merged into events);
- :mod:`~analysis.chronology.exports`: the timeline as CSV and TimelineJS JSON;
- :mod:`~analysis.chronology.tempeval`: the TempEval-3 Task A scorer.
"""

from analysis.chronology.tagger import extract_timexes, timex_granularity, timex_interval
from analysis.chronology.tempeval import score_timexes
from analysis.chronology.timeline import build_timeline, timeline_mentions

__all__ = [
    "build_timeline",
    "extract_timexes",
    "score_timexes",
    "timeline_mentions",
    "timex_granularity",
    "timex_interval",
]
