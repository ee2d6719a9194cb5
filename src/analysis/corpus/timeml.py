"""Read TimeML documents (TimeBank, AQUAINT, TempEval-3): text, creation date, gold TIMEX3.

:func:`read_timeml` parses one ``.tml`` document with the standard XML parser, walks the ``<TEXT>``
element and rebuilds its XML-unescaped character content; every ``<TIMEX3>`` in it becomes a row
whose ``start``/``end`` index that text. The creation time (the ``<TIMEX3>`` of ``<DCT>``,
``functionInDocument="CREATION_TIME"``) is the document's anchor date.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

__all__ = ["TIMEX_COLUMNS", "TimeMLDocument", "read_timeml"]

TIMEX_COLUMNS = ["start", "end", "text", "type", "value"]


@dataclass(frozen=True)
class TimeMLDocument:
    """One TimeML document: its text, creation date and gold temporal expressions.

    Attributes
    ----------
    doc_id : str
        The ``<DOCID>`` (or the file stem when there is none).
    dct : str
        The creation time value as written, e.g. ``"1998-01-08"``.
    text : str
        The XML-unescaped character content of ``<TEXT>``.
    timexes : pandas.DataFrame
        ``start, end, text, type, value``; ``text[start:end]`` is each expression.
    """

    doc_id: str
    dct: str
    text: str
    timexes: pd.DataFrame


def read_timeml(source: str | PathLike) -> TimeMLDocument:
    """Parse a TimeML ``.tml`` file (or a TimeML string) into a :class:`TimeMLDocument`.

    Parameters
    ----------
    source : path or str
        A path to a ``.tml`` file, or the XML itself (a string starting with ``<``).

    Returns
    -------
    TimeMLDocument

    Raises
    ------
    ValueError
        If the document is not XML, has no ``<TEXT>`` or no creation time.

    Examples
    --------
    >>> doc = read_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
    ...     'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>Sales fell '
    ...     '<TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3> &amp; rose.</TEXT>'
    ...     '</TimeML>')
    >>> doc.dct, doc.text
    ('1998-01-08', 'Sales fell last year & rose.')
    >>> doc.timexes.values.tolist()
    [[11, 20, 'last year', 'DATE', '1997']]
    """
    raw = str(source)
    name = "<string>"
    if not raw.lstrip().startswith("<"):
        path = Path(source)
        name = path.name
        raw = path.read_text(encoding="utf-8")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        raise ValueError(f"{name}: not well-formed TimeML ({error})") from None
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError(f"{name}: no <TEXT> element")
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
            break
    if dct is None:
        raise ValueError(f"{name}: no creation time (TIMEX3 functionInDocument=CREATION_TIME)")
    pieces: list[str] = []
    rows: list[tuple] = []
    _walk(text_el, pieces, rows, 0)
    text = "".join(pieces)
    rows = [(s, e, text[s:e], kind, value) for s, e, kind, value in rows]
    timexes = pd.DataFrame(rows, columns=TIMEX_COLUMNS).sort_values(["start", "end"])
    doc_el = root.find(".//DOCID")
    doc_id = (doc_el.text or "").strip() if doc_el is not None else ""
    return TimeMLDocument(
        doc_id or Path(name).stem,
        dct,
        text,
        timexes.reset_index(drop=True).astype({"start": "int64", "end": "int64"}),
    )


def _walk(element: ET.Element, pieces: list[str], rows: list[tuple], offset: int) -> int:
    start = offset
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _walk(child, pieces, rows, offset)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        rows.append((start, offset, element.get("type", ""), element.get("value", "")))
    return offset
