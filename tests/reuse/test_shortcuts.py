"""The fast paths of reuse detection give exactly what their plain definitions give."""

from __future__ import annotations

import random
import re
from array import array
from difflib import SequenceMatcher

import numpy as np
import pandas as pd
import pytest

from analysis.corpus.units import (
    paragraph_spans,
    split_sentences,
    surely_one_sentence,
    word_spans,
)
from analysis.options import ReuseOptions
from analysis.reuse import rewrite
from analysis.reuse.alignment import _anchors, _best_chain, align, prepare_text
from analysis.reuse.index import (
    VOCABULARY,
    _distinct,
    _maybe_in,
    _members,
    _postings,
    split_matches,
    text_key_ids,
    tokenize,
    word_count,
    word_keys,
)
from analysis.reuse.paraphrase import ArticleStems

TEXTS = [
    "The Defence Ministry’s view.\n\nTürkiye and Turkey, 2,000 troops.",
    "ΟΔΟΣ ΣΤΗΝ ΑΘΗΝΑ.\n\nΣΑΣ ΟΔΟΣ",  # final sigma: lowercasing looks at the letters around
    "İstanbul and Straße.\n\nNo change here.",  # lowercasing İ lengthens the first paragraph
    "Zu\u0308rich  \n \n\n  Gene\u0300ve, 3rd qtr",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_key_ids_are_the_word_keys_of_each_paragraph(text):
    ids, bounds = text_key_ids(text)
    keys, expected_bounds = [], []
    for start, end in paragraph_spans(text):
        expected_bounds.append(len(keys))
        keys.extend(word_keys(text[start:end]))
    expected_bounds.append(len(keys))
    assert [VOCABULARY.keys[i] for i in ids] == keys
    assert bounds == expected_bounds
    assert prepare_text(text)[1] == ids


@pytest.mark.parametrize("text", [*TEXTS, "a1b2 c--d 3.5,6 x", "Shr 30 cts vs 25 cts. Net loss"])
def test_word_count_is_the_number_of_tokens(text):
    assert word_count(text) == len(tokenize(text)[0])


def test_word_count_counts_words_as_the_tokenizer_cuts_them():
    assert word_count("İstanbul’s 2,000.5 troops, U.S.-led") == 5
    assert word_count("") == 0
    with pytest.raises(AttributeError):
        word_count(None)


def test_equal_keys_have_equal_ids_and_a_number_has_the_frame_key_hash():
    ids, _ = text_key_ids("Defence defense DEFENSE 30 1,234,000 cts")
    assert ids.tolist()[:3] == [ids[0]] * 3 and len(set(ids.tolist())) == 4
    frames = VOCABULARY.frames
    assert [VOCABULARY.keys[frames[i]] for i in ids] == ["defense"] * 3 + ["#", "#", "cts"]


def _all_pairs_chain(anchors, max_gap):
    """_best_chain as first written: every earlier anchor tried as a predecessor."""
    order = sorted(range(len(anchors)), key=lambda n: (anchors[n][1], anchors[n][0]))
    score, back = {}, {}
    for position, n in enumerate(order):
        i, j, length = anchors[n]
        best, parent = 0.0, None
        for m in order[:position]:
            pi, pj, plen = anchors[m]
            gap_src, gap_tgt = i - (pi + plen), j - (pj + plen)
            if 0 <= gap_src <= max_gap and 0 <= gap_tgt <= max_gap:
                value = score[m] - max(gap_src, gap_tgt)
                if value > best:
                    best, parent = value, m
        score[n], back[n] = length + best, parent
    end = max(order, key=lambda n: (score[n], -anchors[n][1], -anchors[n][0]))
    chain = [end]
    while back[chain[-1]] is not None:
        chain.append(back[chain[-1]])
    return score[end], chain[::-1]


def _random_anchors(seed):
    """Anchors crowded on a few words, on many diagonals, so that ties and long windows occur."""
    rng = random.Random(seed)
    return sorted(
        {
            (rng.randrange(60), rng.randrange(60), rng.randint(4, 9))
            for _ in range(rng.randint(1, 80))
        }
    )


@pytest.mark.parametrize("seed", range(40))
def test_best_chain_is_the_chain_of_trying_every_earlier_anchor(seed):
    anchors = _random_anchors(seed)
    for max_gap in (0, 3, 8):
        assert _best_chain(anchors, max_gap) == _all_pairs_chain(anchors, max_gap)


def test_rewrite_candidates_are_the_same_block_by_block(monkeypatch):
    texts = [
        "Hasanov met Dalkiran in Nakhchivan.\n\nThe drills near Nakhchivan ended.",
        "Gasanov received Dalkiran, Nakhchivan drills.",
        "Dalkiran and Hasanov toured Nakhchivan.\n\nOther news entirely.",
        "",
    ]
    prepared = [prepare_text(t) for t in texts]
    options = ReuseOptions(rewrite_min_shared=2)
    whole = rewrite.rewrite_candidates(list("abcd"), prepared, options)
    # dalkir, nakhch shared by the first paragraphs; drills, nakhch by a's second and b's.
    assert whole == {(0, 1): [(0, 0), (1, 0)], (0, 2): [(0, 0)], (1, 2): [(0, 0)]}
    monkeypatch.setattr(rewrite, "_BLOCK_WORDS", 1)
    assert rewrite._article_blocks(prepared) == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert rewrite.rewrite_candidates(list("abcd"), prepared, options) == whole


@pytest.mark.parametrize("sequence", [[], [7], [1, 2, 1, 2, 1], list(range(50)) * 3])
def test_difflib_gives_two_equal_sequences_one_equal_block(sequence):
    opcodes = SequenceMatcher(None, sequence, list(sequence), autojunk=False).get_opcodes()
    assert opcodes == ([("equal", 0, len(sequence), 0, len(sequence))] if sequence else [])


@pytest.mark.parametrize(
    ("source", "target", "frames", "described"),
    [
        ("Shr 30 cts vs 25 cts", "Shr 12 cts vs 14 cts", True, (1.0, "30->12; 25->14")),
        (
            "The Defence Ministry said",
            "the defense ministry said",
            False,
            (1.0, "The->the; Defence->defense; Ministry->ministry"),
        ),
        ("the ministry said", "the ministry said", False, (1.0, "punctuation")),
        ("the ministry said", "the army said", False, (2 / 3, "ministry->army")),
    ],
)
def test_described_edits(source, target, frames, described):
    from analysis.reuse.alignment import _describe

    src_ids, tgt_ids = text_key_ids(source)[0], text_key_ids(target)[0]
    if frames:
        src_ids = array("i", VOCABULARY.frames[list(src_ids)].tolist())
        tgt_ids = array("i", VOCABULARY.frames[list(tgt_ids)].tolist())
    words = source.split(), target.split()
    assert _describe(source, target, *words, src_ids, tgt_ids) == described


@pytest.mark.parametrize("seed", range(30))
def test_paragraph_stems_outside_taken_spans_are_those_of_a_filter_by_offset(seed):
    from analysis.reuse.paraphrase import ArticleStems

    rng = random.Random(seed)
    words = ["ministry", "reforms", "army", "the", "standards", "navy", "drills", "said"]
    text = "\n\n".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(4)
    )
    article = ArticleStems(text)
    taken = [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(rng.randint(0, 4))]
    for p0, p1 in article.paragraphs:
        expected = tuple(
            stem
            for start, stem in _plain_stems(text)
            if p0 <= start < p1 and not any(a <= start < b for a, b in taken)
        )
        assert article.paragraph_stems(p0, p1, taken) == expected
        whole = tuple(stem for start, stem in _plain_stems(text) if p0 <= start < p1)
        assert article.paragraph_stems(p0, p1, []) == whole
        assert article.paragraph_stems(p0, p1, [(p1, p1 + 5)]) == whole
    assert article.whole_paragraphs() == [
        (p0, p1, tuple(stem for start, stem in _plain_stems(text) if p0 <= start < p1))
        for p0, p1 in article.paragraphs
    ]


