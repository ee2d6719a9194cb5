"""Tests for the timeline: seed events, merged mentions, the stale-date check, exports, figure."""

from __future__ import annotations

import json
import random
import re
from collections import Counter

import matplotlib
import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz

from analysis import (
    TimelineOptions,
    build_timeline,
    find_reuse,
    load_corpus,
    reused_spans,
    timeline_mentions,
)
from analysis.chronology.exports import timeline_to_csv, timeline_to_timelinejs
from analysis.chronology.timeline import (
    _BARE_REPORT,
    _CLAUSE_CUT,
    _DATE_PREPOSITION,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    _candidate_pairs,
    _clusters,
    _group_clusters,
    _neighbours,
    _similar_all_pairs,
    _similar_blocked,
    _tail,
    _word_set,
)
from analysis.paths import SEEDS_DIR
from analysis.views.timeline import plot_timeline

matplotlib.use("Agg")

SEED_2021 = "000_5b183b1fed710e9a"
SEED_2022 = "001_80062493b65dd1fc"
NO_REUSE = pd.DataFrame(columns=["article_id", "start", "end", "origin_id", "origin_date"])


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


def detected_spans(corpus):
    return reused_spans(corpus, find_reuse(corpus))


@pytest.fixture(scope="module")
def seed_mentions(seeds):
    return timeline_mentions(seeds, reuse=detected_spans(seeds))


@pytest.fixture(scope="module")
def seed_timeline(seed_mentions):
    return build_timeline(seed_mentions)


@pytest.fixture(scope="module")
def september():
    """The 2021 seed and a September 2022 article that recycles two of its paragraphs."""
    seed = load_corpus(SEEDS_DIR).articles.loc[SEED_2021, "text"]
    paragraphs = seed.split("\n\n")
    recycled = [p for p in paragraphs if p.startswith(("Military cooperation", "On June 15"))]
    later = "\n\n".join(["Azerbaijan and Turkey held defence talks on Monday.", *recycled,
                         "The ministers will meet again next year."])  # fmt: skip
    frame = pd.DataFrame({"id": ["a2021", "b2022"], "date": ["2021-07-15", "2022-09-20"],
                          "author": ["Azernews", "Desk"], "text": [seed, later]})  # fmt: skip
    return load_corpus(frame)


def test_seed_timeline_runs_from_1992_to_efes(seed_timeline):
    assert list(seed_timeline.columns) == EVENT_COLUMNS
    columns = ["value", "n_mentions", "n_articles", "reused", "stale"]
    assert seed_timeline[columns].values.tolist() == [
        ["1992", 2, 2, True, False],
        ["2021-06-15", 2, 2, True, False],
        ["2021-07-14", 1, 1, False, False],
        ["2021-07-14", 1, 1, False, False],
        ["2021-09-27", 1, 1, False, False],
        ["2022-04-12", 1, 1, False, False],
        ["2022-05", 1, 1, False, False],
        ["2022-06", 1, 1, False, False],
    ]  # fmt: skip
    assert seed_timeline.loc[0, ["date_start", "date_end"]].tolist() == [
        pd.Timestamp("1992-01-01"), pd.Timestamp("1992-12-31")
    ]  # fmt: skip


def test_june_15_memorandum_is_one_event_with_both_mentions(seed_timeline, seeds):
    event = seed_timeline[seed_timeline["value"] == "2021-06-15"].iloc[0]
    assert event.label == "The two countries signed a memorandum of alliance"
    assert event.mentions == [(SEED_2021, 1487, 1494), (SEED_2022, 923, 930)]
    for article_id, start, end in event.mentions:
        assert seeds.text(article_id)[start:end] == "June 15"


def test_seed_labels(seed_timeline):
    labels = dict(zip(seed_timeline["value"], seed_timeline["label"], strict=False))
    assert labels["1992"] == "Military cooperation between Azerbaijan and Turkey first emerged"
    assert labels["2022-05"].startswith("Azerbaijani servicemen will take part in the Efes-2022")


def test_seed_mentions_flag_recycled_text(seed_mentions):
    mentions = seed_mentions
    assert list(mentions.columns) == MENTION_COLUMNS
    later = mentions[mentions["article_id"] == SEED_2022]
    assert later[["text", "reused"]].values.tolist() == [
        ["April 12", False], ["1992", True], ["June 15", True], ["eight months", True],
        ["September 27", False], ["Earlier", False], ["May", False], ["June", False],
    ]  # fmt: skip
    # On the seeds the naive value of the recycled "On June 15" equals the origin's value.
    assert not mentions["stale"].any()
    duration = later[later["text"] == "eight months"].iloc[0]
    assert (duration.value, duration.anchor) == (
        "P8M",
        "Azerbaijan’s victory in the war with Armenia",
    )
    assert pd.isna(duration.date_start)


