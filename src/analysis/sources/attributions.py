"""Attributed statements: who says what in an article, through which cue, medium and date.

Design
------
Every paragraph is parsed once by spaCy (:mod:`analysis.sources.parsing`); entities and their
canonical names come from :mod:`analysis.sources.entities`. An attribution is a *cue* (a reporting
verb from :data:`CUE_VERBS`, or the phrase "according to") whose grammatical subject (or the object
of "according to") resolves to a known actor. Resolution works within the article:

* a name or a surname is the canonical entity (``"Hasanov"`` -> Zakir Hasanov);
* "he"/"she" is the person most recently seen as a clause subject; "it" is the organisation or
  document that was the subject of the sentence before;
* "the minister", "the Turkish ambassador" is the most recent person whose written title holds those
  words; "the ministry", "the declaration", "the agency" is the organisation, document or outlet of
  the article whose name ends in that word, or, for a ministry the article never names, the ministry
  of a minister it does name ("Defence Minister" -> the Defence Ministry of the minister's
  country).

A subject that resolves to nobody ("the parties", "the two nations", a passive "it was reported") is
not a source, and a negated or refused cue ("did not say", "refused to comment") is no statement:
the extractor prefers a missed statement to a false source. Nor is a participle a new source
("..., adding that" takes the subject of the cue it continues, not of a verb of the reported
content it hangs from), and "express", "voice", "add", "hope" attribute only with a clause
("expresses interest" and "added 12 flights" are no statements).

A relay "X reports, citing Y, that ..." has the source Y and the medium X. A row whose cue lies
inside the statement of another row of its article, with another source mention, is ``nested``
(a statement inside a statement: "Smith said Jones told him that ...").

The statement is what the cue introduces: its clausal complement or its object, without the "that"
and without phrases that say when or through what; for a cue placed after its clause ("..., the
ministry reported") it is that clause; a direct quotation is the whole quotation, across paragraphs
(news style opens every quoted paragraph with a quote mark and closes only the last). The time
phrase of the cue ("on July 14", "Earlier") is kept as written, and month-day dates are resolved to
ISO dates in the past of the publication day. The medium is a news outlet through which the
statement came ("In an interview with Turkey's Anadolu Agency", "told Reuters", "speaking to AFP").

PARC coverage
-------------
``coverage="parc"`` returns every attribution an annotator following PARC 3.0 would mark, as
:mod:`analysis.sources.evaluation` scores it. Besides the rows above:

* sources the article does not name, with the mention as written as ``source`` and a
  ``source_kind`` that says what they are: ``group`` for a plural ("officials", "analysts",
  "Traders"), ``anonymous`` for an undisclosed source ("sources", "a source close to the
  ministry", "diplomats who asked not to be named"), ``unnamed`` for one person or document
  ("a company spokesman", "one senior banker", "the report"); "he"/"she" and "they" refer to the
  unnamed person or the group cited last when it is more recent than a named person;
* a proper name the tagger missed as the subject of a cue is a named source; "the company", "it"
  is the organisation named last, and "he" with no known person the proper name cited last;
* the cues of :mod:`analysis.lexicon.sourcing` beyond speech (showed, found, expects, estimated,
  forecast, indicated, believes, ...), "according to" any of these sources, and a headline's
  "Name: words" (cue ":");
* the source mention spans the whole phrase, as PARC writes it ("Presidents Ibrahim Babangida of
  Nigeria and ...", "the staff of the commission"), one row per cue.

Cue lexicon
-----------
:data:`CUE_VERBS` are the reporting verbs of :mod:`analysis.lexicon.reporting` but "quote" (its
subject is the medium, not the source), the verbs of wire copy: neutral (say, tell, state, add,
note, report, announce), emphatic (stress, emphasize/emphasise, underline, highlight, insist,
reiterate), commissive (pledge, vow, promise, assure), evaluative (appreciate, hail, praise;
"welcome" is left out: "welcoming the delegation" is an act, not a statement), expressive (thank,
wish, congratulate) and assertive (claim, argue, warn, confirm, deny, affirm, explain, recall). An
intensifier written before the verb is part of the cue ("highly appreciated"). Phrasal cues:
"according to X", "pointed out", "called for". Medium phrases (they give the ``medium``, the cue is
the verb): "in an interview with M", "in comments to M", "speaking to M", "told M".

Reading the parse
-----------------
Every sentence is scanned for cues, "according to", a headline's colon and its main subject. The
scans do not walk the sentence token by token (a ``Token`` object per token and attribute was
most of the extraction's time): the token attributes of an article's paragraphs are read with one
``Doc.to_array`` each, and array operations list, once per article, the tokens each scan could
accept (:class:`_ArticleScan`); a sentence looks its candidates up in these sorted lists, and only
they become ``Token`` objects for the rules above.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from analysis.corpus.loading import Corpus
from analysis.lexicon.calendar import MONTHS, WEEKDAYS
from analysis.lexicon.calendar_names import WEEKDAY_NAMES
from analysis.lexicon.outlets import MEDIUM_NOUNS
from analysis.lexicon.places import DEMONYMS
from analysis.lexicon.reporting import REPORTING_VERBS
from analysis.lexicon.sourcing import (
    ANONYMOUS_HEADS,
    CLAUSE_CUES,
    COMPANY_WORDS,
    NOT_CUE_PARTICLES,
    ORGANISATION_HEADS,
    PARC_CUES,
    REPORT_HEADS,
    UNDISCLOSED_WORDS,
)
from analysis.lexicon.titles import THING_HEADS, TITLE_HEADS
from analysis.sources.entities import Mention, ParsedCorpus

__all__ = [
    "COVERAGES",
    "CUE_VERBS",
    "INTENSIFIERS",
    "SOURCE_COLUMNS",
    "extract_sources",
    "reused_mask",
]

#: Character offsets are below this bound, so ``article * _OFFSET_SPAN + offset`` orders spans by
#: article, then offset, in one int64.
_OFFSET_SPAN = 1 << 32
#: Reporting verbs (lemmas): every verb of the shared lexicon but "quote", whose subject is the
#: medium that carries the words ("the agency quoted him as saying"), not the source who said them.
CUE_VERBS = frozenset(REPORTING_VERBS) - {"quote"}
#: The cues of ``coverage="parc"``: the reporting verbs and the cues of findings, beliefs,
#: expectations and estimates (:mod:`analysis.lexicon.sourcing`).
_PARC_CUE_VERBS = CUE_VERBS | PARC_CUES
#: What ``extract_sources`` covers: ``named`` sources only, or every attribution (``parc``).
COVERAGES = ("named", "parc")
#: Phrasal reporting verbs: lemma -> particle.
PHRASAL_CUES = {"point": "out", "call": "for"}
#: Adverbs that belong to the cue when written right before the verb.
INTENSIFIERS = frozenset({"highly", "strongly", "deeply", "warmly", "firmly", "sharply", "greatly"})
#: Adverbs that date a statement relative to the article ("Earlier, the ministry reported").
TIME_ADVERBS = frozenset({"earlier", "previously", "recently", "yesterday", "today", "later"})
#: Verbs whose infinitive complement was not said ("refused to comment", "declined to say").
_NOT_SAYING = frozenset({"refuse", "decline", "fail", "avoid", "hesitate", "forget"})
_MEDIUM_PREPS = frozenset({"with", "to"})
_QUOTES = '"“”'
#: The token attributes the token scans read (:class:`_ArticleScan`), in this order.
_SCAN_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, IS_SPACE]
#: String ids of the labels and words the token scans compare with, as ``uint64``, the type of
#: ``Doc.to_array``, so that comparing never goes through floats.
_VERB_ID, _AUX_ID, _PROPN_ID, _VBG_ID, _ADVCL_ID, _NSUBJ_ID, _ROOT_ID, _ACCORDING_ID, _COLON_ID = (
    np.uint64(get_string_id(string))
    for string in ("VERB", "AUX", "PROPN", "VBG", "advcl", "nsubj", "ROOT", "according", ":")
)
#: What the quotation scan stops at: a quote mark, or the first newline of a paragraph break (a
#: lookahead, so that every newline followed by another is one stop, as in "\n\n\n").
_QUOTE_EVENT_RE = re.compile(f"[{_QUOTES}]|\n(?=\n)")
_NOT_SPACE_RE = re.compile(r"\S")
_KIND_TO_SOURCE = {
    "person": "person",
    "organisation": "institution",
    "place": "institution",
    "media": "media",
    "document": "document",
    "unnamed": "unnamed",
    "group": "group",
    "anonymous": "anonymous",
}
_PRONOUNS_OF_PEOPLE = frozenset({"he", "she"})
#: Determiners of a description of one unnamed person or document ("a spokesman", "the report").
_ONE_OF_A_KIND = frozenset({"a", "an", "one", "another", "the", "this", "that", "each"})
# Weekdays by full name only: "sat", "sun" and "wed" are also words.
_WEEKDAYS = {name: WEEKDAYS[name] for name in WEEKDAY_NAMES.values()}
_MONTH_DAY_RE = re.compile(
    r"^(?:on\s+)?(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$"
)
_DAY_MONTH_RE = re.compile(
    r"^(?:on\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?(?:,?\s+(?P<year>\d{4}))?$"
)

SOURCE_COLUMNS = [
    "article_id",
    "source",
    "source_kind",
    "role",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "medium",
    "medium_start",
    "medium_end",
    "start",
    "end",
    "statement",
    "when",
    "date",
    "in_reused_text",
    "nested",
]


def resolve_date(phrase: str, published: pd.Timestamp) -> str | None:
    """Resolve a time phrase of a statement to an ISO date on or before ``published``.

    Month-day dates take the most recent such day not after the publication day; "today",
    "yesterday" and weekdays are relative to it. Anything vaguer ("Earlier") gives None.

    Examples
    --------
    >>> import pandas as pd
    >>> [resolve_date(p, pd.Timestamp("2022-04-12")) for p in
    ...  ["on April 12", "on September 27", "yesterday", "on Monday", "Earlier", "3 May 2020"]]
    ['2022-04-12', '2021-09-27', '2022-04-11', '2022-04-11', None, '2020-05-03']
    """
    day = pd.Timestamp(published).date()
    text = phrase.strip().rstrip(",.").strip()
    lower = text.lower().removeprefix("on ").strip()
    if lower == "today":
        return day.isoformat()
    if lower == "yesterday":
        return (day - dt.timedelta(days=1)).isoformat()
    if lower in _WEEKDAYS:
        back = (day.isoweekday() - _WEEKDAYS[lower]) % 7 or 7
        return (day - dt.timedelta(days=back)).isoformat()
    match = _MONTH_DAY_RE.match(text) or _DAY_MONTH_RE.match(text)
    if not match or match["month"].lower() not in MONTHS:
        return None
    month, number = MONTHS[match["month"].lower()], int(match["day"])
    years = [int(match["year"])] if match["year"] else [day.year, day.year - 1]
    for year in years:
        try:
            candidate = dt.date(year, month, number)
        except ValueError:
            return None
        if match["year"] or candidate <= day:
            return candidate.isoformat()
    return None


def reused_mask(spans: pd.DataFrame, reused: pd.DataFrame | None) -> pd.arrays.BooleanArray:
    """For each row ``article_id, start, end`` of ``spans``: does ``[start, end)`` lie wholly
    inside the union of that article's reused spans?

    The reused spans of each article are merged once (spans that overlap or touch become one), and
    each row is looked up by binary search, so the cost is that of sorting both tables.

    Parameters
    ----------
    spans : pandas.DataFrame
        Columns ``article_id, start, end``: the spans to test (statements, entity mentions).
    reused : pandas.DataFrame or None
        Recycled spans ``article_id, start, end`` (:func:`analysis.reused_spans`); None when
        unknown.

    Returns
    -------
    pandas.arrays.BooleanArray
        One value per row of ``spans``, in its order; all ``<NA>`` when ``reused`` is None.

    Examples
    --------
    >>> import pandas as pd
    >>> spans = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 10], "end": [10, 20]})
    >>> rows = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [5, 15, 0],
    ...                      "end": [15, 25, 1]})
    >>> reused_mask(rows, spans).tolist()
    [True, False, False]
    """
    if reused is None:
        return pd.array([pd.NA] * len(spans), dtype="boolean")
    if not len(spans) or not len(reused):
        return pd.array(np.zeros(len(spans), dtype=bool), dtype="boolean")
    codes = {a: i for i, a in enumerate(sorted(set(reused["article_id"])))}
    # Merge each article's spans: sorted by (article, start), a span opens a new block unless it
    # starts at or before the furthest end so far of its article's block.
    spans_sorted = pd.DataFrame(
        {
            "code": reused["article_id"].map(codes).to_numpy(dtype=np.int64),
            "start": reused["start"].to_numpy(dtype=np.int64),
            "end": reused["end"].to_numpy(dtype=np.int64),
        }
    ).sort_values(["code", "start", "end"], kind="stable")
    code = spans_sorted["code"].to_numpy()
    start = spans_sorted["start"].to_numpy()
    reach = spans_sorted.groupby("code", sort=False)["end"].cummax().to_numpy()
    opens = np.ones(len(code), dtype=bool)
    opens[1:] = (code[1:] != code[:-1]) | (start[1:] > reach[:-1])
    block_code = code[opens]
    block_start = start[opens]
    block_end = np.maximum.reduceat(reach, np.flatnonzero(opens))
    # The block of a row is the last block of its article that starts at or before the row.
    keys = block_code * _OFFSET_SPAN + block_start
    row_code = spans["article_id"].map(codes).fillna(-1).to_numpy(dtype=np.int64)
    row_start = spans["start"].to_numpy(dtype=np.int64)
    row_end = spans["end"].to_numpy(dtype=np.int64)
    found = np.searchsorted(keys, row_code * _OFFSET_SPAN + row_start, side="right") - 1
    valid = (row_code >= 0) & (found >= 0)
    found = np.where(valid, found, 0)
    valid &= block_code[found] == row_code
    covered = np.maximum(row_start, block_end[found]) >= row_end
    return pd.array(valid & covered, dtype="boolean")


class _ArticleState:
    """What the reader of one article knows so far: its entities and who is salient."""

    def __init__(
        self, article_id: str, mentions: list[Mention], parsed: ParsedCorpus, *, parc: bool
    ):
        self.article_id = article_id
        self.parc = parc
        self.by_token = {
            (m.doc_index, i): m for m in mentions for i in range(m.token_start, m.token_end)
        }
        # Per paragraph, the sorted token indices that lie in a mention (keys of ``by_token``).
        self.marked: dict[int, list[int]] = defaultdict(list)
        for doc_index, i in sorted(self.by_token):
            self.marked[doc_index].append(i)
        self.mentions = mentions
        self.parsed = parsed
        self.salient_person: Mention | None = None
        self.previous_thing: Mention | None = None
        self.seen_people: list[Mention] = []
        # coverage="parc": the unnamed person and the group last cited, and when (sentence count),
        # so that "he" and "they" can refer to them when they are more recent than a named person.
        self.sentence = 0
        self.person_at = -1
        self.unnamed_person: tuple[str, int] | None = None
        self.cited_person: tuple[str, str, int] | None = None
        self.group: tuple[str, int] | None = None

    def role_of(self, name: str) -> str | None:
        for m in self.mentions:
            if m.name == name and m.role:
                return m.role
        return None

    def mention_in(self, doc_index: int, tokens, kinds=None) -> Mention | None:
        for tok in tokens:
            found = self.by_token.get((doc_index, tok.i))
            if found is not None and (kinds is None or found.kind in kinds):
                return found
        return None


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses, appositions or coordinated phrases."""
    skip = {"relcl", "appos", "conj", "cc", "punct", "acl", "prep"}
    out = [head]
    for child in head.children:
        if child.dep_ in skip:
            continue
        out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.extend(_conjuncts(child))
    return out


