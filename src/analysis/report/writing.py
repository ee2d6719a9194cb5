"""Writing the report's files: atomically, tables as CSV and Parquet, figures as PNG and SVG.

The whole report is written into a fresh folder beside the output folder
(:func:`staged_folder`), which then takes the output folder's place in one step (an atomic
exchange of the two names where the system has one, else two renames), and the previous report is
removed: a run that stops or is killed before the end leaves the previous report complete and
untouched, and a finished run leaves nothing of an earlier one. Every file is written into a
temporary file in its folder, flushed, then renamed over the final name
(:func:`analysis.files.write_atomic`), with the modes the user's umask gives (as ``open`` would),
so an interrupted write never leaves half a file.
Nested values of a table (tuples, lists, sets, dicts) are written as JSON text; figures are saved
without the software and date metadata and with fixed SVG ids, so the same figure gives the same
bytes. Tables are streamed into their temporary file, so a table of millions of rows is never
one string in memory.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from analysis.files import current_umask, write_atomic

__all__ = [
    "OutputFolderError",
    "check_output_folder",
    "figure_bytes",
    "flat_table",
    "staged_folder",
    "table_bytes",
    "write_atomic",
    "write_table",
]


class OutputFolderError(ValueError):
    """The output folder cannot be written (it is a file, or its parent is not writable)."""


def check_output_folder(out_dir: str | os.PathLike) -> Path:
    """The output folder as a path, once it is known it can be written; else an
    :class:`OutputFolderError` that says why. Nothing is left behind (the check makes and removes
    an empty folder in the nearest existing parent).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> base = pathlib.Path(tempfile.mkdtemp())
    >>> check_output_folder(base / "report") == base / "report"
    True
    >>> (base / "a-file").write_text("x")
    1
    >>> check_output_folder(base / "a-file")
    Traceback (most recent call last):
    ...
    analysis.report.writing.OutputFolderError: output folder .../a-file is a file; expected a folder (created if missing)
    """  # noqa: E501
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputFolderError(
            f"output folder {out} is a file; expected a folder (created if missing)"
        )
    parent = out.absolute().parent
    while not parent.exists():
        parent = parent.parent
    try:
        if not parent.is_dir():
            raise NotADirectoryError(parent)
        os.rmdir(tempfile.mkdtemp(dir=parent, prefix=".write-check-"))
    except OSError:
        raise OutputFolderError(
            f"cannot create or replace output folder {out}: {parent} is not a writable folder"
        ) from None
    return out


@contextlib.contextmanager
def staged_folder(out_dir: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``out_dir``; on success it becomes ``out_dir`` and the previous
    folder of that name is removed, on failure it is removed and ``out_dir`` is untouched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report"
    >>> with staged_folder(out) as stage:
    ...     _ = (stage / "old.txt").write_text("first run")
    >>> with staged_folder(out) as stage:
    ...     _ = (stage / "new.txt").write_text("second run")
    >>> sorted(p.name for p in out.iterdir())
    ['new.txt']
    """
    out_dir = Path(out_dir)
    out_dir.absolute().parent.mkdir(parents=True, exist_ok=True)
    stage = Path(
        tempfile.mkdtemp(dir=out_dir.absolute().parent, prefix=f".{out_dir.name}.partial-")
    )
    try:
        yield stage
        stage.chmod(0o777 & ~current_umask())
        if out_dir.exists():
            _exchange(stage, out_dir)
            shutil.rmtree(stage)  # the previous report, now under the stage's name
        else:
            os.rename(stage, out_dir)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap the names of two folders: atomically (Linux ``renameat2``) where possible."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if result == 0:
            return
    aside = b.with_name(f".{b.name}.previous-{os.getpid()}")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def flat_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Index as columns; nested values (tuples, lists, dicts) as JSON text, for CSV and Parquet.

    Examples
    --------
    >>> frame = pd.DataFrame({"names": [("a", "b"), (), None], "n": [2, 0, 1]})
    >>> flat_table(frame)["names"].tolist()
    ['["a", "b"]', '[]', None]
    """
    flat = frame.reset_index() if _has_named_index(frame) else frame.copy()
    for column in flat.columns:
        if flat[column].dtype == object:
            texts = _json_texts(flat[column].tolist())
            if texts is not None:
                flat[column] = pd.Series(texts, index=flat.index, dtype=object)
    return flat


def _json_texts(values: list) -> list | None:
    """``values`` with nested ones as JSON text (sets sorted); None when none is nested.

    A value object that recurs is encoded once (an overlap table holds one tuple object per name
    that pairs share alone, and the one empty tuple, over many rows).
    """
    done: dict[int, str] = {}  # id -> JSON text, for objects alive in ``values``
    out, nested = [], False
    for value in values:
        text = done.get(id(value))
        if text is None:
            if not isinstance(value, (tuple, list, dict, set)):
                out.append(value)
                continue
            text = json.dumps(sorted(value) if isinstance(value, set) else value, default=str)
            done[id(value)] = text
        nested = True
        out.append(text)
    return out if nested else None


def write_table(path: Path, frame: pd.DataFrame, fmt: str) -> None:
    """Write ``frame`` (through :func:`flat_table`) to ``path`` as CSV or Parquet, atomically and
    streamed: the bytes are those of :func:`table_bytes`."""
    flat = flat_table(frame)
    write_atomic(path, lambda handle: _write_flat(flat, fmt, handle))


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The bytes of ``frame`` (through :func:`flat_table`) as CSV or Parquet.

    Examples
    --------
    >>> print(table_bytes(pd.DataFrame({"names": [("a", "b")], "n": [2]}), "csv").decode())
    names,n
    "[""a"", ""b""]",2
    <BLANKLINE>
    """
    buffer = io.BytesIO()
    _write_flat(flat_table(frame), fmt, buffer)
    return buffer.getvalue()


def _write_flat(flat: pd.DataFrame, fmt: str, handle: BinaryIO) -> None:
    if fmt == "csv":
        flat.to_csv(handle, index=False, encoding="utf-8", lineterminator="\n")
    else:
        flat.to_parquet(handle, index=False)


def _has_named_index(frame: pd.DataFrame) -> bool:
    return any(name is not None for name in frame.index.names)


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes, the same for the same figure on every run: no software or
    date metadata, and SVG element ids drawn from a fixed salt instead of a random one."""
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Creator": None, "Date": None}
    with matplotlib.rc_context({"svg.hashsalt": "analysis"}):
        fig.savefig(buffer, format=fmt, dpi=110, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()
