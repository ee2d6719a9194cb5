"""The model's attribute ruler, indexed: the same annotations as spaCy's, in a fraction of the time.

Design
------
``en_core_web_sm`` maps each fine tag to a part of speech and a morphology with an
``attribute_ruler``: a ``Matcher`` of 179 one- and two-token patterns (one per tag, then
exceptions by word and dependency, "n't", "whose", "there is"), each tried at every token. It
took 13-16% of the parse (``BENCHMARKS.md``, section 4). :class:`IndexedAttributeRuler` takes
the patterns, normalized attributes and target indices of the model's own ruler and sets what it
sets, bit for bit (the tests compare every token of the seeds and of written news paragraphs, the
benchmark all of Reuters-21578):

- a pattern's token conditions read four token attributes (:data:`PATTERN_ATTRS`: ``LOWER``,
  ``TAG``, ``DEP``, ``IS_SPACE``; equality, ``IN``, ``NOT_IN`` and ``REGEX``), so which
  one-token patterns hold at a token depends on those four values alone: that answer is computed
  once per distinct tuple of values and cached, with the attributes the patterns set there merged
  in pattern order (the matcher's rule: a later pattern wins);
- on a new tuple only the patterns indexed under its tag or its word are tried (a pattern with
  neither condition is tried everywhere);
- a two-token pattern is looked for only where its first token's condition holds;
- as in spaCy, every condition is read before any attribute is set.

A model whose ruler uses anything else (an operator, another attribute, three tokens) keeps
spaCy's ruler: :func:`index_attribute_ruler` lets :class:`UnsupportedPattern` through, and
:func:`analysis.sources.parsing.load_nlp` then leaves the pipeline as it is.

:class:`CachedLemmatizer` does the same for the rule ``lemmatizer`` (9% of the parse). Two
things made spaCy's slow: its table of known words per part of speech (``lemma_index``) is a
list, so each candidate form of a new word is looked for in up to 57,528 nouns one by one (about
2 ms a word); and it caches a lemma only when the rules ran, so every base form, proper noun,
number and punctuation mark goes through ``is_base_form`` and its morphology dictionary again.
:class:`CachedLemmatizer` asks a shallow copy of the model's lemmatizer whose word lists are
frozensets (its rules read them only by membership, so each answer is the same) and keeps every
answer under the token's word, part of speech and morphology, the three values a rule or lookup
lemma depends on; it reads and writes a doc's columns with ``to_array``/``from_array``. A lemma
the attribute ruler set stays unless the lemmatizer overwrites; a lemmatizer of another mode keeps
spaCy's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = [
    "CACHED_MODES",
    "PATTERN_ATTRS",
    "CachedLemmatizer",
    "IndexedAttributeRuler",
    "UnsupportedPattern",
    "cache_lemmatizer",
    "index_attribute_ruler",
]

#: The token attributes a pattern may test, in the column order of ``Doc.to_array``.
PATTERN_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_COLUMNS = [LOWER, TAG, DEP, IS_SPACE]
#: Distinct cached keys before a cache starts again (bounds memory on a very large corpus).
CACHE_LIMIT = 500_000
#: Lemmatizer modes whose lemma is a function of the token's word, part of speech and morphology.
CACHED_MODES = frozenset({"rule", "lookup"})
_LEMMA_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class UnsupportedPattern(ValueError):
    """An attribute-ruler pattern uses a condition :class:`IndexedAttributeRuler` does not read."""


def _condition(vocab, attr: str, value) -> Callable[[int], bool]:
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE must be true or false, got {value!r}")
        wanted = int(value)
        return lambda v: v == wanted
    if isinstance(value, str):
        wanted = vocab.strings.add(value)
        return lambda v: v == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((op, values),) = value.items()
        if op in ("IN", "NOT_IN") and all(isinstance(x, str) for x in values):
            hashes = frozenset(vocab.strings.add(x) for x in values)
            if op == "IN":
                return hashes.__contains__
            return lambda v: v not in hashes
        if op == "REGEX" and isinstance(values, str):
            search = re.compile(values).search
            strings = vocab.strings
            return lambda v: search(strings[v]) is not None
    raise UnsupportedPattern(f"{attr}: {value!r} is not an equality, IN, NOT_IN or REGEX")


def _keys(vocab, spec: dict, attr: str) -> frozenset[int] | None:
    """The values of ``attr`` a token must have to pass ``spec`` (None: any value may pass)."""
    value = spec.get(attr)
    if isinstance(value, str):
        return frozenset([vocab.strings.add(value)])
    if isinstance(value, dict) and list(value) == ["IN"]:
        return frozenset(vocab.strings.add(x) for x in value["IN"])
    return None


def _token_test(vocab, spec: dict) -> Callable[[tuple], bool]:
    tests = []
    for attr, value in spec.items():
        if attr not in PATTERN_ATTRS:
            raise UnsupportedPattern(f"token condition on {attr!r} (reads only {PATTERN_ATTRS})")
        tests.append((PATTERN_ATTRS.index(attr), _condition(vocab, attr, value)))
    return lambda row: all(test(row[col]) for col, test in tests)


class IndexedAttributeRuler:
    """An ``attribute_ruler`` that sets what the given spaCy ruler sets, indexed by token values.

    Parameters
    ----------
    ruler : spacy.pipeline.AttributeRuler
        The model's ruler; its patterns, normalized attributes and indices are taken as they are.

    Raises
    ------
    UnsupportedPattern
        If a pattern has an operator, tests another attribute than :data:`PATTERN_ATTRS`, or has
        more than two tokens.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("attribute_ruler")
    >>> ruler.add([[{"LOWER": "us"}]], {"POS": "PROPN"})
    >>> ruler.add([[{"LOWER": "us", "IS_SPACE": False}]], {"POS": "PRON"})
    >>> indexed = IndexedAttributeRuler(ruler)
    >>> [t.pos_ for t in indexed(nlp.make_doc("Tell us now"))]
    ['', 'PRON', '']
    """

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        # One-token patterns by a value their token must have: its TAG, else its LOWER, else any.
        self._by_tag: dict[int, list[tuple[int, Callable]]] = {}
        self._by_lower: dict[int, list[tuple[int, Callable]]] = {}
        self._any: list[tuple[int, Callable]] = []
        # (pattern id, length, index, tests); the first test also sits in _firsts
        self._multi: list[tuple[int, int, int, list[Callable]]] = []
        for pattern_id in range(len(self.attrs)):
            _, alternatives = ruler.matcher.get(str(pattern_id))
            for tokens in alternatives:
                tests = [_token_test(self.vocab, spec) for spec in tokens]
                if len(tokens) == 1:
                    self._index(tokens[0], (pattern_id, tests[0]))
                elif len(tokens) == 2:
                    self._multi.append((pattern_id, 2, self.indices[pattern_id], tests))
                else:
                    raise UnsupportedPattern(f"pattern {pattern_id} has {len(tokens)} tokens")
        self._rows: dict[tuple, tuple[tuple[int, ...], int]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _index(self, spec: dict, entry: tuple[int, Callable]) -> None:
        for attr, index in (("TAG", self._by_tag), ("LOWER", self._by_lower)):
            keys = _keys(self.vocab, spec, attr)
            if keys is not None:
                for key in keys:
                    index.setdefault(key, []).append(entry)
                return
        self._any.append(entry)

    def _row(self, row: tuple) -> tuple[tuple[int, ...], int]:
        """The one-token patterns that hold at ``row`` and a bit mask of the two-token tests."""
        found = self._rows.get(row)
        if found is None:
            lower, tag = row[0], row[1]
            candidates = [*self._by_tag.get(tag, ()), *self._by_lower.get(lower, ()), *self._any]
            ids = tuple(sorted({pid for pid, test in candidates if test(row)}))
            mask = 0
            for bit, (_, _, _, tests) in enumerate(self._multi):
                if tests[0](row):
                    mask |= 1 << bit
            found = (ids, mask)
            if len(self._rows) >= CACHE_LIMIT:
                self._rows.clear()
            self._rows[row] = found
        return found

    def _attrs_of(self, ids: tuple[int, ...]) -> dict:
        merged = self._merged.get(ids)
        if merged is None:
            merged = {}
            for pattern_id in ids:
                merged.update(self.attrs[pattern_id])
            if len(self._merged) >= CACHE_LIMIT:
                self._merged.clear()
            self._merged[ids] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        rows = [tuple(r) for r in doc.to_array(_COLUMNS).tolist()]
        found = [self._row(row) for row in rows]
        targets: list[list[int]] = [list(ids) for ids, _ in found]
        extra = False
        for bit, (pattern_id, length, index, tests) in enumerate(self._multi):
            for start, (_, mask) in enumerate(found):
                if not mask >> bit & 1 or start + length > len(rows):
                    continue
                if all(tests[k](rows[start + k]) for k in range(1, length)):
                    target = start + (index if index >= 0 else length + index)
                    targets[target].append(pattern_id)
                    extra = True
        for i, ids in enumerate(targets):
            if extra:
                ids = sorted(set(ids))
            if ids:
                set_token_attrs(doc[i], self._attrs_of(tuple(ids)))
        return doc


@Language.factory("indexed_attribute_ruler", default_config={"wraps": "attribute_ruler"})
def make_indexed_attribute_ruler(nlp: Language, name: str, wraps: str) -> IndexedAttributeRuler:
    """Factory: an :class:`IndexedAttributeRuler` of the pipeline's ruler named ``wraps``."""
    return IndexedAttributeRuler(nlp.get_pipe(wraps))


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> Language:
    """Put an :class:`IndexedAttributeRuler` in place of the pipeline's ruler, under its name.

    Parameters
    ----------
    nlp : spacy.language.Language
        A pipeline with an attribute ruler called ``name``; changed in place.
    name : str
        The ruler's name in the pipeline.

    Returns
    -------
    spacy.language.Language
        ``nlp``, its pipe names unchanged.

    Raises
    ------
    UnsupportedPattern
        If the ruler has a pattern :class:`IndexedAttributeRuler` does not read (``nlp`` is then
        left as it was).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("attribute_ruler").add([[{"LOWER": "said"}]], {"POS": "VERB"})
    >>> type(index_attribute_ruler(nlp).get_pipe("attribute_ruler")).__name__, nlp.pipe_names
    ('IndexedAttributeRuler', ['attribute_ruler'])
    >>> [t.pos_ for t in nlp("He said")]
    ['', 'VERB']
    """
    return _wrap_pipe(nlp, name, "indexed_attribute_ruler")