def _subject(cue: Token, cues: frozenset[str]) -> Token | None:
    """The subject of ``cue``; a participle ("..., adding that") takes the subject of the cue it
    continues, never that of a verb of the reported content it hangs from."""
    node = cue
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ in {"nsubjpass", "expl"}:
                return None
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            node = node.head
            while node.lemma_.lower() not in cues:
                inserted = [
                    c for c in node.children if c.dep_ == "parataxis" and c.lemma_.lower() in cues
                ]
                if inserted:  # "..., the utility said, X began ..., adding that"
                    node = inserted[0]
                    break
                if node.dep_ == "ROOT" or node.head.i == node.i:
                    return None
                node = node.head
            continue
        if node.dep_ in {"advcl", "xcomp"} and node.tag_ in {"VBG", "VB"}:
            node = node.head
            continue
        return None
    return None


def _resolve(
    state: _ArticleState, doc_index: int, head: Token
) -> tuple[str, str, Mention | None] | None:
    """Return (canonical name, entity kind, mention it came from) for a subject head, or None."""
    tokens = _np_tokens(head)
    lower = head.lower_
    if head.pos_ == "PRON":
        if lower in {"he", "she"} and state.salient_person is not None:
            return state.salient_person.name, "person", state.salient_person
        if lower == "it" and state.previous_thing is not None:
            return state.previous_thing.name, state.previous_thing.kind, state.previous_thing
        return None
    # A name in apposition to a title ("The Agency's chief editor Rufiz Hafizoglu") is the
    # source, not the organisation that modifies the title.
    apposed = [t for c in head.children if c.dep_ == "appos" and c.i > head.i for t in c.subtree]
    mention = (
        state.mention_in(doc_index, [head])
        or state.mention_in(doc_index, apposed, {"person"})
        or state.mention_in(doc_index, tokens)
    )
    if mention is not None and mention.kind in _KIND_TO_SOURCE:
        return mention.name, mention.kind, mention
    determiner = tokens[0].lower_ if tokens else ""
    if determiner not in {"the", "this"}:
        return None
    modifiers = {t.lower_ for t in tokens if t.i != head.i and t.lower_ not in {"the", "this"}}
    if lower in THING_HEADS:
        candidates = [
            m for m in state.mentions if m.kind != "person" and lower in m.surface.lower().split()
        ]
        names = {m.name for m in candidates}
        if len(names) == 1:
            return candidates[0].name, candidates[0].kind, None
        if lower == "ministry" and not names:
            ministry = _ministry_of_minister(state)
            return None if ministry is None else (ministry, "organisation", None)
        return None
    if lower in TITLE_HEADS:
        for person in reversed(state.seen_people):
            role = (state.role_of(person.name) or "").lower()
            words = set(re.findall(r"[\w-]+", role))
            if lower in words and modifiers <= words:
                return person.name, "person", None
    return None


