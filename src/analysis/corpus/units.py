"""Text units: paragraphs and sentences as character spans.

Paragraphs are runs of non-blank lines; a paragraph keeps its inner line breaks as written and loses
only the white space around it. Sentences come from pysbd, a maintained rule-based splitter (the
"Golden Rules" of sentence boundary disambiguation) that knows news abbreviations and ranks (Gen.,
Lt., U.S., No. 1, a.m., initials) and keeps a quotation with its attribution. pysbd returns strings,
so each sentence is located back in the paragraph from a moving cursor: the spans always index the
original text exactly, and inner line breaks are shown to pysbd as spaces (same length, so offsets
do not move). A paragraph with no sentence-final mark followed by more text is one sentence and
skips pysbd (about four paragraphs in five in newswire), which keeps the splitter off the hot path.
pysbd builds a regular expression per abbreviation it meets and calls ``re`` with the pattern text,
more distinct patterns than ``re``'s cache of 512 holds, so it recompiled most of them on every
paragraph; its modules are given :data:`_CACHED_RE`, the same ``re`` functions over a larger
cache of compiled patterns (same patterns, same results). pysbd also tries each of its 188
abbreviations on every line, with a regular expression or two and a substitution for every
occurrence of its letters at a word's start ("co" in "company"); :func:`_search_abbreviations`
gives it only those that can change the line (those written with a period in it), the same
splits (every distinct paragraph of Reuters-21578: 99,456) in about two thirds of the time.
Two more steps are spared what cannot change a text: pysbd's list marking (eight patterns a
paragraph) runs only on a text that holds what one of its lists needs (:func:`_add_line_break`),
and its rules are applied with their patterns compiled once (:func:`_apply_rules`); the same
spans for the 99,453 distinct paragraphs of Reuters-21578 in 0.72 of the time.
"""

from __future__ import annotations

import re
import types
from functools import lru_cache

import pysbd
import pysbd.abbreviation_replacer
import pysbd.between_punctuation
import pysbd.exclamation_words
import pysbd.lists_item_replacer
import pysbd.processor
import pysbd.punctuation_replacer
import pysbd.utils

__all__ = [
    "BLANK_LINES_RE",
    "paragraph_spans",
    "split_paragraphs",
    "split_sentences",
    "surely_one_sentence",
    "word_spans",
]

_INNER_BOUNDARY_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")
#: A paragraph break: a line that is empty or white space only, and the white space after it.
BLANK_LINES_RE = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")
# Combining marks belong to the word they follow: text in decomposed form (NFD, "Zu" + U+0308 +
# "rich") has the same words as its composed form (NFC, "Zürich").
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_RE = re.compile(rf"\d+(?:[.,]\d+)+|\w[\w{_MARKS}]*(?:[’'\-.]\w[\w{_MARKS}]*)*", re.UNICODE)


@lru_cache(maxsize=16384)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


def _pattern(pattern, flags: int = 0) -> re.Pattern:
    return pattern if isinstance(pattern, re.Pattern) else _compiled(pattern, flags)


#: The ``re`` functions pysbd calls, each compiling its pattern through :func:`_compiled`.
_CACHED_RE = types.SimpleNamespace(**{name: getattr(re, name) for name in re.__all__})
_CACHED_RE.__dict__.update(
    compile=_pattern,
    sub=lambda p, repl, s, count=0, flags=0: _pattern(p, flags).sub(repl, s, count),
    search=lambda p, s, flags=0: _pattern(p, flags).search(s),
    match=lambda p, s, flags=0: _pattern(p, flags).match(s),
    findall=lambda p, s, flags=0: _pattern(p, flags).findall(s),
    finditer=lambda p, s, flags=0: _pattern(p, flags).finditer(s),
    split=lambda p, s, maxsplit=0, flags=0: _pattern(p, flags).split(s, maxsplit),
)


