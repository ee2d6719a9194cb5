"""Named entities of a corpus: span, kind, a title for people, and one canonical name each.

Design
------
spaCy's small English pipeline with the news entity ruler (:mod:`analysis.sources.parsing`) tags
every paragraph. Each entity becomes a *mention* of one kind: ``person``, ``organisation``,
``place``, ``document`` (declarations, treaties), ``event`` (named exercises such as Efes-2022) or
``media`` (news agencies). Nationalities, dates and numbers are not entities here.

Names are then made canonical across the whole corpus, so that two articles naming the same actor
differently agree on one name. Two written forms are compared through :func:`name_key`: diacritics
folded ("Dalkıran" -> Dalkiran, the Azerbaijani "ə" -> a), British and US spellings and a
country's old and new names made one (:data:`~analysis.lexicon.spelling.SPELLING_VARIANTS`:
Defence/Defense, Türkiye/Turkey), the case kept (the acronym "SPA" is not the name "Spa"). Of the
forms that share a key, the name shown is the one written
most often in the corpus, ties going to the first in code-point order, so the names depend on the
corpus alone: not on the order of its articles, nor on the hash seed.

* people: the title is split from the name ("Col-Gen Zakir Hasanov" -> name "Zakir Hasanov", role
  "Azerbaijani Defence Minister Col-Gen" as written, the title words before the name included); a
  surname alone ("Hasanov", "Lt-Gen Tahirov", even when spaCy calls it an ORG) is the full name it
  abbreviates: the one full name with that surname in the same article, else in the corpus. Two
  full names with that surname within reach (two Guliyevs) leave the surname as written: two
  people are never merged on a guess;
* organisations and their country: a country is read from a nationality ("Azerbaijani Defence
  Ministry"), a possessive ("Azerbaijan's Mine Action Agency", inside the name or just before it)
  or a trailing "of <country>" ("Defence Ministry of Azerbaijan", "Ministry of Defence of
  Turkiye"); one name and one country are one organisation, two countries two organisations;
* ministries: "Defence Ministry" and "Ministry of Defence" are ``"<Department> Ministry of
  <Country>"``; a ministry written without a country takes the one country the article gives a
  ministry of that department, else the nationality of the minister of that department named in
  the article (looked up across the corpus: a minister called "Azerbaijani Defence Minister" in one
  article is Azerbaijani in all of them); otherwise it stays ``"<Department> Ministry"``;
* other organisations: one written without a country takes the one country its article gives that
  name, else, for a name of three words or more ("Mine Action Agency"), its one country in the
  corpus; shorter names ("Armed Forces", "Central Bank") belong to every country and stay as
  written. An organisation with a country is named by its form naming the country written most
  often, else by its name as written most often ("Britain's Daily Mirror": "Daily Mirror");
* places: a country under any of its names or its nationality ("Türkiye", "Turkish") is the country
  of :data:`DEMONYMS` ("Turkey");
* documents: a short form ("Shusha Declaration") is the longest form it begins
  ("Shusha Declaration on Allied Relations");
* small repairs of the statistical tagger, each a rule with a reason: a one-word PERSON that is a
  nationality elsewhere in the corpus is dropped; a one-word PERSON after a place preposition ("a
  visit to Shusha") is a place; an entity that is a country name in :data:`DEMONYMS` is a place.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span

from analysis.corpus.loading import Corpus
from analysis.lexicon.places import COUNTRY_VARIANTS, DEMONYMS
from analysis.lexicon.spelling import SPELLING_VARIANTS
from analysis.lexicon.titles import TITLE_WORDS
from analysis.sources.docstore import DocStore
from analysis.sources.parsing import load_nlp, parse_paragraphs

__all__ = [
    "DEMONYMS",
    "ENTITY_COLUMNS",
    "ENTITY_KINDS",
    "TITLE_WORDS",
    "ParsedCorpus",
    "extract_entities",
    "name_key",
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
#: Letters that Unicode does not decompose into a base letter and a mark, folded by hand (the
#: Azerbaijani schwa is written "a" in English: Əliyev -> Aliyev).
_LETTER_FOLDS = str.maketrans(
    {"ı": "i", "İ": "I", "ə": "a", "Ə": "A", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
     "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "’": "'"}
)  # fmt: skip
#: Spelling variants that are one name: all of the shared table but "labour", as Labour (the
#: British party) and Labor (the Australian party, the US department) are different names.
_NAME_SPELLINGS = {word: one for word, one in SPELLING_VARIANTS.items() if word != "labour"}
#: A bare organisation name is given the country of its only country form anywhere in the corpus
#: from this many words on ("Mine Action Agency"); shorter ones ("Armed Forces", "Central Bank")
#: are common nouns of every country and keep to their article.
_SPECIFIC_WORDS = 3
#: Keys of names remembered by :func:`name_key` (the most recently asked for): about as many
#: distinct names as the entities of all of Reuters-21578.
_NAME_KEYS_KEPT = 1 << 16

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
_OWNER_RE = re.compile(r"^(?P<owner>.+?)(?:'s|’s|'|’)\s+(?P<rest>.+)$")


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

    docs: Sequence[tuple[str, int, Doc]]
    mentions: list[Mention]
    nationality: dict[str, str]
    departments: dict[str, str] = field(default_factory=dict)

    def ministry(self, department: str, country: str | None) -> str:
        """Canonical name of a ministry, its department spelled as in the rest of the corpus."""
        return ministry_name(self.departments.get(name_key(department), department), country)

    def article_docs(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        ids = (
            self.docs.article_ids
            if isinstance(self.docs, DocStore)
            else [article_id for article_id, _, _ in self.docs]
        )
        for i, article_id in enumerate(ids):
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


def name_key(text: str) -> str:
    """The key two spellings of one name share: diacritics folded, British and US spellings and a
    country's old and new names made one, spaces collapsed; the case is kept (an acronym "SPA" is
    not the name "Spa").

    Examples
    --------
    >>> [name_key(n) for n in ["Rafet Dalkıran", "Defence Ministry", "Türkiye", "Əliyev"]]
    ['Rafet Dalkiran', 'Defense Ministry', 'Turkey', 'Aliyev']
    """
    if not isinstance(text, str):
        raise TypeError(f"name_key takes a str, got {type(text).__name__}")
    return _name_key(text)


@functools.lru_cache(maxsize=_NAME_KEYS_KEPT)
def _name_key(text: str) -> str:
    # Canonicalization asks for the key of each name many times (every mention, every grouping).
    folded = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_respelled(word) for word in folded.split())


def _respelled(word: str) -> str:
    """A word in the one spelling of :data:`SPELLING_VARIANTS`, in the case it was written."""
    variant = _NAME_SPELLINGS.get(word.lower())
    if variant is None:
        return word
    if word.isupper() and len(word) > 1:
        return variant.upper()
    return variant[:1].upper() + variant[1:] if word[:1].isupper() else variant


_COUNTRY_BY_KEY = {name_key(c): c for c in _COUNTRIES} | {
    name_key(variant): country for variant, country in COUNTRY_VARIANTS.items()
}


def _country(text: str) -> str | None:
    """The country a written name or nationality names ("Türkiye", "Turkish" -> Turkey)."""
    return _COUNTRY_BY_KEY.get(name_key(text)) or DEMONYMS.get(text)


def _split_country(surface: str) -> tuple[str, str | None]:
    """Split the country off an organisation name: "Azerbaijani Defence Ministry", "Azerbaijan's
    Mine Action Agency", "Ministry of Defence of Turkiye" -> (name, country); else (name, None)."""
    words = surface.split()
    if len(words) > 1 and words[0] in DEMONYMS:
        return " ".join(words[1:]), DEMONYMS[words[0]]
    possessive = _OWNER_RE.match(surface)
    if possessive and _country(possessive["owner"]):
        return possessive["rest"], _country(possessive["owner"])
    if " of " in surface:
        rest, country = surface.rsplit(" of ", 1)
        if _country(country):
            return rest, _country(country)
    return surface, None