def _ministry_of_minister(state: _ArticleState) -> str | None:
    for m in state.mentions:
        role = m.role or ""
        match = re.search(r"\b([A-Z][\w-]*) Minister\b", role)
        if m.kind == "person" and match:
            adjective = next((w for w in re.findall(r"[A-Z][a-z]+", role) if w in DEMONYMS), None)
            adjective = adjective or state.parsed.nationality.get(m.name)
            return state.parsed.ministry(match[1], DEMONYMS.get(adjective) if adjective else None)
    return None


def _cue_span(cue: Token) -> tuple[int, int]:
    """Token range of the cue: the verb, an intensifier before it, a phrasal particle after it."""
    start, end = cue.i, cue.i + 1
    doc = cue.doc
    if start > 0 and doc[start - 1].lower_ in INTENSIFIERS and doc[start - 1].head.i == cue.i:
        start -= 1
    particle = PHRASAL_CUES.get(cue.lemma_.lower())
    if particle and end < len(doc) and doc[end].lower_ == particle:
        end += 1
    return start, end


def _is_cue(token: Token, cues: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "acl", "relcl", "pcomp"}:
        return False
    if any(c.dep_ == "neg" for c in token.children):
        return False
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _NOT_SAYING:
        return False
    if lemma == "wish" and any(c.dep_ == "xcomp" for c in token.children):
        return False  # "wished to take control" is a wish, "wished them success" a statement
    if lemma in CLAUSE_CUES and not any(c.dep_ == "ccomp" for c in token.children):
        return False
    if lemma in cues:
        return not any(c.dep_ == "prt" and c.lower_ in NOT_CUE_PARTICLES for c in token.children)
    particle = PHRASAL_CUES.get(lemma)
    return bool(particle) and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def _time_phrase(node: Token, ents: dict[int, Span]) -> Span | None:
    """A child phrase of ``node`` that dates it: "on July 14", "Earlier", "yesterday"."""
    for child in node.children:
        if child.dep_ in {"advmod", "npadvmod"} and child.lower_ in TIME_ADVERBS:
            return node.doc[child.i : child.i + 1]
        if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].i in ents and ents[objects[0].i].label_ == "DATE":
                sub = list(child.subtree)
                return node.doc[sub[0].i : sub[-1].i + 1]
        if child.dep_ == "npadvmod" and child.i in ents and ents[child.i].label_ == "DATE":
            sub = list(child.subtree)
            return node.doc[sub[0].i : sub[-1].i + 1]
    return None