def _plain_stems(text: str) -> list[tuple[int, str]]:
    """The content stems of a text with their offsets, by their definition."""
    from analysis.lexicon.stop_words import STOP_WORDS

    return [
        (m.start(), m.group().casefold()[:6])
        for m in re.finditer(r"[^\W\d_]+", text)
        if len(m.group()) > 2 and m.group().casefold() not in STOP_WORDS
    ]


def test_article_stems_are_found_on_first_use():
    from analysis.reuse.paraphrase import ArticleStems

    article = ArticleStems("Ministry reforms army.\n\nThe navy drills.")
    assert article.paragraphs == [(0, 22), (24, 40)]
    assert article.starts is None
    assert article.sentences(24, 40) == ((24, 40, ("navy", "drills")),)
    assert article.starts is None
    assert article.whole_paragraphs() == [
        (0, 22, ("minist", "reform", "army")),
        (24, 40, ("navy", "drills")),
    ]
    assert article.whole_paragraphs() is article.whole_paragraphs()
    assert article.paragraph_stems(24, 40, [(0, 30)]) == ("drills",)
    assert article.paragraph_stems(0, 22, [(9, 16)]) == ("minist", "army")
    assert article.stems == ["minist", "reform", "army", "navy", "drills"]
    assert article.starts.tolist() == [0, 9, 17, 28, 33]
    with pytest.raises(TypeError):
        article.paragraph_stems(0, 22, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The reforms are carried out under the President's instructions.",
        "STRASSE Straße straße ÉCOLE école İstanbul ΟΔΟΣ is an ox of us",
        "",
    ],
)
def test_content_stems_read_through_the_cache_are_the_casefolded_prefixes(sentence):
    import re

    from analysis.lexicon.stop_words import STOP_WORDS
    from analysis.reuse.paraphrase import content_stems

    words = re.findall(r"[^\W\d_]+", sentence)
    expected = tuple(
        w.casefold()[:6] for w in words if len(w) > 2 and w.casefold() not in STOP_WORDS
    )
    assert content_stems(sentence) == expected
    assert content_stems(sentence) == expected  # a second time, from the cache


