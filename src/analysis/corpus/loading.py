"""Load articles from text files, tables, HTML pages or DataFrames into one :class:`Corpus`.

Design
------
Every input shape is turned into the same *record*: id, calendar date, publication instant,
author, outlet, title, URL, where it came from (path and line) and the body's lines.

- Text files follow the seed format: a header line ``" date YYYY-MM-DD By AUTHOR"`` read by
  :mod:`analysis.corpus.headers` (the date written out, a time, a zone and the byline may follow
  the ISO date in any order, and the body may begin on the header line), then the body.
- CSV, JSON Lines and Parquet files and DataFrames are read by :mod:`analysis.corpus.tables`,
  with an optional column mapping; ``id``, ``date`` and ``text`` are required, ``author``,
  ``outlet``, ``title`` and ``url`` are kept when present.
- Saved HTML pages (``*.html``, ``*.htm``) are read by :mod:`analysis.corpus.pages` (trafilatura).

One parser then splits the body into paragraphs (blank-line separated), takes out a byline
paragraph at the top ("By NAME", a name and nothing more: it gives the author, and the row keeps
it in ``byline`` with its line), cuts a footer (the lines after a ``---``, ``***`` or ``___`` line,
when they read as one: follow and subscribe prompts, copyright, links, tags; otherwise the
separator is a paragraph break), and joins the paragraphs with one blank line. That joined string
is the article's ``text``; every span this package reports (paragraphs, sentences, dates,
sources, reused passages) is a pair of character offsets ``start``/``end`` into it, so
``text[start:end]`` is always exactly the unit. The text is kept as written: quotes, dashes,
spelling and Unicode normal form are never changed here (comparisons normalize their own copies).

A byline that names an outlet or agency (:data:`~analysis.lexicon.outlets.BYLINE_OUTLETS`, plus
the caller's ``outlets``) gives the ``outlet``; the author is the person a byline paragraph
names, else the header's byline (the outlet itself for agency copy).

Bad input raises :class:`ArticleFormatError` (a ``ValueError``) naming the file, the line and what
was expected. With ``errors="collect"`` each bad article is listed in :attr:`Corpus.problems`
instead, and every good article still loads: nothing is silently dropped, and no bad input aborts
the load (an empty or unreadable file, a broken or looping link in a folder, a field that is not a
string, a file that is not Parquet, a page with no text or date, a year outside what a
``datetime64[ns]`` column holds, an impossible time, a date with trailing text).
"""

from __future__ import annotations

import datetime as dt
import glob as globlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus.errors import ArticleFormatError
from analysis.corpus.headers import BYLINE_RE, parse_date_cell, parse_header, zone_info
from analysis.corpus.pages import PAGE_SUFFIXES, read_page
from analysis.corpus.reuters import read_sgm
from analysis.corpus.tables import FIELDS, TABLE_SUFFIXES, check_columns, read_table, rename
from analysis.corpus.units import split_paragraphs, split_sentences
from analysis.lexicon.footers import (
    FOOTER_LINE_CHARS,
    FOOTER_MARKS,
    FOOTER_STARTS,
    TAG_LINE_CHARS,
)
from analysis.lexicon.outlets import BYLINE_OUTLETS

__all__ = ["ArticleFormatError", "Corpus", "date_rank", "is_glob", "load_corpus"]

FOOTER_SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")
ERROR_MODES = ("raise", "collect")
#: A byline that credits a reporter and an outlet: "Jane Roe, Azernews", "Jane Roe / Trend".
_CREDIT_RE = re.compile(r"(?P<name>.+?)\s*[,/]\s*(?P<credit>[^,/]+)")
TEXT_SUFFIXES = {".txt", ".text"}
#: Reuters-21578's SGML files (``reut2-NNN.sgm``), read by :func:`analysis.corpus.reuters.read_sgm`.
SGML_SUFFIXES = {".sgm"}
OPTIONAL_TEXT_COLUMNS = ("author", "outlet", "title", "url", "byline", "footer")
ARTICLE_COLUMNS = [
    "date", "published", "author", "outlet", "title", "url", "byline", "byline_line", "path",
    "text", "footer",
]  # fmt: skip