def _medium(
    cue: Token, state: _ArticleState, doc_index: int
) -> tuple[Token | None, Mention | None]:
    """The prepositional phrase or object naming the outlet a statement came through."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for noun in child.children:
                if noun.lower_ in MEDIUM_NOUNS:
                    for prep in noun.children:
                        if prep.lower_ in _MEDIUM_PREPS:
                            found = state.mention_in(doc_index, prep.subtree, {"media"})
                            if found is not None:
                                return child, found
        if child.dep_ == "advcl" and child.lemma_ == "speak":
            found = state.mention_in(doc_index, child.subtree, {"media"})
            if found is not None:
                return child, found
        if cue.lemma_ == "tell" and child.dep_ in {"dobj", "dative"}:
            found = state.mention_in(doc_index, child.subtree, {"media"})
            if found is not None:
                return child, found
    return None, None


_NOT_CONTENT = {
    "nsubj",
    "nsubjpass",
    "aux",
    "auxpass",
    "neg",
    "punct",
    "cc",
    "conj",
    "mark",
    "advmod",
    "npadvmod",
    "prt",
    "advcl",
}


def _is_medium_noun_phrase(token: Token) -> bool:
    """A phrase saying how something was said ("in a statement", "in an interview")."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.lower_ in MEDIUM_NOUNS for c in token.children
    )


def _content(cue: Token, skip: set[int]) -> tuple[int, int] | None:
    """Token range of what the cue introduces (see module doc)."""
    left = [c for c in cue.children if c.i < cue.i and c.dep_ == "ccomp"]
    if left:
        sub = list(left[0].subtree)
        return sub[0].i, sub[-1].i + 1
    right = [
        c
        for c in cue.children
        if c.i > cue.i
        and c.dep_ not in _NOT_CONTENT
        and c.i not in skip
        and c.lower_ != "that"
        and not _is_medium_noun_phrase(c)
    ]
    clauses = [c for c in right if c.dep_ == "ccomp"]
    if clauses:
        right = clauses
    if not right and cue.dep_ == "parataxis":
        # A cue set inside its statement ("Effective April 11, the utility said, it is ..."):
        # the statement is the clause after the cue, or before it when the cue ends it.
        own = list(cue.subtree)
        clause = list(cue.head.subtree)
        after = [t for t in clause if t.i > own[-1].i and not t.is_punct]
        before = [t for t in clause if t.i < own[0].i and not t.is_punct]
        span = after or before
        return (span[0].i, span[-1].i + 1) if span else None
    if not right:
        return None
    covered = [t.i for c in right for t in c.subtree]
    start, end = min(covered), max(covered) + 1
    return _without_lead(cue.doc, start, end, lambda t: t.lower_ in {"that", ":"})


