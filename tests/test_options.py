"""Options: one validated object per analysis, shared by the API, Dask and the command line."""

from __future__ import annotations

import argparse
import dataclasses

import numpy as np
import pytest

from analysis import (
    AnalysisOptions,
    OverlapOptions,
    ReuseOptions,
    TimelineOptions,
    align_pair,
    find_reuse,
    load_corpus,
)
from analysis.options import SourcesOptions, add_arguments, from_arguments
from analysis.paths import SEEDS_DIR


def test_defaults():
    assert dataclasses.asdict(ReuseOptions()) == {
        "k": 4,
        "min_words": 10,
        "max_gap": 8,
        "max_df": None,
        "sources": "nearest",
        "paraphrase": True,
        "paraphrase_threshold": 0.45,
        "paraphrase_min_common": 6,
        "template": True,
        "template_close_frames": 0,
        "rewrite": True,
        "rewrite_threshold": 0.5,
        "rewrite_min_common": 4,
        "rewrite_min_sentences": 2,
        "rewrite_max_df": 50,
        "rewrite_min_shared": 3,
        "processes": 1,
    }
    assert dataclasses.asdict(TimelineOptions()) == {
        "similarity": 0.6, "exact_limit": 300, "processes": 1,
    }  # fmt: skip
    assert dataclasses.asdict(OverlapOptions()) == {"max_articles": 200, "entity_kinds": None}


@pytest.mark.parametrize(
    ("cls", "values", "message"),
    [
        (ReuseOptions, {"k": 0}, "k must be a positive integer, got 0"),
        (ReuseOptions, {"k": True}, "k must be a positive integer, got True"),
        (ReuseOptions, {"k": 4.0}, "k must be a positive integer, got 4.0"),
        (ReuseOptions, {"max_gap": -1}, "max_gap must be a non-negative integer, got -1"),
        (ReuseOptions, {"max_df": 0}, "max_df must be None or an integer >= 1, got 0"),
        (
            ReuseOptions,
            {"template_close_frames": -1},
            "template_close_frames must be a non-negative integer, got -1",
        ),
        (
            ReuseOptions,
            {"template_close_frames": 2.5},
            "template_close_frames must be a non-negative integer, got 2.5",
        ),
        (
            ReuseOptions,
            {"sources": "some"},
            "sources must be 'nearest' or 'all' or 'covering', got 'some'",
        ),
        (ReuseOptions, {"paraphrase": "yes"}, "paraphrase must be True or False, got 'yes'"),
        (ReuseOptions, {"paraphrase_threshold": 0}, r"paraphrase_threshold must be in \(0, 1\]"),
        (ReuseOptions, {"paraphrase_threshold": 45}, r"paraphrase_threshold must be in \(0, 1\]"),
        (TimelineOptions, {"similarity": 60}, "similarity must be between 0 and 1, got 60"),
        (TimelineOptions, {"exact_limit": -1}, "exact_limit must be a non-negative integer"),
        (OverlapOptions, {"entity_kinds": ("people",)}, "entity_kinds must be None or a tuple"),
        (OverlapOptions, {"entity_kinds": "person"}, "entity_kinds must be None or a tuple"),
    ],
)
def test_bad_values_fail_where_they_are_written(cls, values, message):
    with pytest.raises(ValueError, match=message):
        cls(**values)


def test_numpy_integers_are_integers():
    assert ReuseOptions(k=np.int64(5)).k == 5


def test_options_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        ReuseOptions().k = 5  # type: ignore[misc]


def test_merged_applies_overrides_and_refuses_unknown_names():
    base = ReuseOptions(k=5)
    assert ReuseOptions.merged(base, min_words=12) == ReuseOptions(k=5, min_words=12)
    assert ReuseOptions.merged(base) is base
    assert ReuseOptions.merged(None) == ReuseOptions()
    with pytest.raises(TypeError, match=r"unknown ReuseOptions option\(s\) \['min_word'\]"):
        ReuseOptions.merged(None, min_word=12)
    with pytest.raises(TypeError, match="options must be a ReuseOptions, got TimelineOptions"):
        ReuseOptions.merged(TimelineOptions())
    with pytest.raises(ValueError, match="min_words must be a positive integer"):
        ReuseOptions.merged(base, min_words=0)


def test_object_and_keywords_give_the_same_passages():
    corpus = load_corpus(SEEDS_DIR)
    by_object = find_reuse(corpus, ReuseOptions(paraphrase=False))
    by_name = find_reuse(corpus, paraphrase=False)
    assert by_object.equals(by_name)
    assert by_object["kind"].tolist() == ["verbatim"]
    a = "the two armies will hold joint drills in the region in May this year"
    assert align_pair(a, a, ReuseOptions(min_words=20)) == []
    assert len(align_pair(a, a, min_words=10)) == 1


def test_analysis_options_bundle_checks_types():
    assert AnalysisOptions().reuse == ReuseOptions()
    with pytest.raises(TypeError, match="reuse must be a ReuseOptions, got dict"):
        AnalysisOptions(reuse={"k": 4})


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(argv)


def test_every_field_has_a_flag():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    flags = {flag for action in parser._actions for flag in action.option_strings}
    assert flags >= {
        "--k",
        "--min-words",
        "--max-gap",
        "--max-df",
        "--sources",
        "--no-paraphrase",
        "--paraphrase-threshold",
        "--paraphrase-min-common",
        "--timeline-similarity",
        "--timeline-exact-limit",
        "--timeline-processes",
        "--overlap-entity-kinds",
    }


def test_flags_build_the_options():
    options = from_arguments(
        parse(
            ["--min-words", "12", "--no-paraphrase", "--sources", "covering",
             "--timeline-similarity", "0.8", "--overlap-entity-kinds", "person, place"]
        )
    )  # fmt: skip
    assert options == AnalysisOptions(
        reuse=ReuseOptions(min_words=12, paraphrase=False, sources="covering"),
        timeline=TimelineOptions(similarity=0.8),
        overlap=OverlapOptions(entity_kinds=("person", "place")),
    )
    assert from_arguments(parse([])) == AnalysisOptions()


def test_a_bad_flag_names_the_flag():
    with pytest.raises(ValueError, match="--timeline-similarity: similarity must be between 0"):
        from_arguments(parse(["--timeline-similarity", "60"]))


def test_sources_processes_flag():
    options = from_arguments(parse(["--sources-processes", "2"]))
    assert options == AnalysisOptions(sources=SourcesOptions(processes=2))
    assert AnalysisOptions().sources == SourcesOptions(processes=1)


@pytest.mark.parametrize("value", [0, -2, 1.5, True, "2", None])
def test_sources_processes_must_be_a_positive_integer(value):
    with pytest.raises(ValueError, match="processes must be a positive integer"):
        SourcesOptions(processes=value)