#: The non-ASCII letters that ``re``'s IGNORECASE matches to ASCII letters (ſ, ı, İ, the Kelvin
#: sign).
_CASE_TWINS_RE = re.compile("[\u017f\u0131\u0130\u212a]")
_REPLACER = pysbd.abbreviation_replacer.AbbreviationReplacer
_SEARCH_ABBREVIATIONS = _REPLACER.search_for_abbreviations_in_string


class _SomeAbbreviations:
    """pysbd's language with only some of its abbreviations searched for (the rest as is)."""

    def __init__(self, lang, abbreviations: list[str]):
        self._lang, self._abbreviations = lang, abbreviations

    def __getattr__(self, name: str):
        return getattr(self._lang, name)

    @property
    def Abbreviation(self):  # noqa: N802 - pysbd's name
        return _Abbreviations(self._lang.Abbreviation, self._abbreviations)


class _Abbreviations:
    def __init__(self, table, abbreviations: list[str]):
        self._table, self.ABBREVIATIONS = table, abbreviations

    def __getattr__(self, name: str):
        return getattr(self._table, name)


class _AbbreviationIndex:
    """pysbd's abbreviations, each with what must be in a lowercased text for it to change
    anything: ``"corp."`` for ``corp``. Abbreviations with a dot or a non-ASCII letter (whose
    pattern is not taken literally) are always searched for."""

    def __init__(self, abbreviations: list[str]):
        self.abbreviations = abbreviations
        self.always: list[int] = []
        self.position: dict[str, list[int]] = {}
        for number, abbreviation in enumerate(abbreviations):
            stripped = abbreviation.strip()
            if stripped.isascii() and stripped.isalpha():
                self.position.setdefault(stripped.lower(), []).append(number)
            else:
                self.always.append(number)

    def present(self, lowered: str) -> list[str]:
        """The abbreviations that may change a text, given lowercased, in pysbd's order: a
        ``word.`` is in the text when ``word`` ends the run of ASCII letters before a period."""
        found = list(self.always)
        for run in _DOTTED_RE.findall(lowered):
            for start in range(len(run) - 1):
                found.extend(self.position.get(run[start:-1], ()))
        return [self.abbreviations[n] for n in sorted(set(found))]


_DOTTED_RE = re.compile(r"[a-z]*\.")
_INDEXES: dict[int, tuple[list[str], _AbbreviationIndex]] = {}


def _search_abbreviations(self, text: str) -> str:
    """pysbd's ``search_for_abbreviations_in_string``, without the abbreviations that cannot
    change ``text``: each of its replacements turns the period of ``abbreviation.`` into a mark,
    found case-sensitively, so an abbreviation of ASCII letters whose lowercase form followed by a
    period is not in the lowercased text changes nothing (provided no letter of the text matches
    an ASCII letter only when case is ignored: ſ, ı, İ, K). The others are searched for in
    pysbd's order, by pysbd's own code."""
    if _CASE_TWINS_RE.search(text):
        return _SEARCH_ABBREVIATIONS(self, text)
    listed = self.lang.Abbreviation.ABBREVIATIONS
    if id(listed) not in _INDEXES:
        _INDEXES[id(listed)] = listed, _AbbreviationIndex(listed)
    lang = self.lang
    self.lang = _SomeAbbreviations(lang, _INDEXES[id(listed)][1].present(text.lower()))
    try:
        return _SEARCH_ABBREVIATIONS(self, text)
    finally:
        self.lang = lang


_LIST_ITEMS = pysbd.lists_item_replacer.ListItemReplacer
_ADD_LINE_BREAK = _LIST_ITEMS.add_line_break
#: What every list pysbd's ``ListItemReplacer`` marks needs in a text: a digit before ". " (its
#: numbered lists with periods: every alternative of ``NUMBERED_LIST_REGEX_1``), a lone lowercase
#: letter before a period (``ALPHABETICAL_LIST_WITH_PERIODS``, its roman numerals among them), or
#: a closing parenthesis (the lists with parentheses); ♨ and ☝ are its own marks.
_LIST_ITEM_HINT_RE = re.compile(r"\d\.\s|(?<!\S)[a-z]\.|[)♨☝]")