def _without_lead(doc, start: int, end: int, lead) -> tuple[int, int] | None:
    """Token range ``start:end`` without the white space and ``lead`` tokens that open it."""
    while start < end and (lead(doc[start]) or doc[start].is_space):
        start += 1
    return (start, end) if start < end else None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Interiors of the quotations of an article, a quotation continuing over paragraphs.

    Only quote marks and paragraph breaks change what is open, so the scan jumps from one to the
    next (:data:`_QUOTE_EVENT_RE`) instead of reading every character.
    """
    spans, open_at = [], None
    for event in _QUOTE_EVENT_RE.finditer(text):
        i = event.start()
        if text[i] != "\n":
            if open_at is None:
                open_at = i + 1
            else:
                paragraph_break = text.rfind("\n\n", open_at, i)
                if paragraph_break >= 0 and text[paragraph_break + 2 : i].strip() == "":
                    pass  # the mark re-opens a continued quotation
                else:
                    spans.append((open_at, i))
                    open_at = None
        elif open_at is not None:
            # A quotation goes on over a paragraph break only if the next paragraph opens with a
            # quote mark.
            after = _NOT_SPACE_RE.search(text, i + 2)
            if after is None or text[after.start()] not in _QUOTES:
                open_at = None
    return spans


def _trim(
    text: str, start: int, end: int, quotes: list[tuple[int, int]], cue: tuple[int, int]
) -> tuple[int, int]:
    for q0, q1 in quotes:
        if q0 - 1 <= start < q1 and not q0 <= cue[0] < q1:
            start, end = q0, q1
            break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    inner = text[start:end]
    if sum(inner.count(q) for q in _QUOTES) % 2 == 1:
        if end < len(text) and text[end] in _QUOTES:
            end += 1
        elif inner[:1] in _QUOTES:
            start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return start, end


def extract_sources(
    corpus: Corpus,
    parsed: ParsedCorpus,
    *,
    reused: pd.DataFrame | None,
    coverage: str = "parc",
) -> pd.DataFrame:
    """Return one row per attributed statement in ``corpus``.

        Parameters
        ----------
        corpus : Corpus
        parsed : ParsedCorpus
            The corpus as :func:`analysis.parse_corpus` parsed it.
        reused : pandas.DataFrame or None
            Spans of recycled text with columns ``article_id, start, end`` (the output of
            :func:`analysis.reused_spans`), used for ``in_reused_text``; None when unknown, and the
            column is ``<NA>``.
        coverage : {"named", "parc"}
            ``named``: statements of sources the article names or refers to (see module
            doc). ``parc`` (the default): every attribution in the sense of PARC 3.0, also of
            sources it does not name ("officials said", "a company spokesman", "industry
            sources", "the report showed"), through the wider cues of
            :mod:`analysis.lexicon.sourcing`; see the module doc, "PARC coverage".

        Returns
        -------
        pandas.DataFrame
            In text order: ``article_id``; ``source`` (canonical name, as in
            :func:`analysis.extract_entities`); ``source_kind`` (person, institution, media,
            document); ``role`` (the source's title as written at its first titled mention in the
            article); ``mention, mention_start, mention_end`` (the words that name the source
            here: "He", "the minister", "Hasanov"); ``cue, cue_start, cue_end``; ``medium,
            medium_start, medium_end`` (a news outlet the statement came through); ``start, end,
            statement`` (what was said); ``when`` (the time phrase of the cue as written);
            ``date`` (ISO date if ``when`` gives one); ``in_reused_text`` (the statement lies
            wholly in text recycled from an earlier article); ``nested`` (the cue lies inside
            the statement of a row with another source mention: a statement inside a
            statement). ``source_kind`` is also ``unnamed``, ``group`` or ``anonymous`` with
            ``coverage="parc"``. Missing values are NaN / <NA>.

        Examples
        --------
        >>> from analysis.corpus.loading import load_corpus
        >>> from analysis.paths import SEEDS_DIR
        >>> from analysis import find_reuse, parse_corpus, reused_spans
        >>> corpus = load_corpus(SEEDS_DIR)
        >>> spans = reused_spans(corpus, find_reuse(corpus))
        >>> s = extract_sources(corpus, parse_corpus(corpus), reused=spans)
    >>> later = s[s.article_id.str.startswith("001")]
    >>> for row in later[["source", "cue", "medium", "date"]].itertuples(index=False):
    ...     print(" | ".join(str(value) for value in row))
    Defence Ministry of Azerbaijan | reported | nan | 2022-04-12
    Zakir Hasanov | emphasized | nan | nan
    Rafet Dalkiran | stressed | nan | nan
    Shusha Declaration on Allied Relations | affirms | nan | nan
    Shusha Declaration on Allied Relations | pledges | nan | nan
    Ilham Aliyev | said | Anadolu Agency | 2021-09-27
    Defence Ministry of Azerbaijan | reported | nan | nan
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    if reused is not None:
        missing = [c for c in ("article_id", "start", "end") if c not in reused.columns]
        if missing:
            raise ValueError(
                f"reused is missing column(s) {missing}; expected article_id, start, end"
            )
    if coverage not in COVERAGES:
        raise ValueError(f"coverage must be one of {list(COVERAGES)}, got {coverage!r}")
    if not isinstance(parsed, ParsedCorpus):
        raise TypeError(
            "parsed must be the ParsedCorpus of analysis.parse_corpus(corpus), "
            f"got {type(parsed).__name__}"
        )
    rows = _attributions(corpus, parsed, coverage == "parc")
    frame = pd.DataFrame(rows, columns=SOURCE_COLUMNS[:-2])
    frame["in_reused_text"] = reused_mask(frame, reused)
    frame["nested"] = _nested(frame)
    ints = ["mention_start", "mention_end", "cue_start", "cue_end", "start", "end"]
    frame = frame.astype(
        {c: "int64" for c in ints} | {"medium_start": "Int64", "medium_end": "Int64"}
    )
    return frame


def _nested(frame: pd.DataFrame) -> np.ndarray:
    """For each row: does its cue lie inside the statement of a row of its article with another
    source mention? (A participle "..., adding that" continues its own source: not nested.)"""
    out = np.zeros(len(frame), dtype=bool)
    if frame.empty:
        return out
    inner = frame[["article_id", "cue_start", "cue_end", "mention_start"]].assign(
        row=np.arange(len(frame))
    )
    outer = frame[["article_id", "start", "end", "mention_start"]].rename(
        columns={"mention_start": "outer_mention"}
    )
    pairs = inner.merge(outer, on="article_id")
    inside = (
        (pairs["start"] <= pairs["cue_start"])
        & (pairs["cue_end"] <= pairs["end"])
        & (pairs["outer_mention"] != pairs["mention_start"])
    )
    out[pairs.loc[inside, "row"].to_numpy()] = True
    return out


def _attributions(corpus: Corpus, parsed: ParsedCorpus, parc: bool) -> list[tuple]:
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in parsed.mentions:
        by_article[m.article_id].append(m)
    # Read once, not one pandas look-up per article.
    texts = dict(zip(corpus.articles.index, corpus.articles["text"], strict=True))
    dates = dict(zip(corpus.articles.index, corpus.articles["date"], strict=True))
    cues = _PARC_CUE_VERBS if parc else CUE_VERBS
    lemma_memo: dict[int, bool] = {}
    rows: list[tuple] = []
    for article_id, doc_indexes in parsed.article_docs().items():
        text, published = texts[article_id], dates[article_id]
        quotes = _quote_spans(text)
        state = _ArticleState(article_id, by_article[article_id], parsed, parc=parc)
        paragraphs = [parsed.docs[doc_index] for doc_index in doc_indexes]
        scans = _ArticleScan([doc for _, _, doc in paragraphs], cues, lemma_memo).docs()
        for doc_index, (_, offset, doc), scan in zip(doc_indexes, paragraphs, scans, strict=True):
            ents = {i: e for e in doc.ents for i in range(e.start, e.end)}
            for sent in doc.sents:
                rows.extend(
                    _sentence(state, doc_index, offset, sent, ents, text, published, quotes, scan)
                )
    return rows


class _ArticleScan:
    """Where in an article's paragraphs the scans over every token need to look.

    Reading an attribute through a ``Token`` costs a Python object per token and attribute; the
    scans (cues, "according to", a headline's colon, participle cues, a sentence's subject) read
    sorted lists of token indices instead, and make ``Token`` objects only for the tokens listed.
    Each list holds every token that its scan could accept, so the scans find what they found
    reading every token. The lists are made for all paragraphs of the article at once (one
    ``Doc.to_array`` per paragraph, the array operations on their concatenation): an index is
    the paragraph's first token in the article, ``bases[k]``, plus the token's index in it.

    Attributes
    ----------
    cues : list of int
        The verbs and auxiliaries whose lowercased lemma is one of ``cues`` or of
        :data:`PHRASAL_CUES`: the only tokens :func:`_is_cue` can accept.
    according : list of int
        The tokens written "according", in any case.
    colons : list of int
        The tokens written ":".
    participles : list of int
        The ``VBG`` tokens attached as ``advcl``: the participle cues that can end a statement.
    subjects, subject_heads : list of int
        The ``nsubj`` tokens whose head is a ``ROOT``, and their heads.
    space, pos : numpy.ndarray
        Per token: whether it is white space, and the string id of its part of speech.
    """

    def __init__(self, docs: list[Doc], cues: frozenset[str], lemma_memo: dict[int, bool]):
        sizes = [len(doc) for doc in docs]
        self.bases = np.cumsum([0, *sizes[:-1]]).tolist() if docs else []
        arrays = [doc.to_array(_SCAN_ATTRS) for doc in docs]
        values = np.concatenate(arrays) if arrays else np.zeros((0, len(_SCAN_ATTRS)), np.uint64)
        orth, lower, lemmas, pos, tag, dep = values[:, :6].T
        # HEAD is the offset of the head in its paragraph, stored unsigned: as int64 it is signed
        # again, and the head is in the same paragraph.
        head = np.arange(len(values)) + values[:, 6].astype(np.int64)
        self.space, self.pos = values[:, 7].astype(bool), pos
        strings = docs[0].vocab.strings if docs else None
        self.cues: list[int] = []
        verbs = np.flatnonzero((pos == _VERB_ID) | (pos == _AUX_ID)).tolist()
        for i, lemma_id in zip(verbs, lemmas[verbs].tolist(), strict=True):
            known = lemma_memo.get(lemma_id)
            if known is None:
                lemma = strings[lemma_id].lower()
                known = lemma_memo[lemma_id] = lemma in cues or lemma in PHRASAL_CUES
            if known:
                self.cues.append(i)
        self.according = np.flatnonzero(lower == _ACCORDING_ID).tolist()
        self.colons = np.flatnonzero(orth == _COLON_ID).tolist()
        self.participles = np.flatnonzero((tag == _VBG_ID) & (dep == _ADVCL_ID)).tolist()
        subjects = np.flatnonzero((dep == _NSUBJ_ID) & (dep[head] == _ROOT_ID))
        self.subjects, self.subject_heads = subjects.tolist(), head[subjects].tolist()

    def docs(self) -> list[_DocScan]:
        """The scan of each paragraph, in order."""
        return [_DocScan(self, base) for base in self.bases]


class _DocScan:
    """The :class:`_ArticleScan` lists of one paragraph, as token indices of its doc."""

    __slots__ = ("article", "base")

    def __init__(self, article: _ArticleScan, base: int):
        self.article, self.base = article, base

    def find(self, indices: list[int], start: int, end: int) -> list[int]:
        """The tokens of ``indices`` (an :class:`_ArticleScan` list) from ``start`` to ``end``."""
        base = self.base
        lo, hi = _bounds(indices, base + start, base + end)
        return [i - base for i in indices[lo:hi]]

    def subjects(self, start: int, end: int) -> list[tuple[int, int]]:
        """``(subject, head)`` of the ``nsubj`` tokens from ``start`` to ``end`` whose head is a
        ``ROOT``."""
        base, article = self.base, self.article
        lo, hi = _bounds(article.subjects, base + start, base + end)
        return [
            (article.subjects[k] - base, article.subject_heads[k] - base) for k in range(lo, hi)
        ]

    def is_space(self, i: int) -> bool:
        return bool(self.article.space[self.base + i])

    def is_propn(self, i: int) -> bool:
        return self.article.pos[self.base + i] == _PROPN_ID


def _bounds(indices: list[int], start: int, end: int) -> tuple[int, int]:
    """Where the sorted ``indices`` from ``start`` up to ``end`` (excluded) are in the list."""
    return bisect_left(indices, start), bisect_left(indices, end)


def _within(indices: list[int], sent: Span) -> list[int]:
    """The sorted ``indices`` that lie in ``sent``."""
    lo, hi = _bounds(indices, sent.start, sent.end)
    return indices[lo:hi]


def _sentence(state, doc_index, offset, sent, ents, text, published, quotes, scan) -> list[tuple]:
    doc = sent.doc

    def char_range(token_range: tuple[int, int]) -> tuple[int, int]:
        return offset + doc[token_range[0]].idx, offset + _end_char(doc, token_range[1])

    def mention_range(head: Token) -> tuple[int, int]:
        tokens = [head] if head.pos_ == "PRON" else _np_tokens(head)
        tokens = [t for t in tokens if not t.is_space] or [head]
        return char_range((tokens[0].i, tokens[-1].i + 1))

    def phrase_range(head: Token) -> tuple[int, int]:
        return char_range(_phrase_tokens(head))

    rows = []
    cues = _PARC_CUE_VERBS if state.parc else CUE_VERBS
    cue_tokens = map(doc.__getitem__, scan.find(scan.article.cues, sent.start, sent.end))
    for cue in [t for t in cue_tokens if _is_cue(t, cues)]:
        relay_of_head = _relay(cue.head)
        if relay_of_head is not None and relay_of_head.i == cue.i:
            continue  # "citing Y" belongs to the cue it hangs from
        subject = _subject(cue, cues)
        if subject is None:
            continue
        medium_phrase, medium = _medium(cue, state, doc_index)
        citing = _relay(cue)
        if citing is not None:
            # "X reports, citing Y, that ...": Y is the source, X the medium it came through.
            relayed_by = _resolve(state, doc_index, subject)
            x0, x1 = mention_range(subject)
            name = relayed_by[0] if relayed_by else text[x0:x1]
            medium = _Medium(name, x0, x1)
            subject = next(c for c in citing.children if c.dep_ == "dobj")
        when = _time_phrase(cue, ents)
        if when is None and medium_phrase is not None:
            when = next(
                (p for p in map(lambda n: _time_phrase(n, ents), medium_phrase.subtree) if p),
                None,
            )
        skip = {p.i for p in (medium_phrase, when.root if when else None) if p is not None}
        content = _content(cue, skip | ({citing.i} if citing is not None else set()))
        if content is not None and citing is not None:
            content = _after_relay(content, citing)
        if content is None and citing is not None:
            content = _content(citing, {subject.i})
        if content is not None:
            content = _before_participle_cue(content, cue, cues, scan)
        if content is None:
            continue
        statement = _trim(text, *char_range(content), quotes, char_range((cue.i, cue.i + 1)))
        if state.parc:
            resolved = _parc_source(state, doc_index, subject, ents)
            if resolved is None or text[slice(*statement)].lower() in _EMPTY_CONTENT:
                continue
            cue_chars = char_range(_cue_span(cue))
            rows.append(
                _row(state, resolved, text, phrase_range(subject), cue_chars, medium, statement)
                + _dating(when, published)
            )
            _remember(state, resolved, subject)
            continue
        for head in _conjuncts(subject):
            resolved = _resolve(state, doc_index, head)
            if resolved is not None:
                cue_chars = char_range(_cue_span(cue))
                rows.append(
                    _row(state, resolved, text, mention_range(head), cue_chars, medium, statement)
                    + _dating(when, published)
                )
    for token in map(doc.__getitem__, scan.find(scan.article.according, sent.start, sent.end)):
        if token.i + 1 >= sent.end:
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] if to.lower_ == "to" else []
        resolved = _resolve(state, doc_index, objects[0]) if objects else None
        if resolved is None and objects and state.parc:
            resolved = _describe(state, doc_index, objects[0], ents)
        if resolved is None:
            continue
        phrase_end = max(t.i for t in objects[0].subtree) + 1
        if token.i - sent.start >= sent.end - phrase_end:
            content = (sent.start, token.i)
        else:
            content = (phrase_end, sent.end)
        c0, c1 = _trim(text, *char_range(content), quotes, char_range((token.i, token.i + 2)))
        while c0 < c1 and text[c0] in ", ":
            c0 += 1
        cue_chars = char_range((token.i, token.i + 2))
        where = phrase_range(objects[0]) if state.parc else mention_range(objects[0])
        rows.append(_row(state, resolved, text, where, cue_chars, None, (c0, c1)) + (None, None))
    if state.parc:
        rows.extend(_colon_rows(state, doc_index, sent, ents, text, char_range, scan))
    _update_salience(state, doc_index, sent, scan)
    return rows