def test_stale_date_with_hand_built_reuse(september):
    text = september.text("b2022")
    start = text.index("Military cooperation")
    end = text.index("The ministers will")
    spans = pd.DataFrame({"article_id": ["b2022"], "start": [start], "end": [end - 2],
                          "origin_id": ["a2021"],
                          "origin_date": [pd.Timestamp("2021-07-15")]})  # fmt: skip
    mentions = timeline_mentions(september, reuse=spans)
    later = mentions[mentions["article_id"] == "b2022"]
    assert later[["text", "value", "naive_value", "reused", "stale"]].values.tolist() == [
        ["Monday", "2022-09-19", "2022-09-19", False, False],
        ["1992", "1992", "1992", True, False],
        ["June 15", "2021-06-15", "2022-06-15", True, True],
        ["next year", "2023", "2023", False, False],
    ]
    stale = later[later["stale"]].iloc[0]
    assert (stale.origin_id, stale.origin_date) == ("a2021", pd.Timestamp("2021-07-15"))


def test_stale_date_with_detected_reuse(september):
    spans = detected_spans(september)
    assert spans[["article_id", "origin_id"]].values.tolist() == [["b2022", "a2021"]]
    timeline = build_timeline(timeline_mentions(september, reuse=spans))
    june = timeline[timeline["value"] == "2021-06-15"]
    assert june[["n_mentions", "n_reused", "stale"]].values.tolist() == [[2, 1, True]]
    assert "2022-06-15" not in timeline["value"].tolist()


TALKS = "Talks on the pipeline reopen in Geneva on Thursday, the ministry said."
BROKE_DOWN = "Talks on the pipeline broke down in Geneva on Monday, the ministry said."


@pytest.mark.parametrize(
    ("origin", "later", "sentence", "value", "naive", "stale"),
    [
        # A future weekday recycled the next day still names the same Thursday: not stale.
        ("1987-03-03", "1987-03-04", TALKS, "1987-03-05", "1987-03-05", False),
        # A past weekday recycled later in the same week: the same Monday, not stale.
        ("1987-03-03", "1987-03-06", BROKE_DOWN, "1987-03-02", "1987-03-02", False),
        # Recycled a week on, both name another day: the later article's reader is misled.
        ("1987-03-03", "1987-03-10", TALKS, "1987-03-05", "1987-03-12", True),
        ("1987-03-03", "1987-03-10", BROKE_DOWN, "1987-03-02", "1987-03-09", True),
    ],
)
def test_stale_only_where_the_recycled_date_names_another_day(
    origin, later, sentence, value, naive, stale
):
    text = "Pipeline exports were halted. " + sentence
    frame = pd.DataFrame({"id": ["origin", "later"], "date": [origin, later],
                          "author": None, "text": [sentence, text]})  # fmt: skip
    corpus = load_corpus(frame)
    start = text.index(sentence)
    spans = pd.DataFrame({"article_id": ["later"], "start": [start],
                          "end": [start + len(sentence)], "origin_id": ["origin"],
                          "origin_date": [pd.Timestamp(origin)]})  # fmt: skip
    mentions = timeline_mentions(corpus, reuse=spans)
    recycled = mentions[mentions["article_id"] == "later"]
    assert recycled[["value", "naive_value", "reused", "stale"]].values.tolist() == [
        [value, naive, True, stale]
    ]
    own = mentions[mentions["article_id"] == "origin"]
    assert own[["value", "stale"]].values.tolist() == [[value, False]]


def test_without_reuse_nothing_is_flagged(september):
    mentions = timeline_mentions(september, reuse=NO_REUSE)
    assert not mentions["reused"].any()
    assert "2022-06-15" in mentions["value"].tolist()


def test_same_day_different_events_stay_apart(seed_timeline, seed_mentions):
    july = seed_timeline[seed_timeline["value"] == "2021-07-14"]
    assert july["label"].tolist() == [
        "It is planned to increase the number of the Turkish-Azerbaijani …",
        "Hasanov made the remarks at a meeting with newly-appointed Turkish …",
    ]
    assert build_timeline(seed_mentions, similarity=0)["value"].tolist().count("2021-07-14") == 1


