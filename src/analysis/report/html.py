"""The self-contained ``report.html``: one page, figures inlined, every piece of text escaped.

Design
------
Each section's figures are inlined as PNG with alt text; each table it shows is an interactive
table (sort, search, page) made by itables, whose DataTables bundle is inlined once, so the page
works offline and from its folder. A table shows the first :data:`PREVIEW_ROWS` rows of its
preview (ordered by interest, with article labels: see :class:`~analysis.report.steps.Preview`),
says how many of how many and in what order, and links to the full CSV and Parquet files beside
the page; a missing text value shows as an empty cell, not "NaN". The first screen holds a box
with each section's headline (the largest boilerplate family, with a link to its page) and the
run's counts. Every id in the page is fixed by the section and table names, so the same results
give the same bytes.
"""

from __future__ import annotations

import base64
import html

import pandas as pd
from itables import to_html_datatable
from itables.javascript import generate_init_offline_itables_html
from itables.options import dt_bundle

from analysis.report.steps import Section
from analysis.report.writing import figure_bytes, flat_table

__all__ = ["PREVIEW_ROWS", "render_html"]

#: The most rows of a table the page carries (the full table is in tables/).
PREVIEW_ROWS = 1000

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0} td,th{border:1px solid #ddd;
padding:.25em .5em;vertical-align:top;text-align:left} th{background:#f4f4f4}
img{max-width:100%} nav a{margin-right:1em} .note{color:#555;font-size:.9em}
.scroll{overflow-x:auto;max-height:32em;overflow-y:auto}
.headline{border:1px solid #2e8b57;background:#f1f8f3;padding:.6em 1em;margin:1em 0}
.headline p{margin:.3em 0} .quote{background:#f7f7f2;padding:.3em .8em;
border-left:3px solid #2e8b57;margin:.3em 0;font-size:.92em} ol.families li{margin:.6em 0}
.quote.whole{white-space:pre-wrap}
"""


def _shorten(frame: pd.DataFrame, width: int = 140) -> pd.DataFrame:
    """Cut long text cells for display, their line breaks and runs of white space shown as one
    space (the full text is in the CSV and Parquet tables); a missing text is an empty cell."""
    shown = frame.copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: _cut(v, width)).astype(object)
            shown[column] = shown[column].where(shown[column].notna(), "")
    return shown


def _cut(value, width: int):
    if not isinstance(value, str):
        return value
    value = " ".join(value.split()) if any(c.isspace() and c != " " for c in value) else value
    return value[: width - 1] + "…" if len(value) > width else value


def _with_links(shown: pd.DataFrame, links: dict[str, str]) -> pd.DataFrame:
    """Every text cell escaped for HTML; each column of ``links`` made a link to the address in
    its address column, which is then left out (a row with no address, missing or empty, keeps
    plain text)."""
    out = shown.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = (
                out[column]
                .map(lambda v: html.escape(v) if isinstance(v, str) else v)
                .astype(object)
            )
    for column, address in links.items():
        out[column] = [
            f"<a href='{html.escape(href, quote=True)}'>{text}</a>"
            if isinstance(href, str) and href
            else text
            for text, href in zip(out[column], shown[address], strict=True)
        ]
    return out.drop(columns=list(dict.fromkeys(links.values())))


def _figure_alt(fig, name: str) -> str:
    """A figure's alt text: its titles, or its name where it has none."""
    titles = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    titles += [
        ax.get_title(loc)
        for ax in fig.axes
        for loc in ("left", "center", "right")
        if ax.get_title(loc)
    ]
    return "; ".join(titles) or name.replace("_", " ")


def _table_html(section: Section, name: str) -> str:
    frame = section.tables[name]
    preview = section.previews.get(name)
    rows = preview.frame if preview is not None else frame
    shown = rows.head(PREVIEW_ROWS)
    order = preview.order if preview is not None else "in table order"
    stem = f"tables/{section.key}_{name}"
    title = html.escape(name.replace("_", " "))
    head = (
        f"<h3 id='{section.key}-{name}'>{title}</h3><p class='note'>showing {len(shown)} of "
        f"{len(frame)} rows, {html.escape(order)}; full table: <a href='{stem}.csv'>CSV</a>, "
        f"<a href='{stem}.parquet'>Parquet</a></p>"
    )
    if not len(shown):
        return head
    links = preview.links if preview is not None else {}
    table = to_html_datatable(
        _with_links(_shorten(flat_table(shown)), links),
        table_id=f"table-{section.key}-{name}",
        connected=False,
        showIndex=False,
        maxBytes=0,
        pageLength=10,
        classes="display compact",
        allow_html=True,
    )
    return head + f"<div class='scroll'>{table}</div>"


def render_html(
    sections: list[Section], summary: dict, *, images: dict[tuple[str, str], bytes] | None = None
) -> str:
    """The report page. ``images`` holds the PNG bytes of figures already rendered, by
    ``(section key, figure name)``; a figure not in it is rendered here."""
    images = images or {}
    nav = " ".join(f'<a href="#{s.key}">{html.escape(s.title)}</a>' for s in sections)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>News corpus report</title>",
        f"<style>{_STYLE}</style>",
        generate_init_offline_itables_html(dt_bundle),
        "</head><body>",
        "<h1>News corpus report</h1>",
        f"<nav>{nav}</nav>",
        "<div class='headline' id='summary'>"
        + "".join(f"<p>{s.headline}</p>" for s in sections if s.headline)
        + "<p class='note'>"
        + ", ".join(f"{html.escape(str(k))}: {html.escape(str(v))}" for k, v in summary.items())
        + "</p></div>",
    ]
    for section in sections:
        parts.append(f"<h2 id='{section.key}'>{html.escape(section.title)}</h2>")
        parts.append(f"<p>{html.escape(section.intro)}</p>")
        for name, fig in section.figures.items():
            png = images.get((section.key, name)) or figure_bytes(fig, "png")
            data = base64.b64encode(png).decode("ascii")
            alt = html.escape(_figure_alt(fig, name), quote=True)
            parts.append(f"<img alt='{alt}' src='data:image/png;base64,{data}'>")
        parts.append(section.html)
        for name in section.shown_tables:
            parts.append(_table_html(section, name))
    parts.append("</body></html>")
    return "\n".join(parts)
