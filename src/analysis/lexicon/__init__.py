"""The lexicon every analysis shares: plain data modules, each word table written once.

- :mod:`~analysis.lexicon.calendar`: months, weekdays, seasons, parts of the day, holidays, time
  units, number words and ordinals, with their TimeML meaning.
- :mod:`~analysis.lexicon.calendar_names`: the full month and weekday names, read off the calendar.
"""