def test_csv_export(seed_timeline):
    lines = timeline_to_csv(seed_timeline).splitlines()
    assert lines[0].split(",")[:3] == ["event_id", "date_start", "date_end"]
    assert len(lines) == len(seed_timeline) + 1
    assert f"{SEED_2021}:1487-1494 {SEED_2022}:923-930" in lines[2]


def test_timelinejs_export(seed_timeline):
    document = timeline_to_timelinejs(seed_timeline, title="Azerbaijan-Turkey")
    json.dumps(document)
    assert document["title"]["text"]["headline"] == "Azerbaijan-Turkey"
    first, memorandum, may = document["events"][0], document["events"][1], document["events"][6]
    assert first["start_date"] == {"year": 1992}
    assert first["group"] == "original text"
    assert memorandum["start_date"] == {"year": 2021, "month": 6, "day": 15}
    assert "end_date" not in memorandum
    assert may["start_date"] == {"year": 2022, "month": 5}
    assert may["end_date"] == {"year": 2022, "month": 5}


def test_figure(seed_timeline, seeds):
    fig = plot_timeline(seed_timeline, seeds.articles)
    overview, zoom = fig.axes[:2]
    assert len(overview.get_yticklabels()) == len(seed_timeline)
    assert len(zoom.lines) >= len(seeds.articles)


def all_pairs_clusters(sentences: list[str], similarity: float) -> list[int]:
    """The reference merge: each sentence joins the first cluster with any similar member."""
    clusters: list[list[str]] = []
    numbers = []
    for sentence in sentences:
        home = next(
            (n for n, members in enumerate(clusters)
             if any(fuzz.token_set_ratio(sentence, m) >= similarity for m in members)),
            None,
        )  # fmt: skip
        if home is None:
            clusters.append([])
            home = len(clusters) - 1
        clusters[home].append(sentence)
        numbers.append(home)
    return numbers


SAME_YEAR = [
    "In 1992 the two countries signed a defence pact.",
    "Oil output fell sharply in 1992.",
    "The two countries signed a defence pact in 1992.",
    "A new port opened in 1992 near the capital.",
    "Oil output fell sharply in 1992.",
    "In 1992 oil output fell.",
    "In 1992 the two countries signed a defence pact.",
    "Exports of grain to Europe doubled in 1992.",
]


@pytest.mark.parametrize("similarity", [0, 0.6, 0.9, 1])
def test_merges_like_all_pairs(similarity):
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(len(SAME_YEAR))],
                          "date": [f"2022-04-{i + 10}" for i in range(len(SAME_YEAR))],
                          "author": None, "text": SAME_YEAR})  # fmt: skip
    corpus = load_corpus(frame)
    mentions = timeline_mentions(corpus, reuse=NO_REUSE)
    timeline = build_timeline(mentions, similarity=similarity)
    reference = all_pairs_clusters(SAME_YEAR, round(100 * similarity, 9))
    expected = sorted(
        [f"a{i}" for i, c in enumerate(reference) if c == cluster]
        for cluster in sorted(set(reference))
    )
    assert sorted([a for a, _, _ in m] for m in timeline["mentions"]) == expected
    # The indexed path (used above exact_limit) pairs sentences through shared uncommon words;
    # in a group this small every word is uncommon, so it merges exactly the same.
    indexed = build_timeline(mentions, similarity=similarity, exact_limit=0)
    pd.testing.assert_frame_equal(indexed, timeline)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"similarity": 60}, ValueError, "similarity must be between 0 and 1, got 60"),
     ({"similarity": -0.1}, ValueError, "similarity must be between 0 and 1"),
     ({"mentions": "mentions"}, TypeError, "mentions must be a DataFrame"),
     ({"mentions": pd.DataFrame({"value": []})}, ValueError, "mentions lacks column"),
     ({"exact_limit": -1}, ValueError, "exact_limit must be a non-negative integer"),
     ({"exact_limt": 1}, TypeError, r"unknown TimelineOptions option\(s\) \['exact_limt'\]"),
     ({"processes": 0}, ValueError, "processes must be a positive integer")],
)  # fmt: skip
def test_bad_inputs(seed_mentions, kwargs, error, message):
    args = {"mentions": seed_mentions, **kwargs}
    with pytest.raises(error, match=message):
        build_timeline(args.pop("mentions"), **args)


