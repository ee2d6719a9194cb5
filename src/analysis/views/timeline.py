"""Timeline figure: events on a date axis, publication dates marked, recycled mentions told apart.

Two panels share the event rows: the left spans every event given, the right zooms on the
publication period, where most events of a news corpus fall. An event that denotes a day is a
dot; a month, quarter, season or year is a bar over its interval. Filled marks are events told in
original text; hollow, hatched marks are events told only in recycled text; a red edge marks a
stale date (a recycled relative date that would resolve differently in the later article). The
zoom panel notes how many of an event's mentions are recycled. Dashed vertical lines are the
articles' publication dates, each labelled with its outlet or author (its id where it has
neither); above :data:`MAX_PUBLICATION_LINES` articles, the publication period is one shaded band
instead, labelled with its first and last day and the number of articles, so the figure reads
the same for two articles or twenty thousand. Each event is labelled with its date (as precise
as the event: a day, a month, a year, or a span) and a short description cut after a whole word.

A timeline spans the corpus's own dates: :func:`split_outliers` sets apart the events that lie
more than :data:`OUTLIER_YEARS` years before the first or after the last publication date (a
clock time read as the year 1630, a date centuries away), for a table rather than the figure;
background a few decades back (the seeds' 1992) stays on it.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["OUTLIER_YEARS", "event_date", "plot_timeline", "shorten_label", "split_outliers"]

ORIGINAL = "#1f5f8b"
RECYCLED = "#d08c2b"
STALE = "#c0392b"
PUBLISHED = "#555555"
#: Up to this many articles' publication dates are drawn as lines, each labelled; more as a band.
MAX_PUBLICATION_LINES = 12
#: Events further than this many years from the publication period are outliers (listed apart).
OUTLIER_YEARS = 50


def split_outliers(
    timeline: pd.DataFrame, articles: pd.DataFrame, *, years: int = OUTLIER_YEARS
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split the events into those near the corpus's publication period and the outliers.

    Parameters
    ----------
    timeline : pandas.DataFrame
        Events with ``date_start`` and ``date_end`` (:func:`analysis.build_timeline`).
    articles : pandas.DataFrame
        ``Corpus.articles`` (column ``date``, at least one article).
    years : int, default :data:`OUTLIER_YEARS`
        An event is an outlier when it ends more than this many years before the first
        publication date or starts more than this many years after the last one.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The events within the window and the outliers, each in the order of ``timeline``.

    Raises
    ------
    ValueError
        If ``years`` is negative, ``articles`` is empty or a date column is missing.

    Examples
    --------
    >>> events = pd.DataFrame({"value": ["1630", "1987-03-02", "1980"],
    ...     "date_start": pd.to_datetime(["1630-01-01", "1987-03-02", "1980-01-01"]),
    ...     "date_end": pd.to_datetime(["1630-12-31", "1987-03-02", "1980-12-31"])})
    >>> arts = pd.DataFrame({"date": pd.to_datetime(["1987-02-26", "1987-10-19"])})
    >>> near, far = split_outliers(events, arts)
    >>> near["value"].tolist(), far["value"].tolist()
    (['1987-03-02', '1980'], ['1630'])
    """
    if isinstance(years, bool) or not isinstance(years, int) or years < 0:
        raise ValueError(f"years must be a non-negative integer, not {years!r}")
    missing = {"date_start", "date_end"} - set(timeline.columns)
    if missing or "date" not in articles.columns:
        raise ValueError(
            "timeline needs date_start and date_end, articles needs date; "
            f"missing: {sorted(missing | ({'date'} - set(articles.columns)))}"
        )
    if articles.empty:
        raise ValueError("articles is empty: there is no publication period")
    first = articles["date"].min() - pd.DateOffset(years=years)
    last = articles["date"].max() + pd.DateOffset(years=years)
    far = (timeline["date_end"] < first) | (timeline["date_start"] > last)
    return timeline[~far], timeline[far]


