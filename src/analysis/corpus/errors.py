"""The one error of bad input: what was found, where, and what was expected."""

from __future__ import annotations

from os import PathLike

__all__ = ["ArticleFormatError"]


class ArticleFormatError(ValueError):
    """An input that is not a well-formed article, with where it is and what was expected.

    Attributes
    ----------
    path : str
        The file (or ``"<DataFrame>"``) the problem is in.
    line : int or None
        The 1-based line (for JSON Lines and CSV, the record's line), or None for the whole input.
    reason : str
        What was found and what was expected.
    """

    def __init__(self, path: str | PathLike, line: int | None, reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = self.path if line is None else f"{self.path}, line {line}"
        super().__init__(f"{where}: {reason}")