def _chain_bound(anchors, max_gap):
    """_chain_bounds of the anchors of one pair."""
    import numpy as np

    from analysis.reuse.index import _chain_bounds

    anchors = sorted(anchors, key=lambda a: (a[1], a[0]))
    columns = [np.array(c, dtype=np.int64) for c in zip(*anchors, strict=True)]
    source, target, length = columns
    pairs, bound = _chain_bounds(
        np.zeros(len(anchors), dtype=np.int64), target, source, length, max_gap
    )
    assert pairs.tolist() == [0]
    return int(bound[0])


@pytest.mark.parametrize(
    ("anchors", "bound"),
    [
        ([(0, 0, 12)], 12),
        # One target phrase matched at three places of the source: 12 words of anchors, 4 covered.
        ([(0, 0, 4), (10, 0, 4), (20, 0, 4)], 4),
        # One source phrase matched at three places of the target.
        ([(0, 0, 4), (0, 10, 4), (0, 20, 4)], 4),
        # Overlapping runs on two diagonals cover 6 target words and 7 source words.
        ([(0, 0, 4), (3, 2, 4)], 6),
        # Two clusters of the target (more than max_gap apart): the larger counts.
        ([(0, 0, 5), (6, 6, 3), (30, 40, 4)], 8),
    ],
)
def test_chain_bound_counts_the_words_a_cluster_covers_on_each_side(anchors, bound):
    assert _chain_bound(anchors, 8) == bound


