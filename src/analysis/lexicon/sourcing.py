"""Words of attribution beyond named speakers: the cues and source nouns of PARC 3.0 coverage.

Read by :mod:`analysis.sources.attributions` when ``coverage="parc"``:

- :data:`PARC_CUES`: cue lemmas beyond the reporting verbs of :mod:`analysis.lexicon.reporting`
  (findings, beliefs, expectations, estimates, accusations);
- :data:`CLAUSE_CUES`: cues that attribute only with a clause ("expressed concern that ..." is a
  statement, "expressed interest" is not; "added that ..." is, "added 127 flights" is not);
- :data:`ANONYMOUS_HEADS`: heads of explicitly undisclosed sources ("sources", "a source close to
  the ministry");
- :data:`UNDISCLOSED_WORDS`: words of a source's description that say it is undisclosed ("who
  asked not to be named");
- :data:`REPORT_HEADS`: heads of documents and findings that are sources ("the statement", "the
  report showed", "the poll");
- :data:`NOT_CUE_PARTICLES`: particles that make a cue another verb ("write off", "call off");
- :data:`COMPANY_WORDS`: words of a company's name ("Ltd", "Corp"), which no person's name holds;
- :data:`ORGANISATION_HEADS`: heads of descriptions of an organisation the story names ("the
  company", "the bank"), resolved to the organisation last named.
"""

from __future__ import annotations

__all__ = [
    "ANONYMOUS_HEADS",
    "CLAUSE_CUES",
    "COMPANY_WORDS",
    "NOT_CUE_PARTICLES",
    "ORGANISATION_HEADS",
    "PARC_CUES",
    "REPORT_HEADS",
    "UNDISCLOSED_WORDS",
]

PARC_CUES: frozenset[str] = frozenset(
    """
    accuse add allege anticipate ask assert believe blame calculate charge cite complain concede
    conclude contend describe disclose doubt estimate expect fear feel find forecast hint hope
    identify indicate insist learn maintain predict project recommend show signal suggest
    testify think
    """.split()  # noqa: SIM905
)

CLAUSE_CUES: frozenset[str] = frozenset(
    {"add", "express", "fear", "feel", "hope", "learn", "voice"}
)

NOT_CUE_PARTICLES: frozenset[str] = frozenset({"off", "down", "up", "in", "away"})

ANONYMOUS_HEADS: frozenset[str] = frozenset({"source", "sources", "insider", "insiders"})

UNDISCLOSED_WORDS: frozenset[str] = frozenset({"anonymity", "named", "identified", "unnamed"})

REPORT_HEADS: frozenset[str] = frozenset(
    """
    accounts announcement communique data document estimate estimates figures filing forecast
    letter memo minutes newspaper paper poll projection prospectus release report results
    statement study survey
    """.split()  # noqa: SIM905
)

ORGANISATION_HEADS: frozenset[str] = frozenset(
    """
    agency airline association authority bank board company concern consortium corporation court
    department firm fund group institute maker ministry operator organisation organization
    partnership producer subsidiary union unit utility
    """.split()  # noqa: SIM905
)

COMPANY_WORDS: frozenset[str] = frozenset(
    """
    ag bancorp bv co company corp corporation gmbh inc llc lp ltd nv plc sa spa
    """.split()  # noqa: SIM905
)
