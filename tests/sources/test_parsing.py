"""The parse: several processes give the docs, entities and sources of one process exactly."""

from __future__ import annotations

import time

import pandas as pd
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from analysis import extract_entities, extract_sources, parse_corpus
from analysis.sources.docstore import pack_docs
from analysis.sources.parsing import ParagraphParse, load_nlp, parse_paragraphs


@Language.component("analysis_test_marker")
def _mark_length(doc):
    doc._.analysis_test_mark = len(doc)
    return doc


@pytest.fixture(scope="module")
def one_process(corpus):
    return list(parse_paragraphs(corpus))


@pytest.fixture(scope="module")
def two_processes(corpus):
    return list(parse_paragraphs(corpus, batch_size=2, n_process=2))


def test_same_paragraphs_in_the_same_order(corpus, one_process, two_processes):
    expected = list(corpus.paragraphs[["article_id", "start"]].itertuples(index=False, name=None))
    assert [(a, s) for a, s, _ in one_process] == expected
    assert [(a, s) for a, s, _ in two_processes] == expected


def _annotations(doc):
    """Every annotation the analyses read, and the doc's user data, serialized."""
    return pack_docs([doc])


def test_annotations_identical_byte_for_byte(one_process, two_processes):
    for (_, _, got), (_, _, want) in zip(two_processes, one_process, strict=True):
        assert got.text == want.text
        assert _annotations(got) == _annotations(want)


def test_user_data_comes_back_from_the_workers(corpus):
    Doc.set_extension("analysis_test_mark", default=None, force=True)
    nlp = load_nlp()
    nlp.add_pipe("analysis_test_marker", last=True)
    try:
        docs = list(parse_paragraphs(corpus, batch_size=3, n_process=2))
    finally:
        nlp.remove_pipe("analysis_test_marker")
    assert [doc._.analysis_test_mark for _, _, doc in docs] == [len(doc) for _, _, doc in docs]


def test_entity_ruler_runs_in_the_workers(two_processes):
    labels = {ent.label_ for _, _, doc in two_processes for ent in doc.ents}
    assert {"MEDIA", "EXERCISE", "DOCUMENT"} <= labels


def test_repeated_paragraph_shares_one_doc(corpus, two_processes):
    repeated = [doc for art, _, doc in two_processes if art in {"w0", "w1"} and "Kaya" in doc.text]
    assert len(repeated) == 2 and repeated[0] is repeated[1]


def test_offsets_index_the_article_text(corpus, two_processes):
    for article_id, start, doc in two_processes:
        assert corpus.text(article_id)[start : start + len(doc.text)] == doc.text


def test_tables_identical(corpus):
    one = parse_corpus(corpus)
    two = parse_corpus(corpus, n_process=2)
    pd.testing.assert_frame_equal(extract_entities(two), extract_entities(one))
    pd.testing.assert_frame_equal(
        extract_sources(corpus, two, reused=None), extract_sources(corpus, one, reused=None)
    )
    assert len(extract_sources(corpus, one, reused=None)) > 0


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "2", None])
def test_bad_process_count(corpus, value):
    with pytest.raises(ValueError, match="n_process must be a positive integer"):
        list(parse_paragraphs(corpus, n_process=value))


@pytest.mark.parametrize("value", [0, -3, 2.0, False])
def test_bad_batch_size(corpus, value):
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        list(parse_paragraphs(corpus, batch_size=value))


def test_bad_corpus():
    with pytest.raises(TypeError, match="analysis.Corpus"):
        list(parse_paragraphs("seeds", n_process=2))


def _wait_for_workers(parse: ParagraphParse, seconds: float = 300) -> int:
    """Poll until the workers have answered every chunk (or the time is up); the chunks left."""
    deadline = time.monotonic() + seconds
    while parse.pending() and time.monotonic() < deadline:
        time.sleep(0.05)
    return parse.pending()


def test_started_parse_runs_ahead_of_the_reader(corpus, one_process):
    # The workers parse every chunk before anything is read, and the docs then read are those of
    # one process, in order.
    with ParagraphParse(corpus, batch_size=2, workers=2) as parse:
        assert _wait_for_workers(parse) == 0
        got = list(parse)
    assert [(a, s) for a, s, _ in got] == [(a, s) for a, s, _ in one_process]
    for (_, _, doc), (_, _, want) in zip(got, one_process, strict=True):
        assert doc.to_bytes(exclude=["tensor"]) == want.to_bytes(exclude=["tensor"])


def test_started_parse_in_this_process_has_nothing_pending(corpus, one_process):
    parse = ParagraphParse(corpus)
    assert parse.pending() == 0
    assert [doc.text for _, _, doc in parse] == [doc.text for _, _, doc in one_process]


def test_started_parse_is_read_once(corpus):
    parse = ParagraphParse(corpus, workers=2)
    assert len(list(parse)) == len(corpus.paragraphs)
    with pytest.raises(RuntimeError, match="iterated once"):
        iter(parse)


def test_closed_parse_cannot_be_read(corpus):
    parse = ParagraphParse(corpus, workers=2)
    parse.close()
    with pytest.raises(RuntimeError, match="closed before it was read"):
        iter(parse)


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "2"])
def test_started_parse_bad_workers(corpus, value):
    with pytest.raises(ValueError, match="workers must be a positive integer"):
        ParagraphParse(corpus, workers=value)


def test_report_starts_the_parse_before_the_steps(corpus, monkeypatch, tmp_path):
    # With two processes the report makes the parse before its first step, and the sources step
    # reads that parse: the reuse step runs while the workers already hold every paragraph.
    from analysis.options import AnalysisOptions, SourcesOptions
    from analysis.report import steps as report_steps
    from analysis.report.pipeline import run_report

    seen = {}
    original = report_steps.reuse_step

    def reuse_step(state):
        seen["parse"] = type(state.parse).__name__
        seen["pending_after_wait"] = _wait_for_workers(state.parse)
        return original(state)

    steps = [report_steps.corpus_step, reuse_step, report_steps.sources_step]
    options = AnalysisOptions(sources=SourcesOptions(processes=2))
    result = run_report(
        corpus.articles.reset_index().rename(columns={"article_id": "id"}),
        tmp_path / "out",
        options=options,
        steps=steps,
        progress=False,
    )
    assert seen == {"parse": "ParagraphParse", "pending_after_wait": 0}
    one = run_report(
        corpus.articles.reset_index().rename(columns={"article_id": "id"}),
        tmp_path / "one",
        steps=[report_steps.corpus_step, original, report_steps.sources_step],
        progress=False,
    )
    for name in ("sources_attributions.csv", "sources_entities.csv", "sources_overlap.csv"):
        assert (result.out_dir / "tables" / name).read_bytes() == (
            one.out_dir / "tables" / name
        ).read_bytes()
