"""Score temporal expressions as TempEval-3 Task A does (documents read by
:func:`analysis.corpus.timeml.read_timeml`).

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

from collections.abc import Iterable, Mapping

import pandas as pd

__all__ = ["SCORE_NAMES", "align_timexes", "score_timexes"]

SCORE_NAMES = ("strict", "relaxed", "type", "value")


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
