"""Load news articles from files, folders, JSON Lines, CSV or DataFrames into one :class:`Corpus`.

Design
------
Every input shape is turned into the same *record*: ``(article_id, date, author, path, line, body)``
where ``body`` is the article's lines after its header. One parser then splits the body into
paragraphs (blank-line separated), drops a byline paragraph ("By NAME", a name and nothing more)
and a footer (the lines after a ``---``, ``***`` or ``___`` line, when they read as one: follow and
subscribe prompts, copyright, links, tags; otherwise the separator is a paragraph break), and
joins the paragraphs with one blank line. That joined string is the article's ``text``; every span
this package reports (paragraphs, sentences, dates, sources, reused passages) is a pair of
character offsets ``start``/``end`` into it, so ``text[start:end]`` is always exactly the unit.

Text files follow the seed format: a header line ``" date YYYY-MM-DD By AUTHOR"``; the date may be
followed by a time and a time zone, the byline may be missing. Windows line endings and a UTF-8
byte-order mark are accepted. The text is kept as written: quotes, dashes and spelling are never
normalized here (comparisons normalize their own copies).

Bad input raises :class:`ArticleFormatError` (a ``ValueError``) naming the file, the line and what
was expected. With ``errors="collect"`` each bad article is listed in :attr:`Corpus.problems`
instead, and every good article still loads: nothing is silently dropped, and no bad input aborts
the load (an empty or unreadable file, a broken or looping link in a folder, a field that is not a
string, a year outside what a ``datetime64[ns]`` column holds, an impossible time, a date with
trailing text). CSV is read with the standard ``csv`` module so that each record keeps the physical
line it starts on, also after quoted line breaks.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob as globlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.corpus.units import split_paragraphs, split_sentences
from analysis.lexicon.footers import (
    FOOTER_LINE_CHARS,
    FOOTER_MARKS,
    FOOTER_STARTS,
    TAG_LINE_CHARS,
)

__all__ = ["ArticleFormatError", "Corpus", "date_rank", "load_corpus"]

# The pieces of a publication date, shared by text-file headers and table cells.
_DAY = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_CLOCK = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
_ZONE = r"Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{2,5}(?:[+-]\d{1,2})?"
HEADER_RE = re.compile(
    rf"""^\s*date\s+(?P<date>{_DAY})(?:[T\s]+(?P<time>{_CLOCK})(?:\s*(?P<tz>{_ZONE}))?)?
        (?:\s+By\s*:?\s+(?P<author>\S.*?))?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A byline paragraph is "By" and a person's name, or names joined by "and" or commas, nothing more:
# "By land, sea and air: drills begin" is text.
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|del|der|van|von|bin|al|el|la|le)\s+)?[A-Z][\w'’.-]*){0,4}"
BYLINE_RE = re.compile(
    rf"^\s*(?i:by)\s*:?\s+(?P<author>{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAME})*)\s*$"
)
FOOTER_SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")
RECORD_COLUMNS = ("id", "date", "author", "text")
ERROR_MODES = ("raise", "collect")
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}


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


@dataclass(frozen=True)
class _Record:
    article_id: str
    date: pd.Timestamp
    author: str | None
    path: str
    published: str | None
    body_lines: list[str]
    first_body_line: int | None
    #: The line the article starts on (its header, or its record in a table).
    line: int | None = None


