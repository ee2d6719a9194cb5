"""Tests for the side-by-side view, the paragraph similarity matrix and the reuse figures."""

from __future__ import annotations

import html
import re

import matplotlib
import pandas as pd
import pytest

import analysis
from analysis import find_reuse
from analysis.paths import SEEDS_DIR
from analysis.views.reuse import paragraph_heatmap, reuse_share_chart
from analysis.views.sidebyside import (
    CELL_STYLE,
    DIFF_STYLE,
    SUP_STYLE,
    paragraph_similarity,
    side_by_side,
)

matplotlib.use("Agg")

OLD, NEW = "000_5b183b1fed710e9a", "001_80062493b65dd1fc"
SHARED = (
    "The <b>harbour</b> board & the city council agreed on Tuesday to rebuild the northern pier "
    "before the autumn storms reach the coast."
)


@pytest.fixture(scope="module")
def seeds():
    return analysis.load_corpus(SEEDS_DIR)


def corpus_of(first: str, second: str) -> analysis.Corpus:
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "date": ["2020-01-01", "2020-02-01"],
            "author": "Desk",
            "text": [first, second],
        }
    )
    return analysis.load_corpus(frame)


def visible_text(markup: str) -> str:
    return re.sub(r"<sup>\[\d+\]</sup>|<[^>]+>", "", markup)


def test_seed_view_marks_the_block_and_the_paraphrase(seeds):
    view = side_by_side(seeds, OLD, NEW, reuse=find_reuse(seeds))
    assert view.n_passages == 2
    assert view.html.count('title="2 verbatim, similarity 1.00"') == 8
    assert view.html.count('title="1 paraphrase, similarity 0.55"') == 2
    assert repr(view).startswith(f"<SideBySide {OLD} -> {NEW}: 2 passages")
    assert view._repr_html_() == str(view) == view.html


def test_article_text_is_escaped_and_edits_are_underlined():
    first = SHARED + " Officials said <script>alert(1)</script> nothing else."
    second = SHARED.replace("harbour", "harbor").replace("Tuesday", "Tuesday morning")
    corpus = corpus_of(first, second)
    view = side_by_side(corpus, "a", "b", reuse=find_reuse(corpus))
    assert "<script>" not in view.html and "<b>harbour" not in view.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.html
    assert "&lt;b&gt;" in view.html and "&amp; the city" in view.html
    assert f'<span class="diff" style="{DIFF_STYLE}">harbor</span>' in view.html
    assert f'<span class="diff" style="{DIFF_STYLE}">morning</span>' in view.html
    assert html.unescape(visible_text(view.html)).count("rebuild the northern pier") == 2


def test_unknown_articles_are_refused(seeds):
    with pytest.raises(KeyError, match="no article 'nope'"):
        side_by_side(seeds, OLD, "nope", reuse=find_reuse(seeds))
    with pytest.raises(KeyError, match="no article 'nope'"):
        paragraph_similarity(seeds, "nope", NEW)


def test_paragraph_similarity_of_the_seeds(seeds):
    sim = paragraph_similarity(seeds, OLD, NEW)
    assert sim.shape == (11, 11)
    assert [sim.loc[t, s] for t, s in [(4, 7), (5, 8), (6, 9), (7, 10)]] == [1.0] * 4
    assert sim.drop(index=[4, 5, 6, 7]).to_numpy().max() < 0.5
    assert ((sim >= 0) & (sim <= 1)).all().all()


def test_figures_have_the_expected_axes(seeds):
    heat = paragraph_heatmap(paragraph_similarity(seeds, OLD, NEW))
    assert heat.axes[0].get_ylabel() == "later article: paragraph"
    chart = reuse_share_chart(
        analysis.reuse_share(seeds, find_reuse(seeds)), labels={OLD: "2021", NEW: "2022"}
    )
    assert [t.get_text() for t in chart.axes[0].get_yticklabels()] == ["2021", "2022"]
    assert [t.get_text().strip() for t in chart.axes[0].texts] == ["0%", "56%"]


