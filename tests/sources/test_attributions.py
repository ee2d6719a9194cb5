"""Attributed statements: the seeds' exact gold set, written news sentences, dates, bad inputs.

``GOLD_SEEDS`` and ``NEWS_CASES`` are also the evaluation set of ``benchmarks/bench_sources.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import extract_sources, find_reuse, load_corpus, parse_corpus, reused_spans
from analysis.paths import SEEDS_DIR
from analysis.sources.attributions import COVERAGES, SOURCE_COLUMNS, resolve_date

OLD, NEW = "000_5b183b1fed710e9a", "001_80062493b65dd1fc"

# (article, source, kind, mention, mention_start, cue, cue_start, statement start, statement end,
#  when, date, medium, in recycled text), read sentence by sentence from the seeds.
GOLD_SEEDS = [
    (OLD, "Zakir Hasanov", "person", "Defence Minister Zakir Hasanov", 0, "said", 35, 45, 121,
     None, None, None, False),
    (OLD, "Defence Ministry of Azerbaijan", "institution", "the Defence Ministry", 123, "reported",
     144, 0, 121, "on July 14", "2021-07-14", None, False),
    (OLD, "Zakir Hasanov", "person", "He", 277, "said", 280, 290, 470, None, None, None, False),
    (OLD, "Zakir Hasanov", "person", "Hasanov", 473, "said", 481, 491, 667, None, None, None,
     False),
    (OLD, "Zakir Hasanov", "person", "He", 670, "highly appreciated", 673, 692, 824, None, None,
     None, False),
    (OLD, "Zakir Hasanov", "person", "He", 670, "thanked", 829, 837, 966, None, None, None, False),
    (OLD, "Zakir Hasanov", "person", "The minister", 969, "wished", 982, 989, 1076, None, None,
     None, False),
    (OLD, "Cahit Bagci", "person", "the Turkish ambassador", 1088, "pledged", 1111, 1119, 1227,
     None, None, None, False),
    (OLD, "Shusha Declaration on Allied Relations", "document", "It", 1892, "affirms", 1895, 1903,
     1965, None, None, None, False),
    (OLD, "Shusha Declaration on Allied Relations", "document", "The declaration", 1967,
     "pledges", 1988, 1996, 2069, None, None, None, False),
    (NEW, "Defence Ministry of Azerbaijan", "institution", "the ministry", 194, "reported", 207,
     0, 192, "on April 12", "2022-04-12", None, False),
    (NEW, "Zakir Hasanov", "person", "Hasanov", 267, "emphasized", 275, 291, 424, None, None,
     None, True),
    (NEW, "Rafet Dalkiran", "person", "Dalkiran", 427, "stressed", 436, 445, 517, None, None,
     None, False),
    (NEW, "Shusha Declaration on Allied Relations", "document", "It", 1328, "affirms", 1331, 1339,
     1401, None, None, None, True),
    (NEW, "Shusha Declaration on Allied Relations", "document", "The declaration", 1403,
     "pledges", 1424, 1432, 1505, None, None, None, True),
    (NEW, "Ilham Aliyev", "person", "President Ilham Aliyev", 1725, "said", 1748, 1758, 1846,
     "on September 27", "2021-09-27", "Anadolu Agency", False),
    (NEW, "Defence Ministry of Azerbaijan", "institution", "the Defence Ministry", 1992,
     "reported", 2013, 2027, 2142, "Earlier", None, None, False),
]  # fmt: skip

# The statement texts of the gold rows, in order (the spans above must cut exactly these).
GOLD_STATEMENTS = [
    "it is planned to increase the number of the Turkish-Azerbaijani joint drills",
    "Defence Minister Zakir Hasanov has said that it is planned to increase the number of the "
    "Turkish-Azerbaijani joint drills",
    "the reforms to bring the Azerbaijan army in line with the standards of the Turkish armed "
    "forces are being carried out under Commander-in-Chief President Ilham Aliyev's instructions",
    'it is planned to "increase the number of joint military exercises with the involvement of '
    'various types of troops, including the Special Forces of the armies of both countries"',
    "the level of Azerbaijani-Turkish cooperation in the military, military-technical, military "
    "educational, and military medical spheres",
    "Turkey for support in training the Azerbaijani servicemen and clearing the liberated "
    "territories of mines and unexploded ordnance",
    "Bagci success in strengthening the Azerbaijan-Turkey alliance and expanding cooperation",
    "to make every effort for the development of Azerbaijani-Turkish relations, particularly "
    "military cooperation",
    "joint efforts by the two armies in the face of foreign threats",
    "joint efforts for the restructuring and modernization of the armed forces",
    "Azerbaijani Defence Minister Col-Gen Zakir Hasanov and Turkish Chief of General Staff "
    "Intelligence Corps Gen Rafet Dalkiran have met to discuss the prospects for bilateral "
    "military cooperation",
    "reforms are underway to bring the Azerbaijani army up to the standards of the Turkish Armed "
    "Forces, as instructed by the high command",
    "the importance of such meetings in terms of expanding mutual cooperation",
    "joint efforts by the two armies in the face of foreign threats",
    "joint efforts for the restructuring and modernization of the armed forces",
    "the signing of the Shusha Declaration raised bilateral relations to an even higher level",
    "Azerbaijani servicemen will take part in the Efes-2022 multinational drills to be held in "
    "Izmir, Turkey in May-June",
]

# Written news sentences: case -> (publication date, text, expected attributions as
# (source, kind, cue, statement, medium, when, date)). Statements occur once in their text.
NEWS_CASES = {
    "indirect speech": (
        "2023-05-10",
        "Foreign Minister Jeyhun Bayramov said the talks with Armenia would resume in June.",
        [("Jeyhun Bayramov", "person", "said", "the talks with Armenia would resume in June",
          None, None, None)],
    ),
    "that clause": (
        "2023-05-10",
        "Energy Minister Parviz Shahbazov stressed that gas exports to Europe had doubled.",
        [("Parviz Shahbazov", "person", "stressed", "gas exports to Europe had doubled", None,
          None, None)],
    ),
    "inverted quote": (
        "2023-05-10",
        '"The corridor will open next year," said Hikmet Hajiyev, an aide to the president.',
        [("Hikmet Hajiyev", "person", "said", "The corridor will open next year", None, None,
          None)],
    ),
    "according to, first": (
        "2023-05-10",
        "According to the Foreign Ministry, the meeting lasted three hours.",
        [("Foreign Ministry", "institution", "According to", "the meeting lasted three hours",
          None, None, None)],
    ),
    "according to, last": (
        "2023-05-10",
        "The pipeline carried 11 billion cubic metres last year, according to Reuters.",
        [("Reuters", "media", "according to",
          "The pipeline carried 11 billion cubic metres last year", None, None, None)],
    ),
    "pronoun three sentences on": (
        "2023-05-10",
        "Prime Minister Ali Asadov opened the forum in Baku on Tuesday.\n\n"
        "The forum gathered 300 delegates from 40 countries.\n\n"
        "Its sessions covered transport and energy.\n\n"
        "He noted that trade with Central Asia had grown by a third.",
        [("Ali Asadov", "person", "noted", "trade with Central Asia had grown by a third", None,
          None, None)],
    ),
    "quote over two paragraphs": (
        "2023-05-10",
        "Mukhtar Babayev addressed the delegates.\n\n"
        '"We cannot wait for others to act.\n\n'
        '"Every country must cut its emissions now," Babayev said.',
        [("Mukhtar Babayev", "person", "said",
          'We cannot wait for others to act.\n\n"Every country must cut its emissions now',
          None, None, None)],
    ),
    "interview medium": (
        "2023-05-10",
        "In an interview with Reuters on May 2, Hikmet Hajiyev said the border talks were "
        "progressing.",
        [("Hikmet Hajiyev", "person", "said", "the border talks were progressing", "Reuters",
          "on May 2", "2023-05-02")],
    ),
    "told an outlet": (
        "2023-05-10",
        "Leyla Abdullayeva told Anadolu Agency on Monday that the embassy would reopen.",
        [("Leyla Abdullayeva", "person", "told", "the embassy would reopen", "Anadolu Agency",
          "on Monday", "2023-05-08")],
    ),
    "speaking to an outlet": (
        "2023-05-10",
        "Speaking to AFP, Ilham Aliyev said the peace treaty was close.",
        [("Ilham Aliyev", "person", "said", "the peace treaty was close", "AFP", None, None)],
    ),
    "two cues, surname first": (
        "2023-05-10",
        "Hasanov hailed the exercises and reiterated that cooperation would deepen.\n\n"
        "Zakir Hasanov spoke in Baku.",
        [("Zakir Hasanov", "person", "hailed", "the exercises", None, None, None),
         ("Zakir Hasanov", "person", "reiterated", "cooperation would deepen", None, None,
          None)],
    ),
    "ministry with a date": (
        "2023-05-10",
        "The Defence Ministry reported on May 8 that the drills had ended.",
        [("Defence Ministry", "institution", "reported", "the drills had ended", None,
          "on May 8", "2023-05-08")],
    ),
    "she": (
        "2023-05-10",
        "Ambassador Anna Ivanova met Hasanov in Baku.\n\n"
        "She underlined that Russia supported the talks.",
        [("Anna Ivanova", "person", "underlined", "Russia supported the talks", None, None,
          None)],
    ),
    "the ambassador": (
        "2023-05-10",
        "Turkish ambassador Cahit Bagci visited the port on Friday.\n\n"
        "The ambassador pledged to expand trade links.",
        [("Cahit Bagci", "person", "pledged", "to expand trade links", None, None, None)],
    ),
    "earlier": (
        "2023-05-10",
        "Earlier, the Foreign Ministry announced that the consulate would open in July.",
        [("Foreign Ministry", "institution", "announced", "the consulate would open in July",
          None, "Earlier", None)],
    ),
    "yesterday": (
        "2023-05-10",
        "Jeyhun Bayramov said yesterday that the talks had been useful.",
        [("Jeyhun Bayramov", "person", "said", "the talks had been useful", None, "yesterday",
          "2023-05-09")],
    ),
    "refusal and negation": (
        "2023-05-10",
        "Jeyhun Bayramov, travelling to Brussels, refused to comment on the report.\n\n"
        "Zakir Hasanov did not say when the drills would end.",
        [],
    ),
    "unclosed quotation": (
        "2023-05-10",
        '"It is a gloomy outlook, said Leyla Abdullayeva of the central bank.',
        [("Leyla Abdullayeva", "person", "said", "It is a gloomy outlook", None, None, None)],
    ),
    "no source": (
        "2023-05-10",
        "It was reported that the talks had stalled.\n\n"
        "The parties discussed trade.\n\n"
        "The two nations affirm to cooperate.\n\n"
        "The ministry said nothing.",
        [],
    ),

}  # fmt: skip

# Cases the extractor is known to get wrong, with the reason (kept in the benchmark).
KNOWN_MISSES = {
    "interview medium": "the tagger labels 'Hikmet Hajiyev' an organisation here",
}

NO_REUSE = pd.DataFrame({"article_id": [], "start": [], "end": []})


def news_corpus(names):
    frame = pd.DataFrame(
        {
            "id": [f"case{i:02d}" for i in range(len(names))],
            "date": [NEWS_CASES[n][0] for n in names],
            "author": None,
            "text": [NEWS_CASES[n][1] for n in names],
        }
    )
    return load_corpus(frame)


def value(x):
    return None if x is None or (not isinstance(x, str) and pd.isna(x)) else x


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def seed_sources(seeds):
    return extract_sources(
        seeds, parse_corpus(seeds), reused=reused_spans(seeds, find_reuse(seeds))
    )


def test_columns(seed_sources):
    assert list(seed_sources.columns) == SOURCE_COLUMNS


def test_seed_gold_set_exact(seed_sources):
    got = [
        (r.article_id, r.source, r.source_kind, r.mention, r.mention_start, r.cue, r.cue_start,
         r.start, r.end, value(r.when), value(r.date), value(r.medium), bool(r.in_reused_text))
        for r in seed_sources.itertuples()
    ]  # fmt: skip
    assert got == GOLD_SEEDS


def test_seed_statements_exact(seeds, seed_sources):
    assert seed_sources["statement"].tolist() == GOLD_STATEMENTS
    for r in seed_sources.itertuples():
        text = seeds.text(r.article_id)
        assert text[r.start : r.end] == r.statement
        assert text[r.cue_start : r.cue_end] == r.cue
        assert text[r.mention_start : r.mention_end] == r.mention


def test_seed_roles_and_medium_span(seeds, seed_sources):
    roles = dict(zip(seed_sources["source"], seed_sources["role"], strict=True))
    assert roles["Cahit Bagci"] == "newly-appointed Turkish ambassador"
    assert roles["Rafet Dalkiran"] == "Turkish Chief of General Staff Intelligence Corps Gen"
    aliyev = seed_sources[seed_sources["source"] == "Ilham Aliyev"].iloc[0]
    assert seeds.text(NEW)[aliyev.medium_start : aliyev.medium_end] == "Anadolu Agency"
    assert aliyev.role == "President"


def test_remarks_without_a_cue_are_not_statements(seeds, seed_sources):
    remarks = seeds.text(OLD).index("Hasanov made the remarks")
    assert not ((seed_sources.article_id == OLD) & (seed_sources.mention_start == remarks)).any()


def test_reuse_flag_from_a_hand_built_spans_frame(seeds):
    spans = pd.DataFrame({"article_id": [NEW], "start": [0], "end": [200]})
    flags = extract_sources(seeds, parse_corpus(seeds), reused=spans)
    assert flags.loc[flags.in_reused_text, "cue"].tolist() == ["reported"]
    assert flags.loc[flags.in_reused_text, "article_id"].tolist() == [NEW]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_MISSES[n], strict=True))
        if n in KNOWN_MISSES
        else n
        for n in NEWS_CASES
    ],
)
def test_news_case(name):
    corpus = news_corpus([name])
    got = extract_sources(corpus, parse_corpus(corpus), reused=NO_REUSE)
    text = corpus.text("case00")
    expected = NEWS_CASES[name][2]
    rows = [
        (r.source, r.source_kind, r.cue, r.statement, value(r.medium), value(r.when),
         value(r.date))
        for r in got.itertuples()
    ]  # fmt: skip
    assert rows == expected
    for r, exp in zip(got.itertuples(), expected, strict=True):
        assert (r.start, r.end) == (text.index(exp[3]), text.index(exp[3]) + len(exp[3]))
    assert got["in_reused_text"].eq(False).all()


def test_named_coverage_leaves_out_sources_the_article_does_not_name():
    corpus = load_corpus(
        pd.DataFrame(
            {"id": ["x"], "date": ["2023-05-10"],
             "text": ["Officials said the border was calm.\n\nA spokesman said trade rose."]}
        )
    )  # fmt: skip
    parsed = parse_corpus(corpus)
    assert extract_sources(corpus, parsed, reused=None, coverage="named").empty
    assert extract_sources(corpus, parsed, reused=None)["source_kind"].tolist() == [
        "group",
        "unnamed",
    ]


def test_reuse_unknown_is_na_not_false():
    corpus = news_corpus(["that clause"])
    got = extract_sources(corpus, parse_corpus(corpus), reused=None)
    assert got["in_reused_text"].isna().all()


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on July 14", "2021-07-15", "2021-07-14"),
        ("on April 12", "2022-04-12", "2022-04-12"),
        ("on September 27", "2022-04-12", "2021-09-27"),
        ("14 July", "2021-07-15", "2021-07-14"),
        ("on Dec. 31, 2019", "2021-07-15", "2019-12-31"),
        ("yesterday", "2021-03-01", "2021-02-28"),
        ("today", "2021-03-01", "2021-03-01"),
        ("on Monday", "2023-05-10", "2023-05-08"),
        ("on Wednesday", "2023-05-10", "2023-05-03"),
        ("Earlier", "2023-05-10", None),
        ("on February 30", "2023-05-10", None),
        ("in May-June", "2023-05-10", None),
    ],
)
def test_resolve_date(phrase, published, expected):
    assert resolve_date(phrase, pd.Timestamp(published)) == expected


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"corpus": "seeds"}, TypeError, "analysis.Corpus"),
        ({"reused": pd.DataFrame({"article_id": ["a"]})}, ValueError, "missing column"),
        ({"parsed": "parse"}, TypeError, "ParsedCorpus of analysis.parse_corpus"),
    ],
)
def test_bad_inputs(seeds, kwargs, error, message):
    args = {"corpus": seeds, "parsed": parse_corpus(seeds), "reused": None, **kwargs}
    with pytest.raises(error, match=message):
        extract_sources(args.pop("corpus"), args.pop("parsed"), **args)


# coverage="parc": written sentences -> expected rows as (mention, source_kind, cue, statement,
# medium, nested). Statements occur once in their text.
PARC_CASES = {
    "group": (
        "Officials said the border was calm.",
        [("Officials", "group", "said", "the border was calm", None, False)],
    ),
    "anonymous": (
        "A source close to the ministry said the talks had stalled.\n\n"
        "Industry sources said output would fall.",
        [("A source close to the ministry", "anonymous", "said", "the talks had stalled", None,
          False),
         ("Industry sources", "anonymous", "said", "output would fall", None, False)],
    ),
    "undisclosed": (
        "Diplomats who asked not to be named said the vote was delayed.",
        [("Diplomats who asked not to be named", "anonymous", "said", "the vote was delayed",
          None, False)],
    ),
    "unnamed, then he": (
        "A company spokesman said sales rose.\n\nHe added that prices would fall.",
        [("A company spokesman", "unnamed", "said", "sales rose", None, False),
         ("He", "unnamed", "added", "prices would fall", None, False)],
    ),
    "group, then they": (
        "Traders said prices fell.\n\nThey added that demand was weak.",
        [("Traders", "group", "said", "prices fell", None, False),
         ("They", "group", "added", "demand was weak", None, False)],
    ),
    "postposed cue": (
        '"Prices will rise," one senior banker said.',
        [("one senior banker", "unnamed", "said", "Prices will rise", None, False)],
    ),
    "a finding": (
        "The report showed that exports rose by 5 pct.",
        [("The report", "unnamed", "showed", "exports rose by 5 pct", None, False)],
    ),
    "an expectation": (
        "Analysts expect the bank to cut rates.",
        [("Analysts", "group", "expect", "the bank to cut rates", None, False)],
    ),
    "according to a group": (
        "Growth will slow, according to analysts.",
        [("analysts", "group", "according to", "Growth will slow", None, False)],
    ),
    "nested": (
        "Zakir Hasanov said Jeyhun Bayramov told him that the talks would resume.",
        [("Zakir Hasanov", "person", "said",
          "Jeyhun Bayramov told him that the talks would resume", None, False),
         ("Jeyhun Bayramov", "person", "told", "the talks would resume", None, True)],
    ),
    "relay": (
        "Azernews reports, citing the Defence Ministry, that the drills ended on Friday.",
        [("the Defence Ministry", "institution", "reports", "the drills ended on Friday",
          "Azernews", False)],
    ),
    "participle after a verb of the content": (
        "Hulusi Akar emphasized that Turkiye always supports Azerbaijan, adding that the "
        "armies would hold drills.",
        [("Hulusi Akar", "person", "emphasized", "Turkiye always supports Azerbaijan", None,
          False),
         ("Hulusi Akar", "person", "adding", "the armies would hold drills", None, False)],
    ),
    "relay, the participle hung from the clause": (
        "Azernews reports, citing the Defence Ministry, that the drills began on Monday.",
        [("the Defence Ministry", "institution", "reports", "the drills began on Monday",
          "Azernews", False)],
    ),
    "a participle cue without a clause stays in the content": (
        "The minister said the drills were over, citing the weather.",
        [("The minister", "unnamed", "said", "the drills were over, citing the weather", None,
          False)],
    ),
    "a verb inside reported content": (
        "Ismail Demir has said that Azerbaijan expresses interest in Turkish drones.",
        [("Ismail Demir", "person", "said", "Azerbaijan expresses interest in Turkish drones",
          None, False)],
    ),
    "headline colon": (
        "Bayramov: talks with Armenia will resume in June",
        [("Bayramov", "person", ":", "talks with Armenia will resume in June", None, False)],
    ),
    "cue inside its statement": (
        "Effective Monday, the utility said, it is adding staff to the plant.",
        [("the utility", "institution", "said", "it is adding staff to the plant", None, False)],
    ),
    "a group of an organisation": (
        "Zeta Corp officials said the plant would close.",
        [("Zeta Corp officials", "group", "said", "the plant would close", None, False)],
    ),
    "plural documents": (
        "Internal accounts showed the company was in profit.",
        [("Internal accounts", "unnamed", "showed", "the company was in profit", None, False)],
    ),
    "a name in apposition to a title": (
        "The Agency's chief editor Rufiz Hafizoglu said the project was ready.",
        [("The Agency's chief editor Rufiz Hafizoglu", "person", "said",
          "the project was ready", None, False)],
    ),
    "comma after that": (
        "Jeyhun Bayramov said that, regardless of the weather, the border would reopen.",
        [("Jeyhun Bayramov", "person", "said",
          "regardless of the weather, the border would reopen", None, False)],
    ),
    "no statement": (
        "The company agreed to buy the port.\n\n"
        "The ministry said nothing.\n\n"
        "The bank wrote off the loans.\n\n"
        "The minister wished to take control.\n\n"
        "The airline would be adding 12 flights.\n\n"
        "Jeyhun Bayramov declined to comment.",
        [],
    ),
}  # fmt: skip


def parc_rows(text, coverage):
    corpus = load_corpus(pd.DataFrame({"id": ["a"], "date": ["2023-05-10"], "text": [text]}))
    got = extract_sources(corpus, parse_corpus(corpus), reused=NO_REUSE, coverage=coverage)
    return corpus.text("a"), got


@pytest.mark.parametrize("name", list(PARC_CASES))
def test_parc_case(name):
    text, expected = PARC_CASES[name]
    body, got = parc_rows(text, "parc")
    rows = [
        (r.mention, r.source_kind, r.cue, r.statement, value(r.medium), bool(r.nested))
        for r in got.itertuples()
    ]
    assert rows == expected
    for r in got.itertuples():
        assert body[r.mention_start : r.mention_end] == r.mention
        assert body[r.cue_start : r.cue_end] == r.cue
        assert body[r.start : r.end] == r.statement
        if value(r.medium) is not None:
            assert body[r.medium_start : r.medium_end] == r.medium


def test_parc_unnamed_source_is_the_mention_as_written():
    _, got = parc_rows("A company spokesman said sales rose.\n\nHe added that prices fell.", "parc")
    assert got["source"].tolist() == ["A company spokesman", "A company spokesman"]
    assert got["role"].isna().all()


@pytest.mark.parametrize(
    "name",
    [
        "relay",
        "relay, the participle hung from the clause",
        "participle after a verb of the content",
        "a verb inside reported content",
    ],
)
def test_named_coverage_keeps_the_precision_fixes(name):
    text, expected = PARC_CASES[name]
    _, got = parc_rows(text, "named")
    rows = [(r.mention, r.cue, r.statement, value(r.medium)) for r in got.itertuples()]
    assert rows == [(m, c, s, medium) for m, _, c, s, medium, _ in expected]


@pytest.mark.parametrize("name", ["group", "anonymous", "unnamed, then he", "a finding"])
def test_named_coverage_leaves_unnamed_sources_out(name):
    _, got = parc_rows(PARC_CASES[name][0], "named")
    assert got.empty
    assert list(got.columns) == SOURCE_COLUMNS


def test_seed_nested_rows(seed_sources):
    # "Defence Minister Zakir Hasanov has said that ..." is what the ministry reported.
    nested = seed_sources[seed_sources["nested"]]
    assert list(zip(nested["article_id"], nested["cue_start"], strict=True)) == [(OLD, 35)]


def test_bad_coverage(seeds):
    with pytest.raises(ValueError, match=r"coverage must be one of \['named', 'parc'\]"):
        extract_sources(seeds, parse_corpus(seeds), reused=None, coverage="all")


def test_a_name_in_apposition_is_the_source_in_both_coverages():
    text = PARC_CASES["a name in apposition to a title"][0]
    for coverage in COVERAGES:
        _, got = parc_rows(text, coverage)
        assert got["source"].tolist() == ["Rufiz Hafizoglu"]
        assert got["source_kind"].tolist() == ["person"]