def _country_before(doc: Doc, span: Span) -> str | None:
    """The country written just before a name: a nationality ("Turkish") or a possessive
    ("Azerbaijan's", "Türkiye's")."""
    if span.start == 0:
        return None
    before = doc[span.start - 1]
    if before.text in DEMONYMS:
        return DEMONYMS[before.text]
    if before.text in _POSSESSIVE and span.start >= 2:
        owner = next(
            (e for e in doc.ents if e.end == span.start - 1), doc[span.start - 2 : span.start - 1]
        )
        return _country(owner.text)
    return None


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


def parse_corpus(
    corpus: Corpus,
    *,
    docs: Iterable | None = None,
    n_process: int = 1,
    cache: str | os.PathLike | None = None,
) -> ParsedCorpus:
    """Parse ``corpus`` and give every entity mention its canonical name (see the module doc).

    This is the one spaCy pass of the sources analysis: :func:`extract_entities` and
    :func:`analysis.extract_sources` both read its result, so a corpus is parsed once.

    Parameters
    ----------
    corpus : Corpus
    docs : iterable, optional
        Ready-made :func:`~analysis.sources.parsing.parse_paragraphs` results, a list or an
        iterator read once (for instance parsed on a Dask cluster, see
        :mod:`analysis.distributed`); they replace the parse.
    n_process : int
        Processes of the spaCy parse (:func:`~analysis.sources.parsing.parse_paragraphs`); the
        result is the same for any value.
    cache : path, optional
        Folder of a parse cache (:class:`~analysis.sources.parsecache.ParseCache`): paragraphs
        parsed before, by any run with the same pipeline, are read from it and the others added to
        it. The result is the same with or without it.

    Returns
    -------
    ParsedCorpus

    Examples
    --------
    >>> from analysis.corpus.loading import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> one, two = parse_corpus(corpus), parse_corpus(corpus, n_process=2)
    >>> [(m.start, m.name) for m in two.mentions] == [(m.start, m.name) for m in one.mentions]
    True
    >>> sorted({m.name for m in one.mentions if m.kind == "organisation"})
    ['Defence Ministry of Azerbaijan', 'Turkish Armed Forces']
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    parsed = (
        docs if docs is not None else parse_paragraphs(corpus, n_process=n_process, cache=cache)
    )
    # The docs are kept serialized (about 10 bytes a token instead of 1.4 KB): the whole parse of
    # a large corpus fits in memory; the analyses read them back article by article.
    docs = DocStore(load_nlp().vocab)
    mentions: list[Mention] = []
    norp_texts: set[str] = set()
    for doc_index, (article_id, offset, doc) in enumerate(parsed):
        docs.append(article_id, offset, doc)
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
                # Read now, while the paragraph is parsed: _repair would have to unpack it again.
                head = doc[name.start].head
                mention.extra["after_place_word"] = (
                    head.lower_ in _PLACE_PREPOSITIONS and head.i < name.start
                )
                role_from = _role_start(doc, first)
                if role_from < name.start:
                    role = doc[role_from : name.start]
                    mention.role = role.text
                    mention.role_start = offset + role.start_char
                    mention.role_end = offset + role.end_char
            elif kind == "organisation":
                base, country = _split_country(mention.surface)
                mention.country = country or _country_before(doc, span)
                department = _ministry_department(base)
                if department:
                    mention.extra["department"] = department
                mention.extra["base"] = base
            mentions.append(mention)
    mentions = _repair(mentions, norp_texts)
    nationality, departments = _canonicalize(mentions)
    return ParsedCorpus(
        docs=docs, mentions=mentions, nationality=nationality, departments=departments
    )


def _repair(mentions: list[Mention], norp_texts: set[str]) -> list[Mention]:
    surnames = {
        name_key(m.surface.split()[-1])
        for m in mentions
        if m.kind == "person" and len(m.surface.split()) > 1
    }
    kept = []
    for m in mentions:
        one_word = " " not in m.surface
        if one_word and name_key(m.surface) in surnames and m.kind in {"person", "organisation"}:
            m.kind, m.label = "person", "PERSON"
        elif m.surface in _COUNTRIES and m.kind != "place":
            m.kind = "place"
        elif m.kind == "person" and one_word and name_key(m.surface) not in surnames:
            if m.surface in norp_texts or m.surface in DEMONYMS:
                continue
            if m.extra["after_place_word"]:  # "a visit to Shusha"
                m.kind = "place"
        kept.append(m)
    return kept


def _most_written(forms) -> dict[str, str]:
    """Key -> the form written most often under it; of equally frequent forms the first in
    code-point order, so the choice depends on the corpus alone (not its order, not the hash)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for form in forms:
        counts[name_key(form)][form] += 1
    return {key: min(c, key=lambda form: (-c[form], form)) for key, c in counts.items()}