def test_figures_refuse_bad_tables():
    with pytest.raises(ValueError, match="empty"):
        paragraph_heatmap(pd.DataFrame())
    with pytest.raises(ValueError, match="missing column"):
        reuse_share_chart(pd.DataFrame({"reused_chars": [1]}))


def test_moved_paragraphs_share_a_row(seeds):
    view = side_by_side(seeds, OLD, NEW, reuse=find_reuse(seeds))
    rows = view.html.split("<tr>")[2:]
    cell = f'<td style="{CELL_STYLE}">'
    tag = f'<sup style="{SUP_STYLE}">[2]'
    marked = [(row.split(cell)[1].count(tag), row.split(cell)[2].count(tag)) for row in rows]
    assert marked.count((1, 1)) == 4
    assert (1, 0) not in marked and (0, 1) not in marked
    assert len(rows) == 14


def test_view_styles_hold_without_a_style_block(seeds):
    """An untrusted notebook drops <style>; every styled element carries its own style."""
    view = side_by_side(seeds, OLD, NEW, reuse=find_reuse(seeds))
    assert "<style" not in view.html
    assert view.html.count("<td") == view.html.count(f'<td style="{CELL_STYLE}"')
    assert view.html.count("<mark") == view.html.count('<mark style="padding:0 1px;')
    assert "text-align:left" in CELL_STYLE


def test_columns_are_headed_by_labels_with_the_id_below(seeds):
    view = side_by_side(seeds, OLD, NEW, reuse=find_reuse(seeds))
    heads = re.findall(r"<th [^>]*>(.*?)</th>", view.html)
    assert [visible_text(head.replace("<br>", " | ")) for head in heads] == [
        "2021-07-15 · Azernews: Defence Minister Zakir Hasanov has said … | " + OLD,
        "2022-04-12 · Vugar Khalilov: Azerbaijani Defence Minister Col-Gen Zakir Hasanov … | "
        + NEW,
    ]


def test_column_heads_escape_the_outlet_and_the_id():
    frame = pd.DataFrame(
        {
            "id": ["<a>", "b&c"],
            "date": ["2020-01-01", "2020-02-01"],
            "outlet": ["<i>Wire</i>", None],
            "text": [SHARED, SHARED],
        }
    )
    corpus = analysis.load_corpus(frame)
    view = side_by_side(corpus, "<a>", "b&c", reuse=find_reuse(corpus))
    assert "<i>Wire" not in view.html and "&lt;i&gt;Wire&lt;/i&gt;" in view.html
    assert ">&lt;a&gt;</span></th>" in view.html and ">b&amp;c</span></th>" in view.html


def test_given_labels_head_the_columns_escaped(seeds):
    reuse = find_reuse(seeds)
    labelled = side_by_side(seeds, OLD, NEW, reuse=reuse, labels={OLD: "old <1>", NEW: "new & 2"})
    heads = re.findall(r"<th [^>]*>(.*?)<br>", labelled.html)
    assert heads == ["old &lt;1&gt;", "new &amp; 2"]
    default = side_by_side(seeds, OLD, NEW, reuse=reuse)
    assert labelled.html.replace("old &lt;1&gt;", "").replace("new &amp; 2", "") == (
        re.sub(r"(<th [^>]*>)[^<]*(<br>)", r"\1\2", default.html)
    )


def test_passages_of_equal_target_start_keep_their_table_order(seeds):
    """Rows are numbered by target start, then source start; ties keep the table's order (the
    first of two passages on the same span is the one shaded)."""
    reuse = find_reuse(seeds)
    first = reuse[(reuse["source_id"] == OLD) & (reuse["target_id"] == NEW)].iloc[[0]]
    kind = first["kind"].iloc[0]
    for doubled, shown in (
        (pd.concat([first.assign(kind="template"), first]), "template"),
        (pd.concat([first, first.assign(kind="template")]), kind),
    ):
        view = side_by_side(seeds, OLD, NEW, reuse=doubled)
        assert view.n_passages == 2
        assert set(re.findall(r'title="(\d) (\w+),', view.html)) == {("1", shown)}