@dataclass
class Corpus:
    """A set of articles as tidy DataFrames with character offsets.

    Attributes
    ----------
    articles : pandas.DataFrame
        One row per article, index ``article_id``; columns ``date`` (datetime64, the publication
        day), ``published`` (date, time and zone as written in the header), ``author``, ``path``,
        ``text`` (the body, paragraphs joined by one blank line) and ``footer``.
    paragraphs : pandas.DataFrame
        ``article_id, para, start, end, text``; ``articles.text[article_id][start:end] == text``.
    problems : pandas.DataFrame
        ``path, line, reason`` for every input that was not loaded (``errors="collect"``).
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    problems: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["path", "line", "reason"])
    )

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """``article_id, para, sent, start, end, text``: sentences, offsets into the article text.

        ``sent`` numbers the sentences within the article from 0. Computed on first access.
        """
        rows = []
        for art, para, pstart, ptext in self.paragraphs[
            ["article_id", "para", "start", "text"]
        ].itertuples(index=False):
            for start, end in split_sentences(ptext):
                rows.append((art, para, pstart + start, pstart + end, ptext[start:end]))
        frame = pd.DataFrame(rows, columns=["article_id", "para", "start", "end", "text"])
        frame.insert(2, "sent", frame.groupby("article_id", sort=False).cumcount())
        return frame.astype({"para": "int64", "sent": "int64", "start": "int64", "end": "int64"})

    @cached_property
    def date_rank(self) -> dict[str, int]:
        """Each article's place in publication order: see :func:`date_rank`."""
        return date_rank(self.articles)

    def text(self, article_id: str) -> str:
        """Return the body text of one article."""
        return self.articles.at[article_id, "text"]

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        return (
            f"<Corpus: {len(self.articles)} articles, {len(self.paragraphs)} paragraphs, "
            f"{len(self.problems)} problems>"
        )


def date_rank(articles: pd.DataFrame) -> dict[str, int]:
    """Number the articles (index ``article_id``, column ``date``) in publication order, ties by id.

    This is what *earlier* means in every analysis: a source is earlier than its target, an origin
    the earliest article of its text.

    Examples
    --------
    >>> frame = pd.DataFrame({"date": pd.to_datetime(["2022-04-12", "2021-07-15", "2021-07-15"])},
    ...                      index=pd.Index(["c", "b", "a"], name="article_id"))
    >>> date_rank(frame)
    {'a': 0, 'b': 1, 'c': 2}
    """
    dates = articles["date"]
    ordered = sorted(articles.index, key=lambda a: (dates[a], a))
    return {article_id: number for number, article_id in enumerate(ordered)}


def load_corpus(
    source: str | PathLike | Sequence[str | PathLike] | pd.DataFrame,
    *,
    errors: str = "raise",
) -> Corpus:
    """Load articles into a :class:`Corpus`.

    Parameters
    ----------
    source : path, glob, list of paths, or DataFrame
        A folder (its ``*.txt`` files), one article file, a glob pattern, a list of any of these, a
        JSON Lines (``.jsonl``) or CSV file with columns ``id, date, author, text``, or a DataFrame
        with those columns.
    errors : {"raise", "collect"}
        ``"raise"`` stops at the first bad input with an :class:`ArticleFormatError`;
        ``"collect"`` loads every good article and lists each bad one in ``Corpus.problems``.

    Returns
    -------
    Corpus

    Raises
    ------
    ArticleFormatError
        With ``errors="raise"``, for a missing path, an empty folder, a missing header or date, an
        impossible date, an empty body, bytes that are not UTF-8, or a duplicate article id.

    Examples
    --------
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> corpus
    <Corpus: 2 articles, 22 paragraphs, 0 problems>
    >>> corpus.articles["author"].to_dict()
    {'000_5b183b1fed710e9a': 'Azernews', '001_80062493b65dd1fc': 'Vugar Khalilov'}
    >>> p = corpus.paragraphs.iloc[0]
    >>> corpus.text(p.article_id)[p.start:p.end] == p.text
    True
    """
    if errors not in ERROR_MODES:
        raise ValueError(f"errors must be one of {ERROR_MODES}, got {errors!r}")
    problems: list[tuple[str, int | None, str]] = []

    def report(exc: ArticleFormatError) -> None:
        if errors == "raise":
            raise exc
        problems.append((exc.path, exc.line, exc.reason))

    records: list[_Record] = []
    seen: dict[str, str] = {}
    for item in _iter_records(source, report):
        if item.article_id in seen:
            report(
                ArticleFormatError(
                    item.path,
                    item.line,
                    f"duplicate article id {item.article_id!r} (also in {seen[item.article_id]}); "
                    "expected unique ids",
                )
            )
            continue
        seen[item.article_id] = item.path if item.line is None else f"{item.path}, line {item.line}"
        records.append(item)

    article_rows, para_rows = [], []
    for rec in records:
        try:
            parsed = _parse_body(rec)
        except ArticleFormatError as exc:
            report(exc)
            continue
        text, spans, author, footer = parsed
        article_rows.append(
            (rec.article_id, rec.date, rec.published, author, rec.path, text, footer)
        )
        para_rows.extend((rec.article_id, i, s, e, text[s:e]) for i, (s, e) in enumerate(spans))

    articles = pd.DataFrame(
        article_rows,
        columns=["article_id", "date", "published", "author", "path", "text", "footer"],
    )
    articles["date"] = pd.to_datetime(articles["date"]).astype("datetime64[ns]")
    articles = articles.set_index("article_id")
    paragraphs = pd.DataFrame(para_rows, columns=["article_id", "para", "start", "end", "text"])
    paragraphs = paragraphs.astype({"para": "int64", "start": "int64", "end": "int64"})
    problem_frame = pd.DataFrame(problems, columns=["path", "line", "reason"]).astype(
        {"line": "Int64"}
    )
    return Corpus(articles=articles, paragraphs=paragraphs, problems=problem_frame)