def _canonicalize(mentions: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """Give every mention its corpus-wide ``name``; return person name -> nationality and
    department key -> department as written most often."""
    people = [m for m in mentions if m.kind == "person"]
    spelled = _most_written(m.surface for m in people)
    full_names: dict[str, set[str]] = defaultdict(set)
    by_article_full: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in people:
        words = m.surface.split()
        if len(words) > 1:
            full_names[name_key(words[-1])].add(name_key(m.surface))
            by_article_full[m.article_id][name_key(words[-1])].add(name_key(m.surface))
    for m in people:
        key = name_key(m.surface)
        if " " not in m.surface:
            # A surname alone is the one full name with it in its article, else in the corpus;
            # two people of that surname in reach leave it as written.
            local = by_article_full[m.article_id].get(key, set())
            candidates = local or full_names.get(key, set())
            if len(candidates) == 1:
                key = next(iter(candidates))
        m.name = spelled[key]
    found: dict[str, Counter] = defaultdict(Counter)
    for m in people:
        adjective = _nationality_of(m.role)
        if adjective:
            found[m.name][adjective] += 1
    nationality = {name: min(c, key=lambda a: (-c[a], a)) for name, c in sorted(found.items())}
    roles = defaultdict(list)
    for m in people:
        if m.role:
            roles[m.article_id].append(m)
    organisations = [m for m in mentions if m.kind == "organisation"]
    departments = _most_written(
        m.extra["department"] for m in organisations if "department" in m.extra
    )
    _place_organisations(organisations, roles, nationality)
    for m in organisations:
        if "department" in m.extra:
            m.name = ministry_name(departments[name_key(m.extra["department"])], m.country)
    _name_organisations([m for m in organisations if "department" not in m.extra])
    # Longest last; names of equal length in alphabetical order, whatever the hash seed.
    documents = sorted(
        {m.surface for m in mentions if m.kind == "document"}, key=lambda d: (len(d), d)
    )
    others = _most_written(
        m.surface for m in mentions if m.kind not in {"person", "organisation", "document"}
    )
    for m in mentions:
        if m.kind == "document":
            longer = [d for d in documents if d.startswith(m.surface + " ")]
            m.name = longer[-1] if longer else m.surface
        elif m.kind == "place":
            m.name = _country(m.surface) or others[name_key(m.surface)]
        elif m.kind not in {"person", "organisation"}:
            m.name = others[name_key(m.surface)]
    return nationality, departments


def _place_organisations(organisations: list[Mention], roles, nationality) -> None:
    """Give a country to the organisations written without one: the one country the article gives
    that name; for a ministry, the country of the article's minister of that department; for a
    specific name (``_SPECIFIC_WORDS``), its one country in the corpus."""
    in_article: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_corpus: dict[str, set[str]] = defaultdict(set)
    for m in organisations:
        if m.country:
            in_article[m.article_id, name_key(m.extra["base"])].add(m.country)
            in_corpus[name_key(m.extra["base"])].add(m.country)
    for m in organisations:
        if m.country:
            continue
        key = name_key(m.extra["base"])
        local = in_article.get((m.article_id, key), set())
        if len(local) == 1:
            m.country = next(iter(local))
        elif not local and "department" in m.extra:
            m.country = _minister_country(m.extra["department"], roles[m.article_id], nationality)
        elif not local and len(key.split()) >= _SPECIFIC_WORDS and len(in_corpus[key]) == 1:
            m.country = next(iter(in_corpus[key]))


def _name_organisations(organisations: list[Mention]) -> None:
    """One name per organisation and country: the form that names the country written most often,
    else the name written most often; an organisation without a country, its form written most
    often."""
    with_country: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for m in organisations:
        if m.country and _split_country(m.surface)[1] == m.country:
            with_country[name_key(m.extra["base"]), m.country][m.surface] += 1
    plain = _most_written(m.surface for m in organisations if not m.country)
    bases = _most_written(m.extra["base"] for m in organisations if m.country)
    for m in organisations:
        key = name_key(m.extra["base"])
        if not m.country:
            m.name = plain[name_key(m.surface)]
        elif (key, m.country) in with_country:
            forms = with_country[key, m.country]
            m.name = min(forms, key=lambda form: (-forms[form], form))
        else:
            m.name = bases[key]


def _minister_country(dept: str, people: list[Mention], nationality: dict[str, str]):
    pattern = re.compile(rf"\b{re.escape(name_key(dept))} minister\b", re.IGNORECASE)
    for person in people:
        if pattern.search(name_key(person.role or "")):
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
