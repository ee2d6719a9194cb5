"""Tests for the timeline figure: labels are a date and a description cut after whole words;
events far from the publication period are set apart (outliers)."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.views.timeline import (
    OUTLIER_YEARS,
    event_date,
    plot_timeline,
    shorten_label,
    split_outliers,
)

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
    assert shown == "2022-04-12  Azerbaijani Defence Minister Col-Gen …"
    assert label.startswith(shown.removeprefix("2022-04-12  ").removesuffix(" …"))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2021-06-15", "2021-06-15", "2021-06-15"),
        ("2021-06-01", "2021-06-30", "2021-06"),
        ("2024-02-01", "2024-02-29", "2024-02"),
        ("1992-01-01", "1992-12-31", "1992"),
        ("2021-04-01", "2021-06-30", "2021-04-01 – 2021-06-30"),
        ("2021-06-01", "2021-06-29", "2021-06-01 – 2021-06-29"),
        ("1990-01-01", "1999-12-31", "1990-01-01 – 1999-12-31"),
    ],
)
def test_event_date_is_as_precise_as_the_event(start, end, expected):
    assert event_date(pd.Timestamp(start), pd.Timestamp(end)) == expected


def test_publication_lines_name_the_outlet_or_author_not_the_id():
    events = pd.DataFrame({"date_start": pd.to_datetime(["2022-04-12"]),
                           "date_end": pd.to_datetime(["2022-04-12"]), "label": ["Talks"],
                           "reused": [False], "stale": [False]})  # fmt: skip
    articles = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-04-10", "2022-04-11", "2022-04-12"]),
            "outlet": ["Azernews", None, None],
            "author": ["Jane Roe", "Vugar Khalilov", None],
        },
        index=["001_8006", "002_aa11", "003_bb22"],
    )
    zoom = plot_timeline(events, articles).axes[1]
    assert [t.get_text() for t in zoom.texts] == [
        "Azernews\npublished 2022-04-10",
        "Vugar Khalilov\npublished 2022-04-11",
        "003_bb22\npublished 2022-04-12",
    ]


def _events(*spans: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": range(len(spans)),
            "date_start": pd.to_datetime([s for s, _ in spans]),
            "date_end": pd.to_datetime([e for _, e in spans]),
        }
    )


PUBLISHED = pd.DataFrame({"date": pd.to_datetime(["1987-02-26", "1987-10-19"])})


@pytest.mark.parametrize(
    ("span", "outlier"),
    [
        (("1987-03-02", "1987-03-02"), False),
        (("1630-01-01", "1630-12-31"), True),  # a clock time read as a year
        (("2305-01-01", "2305-12-31"), True),
        (("1937-02-26", "1937-02-26"), False),  # exactly fifty years before: kept
        (("1937-02-25", "1937-02-25"), True),  # one day more
        (("2037-10-19", "2037-10-19"), False),  # exactly fifty years after: kept
        (("2037-10-20", "2037-12-31"), True),
        (("1980-01-01", "1989-12-31"), False),  # a decade reaching into the period
        (("1900-01-01", "1999-12-31"), False),  # a century holding it
    ],
)
def test_split_outliers(span, outlier):
    near, far = split_outliers(_events(span), PUBLISHED)
    assert (len(near), len(far)) == ((0, 1) if outlier else (1, 0))
    assert OUTLIER_YEARS == 50


def test_split_outliers_keeps_the_order_and_takes_a_window():
    events = _events(("1630-01-01", "1630-12-31"), ("1987-03-02", "1987-03-02"),
                     ("1985-01-01", "1985-12-31"), ("1400-01-01", "1400-12-31"))  # fmt: skip
    near, far = split_outliers(events, PUBLISHED)
    assert (near["event_id"].tolist(), far["event_id"].tolist()) == ([1, 2], [0, 3])
    near, far = split_outliers(events, PUBLISHED, years=1)
    assert (near["event_id"].tolist(), far["event_id"].tolist()) == ([1], [0, 2, 3])
    near, far = split_outliers(events.iloc[:0], PUBLISHED)
    assert near.empty and far.empty


@pytest.mark.parametrize(
    ("events", "articles", "years", "message"),
    [
        (_events(), PUBLISHED, -1, "^years must be a non-negative integer, not -1$"),
        (_events(), PUBLISHED, 2.5, "^years must be a non-negative integer, not 2.5$"),
        (_events(), PUBLISHED, True, "^years must be a non-negative integer, not True$"),
        (_events(), PUBLISHED.iloc[:0], 5, "^articles is empty: there is no publication period$"),
        (
            _events().drop(columns="date_end"),
            PUBLISHED,
            5,
            r"^timeline needs date_start and date_end, articles needs date; "
            r"missing: \['date_end'\]$",
        ),
        (
            _events(),
            PUBLISHED.rename(columns={"date": "day"}),
            5,
            r"^timeline needs date_start and date_end, articles needs date; "
            r"missing: \['date'\]$",
        ),
    ],
)
def test_split_outliers_refuses_bad_input(events, articles, years, message):
    with pytest.raises(ValueError, match=message):
        split_outliers(events, articles, years=years)


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


def test_recycled_notes_stay_inside_the_zoomed_panel():
    # Forty recycled events spread over a year around a week of publication: single days at
    # the left and right edges, spans from before the window, one span across all of it.
    days = pd.date_range("1986-09-01", periods=36, freq="10D")
    starts = [*days, pd.Timestamp("1985-01-01"), pd.Timestamp("1986-01-01"),
              pd.Timestamp("1987-03-20"), pd.Timestamp("1985-06-01")]  # fmt: skip
    ends = [*days, pd.Timestamp("1985-12-31"), pd.Timestamp("1986-12-31"),
            pd.Timestamp("1987-06-30"), pd.Timestamp("1989-12-31")]  # fmt: skip
    events = pd.DataFrame({"date_start": starts, "date_end": ends,
                           "label": [f"Event {n}" for n in range(40)], "reused": True,
                           "stale": False, "n_mentions": 144, "n_reused": 12})  # fmt: skip
    articles = pd.DataFrame(
        {"date": pd.date_range("1987-02-26", periods=400, freq="h")},
        index=[f"a{n}" for n in range(400)],
    )
    fig = plot_timeline(events, articles)
    zoom = fig.axes[1]
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    panel = zoom.get_window_extent(renderer)
    notes = [t for t in zoom.texts if t.get_text().endswith("mentions in recycled text")]
    assert len(notes) == 40
    for note in notes:
        box = note.get_window_extent(renderer)
        assert panel.x0 - 0.5 <= box.x0 and box.x1 <= panel.x1 + 0.5, note.get_text()
    # The span across the whole window carries its note on a white ground, over the bar.
    grounded = [t for t in notes if t.get_bbox_patch() is not None]
    assert len(grounded) == 1
    assert grounded[0].get_bbox_patch().get_facecolor()[:3] == (1.0, 1.0, 1.0)
    plt.close(fig)