def _colon_rows(state, doc_index, sent, ents, text, char_range, scan) -> list[tuple]:
    """A headline's "Name: words" (a proper name of one to four words opening the sentence)."""
    colons = scan.find(scan.article.colons, sent.start, sent.end)
    if not colons:
        return []
    # The first six tokens that are not white space hold a colon among the first five and the
    # word after it; the statement ends at the last one of the sentence.
    first: list[int] = []
    for i in range(sent.start, sent.end):
        if not scan.is_space(i):
            first.append(i)
            if len(first) == 6:
                break
    colon = next((k for k, i in enumerate(first[:5]) if i in colons), None)
    if not colon or not all(scan.is_propn(i) for i in first[:colon]):
        return []
    if colon + 1 >= len(first):
        return []
    last = sent.end - 1
    while scan.is_space(last):
        last -= 1
    doc = sent.doc
    head = doc[first[colon - 1]]
    resolved = _resolve(state, doc_index, head) or _describe(state, doc_index, head, ents)
    if resolved is None:
        return []
    at = first[colon]
    source = char_range((first[0], head.i + 1))
    statement = char_range((first[colon + 1], last + 1))
    statement = _trim(text, *statement, [], char_range((at, at + 1)))
    cue = char_range((at, at + 1))
    return [_row(state, resolved, text, source, cue, None, statement) + (None, None)]


