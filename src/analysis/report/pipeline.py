"""The main job: one call from a corpus to tidy tables, figures and one browsable ``report.html``.

Design
------
:func:`run_report` loads the corpus, then runs each analysis step (:mod:`analysis.report.steps`)
in turn on one :class:`~analysis.report.steps.ReportState`. The writer
(:mod:`analysis.report.writing`) then turns every table into CSV and Parquet, every figure into PNG
and SVG, and the sections into one self-contained ``report.html`` (:mod:`analysis.report.html`).
Every file is written atomically; ``report.html`` is written last: its presence means the run
finished.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from tqdm.auto import tqdm  # noqa: E402

from analysis.corpus.loading import load_corpus  # noqa: E402
from analysis.options import AnalysisOptions  # noqa: E402
from analysis.report.html import render_html  # noqa: E402
from analysis.report.steps import DEFAULT_STEPS, ReportState, Section, Step  # noqa: E402
from analysis.report.writing import figure_bytes, write_atomic, write_table  # noqa: E402

__all__ = ["ReportResult", "run_report"]


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


def run_report(
    source,
    out_dir: str | os.PathLike,
    *,
    options: AnalysisOptions | None = None,
    errors: str = "raise",
    loading: Mapping | None = None,
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
    options : AnalysisOptions, optional
        The options of every analysis (defaults when None); the command line builds them from
        its flags.
    errors : {"raise", "collect"}
        Passed to :func:`analysis.load_corpus`; with ``"collect"`` skipped inputs are listed in the
        report's Corpus section.
    loading : mapping, optional
        More keywords of :func:`analysis.load_corpus`: ``columns``, ``zone``, ``outlets``.
    steps : iterable of callables, optional
        The analysis steps (see :mod:`analysis.report.steps`); default: corpus overview, reuse,
        chronology, sources.
    progress : bool
        Show progress bars on standard error.
    client : distributed.Client, optional
        Run the cross-article steps on this Dask cluster (see :mod:`analysis.distributed`).

    Returns
    -------
    ReportResult
    """
    if options is not None and not isinstance(options, AnalysisOptions):
        raise TypeError(f"options must be an AnalysisOptions, got {type(options).__name__}")
    out = Path(out_dir)
    started = time.perf_counter()
    corpus = load_corpus(source, errors=errors, **(loading or {}))
    state = ReportState(
        corpus, options=options or AnalysisOptions(), progress=progress, client=client
    )
    sections: list[Section] = []
    step_list = list(steps or DEFAULT_STEPS)
    for step in tqdm(step_list, desc="analyses", unit="step", disable=not progress):
        sections.append(step(state))

    files: list[Path] = []
    images: dict[tuple[str, str], bytes] = {}  # the PNGs, inlined in report.html as written
    for section in sections:
        for name, frame in section.tables.items():
            for fmt in ("csv", "parquet"):
                path = out / "tables" / f"{section.key}_{name}.{fmt}"
                write_table(path, frame, fmt)
                files.append(path)
        for name, content in section.extra_files.items():
            path = out / name
            write_atomic(path, content.encode("utf-8"))
            files.append(path)
        for name, fig in section.figures.items():
            for fmt in ("png", "svg"):
                path = out / "figures" / f"{section.key}_{name}.{fmt}"
                data = figure_bytes(fig, fmt)
                if fmt == "png":
                    images[(section.key, name)] = data
                write_atomic(path, data)
                files.append(path)
    summary: dict[str, int | float | str] = {
        "articles": len(corpus),
        "problems": len(corpus.problems),
        "articles with a footer": int(corpus.articles["footer"].notna().sum()),
        **state.counts,
        "seconds": round(time.perf_counter() - started, 1),
    }
    report_path = out / "report.html"
    write_atomic(report_path, render_html(sections, summary, images).encode("utf-8"))
    files.append(report_path)
    for section in sections:
        for fig in section.figures.values():
            plt.close(fig)
    return ReportResult(out, files, summary, [s.key for s in sections])
