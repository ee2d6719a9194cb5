"""Tests for the TimeML reader and the TempEval-3 Task A scorer, on tiny files written here."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import read_timeml, score_timexes
from analysis.chronology.tempeval import align_timexes
from analysis.paths import SHARED_DATA_DIR

DOC_A = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc_a</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-12" temporalFunction="false"
functionInDocument="CREATION_TIME">19980112</TIMEX3></DCT>
<TEXT>Sales <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE"
value="1997">last year</TIMEX3> &amp; rose on <TIMEX3 tid="t2" type="DATE"
value="1998-01-09">Friday</TIMEX3> in <TIMEX3 tid="t3" type="DATE"
value="1998">1998</TIMEX3>.</TEXT>
</TimeML>
"""

DOC_B = """<TimeML><DOCID>doc_b</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-01" functionInDocument="CREATION_TIME">x</TIMEX3>
</DCT><TEXT>It lasted <TIMEX3 tid="t1" type="DURATION" value="P2Y">two years</TIMEX3>.</TEXT>
</TimeML>"""


def frame(rows):
    return pd.DataFrame(rows, columns=["start", "end", "type", "value"])


@pytest.fixture
def doc_a(tmp_path):
    path = tmp_path / "doc_a.tml"
    path.write_text(DOC_A, encoding="utf-8")
    return read_timeml(path)


def test_reader_unescapes_text_and_keeps_offsets(doc_a):
    assert doc_a.doc_id == "doc_a"
    assert doc_a.dct == "1998-01-12"
    assert doc_a.text == "Sales fell last year & rose on Friday in 1998."
    assert doc_a.timexes.values.tolist() == [
        [11, 20, "last year", "DATE", "1997"],
        [31, 37, "Friday", "DATE", "1998-01-09"],
        [41, 45, "1998", "DATE", "1998"],
    ]


def test_reader_reads_strings_too():
    doc = read_timeml(DOC_B)
    assert (doc.doc_id, doc.dct, doc.text) == ("doc_b", "1998-02-01", "It lasted two years.")


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<TimeML><DCT></DCT></TimeML>", "no <TEXT>"),
        ("<TimeML><TEXT>x</TEXT></TimeML>", "no creation time"),
        ("<TimeML><TEXT>x</TimeML>", "not well-formed"),
    ],
)
def test_reader_rejects_bad_documents(xml, message):
    with pytest.raises(ValueError, match=message):
        read_timeml(xml)


def test_scores_by_hand(doc_a):
    system = frame(
        [
            (11, 20, "DATE", "1997"),  # strict, right type, right value
            (28, 37, "DATE", "1998-01-16"),  # relaxed only, right type, wrong value
            (41, 45, "DURATION", "1998"),  # strict, wrong type, right value
            (0, 5, "DATE", "X"),  # false alarm
        ]
    )
    scores = score_timexes(doc_a.timexes, system)
    # 4 system, 3 gold: strict 2 -> P 2/4, R 2/3; relaxed 3 -> P 3/4, R 3/3; type 2; value 2.
    assert scores["correct"].to_dict() == {"strict": 2, "relaxed": 3, "type": 2, "value": 2}
    assert scores.loc["strict", ["precision", "recall", "f1"]].tolist() == pytest.approx(
        [0.5, 2 / 3, 4 / 7]
    )
    assert scores.loc["relaxed", ["precision", "recall", "f1"]].tolist() == pytest.approx(
        [0.75, 1.0, 6 / 7]
    )
    assert scores.loc["value", "f1"] == pytest.approx(4 / 7)
    assert scores.loc["type", "f1"] == pytest.approx(4 / 7)


def test_scores_are_micro_averaged_over_documents(doc_a):
    doc_b = read_timeml(DOC_B)
    system = {
        "doc_a": frame(
            [
                (11, 20, "DATE", "1997"),
                (28, 37, "DATE", "1998-01-16"),
                (41, 45, "DURATION", "1998"),
                (0, 5, "DATE", "X"),
            ]
        ),  # fmt: skip
    }
    scores = score_timexes({"doc_a": doc_a.timexes, "doc_b": doc_b.timexes}, system)
    # doc_b untagged: 4 system, 4 gold.
    assert scores.loc["strict", ["precision", "recall", "f1"]].tolist() == pytest.approx(
        [0.5, 0.5, 0.5]
    )
    assert scores.loc["relaxed", "f1"] == pytest.approx(0.75)
    assert scores.loc["value", "f1"] == pytest.approx(0.5)
    assert scores.loc["value", ["system", "gold"]].tolist() == [4, 4]


def test_perfect_and_empty_systems(doc_a):
    perfect = score_timexes(doc_a.timexes, doc_a.timexes)
    assert perfect["f1"].tolist() == [1.0, 1.0, 1.0, 1.0]
    nothing = score_timexes(doc_a.timexes, frame([]))
    assert nothing["f1"].tolist() == [0.0, 0.0, 0.0, 0.0]


def test_values_compare_as_exact_strings():
    gold = frame([(0, 6, "DURATION", "P1Y")])
    assert score_timexes(gold, frame([(0, 6, "DURATION", "P12M")])).loc["value", "f1"] == 0.0


def test_alignment_is_one_to_one():
    gold = frame([(0, 10, "DATE", "a"), (12, 20, "DATE", "b")])
    system = frame([(5, 15, "DATE", "a")])
    assert align_timexes(gold, system) == [(0, 0, False)]
    assert score_timexes(gold, system)["correct"].to_dict() == {
        "strict": 0, "relaxed": 1, "type": 1, "value": 1
    }  # fmt: skip
    two_on_one = frame([(0, 4, "DATE", "a"), (5, 10, "DATE", "a")])
    assert score_timexes(frame([(0, 10, "DATE", "a")]), two_on_one).loc["relaxed", "correct"] == 1


def test_identical_extent_wins_over_larger_overlap():
    gold = frame([(0, 10, "DATE", "a"), (0, 4, "DATE", "b")])
    system = frame([(0, 4, "DATE", "b")])
    assert align_timexes(gold, system) == [(1, 0, True)]


@pytest.mark.parametrize(
    ("gold", "system", "error"),
    [
        (frame([]), [1, 2], TypeError),
        (frame([]), pd.DataFrame({"start": [0]}), ValueError),
        ({"a": frame([])}, {"b": frame([])}, ValueError),
    ],
)
def test_scorer_rejects_bad_inputs(gold, system, error):
    with pytest.raises(error):
        score_timexes(gold, system)


@pytest.mark.skipif(
    not (SHARED_DATA_DIR / "tempeval3-tbaq").is_dir(), reason="TBAQ data not available"
)
def test_tbaq_files_read_with_all_their_timexes():
    paths = sorted((SHARED_DATA_DIR / "tempeval3-tbaq").glob("*/*.tml"))
    docs = [read_timeml(p) for p in paths]
    assert len(docs) == 256
    assert sum(len(d.timexes) for d in docs) == 1822
    assert all(
        d.text[s:e] == t for d in docs for s, e, t in d.timexes[["start", "end", "text"]].values
    )
