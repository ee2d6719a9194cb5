"""The parsed paragraphs of a corpus, kept compact: spaCy ``Doc`` objects serialized in chunks.

Design
------
A parsed ``Doc`` of the small English pipeline costs about 1.4 KB per token in memory (its token
structs, the 96-float tensor of the shared encoder, Python objects); all of Reuters-21578 (3.3
million tokens) would hold about 4.7 GB. Serialized by ``spacy.tokens.DocBin`` with the
annotations the analyses read (text, tags, part of speech, morphology, lemmas, dependencies,
sentence starts, entities) it costs about 10 bytes per token. :class:`DocStore` appends the docs
of a corpus as they are parsed, packs every :data:`CHUNK` distinct docs into one ``DocBin``, and
gives them back by index, unpacking a chunk on first use and keeping the last few unpacked
(:data:`CACHED_CHUNKS`): the analyses read the docs article by article, in the order they were
parsed, so a chunk is unpacked about once. A paragraph recycled word for word is stored once
(:func:`analysis.sources.parsing.parse_paragraphs` gives its copies one ``Doc``).

What is not kept: the encoder's tensor (no analysis reads vectors) and extension attributes.

:func:`pack_docs` is the one way docs travel as bytes elsewhere (from parse workers, Dask workers
and the parse cache): the same annotations, and the docs' ``user_data`` only when one of them has
some. spaCy reads a doc's stored user data with srsly's msgpack, whose decoder registry scans the
installed packages' entry points on every call: about 2 ms a doc in a JupyterLab environment, an
empty dict read 5,000 times a second of it for 1,000 Reuters stories. The pipeline sets no user
data, so none is stored and none is read; a pipeline that does keep it keeps it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

__all__ = ["ATTRS", "CACHED_CHUNKS", "CHUNK", "DocStore", "pack_docs"]

#: The token annotations kept (all that the analyses read).
ATTRS = (
    "ORTH",
    "NORM",
    "TAG",
    "POS",
    "MORPH",
    "LEMMA",
    "HEAD",
    "DEP",
    "SENT_START",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "ENT_ID",
)
#: Distinct docs per serialized chunk.
CHUNK = 256
#: Unpacked chunks kept in memory at once.
CACHED_CHUNKS = 2


def pack_docs(docs: Iterable[Doc]) -> bytes:
    """``docs`` as the bytes of one ``DocBin`` of :data:`ATTRS`, with user data if any doc has some.

    ``DocBin().from_bytes(...).get_docs(vocab)`` gives them back.

    Examples
    --------
    >>> from analysis.sources.parsing import load_nlp
    >>> nlp = load_nlp()
    >>> docs = [nlp("Reuters said so."), nlp("It rained.")]
    >>> back = list(DocBin().from_bytes(pack_docs(docs)).get_docs(nlp.vocab))
    >>> [(d.text, [t.lemma_ for t in d], d.user_data) for d in back][0]
    ('Reuters said so.', ['Reuters', 'say', 'so', '.'], {})
    """
    docs = list(docs)
    packed = DocBin(attrs=list(ATTRS), store_user_data=any(doc.user_data for doc in docs))
    for doc in docs:
        packed.add(doc)
    return packed.to_bytes()


class DocStore(Sequence):
    """A sequence of ``(article_id, paragraph_start, doc)``, the docs kept serialized.

    Examples
    --------
    >>> from analysis.sources.parsing import load_nlp
    >>> nlp = load_nlp()
    >>> store = DocStore(nlp.vocab)
    >>> first = nlp("Reuters said the talks resumed.")
    >>> store.append("a", 0, first)
    >>> store.append("b", 40, first)  # the same paragraph in another article: stored once
    >>> len(store), store.stored
    (2, 1)
    >>> article_id, start, doc = store[1]
    >>> article_id, start, [(t.text, t.dep_) for t in doc][:2], [e.text for e in doc.ents]
    ('b', 40, [('Reuters', 'nsubj'), ('said', 'ROOT')], ['Reuters'])
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.article_ids: list[str] = []
        self.starts: list[int] = []
        self._slots: list[int] = []
        self._slot_of: dict[int, int] = {}  # id() of a doc being appended -> its slot
        self._open: list[Doc] = []  # the chunk being filled, as live docs
        self._packed: list[bytes] = []
        self._cache: OrderedDict[int, list[Doc]] = OrderedDict()

    def append(self, article_id: str, start: int, doc: Doc) -> None:
        """Add one paragraph's doc; the same ``Doc`` object appended again is stored once."""
        slot = self._slot_of.get(id(doc))
        if slot is None:  # ids are only kept while their docs are alive in the open chunk
            slot = len(self._packed) * CHUNK + len(self._open)
            self._open.append(doc)
            self._slot_of[id(doc)] = slot
            if len(self._open) == CHUNK:
                self._pack()
        self.article_ids.append(article_id)
        self.starts.append(int(start))
        self._slots.append(slot)

    @property
    def stored(self) -> int:
        """How many distinct docs are stored."""
        return len(self._packed) * CHUNK + len(self._open)

    def _pack(self) -> None:
        docs = DocBin(attrs=list(ATTRS), store_user_data=False)
        for doc in self._open:
            docs.add(doc)
        self._packed.append(docs.to_bytes())
        chunk = len(self._packed) - 1
        self._cache[chunk] = self._open  # the live docs serve until evicted
        self._trim()
        self._open = []
        # ids of packed docs may be reused by new objects once they are freed: forget them.
        self._slot_of = {}

    def _trim(self) -> None:
        while len(self._cache) > CACHED_CHUNKS:
            self._cache.popitem(last=False)

    def _doc(self, slot: int) -> Doc:
        chunk, index = divmod(slot, CHUNK)
        if chunk == len(self._packed):
            return self._open[index]
        docs = self._cache.get(chunk)
        if docs is None:
            docs = list(DocBin().from_bytes(self._packed[chunk]).get_docs(self.vocab))
            self._cache[chunk] = docs
            self._trim()
        else:
            self._cache.move_to_end(chunk)
        return docs[index]

    def __len__(self) -> int:
        return len(self._slots)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"DocStore index {i} out of range (0..{len(self) - 1})")
        return self.article_ids[i], self.starts[i], self._doc(self._slots[i])

    def __iter__(self) -> Iterator[tuple[str, int, Doc]]:
        for i in range(len(self)):
            yield self[i]
