"""Read TimeML documents and score temporal expressions as TempEval-3 Task A does.

Reader
    :func:`read_timeml` parses one ``.tml`` document with the standard XML parser, walks the
    ``<TEXT>`` element and rebuilds its XML-unescaped character content; every ``<TIMEX3>`` in
    it becomes a row whose ``start``/``end`` index that text. The creation time (the ``<TIMEX3>`` of
    ``<DCT>``, ``functionInDocument="CREATION_TIME"``) is the document's anchor date.

Scorer
    :func:`score_timexes` follows the TempEval-3 Task A definitions:

    * a *strict* match is a gold and a system expression with identical extent, a *relaxed* match
      one whose extents overlap; each expression takes part in at most one match (one-to-one). The
      alignment takes the identical extents first, then the remaining overlapping pairs by
      decreasing overlap (ties: earlier gold, then earlier system expression);
    * span precision = matches / system expressions, recall = matches / gold expressions, F1 their
      harmonic mean, for strict and for relaxed matching;
    * type and value F1 count the relaxed matches whose ``type`` (``value``) strings are equal, over
      the same denominators (so ``P1Y`` and ``P12M`` differ). Value F1 is the headline figure.

    ``mod``, anchors, ``temporalFunction``, ``quant`` and ``freq`` are not scored. Scores are summed
    over documents (micro-averaged), so long documents weigh more, as in the task.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

__all__ = ["TimeMLDocument", "align_timexes", "read_timeml", "score_timexes"]

TIMEX_COLUMNS = ["start", "end", "text", "type", "value"]
SCORE_NAMES = ("strict", "relaxed", "type", "value")


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


def align_timexes(gold: pd.DataFrame, system: pd.DataFrame) -> list[tuple[int, int, bool]]:
    """Align gold and system expressions one-to-one: ``(gold_row, system_row, strict)`` triples.

    Identical extents are aligned first, then overlapping pairs by decreasing overlap. Rows are
    positions (0-based) in the two frames.

    Examples
    --------
    >>> gold = pd.DataFrame({"start": [0, 10], "end": [5, 20]})
    >>> system = pd.DataFrame({"start": [0, 12, 15], "end": [5, 14, 22]})
    >>> align_timexes(gold, system)
    [(0, 0, True), (1, 2, False)]
    """
    g_spans = list(zip(gold["start"].tolist(), gold["end"].tolist(), strict=True))
    s_spans = list(zip(system["start"].tolist(), system["end"].tolist(), strict=True))
    pairs: list[tuple[int, int, int, int]] = []
    for gi, (gs, ge) in enumerate(g_spans):
        for si, (ss, se) in enumerate(s_spans):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                exact = int(gs == ss and ge == se)
                pairs.append((-exact, -overlap, gi, si))
    pairs.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    matches = []
    for neg_exact, _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        matches.append((gi, si, neg_exact == -1))
    return sorted(matches)


def _prf(correct: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    precision = correct / n_system if n_system else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_timexes(
    gold: Mapping[str, pd.DataFrame] | pd.DataFrame,
    system: Mapping[str, pd.DataFrame] | pd.DataFrame,
) -> pd.DataFrame:
    """Score system temporal expressions against gold ones, TempEval-3 Task A style.

    Parameters
    ----------
    gold, system : DataFrame or mapping of document id to DataFrame
        Each frame has ``start, end, type, value`` columns (extra columns are ignored). A mapping
        scores several documents at once (micro-averaged); a document missing from ``system``
        counts as tagged with nothing.

    Returns
    -------
    pandas.DataFrame
        Index ``strict, relaxed, type, value``; columns ``precision, recall, f1, correct, system,
        gold``.

    Examples
    --------
    >>> gold = pd.DataFrame({"start": [0, 10], "end": [9, 14],
    ...                      "type": ["DATE", "DATE"], "value": ["1997", "1998-01-08"]})
    >>> system = pd.DataFrame({"start": [5, 10, 30], "end": [9, 14, 33],
    ...                        "type": ["DATE", "DATE", "DATE"], "value": ["1997", "1998", "X"]})
    >>> score_timexes(gold, system).round(3)[["precision", "recall", "f1", "correct"]]
             precision  recall   f1  correct
    strict       0.333     0.5  0.4        1
    relaxed      0.667     1.0  0.8        2
    type         0.667     1.0  0.8        2
    value        0.333     0.5  0.4        1
    """
    gold_docs = _as_documents(gold, "gold")
    system_docs = _as_documents(system, "system")
    unknown = sorted(set(system_docs) - set(gold_docs))
    if unknown:
        raise ValueError(f"system documents not in gold: {unknown[:5]}")
    counts = dict.fromkeys(SCORE_NAMES, 0)
    n_gold = n_system = 0
    empty = pd.DataFrame(columns=["start", "end", "type", "value"])
    for doc_id, gold_frame in gold_docs.items():
        system_frame = system_docs.get(doc_id, empty)
        n_gold += len(gold_frame)
        n_system += len(system_frame)
        g_type, g_value = gold_frame["type"].tolist(), gold_frame["value"].tolist()
        s_type, s_value = system_frame["type"].tolist(), system_frame["value"].tolist()
        for gi, si, strict in align_timexes(gold_frame, system_frame):
            counts["strict"] += strict
            counts["relaxed"] += 1
            counts["type"] += str(g_type[gi]) == str(s_type[si])
            counts["value"] += str(g_value[gi]) == str(s_value[si])
    rows = {name: (*_prf(counts[name], n_system, n_gold), counts[name]) for name in SCORE_NAMES}
    frame = pd.DataFrame.from_dict(
        rows, orient="index", columns=["precision", "recall", "f1", "correct"]
    )
    frame["system"] = n_system
    frame["gold"] = n_gold
    return frame


def _as_documents(
    frames: Mapping[str, pd.DataFrame] | pd.DataFrame | Iterable, role: str
) -> dict[str, pd.DataFrame]:
    if isinstance(frames, pd.DataFrame):
        frames = {"": frames}
    if not isinstance(frames, Mapping):
        raise TypeError(f"{role} must be a DataFrame or a mapping of document id to DataFrame")
    out = {}
    for doc_id, frame in frames.items():
        missing = {"start", "end", "type", "value"} - set(frame.columns)
        if missing:
            raise ValueError(f"{role} frame for {doc_id!r} lacks columns {sorted(missing)}")
        out[doc_id] = frame.reset_index(drop=True)
    return out
