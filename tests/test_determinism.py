"""The same tables under every hash seed: a corpus built with ties, run in fresh interpreters."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd

# Two long forms of one short document name, of equal length: which one "Baku Declaration" stands
# for must not depend on the order of a set of strings (the hash seed).
TEXTS = [
    "The Baku Declaration on Allied Forces was signed by the two ministers on Monday.",
    "The Baku Declaration on Mutual Forces was discussed by the parliament on Tuesday.",
    "The Baku Declaration was praised by the minister, who said it matters.",
    "Officials said the Baku Declaration would be debated again in May.",
]
# Hash seeds under which the tie broke differently before it was fixed (seen with 1 and 5).
SEEDS = ("1", "5")


def run_report(corpus, out, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "analysis", "report", str(corpus), "--out", str(out)]
    subprocess.run([*command, "--no-progress"], check=True, env=env, capture_output=True)


def test_tables_are_the_same_bytes_under_every_hash_seed(tmp_path):
    corpus = tmp_path / "ties.jsonl"
    pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(len(TEXTS))],
            "date": [f"2022-01-0{i + 1}" for i in range(len(TEXTS))],
            "author": None,
            "text": TEXTS,
        }
    ).to_json(corpus, orient="records", lines=True)
    outs = [tmp_path / f"seed{seed}" for seed in SEEDS]
    for seed, out in zip(SEEDS, outs, strict=True):
        run_report(corpus, out, seed)
    files = sorted(p.relative_to(outs[0]) for p in (outs[0] / "tables").iterdir())
    assert len(files) == 28  # 14 tables, each as CSV and Parquet
    for name in [*files, "timeline.json"]:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    entities = pd.read_csv(outs[0] / "tables" / "sources_entities.csv")
    documents = entities[entities["kind"] == "document"]
    assert documents[["text", "name"]].values.tolist() == [
        ["Baku Declaration on Allied Forces", "Baku Declaration on Allied Forces"],
        ["Baku Declaration on Mutual Forces", "Baku Declaration on Mutual Forces"],
        ["Baku Declaration", "Baku Declaration on Mutual Forces"],
        ["Baku Declaration", "Baku Declaration on Mutual Forces"],
    ]


# Newswire-style stories with many mentions of one value, so that the indexed merge (more distinct
# sentences than ``exact_limit``) runs, and with ties: equal dates, equal sentences.
TIMELINE_SCRIPT = """
import sys
import pandas as pd
from analysis import build_timeline, load_corpus, timeline_mentions

companies = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir", "Gorse", "Hazel"]
texts = []
for i, name in enumerate(companies):
    texts.append(
        f"{name} Corp said net profit rose to {i + 2} mln dlrs in 1986. "
        f"{name} shareholders meet on Tuesday. Talks on the {name} merger reopen at 0900 GMT. "
        "The company said 1986 sales were a record."
    )
frame = pd.DataFrame({
    "id": [f"s{i}" for i in range(len(texts))],
    "date": ["1987-03-05"] * 4 + ["1987-03-06"] * 4,
    "author": None,
    "text": texts,
})
none = pd.DataFrame(columns=["article_id", "start", "end", "origin_id", "origin_date"])
mentions = timeline_mentions(load_corpus(frame), reuse=none)
timeline = build_timeline(mentions, exact_limit=2)
timeline.to_json(sys.argv[1], orient="records", lines=True, date_format="iso")
"""


def test_timeline_is_the_same_under_every_hash_seed(tmp_path):
    outs = []
    for seed in SEEDS:
        out = tmp_path / f"timeline{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", TIMELINE_SCRIPT, str(out)]
        subprocess.run(command, check=True, env=env, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    events = pd.read_json(tmp_path / f"timeline{SEEDS[0]}.jsonl", lines=True, dtype=False)
    assert events[["event_id", "value", "n_mentions", "n_articles"]].values.tolist() == [
        [0, "1986", 8, 8],
        [1, "1987-03-05T09:00", 4, 4],
        [2, "1987-03-06T09:00", 4, 4],
        [3, "1987-03-10", 8, 8],
    ]