@pytest.mark.parametrize("seed", range(40))
def test_chain_bound_is_at_least_the_best_chain(seed):
    anchors = _random_anchors(seed)
    for max_gap in (0, 3, 8):
        assert _chain_bound(anchors, max_gap) >= _best_chain(anchors, max_gap)[0]


@pytest.mark.parametrize("text", TEXTS + ["Zu\u0308rich and ÉCOLE 3rd-qtr it's, ok. THE Reforms"])
def test_article_stems_are_the_stems_of_every_letter_run(text):
    import re

    from analysis.lexicon.stop_words import STOP_WORDS
    from analysis.reuse.alignment import _Spans
    from analysis.reuse.paraphrase import ArticleStems

    expected = [
        (m.start(), m.group().casefold()[:6])
        for m in re.finditer(r"[^\W\d_]+", text)
        if len(m.group()) > 2 and m.group().casefold() not in STOP_WORDS
    ]
    article = ArticleStems(text)
    article.paragraph_stems(0, len(text), [(0, 0)])
    assert list(zip(article.starts, article.stems, strict=True)) == expected
    spans = word_spans(text)
    assert _Spans(text)[: len(spans) + 1] == spans


def test_distinct_and_members_are_those_of_numpy():
    values = np.array([7, -3, 7, 0, 2**40, -3, 5], dtype=np.int64)
    assert _distinct(values).tolist() == [-3, 0, 5, 7, 2**40]
    assert _distinct(values[:0]).tolist() == []
    kept = np.array([-3, 5, 2**40])
    assert _members(values, kept).tolist() == [False, True, False, False, True, True, True]
    assert _members(values, kept[:0]).tolist() == [False] * 7
    assert _members(np.array([2**41]), kept).tolist() == [False]


def test_maybe_in_keeps_every_equal_value_and_values_of_the_same_top_bits():
    top = np.uint64(1) << np.uint64(63)
    values = np.array([1, top, top + np.uint64(1), 5, top], dtype=np.uint64)
    # One distinct value: a table of 256 slots, by the top 8 bits.
    assert _maybe_in(values, np.array([top], dtype=np.uint64)).tolist() == [1, 2, 4]
    assert _maybe_in(values, np.array([5], dtype=np.uint64)).tolist() == [0, 3]
    assert _maybe_in(values, np.array([], dtype=np.uint64)).tolist() == []


def _plain_postings(owner, hashes, positions, rank, max_df):
    """The postings by their definition: rows of the n-grams held by 2 to max_df rows, by hash,
    then chronologically, then by position."""
    groups: dict[int, list[int]] = {}
    for row, value in enumerate(hashes.tolist()):
        groups.setdefault(value, []).append(row)
    codes, places, sizes = [], [], []
    for value in sorted(groups):
        rows = groups[value]
        if 1 < len(rows) <= max_df:
            rows = sorted(rows, key=lambda r: (rank[owner[r]], positions[r], r))
            codes.extend(sorted(set(owner)).index(owner[r]) for r in rows)
            places.extend(int(positions[r]) for r in rows)
            sizes.append(len(rows))
    return codes, places, sizes


