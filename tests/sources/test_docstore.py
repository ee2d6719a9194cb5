"""The compact store of parsed docs gives back exactly what was parsed, in any chunk."""

from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import DocBin

import analysis
from analysis.corpus.loading import load_corpus
from analysis.paths import SEEDS_DIR
from analysis.sources import docstore
from analysis.sources.docstore import DocStore, pack_docs
from analysis.sources.parsing import load_nlp

TEXTS = [
    "Defence Minister Zakir Hasanov said the drills begin in May.",
    "The ministry reported on July 14 that talks went well.",
    "Reuters said prices rose.",
    "Officials in Ankara declined to comment.",
    "The Shusha Declaration on Allied Relations was signed on June 15.",
]


def _annotations(doc):
    return (
        doc.text,
        [
            (t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, str(t.morph), t.is_sent_start)
            for t in doc
        ],
        [(e.start, e.end, e.label_) for e in doc.ents],
    )


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(docstore, "CHUNK", 2)
    monkeypatch.setattr(docstore, "CACHED_CHUNKS", 1)


def test_docs_come_back_with_every_annotation_from_packed_chunks(small_chunks):
    nlp = load_nlp()
    docs = list(nlp.pipe(TEXTS))
    store = DocStore(nlp.vocab)
    for i, doc in enumerate(docs):
        store.append(f"a{i}", 10 * i, doc)
    assert store.stored == 5 and len(store) == 5
    # Read backwards, so every chunk is unpacked again after being evicted.
    for i in reversed(range(5)):
        article_id, start, doc = store[i]
        assert (article_id, start) == (f"a{i}", 10 * i)
        assert _annotations(doc) == _annotations(docs[i])
    assert [a for a, _, _ in store] == ["a0", "a1", "a2", "a3", "a4"]
    assert [a for a, _, _ in store[1:3]] == ["a1", "a2"]


def test_one_doc_appended_twice_is_stored_once_within_a_chunk_again_in_the_next(small_chunks):
    nlp = load_nlp()
    boilerplate, other = nlp(TEXTS[0]), nlp(TEXTS[1])
    store = DocStore(nlp.vocab)
    store.append("a", 0, boilerplate)
    store.append("b", 0, boilerplate)
    assert store.stored == 1
    store.append("b", 70, other)  # fills and packs the chunk of two
    store.append("c", 0, boilerplate)
    assert (len(store), store.stored) == (4, 3)
    assert store[3][2].text == store[0][2].text == TEXTS[0]


@pytest.mark.parametrize("index", [4, -5])
def test_an_index_out_of_range_is_an_index_error(index):
    nlp = load_nlp()
    store = DocStore(nlp.vocab)
    for i, text in enumerate(TEXTS[:4]):
        store.append("a", i, nlp(text))
    with pytest.raises(IndexError, match=r"DocStore index .* out of range \(0\.\.3\)"):
        store[index]


def test_sources_and_entities_are_the_same_with_chunks_of_two(monkeypatch):
    seeds = load_corpus(SEEDS_DIR)
    reused = analysis.reused_spans(seeds, analysis.find_reuse(seeds))

    def tables():
        parsed = analysis.parse_corpus(seeds)
        return (
            analysis.extract_sources(seeds, parsed, reused=reused),
            analysis.extract_entities(parsed),
        )

    sources, entities = tables()
    monkeypatch.setattr(docstore, "CHUNK", 2)
    monkeypatch.setattr(docstore, "CACHED_CHUNKS", 1)
    small_sources, small_entities = tables()
    pd.testing.assert_frame_equal(small_sources, sources)
    pd.testing.assert_frame_equal(small_entities, entities)
    assert len(sources) == 17


def test_packed_docs_keep_user_data_only_when_a_doc_has_some():
    nlp = load_nlp()
    plain = [nlp("Reuters said so."), nlp("It rained on Tuesday.")]
    blob = pack_docs(plain)
    bare = DocBin().from_bytes(blob)
    assert bare.user_data == [None, None]
    back = list(bare.get_docs(nlp.vocab))
    assert [d.to_json() for d in back] == [d.to_json() for d in plain]
    assert [d.user_data for d in back] == [{}, {}]
    marked = [nlp("Reuters said so."), nlp("It rained.")]
    marked[1].user_data["origin"] = "wire"
    back = list(DocBin().from_bytes(pack_docs(marked)).get_docs(nlp.vocab))
    assert [d.user_data for d in back] == [{}, {"origin": "wire"}]
    assert list(DocBin().from_bytes(pack_docs([])).get_docs(nlp.vocab)) == []
