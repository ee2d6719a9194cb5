"""Timeline figure: events on a date axis, publication dates marked, recycled mentions told apart.

Two panels share the event rows: the left spans the whole timeline (decades), the right zooms on
the publication period, where most events of a news corpus fall. An event that denotes a day is a
dot; a month, quarter, season or year is a bar over its interval. Filled marks are events told in
original text; hollow, hatched marks are events told only in recycled text; a red edge marks a
stale date (a recycled relative date that would resolve differently in the later article). The
zoom panel notes how many of an event's mentions are recycled. Dashed vertical lines are the
articles' publication dates; above :data:`MAX_PUBLICATION_LINES` articles, the publication
period is one shaded band instead, labelled with its first and last day and the number of
articles, so the figure reads the same for two articles or twenty thousand.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["plot_timeline", "shorten_label"]

ORIGINAL = "#1f5f8b"
RECYCLED = "#d08c2b"
STALE = "#c0392b"
PUBLISHED = "#555555"
#: Up to this many articles' publication dates are drawn as lines, each labelled; more as a band.
MAX_PUBLICATION_LINES = 12


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
        :func:`shorten_label`).

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
                ax.annotate(note, (event.date_start, row), xytext=(8, -3),
                            textcoords="offset points", fontsize=7, color=edge,
                            annotation_clip=False, clip_on=True)  # fmt: skip
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
    labels = [shorten_label(label, label_width) for label in events.label]
    overview.set_yticks(list(rows), labels, fontsize=8)
    overview.invert_yaxis()
    first = min(events.date_start.min(), published.min()) if len(events) else published.min()
    last = max(events.date_end.max(), published.max()) if len(events) else published.max()
    overview.set_xlim(first - pd.Timedelta(days=365), last + pd.Timedelta(days=365))
    overview.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
    overview.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    overview.set_title("All events", fontsize=10)
    margin = pd.Timedelta(days=zoom_margin_days)
    zoom.set_xlim(published.min() - margin, published.max() + margin)
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
            zoom.annotate(f"{article_id}\npublished {day:%Y-%m-%d}", (day, 1),
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