#: Objects of a cue that say nothing ("said nothing", "said so").
_EMPTY_CONTENT = frozenset({"nothing", "so", "it", "this", "that", "otherwise"})
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True)
class _Medium:
    """The outlet a relayed statement came through: its name and where it is written."""

    name: str
    start: int
    end: int


def _relay(cue: Token) -> Token | None:
    """The "citing Y" participle of a cue ("X reports, citing Y"), if it has an object.

    The parser hangs it from the cue (``advcl``, ``xcomp``) or, when it stands between the cue and
    its clause ("X reports, citing Y, that ..."), from the clause's verb, before that verb.
    """
    candidates = [c for c in cue.children if c.dep_ in {"advcl", "xcomp"}]
    for clause in cue.children:
        if clause.dep_ == "ccomp" and clause.i > cue.i:
            candidates += [c for c in clause.children if c.dep_ == "advcl" and c.i < clause.i]
    for child in candidates:
        if (
            child.tag_ == "VBG"
            and child.lemma_.lower() == "cite"
            and any(c.dep_ == "dobj" for c in child.children)
        ):
            return child
    return None


def _before_participle_cue(
    content: tuple[int, int], cue: Token, cues: frozenset[str], scan: _DocScan
) -> tuple[int, int] | None:
    """``content`` up to a participle cue inside it, which opens the next statement.

    "Akar emphasized that Turkiye supports Azerbaijan, adding that ...": what "emphasized"
    introduces ends before ", adding"; the participle is an attribution of its own.
    """
    start, end = content
    doc = cue.doc
    for token in map(doc.__getitem__, scan.find(scan.article.participles, start + 1, end)):
        if (
            token.head.i != cue.i
            and _is_cue(token, cues)
            and any(c.dep_ == "ccomp" for c in token.children)
        ):
            cut = token.i
            while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1
            return (start, cut) if start < cut else None
    return content


def _after_relay(content: tuple[int, int], citing: Token) -> tuple[int, int] | None:
    """``content`` without a "citing Y" phrase that opens it ("citing Y, that the drills ...")."""
    start, end = content
    relay = list(citing.subtree)
    if not start <= relay[0].i < end:
        return content
    doc = citing.doc
    if any(not doc[i].is_punct for i in range(start, relay[0].i)):
        return content
    return _without_lead(doc, relay[-1].i + 1, end, lambda t: t.is_punct or t.lower_ == "that")


