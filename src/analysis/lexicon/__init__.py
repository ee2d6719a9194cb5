"""The lexicon every analysis shares: plain data modules, each word table written once.

- :mod:`~analysis.lexicon.calendar`: months, weekdays, seasons, parts of the day, holidays, time
  units, number words and ordinals, with their TimeML meaning.
- :mod:`~analysis.lexicon.calendar_names`: the full month and weekday names, read off the calendar.
- :mod:`~analysis.lexicon.outlets`: news agencies and outlets, and the nouns of "in an interview
  with" phrases.
- :mod:`~analysis.lexicon.places`: nationality adjectives and their countries.
- :mod:`~analysis.lexicon.spelling`: spelling variants folded together for text reuse.
- :mod:`~analysis.lexicon.titles`: titles of people, and the head nouns of descriptions of people,
  things and documents.
"""