@pytest.mark.parametrize(
    ("reuse", "error"),
    [("spans", TypeError), (pd.DataFrame({"article_id": []}), ValueError), (None, TypeError)],
)
def test_bad_reuse_spans(seeds, reuse, error):
    with pytest.raises(error, match="reuse"):
        timeline_mentions(seeds, reuse=reuse)


def test_bad_processes(seeds):
    with pytest.raises(ValueError, match="processes must be a positive integer"):
        timeline_mentions(seeds, reuse=NO_REUSE, processes=0)


@pytest.mark.parametrize("sentences_first", [False, True])
def test_two_processes_give_the_same_frames(seeds, september, sentences_first):
    """Tagging and merging in worker processes change nothing, whether the sentences come from
    the corpus or from the paragraphs that hold a mention."""
    articles = pd.concat([seeds.articles, september.articles.rename(index={"a2021": "c2021"})])
    frame = articles.reset_index()[["article_id", "date", "author", "title", "text"]]
    corpus = load_corpus(frame.rename(columns={"article_id": "id"}))
    if sentences_first:
        assert len(corpus.sentences)
    reuse = detected_spans(corpus)
    one = timeline_mentions(corpus, reuse=reuse)
    two = timeline_mentions(corpus, TimelineOptions(processes=2), reuse=reuse)
    assert one.equals(two)
    assert (len(one), int(one["stale"].sum())) == (22, 1)
    for exact_limit in (0, 300):
        alone = build_timeline(one, exact_limit=exact_limit)
        assert alone.equals(build_timeline(two, exact_limit=exact_limit, processes=2))
        assert len(alone) == 10


def test_not_a_corpus():
    with pytest.raises(TypeError, match="Corpus"):
        timeline_mentions(pd.DataFrame(), reuse=NO_REUSE)


def test_figure_rejects_other_frames(seeds):
    with pytest.raises(ValueError, match="build_timeline"):
        plot_timeline(pd.DataFrame({"value": []}), seeds.articles)


def test_mentions_in_date_order_ties_by_article_id():
    frame = pd.DataFrame({"id": ["b", "a", "c"], "date": ["2022-01-02", "2022-01-02", "2022-01-01"],
                          "author": None, "text": ["On Monday the talks began.",
                                                   "On Tuesday the talks ended.",
                                                   "In May drills begin."]})  # fmt: skip
    mentions = timeline_mentions(load_corpus(frame), reuse=NO_REUSE)
    assert mentions[["article_id", "text"]].values.tolist() == [
        ["c", "May"],
        ["a", "Tuesday"],
        ["b", "Monday"],
    ]


def test_timeline_does_not_depend_on_the_order_of_the_mentions(seed_mentions):
    expected = build_timeline(seed_mentions, exact_limit=1)
    shuffled = seed_mentions.sample(frac=1, random_state=7).reset_index(drop=True)
    assert not shuffled[["article_id", "start"]].equals(seed_mentions[["article_id", "start"]])
    pd.testing.assert_frame_equal(build_timeline(shuffled, exact_limit=1), expected)


def test_a_corpus_without_dates_has_an_empty_timeline():
    frame = pd.DataFrame({"id": ["a"], "date": ["2022-04-12"], "author": [None],
                          "text": ["The ministers met and talked."]})  # fmt: skip
    mentions = timeline_mentions(load_corpus(frame), reuse=NO_REUSE)
    assert mentions.empty and list(mentions.columns) == MENTION_COLUMNS
    timeline = build_timeline(mentions)
    assert timeline.empty and list(timeline.columns) == EVENT_COLUMNS


