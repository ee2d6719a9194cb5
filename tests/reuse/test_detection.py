"""Tests for boilerplate reuse: exact seed expectations, edited cases written here, the pipeline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis.paths import SEEDS_DIR
from analysis.reuse import REUSE_COLUMNS, align_pair, find_reuse, reused_spans
from analysis.reuse.index import article_signatures, candidate_pairs, shared_ngrams, word_key

OLD, NEW = "000_5b183b1fed710e9a", "001_80062493b65dd1fc"

BACKGROUND = [
    "The river port at Lenkoran was opened in 1911 by a trading company that shipped grain and "
    "timber along the coast to the northern markets of the region.",
    "Since then the harbour has been rebuilt three times, most recently after the storm of 1998 "
    "that destroyed the old wooden piers and the customs house.",
    "Today the port handles about four hundred vessels a year and employs close to two thousand "
    "people in loading, repair and customs work.",
]
NEWS_A = "Harbour officials on Monday announced a new ferry line to the islands in the south."
NEWS_B = "The regional council voted on Friday to lease the eastern quay to a fishing cooperative."


def corpus_of(*articles: tuple[str, str, str]) -> analysis.Corpus:
    """A corpus from ``(id, date, text)`` triples."""
    frame = pd.DataFrame(articles, columns=["id", "date", "text"])
    frame["author"] = "Desk"
    return analysis.load_corpus(frame)


def join(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def seeds() -> analysis.Corpus:
    return analysis.load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def seed_reuse(seeds) -> pd.DataFrame:
    return find_reuse(seeds)


# --- the seeds --------------------------------------------------------------------------------


def test_seed_reuse_has_exactly_the_block_and_the_reworded_sentence(seed_reuse):
    assert list(seed_reuse.columns) == REUSE_COLUMNS
    assert sorted(seed_reuse["kind"]) == ["paraphrase", "verbatim"]
    assert (seed_reuse["source_id"] == OLD).all()
    assert (seed_reuse["target_id"] == NEW).all()


def test_seed_background_block_is_one_verbatim_passage_on_paragraph_boundaries(seeds, seed_reuse):
    paras = seeds.paragraphs.set_index(["article_id", "para"])
    block = seed_reuse[seed_reuse["kind"] == "verbatim"].iloc[0]
    assert (block.source_start, block.source_end) == (
        paras.loc[(OLD, 7), "start"],
        paras.loc[(OLD, 10), "end"],
    )
    assert (block.target_start, block.target_end) == (
        paras.loc[(NEW, 4), "start"],
        paras.loc[(NEW, 7), "end"],
    )
    assert (block.source_start, block.source_end, block.target_start, block.target_end) == (
        1230,
        2225,
        666,
        1661,
    )
    source = seeds.text(OLD)[block.source_start : block.source_end]
    target = seeds.text(NEW)[block.target_start : block.target_end]
    assert source == target
    assert source.startswith("Military cooperation between Azerbaijan and Turkey first emerged")
    assert source.endswith("in the field of sea, air, and space.")
    assert (block.similarity, block.n_words, block.edits) == (1.0, 152, "")


def test_seed_reforms_sentence_is_a_paraphrase_with_exact_sentence_spans(seeds, seed_reuse):
    row = seed_reuse[seed_reuse["kind"] == "paraphrase"].iloc[0]
    sentences = seeds.sentences.set_index(["article_id", "start", "end"])
    old = sentences.loc[(OLD, row.source_start, row.source_end), "text"]
    new = sentences.loc[(NEW, row.target_start, row.target_end), "text"]
    assert old.startswith("He said that the reforms to bring the Azerbaijan army in line")
    assert old.endswith("under Commander-in-Chief President Ilham Aliyev's instructions.")
    assert new.startswith("In welcoming the Turkish delegation, Hasanov emphasized that reforms")
    assert new.endswith("as instructed by the high command.")
    assert row.similarity == pytest.approx(0.5455, abs=1e-4)
    assert row.edits == ""


def test_seed_topic_only_sentences_are_not_reuse(seeds, seed_reuse):
    text = seeds.text(NEW)
    drills = text.index("Furthermore, Azerbaijan and Turkey periodically hold joint drills")
    ministry = text.index("Earlier, the Defence Ministry reported")
    for start in (drills, ministry, 0):
        inside = (seed_reuse["target_start"] <= start) & (seed_reuse["target_end"] > start)
        assert not inside.any()


def test_seed_reused_spans_point_to_the_2021_origin(seeds):
    spans = reused_spans(seeds, find_reuse(seeds))
    assert list(spans.columns) == [
        "article_id",
        "start",
        "end",
        "source_id",
        "source_start",
        "source_end",
        "origin_id",
        "origin_date",
        "kind",
    ]
    assert spans[["start", "end", "kind"]].to_records(index=False).tolist() == [
        (230, 425, "paraphrase"),
        (666, 1661, "verbatim"),
    ]
    assert (spans["article_id"] == NEW).all()
    assert (spans["origin_id"] == OLD).all()
    assert (spans["origin_date"] == pd.Timestamp("2021-07-15")).all()


def test_seed_families_and_shares(seeds, seed_reuse):
    families = analysis.boilerplate_families(seeds, seed_reuse)
    assert families[["origin_id", "origin_start", "origin_end", "n_articles"]].to_records(
        index=False
    ).tolist() == [(OLD, 1230, 2225, 2), (OLD, 277, 471, 2)]
    assert families.loc[0, "history"] == f"2022-04-12 {NEW}: verbatim"
    assert families["passages"].tolist() == [(1,), (0,)]
    share = analysis.reuse_share(seeds, seed_reuse)
    assert share.loc[OLD].tolist() == [0, 2225, 0.0]
    assert share.loc[NEW, "reused_chars"] == (1661 - 666) + (425 - 230)
    assert share.loc[NEW, "total_chars"] == 2143


# --- edited reuse, written here -----------------------------------------------------------------


def passage_texts(source: str, target: str, **options) -> list[tuple[str, str, str, str]]:
    return [
        (
            p["kind"],
            source[p["source_start"] : p["source_end"]],
            target[p["target_start"] : p["target_end"]],
            p["edits"],
        )
        for p in align_pair(source, target, **options)
    ]


@pytest.mark.parametrize(
    ("old", "new", "edits"),
    [
        ("Defence", "Defense", "Defence->Defense"),
        ("Turkey", "Türkiye", "Turkey->Türkiye"),
        ("Turkey", "Turkiye", "Turkey->Turkiye"),
        ("Turkey’s", "Turkey's", "Turkey’s->Turkey's"),
    ],
)
def test_spelling_variants_keep_one_edited_passage(old, new, edits):
    source = (
        f"The {old} Ministry of {old} Studies said the training centre near the capital "
        "will be opened next spring."
    )
    if old == "Turkey’s":
        source = f"The {old} delegation visited the training centre near the capital on a cold day."
    target = source.replace(old, new)
    [(kind, src, tgt, found)] = passage_texts(source, target)
    assert (kind, src, tgt, found) == ("edited", source, target, edits)


def test_curly_and_straight_quotes_are_the_same_text():
    source = "He said the plan would “increase the number of joint exercises with the allies”."
    target = 'He said the plan would "increase the number of joint exercises with the allies".'
    [(kind, src, tgt, edits)] = passage_texts(source, target)
    assert (kind, src, tgt, edits) == ("edited", source, target, "punctuation")


def test_a_year_added_to_a_date_and_words_inserted_or_dropped():
    source = BACKGROUND[1]
    target = source.replace("storm of 1998", "great storm of autumn 1998").replace(
        "the old wooden piers", "the wooden piers"
    )
    [(kind, src, tgt, edits)] = passage_texts(source, target)
    assert (kind, src, tgt) == ("edited", source, target)
    assert edits == "+great; +autumn; -old"
    dated_source = "On June 15 the two ports signed a memorandum that set the fees for all ships."
    dated_target = (
        "On June 15, 2021 the two ports signed a memorandum that set the fees for all ships."
    )
    [(kind, src, tgt, edits)] = passage_texts(dated_source, dated_target)
    assert (kind, src, tgt, edits) == ("edited", dated_source, dated_target, "+2021")


def test_a_paragraph_split_in_two_stays_one_passage():
    source = join(NEWS_A, BACKGROUND[0] + " " + BACKGROUND[1])
    target = join(NEWS_B, BACKGROUND[0], BACKGROUND[1])
    [(kind, src, tgt, edits)] = passage_texts(source, target)
    assert kind == "edited"
    assert src == BACKGROUND[0] + " " + BACKGROUND[1]
    assert tgt == join(BACKGROUND[0], BACKGROUND[1])
    assert edits == "+¶"


def test_reordered_paragraphs_give_one_exact_passage_each():
    source = join(NEWS_A, *BACKGROUND)
    target = join(NEWS_B, BACKGROUND[2], BACKGROUND[0], BACKGROUND[1])
    found = passage_texts(source, target)
    assert [(k, s, t) for k, s, t, _ in found] == [
        ("verbatim", BACKGROUND[2], BACKGROUND[2]),
        ("verbatim", join(*BACKGROUND[:2]), join(*BACKGROUND[:2])),
    ]


def test_paragraphs_interleaved_with_new_text_leave_the_new_text_out():
    source = join(NEWS_A, *BACKGROUND)
    target = join(BACKGROUND[0], NEWS_B, BACKGROUND[1], BACKGROUND[2])
    found = passage_texts(source, target)
    assert [t for _, _, t, _ in found] == [BACKGROUND[0], join(*BACKGROUND[1:])]
    assert all(NEWS_B not in t for _, _, t, _ in found)


def test_context_words_around_a_block_are_not_taken():
    source = join("The harbour master said the port will stay open.", *BACKGROUND)
    target = join(*BACKGROUND, "The harbour master said the port will stay open in winter.")
    found = passage_texts(source, target)
    assert [(k, s, t) for k, s, t, _ in found] == [
        ("verbatim", join(*BACKGROUND), join(*BACKGROUND))
    ]


REFORMS_OLD = (
    "The minister said that the reforms to bring the coastal guard in line with the standards of "
    "the allied navies are being carried out under the governor's instructions."
)
REFORMS_NEW = (
    "Meeting the visitors, the minister stressed that reforms are underway to bring the coastal "
    "guard up to the standards of the allied navies, as instructed by the government."
)
TOPIC_OLD = "The coastal guard and the navy hold joint drills near the islands every spring."
TOPIC_NEW = "Joint drills help the two services improve their communication at sea."


def test_reworded_sentence_is_a_paraphrase_and_topic_sentences_are_not():
    source = join(REFORMS_OLD, TOPIC_OLD, *BACKGROUND)
    target = join(TOPIC_NEW, REFORMS_NEW, *BACKGROUND)
    found = passage_texts(source, target)
    assert [(k, s, t) for k, s, t, _ in found] == [
        ("paraphrase", REFORMS_OLD, REFORMS_NEW),
        ("verbatim", join(*BACKGROUND), join(*BACKGROUND)),
    ]
    assert passage_texts(source, target, paraphrase=False) == found[1:]


def test_no_shared_text_gives_no_passage():
    assert align_pair(join(NEWS_A, TOPIC_OLD), join(NEWS_B, TOPIC_NEW)) == []
    assert align_pair("", "") == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"k": 0}, "k must be a positive integer"),
        ({"min_words": -1}, "min_words must be a positive integer"),
        ({"max_gap": -2}, "max_gap must be a non-negative integer"),
        ({"paraphrase_threshold": 1.5}, "paraphrase_threshold must be in"),
        ({"paraphrase_min_common": 0}, "paraphrase_min_common must be a positive integer"),
    ],
)
def test_bad_options_are_refused(seeds, options, message):
    with pytest.raises(ValueError, match=message):
        align_pair("a b", "a b", **options)
    with pytest.raises(ValueError, match=message):
        find_reuse(seeds, **options)


def test_find_reuse_refuses_a_non_corpus_and_unknown_sources(seeds):
    with pytest.raises(TypeError, match="analysis.Corpus"):
        find_reuse(pd.DataFrame())
    with pytest.raises(ValueError, match="sources must be"):
        find_reuse(seeds, sources="some")


# --- the corpus pipeline ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def chain() -> analysis.Corpus:
    """A 2019 story, a 2020 copy with one edit, a 2021 copy of the copy, and an unrelated story."""
    first = join(NEWS_A, *BACKGROUND)
    second = join(NEWS_B, BACKGROUND[0], BACKGROUND[1].replace("three times", "four times"))
    third = join(TOPIC_NEW, BACKGROUND[0], BACKGROUND[1].replace("three times", "four times"))
    return corpus_of(
        ("c_third", "2021-03-01", third),
        ("a_first", "2019-05-02", first),
        ("b_second", "2020-01-20", second),
        ("d_other", "2020-06-01", join(TOPIC_OLD, REFORMS_OLD)),
    )


def test_sources_are_earlier_articles_and_output_is_sorted(chain):
    reuse = find_reuse(chain)
    assert reuse[["source_id", "target_id", "kind"]].to_records(index=False).tolist() == [
        ("a_first", "b_second", "edited"),
        ("a_first", "c_third", "edited"),
        ("b_second", "c_third", "verbatim"),
    ]
    assert reuse.loc[0, "edits"] == "three->four"
    covering = find_reuse(chain, sources="covering")
    assert covering[["source_id", "target_id"]].to_records(index=False).tolist() == [
        ("a_first", "b_second"),
        ("b_second", "c_third"),
    ]


def test_reused_spans_follow_the_chain_to_the_origin(chain):
    spans = reused_spans(chain, find_reuse(chain, sources="covering"))
    assert spans[["article_id", "source_id", "origin_id"]].to_records(index=False).tolist() == [
        ("b_second", "a_first", "a_first"),
        ("c_third", "b_second", "a_first"),
    ]
    assert reused_spans(chain, find_reuse(chain))["origin_id"].tolist() == ["a_first"] * 3
    assert (spans["origin_date"] == pd.Timestamp("2019-05-02")).all()


def test_families_group_the_chain_with_its_history(chain):
    families = analysis.boilerplate_families(chain, find_reuse(chain))
    assert len(families) == 1
    family = families.iloc[0]
    assert (family.origin_id, family.n_articles, family.n_passages) == ("a_first", 3, 3)
    assert family.article_ids == ("a_first", "b_second", "c_third")
    assert family.history == (
        "2020-01-20 b_second: edited (three->four) | 2021-03-01 c_third: edited (three->four)"
    )
    # Rows of the passages table, by the later article's date, then the source.
    assert family.passages == (0, 1, 2)


def test_family_passages_name_every_row_once_in_date_order(reprints):
    reuse = find_reuse(reprints)
    shuffled = reuse.iloc[[6, 2, 0, 5, 1, 4, 3]].reset_index(drop=True)
    (passages,) = analysis.boilerplate_families(reprints, shuffled)["passages"]
    assert sorted(passages) == list(range(7))
    rows = shuffled.iloc[list(passages)]
    assert list(zip(rows["target_id"], rows["source_id"], strict=True)) == [
        ("r1", "r0"),
        ("r2", "r0"),
        ("r2", "r1"),
        ("r3", "r0"),
        ("r3", "r2"),
        ("r4", "r0"),
        ("r4", "r3"),
    ]


def test_reuse_share_counts_the_union_of_recycled_characters(chain):
    share = analysis.reuse_share(chain, find_reuse(chain))
    text = chain.text("c_third")
    assert share.loc["c_third", "reused_chars"] == len(text) - len(TOPIC_NEW) - 2
    assert share.loc["a_first", "reuse_share"] == 0.0
    assert share.loc["d_other", "reused_chars"] == 0


def test_staged_functions_compose_like_find_reuse(chain):
    signatures = article_signatures(chain.articles, k=4, positions=True)
    assert set(signatures.columns) == {"article_id", "hash", "position"}
    pairs = candidate_pairs(signatures, min_words=10)
    assert pairs[["a", "b"]].to_records(index=False).tolist() == [
        ("a_first", "b_second"),
        ("a_first", "c_third"),
        ("b_second", "c_third"),
    ]
    assert (pairs["bound"] >= 10).all()
    shared = shared_ngrams(signatures)
    assert set(zip(shared["a"], shared["b"], strict=True)) == set(
        zip(pairs["a"], pairs["b"], strict=True)
    )
    halves = [chain.articles.iloc[:2], chain.articles.iloc[2:]]
    split = pd.concat([article_signatures(h, k=4, positions=True) for h in halves])
    split.attrs["k"] = 4
    assert candidate_pairs(split, min_words=10).equals(pairs)


def test_candidate_pairs_needs_positions_for_min_words(chain):
    with pytest.raises(ValueError, match="positions"):
        candidate_pairs(article_signatures(chain.articles), min_words=10)


def test_word_keys_fold_case_accents_quotes_and_variants():
    assert [word_key(w) for w in ("Türkiye", "TURKIYE", "Turkey", "defence", "Azerbaijan’s")] == [
        "turkey",
        "turkey",
        "turkey",
        "defense",
        "azerbaijan's",
    ]


def test_find_reuse_on_a_single_article():
    corpus = corpus_of(("only", "2020-01-01", join(*BACKGROUND)))
    reuse = find_reuse(corpus)
    assert reuse.empty and list(reuse.columns) == REUSE_COLUMNS
    assert np.issubdtype(reuse["source_start"].dtype, np.integer)


def test_an_nfd_copy_is_a_verbatim_copy_with_spans_in_its_own_text():
    import unicodedata

    from analysis import load_corpus

    nfc = (
        "The delegation from Zürich met officials of Türkiye in Baku on Monday to discuss the "
        "pipeline and its financing, the ministry said.\n\nTalks resume in Genève next week."
    )
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) == len(nfc) + 3
    corpus = load_corpus(
        pd.DataFrame(
            {"id": ["a", "b"], "date": ["2022-01-01", "2022-01-02"], "author": None,
             "text": [nfc, nfd]}
        )
    )  # fmt: skip
    reuse = find_reuse(corpus)
    assert reuse[["target_start", "target_end", "kind", "similarity", "edits"]].values.tolist() == [
        [0, len(nfd), "verbatim", 1.0, ""]
    ]
    assert reuse[["source_start", "source_end"]].values.tolist() == [[0, len(nfc)]]


@pytest.fixture(scope="module")
def reprints() -> analysis.Corpus:
    """The background block reprinted in five stories of five days, each with its own news."""
    news = [NEWS_A, NEWS_B, TOPIC_NEW, TOPIC_OLD, "A new bridge to the islands opens in June."]
    return corpus_of(
        *[(f"r{i}", f"2021-03-0{i + 1}", join(news[i], *BACKGROUND)) for i in range(5)]
    )


def test_nearest_links_each_reprint_to_its_origin_and_nearest_earlier_copy(reprints):
    nearest = find_reuse(reprints)
    assert sorted(zip(nearest["source_id"], nearest["target_id"], strict=True)) == [
        ("r0", "r1"),
        ("r0", "r2"),
        ("r0", "r3"),
        ("r0", "r4"),
        ("r1", "r2"),
        ("r2", "r3"),
        ("r3", "r4"),
    ]
    every = find_reuse(reprints, sources="all")
    assert len(every) == 10
    assert set(nearest["kind"]) == {"verbatim"}
    # The rows nearest keeps are the rows of the all-pairs run, offsets and all.
    merged = nearest.merge(every, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()


def test_nearest_keeps_shares_origins_and_families_of_all_pairs(reprints):
    nearest, every = find_reuse(reprints), find_reuse(reprints, sources="all")
    pd.testing.assert_frame_equal(
        analysis.reuse_share(reprints, nearest), analysis.reuse_share(reprints, every)
    )
    assert set(reused_spans(reprints, nearest)["origin_id"]) == {"r0"}
    families = analysis.boilerplate_families(reprints, nearest)
    assert families["article_ids"].tolist() == [("r0", "r1", "r2", "r3", "r4")]
    assert families["n_passages"].tolist() == [7]


@pytest.mark.parametrize("sources", ["nearest", "all"])
def test_links_built_block_by_block_give_the_rows_of_one_block(reprints, monkeypatch, sources):
    from analysis.reuse import index

    whole = find_reuse(reprints, sources=sources)
    blocks = []
    original = index._TargetBlocks.links

    def counted(self, number):
        block = original(self, number)
        blocks.append(len(block[0]))
        return block

    monkeypatch.setattr(index, "_BLOCK_LINKS", 1)
    monkeypatch.setattr(index._TargetBlocks, "links", counted)
    pd.testing.assert_frame_equal(find_reuse(reprints, sources=sources), whole)
    # One block per target (r1..r4): the background block's 74 shared 4-grams link each reprint
    # to every earlier one (the aligner's index), then to the nearest one (the templates' index).
    assert blocks == [74, 148, 222, 296, 74, 74, 74, 74]


def test_word_spans_of_an_aligned_text_index_like_a_list():
    from analysis.corpus.units import word_spans
    from analysis.reuse.alignment import _Spans

    text = "Azerbaijan’s Turkish-Azerbaijani drills, 2,000 troops."
    spans = _Spans(text)
    assert [spans[i] for i in range(5)] == word_spans(text)
    assert spans[1:3] == word_spans(text)[1:3] == [(13, 32), (33, 39)]
    assert spans[-1] == (47, 53)
