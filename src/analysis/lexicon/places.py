"""Places: nationality adjectives and the countries they name.

:mod:`analysis.sources.entities` reads them to give a ministry its country ("Azerbaijani Defence
Ministry" -> Defence Ministry of Azerbaijan), to recognize a country name as a place, and to tell a
nationality from a one-word person name; :mod:`analysis.sources.attributions` reads them to find
the country of a minister's ministry. The temporal tagger reads the street words, so that a house
number is no year.
"""

from __future__ import annotations

__all__ = ["COUNTRY_VARIANTS", "DEMONYMS", "STREET_WORDS"]

#: The last word of a street name: a number before "Pennsylvania Avenue" is a house number.
STREET_WORDS: tuple[str, ...] = (
    "Avenue", "Street", "Road", "Boulevard", "Drive", "Lane", "Place", "Square", "Plaza", "Way",
)  # fmt: skip

#: Nationality adjective -> country, for ministries' canonical names and country recognition.
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan",
    "Albanian": "Albania",
    "American": "United States",
    "Armenian": "Armenia",
    "Azerbaijani": "Azerbaijan",
    "Belarusian": "Belarus",
    "British": "United Kingdom",
    "Bulgarian": "Bulgaria",
    "Canadian": "Canada",
    "Chinese": "China",
    "Egyptian": "Egypt",
    "French": "France",
    "Georgian": "Georgia",
    "German": "Germany",
    "Greek": "Greece",
    "Hungarian": "Hungary",
    "Indian": "India",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Kazakh": "Kazakhstan",
    "Kyrgyz": "Kyrgyzstan",
    "Moldovan": "Moldova",
    "Pakistani": "Pakistan",
    "Polish": "Poland",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Saudi": "Saudi Arabia",
    "Serbian": "Serbia",
    "Spanish": "Spain",
    "Syrian": "Syria",
    "Tajik": "Tajikistan",
    "Turkish": "Turkey",
    "Turkmen": "Turkmenistan",
    "Ukrainian": "Ukraine",
    "Uzbek": "Uzbekistan",
}

#: Other written names of a country of :data:`DEMONYMS` -> the name used there.
COUNTRY_VARIANTS: dict[str, str] = {
    "Turkiye": "Turkey",
    "Türkiye": "Turkey",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
}
