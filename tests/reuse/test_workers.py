"""The reuse search over two processes finds exactly what one process finds."""

from __future__ import annotations

import multiprocessing as mp

import pandas as pd
import pytest
from rewrite_set import CASES
from test_templates import FIGURES, FRAME

import analysis
from analysis import load_corpus
from analysis.options import ReuseOptions
from analysis.paths import SEEDS_DIR
from analysis.reuse import find_reuse
from analysis.reuse.alignment import prepare_text
from analysis.reuse.detection import CandidateBlocks, _parts
from analysis.reuse.index import _signatures
from analysis.reuse.workers import _worker, map_parts

BACKGROUND = (
    "The central bank raised its benchmark rate by a quarter point to curb inflation, which has "
    "stayed above its target for two years despite four earlier increases, the bank said."
)


@pytest.fixture(scope="module")
def mixed() -> analysis.Corpus:
    """The seeds (a verbatim block, a paraphrase), rewrites (the rewrite set), templates (one
    frame, other figures) and one reprinted paragraph, edited (its figures and, in every other
    copy, its words; copies with the same words and other figures are templates): every kind,
    in many blocks of targets."""
    texts = load_corpus(SEEDS_DIR).articles["text"].tolist()
    for c in CASES:
        texts += ["\n\n".join(c["a"]), "\n\n".join(c["b"])]
    texts += [f"Firm {i} reports\n\n" + FRAME.format(*f) for i, f in enumerate(FIGURES)]
    for i in range(6):
        news = f"Story {i} opens with its own news about harbour number {i}."
        background = BACKGROUND.replace("two years", f"{i + 2} years")
        if i % 2:
            background = background.replace("to curb inflation", "to fight inflation")
        texts.append(f"{news}\n\n{background}")
    frame = pd.DataFrame(
        {
            "id": [f"a{i:02d}" for i in range(len(texts))],
            "date": pd.date_range("2024-01-01", periods=len(texts), freq="D"),
            "author": "Desk",
            "text": texts,
        }
    )
    return analysis.load_corpus(frame)


def test_two_processes_find_exactly_the_passages_of_one(mixed):
    texts = mixed.articles["text"].tolist()
    signatures = _signatures(
        mixed.articles.index.to_numpy(dtype=object),
        [prepare_text(t)[1] for t in texts],
        4,
        True,
        codes=True,
    )
    # The aligner's part of the search is cut into 9 blocks of targets, shared by the processes.
    assert len(CandidateBlocks(mixed, signatures, ReuseOptions(), parts=16)) == 9
    one = find_reuse(mixed)
    assert set(one["kind"]) == {"edited", "paraphrase", "rewrite", "template", "verbatim"}
    pd.testing.assert_frame_equal(find_reuse(mixed, processes=2), one)
    pd.testing.assert_frame_equal(
        find_reuse(mixed, processes=3, sources="all"), find_reuse(mixed, sources="all")
    )


def test_a_search_is_cut_into_several_blocks_per_process():
    assert _parts(ReuseOptions()) == 1
    assert _parts(ReuseOptions(processes=2)) == 16


def test_map_parts_returns_the_results_in_part_order():
    assert map_parts(7, lambda part: (part, part * part), processes=2) == [
        (part, part * part) for part in range(7)
    ]
    assert map_parts(0, lambda part: part, processes=2) == []
    assert map_parts(1, lambda part: part + 1, processes=4) == [1]


def test_a_failing_worker_reports_its_traceback():
    context = mp.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def broken(part):
        raise ValueError(f"part {part} is broken")

    _worker(broken, 3, context.Value("i", 0), writer)
    status, message = reader.recv()
    assert status == "error"
    assert message.splitlines()[-1] == "ValueError: part 0 is broken"


def test_processes_is_validated():
    with pytest.raises(ValueError, match="processes must be a positive integer, got 0"):
        ReuseOptions(processes=0)
