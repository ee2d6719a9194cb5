"""Templates: a frame repeated with other figures (kind ``template``), and template families."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.reuse import find_reuse
from analysis.reuse.templates import _has_slot, frame_key

FRAME = (
    "Qtr ended March 31\n\nShr {0} cts vs {1} cts\n\nNet {2} vs {3}\n\n"
    "Revs {4} mln vs {5} mln\n\nNine months shr {6} dlrs vs {7} dlrs"
)
FIGURES = [
    ("30", "25", "1,234,000", "987,000", "99.3", "89.4", "1.10", "0.95"),
    ("12", "14", "456,000", "512,000", "21.7", "22.9", "0.40", "0.51"),
    ("8", "5", "201,000", "117,000", "9.8", "7.1", "0.22", "0.18"),
]


def corpus_of(*texts: str) -> analysis.Corpus:
    frame = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(len(texts))],
            "date": [f"2021-04-{i + 1:02d}" for i in range(len(texts))],
            "author": "Desk",
            "text": list(texts),
        }
    )
    return analysis.load_corpus(frame)


def reports(*names: str) -> list[str]:
    return [
        f"{name} reports first quarter\n\n" + FRAME.format(*f)
        for name, f in zip(names, FIGURES, strict=False)
    ]


def test_one_frame_with_other_figures_is_a_template_with_its_slots():
    corpus = corpus_of(*reports("Acme Corp", "Bolt Inc"))
    reuse = find_reuse(corpus)
    assert reuse["kind"].tolist() == ["template"]
    row = reuse.iloc[0]
    text = corpus.text("t1")
    # The shared heading words join the frame; the company name stays out.
    assert text[row.target_start : row.target_end] == text[text.index("reports") :]
    assert row.edits == (
        "30->12; 25->14; 1,234,000->456,000; 987,000->512,000; 99.3->21.7; 89.4->22.9; "
        "1.10->0.40; 0.95->0.51"
    )
    assert row.n_words == len(analysis.word_spans(text[row.target_start : row.target_end]))


def test_template_family_chains_each_report_to_the_nearest_earlier_one():
    corpus = corpus_of(*reports("Acme Corp", "Bolt Inc", "Cask Ltd"))
    reuse = find_reuse(corpus)
    assert list(zip(reuse["source_id"], reuse["target_id"], strict=True)) == [
        ("t0", "t1"),
        ("t1", "t2"),
    ]
    families = analysis.boilerplate_families(corpus, reuse)
    assert families[["n_articles", "kinds"]].values.tolist() == [[3, "template"]]


def test_same_figures_are_verbatim_not_template_and_no_frame_no_template():
    same = "Acme Corp reports\n\n" + FRAME.format(*FIGURES[0])
    assert find_reuse(corpus_of(same, same))["kind"].tolist() == ["verbatim"]
    other = "The harbour opened a ferry line to the islands in the south on Monday morning."
    assert find_reuse(corpus_of(reports("Acme Corp")[0], other)).empty
    assert find_reuse(corpus_of(*reports("Acme Corp", "Bolt Inc")), template=False).empty


def test_frame_keys_and_slots():
    assert [frame_key(k) for k in ["net", "1,234,000", "vs", "0.95"]] == ["net", "#", "vs", "#"]
    assert _has_slot("30->12; Acme->Bolt")
    assert not _has_slot("Acme->Bolt; +new")
    assert not _has_slot("")


def test_template_option_is_validated():
    with pytest.raises(ValueError, match="template must be True or False"):
        find_reuse(corpus_of("a b c"), template=1)
