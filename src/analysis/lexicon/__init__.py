"""The lexicon every analysis shares: plain data modules, each word table written once.

- :mod:`~analysis.lexicon.calendar`: months, weekdays, seasons, parts of the day, holidays, time
  units, number words and ordinals, with their TimeML meaning; the modifiers TimeML keeps in an
  extent ("nearly", "late") and the counts with no number ("several");
- :mod:`~analysis.lexicon.calendar_names`: the full month and weekday names, read off the calendar;
- :mod:`~analysis.lexicon.tense`: the tense cue words of the temporal tagger (auxiliaries,
  modals, plans, deadlines, present forms, the reporting verbs that are cues);
- :mod:`~analysis.lexicon.reporting`: reporting verbs with their written forms, one record each,
  read by the attribution cues, the tense cues and the timeline's event labels;
- :mod:`~analysis.lexicon.sourcing`: the cues and source nouns of attributions beyond named
  speakers (findings, expectations; unnamed, group and anonymous sources);
- :mod:`~analysis.lexicon.footers`: the cues of a page footer after a separator line (follow,
  subscribe, copyright, links, tags);
- :mod:`~analysis.lexicon.outlets`: news agencies and outlets (also as bylines name them), and the
  nouns of "in an interview with" phrases;
- :mod:`~analysis.lexicon.zones`: time-zone abbreviations and their offsets from UTC;
- :mod:`~analysis.lexicon.places`: nationality adjectives and their countries, street words;
- :mod:`~analysis.lexicon.titles`: titles of people, and the head nouns of descriptions of people,
  things and documents;
- :mod:`~analysis.lexicon.spelling`: spelling variants folded together for text reuse;
- :mod:`~analysis.lexicon.stop_words`: the function words left out of content stems.
"""
