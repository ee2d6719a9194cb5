"""The report's family pages: a page per family listed, per pair it joins, per article it names;
the largest family on the first screen; every link of every page resolves in the folder."""

from __future__ import annotations

import html
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from analysis import boilerplate_families, find_reuse, load_corpus
from analysis.paths import SEEDS_DIR
from analysis.report.pages import article_pages, family_pages
from analysis.report.pipeline import run_report
from analysis.report.steps import MAX_FAMILIES_LISTED, corpus_step, reuse_step
from analysis.views.corpus import article_labels

OLD, NEW = "000_5b183b1fed710e9a", "001_80062493b65dd1fc"


def made_up_words(rng: random.Random, n: int) -> str:
    syllables = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe", "zo", "ri", "ba"]
    return " ".join(
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(n)
    )


def family_corpus(n_families: int = 24) -> pd.DataFrame:
    """``n_families`` background paragraphs; the k-th (from 0) has 30 + k words and is reprinted
    in 2 + k % 4 stories, each after a lead of its own (no two leads share words in order)."""
    rng = random.Random(0)
    rows = []
    for family in range(n_families):
        background = made_up_words(rng, 30 + family) + "."
        for copy in range(2 + family % 4):
            rows.append(
                {
                    "id": f"s{len(rows):03d}",
                    "date": f"2022-{1 + copy:02d}-{1 + family:02d}",
                    "author": f"Desk {family % 3}",
                    "text": made_up_words(rng, 25) + ".\n\n" + background,
                }
            )
    return pd.DataFrame(rows)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])


def parsed(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def broken_links(folder: Path) -> list[str]:
    """Every relative link of every page in ``folder`` whose file or anchor is missing. The only
    links out of the folder are itables' own, in the note it shows while its tables load."""
    broken, pages = [], {}
    for page in sorted(folder.rglob("*.html")):
        for href in parsed(page).hrefs:
            parts = urlsplit(href)
            if parts.netloc == "itables.org" and page.name == "report.html":
                continue
            assert not parts.scheme and not parts.netloc, f"{page}: {href} leaves the folder"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or folder.resolve() not in target.parents:
                broken.append(f"{page.relative_to(folder)}: {href}")
            elif parts.fragment:
                ids = pages.setdefault(
                    target, parsed(target).ids if target.suffix == ".html" else set()
                )
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(folder)}: {href} (no such anchor)")
    return broken


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def seed_pages(seeds):
    reuse = find_reuse(seeds)
    families = boilerplate_families(seeds, reuse)
    return family_pages(seeds, reuse, families, labels=article_labels(seeds))


def test_article_pages_are_named_by_position_not_by_id():
    frame = pd.DataFrame(
        {"id": ["../x<script>", "b/c"], "date": ["2021-01-01", "2021-01-02"], "text": ["A.", "B."]}
    )
    assert article_pages(load_corpus(frame)) == {
        "../x<script>": "articles/article-00001.html",
        "b/c": "articles/article-00002.html",
    }


def test_seed_family_page_holds_the_text_origin_and_every_reuse(seeds, seed_pages):
    assert sorted(seed_pages.files) == [
        "articles/article-00001.html",
        "articles/article-00002.html",
        "families/family-0.html",
        "families/family-1.html",
        "families/index.html",
        "pairs/pair-1.html",
    ]
    assert seed_pages.pages == {0: "families/family-0.html", 1: "families/family-1.html"}
    assert seed_pages.pairs == {(OLD, NEW): "pairs/pair-1.html"}
    assert seed_pages.articles == {
        OLD: "articles/article-00001.html",
        NEW: "articles/article-00002.html",
    }
    page = seed_pages.files["families/family-0.html"]
    assert "<h1 id='family'>Boilerplate family 0: 2 articles, 152 words</h1>" in page
    assert f"<div class='text'>{html.escape(seeds.text(OLD)[1230:2225])}</div>" in page
    assert (
        "<p>First in <a href='../articles/article-00001.html'>2021-07-15 · Azernews: Defence "
        f"Minister Zakir Hasanov has said …</a> ({OLD}), characters 1230 to 2225" in page
    )
    rows = re.findall(r"<tr id='reuse-\d+'>.*?</tr>", page)
    assert rows == [
        "<tr id='reuse-1'><td>1</td><td class='date'>2022-04-12</td>"
        "<td><a href='../articles/article-00002.html'>2022-04-12 · Vugar Khalilov: Azerbaijani "
        "Defence Minister Col-Gen Zakir Hasanov …</a></td>"
        "<td><a href='../articles/article-00001.html'>2021-07-15 · Azernews: Defence Minister "
        "Zakir Hasanov has said …</a></td>"
        "<td>verbatim</td><td></td><td>152</td><td>1.00</td>"
        "<td class='view'><a href='../pairs/pair-1.html'>side by side</a></td></tr>"
    ]
    # Both families join the same pair: one side-by-side page, naming both.
    assert (
        "<a href='../pairs/pair-1.html'>side by side</a>"
        in seed_pages.files["families/family-1.html"]
    )
    pair = seed_pages.files["pairs/pair-1.html"]
    assert "2 passage(s) of <a href='../families/family-0.html'>family 0</a>, " in pair
    assert "<a href='../families/family-1.html'>family 1</a>" in pair
    article = seed_pages.files["articles/article-00002.html"]
    for number, text in enumerate(seeds.paragraphs.query("article_id == @NEW")["text"]):
        assert f"<p id='p-{number}'>{html.escape(text)}</p>" in article


