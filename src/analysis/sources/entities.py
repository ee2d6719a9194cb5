"""Named entities of a corpus: span, kind, a title for people, and one canonical name each.

Design
------
spaCy's small English pipeline with the news entity ruler (:mod:`analysis.sources.parsing`) tags
every paragraph. Each entity becomes a *mention* of one kind: ``person``, ``organisation``,
``place``, ``document`` (declarations, treaties), ``event`` (named exercises such as Efes-2022) or
``media`` (news agencies). Nationalities, dates and numbers are not entities here.

Names are then made canonical across the whole corpus, so that two articles naming the same actor
differently agree on one name:

* people: the title is split from the name ("Col-Gen Zakir Hasanov" -> name "Zakir Hasanov", role
  "Azerbaijani Defence Minister Col-Gen" as written, the title words before the name included); a
  surname alone ("Hasanov", even when spaCy calls it an ORG) is the full name it abbreviates, in the
  same article first, else the one full name in the corpus with that surname;
* ministries: "Defence Ministry" and "Ministry of Defence" are ``"<Department> Ministry of
  <Country>"``, the country taken from a nationality next to the name, else from the nationality
  of the minister of that department named in the article (looked up across the corpus: a minister
  called "Azerbaijani Defence Minister" in one article is Azerbaijani in all of them);
* documents: a short form ("Shusha Declaration") is the longest form it begins
  ("Shusha Declaration on Allied Relations");
* small repairs of the statistical tagger, each a rule with a reason: a one-word PERSON that is a
  nationality elsewhere in the corpus is dropped; a one-word PERSON after a place preposition ("a
  visit to Shusha") is a place; an entity that is a country name in :data:`DEMONYMS` is a place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span

from analysis.corpus.loading import Corpus
from analysis.lexicon.places import DEMONYMS
from analysis.lexicon.titles import TITLE_WORDS
from analysis.sources.parsing import parse_paragraphs

__all__ = [
    "DEMONYMS",
    "ENTITY_COLUMNS",
    "ENTITY_KINDS",
    "TITLE_WORDS",
    "ParsedCorpus",
    "extract_entities",
    "parse_corpus",
]

#: spaCy label -> entity kind reported here. Labels not listed are not entities.
ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "LAW": "document",
    "DOCUMENT": "document",
    "EVENT": "event",
    "EXERCISE": "event",
    "MEDIA": "media",
}

_COUNTRIES = set(DEMONYMS.values())

ENTITY_COLUMNS = [
    "article_id",
    "start",
    "end",
    "text",
    "kind",
    "label",
    "name",
    "role",
    "role_start",
    "role_end",
]

_MINISTRY_RE = re.compile(
    r"^(?:(?P<dept>[A-Z][\w-]*(?: [A-Z][\w-]*)*) Ministry|Ministry of (?P<dept2>[A-Z].*))$"
)
_PLACE_PREPOSITIONS = {"to", "in", "at", "from", "near", "into", "of"}
_DETERMINERS = {"the", "a", "an"}
_POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass
class Mention:
    """One entity mention: where it is, what it is, and (after canonicalization) whom it names."""

    article_id: str
    doc_index: int
    token_start: int
    token_end: int
    start: int
    end: int
    text: str
    label: str
    kind: str
    surface: str
    role: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    country: str | None = None
    name: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class ParsedCorpus:
    """A corpus parsed once: its paragraphs as spaCy ``Doc`` objects (``(article_id, start, doc)``)
    and its entity mentions with canonical names, shared by entities and sources."""

    docs: list[tuple[str, int, Doc]]
    mentions: list[Mention]
    nationality: dict[str, str]

    def article_docs(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i, (article_id, _, _) in enumerate(self.docs):
            out[article_id].append(i)
        return out


def _strip_span(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in _DETERMINERS:
        start += 1
    owner_of_what_follows = end < len(doc) and doc[end].pos_ not in {"VERB", "AUX"}
    while end > start and doc[end - 1].text in _POSSESSIVE and owner_of_what_follows:
        end -= 1
    return doc[start:end]


def _with_given_names(span: Span) -> Span:
    """Extend a PERSON span over given names the tagger left out ("Leyla Abdullayeva")."""
    doc, start = span.doc, span.start
    while start > 0:
        tok = doc[start - 1]
        if tok.is_space and start > 1 and "\n\n" not in tok.text and doc[start - 2].pos_ == "PROPN":
            tok = doc[start - 2]
            if tok.ent_type_ or _is_title_token(tok) or not tok.text[:1].isupper():
                break
            start -= 2
            continue
        if tok.pos_ != "PROPN" or tok.ent_type_ or _is_title_token(tok) or tok.text in DEMONYMS:
            break
        if not tok.text[:1].isupper() or tok.is_sent_start and tok.dep_ != "compound":
            break
        start -= 1
    return doc[start : span.end]


def _is_title_token(token) -> bool:
    return token.lower_.rstrip(".") in TITLE_WORDS


def _person_parts(span: Span) -> tuple[Span, int]:
    """Split a PERSON span into its name (trailing capitalised words) and the first role token."""
    doc = span.doc
    name_start = span.end
    while name_start > span.start:
        tok = doc[name_start - 1]
        if tok.is_space and "\n\n" not in tok.text:
            name_start -= 1
            continue
        if tok.is_punct or _is_title_token(tok) or not tok.text[:1].isupper():
            break
        name_start -= 1
    while name_start < span.end and doc[name_start].is_space:
        name_start += 1
    if name_start == span.end:
        name_start = span.start
    return doc[name_start : span.end], name_start


def _role_start(doc: Doc, first: int) -> int:
    """Walk back from a name over the title written before it ("newly-appointed ambassador")."""
    i = first
    while i > 0:
        tok = doc[i - 1]
        prev = doc[i - 2] if i >= 2 else None
        if tok.text == "-" and prev is not None and not prev.is_space:
            i -= 1
            continue
        if tok.lower_ == "of" and prev is not None and prev.text[:1].isupper():
            i -= 1
            continue
        if tok.lower_ == "in" and prev is not None and prev.text == "-":
            i -= 1
            continue
        stops = tok.is_punct or tok.is_space or tok.pos_ in {"DET", "ADP", "CCONJ", "VERB", "AUX"}
        if stops and not (tok.pos_ == "VERB" and tok.dep_ == "amod"):
            break
        if tok.text[:1].isupper() and not tok.is_stop:
            i -= 1
            continue
        if _is_title_token(tok) or tok.dep_ in {"amod", "compound", "nmod", "advmod"}:
            if tok.dep_ == "advmod" and not (i < len(doc) and doc[i].text == "-"):
                break
            i -= 1
            continue
        break
    while i < first and (doc[i].text == "-" or doc[i].lower_ in {"of", "in"}):
        i += 1
    return i


def _ministry_department(surface: str) -> str | None:
    match = _MINISTRY_RE.match(surface)
    if not match:
        return None
    return match["dept"] or match["dept2"]


def _nationality_of(text: str | None) -> str | None:
    if not text:
        return None
    for word in re.findall(r"[A-Z][a-z]+", text):
        if word in DEMONYMS:
            return word
    return None


def ministry_name(department: str, country: str | None) -> str:
    """Canonical ministry name: ``"Defence Ministry of Azerbaijan"`` or ``"Defence Ministry"``."""
    return f"{department} Ministry of {country}" if country else f"{department} Ministry"


def parse_corpus(corpus: Corpus, *, docs: list | None = None, n_process: int = 1) -> ParsedCorpus:
    """Parse ``corpus`` and give every entity mention its canonical name (see the module doc).

    This is the one spaCy pass of the sources analysis: :func:`extract_entities` and
    :func:`analysis.extract_sources` both read its result, so a corpus is parsed once.

    Parameters
    ----------
    corpus : Corpus
    docs : list, optional
        Ready-made :func:`~analysis.sources.parsing.parse_paragraphs` results (for instance parsed
        on a Dask cluster, see :mod:`analysis.distributed`); they replace the parse.
    n_process : int
        Processes of the spaCy parse (:func:`~analysis.sources.parsing.parse_paragraphs`); the
        result is the same for any value.

    Returns
    -------
    ParsedCorpus
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    if docs is None:
        docs = list(parse_paragraphs(corpus, n_process=n_process))
    mentions: list[Mention] = []
    norp_texts: set[str] = set()
    for doc_index, (article_id, offset, doc) in enumerate(docs):
        for ent in doc.ents:
            if ent.label_ == "NORP":
                norp_texts.add(ent.text)
            kind = ENTITY_KINDS.get(ent.label_)
            if kind is None:
                continue
            span = _strip_span(ent)
            if len(span) == 0:
                continue
            if kind == "person":
                span = _with_given_names(span)
            mention = Mention(
                article_id=article_id,
                doc_index=doc_index,
                token_start=span.start,
                token_end=span.end,
                start=offset + span.start_char,
                end=offset + span.end_char,
                text=span.text,
                label=ent.label_,
                kind=kind,
                surface=" ".join(span.text.split()),
            )
            if kind == "person":
                name, first = _person_parts(span)
                mention.text = name.text
                mention.surface = " ".join(name.text.split())
                mention.token_start = name.start
                mention.start = offset + name.start_char
                role_from = _role_start(doc, first)
                if role_from < name.start:
                    role = doc[role_from : name.start]
                    mention.role = role.text
                    mention.role_start = offset + role.start_char
                    mention.role_end = offset + role.end_char
            elif kind == "organisation" and _ministry_department(mention.surface):
                before = doc[span.start - 1] if span.start > 0 else None
                nationality = None
                if before is not None and before.text in DEMONYMS:
                    nationality = before.text
                mention.extra["department"] = _ministry_department(mention.surface)
                mention.country = DEMONYMS.get(nationality) if nationality else None
            mentions.append(mention)
    mentions = _repair(mentions, docs, norp_texts)
    nationality = _canonicalize(mentions)
    return ParsedCorpus(docs=docs, mentions=mentions, nationality=nationality)


