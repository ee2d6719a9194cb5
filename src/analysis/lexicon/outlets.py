"""News outlets, and the nouns of the phrases that name the outlet a statement came through.

- :data:`MEDIA_OUTLETS`: news agencies and outlets, as written; the entity ruler of
  :mod:`analysis.sources.parsing` labels them ``MEDIA`` (the statistical model tends to call them
  ORG, PERSON or GPE), one pattern each, in this order.
- :data:`BYLINE_OUTLETS`: the outlets and agencies a byline may name instead of a reporter
  ("By Azernews", "By Reuters"): :func:`analysis.load_corpus` puts such a byline in the
  ``outlet`` column. Pass ``outlets=[...]`` to ``load_corpus`` to add your corpus's own.
- :data:`MEDIUM_NOUNS`: the nouns of "in an interview with M", "in comments to M", "in a
  statement": :mod:`analysis.sources.attributions` takes the outlet of such a phrase as the
  statement's medium and leaves the phrase out of the statement.
"""

from __future__ import annotations

__all__ = ["BYLINE_OUTLETS", "MEDIA_OUTLETS", "MEDIUM_NOUNS"]

#: News agencies and outlets that the statistical model tends to call ORG, PERSON or GPE.
MEDIA_OUTLETS: tuple[str, ...] = (
    "Anadolu Agency",
    "Anadolu",
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "BBC",
    "CNN",
    "Al Jazeera",
    "Xinhua",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "Sputnik",
    "IRNA",
    "Azertac",
    "APA",
    "Trend",
    "Report",
    "Azernews",
    "Daily Sabah",
    "Hurriyet",
    "TRT",
    "Kyodo",
    "Yonhap",
    "dpa",
)

#: Outlets and agencies as bylines name them, matched whole and without regard to case.
BYLINE_OUTLETS: tuple[str, ...] = MEDIA_OUTLETS + (
    "Azertag", "Trend News Agency", "News.az", "Report.az", "APA.az", "Day.az",
    "Caliber.az", "Turan", "Anadolu Ajansi", "Agence France Presse", "United Press International",
    "UPI", "Reuters Staff", "AP Staff", "PTI", "EFE", "ANSA", "Kyodo News", "Yonhap News Agency",
)  # fmt: skip

#: Nouns of the phrase that says how a statement was made ("in an interview with ...").
MEDIUM_NOUNS: frozenset[str] = frozenset(
    ["comments", "conversation", "interview", "remarks", "statement"]
)
