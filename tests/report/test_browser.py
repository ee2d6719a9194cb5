"""report.html in a real browser (headless Chromium): its tables sort and search, its links
resolve (family pages, pair pages, article pages and their anchors), and the largest boilerplate
family is on the first screen.

Three reports: the seeds, 60 constructed wire stories, and the first 500 stories of Reuters-21578
(when ``../shared`` holds it; skipped otherwise). The Reuters report runs the corpus, reuse and
chronology steps only: the sources step (the spaCy parse) adds a minute and no page or link.
Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). Where they are
missing the tests are skipped, unless ``ANALYSIS_REQUIRE_BROWSER=1`` (set by ``.ci/run``) says a
missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus.reuters import read_reuters
from analysis.paths import SEEDS_DIR, SHARED_DATA_DIR
from analysis.report.pipeline import run_report
from analysis.report.steps import chronology_step, corpus_step, reuse_step

REUTERS = SHARED_DATA_DIR / "reuters21578"
WINDOW_HEIGHT = 900

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("ANALYSIS_REQUIRE_BROWSER") == "1":
        raise RuntimeError("headless Chromium and chromedriver are required here but not found")
    pytest.skip("headless Chromium and chromedriver are not installed", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def wire_corpus(n: int = 60) -> pd.DataFrame:
    """``n`` short wire stories: each repeats one of three background paragraphs (so the reuse
    tables have many rows) after a lead of its own."""
    seeds = load_corpus(SEEDS_DIR)
    background = seeds.paragraphs["text"].tolist()[7:10]
    rows = []
    for number in range(n):
        lead = (
            f"Officials in city number {number} said on Monday that talks on the harbour project "
            f"would resume, the {number}th such meeting this year, with {number + 3} delegations."
        )
        rows.append(
            {
                "id": f"story-{number:03d}",
                "date": f"2022-{1 + number % 12:02d}-{1 + number % 27:02d}",
                "author": f"Desk {number % 5}",
                "text": lead + "\n\n" + background[number % 3],
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    size = f"--window-size=1200,{WINDOW_HEIGHT}"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", size):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


class Report(NamedTuple):
    out: Path
    #: An article id to search the articles table for (it matches that one row).
    search: str


@pytest.fixture(scope="module", params=["seeds", "wire", "reuters500"])
def report(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"browser-{request.param}")
    if request.param == "reuters500":
        if not REUTERS.is_dir():
            pytest.skip(f"Reuters-21578 is not in {REUTERS}")
        steps = [corpus_step, reuse_step, chronology_step]
        run_report(read_reuters(REUTERS).head(500), out, steps=steps, progress=False)
        return Report(out, "reuters-00007")
    source = SEEDS_DIR if request.param == "seeds" else wire_corpus()
    run_report(source, out, progress=False)
    return Report(out, "story-007")


def open_report(browser, report: Report) -> None:
    browser.get((report.out / "report.html").as_uri())
    WebDriverWait(browser, 30).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.dataTable"))
    )


def column_values(browser, table_id: str, column: str) -> list[str]:
    table = browser.find_element(By.ID, table_id)
    headers = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    index = headers.index(column) + 1
    cells = table.find_elements(By.CSS_SELECTOR, f"tbody tr td:nth-child({index})")
    return [cell.text for cell in cells]


def test_every_shown_table_is_interactive(browser, report):
    open_report(browser, report)
    tables = browser.find_elements(By.CSS_SELECTOR, "table.dataTable")
    ids = sorted(t.get_attribute("id") for t in tables)
    assert "table-reuse-passages" in ids and "table-corpus-articles" in ids
    assert not browser.find_elements(By.XPATH, "//*[contains(text(), 'Loading ITables')]")


def test_a_table_sorts_on_a_header_click(browser, report):
    open_report(browser, report)
    before = column_values(browser, "table-corpus-articles", "words")
    header = browser.find_element(
        By.XPATH, "//table[@id='table-corpus-articles']//thead//th[normalize-space()='words']"
    )
    sort_button = header.find_element(By.CSS_SELECTOR, ".dt-column-order")
    orders = []
    for expected in ("ascending", "descending"):
        sort_button.click()
        WebDriverWait(browser, 10).until(
            lambda b, order=expected: header.get_attribute("aria-sort") == order
        )
        orders.append(column_values(browser, "table-corpus-articles", "words"))
    ascending, descending = orders
    # The page shows the first rows of the whole table in the new order.
    ascending, descending = [int(v) for v in ascending], [int(v) for v in descending]
    assert ascending == sorted(ascending) and ascending[0] <= min(int(v) for v in before)
    assert descending == sorted(descending, reverse=True)
    assert descending[0] >= max(int(v) for v in before)


def test_search_filters_rows(browser, report):
    open_report(browser, report)
    container = browser.find_element(By.ID, "table-corpus-articles").find_element(
        By.XPATH, "./ancestor::div[contains(@class, 'dt-container')]"
    )
    search = container.find_elements(By.CSS_SELECTOR, "input[type='search']")
    if not search:  # a table that fits one page has no search box
        assert len(column_values(browser, "table-corpus-articles", "words")) <= 10
        return
    search[0].send_keys(report.search)
    WebDriverWait(browser, 10).until(
        lambda b: column_values(b, "table-corpus-articles", "article_id") == [report.search]
    )


def test_links_resolve(browser, report):
    open_report(browser, report)
    anchors = browser.find_elements(By.CSS_SELECTOR, "a[href]")
    targets = [a.get_attribute("href") for a in anchors]
    files = [t for t in targets if t.startswith("file://")]
    assert any(t.endswith("tables/reuse_passages.csv") for t in files)
    for target in files:
        path, _, fragment = target.removeprefix("file://").partition("#")
        assert Path(path).exists(), target
        if fragment:
            assert browser.find_elements(By.ID, fragment), target


def page_links(browser, page: Path) -> list[str]:
    """The links of ``page`` as the browser resolves them, read in one script (report.html's
    tables redraw themselves once loaded, which would make elements found before stale)."""
    browser.get(page.as_uri())
    if page.name == "report.html":
        WebDriverWait(browser, 30).until(
            expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.dataTable"))
        )
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('a[href]'), a => a.href);"
    )


def test_family_links_resolve_on_every_page_they_reach(browser, report):
    """From report.html to each family page, and from there to every pair and article page:
    each link names a file in the folder, and each anchor exists in its page."""
    out = report.out.resolve()
    families = sorted((out / "families").glob("family-*.html"))
    assert families, "the report lists at least one family"
    seen: dict[Path, set[str]] = {}
    to_visit, visited, broken = [out / "report.html"], set(), []
    while to_visit:
        page = to_visit.pop()
        if page in visited:
            continue
        visited.add(page)
        for href in page_links(browser, page):
            parts = urlsplit(href)
            if parts.scheme != "file":
                assert parts.netloc == "itables.org" and page.name == "report.html", href
                continue
            target = Path(unquote(parts.path))
            if not target.is_file() or out not in target.parents:
                broken.append(f"{page.relative_to(out)} -> {href}")
                continue
            if target.suffix == ".html" and target.parent.name in {"families", "pairs", "articles"}:
                to_visit.append(target)
            if parts.fragment:
                seen.setdefault(target, set()).add(parts.fragment)
    assert broken == []
    for page, fragments in seen.items():
        browser.get(page.as_uri())
        for fragment in sorted(fragments):
            # A loaded machine may still be building the page: wait for it, up to 20 s.
            try:
                WebDriverWait(browser, 20).until(lambda b, f=fragment: b.find_elements(By.ID, f))
            except TimeoutException:
                pytest.fail(f"no element with id {fragment!r} in {page.relative_to(out)}")
    reached = {p.relative_to(out).parts[0] for p in visited if p.parent != out}
    assert reached == {"families", "pairs", "articles"}
    assert set(families) <= visited


def test_the_largest_family_is_on_the_first_screen(browser, report):
    open_report(browser, report)
    headline = browser.find_element(By.CSS_SELECTOR, "#summary strong")
    assert headline.text == "Largest boilerplate family"
    link = browser.find_element(By.CSS_SELECTOR, "#summary a[href^='families/']")
    assert link.rect["y"] + link.rect["height"] <= WINDOW_HEIGHT
    name = link.text  # "family 61"
    link.click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "h1#family"))
    title = browser.find_element(By.CSS_SELECTOR, "h1#family").text
    assert title.startswith(f"Boilerplate {name}: ")
    families = pd.read_parquet(report.out / "tables" / "reuse_families.parquet")
    largest = families.sort_values(
        ["n_articles", "n_words", "family_id"], ascending=[False, False, True]
    ).iloc[0]
    assert title == (
        f"Boilerplate family {largest.family_id}: {largest.n_articles} articles, "
        f"{largest.n_words} words"
    )
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[id^='reuse-']")
    assert len(rows) == largest.n_passages