def event_date(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """An event's date as precise as the event: a day, a month, a year, or ``start – end``.

    Examples
    --------
    >>> day, end_of_june = pd.Timestamp("2021-06-15"), pd.Timestamp("2021-06-30")
    >>> event_date(day, day), event_date(pd.Timestamp("2021-06-01"), end_of_june)
    ('2021-06-15', '2021-06')
    >>> event_date(pd.Timestamp("1992-01-01"), pd.Timestamp("1992-12-31"))
    '1992'
    >>> event_date(pd.Timestamp("2021-04-01"), end_of_june)  # a quarter
    '2021-04-01 – 2021-06-30'
    """
    if start == end:
        return f"{start:%Y-%m-%d}"
    if start.day == 1 and end == start + pd.offsets.MonthEnd(0):
        return f"{start:%Y-%m}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start:%Y}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


def shorten_label(label: str, width: int) -> str:
    """``label`` in at most ``width`` characters, cut after a whole word and ended with "…".

    Parameters
    ----------
    label : str
        An event label.
    width : int
        The most characters kept, "…" included (at least 2).

    Returns
    -------
    str
        The label itself if it fits; else its longest run of whole words that fits with " …"
        (a first word longer than that is cut, the one case where a word is cut).

    Raises
    ------
    ValueError
        If ``width`` is below 2.

    Examples
    --------
    >>> shorten_label("The two countries signed a memorandum of alliance", 30)
    'The two countries signed a …'
    >>> shorten_label("Drills in May", 30)
    'Drills in May'
    """
    if width < 2:
        raise ValueError(f"width must be at least 2, not {width}")
    if len(label) <= width:
        return label
    kept = label[: width - 1]
    cut = kept.rfind(" ")
    if cut <= 0:
        return kept + "…"
    return kept[:cut].rstrip(" ,;:–—-…") + " …"


def _credit(articles: pd.DataFrame, article_id) -> str:
    """Who published an article, for a reader: its outlet or author, else its id."""
    for column in ("outlet", "author"):
        value = articles[column].get(article_id) if column in articles.columns else None
        if isinstance(value, str) and value:
            return value
    return str(article_id)


#: The share of the zoomed panel's width a note may need (measured on the report's figures).
_NOTE_WIDTH = 0.45
#: The white ground of a note written over bars.
_NOTE_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.85, "linewidth": 0}


def _note_place(start, end, window) -> tuple[object, int, str, bool]:
    """Where an event's note goes in the zoomed panel: ``(x, offset in points, alignment,
    on a white ground)``.

    The note takes up to about :data:`_NOTE_WIDTH` of the panel's width ("N of M mentions in
    recycled text" at 7 points, at the figure's size). It is written right of the event's
    visible end when that leaves room, else left of its visible start, else over the middle of
    the panel on a white ground (a bar across the whole window), so it is never cut by the
    panel's edges nor drawn in the bar's colour over the bar.

    >>> lo, hi = pd.Timestamp("2021-01-01"), pd.Timestamp("2021-12-31")
    >>> _note_place(pd.Timestamp("2021-02-01"), pd.Timestamp("2021-02-01"), (lo, hi))[1:]
    (8, 'left', False)
    >>> _note_place(pd.Timestamp("2021-12-01"), pd.Timestamp("2021-12-01"), (lo, hi))[1:]
    (-8, 'right', False)
    >>> _note_place(pd.Timestamp("2020-01-01"), pd.Timestamp("2022-12-31"), (lo, hi))[1:]
    (0, 'center', True)
    """
    lo, hi = window
    span = hi - lo
    shown_start = min(max(start, lo), hi)
    shown_end = min(max(end + pd.Timedelta(days=1), lo), hi)
    if shown_end <= lo + (1 - _NOTE_WIDTH) * span:
        return shown_end if end > start else shown_start, 8, "left", False
    if shown_start >= lo + _NOTE_WIDTH * span:
        return shown_start, -8, "right", False
    return lo + 0.5 * span, 0, "center", True