@dataclass(frozen=True)
class _Record:
    article_id: str
    date: pd.Timestamp
    published: pd.Timestamp | None
    author: str | None
    path: str
    body_lines: list[str]
    #: The line of the first body line (for a table record, the record's line).
    first_body_line: int | None
    #: The line the article starts on (its header, or its record in a table).
    line: int | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class Corpus:
    """A set of articles as tidy DataFrames with character offsets.

    Attributes
    ----------
    articles : pandas.DataFrame
        One row per article, index ``article_id``; columns ``date`` (datetime64, the publication
        day as written), ``published`` (the publication instant in UTC where a time is given,
        else NaT), ``author``, ``outlet`` (the outlet or agency a byline names, or the table's or
        page's own), ``title`` and ``url`` (where the input has them), ``byline`` and
        ``byline_line`` (the byline paragraph taken out of the body, as written, and the line of
        the file it was on; for a table, the record's line), ``path``, ``text`` (the body,
        paragraphs joined by one blank line) and ``footer`` (a page footer cut after a separator
        line, as written).
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

    @cached_property
    def _paragraph_rows(self) -> dict[str, np.ndarray]:
        return self.paragraphs.groupby("article_id", sort=False).indices

    def paragraphs_of(self, article_id: str) -> pd.DataFrame:
        """The rows of :attr:`paragraphs` of one article, in order (an empty frame for an article
        with no paragraph); looked up through an index built on first use, so a view that asks
        for many articles does not scan the whole table each time.

        Examples
        --------
        >>> frame = pd.DataFrame({"id": ["a", "b"], "date": ["2022-05-20", "2022-05-21"],
        ...     "text": ["One.\\n\\nTwo.", "Three."]})
        >>> load_corpus(frame).paragraphs_of("a")[["para", "start", "text"]].values.tolist()
        [[0, 0, 'One.'], [1, 6, 'Two.']]
        """
        rows = self._paragraph_rows.get(article_id)
        if rows is None:
            return self.paragraphs.iloc[:0]
        return self.paragraphs.iloc[rows]

    @cached_property
    def _paragraph_spans(self) -> dict[str, list[tuple[int, int]]]:
        spans: dict[str, list[tuple[int, int]]] = {}
        columns = (self.paragraphs[name].tolist() for name in ("article_id", "start", "end"))
        for article_id, start, end in zip(*columns, strict=True):
            spans.setdefault(article_id, []).append((start, end))
        return spans

    def paragraph_spans(self, article_id: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` of each paragraph of one article, in order (an empty list for an
        article with no paragraph): the spans of :meth:`paragraphs_of` without a frame, for views
        that lay out thousands of articles.

        Examples
        --------
        >>> frame = pd.DataFrame({"id": ["a", "b"], "date": ["2022-05-20", "2022-05-21"],
        ...     "text": ["One.\\n\\nTwo.", "Three."]})
        >>> corpus = load_corpus(frame)
        >>> corpus.paragraph_spans("a"), corpus.paragraph_spans("b"), corpus.paragraph_spans("c")
        ([(0, 4), (6, 10)], [(0, 6)], [])
        """
        return list(self._paragraph_spans.get(article_id, ()))

    def title_corpus(self) -> Corpus:
        """The articles' titles as a corpus of their own: one article (the same id, date, author
        and outlet) per titled article, whose text is its title, so that every analysis runs on
        headlines as it runs on bodies (``find_reuse(corpus.title_corpus(), min_words=4)``).

        Examples
        --------
        >>> frame = pd.DataFrame({"id": ["a", "b"], "date": ["2022-05-20", "2022-05-21"],
        ...     "title": ["Ministers meet in Baku", None], "text": ["Body a.", "Body b."]})
        >>> titles = load_corpus(frame).title_corpus()
        >>> titles.articles["text"].to_dict(), titles.paragraphs[["start", "end"]].values.tolist()
        ({'a': 'Ministers meet in Baku'}, [[0, 22]])
        """
        titled = self.articles[self.articles["title"].notna()].copy()
        titled["text"] = titled["title"]
        titled[["byline", "footer"]] = None
        titled["byline_line"] = pd.array([pd.NA] * len(titled), dtype="Int64")
        paragraphs = pd.DataFrame(
            {
                "article_id": titled.index,
                "para": 0,
                "start": 0,
                "end": titled["text"].str.len().to_numpy(),
                "text": titled["text"].to_numpy(),
            }
        ).astype({"para": "int64", "start": "int64", "end": "int64"})
        return Corpus(articles=titled, paragraphs=paragraphs)

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
    # The same Timestamps as ``articles["date"][a]``, read once (a Series look-up per article
    # cost a second at 10x Reuters).
    dates = dict(zip(articles.index, articles["date"], strict=True))
    ordered = sorted(articles.index, key=lambda a: (dates[a], a))
    return {article_id: number for number, article_id in enumerate(ordered)}


