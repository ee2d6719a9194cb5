"""Source overlap: the seed pair with hand-built and detected recycled text, N articles, figures."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from itertools import combinations
from pathlib import Path

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
from analysis.report.writing import table_bytes
from analysis.sources.attributions import reused_mask
from analysis.sources.overlap import MATRIX_COLUMNS, OVERLAP_COLUMNS
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


def test_three_articles_keep_only_the_pair_that_shares():
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
    # (a, b) and (b, c) share neither a source nor an entity: they have no row.
    assert list(zip(got.article_a, got.article_b, strict=True)) == [("a", "c")]
    assert got.shared_sources.tolist() == [("Jeyhun Bayramov",)]
    assert got.sources_jaccard.tolist() == [1.0]
    assert got.shared_entities.tolist() == [("Jeyhun Bayramov",)]
    matrix = source_matrix(
        extract_sources(corpus, parse_corpus(corpus), reused=none), articles=["a", "b", "c"]
    )
    assert list(matrix.columns) == MATRIX_COLUMNS
    assert matrix.values.tolist() == [
        ["a", "Jeyhun Bayramov", 1],
        ["b", "Reuters", 1],
        ["c", "Jeyhun Bayramov", 1],
    ]


def test_seed_source_matrix(seeds, hand_spans):
    matrix = source_matrix(extract_sources(seeds, parse_corpus(seeds), reused=hand_spans))
    assert matrix.dtypes["statements"] == "int64"
    assert matrix.values.tolist() == [
        [OLD, "Zakir Hasanov", 6],
        [OLD, SDAR, 2],
        [OLD, "Cahit Bagci", 1],
        [OLD, MINISTRY, 1],
        [NEW, MINISTRY, 2],
        [NEW, SDAR, 2],
        [NEW, "Ilham Aliyev", 1],
        [NEW, "Rafet Dalkiran", 1],
        [NEW, "Zakir Hasanov", 1],
    ]


def test_source_matrix_orders_and_filters_articles():
    s = pd.DataFrame({"article_id": ["b", "a", "b", "b", "c"], "source": ["Y", "X", "X", "Y", "Z"]})
    assert source_matrix(s).values.tolist() == [
        ["b", "Y", 2],
        ["b", "X", 1],
        ["a", "X", 1],
        ["c", "Z", 1],
    ]
    assert source_matrix(s, articles=["c", "a", "nobody"]).values.tolist() == [
        ["c", "Z", 1],
        ["a", "X", 1],
    ]
    empty = source_matrix(s.iloc[:0])
    assert list(empty.columns) == MATRIX_COLUMNS and len(empty) == 0


def test_figures(seeds, hand_spans, seed_overlap):
    sources = extract_sources(seeds, parse_corpus(seeds), reused=hand_spans)
    labels = {OLD: "2021-07-15", NEW: "2022-04-12"}
    fig = plot_source_matrix(sources, labels=labels)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021-07-15", "2022-04-12"]
    cells = sorted(t.get_text() for t in ax.texts)
    assert "2 (2 recycled)" in cells and "1 (1 recycled)" in cells
    fig = plot_overlap(seed_overlap, labels=labels)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["sources", "entities"]
    assert fig.axes[0].texts[0].get_text() == "2021-07-15 vs 2022-04-12"
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


# A corpus built for ties: four articles on one date (publication order is then the id), names of
# equal length ("Anna Berg", "Carl Dahl", "Eva Falk") given in different orders, a name quoted only
# in recycled text, an article that quotes or names nobody, and names no other article has.
TIE_IDS = ["d", "b", "a", "c", "e", "f"]
TIE_DATES = ["2023-01-02", "2023-01-01", "2023-01-01", "2023-01-01", "2023-01-01", "2023-01-03"]
TIE_SOURCES = [
    ("a", "Carl Dahl", False),
    ("a", "Anna Berg", False),
    ("a", "Anna Berg", True),
    ("b", "Anna Berg", True),
    ("b", "Carl Dahl", False),
    ("c", "Eva Falk", False),
    ("d", "Eva Falk", True),
    ("d", "Carl Dahl", False),
    ("d", "Anna Berg", False),
    ("f", "Gus Holm", False),
]
TIE_ENTITIES = [  # (article, name, start, end); recycled text is [0, 50) of b and d
    ("a", "Oslo", 60, 64),
    ("a", "Bergen", 70, 76),
    ("b", "Bergen", 10, 16),
    ("b", "Oslo", 80, 84),
    ("c", "Narvik", 5, 11),
    ("d", "Oslo", 20, 24),
    ("d", "Oslo", 90, 94),
    ("d", "Narvik", 30, 36),
    ("f", "Tromso", 1, 7),
]
TIE_REUSED = pd.DataFrame({"article_id": ["b", "d"], "start": [0, 0], "end": [50, 50]})


def tie_inputs():
    corpus = load_corpus(
        pd.DataFrame(
            {
                "id": TIE_IDS,
                "date": TIE_DATES,
                "author": None,
                "text": ["x " * 60] * len(TIE_IDS),
            }
        )
    )
    sources = pd.DataFrame(TIE_SOURCES, columns=["article_id", "source", "in_reused_text"])
    entities = pd.DataFrame(TIE_ENTITIES, columns=["article_id", "name", "start", "end"])
    return corpus, sources, entities.assign(kind="place")


def all_pairs_overlap(corpus, sources, entities, reused):
    """The overlap as computed before the table was sparse: every pair of articles, from sets."""

    def names(frame, column, flags):
        out = {}
        for (article, name), flag in zip(
            frame[["article_id", column]].itertuples(index=False), flags, strict=True
        ):
            every, own = out.setdefault(article, (set(), set()))
            every.add(name)
            if not flag:
                own.add(name)
        return out

    def covered(article, start, end):
        return any(
            a == article and s <= start and end <= e for a, s, e in reused.itertuples(index=False)
        )

    src = names(sources, "source", sources["in_reused_text"].tolist())
    ent = names(
        entities,
        "name",
        [covered(*row) for row in entities[["article_id", "start", "end"]].itertuples(False)],
    )
    empty = (set(), set())
    rows = []
    for a, b in combinations(list(corpus.date_rank), 2):
        row = [a, b]
        for sets in (src, ent):
            (all_a, own_a), (all_b, own_b) = sets.get(a, empty), sets.get(b, empty)
            shared = all_a & all_b
            union = all_a | all_b
            row += [
                len(all_a),
                len(all_b),
                tuple(sorted(shared)),
                len(shared) / len(union) if union else 0.0,
                tuple(sorted(n for n in shared if n not in own_a or n not in own_b)),
            ]
        rows.append(row)
    return pd.DataFrame(rows, columns=OVERLAP_COLUMNS)


def test_only_pairs_that_share_and_as_the_all_pairs_computation():
    corpus, sources, entities = tie_inputs()
    got = source_overlap(corpus, sources=sources, entities=entities, reused=TIE_REUSED)
    every = all_pairs_overlap(corpus, sources, entities, TIE_REUSED)
    shares = (every["shared_sources"].map(len) > 0) | (every["shared_entities"].map(len) > 0)
    assert len(every) == 15 and int(shares.sum()) == 4
    pd.testing.assert_frame_equal(got, every[shares].reset_index(drop=True))
    # Publication order, ties by id: a, b, c, e (2023-01-01), d, f; e names nobody, f only names
    # of its own, a and c share nothing.
    assert list(zip(got.article_a, got.article_b, strict=True)) == [
        ("a", "b"),
        ("a", "d"),
        ("b", "d"),
        ("c", "d"),
    ]
    first = got.iloc[0]
    assert first.shared_sources == ("Anna Berg", "Carl Dahl")
    assert first.sources_via_reuse == ("Anna Berg",)  # b quotes her only in recycled text
    assert first.shared_entities == ("Bergen", "Oslo")
    assert first.entities_via_reuse == ("Bergen",)  # b names Bergen only inside [0, 50)
    assert got.sources_jaccard.tolist() == [1.0, 2 / 3, 2 / 3, 1 / 3]
    assert got.entities_via_reuse.tolist() == [("Bergen",), (), (), ("Narvik",)]


_TIE_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_overlap import TIE_REUSED, tie_inputs
from analysis import source_overlap
from analysis.report.writing import table_bytes
corpus, sources, entities = tie_inputs()
got = source_overlap(corpus, sources=sources, entities=entities, reused=TIE_REUSED)
sys.stdout.buffer.write(table_bytes(got, "csv"))
"""


