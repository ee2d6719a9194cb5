"""Templates: a frame repeated with other figures (kind ``template``), and template families."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.reuse import find_reuse
from analysis.reuse.templates import (
    _frame_passages,
    _FrameKeys,
    _has_slot,
    _words_outside,
    frame_key,
)

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


# Earnings tables of close but unequal frames (profit/loss, nil, Year/Nine mths, Revs/Sales):
# each frame n-gram of the last one links to another near holder, so no pair gathers anchors
# that chain; with template_close_frames the nearest candidates are aligned again on all the
# frame keys they share.
CLOSE_FRAMES = [
    "Shr profit nil vs loss nil\n\nNet profit 31,200 vs loss 198,400\n\nRevs 512,300 vs 7,100"
    "\n\nNine mths\n\nShr loss nil vs loss nil\n\nNet loss 397,500 vs loss 655,800\n\n"
    "Revs 941,000 vs 30,900",
    "Shr profit five cts vs loss 97 cts\n\nNet profit 561,000 vs loss 12.8 mln\n\n"
    "Revs 74.1 mln vs 38.2 mln\n\nAvg shrs 14.2 mln vs 13.4 mln\n\nYear\n\n"
    "Shr profit 33 cts vs profit 35 cts\n\nNet profit 4,870,000 vs profit 4,512,000\n\n"
    "Revs 215.3 mln vs 118.9 mln\n\nAvg shrs 14.1 mln vs 13.4 mln",
    "Shr loss 3.71 dlrs vs profit 36 cts\n\nNet loss 24,110,000 vs profit 2,402,000\n\n"
    "Sales 61.9 mln vs 66.0 mln\n\nYear\n\nShr loss 3.15 dlrs vs profit 1.30 dlrs\n\n"
    "Net loss 20,533,000 vs profit 8,467,000\n\nSales 266.4 mln vs 273.5 mln",
    "Shr loss 14 cts vs loss 12 cts\n\nNet loss 618,000 vs loss 441,000\n\n"
    "Revs 3,187,000 vs 2,702,000\n\nYear\n\nShr loss 18 cts vs loss 25 cts\n\n"
    "Net loss 786,000 vs loss 1,011,000\n\nRevs 11.3 mln vs 14.6 mln",
]


def test_close_frames_whose_ngrams_link_to_different_holders_are_still_templates():
    corpus = corpus_of(*CLOSE_FRAMES)
    assert find_reuse(corpus, paraphrase=False, rewrite=False).empty
    reuse = find_reuse(corpus, paraphrase=False, rewrite=False, template_close_frames=3)
    spans = [
        (
            row.source_id,
            row.target_id,
            corpus.text(row.source_id)[row.source_start : row.source_end],
            corpus.text(row.target_id)[row.target_start : row.target_end],
            row.kind,
            row.similarity,
        )
        for row in reuse.itertuples()
    ]
    assert spans == [
        (
            "t0",
            "t3",
            "Net loss 397,500 vs loss 655,800\n\nRevs 941,000 vs 30,900",
            "Net loss 618,000 vs loss 441,000\n\nRevs 3,187,000 vs 2,702,000",
            "template",
            1.0,
        ),
        (
            "t1",
            "t2",
            "vs profit 35 cts\n\nNet profit 4,870,000 vs profit 4,512,000"
            "\n\nRevs 215.3 mln vs 118.9 mln",
            "vs profit 36 cts\n\nNet loss 24,110,000 vs profit 2,402,000\n\n"
            "Sales 61.9 mln vs 66.0 mln",
            "template",
            0.875,
        ),
        (
            "t1",
            "t3",
            "cts vs loss 97 cts\n\nNet profit 561,000 vs loss 12.8 mln\n\n"
            "Revs 74.1 mln vs 38.2 mln",
            "cts vs loss 25 cts\n\nNet loss 786,000 vs loss 1,011,000\n\nRevs 11.3 mln vs 14.6 mln",
            "template",
            0.9143,
        ),
    ]
    assert reuse["edits"].tolist()[2] == (
        "97->25; profit->loss; 561,000->786,000; 12.8->1,011,000; -mln; 74.1->11.3; 38.2->14.6"
    )


def test_words_outside_taken_count_the_anchors_that_overlap_no_taken_span():
    spans = [(0, 3), (4, 7), (8, 11), (12, 15), (16, 19)]
    anchors = [(0, 0, 2), (5, 2, 3)]
    assert _words_outside(anchors, spans, []) == 5
    assert _words_outside(anchors, spans, [(5, 6)]) == 3
    assert _words_outside(anchors, spans, [(7, 8)]) == 5  # between two words: overlaps neither
    assert _words_outside(anchors, spans, [(0, 1), (18, 30)]) == 0
    assert _words_outside([], spans, [(0, 1)]) == 0
    with pytest.raises(IndexError):
        _words_outside([(0, 4, 2)], spans, [(0, 1)])


@pytest.mark.parametrize(
    ("taken", "skipped", "templates"),
    [([(0, 4)], False, 1), ([(0, 26)], True, 0), ([(0, 4), (150, 155)], True, 0)],
)
def test_a_pair_whose_anchors_outside_taken_spans_are_too_few_returns_what_align_returns(
    taken, skipped, templates
):
    from analysis.options import ReuseOptions
    from analysis.reuse.alignment import _anchors, align, prepare_text

    first, second = reports("Acme", "Bolt")
    texts = {"a": first, "b": second}
    prepared = {key: prepare_text(text) for key, text in texts.items()}
    frames = _FrameKeys(prepared)
    options = ReuseOptions(paraphrase=False)
    anchors = _anchors(frames["a"][1], frames["b"][1], options.k)
    # The frame is one run of frame keys after the company's name ("Bolt": target word 0).
    assert anchors == [(1, 1, 31)]
    assert (_words_outside(anchors, frames["b"][0], taken) < options.min_words) == skipped
    expected = [
        {**p, "kind": "template"}
        for p in align(first, second, frames["a"], frames["b"], anchors, options, taken=taken)
        if p["kind"] == "edited" and _has_slot(p["edits"])
    ]
    found = _frame_passages("b", [("a", anchors)], texts, frames, list(taken), options, full=False)
    assert [{k: v for k, v in p.items() if k not in ("source_id", "target_id")} for p in found] == (
        expected
    )
    assert len(found) == templates


NOTICE = (
    "The board of Harwell Mills declared a quarterly dividend of {0} cts a share, payable on "
    "May 2 to holders of record on April 12, and said it expects sales of about {1} mln dlrs "
    "in the current year, the company said in a statement released after the market closed."
)


@pytest.mark.parametrize(
    ("later", "kind", "edits"),
    [
        # Two figures and nothing else: the frame filled again.
        (NOTICE.format("24", "310"), "template", "18->24; 290->310"),
        # One figure: copied prose with a figure updated.
        (NOTICE.format("24", "290"), "edited", "18->24"),
        # Figures and a word: an edited copy.
        (NOTICE.format("24", "310").replace("expects", "forecasts"), "edited",
         "18->24; expects->forecasts; 290->310"),
    ],
)  # fmt: skip
def test_a_long_frame_the_aligner_finds_is_a_template_when_only_figures_change(later, kind, edits):
    corpus = corpus_of(
        "Harwell Mills reported.\n\n" + NOTICE.format("18", "290"),
        "Harwell Mills reported again.\n\n" + later,
    )
    found = find_reuse(corpus)
    assert list(found["kind"]) == [kind]
    assert list(found["edits"]) == [edits]
    # The passage is where the notice is, on both sides.
    assert corpus.text("t1")[found["target_start"][0] :].startswith("The board of Harwell Mills")
    # Without the template search, the aligner's passage keeps its kind.
    assert list(find_reuse(corpus, template=False)["kind"]) == ["edited"]