def article_labels(texts: list[str], titles: list[str | None] | None = None) -> list[str]:
    """The labels of the mentions of one-article corpora, one article per text."""
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "date": "1987-03-02",
                          "author": None, "text": texts})  # fmt: skip
    if titles is not None:
        frame["title"] = titles
    return timeline_mentions(load_corpus(frame), reuse=NO_REUSE)["label"].tolist()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A comma inside a number is no clause boundary.
        ("Housing starts fell to 1,129,000 units from 1,222,000 units in April.",
         "Housing starts fell to 1,129,000 units from 1,222,000 units"),
        # A date after a frame of function words dates the clause after it.
        ("For all of 1986, Rainier earned 70.0 mln dlrs.", "Rainier earned 70.0 mln dlrs"),
        ("Effective today, the exchange will permit wider price limits.",
         "The exchange will permit wider price limits"),
        ("Through June 10, car sales are 14.1 pct below last year's levels.",
         "Car sales are 14.1 pct below last year's levels"),
        # Told by someone: the nearest clause before with a few words is what was told.
        ("Assembly of the trucks is to move to Janesville, Wis., in 1990, Chronin said.",
         "Assembly of the trucks is to move to Janesville"),
        # A clause that says too little is followed by what the article is about.
        ("Qtly div 12 cts vs 12 cts prior.\nPay April 15.",
         "Pay: Qtly div 12 cts vs 12 cts prior"),
        ("Acme said it sold its unit.\n\nQtr ended March 31.",
         "Qtr ended: Acme said it sold its unit"),
        # A report before what was reported, or a frame that is most of the lead, is kept.
        ("Earlier, the ministry reported that troops will take part in the drills.",
         "Troops will take part in the drills"),

        ("Acme Corp sold its unit.\n\nAvg 04/09/87 03/09/87",
         "Avg 03/09/87: Acme Corp sold its unit"),
        # The first line is its own context: nothing more to add.
        ("Yr ends Nov 29, 1986.", "Yr ends"),
        ("June 15.", ""),
    ],
)  # fmt: skip
def test_labels_say_what_happened(text, label):
    assert article_labels([text])[0] == label


def test_a_lead_that_is_mostly_a_frame_keeps_it():
    labels = article_labels(
        ["The talks began, the ministry reported on April 12.\n\nPay April 15."]
    )
    assert labels == ["The talks began", "Pay: The talks began, the ministry reported on April 12"]


def test_a_short_label_takes_the_title():
    labels = article_labels(["Pay April 15.\nRecord April 1."], ["Acme Corp sets dividend"])
    assert labels == ["Pay: Acme Corp sets dividend", "Record: Acme Corp sets dividend"]


def test_labels_are_cut_after_whole_words():
    text = "On June 15, the " + " ".join(f"word{i}" for i in range(30)) + "."
    (label,) = article_labels([text])
    assert label == "The word0 word1 word2 word3 word4 word5 word6 word7 word8 …"


@pytest.mark.parametrize("space", [c for c in map(chr, range(0x3001)) if c.isspace()])
def test_word_sets_score_as_their_sentences(space):
    # The scorer is given each sentence's sorted set of words; the score must not move, also
    # for the white space rapidfuzz does not split at (U+0085, U+00A0).
    first, second = f"the{space}pact was signed", f"pact signed the{space}pact"
    assert fuzz.token_set_ratio(_word_set(first), _word_set(second)) == fuzz.token_set_ratio(
        first, second
    )


def counter_candidates(distinct: list[str]) -> list[tuple[int, int]]:
    """The reference choice of pairs for the indexed merge, with ``collections.Counter``."""
    words = [{w.lower() for w in re.findall(r"\w{3,}", s)} for s in distinct]
    postings: dict[str, list[int]] = {}
    for index, sentence_words in enumerate(words):
        for word in sentence_words:
            postings.setdefault(word, []).append(index)
    pairs = set()
    for index, sentence_words in enumerate(words):
        shared: Counter[int] = Counter()
        for word in sorted(sentence_words):
            if len(postings[word]) <= 100:
                shared.update(postings[word])
        shared.pop(index, None)
        for other, _ in shared.most_common(30):
            pairs.add((min(index, other), max(index, other)))
    return sorted(pairs)


def test_indexed_merge_chooses_the_reference_candidates():
    # 150 sentences over 40 words: many ties among the candidates, words in more and fewer than
    # 100 sentences, and more than 30 candidates per sentence.
    generator = random.Random(3)
    vocabulary = [f"w{k:02d}x" for k in range(40)]
    distinct = [" ".join(generator.sample(vocabulary, generator.randint(2, 9))) for _ in range(150)]
    pairs = np.asarray(counter_candidates(distinct), dtype="int64")
    expected = _neighbours(distinct, pairs[:, 0], pairs[:, 1], 60.0)
    found = _similar_blocked(distinct, 60.0, distinct)
    assert len(found) == len(expected)
    for mine, reference in zip(found, expected, strict=True):
        assert mine.tolist() == reference.tolist()


# Pieces of text around the end of a clause: prepositions (one of two words), reporting verbs,
# white space of several kinds (a final line break, which ``$`` matches before), letters that
# match case-insensitively ("K", the kelvin sign), cuts and digits.
ENDINGS = ["on", "as", "of", "As  Of", "in", "within", "through", "throughout", "(on", "said",
           "Said", "reported", "x", "K", "\u212a", "1", "2,", ",", ";", ".", " that ", " – ", " ",
           "  ", "\t", "\n", "\u00a0", "\u2003"]  # fmt: skip