def _repair(mentions: list[Mention], docs, norp_texts: set[str]) -> list[Mention]:
    surnames = {
        m.surface.split()[-1] for m in mentions if m.kind == "person" and len(m.surface.split()) > 1
    }
    kept = []
    for m in mentions:
        one_word = " " not in m.surface
        if one_word and m.surface in surnames and m.kind in {"person", "organisation"}:
            m.kind, m.label = "person", "PERSON"
        elif m.surface in _COUNTRIES and m.kind != "place":
            m.kind = "place"
        elif m.kind == "person" and one_word and m.surface not in surnames:
            if m.surface in norp_texts or m.surface in DEMONYMS:
                continue
            head = docs[m.doc_index][2][m.token_start].head
            if head.lower_ in _PLACE_PREPOSITIONS and head.i < m.token_start:
                m.kind = "place"
        kept.append(m)
    return kept


def _canonicalize(mentions: list[Mention]) -> dict[str, str]:
    """Give every mention its corpus-wide ``name``; return person name -> nationality."""
    full_names = defaultdict(set)
    for m in mentions:
        if m.kind == "person" and len(m.surface.split()) > 1:
            full_names[m.surface.split()[-1]].add(m.surface)
    by_article_full = defaultdict(dict)
    for m in mentions:
        if m.kind == "person" and len(m.surface.split()) > 1:
            by_article_full[m.article_id].setdefault(m.surface.split()[-1], m.surface)
    for m in mentions:
        if m.kind != "person":
            continue
        words = m.surface.split()
        if len(words) == 1:
            local = by_article_full[m.article_id].get(words[0])
            corpus_wide = full_names.get(words[0], set())
            if local:
                m.name = local
            elif len(corpus_wide) == 1:
                m.name = next(iter(corpus_wide))
            else:
                m.name = m.surface
        else:
            m.name = m.surface
    nationality: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person":
            found = _nationality_of(m.role)
            if found:
                nationality.setdefault(m.name, found)
    roles = defaultdict(list)
    for m in mentions:
        if m.kind == "person" and m.role:
            roles[m.article_id].append(m)
    # Longest last; names of equal length in alphabetical order, whatever the hash seed.
    documents = sorted(
        {m.surface for m in mentions if m.kind == "document"}, key=lambda d: (len(d), d)
    )
    for m in mentions:
        if m.kind == "document":
            longer = [d for d in documents if d.startswith(m.surface + " ")]
            m.name = longer[-1] if longer else m.surface
        elif m.kind == "organisation" and "department" in m.extra:
            dept = m.extra["department"]
            if m.country is None:
                m.country = _minister_country(dept, roles[m.article_id], nationality)
            m.name = ministry_name(dept, m.country)
        elif m.kind != "person":
            m.name = m.surface
    return nationality