def load_corpus(
    source: str | PathLike | Sequence[str | PathLike] | pd.DataFrame,
    *,
    errors: str = "raise",
    columns: Mapping[str, str] | None = None,
    zone: str | dt.tzinfo = "UTC",
    outlets: Iterable[str] = (),
) -> Corpus:
    """Load articles into a :class:`Corpus`.

    Parameters
    ----------
    source : path, glob, list of paths, or DataFrame
        A folder (its ``*.txt``, ``*.html``, ``*.jsonl``, ``*.csv`` and ``*.parquet`` files, and
        Reuters-21578's ``*.sgm``), one such file, a glob pattern
        (``"reuters21578/reut2-*.sgm"``), a list of any of these, or a DataFrame. Tables have the
        columns ``id, date, text`` and optionally ``author, outlet, title, url``.
    errors : {"raise", "collect"}
        ``"raise"`` stops at the first bad input with an :class:`ArticleFormatError`;
        ``"collect"`` loads every good article and lists each bad one in ``Corpus.problems``.
    columns : mapping, optional
        Where a table keeps each field: ``{"id": "url", "date": "publish_date", "text": "body"}``.
    zone : str or tzinfo, default "UTC"
        The zone of a publication time written without one (an IANA name such as
        ``"Asia/Baku"``, an abbreviation or an offset).
    outlets : iterable of str
        Outlets and agencies that bylines may name, besides
        :data:`~analysis.lexicon.outlets.BYLINE_OUTLETS`.

    Returns
    -------
    Corpus

    Raises
    ------
    ArticleFormatError
        With ``errors="raise"``, for a missing path, an empty folder, a missing header or date, an
        impossible date, an empty body, bytes that are not UTF-8, or a duplicate article id.
    ValueError
        For an unknown ``errors`` mode, ``zone`` or field in ``columns``.

    Examples
    --------
    >>> from analysis.paths import SEEDS_DIR
    >>> corpus = load_corpus(SEEDS_DIR)
    >>> corpus
    <Corpus: 2 articles, 22 paragraphs, 0 problems>
    >>> corpus.articles["author"].to_dict()
    {'000_5b183b1fed710e9a': 'Azernews', '001_80062493b65dd1fc': 'Vugar Khalilov'}
    >>> corpus.articles["outlet"].dropna().to_dict()
    {'000_5b183b1fed710e9a': 'Azernews'}
    >>> p = corpus.paragraphs.iloc[0]
    >>> corpus.text(p.article_id)[p.start:p.end] == p.text
    True
    """
    if errors not in ERROR_MODES:
        raise ValueError(f"errors must be one of {ERROR_MODES}, got {errors!r}")
    mapping = check_columns(columns)
    tz = zone_info(zone)
    if isinstance(outlets, str):
        raise TypeError(f"outlets must be a list of outlet names, got the string {outlets!r}")
    known = tuple(dict.fromkeys([*BYLINE_OUTLETS, *(str(o).strip() for o in outlets)]))
    options = _Options(mapping, tz, known, frozenset(o.lower() for o in known))
    problems: list[tuple[str, int | None, str]] = []

    def report(exc: ArticleFormatError) -> None:
        if errors == "raise":
            raise exc
        problems.append((exc.path, exc.line, exc.reason))

    records: list[_Record] = []
    seen: dict[str, str] = {}
    for item in _iter_records(source, options, report):
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
            body = _parse_body(rec, options)
        except ArticleFormatError as exc:
            report(exc)
            continue
        text = body.text
        article_rows.append(
            (
                rec.article_id, rec.date, rec.published, body.author, body.outlet, rec.title,
                rec.url, body.byline, body.byline_line, rec.path, text, body.footer,
            )
        )  # fmt: skip
        para_rows.extend(
            (rec.article_id, i, start, end, text[start:end])
            for i, (start, end) in enumerate(body.spans)
        )

    articles = pd.DataFrame(article_rows, columns=["article_id", *ARTICLE_COLUMNS])
    articles["date"] = pd.to_datetime(articles["date"]).astype("datetime64[ns]")
    articles["published"] = pd.to_datetime(articles["published"], utc=True).astype(
        "datetime64[ns, UTC]"
    )
    articles["byline_line"] = articles["byline_line"].astype("Int64")
    for column in OPTIONAL_TEXT_COLUMNS:  # one missing value, None, whatever pandas infers
        articles[column] = articles[column].astype(object).where(articles[column].notna(), None)
    articles = articles.set_index("article_id")
    paragraphs = pd.DataFrame(para_rows, columns=["article_id", "para", "start", "end", "text"])
    paragraphs = paragraphs.astype({"para": "int64", "start": "int64", "end": "int64"})
    problem_frame = pd.DataFrame(problems, columns=["path", "line", "reason"]).astype(
        {"line": "Int64"}
    )
    return Corpus(articles=articles, paragraphs=paragraphs, problems=problem_frame)