@pytest.mark.parametrize("seed", range(6))
def test_postings_are_those_of_their_definition(seed):
    rng = np.random.default_rng(seed)
    n = 400
    owner = [f"a{int(i):02d}" for i in rng.integers(0, 30, n)]
    # Few distinct hashes (so n-grams are shared), spread over the top bits and sharing them.
    pool = rng.integers(0, 2**63, 40, dtype=np.uint64) | np.uint64(seed % 2) << np.uint64(63)
    hashes = np.concatenate(
        [pool[rng.integers(0, 40, n // 2)], rng.integers(0, 2**64 - 1, n // 2, dtype=np.uint64)]
    )
    positions = rng.integers(0, 50, n).astype(np.int32)
    rank = {
        a: int(r) for a, r in zip(sorted(set(owner)), rng.permutation(len(set(owner))), strict=True)
    }
    signatures = pd.DataFrame({"article_id": owner, "hash": hashes, "position": positions})
    for max_df in (3, n + 1):
        ids, codes, places, starts, sizes = _postings(signatures, max_df, rank, "nearest")
        want_codes, want_places, want_sizes = _plain_postings(
            owner, hashes, positions, rank, max_df
        )
        assert codes.tolist() == want_codes and places.tolist() == want_places
        assert sizes.tolist() == want_sizes
        assert starts.tolist() == np.r_[0, np.cumsum(want_sizes)[:-1]].tolist()[: len(want_sizes)]


@pytest.mark.parametrize(
    ("text", "surely_one"),
    [
        ("Shr 30 cts vs 25 cts\nNet 1,234,000 vs 987,000", True),
        ("It rose 5 pct.  ", True),
        ('He said "we agree." ', True),
        ("It rose. It fell.", False),
        ('"We agree." He said so.', False),
        ("Gen. Dalkiran arrived", False),  # pysbd decides: one sentence
        ("Up 5.5 pct", True),
        ("", True),
    ],
)
def test_surely_one_sentence_is_at_most_one_sentence(text, surely_one):
    assert surely_one_sentence(text) is surely_one
    if surely_one:
        assert len(split_sentences(text)) <= 1


def test_the_sentence_bound_of_rewrites_counts_a_surely_single_paragraph_once():
    article = ArticleStems("One line of text\n\nTwo. Sentences here.\n\nAnd one more")
    assert [article.text[a:b] for a, b in article.paragraphs] == [
        "One line of text",
        "Two. Sentences here.",
        "And one more",
    ]
    assert rewrite._most_sentences(article, [0], 2) == 1
    assert rewrite._most_sentences(article, [1], 2) == 2
    assert rewrite._most_sentences(article, [0, 2], 2) == 2
    assert rewrite._most_sentences(article, [0, 2], 3) == 2
    assert rewrite._most_sentences(article, [], 2) == 0


@pytest.mark.parametrize("text", [*TEXTS, "a1b2 c--d 3.5,6 x", "Shr 30 cts vs 25 cts. Net loss"])
def test_split_matches_are_the_matches_of_finditer(text):
    for pattern in (r"\w+(?:[.,]\w+)*", r"[^\W\d_]+"):
        words, offsets = split_matches(re.compile(f"({pattern})"), text)
        matches = list(re.finditer(pattern, text))
        assert words == [m.group() for m in matches]
        assert offsets.tolist() == [x for m in matches for x in m.span()]


def test_align_leaves_out_the_passages_overlapping_taken_spans_and_finds_the_others():
    first = "The board approved a dividend of ten cents a share payable on April one to holders"
    second = "Output at the plant in Ohio rose sharply in the third quarter of the year, it said"
    filler = "Unrelated words stand here now, many more of them than eight in all."
    source = f"{first}.\n\n{filler}\n\n{second}."
    target = (
        f"Intro text.\n\n{first}.\n\nOther text, with a dozen words or so in between.\n\n{second}."
    )
    options = ReuseOptions()
    src, tgt = prepare_text(source), prepare_text(target)
    anchors = _anchors(src[1], tgt[1], options.k)
    everything = align(source, target, src, tgt, anchors, options)
    assert [target[p["target_start"] : p["target_end"]] for p in everything] == [
        f"{first}.",
        f"{second}.",
    ]
    one, two = everything
    inside = (one["target_start"] + 5, one["target_start"] + 6)
    assert align(source, target, src, tgt, anchors, options, taken=[inside]) == [two]
    touching = (two["target_end"] - 1, two["target_end"] + 10)
    assert align(source, target, src, tgt, anchors, options, taken=[touching]) == [one]
    apart = (0, one["target_start"])
    assert align(source, target, src, tgt, anchors, options, taken=[apart]) == everything
