"""Property-based invariants of the reuse alignment (hypothesis)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.reuse import REUSE_COLUMNS, align_pair, find_reuse
from analysis.reuse.alignment import _layout
from analysis.reuse.index import tokenize

VOCABULARY = [
    *[
        "port",
        "ship",
        "grain",
        "harbour",
        "council",
        "ferry",
        "quay",
        "island",
        "storm",
        "pier",
        "customs",
        "fleet",
        "cargo",
    ],
    *[
        "Defence",
        "Defense",
        "Turkey",
        "Türkiye",
        "Turkiye",
        "the",
        "of",
        "and",
        "a",
        "in",
        "to",
        "1998",
        "2021",
        "June",
    ],
    "“quoted”",
    '"quoted"',
    "minister’s",
    "minister's",
]

words = st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=60)


@st.composite
def text_pairs(draw):
    """A source text and a target that recycles pieces of it with edits and new words."""
    source_words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=5, max_size=80))
    target_words: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(source_words) - 1))
        end = draw(st.integers(start, len(source_words)))
        piece = list(source_words[start:end])
        for _ in range(draw(st.integers(0, 3))):
            if piece:
                piece[draw(st.integers(0, len(piece) - 1))] = draw(st.sampled_from(VOCABULARY))
        target_words += draw(words) + piece
    target_words += draw(words)
    breaks = st.sampled_from([" ", " ", " ", "\n", "\n\n"])
    source = "".join(w + draw(breaks) for w in source_words).strip()
    target = "".join(w + draw(breaks) for w in target_words).strip()
    return source, target


def overlaps(spans: list[tuple[int, int]]) -> bool:
    spans = sorted(spans)
    return any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))


@settings(max_examples=150, deadline=None)
@given(text_pairs())
def test_offsets_are_in_range_and_not_empty(pair):
    source, target = pair
    for p in align_pair(source, target):
        assert 0 <= p["source_start"] < p["source_end"] <= len(source)
        assert 0 <= p["target_start"] < p["target_end"] <= len(target)
        assert 0 <= p["similarity"] <= 1
        assert p["kind"] in {"verbatim", "edited", "paraphrase"}
        assert p["n_words"] == len(tokenize(target[p["target_start"] : p["target_end"]])[0])


@settings(max_examples=150, deadline=None)
@given(text_pairs())
def test_verbatim_passages_are_equal_after_normalization(pair):
    source, target = pair
    for p in align_pair(source, target):
        src = source[p["source_start"] : p["source_end"]]
        tgt = target[p["target_start"] : p["target_end"]]
        if p["kind"] == "verbatim":
            assert tokenize(src)[1] == tokenize(tgt)[1]
            assert _layout(src) == _layout(tgt)
            assert p["edits"] == "" and p["similarity"] == 1.0
        elif p["kind"] == "edited":
            assert p["edits"] != ""


@settings(max_examples=150, deadline=None)
@given(text_pairs())
def test_passages_of_a_pair_do_not_overlap(pair):
    source, target = pair
    found = align_pair(source, target)
    assert not overlaps([(p["source_start"], p["source_end"]) for p in found])
    assert not overlaps([(p["target_start"], p["target_end"]) for p in found])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=10, max_size=60))
def test_a_copied_text_is_one_verbatim_passage(vocabulary_words):
    text = " ".join(vocabulary_words)
    found = align_pair(text, text, paraphrase=False)
    assert [(p["kind"], p["source_start"], p["target_end"]) for p in found] == [
        ("verbatim", 0, len(text))
    ]


@st.composite
def small_corpora(draw):
    """Four articles that copy pieces of one another, with edits, on distinct dates."""
    base = draw(st.lists(st.sampled_from(VOCABULARY), min_size=20, max_size=60))
    texts = []
    for _ in range(4):
        piece_start = draw(st.integers(0, len(base) - 1))
        piece = base[piece_start : draw(st.integers(piece_start, len(base)))]
        words_ = draw(words) + list(piece) + draw(words)
        for _ in range(draw(st.integers(0, 2))):
            if words_:
                words_[draw(st.integers(0, len(words_) - 1))] = draw(st.sampled_from(VOCABULARY))
        texts.append(" ".join(words_) or "empty")
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "date": ["2020-01-04", "2020-01-01", "2020-01-03", "2020-01-02"],
            "author": "Desk",
            "text": texts,
        }
    )


@settings(max_examples=60, deadline=None)
@given(small_corpora())
def test_find_reuse_equals_aligning_every_pair(frame):
    corpus = analysis.load_corpus(frame)
    # Templates (a frame with other figures) are a kind of their own, not what align_pair finds.
    found = find_reuse(corpus, paraphrase=False, rewrite=False, template=False, sources="all")
    dates = corpus.articles["date"]
    ids = sorted(corpus.articles.index, key=lambda a: (dates[a], a))
    rows = [
        {"source_id": s, "target_id": t, "named_origin": "", **p}
        for i, s in enumerate(ids)
        for t in ids[i + 1 :]
        for p in align_pair(corpus.text(s), corpus.text(t), paraphrase=False)
    ]
    expected = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    expected = expected.sort_values(
        ["source_id", "target_id", "target_start", "source_start"], ignore_index=True
    )
    pd.testing.assert_frame_equal(found, expected, check_dtype=False)
    # The default links each stretch to its nearest earlier copy and origin: a subset of the rows.
    nearest = find_reuse(corpus, paraphrase=False, rewrite=False, template=False)
    kept = nearest.merge(found, how="left", indicator=True)
    assert (kept["_merge"] == "both").all()
    assert set(nearest["target_id"]) == set(found["target_id"])
