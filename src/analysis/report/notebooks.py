"""Run the numbered notebooks on any corpus, into one folder, as executed notebooks and HTML.

Design
------
Each notebook of ``notebooks/`` opens with a parameters cell (papermill's convention: a code cell
tagged ``parameters``) that sets ``CORPUS`` (``None``: the seeds) and ``COLUMNS``; notebook 04,
which parses, also ``PARSE_CACHE`` (the report's parse cache, so ``make report`` parses once).
:func:`run_notebooks` executes every numbered notebook with papermill, which injects the
researcher's values after that cell, in the notebooks' own folder (so relative paths in them
hold), and writes for each one the executed ``NN_name.ipynb`` and its ``NN_name.html``
(nbconvert). The corpus path is made absolute first, since the kernel runs elsewhere.

A notebook that fails does not stop the others (a batch run collects problems and goes on): its
executed copy, with the error in the failing cell, is kept as ``NN_name.failed.ipynb``, no HTML is
written for it, and the returned :class:`NotebookRun` names the error. The folder is written
beside its final place and swapped in whole (:func:`analysis.report.writing.staged_folder`), so
an interrupted run leaves the previous folder as it was.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.loading import is_glob
from analysis.paths import PROJECT_ROOT
from analysis.report.writing import check_output_folder, staged_folder, write_atomic

__all__ = ["NOTEBOOKS_DIR", "NotebookRun", "notebook_paths", "run_notebooks"]

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


@dataclass(frozen=True)
class NotebookRun:
    """One executed notebook: its name, the files written, and the error if it failed."""

    name: str
    notebook: Path
    html: Path | None
    error: str | None = None

    def __str__(self) -> str:
        if self.error:
            return f"{self.name}: FAILED ({self.error}); see {self.notebook}"
        return f"{self.name}: {self.html}"


def notebook_paths(folder: str | os.PathLike = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``NN_*.ipynb``) of ``folder``, in order.

    Raises
    ------
    FileNotFoundError
        If ``folder`` holds none (the notebooks ship with the source checkout, not the wheel).

    Examples
    --------
    >>> [p.name for p in notebook_paths()]
    ['01_corpus_overview.ipynb', '02_boilerplate_reuse.ipynb', '03_chronology.ipynb', '04_source_overlap.ipynb']
    """  # noqa: E501
    folder = Path(folder)
    paths = sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    if not paths:
        raise FileNotFoundError(
            f"no numbered notebooks (NN_name.ipynb) in {folder}; they come with the source "
            "checkout of the project"
        )
    return paths


def run_notebooks(
    corpus: str | os.PathLike | None,
    out_dir: str | os.PathLike,
    *,
    columns: Mapping[str, str] | None = None,
    notebooks: Sequence[str | os.PathLike] | None = None,
    parse_cache: str | os.PathLike | None = None,
    progress: bool = False,
) -> list[NotebookRun]:
    """Execute the notebooks on ``corpus`` and write them, executed and as HTML, to ``out_dir``.

    Parameters
    ----------
    corpus : path or None
        What :func:`analysis.load_corpus` reads (a folder, a file); ``None`` runs on the seeds.
    out_dir : path
        The folder to write (created, or replaced whole once every notebook has run).
    columns : mapping, optional
        The ``COLUMNS`` parameter: the package's fields to a table's column names.
    notebooks : sequence of paths, optional
        The notebooks to run (default: :func:`notebook_paths`).
    parse_cache : path, optional
        The ``PARSE_CACHE`` parameter, for the notebooks that declare it: the folder of a parse
        cache (:class:`~analysis.sources.parsecache.ParseCache`), so that a corpus the report has
        just parsed is not parsed again.
    progress : bool
        Show papermill's progress bar per notebook.

    Returns
    -------
    list of NotebookRun
        One per notebook, in order; ``error`` is set for those that failed.

    Raises
    ------
    FileNotFoundError
        If ``corpus`` does not exist (a glob pattern: if it matches no file).
    analysis.report.writing.OutputFolderError
        If ``out_dir`` cannot be written.
    """
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    if corpus is not None:
        corpus = Path(corpus).absolute()
        pattern = is_glob(corpus)
        if pattern and not glob.glob(str(corpus)):
            raise FileNotFoundError(f"the glob pattern matched no files: {corpus}")
        if not pattern and not corpus.exists():
            raise FileNotFoundError(f"no such file or folder: {corpus}")
    out = check_output_folder(out_dir)
    paths = [Path(p) for p in notebooks] if notebooks is not None else notebook_paths()
    parameters = {
        "CORPUS": None if corpus is None else str(corpus),
        "COLUMNS": None if columns is None else dict(columns),
        "PARSE_CACHE": None if parse_cache is None else str(Path(parse_cache).absolute()),
    }
    runs = []
    with staged_folder(out) as stage:
        for path in paths:
            executed = stage / path.name
            try:
                declared = papermill.inspect_notebook(str(path))
                papermill.execute_notebook(
                    str(path),
                    str(executed),
                    parameters={k: v for k, v in parameters.items() if k in declared},
                    cwd=str(path.parent),
                    progress_bar=progress,
                    log_output=False,
                )
            except papermill.PapermillExecutionError as exc:
                failed = executed.with_suffix(".failed.ipynb")
                executed.rename(failed)
                error = f"{exc.ename}: {exc.evalue}" if exc.ename else str(exc)
                runs.append(NotebookRun(path.stem, out / failed.name, None, error))
                continue
            body, _ = HTMLExporter().from_notebook_node(nbformat.read(executed, as_version=4))
            html = executed.with_suffix(".html")
            write_atomic(html, body.encode("utf-8"))
            runs.append(NotebookRun(path.stem, out / executed.name, out / html.name))
    return runs
