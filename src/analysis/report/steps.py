"""The analysis steps of the report, and the typed state they pass from one to the next.

Design
------
A step is a function ``(state) -> Section``. It reads what earlier steps left in the
:class:`ReportState` (the corpus, the options, the reuse passages, the reused spans, ...), calls
the analyses with those tables as arguments, stores its own results in the state for the steps
after it, and returns a :class:`Section`: its tables (DataFrames), figures (matplotlib) and a few
lines of HTML, with the files it adds beside the page (the reuse step's family, pair and article
pages, :mod:`analysis.report.pages`) and its headline for the report's first screen (the largest
family). A step never writes a file and never computes an earlier step: a step that needs a
table no earlier step made stops with a :class:`MissingStepError` that names the step to run
first.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure
from tqdm.auto import tqdm

from analysis.chronology.exports import timeline_to_timelinejs
from analysis.chronology.timeline import build_timeline, timeline_mentions
from analysis.corpus.loading import Corpus
from analysis.corpus.overview import paragraph_words, summarize
from analysis.options import AnalysisOptions
from analysis.report.pages import INDEX_PAGE, FamilyPages, family_pages
from analysis.reuse.detection import find_reuse
from analysis.reuse.families import boilerplate_families, reuse_share
from analysis.reuse.origins import reused_spans
from analysis.sources.attributions import extract_sources
from analysis.sources.entities import ParsedCorpus, extract_entities, parse_corpus
from analysis.sources.overlap import source_matrix, source_overlap
from analysis.sources.parsing import ParagraphParse, parse_paragraphs
from analysis.views.corpus import MAX_STRIPS, article_labels, plot_corpus
from analysis.views.examples import largest, most_shared_pairs
from analysis.views.reuse import reuse_share_chart
from analysis.views.sidebyside import side_by_side
from analysis.views.sources import plot_overlap, plot_source_matrix
from analysis.views.timeline import OUTLIER_YEARS, plot_timeline, shorten_label, split_outliers

__all__ = [
    "DEFAULT_STEPS",
    "MissingStepError",
    "Preview",
    "ReportState",
    "Section",
    "Step",
    "chronology_step",
    "corpus_step",
    "reuse_step",
    "sources_step",
]


#: The timeline figure shows this many events, those named by the most articles.
MAX_TIMELINE_EVENTS = 40
#: The overlap figure shows this many pairs of articles, those that share the most sources.
MAX_OVERLAP_PAIRS = 15
#: The columns of the timeline's previews, in order.
EVENT_COLUMNS = [
    "event_id",
    "date_start",
    "date_end",
    "value",
    "n_articles",
    "n_mentions",
    "label",
    "sentence",
    "n_reused",
    "stale",
]
#: The report lists this many families, the largest (articles, then words), each with its page.
MAX_FAMILIES_LISTED = 20
#: A listed family's text is cut to this many characters (its page holds the whole text).
FAMILY_TEXT_WIDTH = 240


@dataclass(frozen=True)
class Preview:
    """The rows of a table as the report shows them, and the order they are in, in words.

    ``frame`` holds every row, ordered (the page shows the first rows and says how many of how
    many); ``order`` says what comes first ("largest families first"). ``links`` makes cells
    links: it maps a shown column to a column of ``frame`` holding each row's address (relative
    to the report folder, or None for no link); the address columns are not shown.
    """

    frame: pd.DataFrame
    order: str
    links: dict[str, str] = field(default_factory=dict)


def _labelled(frame: pd.DataFrame, labels: pd.Series, columns: dict[str, str]) -> pd.DataFrame:
    """``frame`` with a label column before each id column (``{"source_id": "source"}``)."""
    shown = frame.copy()
    for id_column, label_column in columns.items():
        position = list(shown.columns).index(id_column)
        shown.insert(position, label_column, shown[id_column].map(labels))
    return shown


@dataclass
class Section:
    """What one analysis step contributes to the report."""

    key: str
    title: str
    intro: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    html: str = ""
    shown_tables: tuple[str, ...] = ()
    #: What the report shows of a table: its rows ordered by interest, with labels that name
    #: the articles; a shown table with no preview is shown as written.
    previews: dict[str, Preview] = field(default_factory=dict)
    extra_files: dict[str, str] = field(default_factory=dict)
    #: HTML for the report's first screen: the one finding a reader should see first.
    headline: str = ""


class MissingStepError(RuntimeError):
    """A step needs a table that no earlier step made."""


@dataclass
class ReportState:
    """What the steps of one report run share: the input, the options, each step's results.

    A field is None until the step that makes it has run.
    """

    corpus: Corpus
    options: AnalysisOptions = field(default_factory=AnalysisOptions)
    progress: bool = False
    client: object | None = None
    #: Made by the reuse step.
    reuse: pd.DataFrame | None = None
    reused_spans: pd.DataFrame | None = None
    #: Made by the chronology step.
    mentions: pd.DataFrame | None = None
    timeline: pd.DataFrame | None = None
    #: The spaCy parse when it was started before the steps (in worker processes, see
    #: :func:`start_parse`); the sources step reads it, or parses the corpus itself.
    parse: ParagraphParse | None = None
    #: Made by the sources step.
    parsed: ParsedCorpus | None = None
    sources: pd.DataFrame | None = None
    entities: pd.DataFrame | None = None
    #: Counts for the report's summary line, in the order the steps add them.
    counts: dict[str, int] = field(default_factory=dict)

    def need(self, name: str, step: str) -> pd.DataFrame:
        """The table ``name``, or a :class:`MissingStepError` saying which step makes it."""
        value = getattr(self, name)
        if value is None:
            raise MissingStepError(f"{name} is made by the {step} step; run that step first")
        return value


Step = Callable[[ReportState], Section]


def corpus_step(state: ReportState) -> Section:
    """The corpus itself: articles, counts, problems found in the input."""
    corpus = state.corpus
    summary = summarize(corpus)
    figures = {}
    overview = plot_corpus(summary, paragraph_words(corpus))
    if overview is not None:
        figures["paragraph_strips" if len(corpus) <= MAX_STRIPS else "profile"] = overview
    intro = (
        f"{len(corpus)} articles from {summary['date'].min():%Y-%m-%d} to "
        f"{summary['date'].max():%Y-%m-%d}; {len(corpus.paragraphs)} paragraphs, "
        f"{int(summary['words'].sum())} words. {_kept_apart(corpus.articles)} "
        f"{len(corpus.problems)} inputs were not loaded."
        if len(corpus)
        else "No article was loaded."
    )
    return Section(
        key="corpus",
        title="Corpus",
        intro=intro,
        tables={
            "articles": summary,
            "paragraphs": corpus.paragraphs,
            "problems": corpus.problems,
        },
        figures=figures,
        shown_tables=("articles", "problems"),
        previews={
            "articles": Preview(
                summary.sort_values(["date"], kind="stable"), "in order of publication"
            )
        },
    )


def _kept_apart(articles) -> str:
    """What the loader took out of the article texts, counted: bylines and page footers."""
    bylines, footers = int(articles["byline"].notna().sum()), int(articles["footer"].notna().sum())
    return (
        f"{bylines} articles opened with a byline paragraph and {footers} ended in a page footer; "
        "both are kept apart from the text (columns byline and footer)."
    )


def reuse_step(state: ReportState, *, max_views: int = 10) -> Section:
    """Boilerplate reuse: passages, families with their origin, reuse share per article, and
    side-by-side views of the ``max_views`` pairs that share the most words."""
    corpus, options = state.corpus, state.options.reuse
    if state.client is not None:
        from analysis.distributed import find_reuse_dask

        reuse = find_reuse_dask(corpus, state.client, options)
    else:
        reuse = find_reuse(corpus, options)
    state.reuse = reuse
    state.reused_spans = reused_spans(corpus, reuse)
    families = boilerplate_families(corpus, reuse)
    shares = reuse_share(corpus, reuse)
    state.counts.update({"reused passages": len(reuse), "boilerplate families": len(families)})
    recycled = int((shares["reused_chars"] > 0).sum())
    kinds = ", ".join(
        f"{n} {kind}" for kind, n in reuse["kind"].value_counts().sort_index().items()
    )
    figures = {}
    if recycled:
        most = shares.sort_values(
            ["reuse_share", "reused_chars"], ascending=False, kind="stable"
        ).head(30)
        figures["share"] = reuse_share_chart(
            most,
            labels=article_labels(corpus).to_dict(),
            title=f"Reuse share: the {len(most)} of {len(corpus)} articles that recycle the most",
        )
    views = []
    pairs = (
        reuse.groupby(["source_id", "target_id"], sort=False)["n_words"]
        .sum()
        .sort_values(ascending=False, kind="stable")
        .head(max_views)
    )
    labels = article_labels(corpus)
    for source_id, target_id in pairs.index:
        view = side_by_side(corpus, source_id, target_id, reuse=reuse, labels=labels)
        views.append(
            f"<details id='pair-{len(views) + 1}'{' open' if not views else ''}><summary>"
            f"{html.escape(labels[source_id])} ({html.escape(source_id)}) &rarr; "
            f"{html.escape(labels[target_id])} ({html.escape(target_id)}): "
            f"{view.n_passages} passages, {int(pairs[(source_id, target_id)])} words</summary>"
            f"{view.html}</details>"
        )
    side_html = (
        f"<h3>Side by side: the {len(views)} article pair(s) with the most reused words</h3>"
        + "".join(views)
        if views
        else ""
    )
    intro = (
        f"{len(reuse)} reused passages between articles "
        f"({kinds or 'none'}), "
        f"in {len(families)} boilerplate families; {recycled} of {len(corpus)} articles recycle "
        "text from an earlier article."
    )
    origin_text = [
        corpus.text(origin)[start:end]
        for origin, start, end in families[["origin_id", "origin_start", "origin_end"]].itertuples(
            index=False
        )
    ]
    ordered = largest(families, ["n_articles", "n_words"], n=None, ties=["family_id"])
    listed = ordered.head(MAX_FAMILIES_LISTED)
    # Every family has its page (the list shows the largest); pairs are numbered in that order.
    pages = family_pages(corpus, reuse, ordered, labels=labels)
    texts = dict(zip(families["family_id"], origin_text, strict=True))
    listing = _family_list(listed, len(families), pages, labels, texts)
    family_view = _labelled(families.assign(text=origin_text), labels, {"origin_id": "origin"})
    family_view["page"] = family_view["family_id"].map(pages.pages)
    family_view["origin_page"] = family_view["origin_id"].map(pages.articles)
    share_view = _labelled(shares.reset_index(), labels, {"article_id": "article"})
    share_view["article_page"] = share_view["article_id"].map(pages.articles)
    passage_view = _labelled(reuse, labels, {"source_id": "source", "target_id": "target"})
    passage_view["view"] = "side by side"
    passage_view["pair_page"] = [
        pages.pairs.get(pair) for pair in zip(reuse["source_id"], reuse["target_id"], strict=True)
    ]
    passage_view["source_page"] = passage_view["source_id"].map(pages.articles)
    passage_view["target_page"] = passage_view["target_id"].map(pages.articles)
    previews = {
        "families": Preview(
            largest(family_view, ["n_articles", "n_words"], n=None, ties=["family_id"])[
                [
                    "family_id",
                    "n_articles",
                    "n_passages",
                    "n_words",
                    "kinds",
                    "origin",
                    "origin_id",
                    "text",
                    "page",
                    "origin_page",
                ]
            ],  # fmt: skip
            "largest families first (articles, then words); a family's id links to its page",
            links={"family_id": "page", "origin": "origin_page"},
        ),
        "share": Preview(
            largest(share_view, ["reuse_share", "reused_chars"], n=None, ties=["article_id"]),
            "highest share of recycled text first",
            links={"article": "article_page"},
        ),
        "passages": Preview(
            largest(passage_view, ["n_words"], n=None, ties=["target_id", "target_start"])[
                [
                    "view",
                    "target",
                    "target_id",
                    "source",
                    "source_id",
                    "kind",
                    "n_words",
                    "similarity",
                    "target_start",
                    "target_end",
                    "source_start",
                    "source_end",
                    "pair_page",
                    "source_page",
                    "target_page",
                ]
            ],  # fmt: skip
            "longest passages first",
            links={"view": "pair_page", "source": "source_page", "target": "target_page"},
        ),
    }
    return Section(
        key="reuse",
        title="Boilerplate reuse",
        intro=intro,
        tables={"passages": reuse, "families": families, "share": shares},
        figures=figures,
        html=listing + side_html,
        shown_tables=("families", "share", "passages"),
        previews=previews,
        extra_files=pages.files,
        headline=_largest_family(listed, len(families), pages, labels, texts),
    )


def _family_link(family, pages: FamilyPages, labels: pd.Series) -> tuple[str, str]:
    """The link to a family's page, and its origin named with a link to the origin's page."""
    page, origin = pages.pages[int(family.family_id)], family.origin_id
    return (
        f"<a href='{page}'>family {int(family.family_id)}</a>",
        f"<a href='{pages.articles[origin]}'>{html.escape(labels[origin])}</a>",
    )


def _kinds(kinds: str) -> str:
    """A family's kinds of reuse for reading ("edited, verbatim"), escaped."""
    return html.escape(kinds.replace(",", ", "))


