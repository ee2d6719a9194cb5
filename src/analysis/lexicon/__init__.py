"""The lexicon every analysis shares: plain data modules, each word table written once.

- :mod:`~analysis.lexicon.calendar`: months, weekdays, seasons, parts of the day, holidays, time
  units, number words and ordinals, with their TimeML meaning; the modifiers TimeML keeps in an
  extent ("nearly", "late") and the counts with no number ("several");
- :mod:`~analysis.lexicon.tense`: the tense cue words of the temporal tagger (auxiliaries,
  modals, plans, deadlines, present forms, the reporting verbs that are cues).
"""