def _iter_records(source, report) -> Iterator[_Record]:
    if isinstance(source, pd.DataFrame):
        yield from _records_from_frame(source, "<DataFrame>", report)
        return
    if isinstance(source, (str, PathLike)):
        sources: Iterable = [source]
    elif isinstance(source, Sequence):
        sources = source
    else:
        raise TypeError(
            "source must be a path, a glob, a list of paths or a pandas DataFrame, "
            f"got {type(source).__name__}"
        )
    for item in sources:
        for path in _expand(item, report):
            if path.suffix.lower() in TABLE_SUFFIXES:
                yield from _records_from_table(path, report)
            else:
                try:
                    yield _record_from_text_file(path)
                except ArticleFormatError as exc:
                    report(exc)


def _expand(item: str | PathLike, report) -> list[Path]:
    text = str(item)
    if any(ch in text for ch in "*?[") and not Path(text).exists():
        matches = sorted(Path(p) for p in globlib.glob(text, recursive=True) if Path(p).is_file())
        if not matches:
            report(ArticleFormatError(text, None, "the glob pattern matched no files"))
        return matches
    path = Path(item)
    if path.is_dir():
        entries = sorted(p for p in path.iterdir() if _is_article_file(p))
        for link in (p for p in entries if p.is_symlink() and not p.exists()):
            report(
                ArticleFormatError(
                    link, None, "a broken or looping symbolic link; expected an article file"
                )
            )
        files = [p for p in entries if p.is_file()]
        if not entries:
            report(
                ArticleFormatError(
                    path,
                    None,
                    "the folder holds no article files; expected *.txt, *.jsonl or *.csv files",
                )
            )
        return files
    if not path.exists():
        report(ArticleFormatError(path, None, "no such file or folder"))
        return []
    return [path]


def _is_article_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TABLE_SUFFIXES or suffix in {".txt", ".text"}