def test_same_bytes_on_every_run_and_hash_seed():
    corpus, sources, entities = tie_inputs()
    runs = [
        table_bytes(source_overlap(corpus, sources=s, entities=e, reused=TIE_REUSED), "csv")
        for s, e in ((sources, entities), (sources[::-1], entities[::-1]))
    ]
    assert runs[0] == runs[1]  # the order of the input rows does not matter either
    script = _TIE_SCRIPT.format(tests=str(Path(__file__).parent))
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "5")
    ]
    assert outputs == [runs[0], runs[0]]


def test_nothing_shared_gives_an_empty_table_with_the_columns():
    corpus, sources, entities = tie_inputs()
    got = source_overlap(corpus, sources=sources.iloc[:0], entities=entities.iloc[:0], reused=None)
    assert list(got.columns) == OVERLAP_COLUMNS and len(got) == 0
    alone = source_overlap(
        corpus, sources=sources[sources.article_id == "f"], entities=entities.iloc[:0], reused=None
    )
    assert len(alone) == 0


def test_rows_of_articles_outside_the_corpus_and_without_a_name_are_ignored():
    corpus, sources, entities = tie_inputs()
    extra = pd.DataFrame([("zz", "Anna Berg", False), ("a", None, False)], columns=sources.columns)
    got = source_overlap(
        corpus, sources=pd.concat([sources, extra]), entities=entities, reused=TIE_REUSED
    )
    want = source_overlap(corpus, sources=sources, entities=entities, reused=TIE_REUSED)
    pd.testing.assert_frame_equal(got, want)


