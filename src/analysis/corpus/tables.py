"""Tables of articles: CSV, JSON Lines and Parquet files, and DataFrames, with a column mapping.

Design
------
Each table is read into rows (dicts) that keep where they came from: the physical line a CSV or
JSON Lines record starts on (CSV is read with the standard ``csv`` module, so a quoted line break
does not shift the count), or the row number of a Parquet file or DataFrame. A column mapping
renames the table's own columns to the package's fields before anything else reads them:
``columns={"id": "url", "date": "publish_date", "text": "body"}`` says where each field is.
The fields are :data:`FIELDS`; ``id``, ``date`` and ``text`` are required, the others are kept
when present. A row that cannot be read is reported through the caller's ``report`` callback,
and reading goes on with the next row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from analysis.corpus.errors import ArticleFormatError

__all__ = ["FIELDS", "REQUIRED_FIELDS", "TABLE_SUFFIXES", "check_columns", "read_table", "rename"]

#: The fields of an article in a table, in the order the articles table keeps them.
FIELDS = ("id", "date", "author", "outlet", "title", "url", "text")
REQUIRED_FIELDS = ("id", "date", "text")
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}

Report = Callable[[ArticleFormatError], None]


def check_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Validate a column mapping (field -> the table's column name) and return it as a dict.

    Examples
    --------
    >>> check_columns({"id": "url", "text": "body"})
    {'id': 'url', 'text': 'body'}
    >>> check_columns({"body": "text"})
    Traceback (most recent call last):
    ...
    ValueError: columns maps unknown field(s) ['body']; the fields are ['id', 'date', 'author', 'outlet', 'title', 'url', 'text'] (map each to your table's column, e.g. columns={'text': 'body'})
    """  # noqa: E501
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        raise TypeError(f"columns must be a mapping of field to column name, got {columns!r}")
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise ValueError(
            f"columns maps unknown field(s) {unknown}; the fields are {list(FIELDS)} "
            "(map each to your table's column, e.g. columns={'text': 'body'})"
        )
    bad = {field: name for field, name in columns.items() if not isinstance(name, str) or not name}
    if bad:
        raise ValueError(f"columns must map each field to a column name, got {bad}")
    used = list(columns.values())
    if len(set(used)) != len(used):
        raise ValueError(f"columns maps two fields to one column: {dict(columns)}")
    return dict(columns)


def rename(frame: pd.DataFrame, columns: Mapping[str, str], path, report: Report) -> pd.DataFrame:
    """The table with its columns named as the fields; None (after a report) if one is missing."""
    missing = sorted((field, name) for field, name in columns.items() if name not in frame.columns)
    if missing:
        report(
            ArticleFormatError(
                path,
                None,
                "the column mapping names column(s) the table does not have: "
                + ", ".join(f"{name!r} (for {field})" for field, name in missing)
                + f"; the table's columns are {[str(c) for c in frame.columns if c != '_line']}",
            )
        )
        return None
    taken = set(columns.values())
    shadowed = [field for field in columns if field in frame.columns and field not in taken]
    frame = frame.drop(columns=shadowed).rename(columns={v: k for k, v in columns.items()})
    absent = [field for field in REQUIRED_FIELDS if field not in frame.columns]
    if absent:
        report(
            ArticleFormatError(
                path,
                None,
                f"missing column(s) {absent}; expected columns {list(REQUIRED_FIELDS)} (and "
                f"optionally {[f for f in FIELDS if f not in REQUIRED_FIELDS]}), or a mapping "
                "such as columns={'text': 'body'}; the table's columns are "
                f"{[str(c) for c in frame.columns if c != '_line']}",
            )
        )
        return None
    return frame


def read_table(path: Path, text: str | None, report: Report) -> pd.DataFrame | None:
    """The rows of one table file as a DataFrame (column ``_line`` where rows have lines), or
    None when the file holds no rows (reported)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
            report(
                ArticleFormatError(
                    path, None, f"cannot read it as Parquet ({type(exc).__name__}: {exc})"
                )
            )
            return None
        if frame.empty:
            report(ArticleFormatError(path, None, "the table holds no articles"))
            return None
        return frame.reset_index(drop=not _has_named_index(frame))
    assert text is not None
    if not text.strip():
        report(ArticleFormatError(path, None, "the file is empty; expected a table of articles"))
        return None
    reader = _csv_rows if suffix == ".csv" else _jsonl_rows
    bad_rows: list[ArticleFormatError] = []

    def report_row(exc: ArticleFormatError) -> None:
        bad_rows.append(exc)
        report(exc)

    frame = pd.DataFrame(list(reader(text, path, report_row)))
    if frame.empty:
        if not bad_rows:
            report(ArticleFormatError(path, None, "the table holds no articles"))
        return None
    return frame


def _has_named_index(frame: pd.DataFrame) -> bool:
    return any(name is not None for name in frame.index.names)


def _jsonl_rows(text: str, path: Path, report: Report) -> Iterator[dict]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            report(ArticleFormatError(path, number, f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(row, dict):
            report(ArticleFormatError(path, number, "expected a JSON object per line"))
            continue
        yield {**row, "_line": number}


def _csv_rows(text: str, path: Path, report: Report) -> Iterator[dict]:
    """The records of a CSV text, each with the physical line it starts on (a quoted field may
    hold line breaks, so records and lines differ)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not any(field.strip() for field in fields):
                continue
            if header is None:
                header = [field.strip() for field in fields]
                continue
            if len(fields) != len(header):
                report(
                    ArticleFormatError(
                        path,
                        line,
                        f"{len(fields)} fields, expected {len(header)} as in the header",
                    )
                )
                continue
            yield {**dict(zip(header, fields, strict=True)), "_line": line}
    except csv.Error as exc:
        report(ArticleFormatError(path, start, f"cannot read the CSV ({exc})"))
