"""The main job: one call from a corpus to tidy tables, figures and one browsable ``report.html``.

Design
------
:func:`run_report` loads the corpus, then runs each analysis step (:mod:`analysis.report.steps`)
in turn on one :class:`~analysis.report.steps.ReportState`; with more than one process for the
sources step, its spaCy parse is started in worker processes first and runs beside the other
steps (:func:`~analysis.report.steps.start_parse`). The writer
(:mod:`analysis.report.writing`) then turns every table into CSV and Parquet, every figure into PNG
and SVG, and the sections into one self-contained ``report.html`` (:mod:`analysis.report.html`).
The output folder is checked before any work; everything is written into a fresh folder beside
it, which takes its place only when the whole report is written (:func:`~analysis.report.writing.
staged_folder`), so a run that fails or is killed leaves the previous report complete, and a
finished run leaves nothing of an earlier one. ``report.html`` holds no clock: the same corpus and
options give the same bytes (the run's seconds are in :attr:`ReportResult.summary` only).
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
from analysis.report.steps import (  # noqa: E402
    DEFAULT_STEPS,
    ReportState,
    Section,
    Step,
    sources_step,
    start_parse,
)
from analysis.report.writing import (  # noqa: E402
    check_output_folder,
    figure_bytes,
    staged_folder,
    write_atomic,
    write_table,
)

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
    target = check_output_folder(out_dir)
    started = time.perf_counter()
    corpus = load_corpus(source, errors=errors, **(loading or {}))
    state = ReportState(
        corpus, options=options or AnalysisOptions(), progress=progress, client=client
    )
    sections: list[Section] = []
    step_list = list(steps or DEFAULT_STEPS)
    try:
        if sources_step in step_list:
            start_parse(state)
        for step in tqdm(step_list, desc="analyses", unit="step", disable=not progress):
            sections.append(step(state))
    finally:
        if state.parse is not None:
            state.parse.close()

    try:
        with staged_folder(target) as out:
            files: list[Path] = []
            pngs: dict[tuple[str, str], bytes] = {}
            for section in tqdm(sections, desc="writing", unit="section", disable=not progress):
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
                        write_atomic(path, data)
                        files.append(path)
                        if fmt == "png":
                            pngs[section.key, name] = data
            summary: dict[str, int | float | str] = {
                "articles": len(corpus),
                "problems": len(corpus.problems),
                "articles with a footer": int(corpus.articles["footer"].notna().sum()),
                **state.counts,
            }
            report_path = out / "report.html"
            write_atomic(report_path, render_html(sections, summary, images=pngs).encode("utf-8"))
            files.append(report_path)
    finally:
        for section in sections:
            for fig in section.figures.values():
                plt.close(fig)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    files = [target / path.relative_to(out) for path in files]
    return ReportResult(target, files, summary, [s.key for s in sections])