def _add_line_break(self) -> str:
    """pysbd's ``ListItemReplacer.add_line_break``, which runs eight list patterns over the text
    (a third of pysbd's time on newswire), returning the text as it is when none of its lists can
    be in it (:data:`_LIST_ITEM_HINT_RE`): each of its steps changes the text only inside a loop
    over the matches of its pattern, or replaces its own marks."""
    if _LIST_ITEM_HINT_RE.search(self.text):
        return _ADD_LINE_BREAK(self)
    return self.text


_TEXT_APPLY = pysbd.utils.Text.apply
#: pysbd's rules (class attributes, kept for the process) -> their compiled patterns.
_RULES: dict[object, re.Pattern] = {}


def _apply_rules(self, *rules) -> str:
    """pysbd's ``Text.apply``: each rule's substitution in turn, with the rule's pattern compiled
    once (pysbd passes the pattern text to ``re.sub`` on every call)."""
    text = self
    for rule in rules:
        pattern = _RULES.get(rule)
        if pattern is None:
            pattern = _RULES[rule] = re.compile(rule.pattern)
        text = pattern.sub(rule.replacement, text)
    return text


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    _REPLACER.search_for_abbreviations_in_string = _search_abbreviations
    _LIST_ITEMS.add_line_break = _add_line_break
    pysbd.utils.Text.apply = _apply_rules
    for module in (
        pysbd.abbreviation_replacer,
        pysbd.between_punctuation,
        pysbd.exclamation_words,
        pysbd.lists_item_replacer,
        pysbd.processor,
        pysbd.punctuation_replacer,
        pysbd.segmenter,
        pysbd.utils,
    ):
        module.re = _CACHED_RE
    return pysbd.Segmenter(language="en", clean=False)


