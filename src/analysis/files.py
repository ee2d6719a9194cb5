"""Files written whole or not at all: what every writer of the package goes through.

Design
------
:func:`write_atomic` writes into a temporary file in the target's folder, flushes and syncs it,
then renames it over the target, so a reader (or a run that stops half-way) sees the old file or
the new one, never half of one; the file gets the modes the user's umask gives, as ``open``
would. The report's tables and pages (:mod:`analysis.report.writing`) and the parse cache's chunks
(:mod:`analysis.sources.parsecache`) are written through it. The module imports nothing of the
package, so any part of it may use it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["current_umask", "write_atomic"]


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back).

    Examples
    --------
    >>> 0 <= current_umask() <= 0o777
    True
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
        os.fchmod(fd, 0o666 & ~current_umask())
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