@dataclass(frozen=True)
class _Options:
    columns: dict[str, str]
    zone: dt.tzinfo
    outlets: tuple[str, ...]
    outlet_keys: frozenset[str]

    def is_outlet(self, name: str | None) -> bool:
        return name is not None and name.strip().lower() in self.outlet_keys

    def split_credit(self, byline: str | None) -> tuple[str | None, str | None]:
        """(author, outlet) of a byline: "Azernews" is both, "Jane Roe, Azernews" (or "Jane Roe /
        Azernews") is a reporter and an outlet, a name alone is an author with no outlet."""
        if byline is None:
            return None, None
        if self.is_outlet(byline):
            return byline, byline
        match = _CREDIT_RE.fullmatch(byline)
        if match and self.is_outlet(match["credit"]):
            return match["name"], match["credit"].strip()
        return byline, None


def _iter_records(source, options: _Options, report) -> Iterator[_Record]:
    if isinstance(source, pd.DataFrame):
        yield from _records_from_frame(source, "<DataFrame>", options, report)
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
            suffix = path.suffix.lower()
            try:
                if suffix in TABLE_SUFFIXES:
                    text = None if suffix == ".parquet" else _read_utf8(path)
                    frame = read_table(path, text, report)
                    if frame is not None:
                        yield from _records_from_frame(frame, path, options, report)
                elif suffix in SGML_SUFFIXES:
                    yield from _records_from_sgml(path, options, report)
                elif suffix in PAGE_SUFFIXES:
                    yield _record_from_page(path, options)
                else:
                    yield _record_from_text_file(path, options)
            except ArticleFormatError as exc:
                report(exc)


def is_glob(path: str | PathLike) -> bool:
    """Whether ``path`` is read as a glob pattern: it holds ``*``, ``?`` or ``[`` and names no
    existing file or folder.

    Examples
    --------
    >>> is_glob("reuters21578/reut2-*.sgm"), is_glob("articles/")
    (True, False)
    """
    text = str(path)
    return any(ch in text for ch in "*?[") and not Path(text).exists()


def _expand(item: str | PathLike, report) -> list[Path]:
    text = str(item)
    if is_glob(text):
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
                    "the folder holds no article files; expected *.txt, *.html, *.jsonl, *.csv, "
                    "*.parquet or *.sgm files",
                )
            )
        return files
    if not path.exists():
        report(ArticleFormatError(path, None, "no such file or folder"))
        return []
    return [path]


def _is_article_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return (
        suffix in TABLE_SUFFIXES
        or suffix in TEXT_SUFFIXES
        or suffix in PAGE_SUFFIXES
        or suffix in SGML_SUFFIXES
    )