class CachedLemmatizer:
    """A lemmatizer that sets what the given spaCy lemmatizer sets, cached by token values.

    Parameters
    ----------
    lemmatizer : spacy.pipeline.Lemmatizer
        The model's lemmatizer, in a mode of :data:`CACHED_MODES`; it lemmatizes each new
        (word, part of speech, morphology) once.

    Raises
    ------
    ValueError
        If the lemmatizer's mode is not in :data:`CACHED_MODES` (its lemma may read more than
        those three values).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    >>> table = lookup.lookups.add_table("lemma_lookup", {"said": "say"})
    >>> [t.lemma_ for t in CachedLemmatizer(lookup)(nlp.make_doc("She said, he said"))]
    ['She', 'say', ',', 'he', 'say']
    """

    def __init__(self, lemmatizer: Lemmatizer):
        if lemmatizer.mode not in CACHED_MODES:
            raise ValueError(
                f"lemmatizer mode {lemmatizer.mode!r} is not one of {sorted(CACHED_MODES)}"
            )
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.overwrite = lemmatizer.overwrite
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._asked = _with_index_sets(lemmatizer)
        # Bound to the copy: the model's own ``lemmatize`` reads the original lists.
        self._lemmatize = getattr(self._asked, f"{lemmatizer.mode}_lemmatize")

    def __call__(self, doc: Doc) -> Doc:
        columns = doc.to_array(_LEMMA_COLUMNS)
        lemmas = columns[:, 3].copy()
        lemmatize = self._lemmatize
        strings = self.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = strings.add(lemmatize(doc[i])[0])
                if len(self._lemmas) >= CACHE_LIMIT:
                    self._lemmas.clear()
                    self._asked.cache.clear()
                self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(np.uint64, copy=False))
        return doc


