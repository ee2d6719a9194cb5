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
    assert len(files) == 26  # 13 tables, each as CSV and Parquet
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