def test_the_reuse_table_lists_edits_and_dates_in_order():
    frame = pd.DataFrame(
        {
            "id": ["a_first", "b_second", "c_third"],
            "date": ["2019-05-02", "2020-01-20", "2021-03-01"],
            "text": [
                "Harbour news opens the first story today.\n\nThe ferry runs three times a day "
                "between the port and the islands, and the company plans a second line soon.",
                "A new mayor was elected on Sunday in the town.\n\nThe ferry runs four times a "
                "day between the port and the islands, and the company plans a second line soon.",
                "Storms closed the road to the north for a week.\n\nThe ferry runs four times a "
                "day between the port and the islands, and the company plans a second line soon.",
            ],
        }
    )
    corpus = load_corpus(frame)
    reuse = find_reuse(corpus)
    made = family_pages(
        corpus, reuse, boilerplate_families(corpus, reuse), labels=article_labels(corpus)
    )
    page = made.files["families/family-0.html"]
    cells = [
        re.findall(r"<td[^>]*>([^<]*)</td>", row)
        for row in re.findall(r"<tr id='reuse-\d+'>.*?</tr>", page)
    ]
    assert reuse[["source_id", "target_id", "kind", "edits"]].values.tolist() == [
        ["a_first", "b_second", "edited", "three->four"],
        ["a_first", "c_third", "edited", "three->four"],
        ["b_second", "c_third", "verbatim", ""],
    ]
    # number, date of the later article, kind, edits, words, similarity
    assert [row[:4] for row in cells] == [
        ["1", "2020-01-20", "edited", "three-&gt;four"],
        ["2", "2021-03-01", "edited", "three-&gt;four"],
        ["3", "2021-03-01", "verbatim", ""],
    ]
    assert sorted(made.files) == [
        "articles/article-00001.html",
        "articles/article-00002.html",
        "articles/article-00003.html",
        "families/family-0.html",
        "families/index.html",
        "pairs/pair-1.html",
        "pairs/pair-2.html",
        "pairs/pair-3.html",
    ]


@pytest.fixture(scope="module")
def family_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("families")
    return run_report(family_corpus(), out, steps=[corpus_step, reuse_step], progress=False)


def test_the_report_lists_the_largest_families_and_says_how_many(family_report):
    out = family_report.out_dir
    families = pd.read_parquet(out / "tables" / "reuse_families.parquet")
    assert len(families) == 24 and MAX_FAMILIES_LISTED == 20
    page = (out / "report.html").read_text(encoding="utf-8")
    assert (
        "showing 20 of 24 families, largest first (articles, then words); each page lists every "
        "reuse and links to both articles and the side-by-side view; every family: "
        "<a href='families/index.html'>index of pages</a>, <a href='#reuse-families'>table</a>, "
        "<a href='tables/reuse_families.csv'>CSV</a>"
    ) in page
    listed = [int(n) for n in re.findall(r"<li id='family-(\d+)'>", page)]
    by_size = families.sort_values(
        ["n_articles", "n_words", "family_id"], ascending=[False, False, True]
    )
    assert listed == by_size["family_id"].head(20).tolist()
    # Background k has 30 + k words and 2 + k % 4 copies: 5 copies of 53 words come first.
    sizes = by_size.set_index("family_id").loc[listed, ["n_articles", "n_words"]]
    assert sizes.head(7).values.tolist() == [
        [5, 53], [5, 49], [5, 45], [5, 41], [5, 37], [5, 33], [4, 52],
    ]  # fmt: skip
    # Every family has its page, the 4 not listed too, and the index lists all 24 by size.
    assert sorted(p.name for p in (out / "families").iterdir()) == sorted(
        ["index.html", *(f"family-{n}.html" for n in families["family_id"])]
    )
    index = (out / "families" / "index.html").read_text(encoding="utf-8")
    assert [int(n) for n in re.findall(r"<td><a href='family-(\d+)\.html'>", index)] == (
        by_size["family_id"].tolist()
    )
    assert "<h1 id='index'>Every boilerplate family: 24</h1>" in index


