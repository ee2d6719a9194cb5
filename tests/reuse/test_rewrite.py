"""Rewrites: pairs of articles that rewrite one source sentence by sentence (kind ``rewrite``)."""

from __future__ import annotations

import pandas as pd
import pytest
from rewrite_set import CASES

import analysis
from analysis.reuse import find_reuse
from analysis.reuse.rewrite import _sentence_stems, named_origin, sentence_match


def case(name: str) -> dict:
    return next(c for c in CASES if c["name"] == name)


def corpus_of_case(*cases: dict) -> analysis.Corpus:
    rows = []
    for number, c in enumerate(cases):
        for side in ("a", "b"):
            rows.append(
                {
                    "id": f"{c['name']}_{side}",
                    "date": f"2024-02-{2 * number + (side == 'b') + 1:02d}",
                    "author": "Desk",
                    "text": "\n\n".join(c[side]),
                }
            )
    return analysis.load_corpus(pd.DataFrame(rows))


def sentence_offsets(paragraphs: list[str]) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for paragraph in paragraphs:
        out.append((cursor, cursor + len(paragraph)))
        cursor += len(paragraph) + 2
    return out


def test_a_reordered_rewrite_is_found_sentence_by_sentence_with_exact_spans():
    c = case("port_tender")
    reuse = find_reuse(corpus_of_case(c))
    assert set(reuse["kind"]) == {"rewrite"}
    a, b = sentence_offsets(c["a"]), sentence_offsets(c["b"])
    got = list(
        reuse[["source_start", "source_end", "target_start", "target_end"]].itertuples(
            index=False, name=None
        )
    )
    assert got == [(*a[i], *b[j]) for i, j in c["pairs"]]
    assert (reuse["source_id"] == "port_tender_a").all()
    assert reuse["named_origin"].tolist() == ["Ministry of Transport"] * 3
    assert reuse["similarity"].between(0.5, 1).all()


def test_transliterated_names_and_a_named_source():
    c = case("drills_hasanov")
    reuse = find_reuse(corpus_of_case(c))
    corpus = corpus_of_case(c)
    target = corpus.text("drills_hasanov_b")
    spans = [target[s:e] for s, e in zip(reuse["target_start"], reuse["target_end"], strict=True)]
    assert spans[1] == c["b"][1] and spans[2] == c["b"][2]
    assert set(reuse["named_origin"]) == {"Defence Ministry"}


@pytest.mark.parametrize(
    "name", [c["name"] for c in CASES if c["label"] == "topic" and c["part"] == "dev"]
)
def test_articles_sharing_only_a_topic_are_no_rewrite(name):
    assert find_reuse(corpus_of_case(case(name))).empty


def test_the_rewrite_set_dev_part_pairs_each_rewrite_and_nothing_else():
    dev = [c for c in CASES if c["part"] == "dev"]
    reuse = find_reuse(corpus_of_case(*dev))
    pairs = set(zip(reuse["source_id"], reuse["target_id"], strict=True))
    assert pairs == {(f"{c['name']}_a", f"{c['name']}_b") for c in dev if c["label"] == "rewrite"}


def test_one_rewritten_sentence_alone_is_no_rewrite():
    c = case("bank_rate")
    single = {**c, "a": c["a"][:1], "b": c["b"][:1]}
    assert find_reuse(corpus_of_case(single)).empty
    assert len(find_reuse(corpus_of_case(single), rewrite_min_sentences=1)) == 1


def test_rewrite_search_can_be_switched_off_and_leaves_the_seeds_alone():
    assert find_reuse(corpus_of_case(case("port_tender")), rewrite=False).empty
    seeds = analysis.load_corpus(analysis.paths.SEEDS_DIR)
    assert "rewrite" not in set(find_reuse(seeds)["kind"])


def test_text_recycled_verbatim_from_another_source_is_no_rewrite():
    c = case("port_tender")
    copy = {"name": "copy", "a": c["b"], "b": c["b"], "label": "rewrite", "pairs": []}
    reuse = find_reuse(corpus_of_case(c, copy))
    # copy_a and copy_b are verbatim copies of port_tender_b: no rewrite row reaches them.
    rewrite_targets = set(reuse.loc[reuse["kind"] == "rewrite", "target_id"])
    assert rewrite_targets == {"port_tender_b"}


def test_sentence_match_matches_names_spelt_alike_only():
    a = _sentence_stems("Minister Hasanov met General Dalkiran.")
    assert sentence_match(a, _sentence_stems("Minister Gasanov met General Dalkyran.")) == (1.0, 5)
    assert sentence_match(a, _sentence_stems("Minister Bayramov met General Aliyev.")) == (0.6, 3)
    assert sentence_match(a, ((), frozenset())) == (0.0, 0)


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("It was held, the Defence Ministry told Caspian Wire.", "Defence Ministry"),
        ("Output rose, according to the State Statistics Committee.", "State Statistics Committee"),
        ("The Central Bank said rates would stay.", "Central Bank"),
        ("The ministry's press service said so.", ""),
        ("", ""),
    ],
)
def test_named_origin(text, origin):
    assert named_origin(text) == origin


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rewrite": "yes"}, "rewrite must be True or False"),
        ({"rewrite_threshold": 0}, r"rewrite_threshold must be in \(0, 1\]"),
        ({"rewrite_min_sentences": 0}, "rewrite_min_sentences must be a positive integer"),
        ({"rewrite_max_df": -3}, "rewrite_max_df must be a positive integer"),
    ],
)
def test_bad_rewrite_options_are_refused(options, message):
    with pytest.raises(ValueError, match=message):
        find_reuse(corpus_of_case(case("port_tender")), **options)
