"""The fast paths of source extraction: the token scans, the quotation scan, the shared-name
tuples and the place repair read during the parse, each against what it stands for."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from analysis import extract_entities, load_corpus, parse_corpus
from analysis.sources.attributions import (
    _PARC_CUE_VERBS,
    CUE_VERBS,
    PHRASAL_CUES,
    _ArticleScan,
    _quote_spans,
)
from analysis.sources.overlap import _Runs
from analysis.sources.parsing import load_nlp

QUOTES = '"“”'


def quote_spans_by_character(text):
    """The quotation scan read one character at a time: what ``_quote_spans`` must find."""
    spans, open_at = [], None
    for i, ch in enumerate(text):
        if ch in QUOTES:
            if open_at is None:
                open_at = i + 1
                continue
            paragraph_break = text.rfind("\n\n", open_at, i)
            if paragraph_break < 0 or text[paragraph_break + 2 : i].strip() != "":
                spans.append((open_at, i))
                open_at = None
        elif text.startswith("\n\n", i) and open_at is not None:
            rest = text[i + 2 :].lstrip()
            if not rest or rest[0] not in QUOTES:
                open_at = None
    return spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("No quotation here.\n\nNor here.", []),
        ('He said "we stay" and "we go".', [(9, 16), (23, 28)]),
        # A quotation continued: the next paragraph opens with a quote mark.
        ('"We stay.\n\n"We go," he said.', [(1, 18)]),
        # Not continued: the next paragraph opens with a word, the mark opens a new quotation.
        ('"We stay.\n\nHe said "no".', [(20, 22)]),
        # White space and a third newline before the re-opening mark.
        ("“One.\n\n\n  ”Two” end", [(1, 14)]),
        ('An open "quote at the end', []),
    ],
)
def test_quote_spans(text, expected):
    assert _quote_spans(text) == expected
    assert quote_spans_by_character(text) == expected


def test_quote_spans_as_read_by_character_on_random_texts():
    rng = random.Random(11)
    alphabet = ['"', "“", "”", "\n", "\n", " ", "\t", "a", "b", "\u00a0"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert _quote_spans(text) == quote_spans_by_character(text), repr(text)


def test_quote_spans_bad_input():
    with pytest.raises(TypeError):
        _quote_spans(None)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_article_scan_lists_in_a_two_paragraph_article(nlp):
    first = nlp("Officials said, according to Reuters: yes.")
    second = nlp("The minister travelled to Gabala, adding that talks went well.")
    scan = _ArticleScan([first, second], CUE_VERBS, {})
    assert scan.bases == [0, 9]
    assert scan.according == [3]
    assert scan.colons == [6]
    assert scan.cues == [1, 9 + 6]  # "said", "adding"
    assert scan.participles == [9 + 6]
    assert list(zip(scan.subjects, scan.subject_heads, strict=True)) == [(0, 1), (9 + 1, 9 + 2)]
    one, two = scan.docs()
    assert one.find(scan.cues, 0, len(first)) == [1]
    assert one.find(scan.cues, 2, len(first)) == []
    assert two.find(scan.cues, 0, len(second)) == [6]
    assert two.find(scan.colons, 0, len(second)) == []
    assert two.subjects(0, len(second)) == [(1, 2)]
    assert [one.is_space(i) for i in range(3)] == [False, False, False]
    assert one.is_propn(5) and not one.is_propn(4)


def test_article_scan_without_paragraphs():
    scan = _ArticleScan([], CUE_VERBS, {})
    assert (scan.bases, scan.cues, scan.according, scan.colons, scan.subjects) == (
        [],
        [],
        [],
        [],
        [],
    )
    assert scan.docs() == []


@pytest.mark.parametrize("cues", [CUE_VERBS, _PARC_CUE_VERBS])
def test_article_scan_holds_every_token_its_scan_accepts(corpus, cues):
    """On the seeds and the written articles (the ``corpus`` fixture), each list is the tokens
    read one by one that fit its definition."""
    parsed = parse_corpus(corpus)
    for doc_indexes in parsed.article_docs().values():
        docs = [parsed.docs[i][2] for i in doc_indexes]
        scan = _ArticleScan(docs, cues, {})
        tokens = [t for doc in docs for t in doc]
        bases = [b for b, doc in zip(scan.bases, docs, strict=True) for _ in doc]
        wanted = {
            "cues": [
                k
                for k, t in enumerate(tokens)
                if t.pos_ in {"VERB", "AUX"}
                and (t.lemma_.lower() in cues or t.lemma_.lower() in PHRASAL_CUES)
            ],
            "according": [k for k, t in enumerate(tokens) if t.lower_ == "according"],
            "colons": [k for k, t in enumerate(tokens) if t.text == ":"],
            "participles": [
                k for k, t in enumerate(tokens) if t.tag_ == "VBG" and t.dep_ == "advcl"
            ],
            "subjects": [
                k for k, t in enumerate(tokens) if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
            ],
        }
        for name, expected in wanted.items():
            assert getattr(scan, name) == expected, name
        assert scan.subject_heads == [bases[k] + tokens[k].head.i for k in wanted["subjects"]]
        assert scan.space.tolist() == [t.is_space for t in tokens]


def test_article_scan_memo_keeps_its_answers(nlp):
    memo: dict[int, bool] = {}
    doc = nlp("She said they ran.")
    _ArticleScan([doc], CUE_VERBS, memo)
    assert memo == {doc[1].lemma: True, doc[3].lemma: False}


def test_runs_tuples():
    # Pair keys 3 (names 0, 2), 7 (name 1), 9 (name 1).
    runs = _Runs(np.array([3, 3, 7, 9]), np.array([0, 2, 1, 1]))
    text = ["Ankara", "Baku", "Kars"]
    got = runs.tuples(np.array([1, 3, 7, 8, 9]), text)
    assert got == [(), ("Ankara", "Kars"), ("Baku",), (), ("Baku",)]
    assert got[2] is got[4]  # one tuple per name shared alone
    assert runs.tuples(np.array([1, 2]), text) == [(), ()]
    assert _Runs(np.zeros(0, np.int64), np.zeros(0, np.int64)).tuples(np.array([5]), text) == [()]


def test_a_one_word_person_after_a_place_preposition_is_a_place():
    frame = pd.DataFrame(
        {
            "id": ["a"],
            "date": ["2024-03-06"],
            "text": ["He paid a visit to Shusha on Monday.\n\nShusha was quiet."],
        }
    )
    entities = extract_entities(parse_corpus(load_corpus(frame)))
    shusha = entities[entities["text"] == "Shusha"]
    assert shusha[["start", "kind", "name"]].values.tolist()[0] == [19, "place", "Shusha"]
