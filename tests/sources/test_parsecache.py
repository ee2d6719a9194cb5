"""The parse cache: the same docs and tables as a fresh parse, each paragraph parsed once."""

from __future__ import annotations

import pandas as pd
import pytest
from test_parsing import _annotations

from analysis import extract_entities, extract_sources, load_corpus, parse_corpus
from analysis.options import SourcesOptions
from analysis.sources import parsecache, parsing
from analysis.sources.parsecache import ParseCache, ParseCacheError, pipeline_fingerprint
from analysis.sources.parsing import ParagraphParse, load_nlp, parse_paragraphs


@pytest.fixture(scope="module")
def fresh(corpus):
    return list(parse_paragraphs(corpus))


def _count_parsed(monkeypatch):
    """The texts handed to spaCy in this process or to worker processes."""
    nlp = load_nlp()
    seen: list[str] = []
    real_start = parsing._start_workers

    def start_workers(texts, **kwargs):
        seen.extend(texts)
        return real_start(texts, **kwargs)

    monkeypatch.setattr(parsing, "_start_workers", start_workers)
    real_pipe = type(nlp).pipe

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return real_pipe(self, texts, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", pipe)
    return seen


def test_cold_and_warm_give_the_fresh_annotations(corpus, fresh, tmp_path):
    cold = list(parse_paragraphs(corpus, cache=tmp_path))
    warm = list(parse_paragraphs(corpus, cache=tmp_path))
    for run in (cold, warm):
        assert [(a, s) for a, s, _ in run] == [(a, s) for a, s, _ in fresh]
        for (_, _, got), (_, _, want) in zip(run, fresh, strict=True):
            assert got.text == want.text
            assert _annotations(got) == _annotations(want)


def test_warm_cache_parses_nothing(corpus, tmp_path, monkeypatch):
    list(parse_paragraphs(corpus, cache=tmp_path))
    parsed = _count_parsed(monkeypatch)
    parse = ParagraphParse(corpus, cache=tmp_path)
    list(parse)
    assert parsed == []
    assert parse.cached == corpus.paragraphs["text"].nunique()


def test_only_new_paragraphs_are_parsed(corpus, tmp_path, monkeypatch):
    articles = corpus.articles.reset_index().rename(columns={"article_id": "id"})
    articles["date"] = articles["date"].dt.strftime("%Y-%m-%d")
    first = load_corpus(articles.iloc[:2][["id", "date", "author", "text"]])
    list(parse_paragraphs(first, cache=tmp_path))
    parsed = _count_parsed(monkeypatch)
    list(parse_paragraphs(corpus, cache=tmp_path))
    expected = set(corpus.paragraphs["text"]) - set(first.paragraphs["text"])
    assert sorted(parsed) == sorted(expected)
    assert len(ParseCache(tmp_path, load_nlp())) == corpus.paragraphs["text"].nunique()


def test_two_processes_with_a_half_warm_cache(corpus, fresh, tmp_path):
    half = corpus.paragraphs["text"].drop_duplicates().iloc[::2]
    nlp = load_nlp()
    ParseCache(tmp_path, nlp).add(nlp.pipe(half.tolist()))
    run = list(parse_paragraphs(corpus, cache=tmp_path, n_process=2, batch_size=2))
    for (_, _, got), (_, _, want) in zip(run, fresh, strict=True):
        assert _annotations(got) == _annotations(want)


def test_tables_identical(corpus, tmp_path):
    plain = parse_corpus(corpus)
    parse_corpus(corpus, cache=tmp_path)
    cached = parse_corpus(corpus, cache=tmp_path)
    pd.testing.assert_frame_equal(extract_entities(cached), extract_entities(plain))
    pd.testing.assert_frame_equal(
        extract_sources(corpus, cached, reused=None), extract_sources(corpus, plain, reused=None)
    )


def test_one_subfolder_per_pipeline(corpus, tmp_path, monkeypatch):
    list(parse_paragraphs(corpus, cache=tmp_path))
    fingerprint = pipeline_fingerprint(load_nlp())
    assert [p.name for p in tmp_path.iterdir()] == [fingerprint]
    monkeypatch.setattr(parsecache, "FORMAT", parsecache.FORMAT + 1)
    other = ParseCache(tmp_path, load_nlp())
    assert other.folder.name != fingerprint and len(other) == 0


def test_chunks_hold_at_most_chunk_docs(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parsecache, "CHUNK", 3)
    nlp = load_nlp()
    texts = corpus.paragraphs["text"].drop_duplicates().tolist()
    cache = ParseCache(tmp_path, nlp)
    cache.add(nlp.pipe(texts + texts[:2]))  # texts given twice are kept once
    keys = sorted(cache.folder.glob("*.keys"))
    assert len(keys) == -(-len(texts) // 3)
    assert sum(len(k.read_text().split()) for k in keys) == len(texts)
    assert max(len(k.read_text().split()) for k in keys) == 3
    again = ParseCache(tmp_path, nlp)
    assert [again.get(text).text for text in texts] == texts


def test_chunk_without_keys_is_not_read(corpus, tmp_path):
    nlp = load_nlp()
    cache = ParseCache(tmp_path, nlp)
    cache.add([nlp("The ministry said the talks resumed.")])
    for keys in cache.folder.glob("*.keys"):
        keys.unlink()  # a run stopped between the two files
    assert len(ParseCache(tmp_path, nlp)) == 0


def test_unreadable_chunk_names_its_file(tmp_path):
    nlp = load_nlp()
    cache = ParseCache(tmp_path, nlp)
    text = "The ministry said the talks resumed."
    cache.add([nlp(text)])
    (chunk,) = cache.folder.glob("*.spacy")
    chunk.write_bytes(b"not a DocBin")
    with pytest.raises(ParseCacheError, match=rf"{chunk.name}: expected a spaCy DocBin"):
        ParseCache(tmp_path, nlp).get(text)


def test_keys_that_are_not_digests_name_their_file(tmp_path):
    nlp = load_nlp()
    cache = ParseCache(tmp_path, nlp)
    cache.add([nlp("The ministry said the talks resumed.")])
    (keys,) = cache.folder.glob("*.keys")
    keys.write_text("zz-not-hex\n")
    with pytest.raises(ParseCacheError, match=rf"{keys.name}: expected one hexadecimal"):
        ParseCache(tmp_path, nlp)


def test_keys_of_another_text_are_caught(tmp_path):
    nlp = load_nlp()
    cache = ParseCache(tmp_path, nlp)
    cache.add([nlp("First text."), nlp("Second text.")])
    (keys,) = cache.folder.glob("*.keys")
    first, second = keys.read_text().split()
    keys.write_text(f"{second}\n{first}\n")
    with pytest.raises(ParseCacheError, match="is not the text its keys name"):
        ParseCache(tmp_path, nlp).get("First text.")


def test_a_file_is_no_cache(tmp_path):
    path = tmp_path / "cache"
    path.write_text("")
    with pytest.raises(ParseCacheError, match="is not a folder"):
        ParseCache(path, load_nlp())


def test_missing_text_is_a_key_error(tmp_path):
    with pytest.raises(KeyError):
        ParseCache(tmp_path, load_nlp()).get("Never parsed.")
    assert "Never parsed." not in ParseCache(tmp_path, load_nlp())
    assert 42 not in ParseCache(tmp_path, load_nlp())


@pytest.mark.parametrize("value", ["", "  ", 3, b"dir"])
def test_bad_parse_cache_option(value):
    with pytest.raises(ValueError, match="parse_cache must be None or a folder path"):
        SourcesOptions(parse_cache=value)


@pytest.mark.parametrize("processes", [1, 2])
def test_report_with_a_cache_writes_the_same_tables(corpus, tmp_path, monkeypatch, processes):
    from analysis.options import AnalysisOptions
    from analysis.report import steps as report_steps
    from analysis.report.pipeline import run_report

    articles = corpus.articles.reset_index().rename(columns={"article_id": "id"})
    steps = [report_steps.corpus_step, report_steps.reuse_step, report_steps.sources_step]
    plain = run_report(articles, tmp_path / "plain", steps=steps, progress=False)
    options = AnalysisOptions(
        sources=SourcesOptions(processes=processes, parse_cache=str(tmp_path / "cache"))
    )
    run_report(articles, tmp_path / "cold", options=options, steps=steps, progress=False)
    parsed = _count_parsed(monkeypatch)
    again = run_report(articles, tmp_path / "again", steps=steps, progress=False)
    assert len(parsed) == corpus.paragraphs["text"].nunique()  # no cache: all parsed
    parsed.clear()
    warm = run_report(articles, tmp_path / "warm", options=options, steps=steps, progress=False)
    assert parsed == []
    for name in ("sources_attributions.csv", "sources_entities.csv", "sources_overlap.csv"):
        expected = (plain.out_dir / "tables" / name).read_bytes()
        assert (warm.out_dir / "tables" / name).read_bytes() == expected
        assert (again.out_dir / "tables" / name).read_bytes() == expected
