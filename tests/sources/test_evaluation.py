"""The attribution scorer: span matching, scores, text checks, the gold file, the baseline."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.sources.evaluation import (
    ATTRIBUTION_COLUMNS,
    GOLD_PATH,
    AttributionGold,
    baseline_attributions,
    check_texts,
    from_sources,
    match_spans,
    read_gold,
    score_attributions,
)


def stories(*ids, texts=None):
    digests = [hashlib.sha256((texts or {}).get(i, "").encode()).hexdigest() for i in ids]
    index = pd.Index(list(ids), name="article_id")
    return pd.DataFrame({"split": "development", "sha256": digests}, index=index)


def frame(*rows):
    return pd.DataFrame(list(rows), columns=ATTRIBUTION_COLUMNS)


def corpus_of(texts):
    return load_corpus(
        pd.DataFrame({"id": list(texts), "date": "2020-01-01", "text": list(texts.values())})
    )


@pytest.mark.parametrize(
    ("gold", "predicted", "exact", "expected"),
    [
        ([], [], False, []),
        ([(0, 5)], [], False, []),
        ([], [(0, 5)], True, []),
        ([(0, 5)], [(0, 5)], True, [(0, 0)]),
        ([(0, 5)], [(5, 9)], False, []),  # touching spans share no character
        ([(0, 5)], [(4, 9)], False, [(0, 0)]),
        ([(0, 5)], [(4, 9)], True, []),
        # the pair sharing most goes first, so gold 0 takes prediction 1, gold 1 prediction 0
        ([(0, 10), (8, 20)], [(9, 20), (0, 9)], False, [(0, 1), (1, 0)]),
        # one to one: two gold spans, one prediction
        ([(0, 4), (0, 4)], [(0, 4)], False, [(0, 0)]),
        ([(0, 4)], [(0, 4), (0, 4)], False, [(0, 0)]),
        # equal overlaps: the earlier gold start wins
        ([(0, 6), (4, 10)], [(2, 8)], False, [(0, 0)]),
    ],
)
def test_match_spans(gold, predicted, exact, expected):
    assert match_spans(gold, predicted, exact=exact) == expected


def test_perfect_and_empty_predictions():
    truth = frame(("a", 0, 2, 3, 7, 8, 20, "named"), ("b", 5, 9, 10, 14, 15, 30, "group"))
    gold = AttributionGold(stories("a", "b"), truth)
    perfect = score_attributions(truth, gold)
    assert perfect[["precision", "recall", "f1"]].eq(1.0).all().all()
    assert perfect["matched"].tolist() == [2] * 6
    assert perfect["kind_accuracy"].iloc[1] == 1.0
    assert perfect["kind_accuracy"].drop(index=1).isna().all()
    none = score_attributions(frame(), gold)
    assert none[["predicted", "matched"]].eq(0).all().all()
    assert none[["precision", "recall", "f1"]].eq(0.0).all().all()


def test_spans_are_matched_within_a_story_only():
    truth = frame(("a", 0, 2, 3, 7, 8, 20, "named"))
    gold = AttributionGold(stories("a", "b"), truth)
    elsewhere = frame(("b", 0, 2, 3, 7, 8, 20, "named"), ("c", 0, 2, 3, 7, 8, 20, "named"))
    scores = score_attributions(elsewhere, gold)
    # "c" is not a gold story and is left out; "b" is, and its prediction is false
    assert scores["predicted"].tolist() == [1] * 6
    assert scores["matched"].tolist() == [0] * 6


def test_scores_per_role_and_kind():
    truth = frame(("a", 0, 10, 11, 15, 16, 40, "unnamed"))
    guess = frame(("a", 2, 10, 11, 15, 16, 30, "named"), ("a", 50, 52, 53, 57, 58, 70, "named"))
    scores = score_attributions(guess, AttributionGold(stories("a"), truth)).set_index(
        ["role", "match"]
    )
    assert scores["matched"].to_dict() == {
        ("source", "exact"): 0,
        ("source", "overlap"): 1,
        ("cue", "exact"): 1,
        ("cue", "overlap"): 1,
        ("content", "exact"): 0,
        ("content", "overlap"): 1,
    }
    assert scores.loc[("cue", "exact"), "precision"] == 0.5
    assert scores.loc[("cue", "exact"), "f1"] == pytest.approx(2 / 3)
    assert scores.loc[("source", "overlap"), "kind_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("predicted", "error", "message"),
    [
        ("table", TypeError, "predicted must be a DataFrame"),
        (pd.DataFrame({"article_id": ["a"]}), ValueError, "missing column"),
        (frame(("a", 4, 2, 3, 7, 8, 20, "named")), ValueError, "0 <= start < end"),
        (frame(("a", -1, 2, 3, 7, 8, 20, "named")), ValueError, "0 <= start < end"),
        (frame(("a", 0, 2, None, 7, 8, 20, "named")), ValueError, "must not be missing"),
    ],
)
def test_bad_predictions(predicted, error, message):
    gold = AttributionGold(stories("a"), frame())
    with pytest.raises(error, match=message):
        score_attributions(predicted, gold)


def test_gold_must_be_a_gold_set():
    with pytest.raises(TypeError, match="AttributionGold"):
        score_attributions(frame(), frame())


def test_check_texts():
    texts = {"a": "Prices will rise, he said.", "b": "Rates fell."}
    gold = AttributionGold(stories("a", "b", texts=texts), frame())
    assert check_texts(gold, corpus_of(texts)) is None
    with pytest.raises(ValueError, match="not in the corpus"):
        check_texts(gold, corpus_of({"a": texts["a"]}))
    with pytest.raises(ValueError, match=r"another text in the corpus \(first: b\)"):
        check_texts(gold, corpus_of({"a": texts["a"], "b": "Rates rose."}))
    with pytest.raises(TypeError, match="analysis.Corpus"):
        check_texts(gold, texts)


def test_gold_file_holds_offsets_and_labels_only():
    data = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    keys = {k for story in data["stories"] for a in story["attributions"] for k in a}
    assert keys == {
        "source",
        "cue",
        "content",
        "medium",
        "source_kind",
        "nested",
        "refers_to_given",
    }
    assert {k for story in data["stories"] for k in story} == {
        "id",
        "split",
        "sha256",
        "attributions",
    }
    ids = sorted(story["id"] for story in data["stories"])
    assert data["split"] == {"development": ids[0::2], "held_back": ids[1::2]}
    assert all(s["split"] == ("development" if s["id"] in ids[0::2] else "held_back")
               for s in data["stories"])  # fmt: skip


def test_read_gold_and_split():
    gold = read_gold()
    assert len(gold.stories) == 60
    assert len(gold.attributions) == 471
    assert list(gold.attributions.columns[: len(ATTRIBUTION_COLUMNS)]) == ATTRIBUTION_COLUMNS
    development, held_back = gold.split("development"), gold.split("held_back")
    assert len(development.attributions) + len(held_back.attributions) == 471
    assert set(development.stories.index).isdisjoint(held_back.stories.index)
    assert int(gold.attributions["nested"].sum()) == 37
    with pytest.raises(ValueError, match="split must be one of"):
        gold.split("test")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"split": "train"}, "unknown split"),
        ({"source_kind": "person"}, "unknown source_kind"),
        ({"source": [5, 5]}, "0 <= start < end"),
    ],
)
def test_read_gold_rejects_bad_files(tmp_path, change, message):
    row = {"source": [0, 2], "cue": [3, 7], "content": [8, 20], "medium": None,
           "source_kind": "named", "nested": False, "refers_to_given": False}  # fmt: skip
    story = {"id": "a", "split": "development", "sha256": "", "attributions": [row]}
    for key, value in change.items():
        (story if key == "split" else row)[key] = value
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"stories": [story]}), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_gold(path)


def test_from_sources_kinds():
    sources = pd.DataFrame(
        {
            "article_id": ["a"] * 6,
            "source_kind": ["person", "institution", "media", "document", "group", "anonymous"],
            "mention_start": [0] * 6,
            "mention_end": [2] * 6,
            "cue_start": [3] * 6,
            "cue_end": [7] * 6,
            "start": [8] * 6,
            "end": [20] * 6,
        }
    )
    got = from_sources(sources)
    assert list(got.columns) == ATTRIBUTION_COLUMNS
    assert got["source_kind"].tolist() == ["named"] * 4 + ["group", "anonymous"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rates fell sharply.", []),
        ("officials said rates fell.", []),  # no capitalised word before the cue
        ("Smith said.", []),  # nothing but the source around the cue
        ("The Bank of England said that rates would rise.",
         [("The Bank of England", "said", "rates would rise")]),
        ("Rates will rise, Jones said.", [("Jones", "said", "Rates will rise")]),
        ("Smith told Reuters prices fell. Brown warned of a strike.",
         [("Smith", "told", "Reuters prices fell"), ("Brown", "warned", "of a strike")]),
    ],
)  # fmt: skip
def test_baseline(text, expected):
    corpus = corpus_of({"a": text})
    got = baseline_attributions(corpus)
    body = corpus.text("a")
    rows = [
        (body[r.source_start : r.source_end], body[r.cue_start : r.cue_end],
         body[r.content_start : r.content_end])
        for r in got.itertuples()
    ]  # fmt: skip
    assert rows == expected
    assert set(got["source_kind"]) <= {"named"}


def test_baseline_bad_input():
    with pytest.raises(TypeError, match="analysis.Corpus"):
        baseline_attributions("text")