def _largest_family(
    listed: pd.DataFrame, total: int, pages: FamilyPages, labels: pd.Series, texts: dict[int, str]
) -> str:
    """The first-screen line on the largest family: its size, origin, first words and page."""
    if not total:
        return "No boilerplate family: no article recycles text from an earlier one."
    family = next(listed.itertuples(index=False))
    link, origin = _family_link(family, pages, labels)
    gist = shorten_label(" ".join(texts[int(family.family_id)].split()), 160)
    return (
        f"<strong>Largest boilerplate family</strong>: {link}, in {family.n_articles} articles "
        f"({family.n_passages} passage(s), {family.n_words} words; {_kinds(family.kinds)}), "
        f"first in {origin}: &ldquo;{html.escape(gist)}&rdquo; "
        f"<a href='#reuse-family-list'>The {len(listed)} largest of {total} families</a>."
    )


def _family_list(
    listed: pd.DataFrame, total: int, pages: FamilyPages, labels: pd.Series, texts: dict[int, str]
) -> str:
    """The largest families, each with its size, origin, text (cut, the whole text a click
    away) and the link to its page; says how many of how many and links to the full table."""
    if not total:
        return ""
    items = []
    for family in listed.itertuples(index=False):
        link, origin = _family_link(family, pages, labels)
        text = texts[int(family.family_id)]
        cut = shorten_label(" ".join(text.split()), FAMILY_TEXT_WIDTH)
        whole = (
            f"<details><summary>whole text ({len(text)} characters)</summary>"
            f"<div class='quote whole'>{html.escape(text)}</div></details>"
            if len(cut) < len(" ".join(text.split()))
            else ""
        )
        items.append(
            f"<li id='family-{int(family.family_id)}'>{link}: {family.n_articles} articles, "
            f"{family.n_passages} passage(s), {family.n_words} words "
            f"({_kinds(family.kinds)}); first in {origin}"
            f"<div class='quote'>{html.escape(cut)}</div>{whole}</li>"
        )
    return (
        "<h3 id='reuse-family-list'>The largest boilerplate families</h3><p class='note'>"
        f"showing {len(listed)} of {total} families, largest first (articles, then words); each "
        "page lists every reuse and links to both articles and the side-by-side view; every "
        f"family: <a href='{INDEX_PAGE}'>index of pages</a>, <a href='#reuse-families'>table</a>, "
        "<a href='tables/reuse_families.csv'>CSV</a>"
        "</p><ol class='families'>" + "".join(items) + "</ol>"
    )