def plot_timeline(
    timeline: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    zoom_margin_days: int = 120,
    label_width: int = 48,
) -> Figure:
    """Draw a timeline of events (from :func:`analysis.build_timeline`).

    Parameters
    ----------
    timeline : pandas.DataFrame
        Events with ``date_start, date_end, label, reused, stale`` (and, optionally,
        ``n_mentions, n_reused``).
    articles : pandas.DataFrame
        ``Corpus.articles`` (index ``article_id``, column ``date``): the publication dates.
    zoom_margin_days : int, default 120
        The right panel covers the publication dates widened by this many days on each side.
    label_width : int, default 48
        Event labels longer than this many characters are cut after a whole word (see
        :func:`shorten_label`); each is shown after the event's date (:func:`event_date`).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> events = pd.DataFrame({"date_start": pd.to_datetime(["1992-01-01", "2021-06-15"]),
    ...     "date_end": pd.to_datetime(["1992-12-31", "2021-06-15"]), "label": ["a", "b"],
    ...     "reused": [True, False], "stale": [False, False]})
    >>> arts = pd.DataFrame({"date": pd.to_datetime(["2021-07-15"])}, index=["x"])
    >>> len(plot_timeline(events, arts).axes)
    2
    """
    missing = {"date_start", "date_end", "label", "reused", "stale"} - set(timeline.columns)
    if missing:
        raise ValueError(f"timeline lacks column(s) {sorted(missing)}; use build_timeline()")
    if zoom_margin_days < 0 or label_width < 4:
        raise ValueError("zoom_margin_days must be >= 0 and label_width >= 4")
    events = timeline.sort_values(["date_start", "date_end"], kind="stable").reset_index(drop=True)
    published = articles["date"].sort_values()
    height = 1.6 + 0.42 * max(len(events), 1)
    fig, (overview, zoom) = plt.subplots(
        1, 2, sharey=True, width_ratios=[1, 1.4], figsize=(12, height), layout="constrained"
    )
    rows = range(len(events))
    as_band = len(published) > MAX_PUBLICATION_LINES
    margin = pd.Timedelta(days=zoom_margin_days)
    window = (published.min() - margin, published.max() + margin)
    for ax in (overview, zoom):
        if as_band:
            ax.axvspan(published.min(), published.max() + pd.Timedelta(days=1), color=PUBLISHED,
                       alpha=0.12, zorder=0, linewidth=0)  # fmt: skip
        else:
            for day in published:
                ax.axvline(day, color=PUBLISHED, linestyle="--", linewidth=1, zorder=1)
        for row, event in zip(rows, events.itertuples(index=False), strict=True):
            mentions = getattr(event, "n_mentions", 1)
            recycled_only = bool(event.reused) and getattr(event, "n_reused", mentions) >= mentions
            color = RECYCLED if event.reused else ORIGINAL
            edge = STALE if event.stale else color
            span = (event.date_end - event.date_start).days
            if span >= 1:
                ax.barh(row, span + 1, left=event.date_start, height=0.5, color=color,
                        alpha=0.35 if recycled_only else 0.8, edgecolor=edge,
                        hatch="//" if recycled_only else None, zorder=2)  # fmt: skip
            ax.plot(event.date_start, row, marker="o", markersize=8, zorder=3,
                    markerfacecolor="white" if recycled_only else color,
                    markeredgecolor=edge, markeredgewidth=2)  # fmt: skip
            if ax is zoom and event.reused:
                note = f"{getattr(event, 'n_reused', 1)} of {mentions} mentions in recycled text"
                x, dx, ha, boxed = _note_place(event.date_start, event.date_end, window)
                ax.annotate(note, (x, row), xytext=(dx, -3), textcoords="offset points",
                            fontsize=7, color=edge, ha=ha, annotation_clip=False, clip_on=True,
                            bbox=_NOTE_BOX if boxed else None)  # fmt: skip
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    labels = [
        f"{event_date(start, end)}  {shorten_label(label, label_width)}"
        for start, end, label in zip(events.date_start, events.date_end, events.label, strict=True)
    ]
    overview.set_yticks(list(rows), labels, fontsize=8)
    # Top down, first event first; one row above it holds the publication note, half a row
    # below the last (matplotlib's default margins grow with the number of events).
    overview.set_ylim(max(len(events), 1) - 0.4, -1.1)
    first = min(events.date_start.min(), published.min()) if len(events) else published.min()
    last = max(events.date_end.max(), published.max()) if len(events) else published.max()
    overview.set_xlim(first - pd.Timedelta(days=365), last + pd.Timedelta(days=365))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    overview.xaxis.set_major_locator(locator)
    overview.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    overview.set_title("All events", fontsize=10)
    zoom.set_xlim(*window)
    zoom.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
    zoom.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    zoom.set_title("Around the publication dates", fontsize=10)
    if as_band:
        zoom.annotate(f"{len(published)} articles published\n{published.min():%Y-%m-%d} to "
                      f"{published.max():%Y-%m-%d}", (published.min(), 1),
                      xycoords=("data", "axes fraction"), xytext=(3, -3),
                      textcoords="offset points", fontsize=7, color=PUBLISHED,
                      va="top")  # fmt: skip
    else:
        for day, article_id in zip(published, published.index, strict=True):
            zoom.annotate(f"{_credit(articles, article_id)}\npublished {day:%Y-%m-%d}", (day, 1),
                          xycoords=("data", "axes fraction"), xytext=(3, -3),
                          textcoords="offset points", fontsize=7, color=PUBLISHED,
                          va="top")  # fmt: skip
    handles = [
        zoom.scatter([], [], marker="o", s=50, color=ORIGINAL, label="original text"),
        zoom.scatter(
            [], [], marker="o", s=50, color=RECYCLED, label="also told in recycled text"
        ),  # fmt: skip
        zoom.scatter(
            [],
            [],
            marker="o",
            s=50,
            facecolor="white",
            edgecolor=RECYCLED,
            linewidths=2,
            label="only in recycled text",
        ),  # fmt: skip
        zoom.scatter(
            [],
            [],
            marker="o",
            s=50,
            facecolor="white",
            edgecolor=STALE,
            linewidths=2,
            label="stale date in recycled text",
        ),  # fmt: skip
        zoom.plot([], [], color=PUBLISHED, linestyle="--", label="publication date")[0],
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=5, fontsize=8, frameon=False)
    fig.suptitle("Timeline of dated events across articles", fontsize=11)
    return fig