def split_paragraphs(body: str) -> list[str]:
    """Split a body into paragraphs separated by one or more blank lines.

    Examples
    --------
    >>> split_paragraphs("\\n  First line\\nsame paragraph.\\n\\n\\n Second.  \\n")
    ['First line\\nsame paragraph.', 'Second.']
    """
    return [body[start:end].strip() for start, end in paragraph_spans(body)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the paragraphs of ``text`` (see :func:`split_paragraphs`);
    a span keeps the white space at the edges of its paragraph.

    Examples
    --------
    >>> t = "First line\\nsame paragraph.\\n\\n\\nSecond."
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['First line\\nsame paragraph.', 'Second.']
    """
    spans, cursor = [], 0
    for match in BLANK_LINES_RE.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, white space trimmed.

    Examples
    --------
    >>> t = 'Col-Gen Hasanov met Gen. Dalkiran at 9 a.m. on Monday. "We agree. Fully," he said.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Col-Gen Hasanov met Gen. Dalkiran at 9 a.m. on Monday.', '"We agree. Fully," he said.']
    """
    if not text.strip():
        return []
    flat = text.replace("\n", " ")
    if surely_one_sentence(flat):
        return _cover_gaps(flat, [])
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _windowed_sentences(flat):
        piece = piece.strip()
        if not piece:
            continue
        start = flat.find(piece, cursor)
        if start < 0:
            start = _find_loose(flat, piece, cursor)
        if start < 0:
            continue
        end = (
            start + len(piece) if flat.startswith(piece, start) else _loose_end(flat, piece, start)
        )
        spans.append((start, end))
        cursor = end
    return _cover_gaps(flat, spans)


def surely_one_sentence(text: str) -> bool:
    """Whether :func:`split_sentences` gives ``text`` at most one sentence without asking pysbd:
    no sentence-final mark in it is followed by more text. False means pysbd decides (and may
    still find one sentence).

    Examples
    --------
    >>> surely_one_sentence("Shr 30 cts vs 25 cts\\nNet 1,234,000 vs 987,000")
    True
    >>> surely_one_sentence("Gen. Dalkiran arrived.")
    False
    >>> surely_one_sentence("It rose. ")
    True
    """
    return not _INNER_BOUNDARY_RE.search(text.strip())


#: pysbd rescans the whole text for each abbreviation it meets, so its cost grows with the square
#: of the text; a long paragraph is split window by window (see :func:`_windowed_sentences`).
SENTENCE_WINDOW = 3000


def _windowed_sentences(text: str, window: int = SENTENCE_WINDOW) -> list[str]:
    """pysbd's sentences of ``text``, found in windows of about ``window`` characters.

    Each window's sentences are kept but its last one (which the window's end may cut), and the
    next window starts where that last sentence starts; a window with one sentence grows until it
    holds two or reaches the end. The splitter decides from a few words around each mark, so the
    sentences are the ones of the whole text, and the cost is linear in its length.
    """
    if len(text) <= window:
        return _pysbd_sentences(text)
    pieces: list[str] = []
    start, size = 0, window
    while start < len(text):
        chunk = text[start : start + size]
        if start + size >= len(text):
            pieces.extend(_pysbd_sentences(chunk))
            break
        found = _pysbd_sentences(chunk)
        if len(found) < 2:
            size *= 2
            continue
        kept, end = found[:-1], 0
        for piece in kept:
            end = chunk.find(piece, end) + len(piece)
        pieces.extend(kept)
        start, size = start + end, window
    return pieces


def _pysbd_sentences(text: str) -> list[str]:
    """pysbd's sentences of ``text``, each with the white space after it, as
    ``Segmenter.segment`` returns them; the sentences are located with ``str.find`` rather than
    through a regular expression compiled for each sentence, as ``segment`` does."""
    segmenter = _segmenter()
    sentences = segmenter.processor(text).process()
    if not all(sentences):
        return segmenter.segment(text)
    # As segment's re.finditer: the first of the non-overlapping occurrences (with the white
    # space after it) that ends after the previous sentence. An occurrence that starts before
    # ``len(sentence)`` characters ahead of the previous sentence's last non-space character ends
    # before it, so the search starts there: the cost is linear in the text, also when its
    # sentences repeat.
    pieces, prior = [], 0
    for sentence in sentences:
        last = prior
        while last > 0 and text[last - 1].isspace():
            last -= 1
        start = text.find(sentence, max(0, last - len(sentence)))
        while start >= 0:
            end = start + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior:
                pieces.append(text[start:end])
                prior = end
                break
            start = text.find(sentence, end)
    return pieces


def _find_loose(text: str, piece: str, cursor: int) -> int:
    pattern = r"\s*".join(re.escape(ch) for ch in piece if not ch.isspace())
    match = re.compile(pattern).search(text, cursor)
    return match.start() if match else -1


def _loose_end(text: str, piece: str, start: int) -> int:
    pattern = r"\s*".join(re.escape(ch) for ch in piece if not ch.isspace())
    match = re.compile(pattern).match(text, start)
    return match.end() if match else start + len(piece)


def _cover_gaps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Attach any non-blank text the splitter skipped to the preceding sentence."""
    if not spans:
        stripped = text.strip()
        start = text.find(stripped)
        return [(start, start + len(stripped))]
    fixed: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(spans):
        next_start = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        tail = text[end:next_start]
        if tail.strip():
            end = end + len(tail.rstrip())
        fixed.append((start, end))
    head = text[: fixed[0][0]]
    if head.strip():
        fixed[0] = (len(head) - len(head.lstrip()), fixed[0][1])
    return fixed


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the words of ``text``: letters and digits, with inner
    apostrophes, hyphens and dots kept ("Turkish-Azerbaijani", "Azerbaijan’s") and numbers whole.

    Examples
    --------
    >>> t = "Azerbaijan’s Turkish-Azerbaijani drills, 2,000 troops."
    >>> [t[s:e] for s, e in word_spans(t)]
    ['Azerbaijan’s', 'Turkish-Azerbaijani', 'drills', '2,000', 'troops']
    """
    return [m.span() for m in _WORD_RE.finditer(text)]
