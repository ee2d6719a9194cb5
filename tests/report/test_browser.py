"""report.html in a real browser (headless Chromium): its tables sort and search, its links resolve.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them). Where they are
missing the tests are skipped, unless ``ANALYSIS_REQUIRE_BROWSER=1`` (set by ``.ci/run``) says a
missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.paths import SEEDS_DIR
from analysis.report.pipeline import run_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    if os.environ.get("ANALYSIS_REQUIRE_BROWSER") == "1":
        raise RuntimeError("headless Chromium and chromedriver are required here but not found")
    pytest.skip("headless Chromium and chromedriver are not installed", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
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
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module", params=["seeds", "wire"])
def report(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"browser-{request.param}")
    source = SEEDS_DIR if request.param == "seeds" else wire_corpus()
    run_report(source, out, progress=False)
    return out


def open_report(browser, out: Path) -> None:
    browser.get((out / "report.html").as_uri())
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
    search[0].send_keys("story-007")
    WebDriverWait(browser, 10).until(
        lambda b: column_values(b, "table-corpus-articles", "article_id") == ["story-007"]
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
