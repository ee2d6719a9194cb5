"""One timeline across articles: dated mentions, merged into events, with stale dates flagged.

What
    :func:`timeline_mentions` lists every temporal expression of a corpus (from
    :func:`analysis.extract_timexes`) with its sentence, a short event label, the interval it
    denotes and whether it sits in text recycled from an earlier article. :func:`build_timeline`
    merges the dated mentions into events: mentions with the same value whose sentences say the same
    thing (the June 15 memorandum told in two articles) become one entry with all its mentions.

Stale dates
    A relative date is resolved against the publication date of the text it is written in. When an
    article recycles a passage ("On June 15, the two countries signed ...") the passage was written
    for its *origin*, the earliest article it appears in (see :func:`analysis.reused_spans`). Each
    mention inside a recycled passage is therefore resolved twice: against its own article's date
    (``naive_value``) and against the origin's date (``value``, the one the timeline uses). Where
    the two differ the mention is ``stale``: a reader of the later article would date it wrongly.

How
    Labels come from the clause that holds the date: the sentence is cut at commas (not inside a
    number), colons and semicolons, the date phrase and its preposition are dropped, a date
    that opens its clause ("For all of 1986, Rainier earned ...") labels the clause after it, a
    reporting frame ("the ministry reported that") is skipped, and the first ten whole words are
    kept. A clause with fewer than three content words ("Record", "Pay", "Qtr ended", a row of
    a table) says what happened only with what the article is about, so its title (else its
    first line) follows it: "Record: Qtly div 12 cts vs 12 cts prior". Events are grouped
    by value, then by sentence similarity (rapidfuzz token-set ratio), so two different things
    that happened on the same day stay two events.

Scale
    Within a value group, mentions whose sentences have the same set of words share one score
    (recycled sentences cost nothing). Groups of up to ``exact_limit`` distinct sentences (every
    group of a small corpus) score all pairs, each once, in one vectorised
    ``rapidfuzz.process.cdist`` call. Larger groups, such as the thousands of "1987" in a
    newswire year, score each sentence only against the few sentences that share the most
    uncommon words with it (an inverted index of words, read in numpy), so the cost grows
    linearly with the corpus.

    :func:`timeline_mentions` tags every article and splits into sentences (pysbd) only the
    paragraphs that hold a mention, none when the corpus has split its sentences already (as the
    report's corpus step does); the paragraphs are read into plain lists per article once.
    With ``processes`` above 1, runs of articles in date order go to worker processes, each
    tagging, splitting and labelling its own articles; a mention's row depends on its article
    alone, so the rows, gathered in order, are those of one process. :func:`build_timeline` deals
    the value groups to as many processes, a few tasks of about equal cost each; a group's events
    depend on its sentences alone. Two processes cost a few percent more CPU time in all
    (forking, copying the articles and rows); the busiest of two carries about half the step,
    which halves the wall time when a second core is free, but on a machine whose cores other
    jobs keep busy they were slower than one, so the default is one (``BENCHMARKS.md``,
    section 3).
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from analysis.chronology.tagger import timex_granularity, timex_interval, timex_rows
from analysis.corpus.loading import Corpus
from analysis.corpus.units import split_sentences
from analysis.lexicon.reporting import forms
from analysis.lexicon.stop_words import STOP_WORDS
from analysis.options import TimelineOptions

__all__ = [
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "build_timeline",
    "timeline_mentions",
]

MENTION_COLUMNS = [
    "article_id", "published", "start", "end", "text", "type", "value", "naive_value",
    "granularity", "date_start", "date_end", "sentence_start", "sentence_end", "sentence", "label",
    "anchor", "reused", "origin_id", "origin_date", "stale",
]  # fmt: skip
EVENT_COLUMNS = [
    "event_id", "date_start", "date_end", "value", "granularity", "label", "sentence",
    "article_id", "start", "end", "n_mentions", "n_articles", "mentions", "n_reused", "reused",
    "stale",
]  # fmt: skip
SPAN_COLUMNS = ("article_id", "start", "end", "origin_id", "origin_date")
# "said", "says", "reported", "reports", "announced", "stated", "noted"; "told" with its object.
_REPORT_FORMS = forms(("say", "report")) + forms(("announce", "state", "note"), present=False)
_TOLD_SOMEONE = [told + r"\s+\w+" for told in forms(("tell",), present=False)]
_REPORTING_FRAME = re.compile(
    r"(?i)^.*?\b(?:" + "|".join(_REPORT_FORMS + _TOLD_SOMEONE) + r")\s+(?:that\s+)?"
)
_BARE_REPORT = re.compile(r"(?i)\b(?:" + "|".join(_REPORT_FORMS) + r")$")
# A comma or colon between two digits ("1,222,000", "10:30") is part of a number, not a cut.
# (The look-ahead holds the first character of every branch: most places fail at once.)
_CLAUSE_CUT = re.compile(
    r"(?=[\s,:;])(?:\s+(?:that|which|who|whose|where|while)\s+|(?<!\d)[,:]|[,:](?!\d)|;"
    r"|\s+[–—]\s+)"
)
_TOKEN = re.compile(r"\w{3,}")
_CANDIDATES = 30
_BATCHES_PER_PROCESS = 4
# The characters rapidfuzz's token scorers split words at: Python's white space but U+0085 and
# U+00A0 (a no-break space joins two words for rapidfuzz, not for ``str.split``).
_SCORER_SPACE = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f \u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
)
_COMMON_WORD = 100
_DATE_PREPOSITION = re.compile(
    r"(?i)(?:\b(?:on|in|at|by|since|from|until|till|during|of|for|through|throughout|over|"
    r"within|as\s+of)\s+)?$"
)
_WORD = re.compile(r"[^\W\d_]{3,}")
#: A label with fewer content words than this says too little alone ("Record", "Pay", "For").
_CONTENT_WORDS = 3


def _content_words(text: str) -> int:
    """The number of words of three letters or more that are not function words."""
    words = _WORD.findall(text)
    return len(words) - sum(map(STOP_WORDS.__contains__, map(str.lower, words)))


def _tail(text: str, words: int) -> int:
    """Where the last ``words`` words of ``text`` (runs of non-space) begin; 0 if it has fewer.

    The patterns anchored at the end of a text (:data:`_DATE_PREPOSITION`, :data:`_BARE_REPORT`)
    can only match there, so they are searched from there, not tried at every character.
    """
    head = text.rstrip()
    start = len(head)
    for _ in range(words):
        if not head:
            return 0
        start = len(head) - len(head.rsplit(None, 1)[-1])
        head = head[:start].rstrip()
    return start


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around ``sentence[start:end]``, without the date phrase and its preposition."""
    prefix = sentence[:start]
    # The first match of the pattern, which ends the text: what ``sub`` would remove.
    before = prefix[: _DATE_PREPOSITION.search(prefix, _tail(prefix, 2)).start()].rstrip()
    text = before + " " + sentence[end:].lstrip()
    cut = len(before)
    pieces, position = [], 0
    for match in _CLAUSE_CUT.finditer(text):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, len(text)))

    def piece(k: int) -> str:
        return text[pieces[k][0] : pieces[k][1]].strip(" .")

    index = next((i for i, (a, b) in enumerate(pieces) if a <= cut <= b), len(pieces) - 1)
    clause = piece(index)
    # A date that opens its clause, or follows only a word or two of frame ("For all of
    # 1986, ...", "Effective today, ..."), dates the clause after it.
    while (
        len(clause.split()) < 4
        and index + 1 < len(pieces)
        and _content_words(text[pieces[index][0] : cut]) < 2
    ):
        index += 1
        clause = piece(index)
    if len(clause.split()) < 4 and index > 0:
        clause = text[pieces[index - 1][0] : pieces[index][1]].strip(" .")
    bare_report = _BARE_REPORT.search(clause, _tail(clause, 1)) is not None
    if bare_report and cut <= pieces[index][0] and index + 1 < len(pieces):
        # "Earlier, the ministry reported that ...": what was reported follows.
        clause = piece(index + 1)
    elif bare_report and index > 0:
        # "..., the ministry reported on July 14": the event is what was reported, in the
        # nearest clause before with a few words ("Janesville, Wis., in 1990, X said").
        earlier = index - 1
        while earlier > 0 and len(piece(earlier).split()) < 3:
            earlier -= 1
        clause = piece(earlier)
    return _without_frame(clause)


