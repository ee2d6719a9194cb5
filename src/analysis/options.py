"""The options of every analysis, in one home: frozen dataclasses, validated when they are made.

Design
------
Each analysis that has settings takes one options object: :class:`ReuseOptions` for
:func:`analysis.find_reuse` (and :func:`analysis.align_pair`, and the Dask run),
:class:`TimelineOptions` for :func:`analysis.timeline_mentions` and :func:`analysis.build_timeline`,
:class:`SourcesOptions` for the
spaCy parse of the sources step (:func:`analysis.parse_corpus`), :class:`OverlapOptions` for
:func:`analysis.source_overlap`; :class:`AnalysisOptions` bundles them for
:func:`analysis.report.run_report` and the command line. A field is declared once, with its
default, its check and a one-line help; everything else reads it from there:

* validation runs in ``__post_init__`` (as datasketch's ``MinHashLSH`` checks its parameters in the
  constructor), so a bad value fails where it is written, with the option's name and what was
  expected, and never half-way through a corpus;
* the functions accept the object or the same names as keywords (``find_reuse(corpus,
  min_words=12)``), through :meth:`Options.merged`;
* the command line gets one flag per field (:func:`add_arguments`, :func:`from_arguments`): a new
  field is a new flag, with no other code to touch.

Every similarity is on one scale, 0 to 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import numbers
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

__all__ = [
    "AnalysisOptions",
    "OverlapOptions",
    "ReuseOptions",
    "SourcesOptions",
    "TimelineOptions",
    "add_arguments",
    "from_arguments",
]

ENTITY_KINDS = ("person", "organisation", "place", "document", "event", "media")


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _positive_int(value: object) -> str | None:
    return None if _is_int(value) and value >= 1 else "a positive integer"


def _non_negative_int(value: object) -> str | None:
    return None if _is_int(value) and value >= 0 else "a non-negative integer"


def _optional_positive_int(value: object) -> str | None:
    return None if value is None or (_is_int(value) and value >= 1) else "None or an integer >= 1"


def _fraction(value: object) -> str | None:
    number = isinstance(value, numbers.Real) and not isinstance(value, bool)
    return None if number and 0 < value <= 1 else "in (0, 1]"


def _unit_interval(value: object) -> str | None:
    number = isinstance(value, numbers.Real) and not isinstance(value, bool)
    return None if number and 0 <= value <= 1 else "between 0 and 1"


def _boolean(value: object) -> str | None:
    return None if isinstance(value, bool) else "True or False"


def _optional_path(value: object) -> str | None:
    ok = value is None or (isinstance(value, str) and value.strip() != "")
    return None if ok else "None or a folder path"


def _choice(*choices: str) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        return None if value in choices else " or ".join(repr(c) for c in choices)

    return check


def _kinds(value: object) -> str | None:
    if value is None:
        return None
    ok = isinstance(value, tuple) and all(kind in ENTITY_KINDS for kind in value)
    return None if ok else f"None or a tuple of {', '.join(ENTITY_KINDS)}"


def option(
    default: Any,
    check: Callable[[object], str | None],
    help: str,  # noqa: A002
    parse: Callable[[str], Any] | None = None,
) -> Any:
    """Declare an option: its default, its check (None when the value is good, else what was
    expected), the help line the command line shows, and how a flag's text becomes a value (by
    default from the field's type: int, float or str)."""
    return field(default=default, metadata={"check": check, "help": help, "parse": parse})


