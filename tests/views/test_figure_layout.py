"""Layout of the bar charts at corpus size: the legend sits just under the axis whatever the
number of bars, the bars keep their width beside long labels, and a pair's heading in the overlap
chart never touches a bar."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.views.reuse import reuse_share_chart
from analysis.views.sources import plot_overlap

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _drawn(fig):
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    return renderer


def _legend_gap_inches(fig, renderer) -> float:
    ax = fig.axes[0]
    below_axis = ax.get_tightbbox(renderer).y0  # the x label and tick labels included
    legend = fig.legends[0].get_window_extent(renderer)
    assert legend.y1 <= below_axis + 0.5  # under the axis, not over it
    return (below_axis - legend.y1) / fig.dpi


@pytest.mark.parametrize("n", [1, 2, 30])
def test_reuse_share_legend_sits_under_the_axis(n):
    shares = pd.DataFrame(
        {"reused_chars": [50] * n, "total_chars": [100] * n, "reuse_share": [0.5] * n},
        index=[f"article {i}" for i in range(n)],
    )
    labels = {f"article {i}": f"1987-03-0{i % 9 + 1} · Reuters: " + "word " * 12 for i in range(n)}
    fig = reuse_share_chart(shares, labels=labels)
    renderer = _drawn(fig)
    assert _legend_gap_inches(fig, renderer) < 0.4
    # Long labels widen the figure instead of squeezing the bars.
    assert fig.axes[0].get_window_extent(renderer).width / fig.dpi > 3.5


def _overlap(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_a": [f"a{i}" for i in range(n)],
            "article_b": [f"b{i}" for i in range(n)],
            "n_sources_a": [3] * n,
            "n_sources_b": [4] * n,
            "shared_sources": [("X", "Y")] * n,
            "sources_via_reuse": [("Y",)] * n,
            "n_entities_a": [30] * n,
            "n_entities_b": [36] * n,
            "shared_entities": [tuple("PQRSTUVWXYZ")] * n,
            "entities_via_reuse": [()] * n,
        }
    )


@pytest.mark.parametrize("n", [1, 15])
def test_overlap_headings_clear_the_bars_and_the_legend_sits_under(n):
    labels = {
        f"{s}{i}": f"1987-03-11 · Reuters: Iraq said today {s}{i}" for s in "ab" for i in range(n)
    }
    fig = plot_overlap(_overlap(n), labels=labels)
    renderer = _drawn(fig)
    ax = fig.axes[0]
    headings = [t.get_window_extent(renderer) for t in ax.texts if " vs " in t.get_text()]
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    # sources: 1 earlier only, 1 shared own, 1 via recycled text, 2 later only; entities: 19,
    # 11 shared own, none via recycled text (no bar), 25
    assert len(headings) == n and len(bars) == 7 * n
    for heading in headings:
        for bar in bars:
            assert not heading.overlaps(bar)
    assert _legend_gap_inches(fig, renderer) < 0.4