def _without_frame(clause: str) -> str:
    """``clause`` without a reporting frame ("the ministry reported that"), unless the frame
    is most of it ("..., the ministry reported on April 12")."""
    reported = _REPORTING_FRAME.sub("", clause, count=1)
    return reported if _content_words(reported) >= _CONTENT_WORDS else clause


def _label(clause: str, context: str = "", *, words: int = 10) -> str:
    """A short event label: ``clause``, and ``context`` after it when the clause says little.

    Cut after ``words`` whole words (the context keeps at least five), with " …" when
    something was left out; the first letter is upper case. A context without a content word
    ("--") is not added.
    """
    clause = clause.strip(" .,;:")
    if _content_words(clause) < _CONTENT_WORDS and _content_words(context) and context != clause:
        # The context keeps a few words of its own however long the clause.
        words = max(words, len(clause.split()) + 5)
        clause = f"{clause}: {context}" if clause else context
    kept = clause.split()
    label = " ".join(kept[:words]) + (" …" if len(kept) > words else "")
    return label[:1].upper() + label[1:]


def _context(text: str, title: object) -> tuple[int, str]:
    """What an article is about, for a label that says little: ``(-1, title)``, else
    ``(start, first line)`` without a reporting frame ("Qtly div 12 cts vs 12 cts prior").

    The first line, not the first sentence: a label keeps only its first words, and splitting
    the lead paragraph into sentences would cost more than the label is worth.
    """
    if isinstance(title, str) and title.strip():
        return -1, " ".join(title.split())
    lead = len(text) - len(text.lstrip())
    first = " ".join(text[lead:].split("\n", 1)[0].strip(" .").split())
    first = _without_frame(first)
    return lead, first[:1].upper() + first[1:]