def chronology_step(state: ReportState) -> Section:
    """Chronology: every date mention with its value, the merged timeline, stale dates."""
    corpus = state.corpus
    spans = state.need("reused_spans", "reuse")
    mentions = timeline_mentions(corpus, state.options.timeline, reuse=spans)
    timeline = build_timeline(mentions, state.options.timeline)
    state.mentions, state.timeline = mentions, timeline
    stale = mentions[mentions["stale"].fillna(False).astype(bool)]
    state.counts.update(
        {
            "date mentions": len(mentions),
            "timeline events": len(timeline),
            "stale dates": len(stale),
        }
    )
    busiest_first = largest(timeline, ["n_articles", "n_mentions"], n=None, ties=["event_id"])
    near, outliers = (
        split_outliers(busiest_first, corpus.articles)
        if len(corpus)
        else (busiest_first, busiest_first.iloc[:0])
    )
    figures = {}
    if len(near):
        busiest = near.head(MAX_TIMELINE_EVENTS)
        figures["timeline"] = plot_timeline(busiest, corpus.articles)
        figures["timeline"].suptitle(
            f"The {len(busiest)} of {len(near)} events within {OUTLIER_YEARS} years of the "
            "publication dates, those named by the most articles",
            fontsize=11,
        )
    period = (
        f"{corpus.articles['date'].min():%Y-%m-%d} to {corpus.articles['date'].max():%Y-%m-%d}"
        if len(corpus)
        else "none"
    )
    intro = (
        f"{len(mentions)} temporal expressions, merged into {len(timeline)} dated events. "
        f"{int(mentions['reused'].sum())} mentions sit in recycled text; {len(stale)} of them "
        "would get a different date if resolved against the recycling article instead of the "
        "text's origin (stale dates). "
        f"{len(outliers)} of the {len(timeline)} events lie more than {OUTLIER_YEARS} years "
        f"from the publication period ({period}): history, or a number read as a year (a clock "
        "time such as 1630); they are listed in the outliers table, not plotted."
    )
    timelinejs = timeline_to_timelinejs(
        timeline[timeline.index.isin(near.index)].head(500), title="News timeline"
    )
    return Section(
        key="chronology",
        title="Chronology",
        intro=intro,
        tables={
            "mentions": mentions,
            "timeline": timeline,
            "stale_dates": stale,
            "outliers": outliers.sort_values(["date_start", "event_id"], kind="stable"),
        },
        figures=figures,
        shown_tables=("stale_dates", "timeline", "outliers"),
        previews={
            "timeline": Preview(
                busiest_first[EVENT_COLUMNS], "events named by the most articles first"
            ),
            "outliers": Preview(
                largest(outliers, ["n_articles", "n_mentions"], n=None, ties=["event_id"])[
                    EVENT_COLUMNS
                ],
                "events named by the most articles first",
            ),
        },
        extra_files={"timeline.json": json.dumps(timelinejs, indent=1, default=str)},
    )