def test_reused_mask_against_the_span_by_span_walk():
    def walk(article, start, end, reused):
        covered = start
        for s, e in sorted((s, e) for a, s, e in reused.itertuples(index=False) if a == article):
            if s > covered:
                break
            covered = max(covered, e)
            if covered >= end:
                return True
        return False

    rng = random.Random(11)
    for _ in range(200):
        reused = pd.DataFrame(
            [
                (rng.choice("abc"), s, s + rng.randint(0, 15))
                for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))
            ],
            columns=["article_id", "start", "end"],
        )
        rows = pd.DataFrame(
            [
                (rng.choice("abcd"), s, s + rng.randint(0, 20))
                for s in (rng.randint(0, 70) for _ in range(30))
            ],
            columns=["article_id", "start", "end"],
        )
        expected = [walk(*row, reused) for row in rows.itertuples(index=False)]
        assert reused_mask(rows, reused).tolist() == expected
    spans = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 10], "end": [10, 20]})
    rows = pd.DataFrame({"article_id": ["a", "a", "a"], "start": [0, 5, 19], "end": [20, 21, 20]})
    assert reused_mask(rows, spans).tolist() == [True, False, True]  # touching spans join
    assert reused_mask(rows, None).isna().all()
    assert reused_mask(rows.iloc[:0], spans).tolist() == []


def test_sources_no_article_names_are_not_shared():
    corpus = load_corpus(
        pd.DataFrame(
            {
                "id": ["a", "b"],
                "date": ["2023-05-10", "2023-05-11"],
                "text": [
                    "Analysts said prices would rise. John Smith said demand was strong.",
                    "Analysts said prices would fall. John Smith said demand was weak.",
                ],
            }
        )
    )
    parsed = parse_corpus(corpus)
    sources = extract_sources(corpus, parsed, reused=None)
    assert sorted(zip(sources["source"], sources["source_kind"], strict=True)) == [
        ("Analysts", "group"),
        ("Analysts", "group"),
        ("John Smith", "person"),
        ("John Smith", "person"),
    ]
    overlap = source_overlap(
        corpus, sources=sources, entities=extract_entities(parsed), reused=None
    )
    assert overlap["shared_sources"].tolist() == [("John Smith",)]
    assert overlap[["n_sources_a", "n_sources_b"]].values.tolist() == [[1, 1]]


def test_a_name_in_more_than_max_articles_articles_makes_no_pair():
    ids = ["a", "b", "c"]
    corpus = load_corpus(
        pd.DataFrame(
            {
                "id": ids,
                "date": ["2023-05-10", "2023-05-11", "2023-05-12"],
                "text": ["Some text here.", "More text here.", "Other text here."],
            }
        )
    )
    entities = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "a", "b"],
            "name": ["United States", "United States", "United States", "Ruth Roe", "Ruth Roe"],
            "kind": ["place", "place", "place", "person", "person"],
            "start": [0, 0, 0, 5, 5],
            "end": [4, 4, 4, 9, 9],
        }
    )
    no_sources = pd.DataFrame({"article_id": [], "source": [], "in_reused_text": []})
    every = source_overlap(corpus, sources=no_sources, entities=entities, reused=None)
    assert every[["article_a", "article_b"]].values.tolist() == [["a", "b"], ["a", "c"], ["b", "c"]]
    assert every.attrs["common_names"] == {}
    capped = source_overlap(
        corpus, sources=no_sources, entities=entities, reused=None, max_articles=2
    )
    assert capped[["article_a", "article_b", "shared_entities"]].values.tolist() == [
        ["a", "b", ("Ruth Roe",)]
    ]
    assert capped[["n_entities_a", "n_entities_b", "entities_jaccard"]].values.tolist() == [
        [1, 1, 1.0]
    ]
    assert capped.attrs["common_names"] == {"United States": 3}
    with pytest.raises(ValueError, match="max_articles"):
        source_overlap(corpus, sources=no_sources, entities=entities, reused=None, max_articles=0)
