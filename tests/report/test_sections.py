"""What the report's chronology and sources sections choose to show: the timeline within the
corpus's own dates (outliers listed, not plotted), the overlap largest first."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.report import steps
from analysis.report.pipeline import run_report
from analysis.report.steps import (
    MAX_OVERLAP_PAIRS,
    ReportState,
    chronology_step,
    corpus_step,
    reuse_step,
    sources_step,
)


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "date": ["2022-03-01", "2022-03-04"],
            "author": ["Desk A", None],
            "outlet": [None, "Azernews"],
            "text": [
                "The company was founded in 1630 by merchants. Talks resumed on March 3, 2022, "
                "the ministry said.",
                "The treaty of 1921 still holds. The bridge will open in 2024, officials said on "
                "Friday.",
            ],
        }
    )
    out = tmp_path_factory.mktemp("dated")
    steps_run = [corpus_step, reuse_step, chronology_step]
    return run_report(frame, out, steps=steps_run, progress=False)


def test_events_far_from_the_publication_period_are_listed_not_plotted(dated):
    out = dated.out_dir
    timeline = pd.read_parquet(out / "tables" / "chronology_timeline.parquet")
    assert timeline["value"].tolist() == ["1630", "1921", "2022-03-03", "2022-03-04", "2024"]
    outliers = pd.read_parquet(out / "tables" / "chronology_outliers.parquet")
    assert outliers[["value", "label"]].values.tolist() == [
        ["1630", "The company was founded by merchants"],
        ["1921", "The treaty still holds"],
    ]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert (
        "2 of the 5 events lie more than 50 years from the publication period (2022-03-01 to "
        "2022-03-04): history, or a number read as a year (a clock time such as 1630); they are "
        "listed in the outliers table, not plotted."
    ) in page
    assert "<img alt='The 3 of 3 events within 50 years of the publication dates, those named " in (
        page
    )
    assert "<h3 id='chronology-outliers'>outliers</h3><p class='note'>showing 2 of 2 rows" in page
    events = json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert [event["start_date"]["year"] for event in events] == [2022, 2022, 2024]


def test_the_timeline_figure_labels_events_by_date_and_publications_by_outlet():
    corpus = load_corpus(
        pd.DataFrame(
            {
                "id": ["a", "b"],
                "date": ["2022-03-01", "2022-03-04"],
                "author": ["Desk A", None],
                "outlet": [None, "Azernews"],
                "text": ["The company was founded in 1630. Talks resumed on March 3, 2022.",
                         "The bridge will open in 2024, officials said on Friday."],
            }
        )
    )  # fmt: skip
    state = ReportState(corpus)
    reuse_step(state)
    section = chronology_step(state)
    overview, zoom = section.figures["timeline"].axes[:2]
    assert [t.get_text() for t in overview.get_yticklabels()] == [
        "2022-03-03  Talks resumed: The company was founded in …",
        "2022-03-04  The bridge will open in 2024",
        "2024  The bridge will open",
    ]
    assert [t.get_text() for t in zoom.texts if "published" in t.get_text()] == [
        "Desk A\npublished 2022-03-01",
        "Azernews\npublished 2022-03-04",
    ]


def _overlap_row(a: str, b: str, sources: tuple, entities: tuple) -> dict:
    return {
        "article_a": a, "article_b": b, "n_sources_a": 6, "n_sources_b": 6,
        "shared_sources": sources, "sources_jaccard": 0.0, "sources_via_reuse": (),
        "n_entities_a": 9, "n_entities_b": 9, "shared_entities": entities,
        "entities_jaccard": 0.0, "entities_via_reuse": (),
    }  # fmt: skip


def test_the_overlap_figure_and_preview_show_the_largest_shared_sets_first(monkeypatch):
    ids = [f"s{n:02d}" for n in range(20)]
    corpus = load_corpus(
        pd.DataFrame(
            {
                "id": ids,
                "date": [f"2022-01-{n + 1:02d}" for n in range(20)],
                "outlet": ["Wire"] * 20,
                "text": [f"Story {n} opened quietly." for n in range(20)],
            }
        )
    )
    rows = [_overlap_row(ids[0], ids[1], ("X",), ("P", "Q", "R"))]  # 1 source, 3 entities
    rows.append(_overlap_row(ids[0], ids[2], (), ("P", "Q", "R", "S")))  # entities only
    rows.append(_overlap_row(ids[1], ids[2], ("X", "Y"), ()))
    rows.append(_overlap_row(ids[2], ids[3], ("X", "Y"), ("P",)))
    rows.append(_overlap_row(ids[3], ids[4], ("X",), ("P", "Q", "R")))  # ties with row 0
    rows += [_overlap_row(ids[5 + n], ids[6 + n], ("Z",), ()) for n in range(14)]
    crafted = pd.DataFrame(rows)
    monkeypatch.setattr(steps, "source_overlap", lambda *args, **kwargs: crafted)
    state = ReportState(corpus)
    reuse_step(state)
    section = sources_step(state)
    preview = section.previews["overlap"].frame
    assert list(zip(preview["article_a"], preview["article_b"], strict=True))[:6] == [
        ("s02", "s03"), ("s01", "s02"), ("s00", "s01"), ("s03", "s04"), ("s05", "s06"),
        ("s06", "s07"),
    ]  # fmt: skip
    assert list(zip(preview["article_a"], preview["article_b"], strict=True))[-1] == (
        "s00",
        "s02",
    )
    assert preview["a"].iloc[0] == "2022-01-03 · Wire: Story 2 opened quietly."
    figure = section.figures["overlap"]
    assert MAX_OVERLAP_PAIRS == 15
    assert figure.axes[0].get_title(loc="left") == (
        "The 15 of 18 pairs of articles that share a source: most shared sources first, then "
        "entities"
    )
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert ticks == ["sources", "entities"] * 15
    headings = [t.get_text() for t in figure.axes[0].texts if " vs " in t.get_text()]
    assert len(headings) == 15
    assert headings[:2] == [
        "2022-01-03 · Wire: Story 2 opened … vs 2022-01-04 · Wire: Story 3 opened …",
        "2022-01-02 · Wire: Story 1 opened … vs 2022-01-03 · Wire: Story 2 opened …",
    ]


def test_preview_links_escape_every_cell_and_drop_the_address_columns():
    from analysis.report.html import _shorten, _with_links

    shown = pd.DataFrame(
        {
            "family_id": [3, 7],
            "origin": ["<b>Wire</b> & co", "plain"],
            "page": ["families/family-3.html", None],
            "origin_page": ["articles/article-00001.html", "articles/a'b.html"],
            "text": ["a < b", None],
        }
    )
    out = _with_links(_shorten(shown), {"family_id": "page", "origin": "origin_page"})
    assert out.to_dict("list") == {
        "family_id": ["<a href='families/family-3.html'>3</a>", 7],
        "origin": [
            "<a href='articles/article-00001.html'>&lt;b&gt;Wire&lt;/b&gt; &amp; co</a>",
            "<a href='articles/a&#x27;b.html'>plain</a>",
        ],
        "text": ["a &lt; b", ""],
    }