def test_the_first_screen_names_the_largest_family_with_its_page(family_report):
    out = family_report.out_dir
    page = (out / "report.html").read_text(encoding="utf-8")
    families = pd.read_parquet(out / "tables" / "reuse_families.parquet")
    largest = families.sort_values(["n_articles", "n_words"], ascending=False).iloc[0]
    corpus = load_corpus(family_corpus())
    first_words = " ".join(
        corpus.text(largest.origin_id)[largest.origin_start : largest.origin_end].split()[:5]
    )
    box = page[page.index("<div class='headline' id='summary'>") : page.index("<h2 id='corpus'>")]
    assert (
        f"<strong>Largest boilerplate family</strong>: <a href='families/family-"
        f"{largest.family_id}.html'>family {largest.family_id}</a>, in 5 articles (7 passage(s), "
        f"53 words; verbatim), first in <a href='articles/"
    ) in box
    assert f"&ldquo;{first_words} " in box
    assert "<a href='#reuse-family-list'>The 20 largest of 24 families</a>." in box
    # Nearest links: the origin and the nearest earlier copy for each of the 4 later copies.
    # Before the first section: on the first screen.
    assert page.index("Largest boilerplate family") < page.index("<h2 id='corpus'>")
    family_page = (out / f"families/family-{largest.family_id}.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<tr id='reuse-\d+'>", family_page)) == 7


def test_every_link_of_every_page_resolves(family_report):
    out = family_report.out_dir
    assert len(list(out.rglob("*.html"))) > 1 + 24 + 1
    assert broken_links(out) == []


def test_pages_escape_ids_and_texts(tmp_path):
    payload = "<script>alert(1)</script>"
    frame = pd.DataFrame(
        [
            {
                "id": f"{n}{payload}",
                "date": f"2021-01-0{n + 1}",
                "author": "<b>A&B</b>",
                "title": "<img src=x onerror=alert(2)>",
                "text": f"Lead {n} of its own, {'first' if n else 'second'} story.\n\n"
                "The ferry <svg onload=alert(3)> runs three times a day between the port and "
                "the islands, and the company plans a second line soon.",
            }
            for n in range(2)
        ]
    )
    result = run_report(frame, tmp_path / "out", steps=[corpus_step, reuse_step], progress=False)
    pages = sorted(p for p in result.out_dir.rglob("*.html") if p.name != "report.html")
    assert [p.relative_to(result.out_dir).as_posix() for p in pages] == [
        "articles/article-00001.html",
        "articles/article-00002.html",
        "families/family-0.html",
        "families/index.html",
        "pairs/pair-1.html",
    ]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for raw in (payload, "<b>A&B</b>", "<img src=x", "<svg onload"):
            assert raw not in text, (path, raw)
    assert "0&lt;script&gt;alert(1)&lt;/script&gt;" in (pages[0]).read_text(encoding="utf-8")
    assert broken_links(result.out_dir) == []


def test_no_family_says_so_on_the_first_screen(tmp_path):
    frame = pd.DataFrame(
        {"id": ["a", "b"], "date": ["2021-01-01", "2021-01-02"],
         "text": ["The harbour opened on Monday.", "Snow fell in the hills overnight."]}
    )  # fmt: skip
    result = run_report(frame, tmp_path / "out", steps=[corpus_step, reuse_step], progress=False)
    page = (result.out_dir / "report.html").read_text(encoding="utf-8")
    assert "<p>No boilerplate family: no article recycles text from an earlier one.</p>" in page
    assert "reuse-family-list" not in page
    assert not (result.out_dir / "families").exists()
