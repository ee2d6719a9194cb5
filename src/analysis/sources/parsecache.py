"""A parse cache on disk: each distinct paragraph parsed once, across runs, reports and notebooks.

Design
------
The spaCy parse is most of the time of the sources step (about four fifths of the report on a
news corpus), and a researcher runs it again and again on the same paragraphs: the report and then
notebook 04 on the same corpus (``make report``), the notebook re-run after an edit, a corpus grown
by a hundred articles. :class:`ParseCache` keeps the annotations of every paragraph it has been
given, keyed by the paragraph's text, so a parse asks spaCy only for the texts it has not seen.

* **What a cached doc is.** The same ``DocBin`` record the parse's worker processes send back
  (:data:`analysis.sources.docstore.ATTRS`, no tensor): a doc read from the cache carries exactly
  the annotations of a fresh parse, and every table built from it is the same (tested frame for
  frame).
* **When it is valid.** A parse depends on the paragraph text and on the pipeline alone. The
  pipeline is named by a fingerprint (:func:`pipeline_fingerprint`: spaCy's version, the model's
  name and version, its configuration, the components in order, the entity ruler's patterns and
  the annotations kept); the cache keeps one subfolder per fingerprint, so another model, spaCy
  release or lexicon never reads annotations made by the old one, and nothing has to be
  invalidated by hand.
* **Layout.** ``<folder>/<fingerprint>/<name>.spacy`` holds up to :data:`CHUNK` docs and
  ``<name>.keys`` the BLAKE2 digests of their texts, one per line, in the same order. A chunk's
  name is the digest of its keys (content-addressed), both files are written beside their place
  and renamed into it, the keys last, and a chunk counts only once its keys are there: two runs
  writing at once, or a run killed half-way, leave a cache that still reads correctly.
* **Reading.** Opening the cache reads the keys only (16 bytes a paragraph); a chunk's docs are
  unpacked when a paragraph of it is first asked for, and the last few are kept unpacked
  (the report and the notebooks ask in paragraph order, so a chunk is unpacked about once).
  A chunk that cannot be read is an error that names its file and says how to rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from analysis.files import write_atomic
from analysis.sources.docstore import ATTRS, pack_docs

__all__ = ["CHUNK", "FORMAT", "ParseCache", "ParseCacheError", "pipeline_fingerprint"]

#: Docs per chunk file.
CHUNK = 512
#: Version of the layout; a new layout is a new fingerprint.
FORMAT = 1
#: Unpacked chunks kept in memory at once.
_UNPACKED = 2


class ParseCacheError(RuntimeError):
    """A cache file that cannot be read."""


def pipeline_fingerprint(nlp: Language) -> str:
    """A short digest that changes whenever the pipeline could annotate a text differently.

    Examples
    --------
    >>> from analysis.sources.parsing import load_nlp
    >>> fingerprint = pipeline_fingerprint(load_nlp())
    >>> len(fingerprint), fingerprint == pipeline_fingerprint(load_nlp())
    (16, True)
    """
    ruler = nlp.get_pipe("entity_ruler") if "entity_ruler" in nlp.pipe_names else None
    described = {
        "format": FORMAT,
        "spacy": spacy.__version__,
        "model": [nlp.meta.get("name"), nlp.meta.get("version")],
        "config": nlp.config.to_str(),
        "pipes": nlp.pipe_names,
        "patterns": ruler.patterns if ruler is not None else [],
        "attrs": list(ATTRS),
    }
    text = json.dumps(described, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.blake2b(text.encode("ascii"), digest_size=8).hexdigest()


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class ParseCache:
    """The parsed paragraphs kept in ``folder`` for the pipeline ``nlp`` (see the module doc).

    Parameters
    ----------
    folder : path
        The cache's folder (created when the first chunk is written). One folder serves every
        corpus and every pipeline.
    nlp : spacy.language.Language
        The pipeline whose parses are kept (its fingerprint names the subfolder).

    Raises
    ------
    ParseCacheError
        If ``folder`` exists and is not a folder, or a keys file is unreadable.

    Examples
    --------
    >>> import tempfile
    >>> from analysis.sources.parsing import load_nlp
    >>> nlp = load_nlp()
    >>> folder = tempfile.mkdtemp()
    >>> cache = ParseCache(folder, nlp)
    >>> text = "Reuters said the talks resumed."
    >>> text in cache
    False
    >>> cache.add([nlp(text)])
    >>> again = ParseCache(folder, nlp)  # another run, another process
    >>> text in again, len(again)
    (True, 1)
    >>> [(t.text, t.dep_) for t in again.get(text)][:2], [e.text for e in again.get(text).ents]
    ([('Reuters', 'nsubj'), ('said', 'ROOT')], ['Reuters'])
    """

    def __init__(self, folder: str | os.PathLike, nlp: Language):
        root = Path(folder)
        if root.exists() and not root.is_dir():
            raise ParseCacheError(f"the parse cache {root} is not a folder")
        self.folder = root / pipeline_fingerprint(nlp)
        self.vocab = nlp.vocab
        self._where: dict[bytes, tuple[Path, int]] = {}
        self._unpacked: OrderedDict[Path, list[Doc]] = OrderedDict()
        if self.folder.is_dir():
            for keys_file in sorted(self.folder.glob("*.keys")):
                self._index(keys_file)

    def _index(self, keys_file: Path) -> None:
        try:
            lines = keys_file.read_text(encoding="ascii").split()
            keys = [bytes.fromhex(line) for line in lines]
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ParseCacheError(
                f"{keys_file}: expected one hexadecimal text digest per line ({exc}); delete "
                f"{self.folder} to rebuild the cache"
            ) from exc
        chunk = keys_file.with_suffix(".spacy")
        for i, key in enumerate(keys):
            self._where.setdefault(key, (chunk, i))

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and _key(text) in self._where

    def get(self, text: str) -> Doc:
        """The cached doc of ``text``.

        Raises
        ------
        KeyError
            If ``text`` is not in the cache.
        ParseCacheError
            If its chunk file is missing, unreadable, or does not match its keys.
        """
        chunk, index = self._where[_key(text)]
        docs = self._unpacked.get(chunk)
        if docs is None:
            docs = self._unpack(chunk)
            self._unpacked[chunk] = docs
            while len(self._unpacked) > _UNPACKED:
                self._unpacked.popitem(last=False)
        else:
            self._unpacked.move_to_end(chunk)
        doc = docs[index]
        if doc.text != text:
            raise ParseCacheError(
                f"{chunk}: doc {index} is not the text its keys name; delete {self.folder} to "
                "rebuild the cache"
            )
        return doc

    def _unpack(self, chunk: Path) -> list[Doc]:
        try:
            return list(DocBin().from_bytes(chunk.read_bytes()).get_docs(self.vocab))
        except Exception as exc:  # a truncated or foreign file fails inside spaCy in many ways
            raise ParseCacheError(
                f"{chunk}: expected a spaCy DocBin of parsed paragraphs ({type(exc).__name__}: "
                f"{exc}); delete {self.folder} to rebuild the cache"
            ) from exc

    def add(self, docs: Iterable[Doc]) -> None:
        """Keep ``docs`` (their texts not yet cached), :data:`CHUNK` to a file."""
        batch: dict[bytes, Doc] = {}
        for doc in docs:
            key = _key(doc.text)
            if key in self._where or key in batch:
                continue
            batch[key] = doc
            if len(batch) == CHUNK:
                self._write(list(batch), list(batch.values()))
                batch = {}
        if batch:
            self._write(list(batch), list(batch.values()))

    def _write(self, keys: list[bytes], docs: list[Doc]) -> None:
        name = hashlib.blake2b(b"".join(keys), digest_size=12).hexdigest()
        chunk = self.folder / f"{name}.spacy"
        keys_file = chunk.with_suffix(".keys")
        write_atomic(chunk, pack_docs(docs))
        write_atomic(keys_file, "".join(key.hex() + "\n" for key in keys).encode("ascii"))
        for i, key in enumerate(keys):
            self._where.setdefault(key, (chunk, i))
