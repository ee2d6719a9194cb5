"""Titles and head nouns: the words that say what kind of actor a name or a description names.

Four tables with four roles, kept apart because they answer different questions:

- :data:`TITLE_WORDS`: words of a title or rank written before a person's name ("Defence
  Minister Col-Gen Zakir Hasanov"); :mod:`analysis.sources.entities` splits them off the name.
- :data:`TITLE_HEADS`: heads of definite descriptions of people ("the minister", "the Turkish
  ambassador"); :mod:`analysis.sources.attributions` resolves them to the last person whose title
  holds those words. "official" is one, though no one is called "Official Smith".
- :data:`THING_HEADS`: heads of definite descriptions of organisations, documents and outlets
  ("the ministry", "the declaration", "the agency"), resolved by the same module to the one named
  actor whose name holds that word.
- :data:`DOCUMENT_HEADS`: the last word of a document's proper name ("Shusha Declaration"), as
  the entity ruler of :mod:`analysis.sources.parsing` writes its patterns, in that order.
"""

from __future__ import annotations

__all__ = ["DOCUMENT_HEADS", "THING_HEADS", "TITLE_HEADS", "TITLE_WORDS"]

#: Words of titles and ranks (lowercased) that precede a name and are not part of it.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    adm admiral ambassador brig capt captain chairman chairwoman chancellor chief col colonel
    commander counterpart deputy director dr envoy foreign gen general governor gov head king lt
    maj major minister mr mrs ms premier president prime prince prof queen rep representative
    secretary sen senator sheikh speaker spokesman spokesperson spokeswoman
    """.split()  # noqa: SIM905
)

#: Heads of definite descriptions of people ("the minister").
TITLE_HEADS: frozenset[str] = frozenset(
    """
    ambassador chairman chief commander envoy general governor minister official president
    secretary senator spokesman spokeswoman
    """.split()  # noqa: SIM905
)

#: Heads of definite descriptions of things ("the ministry", "the declaration", "the agency").
THING_HEADS: frozenset[str] = frozenset(
    ["agency", "agreement", "declaration", "department", "memorandum", "ministry", "treaty"]
)

#: Last words of documents' proper names, in the order the entity ruler adds their patterns.
DOCUMENT_HEADS: tuple[str, ...] = (
    "declaration",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "memorandum",
    "charter",
    "convention",
    "protocol",
    "pact",
)