def _with_index_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A shallow copy of ``lemmatizer`` whose ``lemma_index`` word lists are frozensets."""
    asked = copy.copy(lemmatizer)
    asked.cache = {}
    if lemmatizer.lookups.has_table("lemma_index"):
        lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            kept = lookups.add_table(name)
            for key, value in table.items():
                kept[key] = frozenset(value) if name == "lemma_index" else value
        asked.lookups = lookups
    return asked


@Language.factory("cached_lemmatizer", default_config={"wraps": "lemmatizer"})
def make_cached_lemmatizer(nlp: Language, name: str, wraps: str) -> CachedLemmatizer:
    """Factory: a :class:`CachedLemmatizer` of the pipeline's lemmatizer named ``wraps``."""
    return CachedLemmatizer(nlp.get_pipe(wraps))


def cache_lemmatizer(nlp: Language, name: str = "lemmatizer") -> Language:
    """Put a :class:`CachedLemmatizer` in place of the pipeline's lemmatizer, under its name.

    Parameters
    ----------
    nlp : spacy.language.Language
        A pipeline with a lemmatizer called ``name``; changed in place.
    name : str
        The lemmatizer's name in the pipeline.

    Returns
    -------
    spacy.language.Language
        ``nlp``, its pipe names unchanged.

    Raises
    ------
    ValueError
        If the lemmatizer's mode is not in :data:`CACHED_MODES` (``nlp`` is then left as it was).

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    >>> table = lookup.lookups.add_table("lemma_lookup", {})
    >>> type(cache_lemmatizer(nlp).get_pipe("lemmatizer")).__name__, nlp.pipe_names
    ('CachedLemmatizer', ['lemmatizer'])
    """
    return _wrap_pipe(nlp, name, "cached_lemmatizer")


def _wrap_pipe(nlp: Language, name: str, factory: str) -> Language:
    """Put the component ``factory`` makes of the pipe ``name`` in its place, under its name (if
    the factory raises, ``nlp`` is left as it was)."""
    staged = f"{name}_{factory}"
    nlp.add_pipe(factory, name=staged, after=name, config={"wraps": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(staged, name)
    return nlp
