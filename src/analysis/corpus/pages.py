"""Saved HTML pages: main text, title, date, author, URL and site, read by trafilatura.

Design
------
A page is handed to ``trafilatura.bare_extraction`` (a maintained extractor that scores the page's
blocks and drops navigation, comments and boilerplate). Its publication date comes from
htmldate through trafilatura, from the page's metadata, structured data, ``<time>`` elements and
URL only (``extensive_search`` is off: a date guessed from any number in the text would be a
guess). Each line of the extracted text is a paragraph; a first line that repeats the title is
the headline and is left out of the text (it is in ``title``). A page that yields no text or no
date is an :class:`ArticleFormatError`, so it is listed, not lost.

The extractor is imported on first use: loading text files and tables does not pay for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.errors import ArticleFormatError

__all__ = ["PAGE_SUFFIXES", "Page", "read_page"]

PAGE_SUFFIXES = {".html", ".htm"}
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


@dataclass(frozen=True)
class Page:
    """What was read off one HTML page."""

    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    date: pd.Timestamp
    published: pd.Timestamp | None
    paragraphs: list[str]


def read_page(path: Path, html: str | bytes, *, zone: dt.tzinfo = dt.UTC) -> Page:
    """Extract one saved page; raise :class:`ArticleFormatError` if it yields no text or date.

    Examples
    --------
    >>> page = read_page(Path("a.html"), '''<html><head><title>Talks in Baku</title>
    ... <meta property="article:published_time" content="2022-05-21T11:31:00+04:00"></head>
    ... <body><article><h1>Talks in Baku</h1><p>The ministers met in Baku on Friday and agreed
    ... to hold more joint drills next year, the ministry said in a statement.</p>
    ... </article></body></html>''')
    >>> page.title, page.date, page.published
    ('Talks in Baku', Timestamp('2022-05-21 00:00:00'), Timestamp('2022-05-21 07:31:00+0000', tz='UTC'))
    >>> page.paragraphs
    ['The ministers met in Baku on Friday and agreed to hold more joint drills next year, the ministry said in a statement.']
    """  # noqa: E501
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={
                "outputformat": _DATE_FORMAT,
                "original_date": True,
                "extensive_search": False,
                "min_date": "1678-01-02",
            },
        )
    except Exception as exc:  # the extractor's parsers raise many types on broken input
        raise ArticleFormatError(
            path, None, f"cannot extract the page ({type(exc).__name__}: {exc}); expected HTML"
        ) from None
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise ArticleFormatError(
            path, None, "the page yields no article text; expected an HTML page of an article"
        )
    title = (document.title or "").strip() or None
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise ArticleFormatError(
            path, None, "the page yields a headline and no article text; expected an article"
        )
    if not document.date:
        raise ArticleFormatError(
            path,
            None,
            "the page gives no publication date (in its metadata, structured data, <time> "
            "elements or URL); expected one",
        )
    date, published = _page_date(document.date, zone)
    return Page(
        title=title,
        author=(document.author or "").strip() or None,
        outlet=(document.sitename or "").strip() or None,
        url=(document.url or "").strip() or None,
        date=date,
        published=published,
        paragraphs=paragraphs,
    )


def _page_date(value: str, zone: dt.tzinfo) -> tuple[pd.Timestamp, pd.Timestamp | None]:
    """The calendar day and, when the page gives a time, the instant in UTC (a time with no zone
    is in ``zone``)."""
    try:
        stamp = dt.datetime.strptime(value, _DATE_FORMAT)
    except ValueError:
        stamp = dt.datetime.strptime(value[:19], _DATE_FORMAT[:-2])
    day = pd.Timestamp(stamp.date())
    if stamp.tzinfo is None:
        if stamp.time() == dt.time():
            return day, None
        stamp = stamp.replace(tzinfo=zone)
    return day, pd.Timestamp(stamp).tz_convert("UTC")
