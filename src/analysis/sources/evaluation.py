"""Score attributions against annotated spans: precision, recall and F1 per role, and a baseline.

Design
------
A gold set (:func:`read_gold`) holds, per story, its id, its split (``development`` or
``held_back``), the SHA-256 of the story's text and its attributions as character offsets only:
``source``, ``cue``, ``content`` and ``medium`` spans, ``source_kind`` (``named``, ``unnamed``,
``group``, ``anonymous``), ``nested`` and ``refers_to_given``. The texts are not stored: before
scoring, :func:`check_texts` checks that the corpus holds each story with exactly the annotated
text (same digest), so offsets are never compared against another text.

Predictions are a frame of :data:`ATTRIBUTION_COLUMNS` (:func:`from_sources` turns the output of
:func:`analysis.extract_sources` into one; :func:`baseline_attributions` writes one directly).
Each role is scored on its own (:func:`score_attributions`): within a story, gold and predicted
spans of that role are matched one to one, greedily, the pair sharing the most characters first
(ties by gold start, then predicted start, then row order). *Overlap* matching pairs spans sharing
at least one character; *exact* matching only identical spans. Precision is matched / predicted,
recall matched / gold, F1 their harmonic mean (0.0 when a denominator is 0). ``kind_accuracy`` is
the share of the source pairs matched by overlap whose ``source_kind`` agrees.

The baseline is rule-free: in every sentence holding a written form of a reporting verb of
:mod:`analysis.lexicon.reporting`, the first such word is the cue, the nearest run of capitalised
words ("of" or "of the" may join two) before it the source (named), and the rest of the sentence
the content (or, when the cue ends the sentence, the part before the source).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.lexicon.reporting import REPORTING_VERBS
from analysis.paths import PROJECT_ROOT

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "GOLD_PATH",
    "ROLES",
    "SOURCE_KINDS",
    "AttributionGold",
    "baseline_attributions",
    "check_texts",
    "from_sources",
    "match_spans",
    "read_gold",
    "score_attributions",
]

#: The annotated Reuters-21578 stories of the project (offsets and labels only).
GOLD_PATH = PROJECT_ROOT / "benchmarks" / "data" / "reuters_attributions.json"
ROLES = ("source", "cue", "content")
SOURCE_KINDS = ("named", "unnamed", "group", "anonymous")
SPLITS = ("development", "held_back")
#: The columns of a frame of predicted (or gold) attributions.
ATTRIBUTION_COLUMNS = [
    "article_id",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "source_kind",
]
_GOLD_COLUMNS = ATTRIBUTION_COLUMNS + ["medium_start", "medium_end", "nested", "refers_to_given"]
#: extract_sources kinds of a named source; the other kinds are the gold set's own.
_NAMED_KINDS = frozenset({"person", "institution", "media", "document"})


@dataclass(frozen=True)
class AttributionGold:
    """Annotated stories and their attributions.

    Attributes
    ----------
    stories : pandas.DataFrame
        Index ``article_id``; columns ``split`` and ``sha256`` (of the story's UTF-8 text).
    attributions : pandas.DataFrame
        :data:`ATTRIBUTION_COLUMNS` and ``medium_start, medium_end`` (``<NA>`` without a medium),
        ``nested``, ``refers_to_given``; offsets index the story's text, ends exclusive.
    """

    stories: pd.DataFrame
    attributions: pd.DataFrame

    def split(self, name: str) -> AttributionGold:
        """The stories of one split (``development`` or ``held_back``) and their attributions.

        Examples
        --------
        >>> gold = read_gold()
        >>> [len(gold.split(name).stories) for name in ("development", "held_back")]
        [30, 30]
        """
        if name not in SPLITS:
            raise ValueError(f"split must be one of {list(SPLITS)}, got {name!r}")
        stories = self.stories[self.stories["split"] == name]
        keep = self.attributions["article_id"].isin(stories.index)
        return AttributionGold(stories, self.attributions[keep].reset_index(drop=True))


def read_gold(path: str | PathLike = GOLD_PATH) -> AttributionGold:
    """Read a gold set of attributions written as offsets and labels (see module doc).

    Parameters
    ----------
    path : str or path-like
        The JSON file; by default the project's 60 annotated Reuters-21578 stories.

    Returns
    -------
    AttributionGold

    Examples
    --------
    >>> gold = read_gold()
    >>> len(gold.stories), len(gold.attributions)
    (60, 471)
    >>> gold.attributions["source_kind"].value_counts().to_dict()
    {'named': 347, 'unnamed': 71, 'group': 51, 'anonymous': 2}
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    stories, rows = [], []
    for story in data["stories"]:
        if story["split"] not in SPLITS:
            raise ValueError(f"story {story['id']}: unknown split {story['split']!r}")
        stories.append((story["id"], story["split"], story["sha256"]))
        for a in story["attributions"]:
            if a["source_kind"] not in SOURCE_KINDS:
                raise ValueError(f"story {story['id']}: unknown source_kind {a['source_kind']!r}")
            medium = a["medium"] or (None, None)
            rows.append(
                (story["id"], *a["source"], *a["cue"], *a["content"], a["source_kind"], *medium)
                + (bool(a["nested"]), bool(a["refers_to_given"]))
            )
    frame = pd.DataFrame(rows, columns=_GOLD_COLUMNS)
    ints = [c for c in ATTRIBUTION_COLUMNS if c.endswith(("_start", "_end"))]
    frame = frame.astype(
        {c: "int64" for c in ints} | {"medium_start": "Int64", "medium_end": "Int64"}
    )
    _check_spans(frame, "gold")
    table = pd.DataFrame(stories, columns=["article_id", "split", "sha256"]).set_index("article_id")
    return AttributionGold(table, frame)


def check_texts(gold: AttributionGold, corpus: Corpus) -> None:
    """Raise ValueError unless ``corpus`` holds every gold story with exactly its annotated text.

    Examples
    --------
    >>> import hashlib, pandas as pd
    >>> from analysis import load_corpus
    >>> text = "Prices will rise, he said."
    >>> stories = pd.DataFrame({"split": ["development"],
    ...     "sha256": [hashlib.sha256(text.encode()).hexdigest()]},
    ...     index=pd.Index(["a"], name="article_id"))
    >>> gold = AttributionGold(stories, pd.DataFrame(columns=ATTRIBUTION_COLUMNS))
    >>> def corpus(body):
    ...     return load_corpus(pd.DataFrame({"id": ["a"], "date": ["2020-01-01"], "text": [body]}))
    >>> check_texts(gold, corpus(text))
    >>> check_texts(gold, corpus("Other."))
    Traceback (most recent call last):
    ...
    ValueError: 1 gold stories have another text in the corpus (first: a)
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    missing = [a for a in gold.stories.index if a not in corpus.articles.index]
    if missing:
        raise ValueError(f"{len(missing)} gold stories are not in the corpus (first: {missing[0]})")
    changed = [
        a
        for a, digest in gold.stories["sha256"].items()
        if hashlib.sha256(corpus.text(a).encode("utf-8")).hexdigest() != digest
    ]
    if changed:
        raise ValueError(
            f"{len(changed)} gold stories have another text in the corpus (first: {changed[0]})"
        )


def from_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """The attributions of an :func:`analysis.extract_sources` table as :data:`ATTRIBUTION_COLUMNS`.

    The source span is the mention, the cue span the cue, the content span the statement; a
    person, institution, medium or document is a ``named`` source.

    Examples
    --------
    >>> import pandas as pd
    >>> sources = pd.DataFrame({"article_id": ["a"], "source_kind": ["person"],
    ...     "mention_start": [18], "mention_end": [20], "cue_start": [21], "cue_end": [25],
    ...     "start": [0], "end": [16]})
    >>> [str(v) for v in from_sources(sources).iloc[0]]
    ['a', '18', '20', '21', '25', '0', '16', 'named']
    """
    kinds = sources["source_kind"].where(~sources["source_kind"].isin(_NAMED_KINDS), "named")
    frame = pd.DataFrame(
        {
            "article_id": sources["article_id"],
            "source_start": sources["mention_start"],
            "source_end": sources["mention_end"],
            "cue_start": sources["cue_start"],
            "cue_end": sources["cue_end"],
            "content_start": sources["start"],
            "content_end": sources["end"],
            "source_kind": kinds,
        }
    )
    return frame.reset_index(drop=True)


def _check_spans(frame: pd.DataFrame, what: str) -> None:
    missing = [c for c in ATTRIBUTION_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} is missing column(s) {missing}")
    for role in ROLES:
        start, end = frame[f"{role}_start"], frame[f"{role}_end"]
        if start.isna().any() or end.isna().any():
            raise ValueError(f"{what}: {role} spans must not be missing")
        if ((start < 0) | (end <= start)).any():
            raise ValueError(f"{what}: every {role} span needs 0 <= start < end")


def match_spans(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]], *, exact: bool
) -> list[tuple[int, int]]:
    """Match spans of one story and role one to one, greedily by shared characters.

    Returns the matched pairs as ``(gold index, predicted index)``, sorted by gold index.

    Examples
    --------
    >>> match_spans([(0, 10), (20, 30)], [(5, 25), (0, 10)], exact=False)
    [(0, 1), (1, 0)]
    >>> match_spans([(0, 10), (20, 30)], [(5, 25), (0, 10)], exact=True)
    [(0, 1)]
    >>> match_spans([(0, 4), (0, 4)], [(0, 4)], exact=True)
    [(0, 0)]
    """
    pairs = []
    for gi, (g0, g1) in enumerate(gold):
        for pi, (p0, p1) in enumerate(predicted):
            if exact and (g0, g1) != (p0, p1):
                continue
            shared = min(g1, p1) - max(g0, p0)
            if shared > 0:
                pairs.append((-shared, g0, p0, gi, pi))
    pairs.sort()
    used_gold, used_predicted, matched = set(), set(), []
    for *_, gi, pi in pairs:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            matched.append((gi, pi))
    return sorted(matched)


def _ratio(top: int, bottom: int) -> float:
    return top / bottom if bottom else 0.0


def score_attributions(predicted: pd.DataFrame, gold: AttributionGold) -> pd.DataFrame:
    """Precision, recall and F1 of ``predicted`` per role, exact and overlapping (module doc).

    Predictions for articles that are not gold stories are left out.

    Parameters
    ----------
    predicted : pandas.DataFrame
        :data:`ATTRIBUTION_COLUMNS`, offsets into the gold stories' texts.
    gold : AttributionGold

    Returns
    -------
    pandas.DataFrame
        One row per role and match (``exact``, ``overlap``): ``role, match, gold, predicted,
        matched, precision, recall, f1, kind_accuracy`` (``kind_accuracy`` on the source row
        with overlap matching only, else NaN).

    Examples
    --------
    >>> import pandas as pd
    >>> stories = pd.DataFrame({"split": ["development"], "sha256": [""]},
    ...     index=pd.Index(["a"], name="article_id"))
    >>> truth = pd.DataFrame([("a", 18, 20, 21, 25, 0, 16, "named")], columns=ATTRIBUTION_COLUMNS)
    >>> guess = pd.DataFrame([("a", 18, 20, 21, 25, 0, 12, "group"),
    ...     ("a", 30, 33, 34, 38, 39, 50, "named")], columns=ATTRIBUTION_COLUMNS)
    >>> table = score_attributions(guess, AttributionGold(stories, truth))
    >>> for r in table.itertuples():
    ...     print(r.role, r.match, r.matched, r.precision, r.recall)
    source exact 1 0.5 1.0
    source overlap 1 0.5 1.0
    cue exact 1 0.5 1.0
    cue overlap 1 0.5 1.0
    content exact 0 0.0 0.0
    content overlap 1 0.5 1.0
    >>> float(table.loc[1, "kind_accuracy"])
    0.0
    """
    if not isinstance(gold, AttributionGold):
        raise TypeError(f"gold must be an AttributionGold, got {type(gold).__name__}")
    if not isinstance(predicted, pd.DataFrame):
        raise TypeError(f"predicted must be a DataFrame, got {type(predicted).__name__}")
    _check_spans(predicted, "predicted")
    predicted = predicted[predicted["article_id"].isin(gold.stories.index)]
    truth_by = {a: g for a, g in gold.attributions.groupby("article_id", sort=True)}
    guess_by = {a: p for a, p in predicted.groupby("article_id", sort=True)}
    empty = pd.DataFrame(columns=ATTRIBUTION_COLUMNS)
    rows = []
    for role in ROLES:
        for match in ("exact", "overlap"):
            matched = kinds_right = 0
            for article in gold.stories.index:
                truth = truth_by.get(article, empty)
                guess = guess_by.get(article, empty)
                pairs = match_spans(
                    _spans(truth, role), _spans(guess, role), exact=match == "exact"
                )
                matched += len(pairs)
                kinds_right += sum(
                    truth["source_kind"].iloc[g] == guess["source_kind"].iloc[p] for g, p in pairs
                )
            n_gold, n_guess = len(gold.attributions), len(predicted)
            precision, recall = _ratio(matched, n_guess), _ratio(matched, n_gold)
            f1 = _ratio(2 * precision * recall, precision + recall) if matched else 0.0
            kind = _ratio(kinds_right, matched) if (role, match) == ("source", "overlap") else None
            rows.append((role, match, n_gold, n_guess, matched, precision, recall, f1, kind))
    columns = ["role", "match", "gold", "predicted", "matched", "precision", "recall", "f1"]
    table = pd.DataFrame(rows, columns=columns + ["kind_accuracy"])
    return table.astype({"kind_accuracy": "float64"})


def _spans(frame: pd.DataFrame, role: str) -> list[tuple[int, int]]:
    return list(
        zip(frame[f"{role}_start"].astype(int), frame[f"{role}_end"].astype(int), strict=True)
    )


_CUE_WORDS = sorted({w for lemma, (s, p) in REPORTING_VERBS.items() for w in (lemma, s, p)})
_CUE_RE = re.compile(r"\b(?:" + "|".join(_CUE_WORDS) + r")\b")
_CAPITALISED_RE = re.compile(r"[A-Z][\w.&'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&'-]*)*")


def baseline_attributions(corpus: Corpus) -> pd.DataFrame:
    """The rule-free baseline of the module doc: at most one attribution per sentence.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis import load_corpus
    >>> corpus = load_corpus(pd.DataFrame({"id": ["a"], "date": ["2020-01-01"], "text": [
    ...     "The Bank of Japan said rates would stay low. Prices will rise, Smith said."]}))
    >>> for r in baseline_attributions(corpus).itertuples():
    ...     text = corpus.text("a")
    ...     print(text[r.source_start:r.source_end], "|", text[r.cue_start:r.cue_end], "|",
    ...           text[r.content_start:r.content_end])
    The Bank of Japan | said | rates would stay low
    Smith | said | Prices will rise
    """
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be an analysis.Corpus, got {type(corpus).__name__}")
    rows = []
    sentences = corpus.sentences[["article_id", "start", "text"]]
    for article, offset, sentence in sentences.itertuples(index=False):
        cue = _CUE_RE.search(sentence)
        if cue is None:
            continue
        names = list(_CAPITALISED_RE.finditer(sentence, 0, cue.start()))
        if not names:
            continue
        source = names[-1]
        content = _trimmed(sentence, cue.end(), len(sentence))
        if content is None:
            content = _trimmed(sentence, 0, source.start())
        if content is None:
            continue
        rows.append(
            (article, offset + source.start(), offset + source.end())
            + (offset + cue.start(), offset + cue.end())
            + (offset + content[0], offset + content[1], "named")
        )
    frame = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    ints = [c for c in ATTRIBUTION_COLUMNS if c.endswith(("_start", "_end"))]
    return frame.astype({c: "int64" for c in ints})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without white space, punctuation and quotes at either end or a "that"."""
    strip = " \t\n,.;:\"'“”"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if text.startswith("that ", start):
        start += 5
    return (start, end) if start < end else None
