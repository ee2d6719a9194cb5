"""The report: from a corpus to tidy tables, figures, ``timeline.json`` and ``report.html``.

- :mod:`~analysis.report.steps`: the analysis steps, each reading and filling a typed
  :class:`~analysis.report.steps.ReportState` and returning a
  :class:`~analysis.report.steps.Section`;
- :mod:`~analysis.report.pipeline`: :func:`run_report`, the steps in order, then the writer;
- :mod:`~analysis.report.writing`: atomic files, tables as CSV and Parquet, figures as PNG and SVG;
- :mod:`~analysis.report.html`: the self-contained ``report.html``.
"""

from analysis.report.pipeline import ReportResult, run_report

__all__ = ["ReportResult", "run_report"]
