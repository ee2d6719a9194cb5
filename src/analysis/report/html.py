"""The self-contained ``report.html``: one page, figures inlined, every piece of text escaped."""

from __future__ import annotations

import base64
import html

import pandas as pd

from analysis.report.steps import Section
from analysis.report.writing import figure_bytes, flat_table

__all__ = ["render_html"]

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0} td,th{border:1px solid #ddd;
padding:.25em .5em;vertical-align:top;text-align:left} th{background:#f4f4f4}
img{max-width:100%} nav a{margin-right:1em} .note{color:#555;font-size:.9em}
.scroll{overflow-x:auto;max-height:32em;overflow-y:auto}
"""


def _shorten(frame: pd.DataFrame, width: int = 140) -> pd.DataFrame:
    """Cut long text cells for display (the full text is in the CSV and Parquet tables)."""
    shown = frame.copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].map(
                lambda v: v[: width - 1] + "…" if isinstance(v, str) and len(v) > width else v
            )
    return shown


def render_html(
    sections: list[Section], summary: dict, images: dict[tuple[str, str], bytes] | None = None
) -> str:
    """The report page; ``images`` maps (section key, figure name) to PNG bytes already rendered
    (the files of ``figures/``), so a figure is not drawn again; the others are rendered here."""
    images = images or {}
    nav = " ".join(f'<a href="#{s.key}">{html.escape(s.title)}</a>' for s in sections)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>News corpus report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>News corpus report</h1>",
        f"<nav>{nav}</nav>",
        "<p class='note'>"
        + ", ".join(f"{html.escape(str(k))}: {html.escape(str(v))}" for k, v in summary.items())
        + "</p>",
    ]
    for section in sections:
        parts.append(f"<h2 id='{section.key}'>{html.escape(section.title)}</h2>")
        parts.append(f"<p>{html.escape(section.intro)}</p>")
        for name, fig in section.figures.items():
            png = images.get((section.key, name)) or figure_bytes(fig, "png")
            data = base64.b64encode(png).decode("ascii")
            parts.append(f"<img alt='{html.escape(name)}' src='data:image/png;base64,{data}'>")
        parts.append(section.html)
        for name in section.shown_tables:
            frame = section.tables[name]
            parts.append(f"<h3>{html.escape(name.replace('_', ' '))} ({len(frame)} rows)</h3>")
            parts.append(
                f"<p class='note'>Full table: tables/{section.key}_{name}.csv (and .parquet)</p>"
            )
            parts.append("<div class='scroll'>")
            parts.append(
                _shorten(flat_table(frame.head(50))).to_html(escape=True, border=0, na_rep="")
            )
            parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)
