"""Tests for the Reuters-21578 SGML reader, on tiny SGML files the tests write."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.corpus.reuters import read_reuters
from analysis.paths import SHARED_DATA_DIR

STORIES = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="12">
<DATE> 3-MAR-1987 09:15:20.11</DATE>
<TEXT>&#2;
<TITLE>PORT OPENS</TITLE>
<AUTHOR>    By Ann Writer, Reuters</AUTHOR>
<DATELINE>    LONDON, March 3 - </DATELINE><BODY>The port said it will open a new
quay &amp; a crane &lt;park&gt; next year.
    It said the quay cost 12 mln stg.
    Shr 10 cts vs 8 cts
    Net 1.2 mln vs 900,000
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="13">
<DATE>3-MAR-1987 09:16:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>BRIEF ONLY</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="14">
<DATE>3-MAR-1987 09:17:00.00</DATE>
<TEXT><BODY> Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "reut2-000.sgm").write_bytes(STORIES.encode("latin-1"))
    (tmp_path / "reut2-001.sgm").write_bytes(
        b'<REUTERS NEWID="2"><DATE>1-FEB-1987 10:00:00.00</DATE><TEXT><BODY>Caf\xe9 prices rose.'
        b"\n Reuter\n&#3;</BODY></TEXT></REUTERS>"
    )
    return tmp_path


def test_bodies_become_paragraphs_joined_by_blank_lines(folder):
    frame = read_reuters(folder)
    assert frame.columns.tolist() == ["id", "date", "author", "outlet", "text"]
    assert frame["outlet"].tolist() == ["Reuters"] * len(frame)
    assert frame["id"].tolist() == ["reuters-00002", "reuters-00012"]
    story = frame.iloc[1]
    assert story["date"] == "1987-03-03 09:15:20"
    assert story["author"] == "Ann Writer"
    assert story["text"] == (
        "The port said it will open a new\nquay & a crane <park> next year.\n\n"
        "It said the quay cost 12 mln stg.\n\nShr 10 cts vs 8 cts\n\nNet 1.2 mln vs 900,000"
    )
    assert frame.iloc[0]["text"] == "Café prices rose."
    assert pd.isna(frame.iloc[0]["author"])


def test_stories_without_body_are_counted_not_dropped_silently(folder):
    skipped = read_reuters(folder).attrs["skipped"]
    assert skipped.to_records(index=False).tolist() == [
        ("reuters-00013", "no BODY"),
        ("reuters-00014", "empty BODY"),
    ]


def test_frame_loads_as_a_corpus(folder):
    corpus = analysis.load_corpus(read_reuters(folder))
    assert len(corpus) == 2
    assert corpus.articles.loc["reuters-00012", "date"].strftime("%Y-%m-%d") == "1987-03-03"
    assert corpus.paragraphs.groupby("article_id").size().to_dict() == {
        "reuters-00002": 1,
        "reuters-00012": 4,
    }


def test_a_folder_without_sgml_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="no reut2"):
        read_reuters(tmp_path)


def test_unreadable_dates_are_reported(tmp_path):
    (tmp_path / "reut2-000.sgm").write_text(
        '<REUTERS NEWID="5"><DATE>soon</DATE><TEXT><BODY>Text.</BODY></TEXT></REUTERS>',
        encoding="latin-1",
    )
    frame = read_reuters(tmp_path)
    assert frame.empty
    assert frame.attrs["skipped"]["reason"].tolist() == ["unreadable DATE"]


@pytest.mark.skipif(
    not (SHARED_DATA_DIR / "reuters21578").is_dir(), reason="Reuters-21578 is not available"
)
def test_the_real_collection_counts():
    frame = read_reuters(SHARED_DATA_DIR / "reuters21578")
    assert len(frame) == 19043
    assert len(frame.attrs["skipped"]) == 21578 - 19043


def test_an_impossible_clock_time_is_left_out_and_listed(tmp_path):
    story = (
        '<REUTERS NEWID="20"><DATE>31-MAR-1987 605:12:19.12</DATE><TEXT><BODY>Cocoa rose.\n'
        " Reuter\n&#3;</BODY></TEXT></REUTERS>\n"
    )
    (tmp_path / "reut2-000.sgm").write_text(story, encoding="latin-1")
    frame = read_reuters(tmp_path)
    assert frame[["id", "date"]].values.tolist() == [["reuters-00020", "1987-03-31"]]
    assert frame.attrs["repairs"].values.tolist() == [
        ["reuters-00020", "impossible time '605:12:19' left out; the date is kept"]
    ]
    assert len(analysis.load_corpus(frame)) == 1


def test_load_corpus_reads_sgml_files_and_names_each_story_it_cannot_keep(folder):
    corpus = analysis.load_corpus(folder, errors="collect")
    from_frame = analysis.load_corpus(read_reuters(folder))
    # In file order (reut2-000.sgm first); the same articles as read_reuters gives, in id order.
    assert corpus.articles.index.tolist() == ["reuters-00012", "reuters-00002"]
    assert corpus.articles["text"].sort_index().equals(from_frame.articles["text"].sort_index())
    assert corpus.articles["outlet"].tolist() == ["Reuters", "Reuters"]
    assert corpus.articles["path"].map(lambda p: Path(p).name).tolist() == [
        "reut2-000.sgm",
        "reut2-001.sgm",
    ]
    assert corpus.problems.assign(path=corpus.problems["path"].map(lambda p: Path(p).name)).to_dict(
        "records"
    ) == [
        {
            "path": "reut2-000.sgm",
            "line": 15,
            "reason": "story reuters-00013: no BODY; expected a <REUTERS> story with a <DATE> "
            "and a <BODY>",
        },
        {
            "path": "reut2-000.sgm",
            "line": 21,
            "reason": "story reuters-00014: empty BODY; expected a <REUTERS> story with a <DATE> "
            "and a <BODY>",
        },
    ]


def test_a_glob_of_sgml_files_loads_and_raise_mode_stops_at_the_first_briefing(folder):
    corpus = analysis.load_corpus(str(folder / "reut2-001.sgm"))
    assert corpus.articles.index.tolist() == ["reuters-00002"]
    with pytest.raises(
        analysis.ArticleFormatError, match=r"reut2-000\.sgm, line 15: story reuters-00013: no BODY"
    ):
        analysis.load_corpus(str(folder / "reut2-*.sgm"))