def start_parse(state: ReportState) -> None:
    """Start the sources step's spaCy parse in worker processes now, when the options ask for
    more than one process and no Dask cluster serves the run: the workers parse while the
    reuse and chronology steps run in this process (they need no parse), and the sources step
    then reads the docs as they come. The docs, and so the tables, are those of any other run."""
    processes = state.options.sources.processes
    if state.client is None and processes > 1 and state.parse is None:
        state.parse = ParagraphParse(
            state.corpus, workers=processes, cache=state.options.sources.parse_cache
        )


def _parse(state: ReportState) -> ParsedCorpus:
    corpus = state.corpus
    if state.client is not None:
        from analysis.distributed import parse_paragraphs_dask

        docs = parse_paragraphs_dask(corpus, state.client, cache=state.options.sources.parse_cache)
    else:
        started, state.parse = state.parse, None
        if started is None:
            parse = parse_paragraphs(
                corpus,
                n_process=state.options.sources.processes,
                cache=state.options.sources.parse_cache,
            )
        else:
            parse = iter(started)
        # Passed on as it comes: parse_corpus stores each doc compactly as it arrives, so the
        # whole parse is never held as live docs.
        docs = tqdm(
            parse,
            total=len(corpus.paragraphs),
            desc="parsing paragraphs",
            unit="para",
            disable=not state.progress,
            leave=False,
        )
    return parse_corpus(corpus, docs=docs)