def _read_utf8(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleFormatError(
            path, None, f"cannot read the file ({exc.strerror or exc}); expected a readable file"
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArticleFormatError(
            path,
            line,
            f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid UTF-8; "
            "expected UTF-8 text",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _record_from_text_file(path: Path) -> _Record:
    lines = _read_utf8(path).split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        raise ArticleFormatError(
            path, 1, "the file is empty; expected a header ' date YYYY-MM-DD By AUTHOR'"
        )
    header = lines[header_index]
    match = HEADER_RE.match(header)
    if not match:
        raise ArticleFormatError(
            path,
            header_index + 1,
            f"expected a header ' date YYYY-MM-DD [HH:MM [ZONE]] [By AUTHOR]', found {header!r}",
        )
    date = _parse_date(match["date"], path, header_index + 1)
    _check_time(match["hour"], match["minute"], match["second"], header, path, header_index + 1)
    published = " ".join(p for p in (match["date"], match["time"], match["tz"]) if p)
    return _Record(
        article_id=path.stem,
        date=date,
        author=match["author"],
        path=str(path),
        published=published,
        body_lines=lines[header_index + 1 :],
        first_body_line=header_index + 2,
        line=header_index + 1,
    )


#: A date as tables write it: ``YYYY-MM-DD``, optionally a time and a zone, nothing else.
DATE_RE = re.compile(rf"^\s*{_DAY}(?:[T\s]+{_CLOCK}(?:\s*(?:{_ZONE}))?)?\s*$", re.IGNORECASE)


def _parse_date(value, path, line: int | None) -> pd.Timestamp:
    if isinstance(value, (pd.Timestamp, dt.date)) and not pd.isna(value):
        return _in_range(pd.Timestamp(value).normalize().tz_localize(None), path, line)
    if value is not None and not isinstance(value, (str, float)):
        raise ArticleFormatError(
            path, line, f"expected a publication date YYYY-MM-DD, found {value!r}"
        )
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    match = DATE_RE.match(text)
    if not match:
        raise ArticleFormatError(
            path, line, f"expected a publication date YYYY-MM-DD, found {text!r}"
        )
    _check_time(match["hour"], match["minute"], match["second"], text, path, line)
    try:
        day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError as exc:
        found = text.strip().split()[0].split("T")[0]
        raise ArticleFormatError(
            path, line, f"impossible date {found!r} ({exc}); expected YYYY-MM-DD"
        ) from None
    return _in_range(pd.Timestamp(day), path, line)


def _check_time(hour, minute, second, text: str, path, line: int | None) -> None:
    """An impossible clock time (25:99) is an error, not a guess."""
    if hour is None:
        return
    if int(hour) > 23 or int(minute) > 59 or (second is not None and int(second) > 59):
        raise ArticleFormatError(
            path, line, f"impossible time in {text.strip()!r}; expected HH:MM[:SS] within a day"
        )


def _in_range(day: pd.Timestamp, path, line: int | None) -> pd.Timestamp:
    """Publication dates are datetime64[ns]: a year outside 1678-2261 is reported, not an abort."""
    if not pd.Timestamp.min <= day <= pd.Timestamp.max:
        raise ArticleFormatError(
            path,
            line,
            f"publication date {day.date().isoformat()} is outside the years "
            f"{pd.Timestamp.min.year + 1}-{pd.Timestamp.max.year - 1} a corpus can hold; "
            "expected a real publication date (a typo in the year?)",
        )
    return day


def _records_from_table(path: Path, report) -> Iterator[_Record]:
    try:
        text = _read_utf8(path)
    except ArticleFormatError as exc:
        report(exc)
        return
    if not text.strip():
        report(ArticleFormatError(path, None, "the file is empty; expected a table of articles"))
        return
    reader = _csv_rows if path.suffix.lower() == ".csv" else _jsonl_rows
    bad_rows: list[ArticleFormatError] = []

    def report_row(exc: ArticleFormatError) -> None:
        bad_rows.append(exc)
        report(exc)

    frame = pd.DataFrame(list(reader(text, path, report_row)))
    if frame.empty:
        if not bad_rows:
            report(ArticleFormatError(path, None, "the table holds no articles"))
        return
    yield from _records_from_frame(frame, path, report)


def _jsonl_rows(text: str, path: Path, report) -> Iterator[dict]:
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


def _csv_rows(text: str, path: Path, report) -> Iterator[dict]:
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


def _records_from_frame(frame: pd.DataFrame, path, report) -> Iterator[_Record]:
    missing = [c for c in RECORD_COLUMNS if c not in frame.columns]
    if missing:
        report(
            ArticleFormatError(
                path,
                None,
                f"missing column(s) {missing}; expected columns {list(RECORD_COLUMNS)}",
            )
        )
        return
    for position, row in enumerate(frame.to_dict("records")):
        line = int(row["_line"]) if "_line" in row else None
        where = str(path) if line is not None else f"{path} row {position}"
        try:
            text = row["text"]
            if not isinstance(text, str):
                raise ArticleFormatError(where, line, f"expected text as a string, found {text!r}")
            article_id = row["id"]
            if isinstance(article_id, float) and pd.isna(article_id):
                article_id = ""
            if not isinstance(article_id, (str, int)) or isinstance(article_id, bool):
                raise ArticleFormatError(
                    where, line, f"expected the article id as a string, found {article_id!r}"
                )
            article_id = str(article_id).strip()
            if not article_id or article_id == "nan":
                raise ArticleFormatError(where, line, "expected a non-empty article id")
            author = row["author"]
            if author is not None and not isinstance(author, (str, float)):
                raise ArticleFormatError(
                    where, line, f"expected the author as a string or empty, found {author!r}"
                )
            author = (
                None
                if author is None or pd.isna(author) or not str(author).strip()
                else str(author).strip()
            )
            date = _parse_date(row["date"], where, line)
            yield _Record(
                article_id=article_id,
                date=date,
                author=author,
                path=where,
                published=None if pd.isna(row["date"]) else str(row["date"]),
                body_lines=text.replace("\r\n", "\n").replace("\r", "\n").split("\n"),
                first_body_line=line,
                line=line,
            )
        except ArticleFormatError as exc:
            report(exc)


_FOOTER_START_RE = re.compile(
    r"^(?:" + "|".join(re.escape(cue) for cue in FOOTER_STARTS) + r")(?![\w-])", re.IGNORECASE
)


def _is_footer(lines: list[str]) -> bool:
    """Whether the lines after a separator read as a page footer (:mod:`analysis.lexicon.footers`):
    every line short and either a footer line (it begins with a prompt or header, or holds a link,
    a handle or a rights mark) or a tag line (short, no sentence-final mark), one footer line at
    least."""
    kept = [line.strip() for line in lines if line.strip()]
    cues = [
        bool(_FOOTER_START_RE.match(line)) or any(mark in line.lower() for mark in FOOTER_MARKS)
        for line in kept
    ]
    tags = [len(line) <= TAG_LINE_CHARS and line[-1] not in '.!?"”’' for line in kept]
    return any(cues) and all(
        len(line) <= FOOTER_LINE_CHARS and (cue or tag)
        for line, cue, tag in zip(kept, cues, tags, strict=True)
    )


def _parse_body(rec: _Record) -> tuple[str, list[tuple[int, int]], str | None, str | None]:
    """Return (text, paragraph spans, author, footer) of one article's body lines.

    A separator line ends the body only when what follows reads as a footer; otherwise it is a
    paragraph break and the text after it is kept.
    """
    lines = list(rec.body_lines)
    footer = None
    for i, line in enumerate(lines):
        if FOOTER_SEPARATOR_RE.match(line):
            if _is_footer(lines[i + 1 :]):
                footer = "\n".join(lines[i + 1 :]).strip() or None
                lines = lines[:i]
                break
            lines[i] = ""
    paragraphs = split_paragraphs("\n".join(lines))
    author = rec.author
    if paragraphs:
        byline = BYLINE_RE.match(paragraphs[0])
        if byline and (author is None or byline["author"].strip().lower() == author.lower()):
            author = author or byline["author"].strip()
            paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ArticleFormatError(
            rec.path,
            rec.first_body_line,
            "the article body is empty; expected at least one paragraph after the header",
        )
    text = "\n\n".join(paragraphs)
    spans, cursor = [], 0
    for paragraph in paragraphs:
        spans.append((cursor, cursor + len(paragraph)))
        cursor += len(paragraph) + 2
    return text, spans, author, footer
