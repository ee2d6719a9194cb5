"""The Dask pipeline gives exactly the in-process results (LocalCluster, small corpora)."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.distributed import dask_client, find_reuse_dask
from analysis.paths import SEEDS_DIR
from analysis.reuse.detection import find_reuse

BOILERPLATE = [
    "The central bank raised its benchmark rate by a quarter point to curb inflation, which has "
    "stayed above its target for two years despite four earlier increases.",
    "Analysts polled by the agency had expected the move, citing strong wage growth and a weaker "
    "currency that has pushed up the price of imported fuel and food.",
]


WORDS = [
    "harbour",
    "wheat",
    "copper",
    "ballot",
    "river",
    "tariff",
    "glacier",
    "senate",
    "orchard",
    "pipeline",
    "vaccine",
    "runway",
    "lottery",
    "cobalt",
    "monsoon",
    "dockyard",
    "festival",
    "quarry",
    "turbine",
    "verdict",
    "archive",
    "embassy",
    "satellite",
    "reservoir",
]


def own_sentence(i: int, salt: int) -> str:
    words = random.Random(i * 100 + salt).sample(WORDS, 12)
    return f"Story {i} " + " ".join(words) + "."


def small_corpus():
    rows = []
    for i in range(12):
        paragraphs = [own_sentence(i, 1)]
        if i % 3 == 0:
            paragraphs += BOILERPLATE
        elif i % 3 == 1:
            paragraphs += [BOILERPLATE[0].replace("central bank", "Central Bank")]
        paragraphs.append(own_sentence(i, 2))
        rows.append(
            {
                "id": f"s{i:02d}",
                "date": f"2021-03-{i + 1:02d}",
                "author": "Desk",
                "text": "\n\n".join(paragraphs),
            }
        )
    return load_corpus(pd.DataFrame(rows))


@pytest.fixture(scope="module")
def client():
    with dask_client(n_workers=2) as c:
        yield c


@pytest.mark.parametrize(
    "make_corpus", [lambda: load_corpus(SEEDS_DIR), small_corpus], ids=["seeds", "small"]
)
@pytest.mark.parametrize("npartitions", [1, 3])
def test_dask_matches_in_process(client, make_corpus, npartitions):
    corpus = make_corpus()
    expected = find_reuse(corpus)
    assert len(expected) > 0
    got = find_reuse_dask(corpus, client, npartitions=npartitions, chunk_size=2)
    pd.testing.assert_frame_equal(got, expected)


def test_dask_matches_in_process_covering_sources(client):
    corpus = small_corpus()
    expected = find_reuse(corpus, sources="covering")
    got = find_reuse_dask(corpus, client, npartitions=2, chunk_size=3, sources="covering")
    pd.testing.assert_frame_equal(got, expected)


def test_small_corpus_has_the_planted_reuse():
    # The own sentences are bags of 12 of the same 24 words: half of them alike, in any order,
    # which the rewrite search (order-free by design) takes for rewrites; the planted passages
    # are what this checks.
    reuse = find_reuse(small_corpus(), rewrite=False)
    # 4 articles carry both paragraphs and 4 carry the first one: every later article reuses
    # from earlier ones, so each of the 8 carriers after the first has at least one passage.
    assert set(reuse["target_id"]) == {f"s{i:02d}" for i in range(1, 12) if i % 3 != 2}


def test_bad_arguments(client):
    with pytest.raises(TypeError, match="must be an analysis.Corpus"):
        find_reuse_dask("not a corpus", client)
    with pytest.raises(ValueError, match="chunk_size must be a positive integer"):
        find_reuse_dask(small_corpus(), client, chunk_size=0)
    with pytest.raises(ValueError, match="max_df is not supported on Dask"):
        find_reuse_dask(small_corpus(), client, max_df=10)
    with pytest.raises(TypeError, match=r"unknown ReuseOptions option\(s\) \['min_word'\]"):
        find_reuse_dask(small_corpus(), client, min_word=5)
    with pytest.raises(ValueError, match="min_words"):
        find_reuse_dask(small_corpus(), client, min_words=0)


def test_dask_options_reach_the_alignment(client):
    corpus = small_corpus()
    expected = find_reuse(corpus, paraphrase=False, min_words=12)
    got = find_reuse_dask(corpus, client, paraphrase=False, min_words=12)
    pd.testing.assert_frame_equal(got, expected)


def test_dask_parse_matches_in_process(client):
    from analysis.distributed import parse_paragraphs_dask
    from analysis.sources.parsing import parse_paragraphs

    corpus = load_corpus(SEEDS_DIR)
    local = list(parse_paragraphs(corpus))
    remote = parse_paragraphs_dask(corpus, client, chunk_size=5)
    assert [(a, s) for a, s, _ in remote] == [(a, s) for a, s, _ in local]
    for (_, _, got), (_, _, want) in zip(remote, local, strict=True):
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in got] == [
            (t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in want
        ]


def test_dask_parse_with_a_cache_sends_only_new_paragraphs(client, tmp_path):
    from analysis.distributed import parse_paragraphs_dask
    from analysis.sources.parsing import parse_paragraphs

    class Recording:
        """The cluster's client, noting the paragraphs sent to the workers."""

        def __init__(self, client):
            self.client, self.sent = client, []

        def map(self, function, chunks, **kwargs):
            self.sent.extend(text for chunk in chunks for _, text, _ in chunk)
            return self.client.map(function, chunks, **kwargs)

        def gather(self, futures):
            return self.client.gather(futures)

    corpus = load_corpus(SEEDS_DIR)
    local = list(parse_paragraphs(corpus))
    cold, warm = Recording(client), Recording(client)
    runs = [parse_paragraphs_dask(corpus, c, chunk_size=5, cache=tmp_path) for c in (cold, warm)]
    assert cold.sent == corpus.paragraphs["text"].tolist() and warm.sent == []
    for run in runs:
        assert [(a, s) for a, s, _ in run] == [(a, s) for a, s, _ in local]
        for (_, _, got), (_, _, want) in zip(run, local, strict=True):
            assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in got] == [
                (t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in want
            ]


def rewrite_corpus():
    """The dev part of the constructed rewrite set, and a reprinted block: every kind at once."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "reuse"))
    from rewrite_set import CASES

    rows = []
    for number, case in enumerate(c for c in CASES if c["part"] == "dev"):
        for side in ("a", "b"):
            rows.append(
                {
                    "id": f"{case['name']}_{side}",
                    "date": f"2024-03-{2 * number + (side == 'b') + 1:02d}",
                    "author": "Desk",
                    "text": "\n\n".join(case[side] + (BOILERPLATE if number % 2 else [])),
                }
            )
    return load_corpus(pd.DataFrame(rows))


@pytest.mark.parametrize("sources", ["nearest", "all"])
def test_dask_finds_the_rewrites_and_nearest_links_of_the_in_process_run(client, sources):
    corpus = rewrite_corpus()
    expected = find_reuse(corpus, sources=sources)
    assert {"rewrite", "verbatim"} <= set(expected["kind"])
    got = find_reuse_dask(corpus, client, npartitions=3, chunk_size=2, sources=sources)
    pd.testing.assert_frame_equal(got, expected)


def test_dask_finds_the_templates_of_the_in_process_run(client):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "reuse"))
    from test_templates import corpus_of, reports

    corpus = corpus_of(*reports("Acme Corp", "Bolt Inc", "Cask Ltd"))
    expected = find_reuse(corpus)
    assert expected["kind"].tolist() == ["template", "template"]
    got = find_reuse_dask(corpus, client, npartitions=2, chunk_size=1)
    pd.testing.assert_frame_equal(got, expected)