def test_end_anchored_patterns_are_searched_from_the_last_words():
    generator = random.Random(7)
    lookahead = "(?=[\\s,:;])"
    assert _CLAUSE_CUT.pattern.startswith(lookahead)
    without_lookahead = re.compile(_CLAUSE_CUT.pattern[len(lookahead) :])
    found = Counter()
    for _ in range(20000):
        text = "".join(generator.choice(ENDINGS) for _ in range(generator.randint(0, 12)))
        before = _DATE_PREPOSITION.search(text, _tail(text, 2)).start()
        assert text[:before].rstrip() == _DATE_PREPOSITION.sub("", text).rstrip(), repr(text)
        whole, tail = _BARE_REPORT.search(text), _BARE_REPORT.search(text, _tail(text, 1))
        assert (tail and tail.span()) == (whole and whole.span()), repr(text)
        cuts = [m.span() for m in _CLAUSE_CUT.finditer(text)]
        assert cuts == [m.span() for m in without_lookahead.finditer(text)], repr(text)
        found.update(preposition=before < len(text.rstrip()), report=bool(whole), cut=bool(cuts))
    assert min(found.values()) >= 500  # each pattern matched often


@pytest.mark.parametrize(
    ("text", "words", "start"),
    [("", 1, 0), ("   ", 2, 0), ("one", 1, 0), ("one two", 1, 4), ("one two ", 2, 0),
     ("a as  of\n", 2, 2), ("x\u00a0on", 1, 2)],
)  # fmt: skip
def test_tail(text, words, start):
    assert _tail(text, words) == start


def random_group(seed: int) -> list[str]:
    """Sentences over a small vocabulary: shared words, ties, empty and one-word sentences."""
    generator = random.Random(seed)
    vocabulary = [f"w{k:02d}x" for k in range(generator.randint(3, 60))]
    return [
        " ".join(generator.sample(vocabulary, generator.randint(0, min(9, len(vocabulary)))))
        for _ in range(generator.randint(1, 260))
    ]


@pytest.mark.parametrize("seed", range(12))
def test_candidate_pairs_are_the_reference_ones(seed):
    distinct = random_group(seed)
    first, second = _candidate_pairs(distinct)
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == counter_candidates(distinct)


@pytest.mark.parametrize(
    ("distinct", "pairs"),
    [(["the pact"], []), (["", "an"], []), (["pact signed", "pact kept", "no"], [(0, 1)]),
     (["Pact", "pact", "PACT"], [(0, 1), (0, 2), (1, 2)])],
)  # fmt: skip
def test_candidate_pairs_of_small_groups(distinct, pairs):
    first, second = _candidate_pairs(distinct)
    assert list(zip(first.tolist(), second.tolist(), strict=True)) == pairs


@pytest.mark.parametrize("seed", range(4))
def test_all_pairs_score_each_pair_as_the_pairwise_call(seed):
    # One cdist over the group against the pairs scored one by one.
    distinct = [_word_set(s) for s in random_group(seed)]
    first, second = np.tril_indices(len(distinct), -1)
    expected = _neighbours(distinct, first, second, 60.0)
    found = _similar_all_pairs(distinct, 60.0)
    assert [a.tolist() for a in found] == [b.tolist() for b in expected]


def test_groups_merge_the_same_in_two_processes():
    groups = [random_group(seed) for seed in range(9)]
    alone = [_clusters(sentences, 60.0, 100) for sentences in groups]
    assert _group_clusters(groups, 60.0, 100, 1) == alone
    assert _group_clusters(groups, 60.0, 100, 2) == alone
    assert sum(len(sentences) > 100 for sentences in groups) >= 3  # both merges ran


def test_a_context_keeps_five_words_and_needs_a_content_word():
    long_frame = "Down from 1.9 billion and 2.7 billion in 1985 to 1.2 in 1986."
    labels = article_labels(
        ["Acme Corp sold its unit to Beta Inc for cash.\n\n" + long_frame, "--\n\nPay April 15."]
    )
    assert (
        labels[0]
        == "Down from 1.9 billion and 2.7 billion to 1.2 in 1986: Acme Corp sold its unit …"
    )
    assert labels[-1] == "Pay"
