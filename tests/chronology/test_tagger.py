"""Tests for the temporal tagger: exact values, tense, TimeML conventions, traps and the seeds."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis import extract_timexes, load_corpus
from analysis.chronology.tagger import TIMEX_COLUMNS, timex_granularity, timex_interval
from analysis.paths import SEEDS_DIR

SEED_2021 = "000_5b183b1fed710e9a"
SEED_2022 = "001_80062493b65dd1fc"


def tagged(text: str, dct: str) -> list[tuple[str, str, str]]:
    frame = extract_timexes(text, dct)
    assert all(
        text[s:e] == t for s, e, t in frame[["start", "end", "text"]].itertuples(index=False)
    )
    return [tuple(row) for row in frame[["text", "type", "value"]].itertuples(index=False)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # The expressions of the issue, with their exact values.
        ("Hasanov met the ambassador in Baku on July 14.", "2021-07-15",
         [("July 14", "DATE", "2021-07-14")]),
        ("Military cooperation first emerged in 1992.", "2021-07-15", [("1992", "DATE", "1992")]),
        ("Servicemen will take part in drills to be held in Izmir in May-June.", "2022-04-12",
         [("May", "DATE", "2022-05"), ("June", "DATE", "2022-06")]),
        ("In an interview on September 27, the president said relations improved.", "2022-04-12",
         [("September 27", "DATE", "2021-09-27")]),
        ("They signed it eight months after Azerbaijan's victory in the war.", "2021-07-15",
         [("eight months", "DURATION", "P8M")]),
        ("Earlier, the ministry reported the plan.", "2022-04-12",
         [("Earlier", "DATE", "PAST_REF")]),
        ("The ministry recently reported the plan.", "2022-04-12",
         [("recently", "DATE", "PAST_REF")]),
        ("The drills resume next year.", "2022-04-12", [("next year", "DATE", "2023")]),
        ("The talks took place last week.", "2022-04-12", [("last week", "DATE", "2022-W14")]),
        ("The ministers met on Monday.", "2022-04-12", [("Monday", "DATE", "2022-04-11")]),
        ("The ministers will meet on Friday.", "2022-04-12", [("Friday", "DATE", "2022-04-15")]),
        ("Profit rose in the first quarter.", "2022-04-12",
         [("the first quarter", "DATE", "2022-Q1")]),
        ("Third-quarter sales fell.", "2022-04-12", [("Third-quarter", "DATE", "2021-Q3")]),
        ("The exercise is planned for this summer.", "2022-04-12",
         [("this summer", "DATE", "2022-SU")]),
        ("Trade grew in the 1990s.", "2022-04-12", [("the 1990s", "DATE", "199")]),
        ("It was popular in the eighties.", "2022-04-12", [("the eighties", "DATE", "198")]),
        ("Talks began on the morning of July 14.", "2021-07-15",
         [("the morning of July 14", "TIME", "2021-07-14TMO")]),
        ("The minister spoke this morning.", "2021-07-15",
         [("this morning", "TIME", "2021-07-15TMO")]),
        ("Talks resume at 3 p.m. today.", "2022-04-12",
         [("3 p.m.", "TIME", "2022-04-12T15:00"), ("today", "DATE", "2022-04-12")]),
        ("Drills are held every Monday.", "2022-04-12", [("every Monday", "SET", "XXXX-WXX-1")]),
        ("Patrols run daily.", "2022-04-12", [("daily", "SET", "P1D")]),
        ("The base opened two years ago.", "2022-04-12", [("two years ago", "DATE", "2020")]),
        ("The visit lasted three days.", "2022-04-12", [("three days", "DURATION", "P3D")]),
        ("Trade doubled over the past five years.", "2022-04-12",
         [("the past five years", "DURATION", "P5Y")]),
        ("The deal dates from March 2021.", "2022-04-12", [("March 2021", "DATE", "2021-03")]),
        ("It was signed on 14 July 2021.", "2022-04-12", [("14 July 2021", "DATE", "2021-07-14")]),
        ("Filed 2021-07-14 in Baku.", "2022-04-12", [("2021-07-14", "DATE", "2021-07-14")]),
        ("Relations are now at a high level.", "2022-04-12", [("now", "DATE", "PRESENT_REF")]),
        ("Ties may deepen in the future.", "2022-04-12",
         [("the future", "DATE", "FUTURE_REF")]),
        ("It was Friday's meeting that settled it.", "2022-04-12",
         [("Friday", "DATE", "2022-04-08")]),
        ("The third-quarter loss widened.", "2022-04-12", [("third-quarter", "DATE", "2021-Q3")]),
        ("Prices rose yesterday.", "2022-04-12", [("yesterday", "DATE", "2022-04-11")]),
        ("Troops arrive by the end of the month.", "2022-04-12",
         [("the end of the month", "DATE", "2022-04")]),
        ("The pact was signed in late November.", "2022-04-12",
         [("late November", "DATE", "2021-11")]),
        # A weekday with a part of the day is that day (TimeBank's DATE convention).
        ("The rally was held Friday night.", "2022-04-12",
         [("Friday night", "DATE", "2022-04-08")]),
        # An afternoon or evening of a weekday is a time of that day, as "this evening" is.
        ("The offer expires Friday evening.", "2022-04-12",
         [("Friday evening", "TIME", "2022-04-15TEV")]),
        ("The ministers met Sunday afternoon.", "2022-04-12",
         [("Sunday afternoon", "TIME", "2022-04-10TAF")]),
        ("The talks ended on Monday morning.", "2022-04-12",
         [("Monday morning", "DATE", "2022-04-11")]),
        # A part of a day named from today is one time, as "this morning" is.
        ("The ministers meet tomorrow morning.", "2022-04-12",
         [("tomorrow morning", "TIME", "2022-04-13TMO")]),
        ("The talks broke off yesterday afternoon.", "2022-04-12",
         [("yesterday afternoon", "TIME", "2022-04-11TAF")]),
        ("Voting closes tomorrow night.", "2022-04-12",
         [("tomorrow night", "TIME", "2022-04-13TNI")]),
        # A part of the day with "mid", "early" or "late" and no day is one of the story's day.
        ("By mid-afternoon the index had lost 2%.", "2022-04-12",
         [("mid-afternoon", "TIME", "2022-04-12TAF")]),
        ("The shares slipped in late morning trading.", "2022-04-12",
         [("late morning", "TIME", "2022-04-12TMO")]),
        ("Bonds steadied midafternoon.", "2022-04-12",
         [("midafternoon", "TIME", "2022-04-12TAF")]),
        ("Fighting resumed by mid evening.", "2022-04-12",
         [("mid evening", "TIME", "2022-04-12TEV")]),
        ("Rebels struck in the early morning hours of Sunday.", "2022-04-12",
         [("Sunday", "DATE", "2022-04-10")]),
        # A year takes "pre-" and "post-" as it takes "mid-"; a count of things takes none.
        ("The post-1959 reforms split the party.", "2022-04-12",
         [("post-1959", "DATE", "1959")]),
        ("Output is back to pre-1990 levels.", "2022-04-12", [("pre-1990", "DATE", "1990")]),
        ("The mid-1988 results were weak.", "2022-04-12",
         [("mid-1988", "DATE", "1988")]),
        # A count in digits is the whole number, thousands and all, never its tail.
        ("The city was founded 1,500 years ago.", "2022-04-12",
         [("1,500 years ago", "DATE", "0522")]),
        ("The temple has stood for 2,000 years.", "2022-04-12",
         [("2,000 years", "DURATION", "P2000Y")]),
        ("The firm was set up 1,200 days ago.", "2022-04-12",
         [("1,200 days ago", "DATE", "2018-12-29")]),
        ("Net income for the 1986 year rose.", "1987-03-06", [("1986", "DATE", "1986")]),
        ("Imports for the 1987 quota year rose.", "1987-03-06", [("1987", "DATE", "1987")]),
        # A number after a determiner or a possessive, or opening a sentence, is a year before a
        # plural ("its 1986 sales"); "loss", "surplus" and "versus" are no plurals.
        ("Its 1986 sales rose 5 pct.", "1987-03-06", [("1986", "DATE", "1986")]),
        ("Net fell.  1986 results include a gain.", "1987-03-06", [("1986", "DATE", "1986")]),
        ("Taiwan's 1985 surplus with the U.S. grew.", "1987-03-06",
         [("1985", "DATE", "1985")]),
        ("The company posted a 1986 loss of five mln dlrs.", "1987-03-06",
         [("1986", "DATE", "1986")]),
        ("Sales rose in 1987 versus 1986.", "1987-03-06",
         [("1987", "DATE", "1987"), ("1986", "DATE", "1986")]),
        ("Tax credits at 1986 year end will be reduced.", "1987-03-18",
         [("1986 year end", "DATE", "1986-12-31")]),
        # A year that labels a noun is not the story's date: what refers back skips it.
        ("It expects first quarter 1987 sales to exceed sales for the entire 1986 year, and "
         "earnings for the quarter to grow faster.", "1987-03-25",
         [("first quarter", "DATE", "1987-Q1"), ("1986", "DATE", "1986"),
          ("the quarter", "DATE", "1987-Q1")]),
        ("Shares fell on Tuesday. It postponed its 1986 figures, scheduled for the following "
         "day.", "1987-03-27",
         [("Tuesday", "DATE", "1987-03-24"), ("1986", "DATE", "1986"),
          ("the following day", "DATE", "1987-03-25")]),
        ("The appeal took two and a half years.", "1987-03-06",
         [("two and a half years", "DURATION", "P2Y6M")]),
        ("The plant closed about two-and-a-half years ago.", "1987-03-06",
         [("about two-and-a-half years ago", "DATE", "1985")]),
        # A figure above one before a singular unit and "ago" is the table's, not the count.
        ("Hog slaughter 305,000 head versus 292,000 week ago.", "1987-03-06",
         [("week ago", "DATE", "1987-W09")]),
        # "Now" opening a sentence without a comma, or after a line break, keeps its time.
        ("Now the alliance has a larger mission.", "2022-04-12",
         [("Now", "DATE", "PRESENT_REF")]),
        ("Banks would not lend any money\nnow, traders said.", "2022-04-12",
         [("now", "DATE", "PRESENT_REF")]),
        ("In June last year, the pact was signed.", "2022-04-12",
         [("June last year", "DATE", "2021-06")]),
        ("He was shot last Oct. 23 at home.", "2022-04-12", [("Oct. 23", "DATE", "2021-10-23")]),
        ("Voting closes at 9 a.m. Tuesday.", "2022-04-11",
         [("9 a.m. Tuesday", "TIME", "2022-04-12T09:00")]),
        ("The offer expired at 5 p.m. EST Nov. 9.", "2022-04-12",
         [("5 p.m. EST Nov. 9", "TIME", "2021-11-09T17:00")]),
        ("In the year-ago third quarter, it earned $2 million.", "2022-11-02",
         [("the year-ago third quarter", "DATE", "2021-Q3")]),
        ("Prices will stay low for a couple of years.", "2022-04-12",
         [("a couple of years", "DURATION", "P2Y")]),
        ("The base stays for at least 20 more years.", "2022-04-12",
         [("at least 20 more years", "DURATION", "P20Y")]),
        ("They met on June 3. That same day, talks ended.", "2022-04-12",
         [("June 3", "DATE", "2021-06-03"), ("same day", "DATE", "2021-06-03")]),
        ("The talks lasted 2 1/2 years.", "2022-04-12", [("2 1/2 years", "DURATION", "P2Y6M")]),
        ("The climb took a minute and a half.", "2022-04-12",
         [("a minute and a half", "DURATION", "PT1M30S")]),
        # A bare day joined to a month-day date is a date of that month.
        ("The summit meets on April 24 and 25.", "2022-04-12",
         [("April 24", "DATE", "2022-04-24"), ("25", "DATE", "2022-04-25")]),
        ("Talks ran from Nov. 8 to 10 and 40 delegates came.", "2022-04-12",
         [("Nov. 8", "DATE", "2021-11-08"), ("10", "DATE", "2021-11-10")]),
        # ISO 8601 has no quarters: a count of quarters is written in months.
        ("The charge is spread over the next three quarters.", "2022-04-12",
         [("the next three quarters", "DURATION", "P9M")]),
        ("Margins fell in recent quarters and will rise in coming quarters.", "2022-04-12",
         [("recent quarters", "DURATION", "PXM"), ("coming quarters", "DURATION", "PXM")]),
        ("Sales rose for several quarters.", "2022-04-12",
         [("several quarters", "DURATION", "PXM")]),
        # A month before a year in words is that month, as before a year in figures.
        ("It began in January nineteen ninety-seven and ended in March of two thousand.",
         "2001-05-02",
         [("January nineteen ninety-seven", "DATE", "1997-01"),
          ("March of two thousand", "DATE", "2000-03")]),
        ("Nineteen ninety-seven was calm; you may nineteen times ask.", "2001-05-02",
         [("Nineteen ninety-seven", "DATE", "1997")]),
        # Between a subject or modal and its verb, "one day" is an unspecified future time.
        ("Islam will one day be the second largest religion.", "2022-04-12",
         [("one day", "DATE", "FUTURE_REF")]),
        ("He hopes he one day follows them.", "2022-04-12", [("one day", "DATE", "FUTURE_REF")]),
        ("The strike lasted one day.", "2022-04-12", [("one day", "DURATION", "P1D")]),
        # A count of short units before or after an event of the story is a duration.
        ("Three days later, the index closed.", "1989-10-30",
         [("Three days", "DURATION", "P3D")]),
        ("A day earlier, trucks crossed.", "1990-08-16", [("A day", "DURATION", "P1D")]),
        ("Profit rose from $2 million a year earlier.", "1989-10-30",
         [("a year earlier", "DATE", "1988")]),
        # A weekday with a plural part of the day recurs, and so does one joined to it.
        ("Two flights leave on Monday and Tuesday nights.", "1998-02-13",
         [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
        ("It rained Monday and Tuesday.", "1998-02-13",
         [("Monday", "DATE", "1998-02-09"), ("Tuesday", "DATE", "1998-02-10")]),
        # "Last year" comparing a quarter's figure is that quarter a year before.
        ("Third-quarter profit fell to $2 million, compared with a loss of $3 million last year. "
         "Last year it grew.", "1989-11-02",
         [("Third-quarter", "DATE", "1989-Q3"), ("last year", "DATE", "1988-Q3"),
          ("Last year", "DATE", "1988")]),
        # A bare plural after "within" is a vague duration, as after "for".
        ("Troops will arrive within weeks.", "1990-08-15", [("weeks", "DURATION", "PXW")]),
        # "That same day" after a month names a day of that month, which one is not said.
        ("In October 1998 it opened. That same day, it closed.", "1999-02-06",
         [("October 1998", "DATE", "1998-10"), ("same day", "DATE", "1998-10-XX")]),
        # The year-ago period is a year before the last quarter reported on, not before an
        # outlook for the current one.
        ("Third-quarter profit fell. Sales will rise in the fourth quarter. In the year-ago "
         "period, it earned $1 million.", "1989-10-26",
         [("Third-quarter", "DATE", "1989-Q3"), ("the fourth quarter", "DATE", "1989-Q4"),
          ("the year-ago period", "DATE", "1988-Q3")]),
    ],
)  # fmt: skip
def test_expressions_have_their_exact_values(text, dct, expected):
    assert tagged(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The central bank will publish the figures at 1630 EST.",
         [("1630 EST", "TIME", "1987-03-05T16:30")]),
        ("Dealing in the shares resumes at 0900 GMT.", [("0900 GMT", "TIME", "1987-03-05T09:00")]),
        ("A curfew starts at 2305 local time in the capital.",
         [("2305 local time", "TIME", "1987-03-05T23:05")]),
        ("The blast shook the port at 10:30 a.m. local time, police said.",
         [("10:30 a.m. local time", "TIME", "1987-03-05T10:30")]),
        ("The tanker docked at 1415 hrs.", [("1415 hrs", "TIME", "1987-03-05T14:15")]),
        ("Trading stopped at 930 EDT.", [("930 EDT", "TIME", "1987-03-05T09:30")]),
        ("The vote ends at 10:30 GMT.", [("10:30 GMT", "TIME", "1987-03-05T10:30")]),
        ("The meeting opens at 10 A.M. Local time.",
         [("10 A.M. Local time", "TIME", "1987-03-05T10:00")]),
        ("The ceasefire began at 0600 local (0300 GMT).",
         [("0600 local", "TIME", "1987-03-05T06:00")]),
        # The first of two times takes the zone of the second.
        ("Lines stayed open until about 2000 or 2100 EST.",
         [("2000", "TIME", "1987-03-05T20:00"), ("2100 EST", "TIME", "1987-03-05T21:00")]),
        # A time restated in another zone is the same moment: only the first is kept.
        ("The rocket lifted off at 1805 local time (2305 GMT) from the base.",
         [("1805 local time", "TIME", "1987-03-05T18:05")]),
        ("The offer expires at 1630 EST/2130 GMT.", [("1630 EST", "TIME", "1987-03-05T16:30")]),
        # A day after the time (and after a restatement in brackets) is the time's day.
        ("Markets reopen at 0900 GMT on Friday.",
         [("0900 GMT on Friday", "TIME", "1987-03-06T09:00")]),
        ("The talks began at 10:35 a.m. (0735 GMT) Monday.",
         [("10:35 a.m. (0735 GMT) Monday", "TIME", "1987-03-02T10:35")]),
        # Four digits are a year where the context says so, and only there.
        ("The company had 1630 employees in 1986.", [("1986", "DATE", "1986")]),
        ("Output reached 1805 tonnes at 1805 GMT.", [("1805 GMT", "TIME", "1987-03-05T18:05")]),
        ("The treaty was signed in 1805.", [("1805", "DATE", "1805")]),
    ],
)  # fmt: skip
def test_newswire_clock_times_are_times_of_the_publication_day(text, expected):
    assert tagged(text, "1987-03-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A unit or a weekday next to the time the story tells of counts from the last date it
        # named, not from the publication date.
        ("The plant closed on Feb. 3. The next day, workers marched.",
         [("Feb. 3", "DATE", "1987-02-03"), ("The next day", "DATE", "1987-02-04")]),
        ("He was detained on Feb. 3 and freed the following day.",
         [("Feb. 3", "DATE", "1987-02-03"), ("the following day", "DATE", "1987-02-04")]),
        ("The index closed at 210 on Friday, down from 220 the previous Friday.",
         [("Friday", "DATE", "1987-02-27"), ("the previous Friday", "DATE", "1987-02-20")]),
        ("He landed on Feb. 3 and left the next morning.",
         [("Feb. 3", "DATE", "1987-02-03"), ("the next morning", "DATE", "1987-02-04")]),
        ("She was seen on Feb. 3; the day before, she had called.",
         [("Feb. 3", "DATE", "1987-02-03"), ("the day before", "DATE", "1987-02-02")]),
        ("Profit in 1985 rose from the previous year.",
         [("1985", "DATE", "1985"), ("the previous year", "DATE", "1984")]),
        ("Exports reached a record in 1985, up from the year before.",
         [("1985", "DATE", "1985"), ("the year before", "DATE", "1984")]),
        ("Loadings in the week ended Feb. 21 fell from the preceding week.",
         [("Feb. 21", "DATE", "1987-02-21"), ("the preceding week", "DATE", "1987-W07")]),
        # Each counts from the date named, not from another such count.
        ("Cars in the week ended Feb. 21 fell from the previous week. Trucks rose from the "
         "previous week.",
         [("Feb. 21", "DATE", "1987-02-21"), ("the previous week", "DATE", "1987-W07"),
          ("the previous week", "DATE", "1987-W07")]),
        # A date coarser than the unit says nothing of the day: the publication date is the
        # anchor.
        ("Sales in 1985 fell; the next day, shares fell.",
         [("1985", "DATE", "1985"), ("the next day", "DATE", "1987-03-06")]),
        # "The day before the vote" is counted from an event, not from a date.
        ("He left the day before the vote.", []),
    ],
)  # fmt: skip
def test_narrative_units_count_from_the_last_date_named(text, expected):
    assert tagged(text, "1987-03-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quarter or a half of last, this or next year is one expression of that year.
        ("Sales fell in the fourth quarter of last year.",
         [("the fourth quarter of last year", "DATE", "1988-Q4")]),
        ("Growth will slow in the second half of next year.",
         [("the second half of next year", "DATE", "1990-H2")]),
        ("Output rose in the first quarter of this year.",
         [("the first quarter of this year", "DATE", "1989-Q1")]),
        # "Expires", "mature" and "payable" look ahead, even in a clause whose main verb is
        # past ("expires" and "payable" were cues already; the commas make them the nearer).
        ("The offer, which expires Nov. 30, was raised.", [("Nov. 30", "DATE", "1989-11-30")]),
        ("The notes, which mature Jan. 15, were sold.", [("Jan. 15", "DATE", "1990-01-15")]),
        ("It declared a dividend payable Jan. 2.", [("Jan. 2", "DATE", "1990-01-02")]),
        ("The rights expired Oct. 2.", [("Oct. 2", "DATE", "1989-10-02")]),
        # The week of a day is the ISO week that holds it.
        ("A hearing is set for the week of Nov. 13.",
         [("the week of Nov. 13", "DATE", "1989-W46")]),
    ],
)  # fmt: skip
def test_periods_of_a_named_year_or_day_and_timetable_words(text, expected):
    assert tagged(text, "1989-10-26") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past verb does not date a month that labels a noun: the nearer month wins.
        ("Limited sales were booked for March shipment.", "1987-03"),
        ("Traders bought cocoa for April shipments.", "1987-04"),
        ("Traders bought sugar for April/May shipment.", ["1987-04", "1987-05"]),
        ("Orders were placed to start the first trading day for March transactions.", "1987-03"),
        # Alone, or before a number of its day ("May one") or a verb, it keeps the tense.
        ("Sales were booked in March.", "1986-03"),
        ("The dividend was paid March one.", "1986-03"),
        ("Output in March rose.", "1986-03"),
    ],
)
def test_a_month_that_labels_a_noun_is_the_nearer_one(text, expected):
    expected = expected if isinstance(expected, list) else [expected]
    assert extract_timexes(text, "1987-02-26")["value"].tolist() == expected


@pytest.mark.parametrize(
    "text",
    [
        "The index rose 2305 points.",
        "They own 1500 shares.",
        "Of the 1500 shares, ten were sold.",
        "The office sits at 1600 Pennsylvania Avenue.",
        "Shares closed 10.30 higher.",
    ],
)
def test_four_digit_numbers_without_a_context_are_no_years(text):
    assert extract_timexes(text, "1987-03-05").empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tense, not a fixed preference, places an underspecified date.
        ("On June 15, the two countries signed a memorandum.", "2021-06-15"),
        ("The summit will be held on June 15.", "2022-06-15"),
        ("The drills will be held in May.", "2022-05"),
        ("The drills were held in May.", "2021-05"),
        ("The agreement is to be signed in September.", "2022-09"),
        ("The ministry reported on April 12.", "2022-04-12"),
        # An initial is no sentence end: "will" still governs the date.
        ("Ms. Aliyeva will succeed Rafael G. Mammadov Feb. 1.", "2023-02-01"),
        # A past form right next to the date governs it, whatever comes later.
        ("Shares issued Feb. 1 will receive a partial dividend.", "2022-02-01"),
        # A past clause still means a date a few days ahead rather than one a year back.
        ("The offer was extended to April 20.", "2022-04-20"),
        # A plan told in the past perfect is past.
        ("The offer had been due to expire on Friday.", "2022-04-08"),
        # A date that opens a sentence is not governed by the sentence before it.
        ("Parliament will vote on it. Friday, prices stalled.", "2022-04-08"),
        # "next to" is a place, not a time ahead.
        ("Dozens were wounded in the blasts next to the embassy on Friday.", "2022-04-08"),
        # With no tense cue, news speaks of the past unless the later date is much nearer.
        ("Protests in the capital in March.", "2022-03"),
        # The present tense of a timetable verb looks ahead; its past form looks back.
        ("Talks reopen in Geneva on Thursday.", "2022-04-14"),
        ("Talks reopened in Geneva on Thursday.", "2022-04-07"),
        ("The new session opens on Monday, officials said.", "2022-04-18"),
        ("Parliament convenes in March.", "2023-03"),
        ("Parliament convened in March.", "2022-03"),
        # After "did" the base form is past; an infinitive leaves the tense to its verb.
        ("The talks did not resume until Thursday.", "2022-04-07"),
        ("Officials met to begin the count on Thursday.", "2022-04-07"),
        # A possessive weekday names an event the story reports: it has happened.
        ("They will try to get around Friday's ruling.", "2022-04-08"),
        ("Rates will fall after Monday night's cut.", "2022-04-11"),
        # A line break is no clause boundary (newswire wraps its lines mid-sentence).
        ("The ministers will meet\nagain in September.", "2022-09"),
        # A cue between the commas around the date is its clause's.
        ("The offer, which expires on Friday, was raised.", "2022-04-15"),
        ("The offer, raised on Friday, expires soon.", "2022-04-08"),
        # "this", "next" and "last" say the direction themselves, whatever the clause.
        ("The vote is this Thursday.", "2022-04-14"),
        ("The ministers met last Thursday.", "2022-04-07"),
        ("The ministers meet next Monday.", "2022-04-18"),
        # A plan told in the past looks ahead: the auxiliary before it gives no past.
        ("Protesters were planning to march on Saturday.", "2022-04-16"),
        ("The vote was scheduled for Thursday.", "2022-04-14"),
        ("The vote, scheduled for Thursday, was postponed.", "2022-04-14"),
        # ... but "was due to" may give a cause, and "had planned" a plan of the past.
        ("The drop in March was due to a strike.", "2022-03"),
        ("The vote had been scheduled for March.", "2022-03"),
        # What a period runs since has begun, whatever cue follows.
        ("The carrier has been on patrol since March and was scheduled to return.", "2022-03"),
        ("Prices have risen since Thursday and will rise.", "2022-04-07"),
    ],
)  # fmt: skip
def test_tense_places_underspecified_dates(text, expected):
    assert extract_timexes(text, "2022-04-12")["value"].tolist() == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet to discuss it.",
        "May we ask a question?",
        "The contract is worth $48 million.",
        "A 100M budget was approved.",
        "The 2,000 troops were deployed.",
        "The company hired 2000 workers.",
        "The Efes-2022 multinational exercise drew crowds.",
        "The price was $2020 per unit.",
        "Inflation reached 1990 percent.",
        "The troops march on the capital.",
        "Leaves fall from the trees.",
        "The memo is dated Feb. 30, 1987.",
        "It would be a second betrayal.",
        "Savings grow in the long-term account.",
        # A capital on the unit makes a title ("This Week" on ABC), not a time.
        'Baker said on ABC\'s "This Week" that the offer stood.',
        # Alone, "later" follows some event: TimeBank leaves it unannotated.
        "Gonzalez told reporters later that he had lost a son.",
        "Later, the controller asks the pilot again.",
        # A count is a whole word: "bean months" holds no "an months", "M1" no "1 year".
        "Prices for other red bean months were unchanged.",
        "Local M1 year-on-year growth slowed.",
        # A blank line parts a table's figure from the next row's label.
        "Net profit 568,000\n\nyear\n\nShare loss 1.37 dlrs",
        # "Now," opening a sentence turns the argument; it names no time.
        "Now, he says, the plan looks bad.",
        'The minister paused. "Now, we must act," he said.',
    ],
)
def test_traps_are_not_date_mentions(text):
    assert extract_timexes(text, "2022-04-12").empty


def test_duration_keeps_the_event_it_is_counted_from():
    text = (
        "They visited Shusha eight months after Azerbaijan’s victory in the war with Armenia, too."
    )
    row = extract_timexes(text, "2021-07-15").iloc[0]
    assert (row.text, row.value, row.anchor) == (
        "eight months", "P8M", "Azerbaijan’s victory in the war with Armenia"
    )  # fmt: skip


def test_modifiers_are_kept_in_the_extent_and_mod():
    frame = extract_timexes("The talks lasted nearly two years.", "2022-04-12")
    assert frame[["text", "value", "mod"]].values.tolist() == [
        ["nearly two years", "P2Y", "EQUAL_OR_LESS"]
    ]


def test_columns_and_empty_text():
    frame = extract_timexes("", dt.date(2022, 4, 12))
    assert list(frame.columns) == TIMEX_COLUMNS
    assert frame.empty


@pytest.mark.parametrize("dct", ["2022-04-12", dt.date(2022, 4, 12), pd.Timestamp("2022-04-12")])
def test_dct_forms(dct):
    assert extract_timexes("It happened yesterday.", dct)["value"].tolist() == ["2022-04-11"]


@pytest.mark.parametrize(
    ("text", "dct", "error"),
    [(None, "2022-04-12", TypeError), ("x", "April", ValueError), ("x", 20220412, ValueError)],
)
def test_bad_inputs(text, dct, error):
    with pytest.raises(error):
        extract_timexes(text, dct)


@pytest.mark.parametrize(
    ("value", "granularity", "first", "last"),
    [
        ("2021-07-14", "day", "2021-07-14", "2021-07-14"),
        ("2021-07-14TMO", "time", "2021-07-14", "2021-07-14"),
        ("2022-05", "month", "2022-05-01", "2022-05-31"),
        ("2022-Q1", "quarter", "2022-01-01", "2022-03-31"),
        ("2022-SU", "season", "2022-06-01", "2022-08-31"),
        ("2022-W14", "week", "2022-04-04", "2022-04-10"),
        ("1992", "year", "1992-01-01", "1992-12-31"),
        ("199", "decade", "1990-01-01", "1999-12-31"),
    ],
)
def test_interval_of_values(value, granularity, first, last):
    assert timex_granularity(value) == granularity
    assert timex_interval(value) == (pd.Timestamp(first), pd.Timestamp(last))


@pytest.mark.parametrize("value", ["P8M", "PAST_REF", "XXXX-WXX-1"])
def test_no_interval_for_non_dates(value):
    assert timex_interval(value) == (None, None)


SEED_MENTIONS = {
    SEED_2021: [
        (156, 163, "July 14", "DATE", "2021-07-14"),
        (267, 274, "July 14", "DATE", "2021-07-14"),
        (1298, 1302, "1992", "DATE", "1992"),
        (1487, 1494, "June 15", "DATE", "2021-06-15"),
        (1789, 1801, "eight months", "DURATION", "P8M"),
    ],
    SEED_2022: [
        (219, 227, "April 12", "DATE", "2022-04-12"),
        (734, 738, "1992", "DATE", "1992"),
        (923, 930, "June 15", "DATE", "2021-06-15"),
        (1225, 1237, "eight months", "DURATION", "P8M"),
        (1711, 1723, "September 27", "DATE", "2021-09-27"),
        (1983, 1990, "Earlier", "DATE", "PAST_REF"),
        (2134, 2137, "May", "DATE", "2022-05"),
        (2138, 2142, "June", "DATE", "2022-06"),
    ],
}


@pytest.mark.parametrize("article_id", sorted(SEED_MENTIONS))
def test_every_seed_mention_has_its_value(article_id):
    corpus = load_corpus(SEEDS_DIR)
    text, date = corpus.articles.loc[article_id, ["text", "date"]]
    frame = extract_timexes(text, date)
    rows = [
        tuple(r) for r in frame[["start", "end", "text", "type", "value"]].itertuples(index=False)
    ]
    assert rows == SEED_MENTIONS[article_id]
    assert all(text[s:e] == t for s, e, t, _, _ in rows)
