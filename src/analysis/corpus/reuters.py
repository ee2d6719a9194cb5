"""Read the Reuters-21578 newswire collection (SGML) into a frame ready for :func:`load_corpus`.

Design
------
Each ``reut2-NNN.sgm`` file (latin-1) holds ``<REUTERS ... NEWID="n">`` elements with a ``<DATE>``
(``26-FEB-1987 15:01:01.79``), an optional ``<AUTHOR>`` and, for most stories, a ``<BODY>``. A
paragraph of the body starts with an indented line; the lines of a paragraph are kept as written
and paragraphs are joined by one blank line, the format :func:`analysis.load_corpus` reads. The
trailing ``Reuter`` signoff and the ``&#3;`` end-of-text mark are removed and SGML entities are
unescaped. Stories without a body (or whose body is only the signoff) are skipped, never
silently: their ids are listed in ``frame.attrs["skipped"]`` with the reason.

:func:`read_sgm` reads one file story by story, with each story's line; :func:`analysis.load_corpus`
uses it for ``.sgm`` files (``load_corpus("reuters21578/reut2-*.sgm", errors="collect")``), where
a story without a body is a problem of the corpus, named by file, line and story id.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.lexicon.calendar import MONTHS

__all__ = ["Story", "read_reuters", "read_sgm"]

_STORY_RE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID_RE = re.compile(r'NEWID="(\d+)"')
_DATE_RE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+([\d:]+)")
_CLOCK_RE = re.compile(r"^(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d$")
_AUTHOR_RE = re.compile(r"<AUTHOR>(.*?)</AUTHOR>", re.S)
_BODY_RE = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_SIGNOFF_RE = re.compile(r"\s*\bReuter\s*$", re.IGNORECASE)
_CONTROL_RE = re.compile(r"&#\d+;|[\x00-\x08\x0b-\x1f]")
# The SGML writes months as upper-case three-letter abbreviations ("26-FEB-1987").
_MONTHS = {form.upper(): number for form, number in MONTHS.items() if len(form) == 3}


def read_reuters(folder: str | PathLike) -> pd.DataFrame:
    """Read every ``reut2-*.sgm`` file of a Reuters-21578 folder.

    Parameters
    ----------
    folder : path
        The folder holding the ``reut2-NNN.sgm`` files.

    Returns
    -------
    pandas.DataFrame
        ``id`` (``reuters-NNNNN`` from NEWID), ``date`` (``YYYY-MM-DD HH:MM:SS``, the clock time
        with no zone), ``author`` (the reporter, or None), ``outlet`` (``"Reuters"``) and ``text``,
        in NEWID order. ``frame.attrs["skipped"]`` is a DataFrame ``id, reason``
        of the stories that were not kept (no body, empty body, unreadable date);
        ``frame.attrs["repairs"]`` a DataFrame ``id, repair`` of the stories kept with a change
        (an impossible clock time, such as ``605:12:19``, left out of ``date``).

    Raises
    ------
    FileNotFoundError
        If the folder holds no ``reut2-*.sgm`` file.

    Examples
    --------
    >>> import tempfile
    >>> from analysis import load_corpus
    >>> story = ('<REUTERS NEWID="7"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><BODY>'
    ...          'First line\\nof one paragraph.\\n    Second paragraph.\\n Reuter\\n&#3;</BODY>'
    ...          '</TEXT></REUTERS>\\n<REUTERS NEWID="8"><DATE>26-FEB-1987 15:02:00.00</DATE>'
    ...          '<TEXT TYPE="BRIEF"><TITLE>NO BODY</TITLE></TEXT></REUTERS>')
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "reut2-000.sgm").write_text(story, encoding="latin-1")
    ...     frame = read_reuters(folder)
    >>> frame.loc[0, "text"]
    'First line\\nof one paragraph.\\n\\nSecond paragraph.'
    >>> frame.attrs["skipped"].to_dict("records")
    [{'id': 'reuters-00008', 'reason': 'no BODY'}]
    >>> len(load_corpus(frame))
    1
    """
    files = sorted(Path(folder).glob("reut2-*.sgm"))
    if not files:
        raise FileNotFoundError(f"{folder}: no reut2-*.sgm files; expected Reuters-21578 SGML")
    rows, skipped, repairs = [], [], []
    for path in files:
        for story in read_sgm(path):
            if story.reason is None:
                rows.append(story.row)
            else:
                skipped.append((story.story_id, story.reason))
            if story.repair:
                repairs.append((story.story_id, story.repair))
    frame = pd.DataFrame(rows, columns=["id", "date", "author", "outlet", "text"])
    frame = frame.sort_values("id", ignore_index=True)
    frame.attrs["skipped"] = pd.DataFrame(skipped, columns=["id", "reason"])
    frame.attrs["repairs"] = pd.DataFrame(repairs, columns=["id", "repair"])
    return frame


@dataclass(frozen=True)
class Story:
    """One ``<REUTERS>`` element of an SGML file: its id and line, and either its table row
    (``id, date, author, outlet, text``; ``reason`` None) or why it is not an article
    (``reason``: "no BODY", "empty BODY", "unreadable DATE"); ``repair`` says what was changed in
    a kept story."""

    story_id: str
    line: int
    row: tuple | None
    reason: str | None
    repair: str | None = None


def read_sgm(path: str | PathLike) -> Iterator[Story]:
    """The stories of one Reuters-21578 SGML file (latin-1), in file order.

    Examples
    --------
    >>> import tempfile
    >>> story = ('<REUTERS NEWID="7"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><BODY>'
    ...          'One paragraph.\\n Reuter\\n&#3;</BODY></TEXT></REUTERS>\\n'
    ...          '<REUTERS NEWID="8"><DATE>26-FEB-1987 15:02:00.00</DATE>'
    ...          '<TEXT TYPE="BRIEF"><TITLE>NO BODY</TITLE></TEXT></REUTERS>')
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "reut2-000.sgm"
    ...     _ = path.write_text(story, encoding="latin-1")
    ...     stories = list(read_sgm(path))
    >>> [(s.story_id, s.line, s.reason) for s in stories]
    [('reuters-00007', 1, None), ('reuters-00008', 4, 'no BODY')]
    >>> stories[0].row
    ('reuters-00007', '1987-02-26 15:01:01', None, 'Reuters', 'One paragraph.')
    """
    path = Path(path)
    content_of_file = path.read_text(encoding="latin-1")
    line, counted = 1, 0
    for story in _STORY_RE.finditer(content_of_file):
        line += content_of_file.count("\n", counted, story.start())
        counted = story.start()
        attributes, content = story.groups()
        newid = _NEWID_RE.search(attributes)
        story_id = f"reuters-{int(newid.group(1)):05d}" if newid else f"{path.name}@{story.start()}"
        body = _BODY_RE.search(content)
        date = _DATE_RE.search(content)
        if date is None or date.group(2).upper() not in _MONTHS:
            yield Story(story_id, line, None, "unreadable DATE")
            continue
        if body is None:
            yield Story(story_id, line, None, "no BODY")
            continue
        text = _body_text(body.group(1))
        if not text:
            yield Story(story_id, line, None, "empty BODY")
            continue
        day, month, year, clock = date.groups()
        stamp = f"{year}-{_MONTHS[month.upper()]:02d}-{int(day):02d}"
        repair = None
        if _CLOCK_RE.match(clock):
            stamp += f" {clock}"
        else:
            repair = f"impossible time {clock!r} left out; the date is kept"
        author = _AUTHOR_RE.search(content)
        row = (story_id, stamp, _author(author.group(1)) if author else None, "Reuters", text)
        yield Story(story_id, line, row, None, repair)


def _body_text(raw: str) -> str:
    text = html.unescape(_CONTROL_RE.sub("", raw.replace("&#3;", "")))
    text = _SIGNOFF_RE.sub("", text.rstrip())
    paragraphs: list[list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            if paragraphs and paragraphs[-1]:
                paragraphs.append([])
            continue
        if not paragraphs or line[:1].isspace() or not paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)


def _author(raw: str) -> str | None:
    name = re.sub(r"^\s*by\s+", "", html.unescape(raw).strip(), flags=re.IGNORECASE)
    name = re.sub(r",?\s*Reuters?\s*$", "", name, flags=re.IGNORECASE).strip()
    return name or None
