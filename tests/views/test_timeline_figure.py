"""Tests for the timeline figure's labels: cut after whole words, never inside one."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis.views.timeline import plot_timeline, shorten_label

matplotlib.use("Agg")


@pytest.mark.parametrize(
    ("label", "width", "expected"),
    [
        ("Drills in May", 20, "Drills in May"),
        ("Drills in May", 13, "Drills in May"),
        ("Drills in May", 12, "Drills in …"),
        ("The two countries signed a memorandum of alliance", 30, "The two countries signed a …"),
        # No comma or dash is left before the ellipsis.
        ("Talks ended, officials said on Tuesday", 16, "Talks ended …"),
        ("Talks broke down - the envoy left Geneva", 20, "Talks broke down …"),
        # A first word longer than the width is the one word that is cut.
        ("Interdepartmental talks", 10, "Interdepa…"),
        ("", 5, ""),
    ],
)
def test_shorten_label(label, width, expected):
    shortened = shorten_label(label, width)
    assert shortened == expected
    assert len(shortened) <= width


def test_shorten_label_refuses_a_width_below_two():
    with pytest.raises(ValueError, match="^width must be at least 2, not 1$"):
        shorten_label("Drills", 1)


def test_figure_labels_end_after_whole_words():
    label = "Azerbaijani Defence Minister Col-Gen Zakir Hasanov met Turkish Chief of Staff"
    events = pd.DataFrame({"date_start": pd.to_datetime(["2022-04-12"]),
                           "date_end": pd.to_datetime(["2022-04-12"]), "label": [label],
                           "reused": [False], "stale": [False]})  # fmt: skip
    articles = pd.DataFrame({"date": pd.to_datetime(["2022-04-12"])}, index=["a"])
    overview = plot_timeline(events, articles, label_width=40).axes[0]
    shown = overview.get_yticklabels()[0].get_text()
    assert shown == "Azerbaijani Defence Minister Col-Gen …"
    assert label.startswith(shown.removesuffix(" …"))


def test_many_publication_dates_are_one_band():
    from analysis.views.timeline import MAX_PUBLICATION_LINES, plot_timeline

    events = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2022-03-01"]),
            "date_end": pd.to_datetime(["2022-03-01"]),
            "label": ["Talks"],
            "reused": [False],
            "stale": [False],
        }
    )
    n = MAX_PUBLICATION_LINES + 8
    days = pd.date_range("2022-03-02", periods=n, freq="D")
    arts = pd.DataFrame({"date": days}, index=[f"a{k}" for k in range(n)])
    zoom = plot_timeline(events, arts).axes[1]
    notes = [t.get_text() for t in zoom.texts]
    assert notes == [f"{n} articles published\n2022-03-02 to {days[-1]:%Y-%m-%d}"]
    dashed = [  # publication lines; the legend's sample line has no data
        line for line in zoom.get_lines() if line.get_linestyle() == "--" and len(line.get_xdata())
    ]
    assert dashed == []