class Options:
    """Validation and merging shared by the option classes."""

    #: Prefix of the command-line flags of this group ("" for none).
    flag_prefix: ClassVar[str] = ""

    def __post_init__(self) -> None:
        for spec in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, spec.name)
            expected = spec.metadata["check"](value)
            if expected is not None:
                raise ValueError(f"{spec.name} must be {expected}, got {value!r}")

    @classmethod
    def merged(cls, options: Self | None = None, **overrides: Any) -> Self:
        """``options`` (or the defaults) with ``overrides`` applied; unknown names are refused.

        Examples
        --------
        >>> ReuseOptions.merged(None, min_words=12).min_words
        12
        >>> ReuseOptions.merged(ReuseOptions(k=5), paraphrase=False)
        ReuseOptions(k=5, min_words=10, max_gap=8, max_df=None, sources='nearest', \
paraphrase=False, paraphrase_threshold=0.45, paraphrase_min_common=6, template=True, \
template_close_frames=0, rewrite=True, rewrite_threshold=0.5, rewrite_min_common=4, \
rewrite_min_sentences=2, rewrite_max_df=50, rewrite_min_shared=3, processes=1)
        >>> ReuseOptions.merged(None, min_word=12)
        Traceback (most recent call last):
        ...
        TypeError: unknown ReuseOptions option(s) ['min_word']
        """
        if options is not None and not isinstance(options, cls):
            raise TypeError(f"options must be a {cls.__name__}, got {type(options).__name__}")
        names = {spec.name for spec in dataclasses.fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise TypeError(f"unknown {cls.__name__} option(s) {unknown}")
        base = options if options is not None else cls()
        return dataclasses.replace(base, **overrides) if overrides else base  # type: ignore


@dataclass(frozen=True)
class ReuseOptions(Options):
    """Options of reuse detection (:func:`analysis.find_reuse`, :func:`analysis.align_pair`).

    Examples
    --------
    >>> ReuseOptions(min_words=0)
    Traceback (most recent call last):
    ...
    ValueError: min_words must be a positive integer, got 0
    """

    k: int = option(4, _positive_int, "shortest run of equal words that anchors a passage")
    min_words: int = option(
        10, _positive_int, "smallest passage score (matched minus skipped words) reported"
    )
    max_gap: int = option(8, _non_negative_int, "most words skipped between two anchors")
    max_df: int | None = option(
        None, _optional_positive_int, "n-grams held more often than this pair no articles"
    )
    sources: str = option(
        "nearest",
        _choice("nearest", "all", "covering"),
        "align each stretch with its origin and nearest earlier copy (nearest), every earlier "
        "article holding it (all) or enough of them to cover it (covering)",
    )
    paraphrase: bool = option(True, _boolean, "look for reworded sentences")
    paraphrase_threshold: float = option(
        0.45, _fraction, "smallest content-stem similarity (0-1) of a paraphrase"
    )
    paraphrase_min_common: int = option(
        6, _positive_int, "fewest content stems two paraphrased sentences share"
    )
    template: bool = option(
        True, _boolean, "look for passages whose frame recurs with other figures (templates)"
    )
    template_close_frames: int = option(
        0,
        _non_negative_int,
        "nearest candidates of a report without template aligned on all the frame keys they share "
        "(close frames; 0: none)",
    )
    rewrite: bool = option(
        True, _boolean, "look for articles rewriting one source sentence by sentence"
    )
    rewrite_threshold: float = option(
        0.5, _fraction, "smallest bag-of-stems similarity (0-1) of a rewritten sentence"
    )
    rewrite_min_common: int = option(
        4, _positive_int, "fewest content stems two rewritten sentences share"
    )
    rewrite_min_sentences: int = option(
        2, _positive_int, "fewest rewritten sentences that make two articles a rewrite"
    )
    rewrite_max_df: int = option(
        50, _positive_int, "content stems held by more paragraphs than this pair none"
    )
    rewrite_min_shared: int = option(
        3, _positive_int, "fewest rare content stems two paragraphs share to be compared"
    )
    processes: int = option(
        1,
        _positive_int,
        "processes aligning the candidate pairs of the reuse search, forked (the same passages "
        "for any number)",
    )


@dataclass(frozen=True)
class TimelineOptions(Options):
    """Options of :func:`analysis.timeline_mentions` and :func:`analysis.build_timeline`."""

    flag_prefix: ClassVar[str] = "timeline-"

    similarity: float = option(
        0.6,
        _unit_interval,
        "sentence similarity (0-1, token-set ratio) at which two mentions of a date are one event",
    )
    exact_limit: int = option(
        300, _non_negative_int, "distinct sentences of one date compared all pairs; more: indexed"
    )
    processes: int = option(
        1,
        _positive_int,
        "processes tagging the articles and merging the events (the same results for any number)",
    )


@dataclass(frozen=True)
class SourcesOptions(Options):
    """Options of the sources step: the parse (:func:`analysis.parse_corpus`) and which attributions
    :func:`analysis.extract_sources` returns."""

    flag_prefix: ClassVar[str] = "sources-"

    processes: int = option(
        1, _positive_int, "processes of the spaCy parse (the tables are the same for any number)"
    )
    coverage: str = option(
        "parc",
        _choice("named", "parc"),
        "attributions: parc (every source, unnamed and anonymous ones marked) or named only",
    )
    parse_cache: str | None = option(
        None,
        _optional_path,
        "folder of a parse cache: paragraphs parsed before are read from it, new ones added "
        "(the tables are the same with or without it)",
    )


@dataclass(frozen=True)
class OverlapOptions(Options):
    """Options of :func:`analysis.source_overlap`."""

    flag_prefix: ClassVar[str] = "overlap-"

    max_articles: int | None = option(
        200,
        _optional_positive_int,
        "names found in more articles than this are not counted as shared (None: every name)",
    )
    entity_kinds: tuple[str, ...] | None = option(
        None,
        _kinds,
        "entity kinds counted as shared entities, comma-separated (None: all)",
        parse=lambda text: tuple(part.strip() for part in text.split(",") if part.strip()),
    )


@dataclass(frozen=True)
class AnalysisOptions:
    """The options of every step of the report, one object per analysis."""

    reuse: ReuseOptions = field(default_factory=ReuseOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    sources: SourcesOptions = field(default_factory=SourcesOptions)
    overlap: OverlapOptions = field(default_factory=OverlapOptions)

    def __post_init__(self) -> None:
        for spec in dataclasses.fields(self):
            expected = spec.default_factory  # type: ignore[misc]
            value = getattr(self, spec.name)
            if not isinstance(value, expected):  # type: ignore[arg-type]
                raise TypeError(
                    f"{spec.name} must be a {expected.__name__}, got {type(value).__name__}"  # type: ignore[union-attr]
                )


#: The option groups of the report: field name of :class:`AnalysisOptions` -> option class.
_GROUPS: dict[str, type[Options]] = {
    spec.name: spec.default_factory  # type: ignore[misc]
    for spec in dataclasses.fields(AnalysisOptions)
}


_PARSERS: dict[str, Callable[[str], Any]] = {"int": int, "int | None": int, "float": float}


def _flag(group: type[Options], name: str) -> str:
    return "--" + group.flag_prefix + name.replace("_", "-")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add one flag per option field to ``parser`` (defaults stay with the dataclasses)."""
    for title, group in _GROUPS.items():
        section = parser.add_argument_group(f"{title} options")
        for spec in dataclasses.fields(group):  # type: ignore[arg-type]
            dest = f"{title}__{spec.name}"
            help_text = f"{spec.metadata['help']} (default: {spec.default})"
            if spec.default is True or spec.default is False:
                help_text = f"{'do not ' if spec.default else ''}{spec.metadata['help']}"
                flag = _flag(group, ("no_" if spec.default else "") + spec.name)
                section.add_argument(
                    flag,
                    dest=dest,
                    action="store_false" if spec.default else "store_true",
                    default=argparse.SUPPRESS,
                    help=help_text,
                )
                continue
            kind = spec.metadata["parse"] or _PARSERS.get(spec.type, str)
            section.add_argument(
                _flag(group, spec.name),
                dest=dest,
                type=kind,
                default=argparse.SUPPRESS,
                metavar=spec.name.upper(),
                help=help_text,
            )


def from_arguments(args: argparse.Namespace) -> AnalysisOptions:
    """The :class:`AnalysisOptions` that the flags of :func:`add_arguments` give.

    Raises ``ValueError`` (naming the flag) for a value an option refuses.
    """
    given: dict[str, dict[str, Any]] = {title: {} for title in _GROUPS}
    for dest, value in vars(args).items():
        title, _, name = dest.partition("__")
        if title in given and name:
            given[title][name] = value
    built = {}
    for title, group in _GROUPS.items():
        try:
            built[title] = group(**given[title])
        except ValueError as error:
            name = str(error).split(" ", 1)[0]
            raise ValueError(f"{_flag(group, name)}: {error}") from None
    return AnalysisOptions(**built)