def _check_spans(reuse: object) -> pd.DataFrame:
    if not isinstance(reuse, pd.DataFrame):
        raise TypeError("reuse must be a DataFrame of reused spans (see analysis.reused_spans)")
    missing = [c for c in SPAN_COLUMNS if c not in reuse.columns]
    if missing:
        raise ValueError(f"reuse lacks column(s) {missing}; expected analysis.reused_spans output")
    return reuse


def timeline_mentions(
    corpus: Corpus, options: TimelineOptions | None = None, *, reuse: pd.DataFrame, **overrides
) -> pd.DataFrame:
    """Every temporal expression of a corpus, with its sentence, label, interval and stale check.

    Parameters
    ----------
    corpus : Corpus
    options : TimelineOptions, optional
        ``processes`` (default 1): worker processes that tag the articles and split the
        sentences that hold a mention; the mentions are the same for any number. Also accepted
        by name (``processes=2``).
    reuse : pandas.DataFrame
        Recycled passages as returned by :func:`analysis.reused_spans` (columns ``article_id,
        start, end, origin_id, origin_date`` are used). Pass an empty frame with these columns to
        skip the reuse check.

    Returns
    -------
    pandas.DataFrame
        ``article_id, published`` (the article's date), ``start, end, text, type`` and ``value``
        (TIMEX3; for a mention in recycled text, resolved against the origin's publication date),
        ``naive_value`` (resolved against the article's own date), ``granularity``,
        ``date_start, date_end`` (first and last day denoted; NaT for durations, sets and vague
        references), ``sentence_start, sentence_end, sentence``, ``label``, ``anchor`` (the event a
        duration is counted from), ``reused`` (the mention lies in a recycled passage),
        ``origin_id, origin_date`` (that passage's origin) and ``stale`` (``value`` and
        ``naive_value`` differ). Sorted by article date, article and offset.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> corpus = load_corpus(pd.DataFrame({"id": ["a"], "date": ["2022-04-12"], "author": [None],
    ...     "text": ["On June 15, the two countries signed a memorandum."]}))
    >>> none = pd.DataFrame(columns=["article_id", "start", "end", "origin_id", "origin_date"])
    >>> timeline_mentions(corpus, reuse=none)[["text", "value", "label"]].values.tolist()
    [['June 15', '2021-06-15', 'The two countries signed a memorandum']]
    """
    options = TimelineOptions.merged(options, **overrides)
    if not isinstance(corpus, Corpus):
        raise TypeError(f"corpus must be a Corpus (see analysis.load_corpus), not {type(corpus)}")
    spans = _check_spans(reuse)
    recycled_in: dict[str, list[tuple[int, int, str, pd.Timestamp]]] = {}
    for article_id, start, end, origin_id, origin_date in zip(
        *(spans[column].tolist() for column in SPAN_COLUMNS), strict=True
    ):
        recycled_in.setdefault(article_id, []).append(
            (int(start), int(end), origin_id, pd.Timestamp(origin_date))
        )
    for passages in recycled_in.values():
        # Where passages overlap, a mention belongs to the one of the earliest origin.
        passages.sort(key=lambda passage: (passage[3], passage[2], passage[0], passage[1]))
    order = corpus.articles.loc[list(corpus.date_rank)]
    titles = order["title"].tolist() if "title" in order.columns else [None] * len(order)
    units = _sentence_units(corpus)
    articles = [
        (article_id, text, published, title, recycled_in.get(article_id, []), units(article_id))
        for article_id, text, published, title in zip(
            order.index.tolist(), order["text"].tolist(), order["date"].tolist(), titles,
            strict=True,
        )
    ]  # fmt: skip
    processes = options.processes
    if processes == 1 or len(articles) < 2:
        rows = _mention_rows(articles)
    else:
        # Runs of articles in date order, a few per process so that none waits long for the
        # last; ``map`` returns them in order, so the rows are those of one process.
        size = -(-len(articles) // (processes * _BATCHES_PER_PROCESS))
        batches = [articles[k : k + size] for k in range(0, len(articles), size)]
        with ProcessPoolExecutor(max_workers=processes) as pool:
            rows = [row for part in pool.map(_mention_rows, batches) for row in part]
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    for column in ("date_start", "date_end", "origin_date", "published"):
        frame[column] = pd.to_datetime(frame[column])
    return frame.astype({"start": "int64", "end": "int64", "reused": bool, "stale": bool})


def _mention_rows(articles: list[tuple]) -> list[tuple]:
    """The rows of :func:`timeline_mentions` for ``articles``, in their order.

    Each article is ``(article_id, text, published, title, recycled passages, sentence units)``
    (see :func:`_sentence_units`). All the tagging comes first, then the sentence splitting: the
    splitter's many regular expressions would otherwise evict the tagger's from the ``re``
    module's cache.
    """
    tagged = [timex_rows(text, published) for _, text, published, *_ in articles]
    rows: list[tuple] = []
    for article, timexes in zip(articles, tagged, strict=True):
        if timexes:
            rows.extend(_article_rows(*article, timexes))
    return rows


def _article_rows(
    article_id: str,
    text: str,
    published: pd.Timestamp,
    title: object,
    recycled: list[tuple[int, int, str, pd.Timestamp]],
    units: tuple,
    timexes: list[tuple],
) -> list[tuple]:
    """One article's mention rows, from its tagged expressions ``timexes``."""
    sentence_of = _sentence_finder(*units)
    context = None
    by_origin_date: dict[pd.Timestamp, dict[tuple[int, int], str]] = {}
    rows = []
    for start, end, mention, kind, naive, *_, anchor, _tense, _rule in timexes:
        origin = next((r for r in recycled if r[0] <= start and end <= r[1]), None)
        value = naive
        if origin is not None:
            origin_date = origin[3]
            if origin_date not in by_origin_date:
                by_origin_date[origin_date] = {
                    (row[0], row[1]): row[4] for row in timex_rows(text, origin_date)
                }
            value = by_origin_date[origin_date].get((start, end), naive)
        s_start, s_end = sentence_of(start, end)
        sentence = text[s_start:s_end]
        clause = _clause(sentence, start - s_start, end - s_start)
        about = ""
        if _content_words(clause) < _CONTENT_WORDS:
            if context is None:
                context = _context(text, title)
            # The first line says no more about its own sentence.
            about = context[1] if context[0] != s_start else ""
        first, last = timex_interval(value)
        rows.append(
            (
                article_id,
                published,
                start,
                end,
                mention,
                kind,
                value,
                naive,
                timex_granularity(value),
                first,
                last,
                s_start,
                s_end,
                sentence,
                _label(clause, about),
                anchor,
                origin is not None,
                origin[2] if origin else None,
                origin[3] if origin else pd.NaT,
                value != naive,
            )  # fmt: skip
        )
    return rows


def _sentence_units(corpus: Corpus):
    """A function ``article_id -> units`` giving what :func:`_sentence_finder` needs.

    The units are ``(True, starts, ends)`` of the article's sentences when the corpus has
    already split them (:attr:`Corpus.sentences`), else ``(False, starts, texts)`` of its
    paragraphs, which are split only where they hold a mention, by the same splitter, so the
    sentences are the same.
    """
    computed = corpus.__dict__.get("sentences")
    table, last = (corpus.paragraphs, "text") if computed is None else (computed, "end")
    table = table.sort_values(["article_id", "start"])
    by_article: dict[str, tuple[bool, list[int], list]] = {}
    for article_id, start, other in zip(
        table["article_id"].tolist(), table["start"].tolist(), table[last].tolist(), strict=True
    ):
        if article_id not in by_article:
            by_article[article_id] = (computed is not None, [], [])
        by_article[article_id][1].append(start)
        by_article[article_id][2].append(other)

    def units(article_id: str) -> tuple[bool, list[int], list]:
        return by_article.get(article_id, (computed is not None, [], []))

    return units


def _sentence_finder(split: bool, starts: list[int], others: list):
    """A function ``(start, end) -> (sentence_start, sentence_end)`` for one article.

    The sentence is the one that holds ``start``, or the mention itself when none does; with
    ``split`` the sentences are ``starts`` and their ends ``others``, else ``starts`` and
    ``others`` are the article's paragraphs, split into sentences when first asked for.
    """
    paragraphs: dict[int, tuple[list[int], list[int]]] = {}

    def sentences(start: int) -> tuple[list[int], list[int]]:
        if split:
            return starts, others
        para = bisect.bisect_right(starts, start) - 1
        if para < 0:
            return [], []
        if para not in paragraphs:
            offset = starts[para]
            found = split_sentences(others[para])
            paragraphs[para] = ([offset + s for s, _ in found], [offset + e for _, e in found])
        return paragraphs[para]

    def find(start: int, end: int) -> tuple[int, int]:
        sentence_starts, sentence_ends = sentences(start)
        position = bisect.bisect_right(sentence_starts, start) - 1
        if position >= 0 and start < sentence_ends[position]:
            return sentence_starts[position], sentence_ends[position]
        return start, end

    return find


def _word_set(sentence: str) -> str:
    """``sentence``'s distinct words, sorted, joined by spaces: the same token-set ratio as it.

    The ratio depends only on the set of words, split at the white space rapidfuzz splits at
    (:data:`_SCORER_SPACE`); a sorted set is shorter than the sentence and already sorted, so
    each of the many pairs costs less.
    """
    return " ".join(sorted(set(_SCORER_SPACE.split(sentence)) - {""}))


def _similar_all_pairs(distinct: list[str], similarity: float) -> list[np.ndarray]:
    """For each distinct sentence, every sentence (itself included) it is similar to.

    The score is symmetric, so each pair is scored once: rapidfuzz's ``cdist`` of a list with
    itself scores one triangle (each query's words split once, not once per pair) and mirrors it.
    """
    first, second = np.tril_indices(len(distinct), -1)
    scores = process.cdist(
        distinct,
        distinct,
        scorer=fuzz.token_set_ratio,
        score_cutoff=similarity,
        dtype=np.float32,
    )
    return _similar_from(len(distinct), first, second, scores[first, second] >= similarity)


def _candidate_pairs(distinct: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The pairs the indexed merge scores, ``first < second``, in lexicographic order.

    Each sentence is paired with at most ``_CANDIDATES`` others: those sharing the most words
    that occur in at most ``_COMMON_WORD`` sentences of the group (so "the", "said" or the date
    itself do not pair everything with everything). Ties go to the sentence met first when the
    sentence's words are read in sorted order, each word's sentences in order (sorted order, not
    set order, which depends on the hash seed), so they break the same way in every process:
    among equal counts, the sentence whose first shared word comes first, then the lower number.
    All in numpy: every (sentence, shared word, other sentence) triple at once, not a loop.
    """
    n = len(distinct)
    words = [{w.lower() for w in _TOKEN.findall(sentence)} for sentence in distinct]
    # Words numbered in sorted order: a sentence's words read in sorted order are its word
    # numbers in increasing order.
    number = {w: k for k, w in enumerate(sorted(set().union(*words)))}
    sizes = np.fromiter(map(len, words), dtype="int64", count=n)
    word = np.fromiter(
        (number[w] for sentence_words in words for w in sentence_words),
        dtype="int64",
        count=int(sizes.sum()),
    )
    sentence = np.repeat(np.arange(n, dtype="int64"), sizes)
    uncommon = np.bincount(word, minlength=len(number)) <= _COMMON_WORD
    keep = uncommon[word]
    sentence, word = sentence[keep], word[keep]
    # Each sentence's words in sorted order, and each word's sentences (its posting) in order.
    by_sentence = np.lexsort((word, sentence))
    sentence, word = sentence[by_sentence], word[by_sentence]
    by_word = np.argsort(word, kind="stable")
    posting_of = sentence[by_word]
    posting_size = np.bincount(word, minlength=len(number))
    posting_start = np.cumsum(posting_size) - posting_size
    # One triple per (sentence, word, other sentence of that word's posting), so in the order
    # in which the sentence meets the others: its words in order, each word's sentences in order.
    counts = posting_size[word]
    entry_start = np.cumsum(counts) - counts
    offset = np.arange(int(counts.sum()), dtype="int64") - np.repeat(entry_start, counts)
    other = posting_of[np.repeat(posting_start[word], counts) + offset]
    own = np.repeat(sentence, counts)
    # A word's place among its sentence's words (which shared word comes first).
    position = np.arange(len(sentence)) - np.searchsorted(sentence, sentence)
    rank = np.repeat(position, counts)
    apart = other != own
    own, other, rank = own[apart], other[apart], rank[apart]
    # Per (sentence, other): how many words they share and the first shared word (the first
    # occurrence, which ``np.unique`` returns through a stable sort).
    pair, first_met, shared = np.unique(own * n + other, return_index=True, return_counts=True)
    own, other, rank = pair // n, pair % n, rank[first_met]
    # Most shared words first; among equals, the first shared word, then the other's number
    # (the pairs are in that order already: the sort is stable). One integer key, no overflow:
    # ``shared`` and ``rank`` are below the largest number of words in a sentence.
    width = int(sizes.max(initial=0)) + 1
    key = (own * width + (width - shared)) * width + rank
    order = np.argsort(key, kind="stable")
    own, other = own[order], other[order]
    place = np.arange(len(own)) - np.searchsorted(own, own)
    best = place < _CANDIDATES
    own, other = own[best], other[best]
    pairs = np.unique(np.minimum(own, other) * n + np.maximum(own, other))
    return pairs // n, pairs % n


def _similar_blocked(distinct: list[str], similarity: float, scored: list[str]) -> list[np.ndarray]:
    """Like :func:`_similar_all_pairs`, scoring only the pairs of :func:`_candidate_pairs`."""
    first, second = _candidate_pairs(distinct)
    return _neighbours(scored, first, second, similarity)


def _neighbours(
    distinct: list[str], first: np.ndarray, second: np.ndarray, similarity: float
) -> list[np.ndarray]:
    """Score the pairs ``(first[k], second[k])`` in one call; each sentence's similar ones, sorted.

    Every sentence is similar to itself.
    """
    scores = process.cpdist(
        [distinct[i] for i in first.tolist()],
        [distinct[j] for j in second.tolist()],
        scorer=fuzz.token_set_ratio,
        score_cutoff=similarity,
        dtype=np.float32,
    )
    return _similar_from(len(distinct), first, second, scores >= similarity)


def _similar_from(
    n: int, first: np.ndarray, second: np.ndarray, kept: np.ndarray
) -> list[np.ndarray]:
    """Each of ``n`` sentences' similar ones, sorted, itself included, from the scored pairs
    ``(first[k], second[k])`` and whether each is similar (``kept``)."""
    own = np.arange(n, dtype="int64")
    rows = np.concatenate([first[kept], second[kept], own])
    columns = np.concatenate([second[kept], first[kept], own])
    order = np.lexsort((columns, rows))
    rows, columns = rows[order], columns[order]
    bounds = np.searchsorted(rows, np.arange(n + 1))
    return [columns[bounds[k] : bounds[k + 1]] for k in range(n)]


def _clusters(sentences: list[str], similarity: float, exact_limit: int) -> list[int]:
    """Cluster numbers for the sentences of one value group, taken in order.

    A sentence joins the earliest cluster that holds a sentence seen before it with a token-set
    ratio of at least ``similarity``; otherwise it starts a cluster. Sentences with the same set
    of words are scored once; above ``exact_limit`` distinct sentences only pairs that share
    uncommon words are scored.
    """
    keys: dict[tuple[str, ...], int] = {}
    key_of = []
    distinct: list[str] = []
    for sentence in sentences:
        key = tuple(sorted(set(sentence.split())))
        if key not in keys:
            keys[key] = len(distinct)
            distinct.append(sentence)
        key_of.append(keys[key])
    if len(distinct) <= exact_limit:
        similar = _similar_all_pairs([_word_set(s) for s in distinct], similarity)
    else:
        scored = [_word_set(s) for s in distinct]
        similar = _similar_blocked(distinct, similarity, scored)
    earliest_cluster = np.full(len(distinct), len(sentences), dtype="int64")
    clusters, seen, n_clusters = [], 0, 0
    for key in key_of:
        known = similar[key][similar[key] < seen]
        if known.size:
            cluster = int(earliest_cluster[known].min())
        else:
            cluster, n_clusters = n_clusters, n_clusters + 1
        earliest_cluster[key] = min(earliest_cluster[key], cluster)
        seen = max(seen, key + 1)
        clusters.append(cluster)
    return clusters


def _clusters_of(groups: list[list[str]], similarity: float, exact_limit: int) -> list[list[int]]:
    """:func:`_clusters` of each of ``groups``, in order (the task of one worker process)."""
    return [_clusters(sentences, similarity, exact_limit) for sentences in groups]


def _group_clusters(
    groups: list[list[str]], similarity: float, exact_limit: int, processes: int
) -> list[list[int]]:
    """:func:`_clusters` of every value group, in order, in ``processes`` processes.

    The groups are dealt into a few tasks per process of about equal cost (the number of pairs
    a group scores, estimated from its size), the costliest first, so that no process waits
    long for the last; a group's clusters depend on its sentences alone, so they are the same
    for any number of processes.
    """
    if processes == 1 or len(groups) < 2:
        return _clusters_of(groups, similarity, exact_limit)
    sizes = [len(sentences) for sentences in groups]
    cost = [n * n / 2 if n <= exact_limit else n * _CANDIDATES for n in sizes]
    n_tasks = min(len(groups), processes * _BATCHES_PER_PROCESS)
    tasks: list[list[int]] = [[] for _ in range(n_tasks)]
    load = [(0.0, task) for task in range(n_tasks)]
    for k in sorted(range(len(groups)), key=lambda k: (-cost[k], k)):
        total, task = heapq.heappop(load)
        tasks[task].append(k)
        heapq.heappush(load, (total + cost[k], task))
    tasks.sort(key=lambda task: (-sum(cost[k] for k in task), task))
    with ProcessPoolExecutor(max_workers=processes) as pool:
        done = pool.map(
            functools.partial(_clusters_of, similarity=similarity, exact_limit=exact_limit),
            [[groups[k] for k in task] for task in tasks],
        )
        found = {
            k: clusters
            for task, part in zip(tasks, done, strict=True)
            for k, clusters in zip(task, part, strict=True)
        }
    return [found[k] for k in range(len(groups))]


def _per_event(operation: np.ufunc, values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """``operation`` reduced over each event's run of ``values`` (runs begin at ``starts``)."""
    if not len(starts):
        return values[:0]
    return operation.reduceat(values, starts)


def build_timeline(
    mentions: pd.DataFrame, options: TimelineOptions | None = None, **overrides
) -> pd.DataFrame:
    """Merge the dated mentions of a corpus into one timeline of events.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The corpus's mentions as returned by :func:`timeline_mentions`.
    options : TimelineOptions, optional
        ``similarity`` (default 0.6): two mentions with the same value are the same event when
        their sentences have at least this rapidfuzz token-set ratio (0-1); 1 merges only identical
        wording. ``exact_limit`` (default 300): value groups with up to this many distinct
        sentences are merged by comparing every pair; larger groups (thousands of "1987" in a
        newswire year) compare each sentence only with the few that share the most uncommon words
        with it, which keeps the cost linear. ``processes`` (default 1): processes that share the
        value groups (the events are the same for any number). Also accepted by name
        (``similarity=0.8``).

    Returns
    -------
    pandas.DataFrame
        One row per event, sorted by date: ``event_id``, ``date_start, date_end`` (the interval
        the value denotes), ``value, granularity, label, sentence`` (of the first mention: the
        earliest article, then the earliest offset), ``article_id, start, end`` (that mention),
        ``n_mentions, n_articles``, ``mentions`` (list of ``(article_id, start, end)``),
        ``n_reused`` (mentions in recycled text), ``reused`` (at least one) and ``stale`` (some
        mention's naive value differs from the value).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> corpus = load_corpus(pd.DataFrame({
    ...     "id": ["a", "b"], "date": ["2021-07-15", "2022-04-12"], "author": [None, None],
    ...     "text": ["On June 15, the two countries signed a memorandum.",
    ...              "Drills follow. On June 15, the two countries signed a memorandum."]}))
    >>> spans = pd.DataFrame({"article_id": ["b"], "start": [15], "end": [65],
    ...     "origin_id": ["a"], "origin_date": [pd.Timestamp("2021-07-15")]})
    >>> mentions = timeline_mentions(corpus, reuse=spans)
    >>> build_timeline(mentions)[["value", "n_mentions", "reused"]].values.tolist()
    [['2021-06-15', 2, True]]
    """
    options = TimelineOptions.merged(options, **overrides)
    if not isinstance(mentions, pd.DataFrame):
        raise TypeError("mentions must be a DataFrame (see analysis.timeline_mentions)")
    missing = [c for c in MENTION_COLUMNS if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions lacks column(s) {missing}; expected timeline_mentions output")
    # rapidfuzz scores from 0 to 100; rounded so that 0.6 is exactly 60, not 60.000000000000007.
    similarity = round(options.similarity * 100, 9)
    dated = mentions[mentions["date_start"].notna() & mentions["type"].isin(["DATE", "TIME"])]
    # One order whatever the order of the rows (a concatenation of partitions, a shuffle): the
    # clusters, their first mentions and so the events and their ids depend on it.
    dated = dated.sort_values(["published", "article_id", "start", "end"], kind="stable")
    dated = dated.reset_index(drop=True)
    event_of = np.empty(len(dated), dtype="int64")
    groups = [
        (group.index.to_numpy(), group["sentence"].tolist())
        for _, group in dated.groupby("value", sort=False)
    ]
    every_clusters = _group_clusters(
        [sentences for _, sentences in groups], similarity, options.exact_limit, options.processes
    )
    n_events = 0
    for (index, _), clusters in zip(groups, every_clusters, strict=True):
        event_of[index] = np.asarray(clusters, dtype="int64") + n_events
        n_events += max(clusters) + 1
    # Each event's mentions in the order of ``dated``; the first one names the event.
    order = np.argsort(event_of, kind="stable")
    changes = event_of[order][1:] != event_of[order][:-1]
    starts = np.flatnonzero(np.r_[True, changes]) if len(order) else np.empty(0, dtype="int64")
    first = dated.iloc[order[starts]].reset_index(drop=True)
    triples = list(
        zip(
            dated["article_id"].tolist(),
            dated["start"].tolist(),
            dated["end"].tolist(),
            strict=True,
        )
    )
    in_order = [triples[k] for k in order.tolist()]
    bounds = [*starts.tolist(), len(order)]
    reused = dated["reused"].to_numpy(dtype=bool)[order]
    stale = dated["stale"].to_numpy(dtype=bool)[order]
    articles = pd.DataFrame({"event": event_of, "article_id": dated["article_id"]})
    n_articles = articles.drop_duplicates().groupby("event").size().sort_index()
    frame = pd.DataFrame(
        {
            "date_start": first["date_start"],
            "date_end": first["date_end"],
            "value": first["value"],
            "granularity": first["granularity"],
            "label": first["label"],
            "sentence": first["sentence"],
            "article_id": first["article_id"],
            "start": first["start"].astype("int64"),
            "end": first["end"].astype("int64"),
            "n_mentions": np.diff(bounds).astype("int64"),
            "n_articles": n_articles.to_numpy(dtype="int64"),
            "mentions": [in_order[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)],
            "n_reused": _per_event(np.add, reused.astype("int64"), starts),
            "reused": _per_event(np.logical_or, reused, starts),
            "stale": _per_event(np.logical_or, stale, starts),
        },
        columns=EVENT_COLUMNS[1:],
    )  # fmt: skip
    frame = frame.sort_values(["date_start", "date_end", "article_id", "start"], kind="stable")
    frame.insert(0, "event_id", range(len(frame)))
    return frame.reset_index(drop=True)