def _records_from_sgml(path: Path, options: _Options, report) -> Iterator[_Record]:
    """The stories of a Reuters-21578 SGML file; a story that is no article (no body, an
    unreadable date) is a problem named by file, line and story id."""
    rows = []
    for story in read_sgm(path):
        if story.reason is None:
            rows.append((*story.row, story.line))
        else:
            report(
                ArticleFormatError(
                    path,
                    story.line,
                    f"story {story.story_id}: {story.reason}; expected a <REUTERS> story with "
                    "a <DATE> and a <BODY>",
                )
            )
    frame = pd.DataFrame(rows, columns=["id", "date", "author", "outlet", "text", "_line"])
    yield from _records_from_frame(frame, path, options, report)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleFormatError(
            path, None, f"cannot read the file ({exc.strerror or exc}); expected a readable file"
        ) from None


def _read_utf8(path: Path) -> str:
    data = _read_bytes(path)
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


def _record_from_text_file(path: Path, options: _Options) -> _Record:
    lines = _read_utf8(path).split("\n")
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        raise ArticleFormatError(
            path, 1, "the file is empty; expected a header ' date YYYY-MM-DD By AUTHOR'"
        )
    header = parse_header(
        lines[header_index],
        path=str(path),
        line_number=header_index + 1,
        zone=options.zone,
        outlets=options.outlets,
    )
    body_lines = lines[header_index + 1 :]
    first_body_line = header_index + 2
    if header.body is not None:
        # A byline on the header line is a paragraph of its own; other text starts the first one.
        body_lines = [header.body, *([""] if BYLINE_RE.match(header.body) else []), *body_lines]
        first_body_line = header_index + 1
    return _Record(
        article_id=path.stem,
        date=header.date,
        published=header.published,
        author=header.author,
        path=str(path),
        body_lines=body_lines,
        first_body_line=first_body_line,
        line=header_index + 1,
    )


def _record_from_page(path: Path, options: _Options) -> _Record:
    page = read_page(path, _read_bytes(path), zone=options.zone)
    parse_date_cell(page.date, path=str(path), line=None)
    return _Record(
        article_id=path.stem,
        date=page.date,
        published=page.published,
        author=page.author,
        path=str(path),
        body_lines="\n\n".join(page.paragraphs).split("\n"),
        first_body_line=None,
        outlet=page.outlet,
        title=page.title,
        url=page.url,
    )


def _records_from_frame(frame: pd.DataFrame, path, options: _Options, report) -> Iterator[_Record]:
    frame = rename(frame, options.columns, path, report)
    if frame is None:
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
            fields = {name: _optional_string(row, name, where, line) for name in FIELDS[2:6]}
            date, published = parse_date_cell(row["date"], path=where, line=line, zone=options.zone)
            yield _Record(
                article_id=article_id,
                date=date,
                published=published,
                author=fields["author"],
                path=where,
                body_lines=text.replace("\r\n", "\n").replace("\r", "\n").split("\n"),
                first_body_line=line,
                line=line,
                outlet=fields["outlet"],
                title=fields["title"],
                url=fields["url"],
            )
        except ArticleFormatError as exc:
            report(exc)


def _optional_string(row: dict, name: str, where: str, line: int | None) -> str | None:
    """An optional text field: a string, or empty (missing, None, NaN, blank)."""
    value = row.get(name)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if not isinstance(value, str):
        raise ArticleFormatError(
            where, line, f"expected the {name} as a string or empty, found {value!r}"
        )
    return value.strip() or None


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


@dataclass(frozen=True)
class _Body:
    text: str
    spans: list[tuple[int, int]]
    author: str | None
    outlet: str | None
    byline: str | None
    byline_line: int | None
    footer: str | None


def _parse_body(rec: _Record, options: _Options) -> _Body:
    """Split one article's body lines into its text, paragraph spans, byline and footer.

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
    author, outlet = options.split_credit(rec.author)
    outlet = rec.outlet or outlet
    byline = byline_line = None
    if paragraphs and (match := BYLINE_RE.match(paragraphs[0])):
        byline, paragraphs = paragraphs[0], paragraphs[1:]
        if rec.first_body_line is not None:
            offset = next(i for i, line in enumerate(lines) if line.strip())
            byline_line = rec.first_body_line + (offset if rec.line != rec.first_body_line else 0)
        name, credit = options.split_credit(match["author"].strip())
        outlet = outlet or credit
        if options.is_outlet(name):
            outlet = outlet or name
            author = author or name
        elif author is None or options.is_outlet(author):
            author = name
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
    return _Body(text, spans, author, outlet, byline, byline_line, footer)
