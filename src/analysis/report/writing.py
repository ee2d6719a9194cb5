"""Writing the report's files: atomically, tables as CSV and Parquet, figures as PNG and SVG.

Every file is written into a temporary file in its folder, flushed, then renamed over the final
name, so an interrupted run leaves either the previous file or the new one, never half of one.
Nested values of a table (tuples, lists, sets, dicts) are written as JSON text; figures are saved
without the software and date metadata and with fixed SVG ids, so the same figure gives the same
bytes. Tables are streamed into their temporary file, so a table of millions of rows is never
one string in memory.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["figure_bytes", "flat_table", "table_bytes", "write_atomic", "write_table"]


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    ``data`` is the bytes, or a function that writes them into the open (binary) temporary file,
    so that a large table is streamed to disk rather than held in memory as one string.

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
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