def _minister_country(dept: str, people: list[Mention], nationality: dict[str, str]):
    for person in people:
        if re.search(rf"\b{re.escape(dept)} Minister\b", person.role or "", re.IGNORECASE):
            adjective = _nationality_of(person.role) or nationality.get(person.name)
            if adjective:
                return DEMONYMS[adjective]
    return None


def mentions_frame(mentions: list[Mention]) -> pd.DataFrame:
    rows = [
        (m.article_id, m.start, m.end, m.text, m.kind, m.label, m.name, m.role)
        + (m.role_start, m.role_end)
        for m in mentions
    ]
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame.astype(
        {"start": "int64", "end": "int64", "role_start": "Int64", "role_end": "Int64"}
    )


def extract_entities(parsed: ParsedCorpus) -> pd.DataFrame:
    """Return the named entities of ``corpus`` with spans, kinds and canonical names.

    Parameters
    ----------
    parsed : ParsedCorpus
        The corpus as :func:`parse_corpus` parsed it.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in text order: ``article_id``; ``start, end`` (the mention without a
        leading "the" or a trailing possessive, ``text[start:end] == text`` column); ``text``;
        ``kind`` (person, organisation, place, document, event, media); ``label`` (the spaCy or
        entity-ruler label); ``name`` (canonical across the corpus); ``role`` (for people, the
        title written before the name, as written, else None).

    Examples
    --------
    >>> from analysis.corpus.loading import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> ents = extract_entities(parse_corpus(load_corpus(SEEDS_DIR)))
    >>> people = ents[ents.kind == "person"].drop_duplicates("name")
    >>> for name, role in people[["name", "role"]].itertuples(index=False):
    ...     print(f"{name:21} {role}")
    Zakir Hasanov         Defence Minister
    Cahit Bagci           newly-appointed Turkish ambassador
    Ilham Aliyev          Commander-in-Chief President
    Recep Tayyip Erdogan  Turkish counterpart
    Rafet Dalkiran        Turkish Chief of General Staff Intelligence Corps Gen
    """
    if not isinstance(parsed, ParsedCorpus):
        raise TypeError(
            "extract_entities takes the ParsedCorpus of analysis.parse_corpus(corpus), "
            f"got {type(parsed).__name__}"
        )
    return mentions_frame(parsed.mentions)
