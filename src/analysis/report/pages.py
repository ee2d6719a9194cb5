"""The report's pages beside ``report.html``: one per boilerplate family, an index of them, one
per article pair those families join (side by side), one per article they name.

Design
------
``report.html`` lists the largest families (articles, then words) and links each to its page,
and links ``families/index.html``, which lists every family, largest first, each linked to its
page ``families/family-<family_id>.html``: the family's whole text (its origin span), its origin
article, and a table of every reuse (passage) with the later article's date, the kind, the edits
and the words, linking to the pair's side-by-side page ``pairs/pair-<n>.html`` and to both
articles' pages ``articles/article-<n>.html``, which hold the article's text and name its
families. File names are made of numbers only (the family id, the pair's rank among the pairs
shown, the article's position in the corpus), never of article ids, so any id gives a safe name;
every piece of text is escaped. The pages are plain HTML with one inline style and no script, so
they open offline from the folder; their links are relative, so the folder can move.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from analysis.corpus.loading import Corpus
from analysis.views.sidebyside import side_by_side

__all__ = ["INDEX_PAGE", "FamilyPages", "article_pages", "family_pages"]

#: Words of a family's text in the index of families.
INDEX_WORDS = 16

PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
    "color:#222}h1{font-size:1.4em}table{border-collapse:collapse;font-size:.85em}"
    "td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}"
    "th{background:#f4f4f4}.text{white-space:pre-wrap;background:#f7f7f2;padding:.6em 1em;"
    "border-left:4px solid #2e8b57}.note{color:#555;font-size:.9em}"
    "td.date,td.view{white-space:nowrap}"
)


@dataclass(frozen=True)
class FamilyPages:
    """The pages of the families given: ``files`` maps each page's path in the report folder
    to its HTML; ``pages`` maps each family id to its page, ``articles`` each article id those
    pages name to its page and ``pairs`` each ``(source_id, target_id)`` pair of a passage to its
    side-by-side page (paths relative to the report folder)."""

    files: dict[str, str]
    pages: dict[int, str]
    articles: dict[str, str]
    pairs: dict[tuple[str, str], str] = field(default_factory=dict)


def article_pages(corpus: Corpus) -> dict[str, str]:
    """The page of every article of ``corpus``, by id: ``articles/article-<n>.html``, where
    ``n`` is the article's position in the corpus (so an id of any characters gives a safe name).

    Examples
    --------
    >>> from analysis import load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> article_pages(load_corpus(SEEDS_DIR))
    {'000_5b183b1fed710e9a': 'articles/article-00001.html', '001_80062493b65dd1fc': 'articles/article-00002.html'}
    """  # noqa: E501
    return {
        article_id: f"articles/article-{number:05d}.html"
        for number, article_id in enumerate(corpus.articles.index, start=1)
    }


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}</style></head><body>"
        "<p class='note'><a href='../report.html#reuse-family-list'>&larr; back to the report"
        f"</a></p>{body}</body></html>\n"
    )


def _link(href: str, text: str) -> str:
    return f"<a href='../{href}'>{html.escape(text)}</a>"


INDEX_PAGE = "families/index.html"


def _index_page(
    families: pd.DataFrame,
    texts: dict[int, str],
    pages_of: dict[str, str],
    labels: Mapping[str, str],
) -> str:
    """Every family of ``families``, in its order, with its size, origin and first words (of
    ``texts``, its text by family id), each linked to its page: plain links, so every page is
    one click from the report."""
    rows = []
    for rank, family in enumerate(families.itertuples(index=False), start=1):
        family_id, origin = int(family.family_id), family.origin_id
        words = texts[family_id].split()
        gist = " ".join(words[:INDEX_WORDS]) + (" …" if len(words) > INDEX_WORDS else "")
        rows.append(
            f"<tr><td>{rank}</td><td><a href='family-{family_id}.html'>family {family_id}</a>"
            f"</td><td>{family.n_articles}</td><td>{family.n_passages}</td>"
            f"<td>{family.n_words}</td><td>{html.escape(family.kinds.replace(',', ', '))}</td>"
            f"<td>{_link(pages_of[origin], labels[origin])}</td><td>{html.escape(gist)}</td></tr>"
        )
    body = (
        f"<h1 id='index'>Every boilerplate family: {len(families)}</h1>"
        "<p class='note'>Largest first (articles, then words). The report's tables hold the same "
        "families, sortable and searchable, and the CSV and Parquet files beside it.</p>"
        "<table><tr><th>#</th><th>family</th><th>articles</th><th>passages</th><th>words</th>"
        "<th>kinds</th><th>first in</th><th>first words</th></tr>" + "".join(rows) + "</table>"
    )
    return _page("Every boilerplate family", body)


def family_pages(
    corpus: Corpus, reuse: pd.DataFrame, families: pd.DataFrame, *, labels: pd.Series
) -> FamilyPages:
    """A page per family of ``families`` (in its order), per article pair they join and per
    article they name.

    Parameters
    ----------
    corpus : Corpus
    reuse : pandas.DataFrame
        The passages of :func:`analysis.find_reuse`, as given to
        :func:`analysis.boilerplate_families` (its ``passages`` column holds their positions).
    families : pandas.DataFrame
        The families to give a page, a subset of :func:`analysis.boilerplate_families`, in the
        order the pairs are numbered.
    labels : pandas.Series
        Article id -> reader's label (:func:`analysis.views.corpus.article_labels`).

    Returns
    -------
    FamilyPages

    Examples
    --------
    >>> from analysis import boilerplate_families, find_reuse, load_corpus
    >>> from analysis.paths import SEEDS_DIR
    >>> from analysis.views.corpus import article_labels
    >>> seeds = load_corpus(SEEDS_DIR)
    >>> reuse = find_reuse(seeds)
    >>> made = family_pages(seeds, reuse, boilerplate_families(seeds, reuse),
    ...                     labels=article_labels(seeds))
    >>> sorted(made.files)
    ['articles/article-00001.html', 'articles/article-00002.html', 'families/family-0.html', 'families/family-1.html', 'families/index.html', 'pairs/pair-1.html']
    >>> made.pages
    {0: 'families/family-0.html', 1: 'families/family-1.html'}
    >>> "<a href='../pairs/pair-1.html'>side by side</a>" in made.files["families/family-0.html"]
    True
    """  # noqa: E501
    pages_of = article_pages(corpus)
    labels = dict(labels.items())
    # Plain lists and dicts: a corpus gives thousands of pages, and a pandas lookup per passage
    # or per article cost more than the page itself.
    columns = ("source_id", "target_id", "kind", "edits", "n_words", "similarity")
    passage_rows = list(zip(*(reuse[column].tolist() for column in columns), strict=True))
    days = {}
    pairs: dict[tuple[str, str], str] = {}
    pair_rows: dict[tuple[str, str], list[int]] = {}
    pair_families: dict[tuple[str, str], list[int]] = {}
    article_families: dict[str, list[int]] = {}
    files: dict[str, str] = {}
    pages: dict[int, str] = {}
    texts: dict[int, str] = {}
    for family in families.itertuples(index=False):
        family_id = int(family.family_id)
        page = f"families/family-{family_id}.html"
        pages[family_id] = page
        positions = list(family.passages)
        for article_id in family.article_ids:
            article_families.setdefault(article_id, []).append(family_id)
        body_rows = []
        for number, position in enumerate(positions, start=1):
            source_id, target_id, kind, edits, n_words, similarity = passage_rows[position]
            pair = (source_id, target_id)
            if pair not in pairs:
                pairs[pair] = f"pairs/pair-{len(pairs) + 1}.html"
            pair_rows.setdefault(pair, []).append(position)
            if family_id not in pair_families.setdefault(pair, []):
                pair_families[pair].append(family_id)
            if target_id not in days:
                days[target_id] = f"{corpus.articles.at[target_id, 'date']:%Y-%m-%d}"
            body_rows.append(
                f"<tr id='reuse-{number}'><td>{number}</td>"
                f"<td class='date'>{days[target_id]}</td>"
                f"<td>{_link(pages_of[target_id], labels[target_id])}</td>"
                f"<td>{_link(pages_of[source_id], labels[source_id])}</td>"
                f"<td>{html.escape(kind)}</td>"
                f"<td>{html.escape(edits or '')}</td><td>{n_words}</td>"
                f"<td>{similarity:.2f}</td>"
                f"<td class='view'><a href='../{pairs[pair]}'>side by side</a></td></tr>"
            )
        origin = family.origin_id
        text = texts[family_id] = corpus.text(origin)[family.origin_start : family.origin_end]
        members = "".join(f"<li>{_link(pages_of[a], labels[a])}</li>" for a in family.article_ids)
        body = (
            f"<h1 id='family'>Boilerplate family {family_id}: {family.n_articles} articles, "
            f"{family.n_words} words</h1>"
            f"<p>First in {_link(pages_of[origin], labels[origin])} "
            f"({html.escape(origin)}), characters {family.origin_start} to "
            f"{family.origin_end}; kinds of reuse: {html.escape(family.kinds.replace(',', ', '))}."
            "</p>"
            f"<h2>Its text, as the origin has it</h2><div class='text'>{html.escape(text)}</div>"
            f"<h2 id='reuses'>Every reuse: {len(positions)} passage(s)</h2>"
            "<p class='note'>In order of the later article's date. Each row links to both "
            "articles and to the two side by side.</p><table><tr><th>#</th><th>date</th>"
            "<th>later article</th><th>taken from</th><th>kind</th><th>edits</th><th>words</th>"
            "<th>similarity</th><th>view</th></tr>" + "".join(body_rows) + "</table>"
            f"<h2>Its {len(family.article_ids)} articles, in date order</h2><ol>{members}</ol>"
        )
        files[page] = _page(f"Boilerplate family {family_id}", body)
    if len(families):
        files[INDEX_PAGE] = _index_page(families, texts, pages_of, labels)
    for pair, page in pairs.items():
        source_id, target_id = pair
        view = side_by_side(
            corpus, source_id, target_id, reuse=reuse.iloc[pair_rows[pair]], labels=labels
        )
        named = ", ".join(f"<a href='../{pages[f]}'>family {f}</a>" for f in pair_families[pair])
        body = (
            f"<h1>{html.escape(labels[source_id])} &rarr; {html.escape(labels[target_id])}</h1>"
            f"<p>Earlier: {_link(pages_of[source_id], source_id)}; later: "
            f"{_link(pages_of[target_id], target_id)}. {view.n_passages} passage(s) of "
            f"{named}.</p>{view.html}"
        )
        files[page] = _page(f"{labels[source_id]} and {labels[target_id]} side by side", body)
    articles = corpus.articles
    linked = {a: pages_of[a] for a in articles.index if a in article_families}
    paragraphs = corpus.paragraphs
    texts = (
        paragraphs[paragraphs["article_id"].isin(linked)]
        .sort_values(["article_id", "para"], kind="stable")
        .groupby("article_id", sort=False)["text"]
        .agg(list)
        .to_dict()
    )
    for article_id, page in linked.items():
        row = articles.loc[article_id]
        facts = "".join(
            f"<tr><th>{name}</th><td>{html.escape(str(value))}</td></tr>"
            for name, value in (
                ("id", article_id),
                ("date", f"{row['date']:%Y-%m-%d}"),
                ("outlet", row["outlet"]),
                ("author", row["author"]),
                ("title", row["title"]),
                ("url", row["url"]),
            )
            if isinstance(value, str) and value
        )
        named = ", ".join(
            f"<a href='../{pages[f]}'>family {f}</a>" for f in article_families[article_id]
        )
        text = "".join(
            f"<p id='p-{number}'>{html.escape(paragraph)}</p>"
            for number, paragraph in enumerate(texts[article_id])
        )
        body = (
            f"<h1>{html.escape(labels[article_id])}</h1><table>{facts}</table>"
            f"<p>Boilerplate families: {named}.</p><h2>Text</h2>{text}"
        )
        files[page] = _page(str(labels[article_id]), body)
    return FamilyPages(files, pages, linked, pairs)
