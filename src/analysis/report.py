"""The main job: one call from a corpus to tidy tables, figures and one browsable ``report.html``.

Design
------
:func:`run_report` loads the corpus, then runs each analysis *step* (reuse, chronology, sources) in
turn. A step is a function ``(corpus, context) -> Section``: it returns its tables (DataFrames), its
figures (matplotlib) and a few lines of HTML, and never writes anything itself. The writer then
turns every table into CSV and Parquet, every figure into PNG and SVG, and the sections into one
self-contained ``report.html`` (figures inlined as data URIs, every piece of article text
HTML-escaped).

Every file is written atomically: into a temporary file in the output folder, flushed, then renamed
over the final name, so an interrupted run leaves either the previous file or the new one, never
half of one. ``report.html`` is written last: its presence means the run finished.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from tqdm.auto import tqdm  # noqa: E402

from analysis.corpus import Corpus, load_corpus  # noqa: E402
from analysis.entities import analyse, extract_entities  # noqa: E402
from analysis.families import boilerplate_families, reuse_share  # noqa: E402
from analysis.figures.corpus import plot_paragraph_strips  # noqa: E402
from analysis.figures.reuse import reuse_share_chart  # noqa: E402
from analysis.figures.sources import plot_overlap, plot_source_matrix  # noqa: E402
from analysis.figures.timeline import plot_timeline  # noqa: E402
from analysis.nlp import parse_paragraphs
from analysis.overlap import source_matrix, source_overlap  # noqa: E402
from analysis.overview import paragraph_words, summarize  # noqa: E402
from analysis.reuse import find_reuse, reused_spans  # noqa: E402
from analysis.sidebyside import side_by_side  # noqa: E402
from analysis.sources import extract_sources  # noqa: E402
from analysis.timeline import build_timeline, timeline_mentions, timeline_to_timelinejs  # noqa: E402

__all__ = ["Section", "ReportResult", "run_report", "write_atomic"]


@dataclass
class Section:
    """What one analysis step contributes to the report."""

    key: str
    title: str
    intro: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    html: str = ""
    shown_tables: tuple[str, ...] = ()
    extra_files: dict[str, str] = field(default_factory=dict)


@dataclass
class ReportResult:
    """Where the report went and what it holds."""

    out_dir: Path
    files: list[Path]
    summary: dict[str, int | float | str]
    sections: list[str]

    def __str__(self) -> str:
        lines = [f"report written to {self.out_dir / 'report.html'}"]
        lines += [f"  {key}: {value}" for key, value in self.summary.items()]
        return "\n".join(lines)


Step = Callable[[Corpus, dict], Section]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> write_atomic(target, b"hello")
    >>> target.read_bytes()
    b'hello'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Index as columns; nested values (tuples, lists, dicts) as JSON text, for CSV and Parquet."""
    flat = frame.reset_index() if _has_named_index(frame) else frame.copy()
    for column in flat.columns:
        if (
            flat[column].dtype == object
            and flat[column].map(lambda v: isinstance(v, (tuple, list, dict, set))).any()
        ):
            flat[column] = flat[column].map(
                lambda v: (
                    json.dumps(sorted(v) if isinstance(v, set) else v, default=str)
                    if isinstance(v, (tuple, list, dict, set))
                    else v
                )
            )
    return flat


def _table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    flat = _flat(frame)
    if fmt == "csv":
        return flat.to_csv(index=False).encode("utf-8")
    buffer = io.BytesIO()
    flat.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _has_named_index(frame: pd.DataFrame) -> bool:
    return any(name is not None for name in frame.index.names)


