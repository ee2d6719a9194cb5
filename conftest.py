"""Shared pytest set-up: what nbval compares in the notebooks.

nbval re-executes every notebook and compares each output with the stored one. Plain text
(``text/plain``, printed output, DataFrame text) is compared exactly; rich renderings are not: HTML
tables repeat the text output in a markup that changes with pandas versions, and PNG/SVG bytes
change with the matplotlib and FreeType build while the figure itself is the same.
"""

NOT_COMPARED = (
    "text/html",
    "application/javascript",
    "image/png",
    "image/svg+xml",
    "stderr",
)


def pytest_collectstart(collector):
    if getattr(collector, "path", None) is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare += NOT_COMPARED