def _phrase_tokens(head: Token) -> tuple[int, int]:
    """Token range of a source mention as PARC writes it: the whole phrase of ``head``, with its
    titles, modifiers and coordinated names ("Both Babangida and Sassou Nguesso")."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    tokens = [t for t in head.subtree if not t.is_space]
    if any(t.i > head.i and t.head.i != head.i and t.dep_ == "ccomp" for t in tokens):
        tokens = [t for t in _np_tokens(head) if not t.is_space]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].lower_ in {"who", "which"}):
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].i, tokens[-1].i + 1


def _parc_source(
    state: _ArticleState, doc_index: int, subject: Token, ents: dict[int, Span]
) -> tuple[str, str, Mention | None] | None:
    """The source of a cue under ``coverage="parc"``: a resolved name, else a description."""
    lower = subject.lower_
    pronoun = subject.pos_ == "PRON"
    unnamed = state.unnamed_person
    if pronoun and lower in _PRONOUNS_OF_PEOPLE and unnamed and unnamed[1] > state.person_at:
        return unnamed[0], "unnamed", None
    if pronoun and lower == "they" and state.group is not None:
        return state.group[0], "group", None
    apposed = [t for c in subject.children if c.dep_ == "appos" for t in c.subtree]
    named_in_apposition = state.mention_in(doc_index, apposed, {"person"}) is not None
    if (
        subject.pos_ == "NOUN"
        and (doc_index, subject.i) not in state.by_token
        and not named_in_apposition
    ):
        # A description ("TRW officials", "an Agriculture Department official") is not the
        # organisation that modifies it; "the minister" may still be a person by title.
        resolved = _resolve(state, doc_index, subject)
        if resolved is not None and resolved[2] is None:
            return resolved
        return _describe(state, doc_index, subject, ents)
    for head in _conjuncts(subject):
        resolved = _resolve(state, doc_index, head)
        if resolved is not None:
            return resolved
    cited = state.cited_person
    if pronoun and lower in _PRONOUNS_OF_PEOPLE and cited is not None:
        return cited[0], cited[1], None
    return _describe(state, doc_index, subject, ents)


def _describe(
    state: _ArticleState, doc_index: int, head: Token, ents: dict[int, Span]
) -> tuple[str, str, Mention | None] | None:
    """A source that resolves to no entity of the article, by what its phrase says it is."""
    lower = head.lower_
    start, end = _phrase_tokens(head)
    phrase = head.doc[start:end].text
    words = {t.lower_ for t in head.subtree}
    if head.pos_ == "PRON":
        if lower == "it":
            found = _last_organisation(state, doc_index, head.i)
            return None if found is None else (found.name, found.kind, found)
        if lower in {"one", "another"}:
            return phrase, "unnamed", None
        if lower in {"others", "some", "many", "most"}:
            return phrase, "group", None
        return None
    if head.pos_ == "PROPN":
        ent = ents.get(head.i)
        if ent is not None and ent.label_ in _NOT_NAMES:
            return None
        kind = "person" if ent is not None and ent.label_ == "PERSON" else "organisation"
        name = " ".join(t.text for t in _np_tokens(head) if t.lower_ not in {"the", "a"})
        return name, kind, None
    if lower in ANONYMOUS_HEADS or words & UNDISCLOSED_WORDS:
        return phrase, "anonymous", None
    determiner = head.doc[start].lower_
    if lower in ORGANISATION_HEADS and determiner in {"the", "this", "its"} and head.tag_ == "NN":
        found = _last_organisation(state, doc_index, head.i)
        return (found.name, found.kind, found) if found else (phrase, "organisation", None)
    if head.tag_ == "NNS" and lower not in REPORT_HEADS:
        return phrase, "group", None
    if head.tag_ == "NNS":
        return phrase, "unnamed", None
    if head.tag_ == "NN" and determiner in _ONE_OF_A_KIND:
        return phrase, "unnamed", None
    if lower in {"one", "another"}:
        return phrase, "unnamed", None
    return None


def _last_organisation(state: _ArticleState, doc_index: int, token: int) -> Mention | None:
    """The organisation the article named last before ``token`` of paragraph ``doc_index``."""
    before = [
        m
        for m in state.mentions
        if m.kind == "organisation" and (m.doc_index, m.token_start) < (doc_index, token)
    ]
    return max(before, key=lambda m: (m.doc_index, m.token_start), default=None)


def _remember(state: _ArticleState, resolved: tuple, subject: Token) -> None:
    """After a ``parc`` row: remember the unnamed person or group cited, for "he" and "they"."""
    name, kind, _ = resolved
    if kind == "unnamed" and subject.lower_ not in REPORT_HEADS and subject.pos_ != "PRON":
        state.unnamed_person = (name, state.sentence)
    elif kind == "group" and subject.pos_ != "PRON":
        state.group = (name, state.sentence)
    elif kind == "person":
        state.person_at = state.sentence
    if subject.pos_ == "PROPN" and (kind == "person" or not _is_organisation_name(name)):
        # A proper name cited as a speaker the tagger took for an organisation ("De Groote")
        # is what a later "he" most likely refers to when no person is known.
        state.cited_person = (name, kind, state.sentence)


def _is_organisation_name(name: str) -> bool:
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & (ORGANISATION_HEADS | COMPANY_WORDS))


def _end_char(doc: Doc, token_end: int) -> int:
    last = doc[token_end - 1]
    return last.idx + len(last)


def _dating(when: Span | None, published: pd.Timestamp) -> tuple[str | None, str | None]:
    if when is None:
        return None, None
    return when.text, resolve_date(when.text, published)


def _row(state, resolved, text, mention, cue, medium, statement) -> tuple:
    name, kind, _ = resolved
    return (
        state.article_id,
        name,
        _KIND_TO_SOURCE[kind],
        state.role_of(name) if kind == "person" else None,
        text[mention[0] : mention[1]],
        *mention,
        text[cue[0] : cue[1]],
        *cue,
        None if medium is None else medium.name,
        None if medium is None else medium.start,
        None if medium is None else medium.end,
        *statement,
        text[statement[0] : statement[1]],
    )


def _update_salience(state: _ArticleState, doc_index: int, sent: Span, scan: _DocScan) -> None:
    """After a sentence: remember the people it names and who or what its main subject is."""
    marked = state.marked.get(doc_index, [])
    for i in _within(marked, sent):
        person = state.by_token[doc_index, i]
        is_person = person.kind == "person"
        if is_person and (not state.seen_people or state.seen_people[-1].name != person.name):
            state.seen_people.append(person)
    subject = None
    candidates = scan.subjects(sent.start, sent.end)
    if candidates:
        root = sent.root.i  # Span.root walks the sentence: only when there is a candidate
        at = next((i for i, head in candidates if head == root), None)
        subject = None if at is None else sent.doc[at]
    state.previous_thing = None
    state.sentence += 1
    resolved = None if subject is None else _resolve(state, doc_index, subject)
    if resolved is None:
        return
    name, kind, mention = resolved
    if kind == "person":
        state.person_at = state.sentence
        state.salient_person = mention or next(
            (p for p in reversed(state.seen_people) if p.name == name), state.salient_person
        )
    else:
        state.previous_thing = mention or next((m for m in state.mentions if m.name == name), None)