def _figure_bytes(fig: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Creator": None, "Date": None}
    fig.savefig(buffer, format=fmt, dpi=110, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def corpus_step(corpus: Corpus, context: dict) -> Section:
    """The corpus itself: articles, counts, problems found in the input."""
    summary = summarize(corpus)
    context["summary"] = summary
    strips = plot_paragraph_strips(
        summary.head(40), paragraph_words(corpus), title="Articles, paragraph by paragraph"
    )
    intro = (
        f"{len(corpus)} articles from {summary['date'].min():%Y-%m-%d} to "
        f"{summary['date'].max():%Y-%m-%d}; {len(corpus.paragraphs)} paragraphs, "
        f"{int(summary['words'].sum())} words. {len(corpus.problems)} inputs were not loaded."
        if len(corpus)
        else "No article was loaded."
    )
    return Section(
        key="corpus",
        title="Corpus",
        intro=intro,
        tables={
            "articles": summary,
            "paragraphs": corpus.paragraphs,
            "problems": corpus.problems,
        },
        figures={"paragraph_strips": strips},
        shown_tables=("articles", "problems"),
    )


def reuse_step(corpus: Corpus, context: dict, *, max_views: int = 10) -> Section:
    """Boilerplate reuse: passages, families with their origin, reuse share per article, and
    side-by-side views of the ``max_views`` pairs that share the most words."""
    client = context.get("client")
    if client is not None:
        from analysis.distributed import find_reuse_dask

        reuse = find_reuse_dask(corpus, client)
    else:
        reuse = find_reuse(corpus)
    context["reuse"] = reuse
    context["reused_spans"] = reused_spans(corpus, reuse)
    families = boilerplate_families(corpus, reuse)
    shares = reuse_share(corpus, reuse)
    context.setdefault("counts", {}).update(
        {"reused passages": len(reuse), "boilerplate families": len(families)}
    )
    recycled = int((shares["reused_chars"] > 0).sum())
    kinds = ", ".join(
        f"{n} {kind}" for kind, n in reuse["kind"].value_counts().sort_index().items()
    )
    figures = {}
    if recycled:
        most = shares.sort_values(["reuse_share", "reused_chars"], ascending=False).head(30)
        figures["share"] = reuse_share_chart(most)
    views = []
    pairs = (
        reuse.groupby(["source_id", "target_id"], sort=False)["n_words"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .head(max_views)
    )
    for source_id, target_id in pairs.index:
        view = side_by_side(corpus, source_id, target_id, reuse=reuse)
        views.append(
            f"<details{' open' if not views else ''}><summary>"
            f"{html.escape(source_id)} &rarr; {html.escape(target_id)}: "
            f"{view.n_passages} passages, {int(pairs[(source_id, target_id)])} words</summary>"
            f"{view.html}</details>"
        )
    side_html = (
        f"<h3>Side by side: the {len(views)} article pair(s) with the most reused words</h3>"
        + "".join(views)
        if views
        else ""
    )
    intro = (
        f"{len(reuse)} reused passages between articles "
        f"({kinds or 'none'}), "
        f"in {len(families)} boilerplate families; {recycled} of {len(corpus)} articles recycle "
        "text from an earlier article."
    )
    return Section(
        key="reuse",
        title="Boilerplate reuse",
        intro=intro,
        tables={"passages": reuse, "families": families, "share": shares},
        figures=figures,
        html=side_html,
        shown_tables=("families", "share", "passages"),
    )


def _reused_spans(corpus: Corpus, context: dict) -> pd.DataFrame:
    """The reused spans of the reuse step, or computed here when that step did not run."""
    if context.get("reused_spans") is None:
        context["reused_spans"] = reused_spans(corpus)
    return context["reused_spans"]


def chronology_step(corpus: Corpus, context: dict) -> Section:
    """Chronology: every date mention with its value, the merged timeline, stale dates."""
    spans = _reused_spans(corpus, context)
    mentions = timeline_mentions(corpus, reuse=spans)
    timeline = build_timeline(corpus, reuse=spans, mentions=mentions)
    stale = mentions[mentions["stale"].fillna(False).astype(bool)]
    context.setdefault("counts", {}).update(
        {
            "date mentions": len(mentions),
            "timeline events": len(timeline),
            "stale dates": len(stale),
        }
    )
    figures = {}
    if len(timeline):
        figures["timeline"] = plot_timeline(timeline.head(60), corpus.articles)
    intro = (
        f"{len(mentions)} temporal expressions, merged into {len(timeline)} dated events. "
        f"{int(mentions['reused'].sum())} mentions sit in recycled text; {len(stale)} of them "
        "would get a different date if resolved against the recycling article instead of the "
        "text's origin (stale dates)."
    )
    timelinejs = timeline_to_timelinejs(timeline.head(500), title="News timeline")
    return Section(
        key="chronology",
        title="Chronology",
        intro=intro,
        tables={"mentions": mentions, "timeline": timeline, "stale_dates": stale},
        figures=figures,
        shown_tables=("stale_dates", "timeline"),
        extra_files={"timeline.json": json.dumps(timelinejs, indent=1, default=str)},
    )


def sources_step(corpus: Corpus, context: dict) -> Section:
    """Sources: attributed statements, named entities, what pairs of articles share."""
    spans = _reused_spans(corpus, context)
    client = context.get("client")
    if client is not None:
        from analysis.distributed import parse_paragraphs_dask

        docs = parse_paragraphs_dask(corpus, client)
    else:
        docs = list(
            tqdm(
                parse_paragraphs(corpus),
                total=len(corpus.paragraphs),
                desc="parsing paragraphs",
                unit="para",
                disable=not context.get("progress", False),
                leave=False,
            )
        )
    analyse(corpus, docs=docs)
    sources = extract_sources(corpus, reused=spans)
    entities = extract_entities(corpus)
    overlap = source_overlap(corpus, sources=sources, entities=entities, reused=spans)
    matrix = source_matrix(sources, articles=list(corpus.articles.index))
    context.setdefault("counts", {}).update(
        {"attributions": len(sources), "entities": len(entities)}
    )
    figures = {}
    if len(sources) and len(corpus) <= 40:
        figures["source_matrix"] = plot_source_matrix(sources)
    shared = overlap[overlap["shared_sources"].map(len) > 0] if len(overlap) else overlap
    if len(shared):
        figures["overlap"] = plot_overlap(shared.head(30))
    intro = (
        f"{len(sources)} attributed statements from {sources['source'].nunique()} sources; "
        f"{len(entities)} entity mentions; {len(shared)} pairs of articles share at least one "
        "source."
    )
    return Section(
        key="sources",
        title="Sources and overlap",
        intro=intro,
        tables={
            "attributions": sources,
            "entities": entities,
            "overlap": overlap,
            "matrix": matrix,
        },
        figures=figures,
        shown_tables=("attributions", "overlap"),
    )


DEFAULT_STEPS: tuple[Step, ...] = (corpus_step, reuse_step, chronology_step, sources_step)


def run_report(
    source,
    out_dir: str | os.PathLike,
    *,
    errors: str = "raise",
    steps: Iterable[Step] | None = None,
    progress: bool = True,
    client=None,
) -> ReportResult:
    """Run the whole pipeline on ``source`` and write tables, figures and ``report.html``.

    Parameters
    ----------
    source
        Anything :func:`analysis.load_corpus` accepts.
    out_dir : path
        Output folder (created). Tables go to ``tables/`` (CSV and Parquet), figures to
        ``figures/`` (PNG and SVG), the report to ``report.html``.
    errors : {"raise", "collect"}
        Passed to :func:`analysis.load_corpus`; with ``"collect"`` skipped inputs are listed in the
        report's Corpus section.
    steps : iterable of callables, optional
        The analysis steps; default: corpus overview, reuse, chronology, sources.
    progress : bool
        Show progress bars on standard error.
    client : distributed.Client, optional
        Run the cross-article steps on this Dask cluster (see :mod:`analysis.distributed`).

    Returns
    -------
    ReportResult
    """
    out = Path(out_dir)
    started = time.perf_counter()
    corpus = load_corpus(source, errors=errors)
    context: dict = {"client": client, "progress": progress}
    sections: list[Section] = []
    step_list = list(steps or DEFAULT_STEPS)
    for step in tqdm(step_list, desc="analyses", unit="step", disable=not progress):
        sections.append(step(corpus, context))

    files: list[Path] = []
    for section in sections:
        for name, frame in section.tables.items():
            for fmt in ("csv", "parquet"):
                path = out / "tables" / f"{section.key}_{name}.{fmt}"
                write_atomic(path, _table_bytes(frame, fmt))
                files.append(path)
        for name, content in section.extra_files.items():
            path = out / name
            write_atomic(path, content.encode("utf-8"))
            files.append(path)
        for name, fig in section.figures.items():
            for fmt in ("png", "svg"):
                path = out / "figures" / f"{section.key}_{name}.{fmt}"
                write_atomic(path, _figure_bytes(fig, fmt))
                files.append(path)
    summary: dict[str, int | float | str] = {
        "articles": len(corpus),
        "problems": len(corpus.problems),
        **context.get("counts", {}),
        "seconds": round(time.perf_counter() - started, 1),
    }
    report_path = out / "report.html"
    write_atomic(report_path, _render_html(sections, summary).encode("utf-8"))
    files.append(report_path)
    for section in sections:
        for fig in section.figures.values():
            plt.close(fig)
    return ReportResult(out, files, summary, [s.key for s in sections])


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


def _render_html(sections: list[Section], summary: dict) -> str:
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
            data = base64.b64encode(_figure_bytes(fig, "png")).decode("ascii")
            parts.append(f"<img alt='{html.escape(name)}' src='data:image/png;base64,{data}'>")
        parts.append(section.html)
        for name in section.shown_tables:
            frame = section.tables[name]
            parts.append(f"<h3>{html.escape(name.replace('_', ' '))} ({len(frame)} rows)</h3>")
            parts.append(
                f"<p class='note'>Full table: tables/{section.key}_{name}.csv (and .parquet)</p>"
            )
            parts.append("<div class='scroll'>")
            parts.append(_shorten(_flat(frame.head(50))).to_html(escape=True, border=0, na_rep=""))
            parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)