def sources_step(state: ReportState) -> Section:
    """Sources: attributed statements, named entities, what pairs of articles share (only the
    pairs that share something), and the long source-by-article table of statement counts."""
    corpus = state.corpus
    spans = state.need("reused_spans", "reuse")
    parsed = _parse(state)
    sources = extract_sources(corpus, parsed, reused=spans, coverage=state.options.sources.coverage)
    entities = extract_entities(parsed)
    state.parsed, state.sources, state.entities = parsed, sources, entities
    overlap = source_overlap(
        corpus, sources=sources, entities=entities, reused=spans, options=state.options.overlap
    )
    matrix = source_matrix(sources, articles=list(corpus.articles.index))
    state.counts.update({"attributions": len(sources), "entities": len(entities)})
    figures = {}
    if len(sources) and len(corpus) <= 40:
        figures["source_matrix"] = plot_source_matrix(sources)
    by_size = most_shared_pairs(overlap, n=None)
    shared = by_size[by_size["n_shared_sources"] > 0]
    if len(shared):
        shown = shared.head(MAX_OVERLAP_PAIRS)
        figures["overlap"] = plot_overlap(
            shown,
            labels=article_labels(corpus, words=3).to_dict(),
            title=f"The {len(shown)} of {len(shared)} pairs of articles that share a source: "
            "most shared sources first, then entities",
        )
    labels = article_labels(corpus)
    intro = (
        f"{len(sources)} attributed statements from {sources['source'].nunique()} sources; "
        f"{len(entities)} entity mentions; {len(overlap)} pairs of articles share a source or an "
        f"entity (the overlap table lists only those), {len(shared)} of them a source."
    )
    common = overlap.attrs.get("common_names", {})
    if common:
        most = ", ".join(f"{name} ({n})" for name, n in list(common.items())[:5])
        intro += (
            f" {len(common)} names found in more than {state.options.overlap.max_articles} "
            f"articles are not counted as shared (they would pair nearly every article): {most}"
            f"{', …' if len(common) > 5 else ''}."
        )
    return Section(
        key="sources",
        title="Sources and overlap",
        intro=intro,
        tables={
            "attributions": sources,
            "entities": entities,
            "overlap": overlap,
            "matrix": matrix,
        },
        figures=figures,
        shown_tables=("attributions", "overlap"),
        previews={
            "overlap": Preview(
                _labelled(by_size, labels, {"article_a": "a", "article_b": "b"}),
                "most shared sources first, then most shared entities",
            )
        },
    )


DEFAULT_STEPS: tuple[Step, ...] = (corpus_step, reuse_step, chronology_step, sources_step)
