"""Header lines and date cells as outlets and tables write them, and every way they go wrong."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis import ArticleFormatError, load_corpus
from analysis.corpus.headers import parse_date_cell, parse_header, zone_info

BODY = "First paragraph of the story.\n\nSecond paragraph, with more."


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


@pytest.mark.parametrize(
    ("header", "published", "author", "body"),
    [
        (" date 2022-05-21 21 May 2022 11:31 (UTC+04:00)", utc("2022-05-21 07:31"), None, None),
        (
            " date 2022-05-21 Saturday, May 21, 2022 11:31:05 GMT By Trend",
            utc("2022-05-21 11:31:05"),
            "Trend",
            None,
        ),
        (" date 2022-05-21 By Jane Roe 11:31 EST", utc("2022-05-21 16:31"), "Jane Roe", None),
        (" date 2022-05-21 21.05.2022 11:31 +0400 By X", utc("2022-05-21 07:31"), "X", None),
        (" date 2022-05-21 05/21/2022 9:05 pm", utc("2022-05-21 21:05"), None, None),
        (" date 2022-05-21 12:10 a.m. UTC", utc("2022-05-21 00:10"), None, None),
        (" date 2022-05-21T11:31:00+04:00 By X", utc("2022-05-21 07:31"), "X", None),
        (" date 2022-05-21T11:31:00.25Z", utc("2022-05-21 11:31:00.25"), None, None),
        (" date 2022-05-21 11:31 AZT", utc("2022-05-21 07:31"), None, None),
        (" date 2022-05-21 11:31 GMT-5", utc("2022-05-21 16:31"), None, None),
        (" date 2022-05-21 By staff writer", None, "staff writer", None),
        (
            " date 2022-05-21 21 May 2022 11:31 (UTC+04:00) Defence ministers met in Baku.",
            utc("2022-05-21 07:31"),
            None,
            "Defence ministers met in Baku.",
        ),
        (
            " date 2022-05-21 By Azernews Defence Minister Zakir Hasanov has said",
            None,
            "Azernews",
            "Defence Minister Zakir Hasanov has said",
        ),
        (
            " date 2022-05-21 By Jane Roe  The minister said.",
            None,
            "Jane Roe",
            "The minister said.",
        ),
        (" date 2022-05-21 By Jane Roe | Talks end.", None, "Jane Roe", "Talks end."),
        (
            " date 2022-05-21 11:31 NATO said on Friday",
            utc("2022-05-21 11:31"),
            None,
            "NATO said on Friday",
        ),
        (" date 2022-05-21 -5 degrees in Baku", None, None, "-5 degrees in Baku"),
        (" date 2022-05-21 May 21 talks end", None, None, "May 21 talks end"),
    ],
    ids=[
        "written-time-paren-offset",
        "weekday-seconds-gmt-byline",
        "byline-first",
        "dotted-date",
        "slash-date-pm",
        "midnight-am",
        "iso-t-offset",
        "iso-t-zulu-fraction",
        "abbreviation",
        "gmt-hours",
        "lowercase-byline",
        "body-after-zone",
        "body-after-outlet",
        "two-spaces",
        "bar",
        "acronym-is-body",
        "minus-is-body",
        "no-year-is-body",
    ],
)
def test_header_parts_in_any_order(header, published, author, body):
    parsed = parse_header(header, path="a.txt", line_number=1)
    assert parsed.date == pd.Timestamp("2022-05-21")
    assert parsed.published == published
    assert parsed.author == author
    assert parsed.body == body


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (
            " date 2022-05-21 22 May 2022",
            "the date written out, '22 May 2022', is 2022-05-22, not the header's 2022-05-21; "
            "expected the same day",
        ),
        (
            " date 2022-05-21 05/22/2022",
            "the date written out, '05/22/2022', is 2022-05-22, not the header's 2022-05-21; "
            "expected the same day",
        ),
        (
            " date 2022-05-21 Friday, 21 May 2022",
            "the weekday written out, 'Friday', is not the weekday of 2022-05-21 (Saturday); "
            "expected the same day",
        ),
        (
            " date 2022-05-21 32 May 2022",
            "impossible date written out, '32 May 2022'; expected the header's date",
        ),
        (
            " date 2022-05-21 11:31 QQT",
            "unknown time zone 'QQT' in the header; expected an offset such as UTC+04:00 or one "
            "of analysis.lexicon.zones.ZONE_OFFSETS",
        ),
        (
            " date 2022-05-21 13:05 pm",
            "impossible time in 'date 2022-05-21 13:05 pm'; expected HH:MM[:SS] within a day",
        ),
        (
            " date 2022-05-21 25:99",
            "impossible time in 'date 2022-05-21 25:99'; expected HH:MM[:SS] within a day",
        ),
        (
            " date 2022-05-21 11:31 +15:00",
            "impossible UTC offset '+15:00'; expected an offset within UTC-14:00 to UTC+14:00",
        ),
        (
            " date 2022-05-21 By Jane Roe The minister said it was planned.",
            "cannot tell where the byline 'By Jane Roe The minister said it was planned.' ends and "
            "the text begins; expected the body on its own line, or two spaces or ' | ' after "
            "the name",
        ),
        (
            " date 2022-02-30 By X",
            "impossible date '2022-02-30' (day is out of range for month); expected YYYY-MM-DD",
        ),
        (
            "date: 2022-05-21",
            "expected a header ' date YYYY-MM-DD [date written out] [HH:MM[:SS] [ZONE]] "
            "[By AUTHOR]', found 'date: 2022-05-21'",
        ),
    ],
    ids=[
        "other-day",
        "other-day-slash",
        "other-weekday",
        "impossible-written",
        "unknown-zone",
        "pm-13",
        "25:99",
        "offset-15",
        "ambiguous-byline",
        "feb-30",
        "not-a-header",
    ],
)
def test_header_errors(header, reason):
    with pytest.raises(ArticleFormatError) as info:
        parse_header(header, path="a.txt", line_number=3)
    assert (info.value.path, info.value.line, info.value.reason) == ("a.txt", 3, reason)


def test_contradicting_header_is_a_problem_row_and_the_rest_loads(tmp_path):
    (tmp_path / "good.txt").write_text(" date 2022-05-21 21 May 2022\n\n" + BODY)
    (tmp_path / "bad.txt").write_text("\n date 2022-05-21 20 May 2022 10:00\n\n" + BODY)
    corpus = load_corpus(tmp_path, errors="collect")
    assert list(corpus.articles.index) == ["good"]
    assert corpus.problems.to_dict("records") == [
        {
            "path": str(tmp_path / "bad.txt"),
            "line": 2,
            "reason": "the date written out, '20 May 2022', is 2022-05-20, not the header's "
            "2022-05-21; expected the same day",
        }
    ]


def test_published_column_is_utc_and_date_stays_the_calendar_day(tmp_path):
    (tmp_path / "late.txt").write_text(" date 2022-05-21 23:30 (UTC-05:00)\n\n" + BODY)
    (tmp_path / "plain.txt").write_text(" date 2022-05-21\n\n" + BODY)
    arts = load_corpus(tmp_path).articles
    assert str(arts["published"].dtype) == "datetime64[ns, UTC]"
    assert arts.loc["late", "published"] == utc("2022-05-22 04:30")
    assert arts.loc["late", "date"] == pd.Timestamp("2022-05-21")
    assert pd.isna(arts.loc["plain", "published"])


def test_body_on_the_header_line_continues_on_the_next(tmp_path):
    (tmp_path / "a.txt").write_text(
        " date 2022-05-21 11:31 (UTC+04:00) Defence ministers met\nin Baku.\n\nSecond paragraph.\n"
    )
    corpus = load_corpus(tmp_path)
    assert (
        corpus.articles.loc["a", "text"] == "Defence ministers met\nin Baku.\n\nSecond paragraph."
    )
    assert corpus.paragraphs.text.tolist() == [
        "Defence ministers met\nin Baku.",
        "Second paragraph.",
    ]


def test_zone_for_times_written_without_one(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2022-05-21 11:31\n\n" + BODY)
    baku = load_corpus(tmp_path, zone="Asia/Baku").articles.loc["a", "published"]
    assert baku == utc("2022-05-21 07:31")
    assert load_corpus(tmp_path).articles.loc["a", "published"] == utc("2022-05-21 11:31")
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        load_corpus(tmp_path, zone="Mars/Olympus")


@pytest.mark.parametrize(
    ("value", "day", "published"),
    [
        ("2021-07-15", "2021-07-15", None),
        ("2021-07-15T10:30:00Z", "2021-07-15", utc("2021-07-15 10:30")),
        ("2021-07-15 10:30 EST", "2021-07-15", utc("2021-07-15 15:30")),
        ("2021-07-15 10:30 (UTC+04:00)", "2021-07-15", utc("2021-07-15 06:30")),
        ("2021-07-15 10:30", "2021-07-15", utc("2021-07-15 10:30")),
        ("2021-07-15 10:30 pm", "2021-07-15", utc("2021-07-15 22:30")),
        (pd.Timestamp("2021-07-15 23:30", tz="Asia/Baku"), "2021-07-15", utc("2021-07-15 19:30")),
        (pd.Timestamp("2021-07-15"), "2021-07-15", None),
        (dt.date(2021, 7, 15), "2021-07-15", None),
        (dt.datetime(2021, 7, 15, 8, 0), "2021-07-15", utc("2021-07-15 08:00")),
    ],
)
def test_date_cells(value, day, published):
    assert parse_date_cell(value, path="t.csv", line=2) == (pd.Timestamp(day), published)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (
            "2021-07-15 garbage",
            "expected a publication date YYYY-MM-DD, found '2021-07-15 garbage'",
        ),
        (
            "2021-07-15 10:30 QQT",
            "unknown time zone 'QQT' in '2021-07-15 10:30 QQT'; expected an offset such as "
            "+04:00 or one of analysis.lexicon.zones.ZONE_OFFSETS",
        ),
        (
            "2021-07-15 24:00",
            "impossible time in '2021-07-15 24:00'; expected HH:MM[:SS] within a day",
        ),
        (["2021-07-15"], "expected a publication date YYYY-MM-DD, found ['2021-07-15']"),
        (
            "3021-07-15",
            "publication date 3021-07-15 is outside the years 1678-2261 a corpus can hold; "
            "expected a real publication date (a typo in the year?)",
        ),
    ],
)
def test_date_cell_errors(value, reason):
    with pytest.raises(ArticleFormatError) as info:
        parse_date_cell(value, path="t.csv", line=2)
    assert (info.value.path, info.value.line, info.value.reason) == ("t.csv", 2, reason)


@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("UTC", dt.timedelta(0)),
        ("est", dt.timedelta(hours=-5)),
        ("+04:00", dt.timedelta(hours=4)),
        ("UTC+5:30", dt.timedelta(hours=5, minutes=30)),
        ("Asia/Baku", dt.timedelta(hours=4)),
    ],
)
def test_zone_info(zone, offset):
    assert zone_info(zone).utcoffset(dt.datetime(2022, 1, 10)) == offset


@pytest.mark.parametrize("zone", ["", "Mars/Olympus", "+4", "UTC+15"])
def test_zone_info_refuses(zone):
    with pytest.raises(ValueError):
        zone_info(zone)
