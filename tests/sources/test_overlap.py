"""Source overlap: the seed pair with hand-built and detected recycled text, N articles, figures."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis import (
    extract_entities,
    extract_sources,
    find_reuse,
    load_corpus,
    parse_corpus,
    reused_spans,
    source_matrix,
    source_overlap,
)
from analysis.paths import SEEDS_DIR
from analysis.sources.overlap import OVERLAP_COLUMNS
from analysis.views.sources import plot_overlap, plot_source_matrix

matplotlib.use("Agg")

OLD, NEW = "000_5b183b1fed710e9a", "001_80062493b65dd1fc"
SDAR = "Shusha Declaration on Allied Relations"
MINISTRY = "Defence Ministry of Azerbaijan"


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def hand_spans(seeds):
    """The recycled text of the 2022 seed as read by hand: paragraphs 4..7 and one paraphrase."""
    text = seeds.text(NEW)
    block_start = text.index("Military cooperation between")
    block_end = text.index("sea, air, and space.") + len("sea, air, and space.")
    para_start = text.index("In welcoming")
    para_end = text.index("by the high command.") + len("by the high command.")
    return pd.DataFrame(
        {"article_id": [NEW, NEW], "start": [para_start, block_start], "end": [para_end, block_end]}
    )


def overlap_of(corpus, reused, **options):
    """source_overlap with the sources and entities of ``corpus`` and these recycled spans."""
    parsed = parse_corpus(corpus)
    return source_overlap(
        corpus,
        sources=extract_sources(corpus, parsed, reused=reused),
        entities=extract_entities(parsed),
        reused=reused,
        **options,
    )


@pytest.fixture(scope="module")
def seed_overlap(seeds, hand_spans):
    return overlap_of(seeds, hand_spans)


def test_columns(seed_overlap):
    assert list(seed_overlap.columns) == OVERLAP_COLUMNS
    assert len(seed_overlap) == 1


def test_seed_pair_sources(seed_overlap):
    row = seed_overlap.iloc[0]
    assert (row.article_a, row.article_b) == (OLD, NEW)
    assert (row.n_sources_a, row.n_sources_b) == (4, 5)
    assert row.shared_sources == (MINISTRY, SDAR, "Zakir Hasanov")
    assert row.sources_jaccard == pytest.approx(3 / 6)
    assert row.sources_via_reuse == (SDAR, "Zakir Hasanov")


def test_seed_pair_entities(seed_overlap):
    row = seed_overlap.iloc[0]
    assert (row.n_entities_a, row.n_entities_b) == (11, 14)
    assert row.shared_entities == (
        "Armenia",
        "Azerbaijan",
        MINISTRY,
        "Ilham Aliyev",
        "Recep Tayyip Erdogan",
        "Shusha",
        SDAR,
        "Turkey",
        "Zakir Hasanov",
    )
    assert row.entities_jaccard == pytest.approx(9 / 16)
    assert row.entities_via_reuse == ("Armenia", "Recep Tayyip Erdogan", "Shusha")


def test_detected_reuse_gives_the_same_split(seeds, seed_overlap):
    detected = overlap_of(seeds, reused_spans(seeds, find_reuse(seeds)))
    for column in ("shared_sources", "sources_via_reuse", "shared_entities", "entities_via_reuse"):
        assert detected.at[0, column] == seed_overlap.at[0, column]


def test_without_recycled_text_nothing_is_via_reuse(seeds):
    none = pd.DataFrame({"article_id": [], "start": [], "end": []})
    row = overlap_of(seeds, none).iloc[0]
    assert row.sources_via_reuse == () and row.entities_via_reuse == ()
    assert len(row.shared_sources) == 3


def test_entity_kinds(seeds, hand_spans):
    row = overlap_of(seeds, hand_spans, entity_kinds=("person",)).iloc[0]
    assert row.shared_entities == ("Ilham Aliyev", "Recep Tayyip Erdogan", "Zakir Hasanov")
    assert (row.n_entities_a, row.n_entities_b) == (4, 4)


def test_three_articles_give_three_pairs_in_date_order():
    frame = pd.DataFrame(
        {
            "id": ["c", "a", "b"],
            "date": ["2023-03-01", "2023-01-01", "2023-02-01"],
            "author": None,
            "text": [
                "Jeyhun Bayramov said the talks went well.",
                "Jeyhun Bayramov said the border was calm.",
                "According to Reuters, the border was calm.",
            ],
        }
    )
    corpus = load_corpus(frame)
    none = pd.DataFrame({"article_id": [], "start": [], "end": []})
    got = overlap_of(corpus, none)
    assert list(zip(got.article_a, got.article_b, strict=True)) == [
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
    ]
    assert got.shared_sources.tolist() == [(), ("Jeyhun Bayramov",), ()]
    assert got.sources_jaccard.tolist() == [0.0, 1.0, 0.0]
    matrix = source_matrix(
        extract_sources(corpus, parse_corpus(corpus), reused=none), articles=["a", "b", "c"]
    )
    assert matrix.to_dict() == {
        "a": {"Jeyhun Bayramov": 1, "Reuters": 0},
        "b": {"Jeyhun Bayramov": 0, "Reuters": 1},
        "c": {"Jeyhun Bayramov": 1, "Reuters": 0},
    }


def test_seed_source_matrix(seeds, hand_spans):
    matrix = source_matrix(extract_sources(seeds, parse_corpus(seeds), reused=hand_spans))
    assert matrix.index.tolist() == [
        "Zakir Hasanov",
        SDAR,
        MINISTRY,
        "Cahit Bagci",
        "Ilham Aliyev",
        "Rafet Dalkiran",
    ]
    assert matrix[OLD].tolist() == [6, 2, 1, 1, 0, 0]
    assert matrix[NEW].tolist() == [1, 2, 2, 0, 1, 1]


def test_figures(seeds, hand_spans, seed_overlap):
    sources = extract_sources(seeds, parse_corpus(seeds), reused=hand_spans)
    labels = {OLD: "2021-07-15", NEW: "2022-04-12"}
    fig = plot_source_matrix(sources, labels=labels)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021-07-15", "2022-04-12"]
    cells = sorted(t.get_text() for t in ax.texts)
    assert "2 (2 recycled)" in cells and "1 (1 recycled)" in cells
    fig = plot_overlap(seed_overlap, labels=labels)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "2021-07-15 vs 2022-04-12: sources",
        "2021-07-15 vs 2022-04-12: entities",
    ]
    matplotlib.pyplot.close("all")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"sources": pd.DataFrame({"article_id": []})}, ValueError, "sources is missing"),
        ({"entities": pd.DataFrame({"article_id": []})}, ValueError, "entities is missing"),
    ],
)
def test_bad_frames(seeds, hand_spans, kwargs, error, message):
    parsed = parse_corpus(seeds)
    tables = {
        "sources": extract_sources(seeds, parsed, reused=hand_spans),
        "entities": extract_entities(parsed),
    }
    with pytest.raises(error, match=message):
        source_overlap(seeds, reused=hand_spans, **(tables | kwargs))


def test_bad_options(seeds, hand_spans):
    parsed = parse_corpus(seeds)
    tables = {
        "sources": extract_sources(seeds, parsed, reused=hand_spans),
        "entities": extract_entities(parsed),
    }
    with pytest.raises(ValueError, match="entity_kinds must be None or a tuple of person"):
        source_overlap(seeds, reused=hand_spans, entity_kinds=("people",), **tables)
    with pytest.raises(TypeError, match=r"unknown OverlapOptions option\(s\) \['kinds'\]"):
        source_overlap(seeds, reused=hand_spans, kinds=("person",), **tables)


def test_bad_corpus_and_matrix_input():
    empty = pd.DataFrame()
    with pytest.raises(TypeError, match="analysis.Corpus"):
        source_overlap("seeds", sources=empty, entities=empty, reused=None)
    with pytest.raises(ValueError, match="missing column"):
        source_matrix(pd.DataFrame({"source": ["X"]}))
